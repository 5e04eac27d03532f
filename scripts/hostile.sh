#!/usr/bin/env bash
# geoprice-server under hostile load: the p99 of valid requests (a 5-vertex AOI on POST /v1/area, wrk) when quiet,
# then while other clients send bodies over the limit, 1,000-deep JSON, a 2,000,000-vertex AOI (under the body
# limit, over the vertex limit), slow-loris connections and 10,000 distinct CRS strings; then, on a fresh server,
# its resident memory after 100,000 and after 1,000,000 valid requests. Prints one table.
#   scripts/hostile.sh [SECONDS per load, default 20]
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-20}"
scripts/setup.sh
export PATH="$PATH:/opt/swift/usr/bin"
command -v wrk >/dev/null || { apt-get update -qq && apt-get install -y -qq wrk; }
swift build -c release --package-path Server --product geoprice-server >&2
work=$(mktemp -d)
pids=()
cleanup() { for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done; wait 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT
port=18085
LOG_LEVEL=warning Server/.build/release/geoprice-server --port $port >/dev/null 2>&1 & server=$!; pids+=($server)
for _ in $(seq 1 100); do curl -sf "http://127.0.0.1:$port/healthz" >/dev/null 2>&1 && break; sleep 0.1; done

python3 - "$work" <<'PY'
import json, sys
work = sys.argv[1]
json.dump({"type": "Polygon", "coordinates": [[[2, 45], [2.1, 45], [2.1, 45.1], [2, 45.1], [2, 45]]]}, open(f"{work}/small.json", "w"))
open(f"{work}/small.lua", "w").write('wrk.method = "POST"\nwrk.headers["Content-Type"] = "application/json"\n'
                                     f'local f = io.open("{work}/small.json", "rb")\nwrk.body = f:read("*all")\nf:close()\n')
open(f"{work}/deep.json", "w").write("[" * 1000 + "]" * 1000)
with open(f"{work}/huge.json", "w") as out:  # 2,000,000 vertices in 30 MB: under the body limit, over maxVerticesPerAOI
    points = [f"[{2 + i % 1000 * 1e-3:g},{45 + i // 1000 * 1e-3:g}]" for i in range(2_000_000)]
    out.write('{"type":"Polygon","coordinates":[[' + ",".join(points + points[:1]) + "]]}")
open(f"{work}/over.json", "wb").write(b" " * (33 << 20))
PY

refused() { curl -s "http://127.0.0.1:$port/metrics" | awk '/^geoprice_requests_total\{/ && /status="4/ {n += $2} END {printf "%d", n}'; }
p99() { wrk -t1 -c16 -d"${seconds}s" --latency -s "$work/small.lua" "http://127.0.0.1:$port/v1/area" | awk '$1 == "99%" {print $2} /Non-2xx/ {print "non-2xx " $4}' | tr '\n' ' '; }
rss() { awk '/VmRSS/ {print $2 " kB"}' "/proc/$server/status"; }

quiet=$(p99)

# The hostile clients, each in a loop for the whole measurement.
# One process per kind, each request on a new connection (a curl per request spent a core on starting processes).
cat > "$work/bodies.py" <<'PY'
import socket, sys
kind, port, path = sys.argv[1], int(sys.argv[2]), sys.argv[3]
body = open(path, "rb").read()
while True:
    s = socket.create_connection(("127.0.0.1", port), timeout=30)
    try:
        head = f"POST /v1/area HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: {len(body)}\r\nConnection: close\r\n"
        if kind == "over":  # as curl asks before a large body: the server refuses it on its headers
            s.sendall((head + "Expect: 100-continue\r\n\r\n").encode())
        else:
            s.sendall((head + "\r\n").encode() + body)
        while s.recv(65536):
            pass
    except OSError:
        pass
    finally:
        s.close()
PY
for kind in over deep huge; do python3 "$work/bodies.py" $kind $port "$work/$kind.json" & pids+=($!); done
python3 - "$port" <<'PY' & pids+=($!)
import socket, sys, time
port = int(sys.argv[1])
held = []
while True:  # slow loris: 200 connections, each sending one header byte a second, reopened when cut
    held = [s for s in held if s.fileno() != -1]
    while len(held) < 200:
        s = socket.create_connection(("127.0.0.1", port)); s.send(b"POST /v1/area HTTP/1.1\r\nHost: x\r\n"); held.append(s)
    for s in list(held):
        try: s.send(b"X")
        except OSError: s.close(); held.remove(s)
    time.sleep(1)
PY
python3 - "$port" "$work/small.json" <<'PY' & pids+=($!)
import http.client, sys, urllib.parse
port, body = int(sys.argv[1]), open(sys.argv[2], "rb").read()
index = 0
while True:  # 10,000 distinct CRS strings, over and over
    crs = urllib.parse.quote(f"+proj=tmerc +lon_0={(index % 10000) / 100} +ellps=WGS84 +units=m +no_defs")
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    connection.request("POST", f"/v1/area?crs={crs}", body); connection.getresponse().read(); connection.close()
    index += 1
PY
sleep 2
refusedBefore=$(refused)
hostile=$(p99)
refusedDuring=$(( $(refused) - refusedBefore ))
for pid in "${pids[@]:1}"; do kill "$pid" 2>/dev/null || true; done
pids=("$server")
alive=$(curl -sf "http://127.0.0.1:$port/healthz" >/dev/null && echo yes || echo no)
afterHostile=$(rss)

# Memory under valid load alone, on a fresh server.
kill "$server"; wait "$server" 2>/dev/null || true
LOG_LEVEL=warning Server/.build/release/geoprice-server --port $port >/dev/null 2>&1 & server=$!; pids=($server)
for _ in $(seq 1 100); do curl -sf "http://127.0.0.1:$port/healthz" >/dev/null 2>&1 && break; sleep 0.1; done

# Memory: after the server has answered 100,000 valid requests in all, then 1,000,000 (its own count, /metrics;
# wrk's thread:stop() hangs, so wrk runs in 5 s rounds until the count is reached).
answered() { curl -s "http://127.0.0.1:$port/metrics" | awk '/^geoprice_requests_total\{route="\/v1\/area",status="200"\}/ {n = $2} END {printf "%d", n}'; }
answer_until() { while [ "$(answered)" -lt "$1" ]; do wrk -t2 -c64 -d5s -s "$work/small.lua" "http://127.0.0.1:$port/v1/area" >/dev/null; done; }
answer_until 100000
after100k="$(rss) at $(answered)"
answer_until 1000000
after1m="$(rss) at $(answered)"

echo "| measurement | value |"
echo "|---|---|"
echo "| p99 of valid requests, quiet | $quiet |"
echo "| p99 of valid requests, under hostile load | $hostile |"
echo "| hostile requests refused (4xx) while it was measured ($seconds s) | $refusedDuring |"
echo "| server alive afterwards | $alive |"
echo "| its resident memory then | $afterHostile |"
echo "| resident memory after 100,000 valid requests (answered so far) | $after100k |"
echo "| resident memory after 1,000,000 valid requests (answered so far) | $after1m |"
