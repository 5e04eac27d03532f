#!/usr/bin/env bash
# The main job on a bundled AOI: measure it (its price preview comes with the pricing module).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
export PATH="$PATH:/opt/swift/usr/bin"
swift build --product geoprice >&2
.build/debug/geoprice area fixtures/cases/corsica_rectangle.json "$@"
