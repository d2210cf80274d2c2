#!/usr/bin/env bash
# Installs what is missing, builds everything with warnings as errors and runs
# every test (C++, C and Python) through ctest; then the sanitizer job, the ci scope
# of scripts/sanitize.sh (a representative part of the tests under ASan+UBSan and
# the thread tests under TSan; `scripts/sanitize.sh full` runs them all); then each
# libFuzzer target for a bounded time (scripts/fuzz.sh, 120 s in all;
# CRM_FUZZ_SECONDS changes it). CI runs exactly this, within 60 minutes on 2 cores.
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

# The sanitizer job, in build-asan/ and build-tsan/.
scripts/sanitize.sh ci

# The fuzzers, in build-fuzz/.
scripts/fuzz.sh "${CRM_FUZZ_SECONDS:-120}"
