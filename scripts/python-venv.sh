#!/usr/bin/env bash
# Create (if missing) the repo-local Python virtualenv at .venv and install
# requirement files into it. Idempotent: re-running only re-checks the installs.
#
# Usage: scripts/python-venv.sh [requirements.txt ...]
#   Relative paths are taken from the current directory, else from the repo root.
#   Default: Tests/Interop/requirements.txt
# Prints the path of the venv's python on stdout (progress goes to stderr), so
#   PY="$(scripts/python-venv.sh)" && "$PY" ...
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
VENV="$ROOT/.venv"
PY="$VENV/bin/python"

if [ "$#" -eq 0 ]; then
    set -- "$ROOT/Tests/Interop/requirements.txt"
fi

# Resolve every file first, so a typo fails before anything is installed.
reqs=()
for req in "$@"; do
    if [ ! -f "$req" ] && [ -f "$ROOT/$req" ]; then
        req="$ROOT/$req"
    fi
    if [ ! -f "$req" ]; then
        echo "python-venv.sh: requirements file not found: $req" >&2
        exit 1
    fi
    reqs+=(-r "$req")
done

if [ ! -x "$PY" ]; then
    echo "python-venv.sh: creating $VENV" >&2
    python3 -m venv "$VENV"
fi

# One pip run for all files, so pip resolves their requirements together.
"$PY" -m pip install --quiet --disable-pip-version-check "${reqs[@]}" >&2

echo "$PY"
