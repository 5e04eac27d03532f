#!/usr/bin/env bash
# Prices 100,000 AOIs (NDJSON) through Spark in local mode with examples/spark/price_ndjson.py, then checks every
# answer line against `geoprice estimate --ndjson` run directly on the same file. KEEP=1 keeps the work folder.
#   examples/spark/run.sh [AOIS, default 100000]
set -euo pipefail
cd "$(dirname "$0")/../.."
count="${1:-100000}"
scripts/setup.sh
export PATH="$PATH:/opt/swift/usr/bin"
command -v java >/dev/null || { apt-get update -qq && apt-get install -y -qq default-jre-headless; }
if [ ! -x examples/spark/.venv/bin/spark-submit ]; then
  python3 -m venv examples/spark/.venv
  examples/spark/.venv/bin/pip install --quiet pyspark==3.5.3
fi
swift build -c release --product geoprice >&2
geoprice="$(pwd)/.build/release/geoprice"
work=$(mktemp -d)
trap '[ -n "${KEEP:-}" ] || rm -rf "$work"' EXIT

# AOIs: small quadrilaterals scattered over land-like latitudes, one in 1,000 a bowtie (refused: an error line).
python3 - "$work/aois.ndjson" "$count" <<'PY'
import json, random, sys
random.seed(7)
with open(sys.argv[1], "w") as out:
    for index in range(int(sys.argv[2])):
        lon, lat = random.uniform(-170, 170), random.uniform(-60, 60)
        size = random.uniform(0.01, 0.2)
        ring = [[lon, lat], [lon + size, lat], [lon + size, lat + size], [lon, lat + size], [lon, lat]]
        if index % 1000 == 999:
            ring = [[lon, lat], [lon + size, lat + size], [lon + size, lat], [lon, lat + size], [lon, lat]]
        out.write(json.dumps({"type": "Feature", "id": f"aoi-{index}", "properties": {}, "geometry": {"type": "Polygon", "coordinates": [ring]}}) + "\n")
PY

# spark-submit finds Spark through the interpreter on PATH: point it at the virtual environment's.
export PYSPARK_PYTHON="$(pwd)/examples/spark/.venv/bin/python"
export SPARK_HOME="$("$PYSPARK_PYTHON" -c 'import os, pyspark; print(os.path.dirname(pyspark.__file__))')"
start=$(date +%s.%N)
examples/spark/.venv/bin/spark-submit --master "local[$(nproc)]" --conf spark.ui.enabled=false \
  examples/spark/price_ndjson.py "$work/aois.ndjson" "$work/out" "$geoprice" 8 2>"$work/spark.log" \
  || { tail -30 "$work/spark.log" >&2; exit 1; }
spark_seconds=$(echo "$(date +%s.%N) - $start" | bc)
cat "$work"/out/part-* > "$work/spark.ndjson"

start=$(date +%s.%N)
"$geoprice" estimate --ndjson --aoi "$work/aois.ndjson" --product SKYSAT-TASKING --contract NGO-2026 --as-of 2026-11-30 \
  > "$work/direct.ndjson" || true
direct_seconds=$(echo "$(date +%s.%N) - $start" | bc)

# An error line names its input line, which for Spark is the line within its partition: compared without it.
same_but_line() { sed -E 's/ \(input line [0-9]+\)//; s/,"line":[0-9]+//' "$1"; }
lines=$(wc -l < "$work/spark.ndjson")
errors=$(grep -c '"error"' "$work/spark.ndjson" || true)
if cmp -s <(same_but_line "$work/spark.ndjson") <(same_but_line "$work/direct.ndjson"); then
  echo "spark: $lines answer lines for $count AOIs ($errors of them refusals), every one equal to the CLI's (error lines but for the input line they name); spark ${spark_seconds}s, the CLI alone ${direct_seconds}s"
else
  echo "spark: the answers differ from the CLI's:" >&2
  diff <(same_but_line "$work/spark.ndjson") <(same_but_line "$work/direct.ndjson") | head -6 | cut -c1-300 >&2
  exit 1
fi
