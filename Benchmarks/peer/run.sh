#!/usr/bin/env bash
# Times what users run, geoprice beside the shapely + pyproj peer, as processes in one run, and prints the table of
# README's "Performance".
#   Benchmarks/peer/run.sh [--quick] [geoprice-bench options: --runs N, --only A1,C1, --splits, --json FILE]
set -euo pipefail
cd "$(dirname "$0")/../.."
scripts/setup.sh
export PATH="$PATH:/opt/swift/usr/bin"
if [ ! -x Benchmarks/peer/.venv/bin/python ]; then
  python3 -m venv Benchmarks/peer/.venv
  Benchmarks/peer/.venv/bin/pip install --quiet -r Benchmarks/peer/requirements.txt
fi
swift build -c release --product geoprice >&2
swift build -c release --product geoprice-bench >&2
exec .build/release/geoprice-bench --peer Benchmarks/peer/.venv/bin/python "$@"
