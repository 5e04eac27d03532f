#!/usr/bin/env bash
# Load on loopback: wrk against the release geoprice-server and, in the same run, against the peer service
# (Benchmarks/peer/peer_service.py: FastAPI + uvicorn, 2 workers, shapely + pyproj), then two geoprice-server replicas
# behind nginx. Prints requests/s, p50/p99 latency and non-2xx answers per row, as a README table.
#   scripts/loadtest.sh [SECONDS per row, default 30] [CONNECTIONS, default 64]
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-30}"
connections="${2:-64}"
scripts/setup.sh
export PATH="$PATH:/opt/swift/usr/bin"
missing=()
command -v wrk >/dev/null || missing+=(wrk)
command -v nginx >/dev/null || missing+=(nginx-light)
if [ ${#missing[@]} -gt 0 ]; then
  apt-get update -qq && apt-get install -y -qq "${missing[@]}"
fi
if [ ! -x Benchmarks/peer/.venv/bin/uvicorn ]; then
  python3 -m venv Benchmarks/peer/.venv
  Benchmarks/peer/.venv/bin/pip install --quiet -r Benchmarks/peer/requirements.txt
fi
swift build -c release --package-path Server --product geoprice-server >&2

work=$(mktemp -d)
pids=()
cleanup() { for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done; wait 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT

# Bodies: a 5-vertex AOI (4 corners, closed), and a 10,000-vertex one (a 20 km circle); estimates of SKYSAT-TASKING.
python3 - "$work" <<'PY'
import json, math, sys
work = sys.argv[1]
small = {"type": "Polygon", "coordinates": [[[2, 45], [2.1, 45], [2.1, 45.1], [2, 45.1], [2, 45]]]}
ring = [[2 + 0.25 * math.cos(2 * math.pi * i / 10000) / math.cos(math.radians(45)), 45 + 0.18 * math.sin(2 * math.pi * i / 10000)] for i in range(10000)]
large = {"type": "Polygon", "coordinates": [ring + [ring[0]]]}
for name, body in {"area-small": small, "area-large": large,
                   "estimate-small": {"aois": small, "items": [{"product": "SKYSAT-TASKING"}], "contract": "NGO-2026"},
                   "estimate-large": {"aois": large, "items": [{"product": "SKYSAT-TASKING"}], "contract": "NGO-2026"}}.items():
    open(f"{work}/{name}.json", "w").write(json.dumps(body))
    open(f"{work}/{name}.lua", "w").write(
        'wrk.method = "POST"\nwrk.headers["Content-Type"] = "application/json"\n'
        f'local f = io.open("{work}/{name}.json", "rb")\nwrk.body = f:read("*all")\nf:close()\n')
PY

wait_for() { for _ in $(seq 1 100); do curl -sf "http://127.0.0.1:$1$2" >/dev/null 2>&1 && return 0; sleep 0.1; done; echo "nothing answers on port $1" >&2; exit 1; }

Server/.build/release/geoprice-server --port 18080 >/dev/null 2>&1 & pids+=($!)
Benchmarks/peer/.venv/bin/uvicorn --app-dir Benchmarks/peer peer_service:app --workers 2 --port 18081 --log-level warning >/dev/null 2>&1 & pids+=($!)
wait_for 18080 /healthz
for _ in $(seq 1 100); do curl -sf -X POST --data-binary @"$work/area-small.json" http://127.0.0.1:18081/v1/area >/dev/null 2>&1 && break; sleep 0.2; done

# One row: wrk's requests/s, p50, p99 and non-2xx for a body file on a URL.
row() {
  local label=$1 url=$2 body=$3
  local out
  out=$(wrk -t2 -c"$connections" -d"${seconds}s" --latency -s "$work/$body.lua" "$url")
  local rps p50 p99 errors
  rps=$(awk '/Requests\/sec/ {print $2}' <<<"$out")
  p50=$(awk '$1 == "50%" {print $2}' <<<"$out")
  p99=$(awk '$1 == "99%" {print $2}' <<<"$out")
  errors=$(awk '/Non-2xx/ {print $4}' <<<"$out")
  printf '| %s | %s | %s | %s | %s |\n' "$label" "$rps" "$p50" "$p99" "${errors:-0}"
}

echo "wrk -t2 -c$connections -d${seconds}s on loopback; $(nproc) cores shared by the load and the servers"
echo
echo "| row | requests/s | p50 | p99 | non-2xx |"
echo "|---|---:|---:|---:|---:|"
for body in area-small area-large estimate-small estimate-large; do
  path=/v1/${body%%-*}
  row "geoprice-server $path, $body" "http://127.0.0.1:18080$path" "$body"
  row "peer (uvicorn ×2) $path, $body" "http://127.0.0.1:18081$path" "$body"
done

# Two replicas behind nginx: nothing shared between them.
kill "${pids[0]}"; wait "${pids[0]}" 2>/dev/null || true
Server/.build/release/geoprice-server --port 18082 >/dev/null 2>&1 & pids+=($!)
Server/.build/release/geoprice-server --port 18083 >/dev/null 2>&1 & pids+=($!)
wait_for 18082 /healthz
wait_for 18083 /healthz
cat > "$work/nginx.conf" <<CONF
worker_processes 1;
pid $work/nginx.pid;
error_log $work/nginx-error.log;
events { worker_connections 1024; }
http {
  access_log off;
  client_body_temp_path $work/body;
  upstream geoprice { server 127.0.0.1:18082; server 127.0.0.1:18083; keepalive 64; }
  server {
    listen 127.0.0.1:18090;
    client_max_body_size 32m;
    location / { proxy_pass http://geoprice; proxy_http_version 1.1; proxy_set_header Connection ""; }
  }
}
CONF
nginx -c "$work/nginx.conf" -g 'daemon off;' & pids+=($!)
wait_for 18090 /healthz
row "2 replicas behind nginx /v1/area, area-small" "http://127.0.0.1:18090/v1/area" area-small
row "2 replicas behind nginx /v1/estimate, estimate-small" "http://127.0.0.1:18090/v1/estimate" estimate-small
