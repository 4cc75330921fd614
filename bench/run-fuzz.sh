#!/usr/bin/env bash
# Builds TGCronFuzz and runs it: `make fuzz` (long, release) and `make fuzz-ci` (small) call this.
# Usage: bench/run-fuzz.sh [debug|release] [TGCronFuzz options...]
# Environment: SWIFT (default swift), BUILD_FLAGS (e.g. --scratch-path .build-fuzz).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

config="${1:-release}"
shift || true
swift="${SWIFT:-swift}"
# shellcheck disable=SC2086  # BUILD_FLAGS is a list of flags
"$swift" build -c "$config" --product TGCronFuzz ${BUILD_FLAGS:-}
# shellcheck disable=SC2086
bin="$("$swift" build -c "$config" --show-bin-path ${BUILD_FLAGS:-})"
mkdir -p bench/results
"$bin/TGCronFuzz" --results bench/results "$@"
