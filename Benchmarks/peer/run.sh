#!/usr/bin/env bash
# Runs geoprice-bench and the shapely + pyproj peer on the same inputs and prints the comparison.
#   Benchmarks/peer/run.sh [--quick]
set -euo pipefail
cd "$(dirname "$0")/../.."
scripts/setup.sh
export PATH="$PATH:/opt/swift/usr/bin"
quick=""
data=".build/bench-data"
if [ "${1:-}" = "--quick" ]; then quick="--quick"; data=".build/bench-data-quick"; fi
if [ ! -x Benchmarks/peer/.venv/bin/python ]; then
  python3 -m venv Benchmarks/peer/.venv
  Benchmarks/peer/.venv/bin/pip install --quiet -r Benchmarks/peer/requirements.txt
fi
swift build -c release --product geoprice-bench >&2
.build/release/geoprice-bench $quick --data "$data" --json "$data/geoprice.json"
Benchmarks/peer/.venv/bin/python Benchmarks/peer/peer.py $quick --data "$data" --json "$data/peer.json"
python3 Benchmarks/peer/compare.py "$data/geoprice.json" "$data/peer.json"
