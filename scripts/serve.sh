#!/usr/bin/env bash
# Builds geoprice-server (release) and runs it in the foreground, so that signals reach it:
#   scripts/serve.sh [--host H] [--port N] [--catalog FILE] [more geoprice-server options]
# SIGHUP reloads the catalog; SIGTERM or Ctrl-C stops accepting, finishes the requests in flight and exits 0.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
export PATH="$PATH:/opt/swift/usr/bin"
swift build -c release --package-path Server --product geoprice-server >&2
exec Server/.build/release/geoprice-server "$@"
