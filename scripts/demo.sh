#!/usr/bin/env bash
# The main job: a price preview of a bundled AOI on the embedded default catalog.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
export PATH="$PATH:/opt/swift/usr/bin"
swift build --product geoprice >&2
.build/debug/geoprice estimate --aoi fixtures/cases/beauce_polygon_with_hole.json \
  --product PNEO-TASKING-30CM --priority oneday --contract NGO-2026 "$@"
