#!/usr/bin/env bash
# Installs what geoprice needs from Debian, each package only when it is missing: GEOS and PROJ with their
# headers, and pkg-config to find them. Swift itself (6.x) is expected on PATH.
set -euo pipefail
missing=()
for package in pkg-config libgeos-dev libproj-dev; do
  dpkg -s "$package" >/dev/null 2>&1 || missing+=("$package")
done
if [ ${#missing[@]} -gt 0 ]; then
  sudo=""
  [ "$(id -u)" -ne 0 ] && sudo="sudo"
  echo "Installing ${missing[*]}" >&2
  $sudo apt-get update
  $sudo apt-get install -y "${missing[@]}"
fi
if ! command -v swift >/dev/null 2>&1; then
  [ -x /opt/swift/usr/bin/swift ] || { echo "swift not found: install Swift 6 and put it on PATH" >&2; exit 1; }
fi
