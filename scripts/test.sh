#!/usr/bin/env bash
# Installs what is missing, builds everything with warnings as errors and runs
# every test (C++, C and Python) through ctest, then fuzzes the segment language
# for a bounded time (scripts/fuzz.sh, 90 s; CRM_FUZZ_SECONDS changes it). CI runs exactly this.
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/install-deps.sh test
launcher=()  # ccache, where the machine has it, makes a second run quick; nothing needs it
if command -v ccache >/dev/null; then
  launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache -DCMAKE_C_COMPILER_LAUNCHER=ccache)
fi
cmake -S . -B build-test -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCRM_WERROR=ON -DPython3_EXECUTABLE=/usr/bin/python3 \
  "${launcher[@]}"
cmake --build build-test -j2
ctest --test-dir build-test -j2 --output-on-failure
scripts/fuzz.sh "${CRM_FUZZ_SECONDS:-90}"
