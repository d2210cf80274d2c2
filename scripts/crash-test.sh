#!/usr/bin/env bash
# The long crash test: tests/storage/crash_harness.cpp (ctest runs it with 120
# trials) with many more. Each trial starts two writers on one database file,
# kills them with SIGKILL at a random point and checks that the file opens,
# passes the integrity checks and holds every commit a writer acknowledged.
# Prints PROBLEM lines and a summary (trials, writers killed, commits
# verified, the seed); exits non-zero on any problem.
#
#   scripts/crash-test.sh                  1000 trials
#   scripts/crash-test.sh 5000             more
#   scripts/crash-test.sh 1000 /dev/shm/crash 42    in that directory, with that seed (to replay a run)
#
# Builds only the harness, in build/ (configured with the usual options when missing).
set -euo pipefail
cd "$(dirname "$0")/.."

trials="${1:-1000}"
case "$trials" in
  '' | *[!0-9]*) echo "usage: $0 [trials] [directory] [seed]" >&2; exit 2 ;;
esac
if [ "$trials" -lt 1000 ]; then echo "note: the long run is 1000 trials or more; running $trials" >&2; fi
directory="${2:-$(pwd)/build/crash-test}"
seed=("${@:3}")

launcher=()  # ccache, where the machine has it, makes a second build quick
if command -v ccache >/dev/null; then
  launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache -DCMAKE_C_COMPILER_LAUNCHER=ccache)
fi
if [ ! -f build/CMakeCache.txt ]; then
  cmake -S . -B build -DCMAKE_BUILD_TYPE=RelWithDebInfo -DPython3_EXECUTABLE=/usr/bin/python3 "${launcher[@]}"
fi
cmake --build build --target crm_crash_harness -j2
exec build/tests/crm_crash_harness "$trials" "$directory" "${seed[@]}"
