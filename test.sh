#!/usr/bin/env bash
# Quick start: installs what is missing, builds Convene with AddressSanitizer and UBSan (the dev
# preset) and runs every test, the GUI smoke test under Xvfb included.
set -euo pipefail
cd "$(dirname "$0")"
./install-deps.sh
cmake --preset dev >/dev/null
cmake --build --preset dev -j"$(nproc)"
ctest --preset dev -j"$(nproc)"
