#!/usr/bin/env bash
# Runs the CLI under valgrind over the reference cases and the bad-input corpus (every rejection path) and fails on
# any definite leak of GEOS, PROJ or Swift memory:  scripts/memcheck.sh
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
command -v valgrind >/dev/null 2>&1 || { apt-get update && apt-get install -y valgrind; }
export PATH="$PATH:/opt/swift/usr/bin"
swift build --product geoprice >&2
failures=0
run() {
  local status=0
  valgrind --quiet --leak-check=full --errors-for-leak-kinds=definite --error-exitcode=99 \
    .build/debug/geoprice "$@" >/dev/null 2>/tmp/geoprice-memcheck.log || status=$?
  # geoprice itself exits 0 or 2 (rejected input); valgrind's 99 means a definite leak or a memory error.
  if [ "$status" -eq 99 ] || grep -q "definitely lost" /tmp/geoprice-memcheck.log; then
    echo "LEAK or memory error: geoprice $*" >&2
    cat /tmp/geoprice-memcheck.log >&2
    failures=$((failures + 1))
  fi
}
for file in fixtures/cases/*.json fixtures/bad/*.json; do
  run area --json --crs EPSG:3035 "$file"
done
run coverage --json --aoi fixtures/cases/beauce_polygon_with_hole.json --captures fixtures/cases/beauce_polygon_with_hole.json
run estimate --json --aoi fixtures/cases/germany_25km2.json --product PNEO-TASKING-30CM --priority oneday --contract NGO-2026
run estimate --json --aoi fixtures/cases/germany_25km2.json --product PNEO-TASKING-30CM --voucher NOPE
run reproject --json fixtures/cases/fiji_antimeridian_lon_gt_180.json --to EPSG:32760
run area --json --crs "+proj=pipeline +step +proj=utm +zone=32" fixtures/cases/corsica_rectangle.json
echo "memcheck: $failures run(s) with definite leaks"
[ "$failures" -eq 0 ]
