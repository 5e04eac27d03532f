#!/usr/bin/env python3
"""Prints geoprice-bench's figures beside the peer's, with the ratio peer time / geoprice time per workload and the
goal of the benchmark issue; for coverage, how far each side's covered area is from the geodesic answer.

    python3 compare.py geoprice.json peer.json
"""
import json
import sys

GOALS = {"a": 4.0, "b": 2.0, "c": 1.5, "d": 1.5, "e": 1.5, "f": 3.0}


def main():
    ours = {row["key"]: row for row in json.load(open(sys.argv[1]))["rows"]}
    peer_report = json.load(open(sys.argv[2]))
    peer = {row["key"]: row for row in peer_report["rows"]}
    print("peer:", ", ".join(f"{name} {version}" for name, version in peer_report["versions"].items()))
    print(f"{'row':<4} {'geoprice s':>11} {'peer s':>9} {'ratio':>7} {'goal':>6}  workload")
    for key, row in ours.items():
        other = peer.get("f1" if key.startswith("f") else key)
        goal = GOALS.get(key[0])
        if other is None:
            print(f"{key:<4} {row['seconds']:>11.3f} {'':>9} {'':>7} {'':>6}  {row['title']}")
            continue
        ratio = other["seconds"] / row["seconds"]
        mark = "" if goal is None else (" ok" if ratio >= goal else " below")
        print(f"{key:<4} {row['seconds']:>11.3f} {other['seconds']:>9.3f} {ratio:>6.2f}x {goal or '':>5}{mark}  {row['title']}")
    if "g" in ours:
        print(f"(g) slope of log(time) over log(captures): {ours['g']['notes']['slope']:.3f} (goal < 1.3)")
    if "a" in ours:
        print(f"(a) geodesic step on one core / bare C loop of geod_polygonarea: {ours['a']['notes']['geodesicOverBareC']:.3f} (goal ≤ 1.10)")
    if "e" in ours and "e" in peer and "geodesicReferenceCoveredKm2" in peer["e"]["notes"]:
        reference = peer["e"]["notes"]["geodesicReferenceCoveredKm2"]
        for name, row in (("geoprice", ours["e"]), ("peer", peer["e"])):
            covered = row["notes"]["coveredKm2"]
            print(f"(e) {name} covered {covered:.6f} km², {abs(covered - reference) / reference:.2e} from the densified-geodesic answer")
    for key in ("d", "e"):
        if key in ours and key in peer:
            a, b = ours[key]["notes"]["coveredKm2"], peer[key]["notes"]["coveredKm2"]
            print(f"({key}) covered: geoprice {a:.6f} km², peer {b:.6f} km² (relative difference {abs(a - b) / a:.2e})")


if __name__ == "__main__":
    main()
