#!/usr/bin/env bash
# Quick start: installs what is missing, builds Convene (release) and opens it on the default
# workspace ($XDG_DATA_HOME/convene/convene.db). Extra arguments go to convene (e.g. --db FILE).
set -euo pipefail
cd "$(dirname "$0")"
./install-deps.sh
cmake --preset release >/dev/null
cmake --build --preset release -j"$(nproc)"
exec ./build/release/app/convene "$@"
