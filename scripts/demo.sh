#!/usr/bin/env bash
# The main job: a price preview of a bundled AOI on the embedded default catalog.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
export PATH="$PATH:/opt/swift/usr/bin"
# Without the Quotations trait (signed quotations, swift-crypto): the preview does not need it, and BoringSSL alone
# takes a minute to build. Its own build folder, so that the tests' build (default traits) is not rebuilt after it.
swift build --product geoprice --disable-default-traits --scratch-path .build-demo >&2
.build-demo/debug/geoprice estimate --aoi fixtures/cases/beauce_polygon_with_hole.json \
  --product PNEO-TASKING-30CM --priority oneday --contract NGO-2026 "$@"
