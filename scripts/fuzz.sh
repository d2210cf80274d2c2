#!/usr/bin/env bash
# Builds the segment-language fuzzer (fuzz/filter_fuzzer.cpp) with clang, libFuzzer,
# AddressSanitizer and UndefinedBehaviorSanitizer in build-fuzz/, and runs it for a
# bounded time. Exits non-zero on any crash, leak, sanitizer report or broken
# invariant; the input that did it is saved in build-fuzz/fuzz-artifacts/.
#
#   scripts/fuzz.sh                 60 seconds (or $CRM_FUZZ_SECONDS)
#   scripts/fuzz.sh 3600            an hour
#   scripts/fuzz.sh 600 -jobs=2 -workers=2    anything after the time goes to libFuzzer
#
# It fuzzes a copy of the seed corpus (fuzz/corpus/filter/) in build-fuzz/corpus/filter/,
# which keeps what earlier runs found; the committed corpus is never written.
# CRM_BUILD_LOCK=<file> runs configure and build under `flock <file>` (shared machines).
set -euo pipefail
cd "$(dirname "$0")/.."

seconds="${1:-${CRM_FUZZ_SECONDS:-60}}"
if [ $# -gt 0 ]; then shift; fi
case "$seconds" in
  '' | *[!0-9]*) echo "usage: $0 [seconds] [libFuzzer flags...]" >&2; exit 2 ;;
esac

build=build-fuzz
locked=()
if [ -n "${CRM_BUILD_LOCK:-}" ]; then locked=(flock "$CRM_BUILD_LOCK"); fi

launcher=()  # ccache, where the machine has it, makes a second run quick
if command -v ccache >/dev/null; then
  launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache -DCMAKE_C_COMPILER_LAUNCHER=ccache)
fi
"${locked[@]}" cmake -S . -B "$build" -DCMAKE_BUILD_TYPE=RelWithDebInfo "${launcher[@]}" \
  -DCMAKE_C_COMPILER=clang -DCMAKE_CXX_COMPILER=clang++ -DCRM_FUZZ=ON \
  -DCRM_BUILD_TESTS=OFF -DCRM_BUILD_BENCHMARKS=OFF -DCRM_BUILD_PYTHON=OFF
"${locked[@]}" cmake --build "$build" --target filter_fuzzer -j2

corpus="$build/corpus/filter"
artifacts="$build/fuzz-artifacts"
mkdir -p "$corpus" "$artifacts"
cp fuzz/corpus/filter/* "$corpus/"

# Any report ends the run with a non-zero status.
export ASAN_OPTIONS="halt_on_error=1:detect_leaks=1:detect_stack_use_after_return=1:check_initialization_order=1:strict_init_order=1"
export UBSAN_OPTIONS="halt_on_error=1:print_stacktrace=1:report_error_type=1"
if [ -x /usr/lib/llvm-14/bin/llvm-symbolizer ]; then
  export ASAN_SYMBOLIZER_PATH=/usr/lib/llvm-14/bin/llvm-symbolizer
fi

echo "Fuzzing the segment language for ${seconds}s (corpus $corpus, findings in $artifacts/)"
status=0
"$build/fuzz/filter_fuzzer" "$corpus" \
  -dict=fuzz/filter.dict -max_len=512 -max_total_time="$seconds" -timeout=25 -rss_limit_mb=2048 \
  -detect_leaks=1 -print_final_stats=1 -artifact_prefix="$artifacts/" "$@" || status=$?
if [ "$status" -ne 0 ]; then
  echo "filter_fuzzer failed (status $status); the input is in $artifacts/." >&2
  echo "Reproduce: $build/fuzz/filter_fuzzer <file>   Minimize: $build/fuzz/filter_fuzzer -minimize_crash=1 -max_total_time=60 <file>" >&2
  exit "$status"
fi
