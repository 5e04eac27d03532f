#!/usr/bin/env bash
# Fuzzes one reader with libFuzzer for a while:  scripts/fuzz.sh geojson|request|catalog|decisions [SECONDS]
# Builds the target with -sanitize=fuzzer,address into .build-fuzz, seeds a corpus from fixtures/ (kept in
# .build-fuzz/corpus-TARGET between runs), and leaves any crashing input as .build-fuzz/crash-*; keep each finding as
# a test in fixtures/bad/ once fixed.
set -euo pipefail
cd "$(dirname "$0")/.."
target="${1:?usage: scripts/fuzz.sh geojson|request|catalog|decisions [SECONDS]}"
seconds="${2:-60}"
scripts/setup.sh
export PATH="$PATH:/opt/swift/usr/bin"
GEOPRICE_FUZZ=1 swift build -c release --scratch-path .build-fuzz --product "fuzz-$target" \
  -Xswiftc -sanitize=fuzzer,address -Xswiftc -use-ld=lld >&2
corpus=".build-fuzz/corpus-$target"
mkdir -p "$corpus"
case "$target" in
  geojson) cp fixtures/cases/*.json fixtures/bad/*.json fixtures/generated/*.json "$corpus"/ 2>/dev/null || true ;;
  request) cp fixtures/pricing/*.json fixtures/stat/*.json "$corpus"/ ;;
  catalog) cp Sources/Pricing/Resources/default-catalog.json fixtures/bad/*catalog*.json "$corpus"/ ;;
  decisions) cp fixtures/quotation/*.json fixtures/status/*.json "$corpus"/ ;;
esac
".build-fuzz/release/fuzz-$target" -max_total_time="$seconds" -max_len=65536 -timeout=10 -rss_limit_mb=4096 \
  -artifact_prefix=.build-fuzz/ "$corpus"
