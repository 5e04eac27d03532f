#!/usr/bin/env python3
"""The peer geoprice is measured against: the same workloads done with shapely 2, pyproj and numpy in their fastest
idioms (orjson to read, vectorised shapely, one pyproj Transformer per CRS pair, STRtree + clip-then-union for
coverage), timed end to end from the same input files geoprice-bench writes. Single process, as those idioms are.

    python peer.py --data .build/bench-data [--quick] [--runs 3] [--json peer.json] [--only a,b]
"""
import argparse
import math
import time
from decimal import ROUND_CEILING, ROUND_HALF_EVEN, Decimal
from pathlib import Path

import numpy as np
import orjson
import pyproj
import shapely
from pyproj import Geod, Transformer

GEOD = Geod(ellps="WGS84")


def read(path):
    with open(path, "rb") as f:
        return orjson.loads(f.read())


def rings_array(collection):
    """The exterior rings of a FeatureCollection of equal-sized Polygons, as an (n, k, 2) array."""
    return np.asarray([f["geometry"]["coordinates"][0] for f in collection["features"]], dtype=float)


def median_run(runs, body):
    results = [body() for _ in range(runs)]
    results.sort(key=lambda r: r[0])
    return results[len(results) // 2]


def geodesic_area(data, runs):
    def run():
        t0 = time.perf_counter()
        collection = read(data / "aois.geojson")
        t1 = time.perf_counter()
        areas = []
        for feature in collection["features"]:
            ring = feature["geometry"]["coordinates"][0]
            area, _ = GEOD.polygon_area_perimeter([p[0] for p in ring], [p[1] for p in ring])
            areas.append(abs(area) / 1e6)
        t2 = time.perf_counter()
        return t2 - t0, {"read+parse": t1 - t0, "geodesic": t2 - t1}, {"sumAreaKm2": sum(areas)}, len(areas)
    return run_row("a", runs, run)


def utm_area(data, runs):
    def run():
        t0 = time.perf_counter()
        rings = rings_array(read(data / "aois.geojson"))
        t1 = time.perf_counter()
        centroids = shapely.centroid(shapely.polygons(rings))
        lon, lat = shapely.get_x(centroids), shapely.get_y(centroids)
        zone = np.minimum(np.floor((((lon + 180) % 360) - 180 + 180) / 6).astype(int) + 1, 60)
        epsg = np.where(lat >= 0, 32600, 32700) + zone
        areas = np.empty(len(rings))
        for code in np.unique(epsg):
            mask = epsg == code
            transformer = Transformer.from_crs("EPSG:4326", f"EPSG:{code}", always_xy=True)
            x, y = transformer.transform(rings[mask, :, 0], rings[mask, :, 1])
            areas[mask] = shapely.area(shapely.polygons(np.stack([x, y], axis=-1))) / 1e6
        t2 = time.perf_counter()
        return t2 - t0, {"read+parse": t1 - t0, "zone+PROJ+area": t2 - t1}, {"sumUTMAreaKm2": float(areas.sum())}, len(rings)
    return run_row("b", runs, run)


def reprojection(data, runs):
    transformer = Transformer.from_crs("EPSG:4326", "EPSG:32632", always_xy=True)

    def run():
        t0 = time.perf_counter()
        rings = rings_array(read(data / "aois.geojson"))
        t1 = time.perf_counter()
        x, y = transformer.transform(rings[:, :, 0], rings[:, :, 1])
        polygons = shapely.polygons(np.stack([x, y], axis=-1))
        t2 = time.perf_counter()
        return t2 - t0, {"read+parse": t1 - t0, "PROJ": t2 - t1}, {"polygons": float(len(polygons))}, len(rings)
    return run_row("c", runs, run)


def geodesic_area_of(geometry):
    if shapely.is_empty(geometry):
        return 0.0
    return abs(GEOD.geometry_area_perimeter(geometry)[0]) / 1e6


def coverage(key, data, runs, aoi_file, capture_file):
    def run():
        t0 = time.perf_counter()
        aois = shapely.polygons(rings_array(read(data / aoi_file)))
        captures = shapely.polygons(rings_array(read(data / capture_file)))
        t1 = time.perf_counter()
        tree = shapely.STRtree(captures)
        aoi_index, capture_index = tree.query(aois, predicate="intersects")
        pieces = shapely.intersection(aois[aoi_index], captures[capture_index])
        t2 = time.perf_counter()
        covered_total = remainder_total = 0.0
        order = np.argsort(aoi_index, kind="stable")
        groups = np.split(order, np.flatnonzero(np.diff(aoi_index[order])) + 1) if len(order) else []
        covered_by_aoi = {}
        for group in groups:
            covered_by_aoi[int(aoi_index[group[0]])] = shapely.union_all(pieces[group])
        for index, aoi in enumerate(aois):
            covered = covered_by_aoi.get(index, shapely.Polygon())
            remainder = shapely.difference(aoi, covered)
            covered_total += geodesic_area_of(covered)
            remainder_total += geodesic_area_of(remainder)
        t3 = time.perf_counter()
        notes = {"coveredKm2": covered_total, "remainderKm2": remainder_total}
        return t3 - t0, {"read+parse": t1 - t0, "index+clip": t2 - t1, "union+difference+geodesic": t3 - t2}, notes, len(aois)
    return run_row(key, runs, run)


SKYSAT_RATE = Decimal("20.00")
SKYSAT_MINIMUM = Decimal("25")
CENT = Decimal("0.01")


def price_line(line):
    """SKYSAT-TASKING with the NGO-2026 contract, as geoprice-bench's (f) prices it: validate, geodesic area, minimum,
    area rounded up to 0.01 km², amount half-even, 15 % off; the answer as JSON."""
    feature = orjson.loads(line)
    geometry = shapely.geometry.shape(feature["geometry"])
    if not shapely.is_valid(geometry):
        return orjson.dumps({"error": {"code": "invalid_geometry", "message": shapely.is_valid_reason(geometry)}})
    measured = Decimal(abs(GEOD.geometry_area_perimeter(geometry)[0]) / 1e6).quantize(Decimal("0.000001"), ROUND_HALF_EVEN)
    billable = max(measured, SKYSAT_MINIMUM).quantize(CENT, ROUND_CEILING)
    amount = (billable * SKYSAT_RATE).quantize(CENT, ROUND_HALF_EVEN)
    discount = (amount * Decimal("15") / 100).quantize(CENT, ROUND_HALF_EVEN)
    return orjson.dumps({
        "id": feature.get("id"), "currency": "EUR",
        "lines": [{"product": "SKYSAT-TASKING", "measuredKm2": str(measured), "billableKm2": str(billable), "amount": str(amount)}],
        "subtotal": str(amount), "discountValue": str(discount), "total": str(amount - discount),
    })


def end_to_end(data, runs):
    def run():
        t0 = time.perf_counter()
        with open(data / "aois.ndjson", "rb") as f:
            lines = f.read().splitlines()
        t1 = time.perf_counter()
        answers = [price_line(line) for line in lines]
        t2 = time.perf_counter()
        return t2 - t0, {"read": t1 - t0, "parse+validate+measure+price+write": t2 - t1}, {}, len(answers)
    return run_row("f1", runs, run)


def densified_ring(ring, max_km):
    points = []
    for (lon1, lat1), (lon2, lat2) in zip(ring[:-1], ring[1:]):
        points.append((lon1, lat1))
        _, _, distance = GEOD.inv(lon1, lat1, lon2, lat2)
        pieces = int(math.ceil(distance / (max_km * 1000)))
        if pieces > 1:
            points.extend(GEOD.npts(lon1, lat1, lon2, lat2, pieces - 1))
    points.append(points[0])
    return points


def geodesic_reference(data, aoi_file, capture_file, max_km=0.25):
    """Covered km² with every edge a geodesic: AOI and captures densified along geodesics before the lon/lat overlay
    (the reference README's geodesic_densified_overlay semantic)."""
    aoi_rings = rings_array(read(data / aoi_file))
    capture_rings = rings_array(read(data / capture_file))
    aois = shapely.polygons(aoi_rings)
    captures = shapely.polygons(capture_rings)
    tree = shapely.STRtree(captures)
    total = 0.0
    for index, aoi_ring in enumerate(aoi_rings):
        near = tree.query(aois[index], predicate="intersects")
        dense_aoi = shapely.Polygon(densified_ring(aoi_ring.tolist(), max_km))
        dense = [shapely.Polygon(densified_ring(capture_rings[i].tolist(), max_km)) for i in near]
        covered = shapely.intersection(dense_aoi, shapely.union_all(dense)) if dense else shapely.Polygon()
        total += geodesic_area_of(covered)
    return total


def run_row(key, runs, body):
    seconds, phases, notes, items = median_run(runs, body)
    return {"key": key, "seconds": seconds, "items": items, "phases": phases, "notes": notes}


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--data", required=True)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--quick", action="store_true")
    parser.add_argument("--json")
    parser.add_argument("--only")
    args = parser.parse_args()
    data = Path(args.data)
    runs = 1 if args.quick else args.runs
    large_file = "captures-1000.geojson" if args.quick else "captures-10000.geojson"
    only = set(args.only.split(",")) if args.only else None
    rows = []
    plan = [
        ("a", lambda: geodesic_area(data, runs)), ("b", lambda: utm_area(data, runs)), ("c", lambda: reprojection(data, runs)),
        ("d", lambda: coverage("d", data, runs, "order-aois.geojson", "order-captures.geojson")),
        ("e", lambda: coverage("e", data, runs, "large-aoi.geojson", large_file)),
        ("f1", lambda: end_to_end(data, runs)),
    ]
    for key, body in plan:
        if only and key not in only and key[0] not in only:
            continue
        row = body()
        if key == "e":
            row["notes"]["geodesicReferenceCoveredKm2"] = geodesic_reference(data, "large-aoi.geojson", large_file)
        rows.append(row)
        print(f"({key}) {row['seconds']:.3f} s  {row['items'] / row['seconds']:.0f}/s  " +
              ", ".join(f"{name} {value:.3f} s" for name, value in row["phases"].items()), flush=True)
    report = {"tool": "peer", "versions": {"numpy": np.__version__, "shapely": shapely.__version__, "geos": shapely.geos_version_string,
              "pyproj": pyproj.__version__, "proj": pyproj.proj_version_str, "orjson": orjson.__version__}, "rows": rows}
    if args.json:
        Path(args.json).write_bytes(orjson.dumps(report, option=orjson.OPT_INDENT_2))


if __name__ == "__main__":
    main()
