#!/usr/bin/env bash
# Builds the libFuzzer targets in fuzz/ with clang, libFuzzer, AddressSanitizer and
# UndefinedBehaviorSanitizer in build-fuzz/, and runs each for a bounded time:
#   filter_fuzzer         the segment language: parser, printer, SQL compiler
#   csv_import_fuzzer     CSV import of every record kind, mode, key and duplicate action
#   search_fuzzer         full-text search text against a small seeded database
#   capi_sequence_fuzzer  sequences of C ABI calls on a table of handles
# Exits non-zero on any crash, leak, sanitizer report or broken invariant; the input
# that did it is saved in build-fuzz/fuzz-artifacts/.
#
#   scripts/fuzz.sh                 120 seconds in all (or $CRM_FUZZ_SECONDS), split evenly
#   scripts/fuzz.sh 3600            an hour in all
#   scripts/fuzz.sh 600 -jobs=2 -workers=2    anything after the time goes to libFuzzer
#   CRM_FUZZERS="search_fuzzer" scripts/fuzz.sh 60    only the fuzzers named
#
# Each fuzzes a copy of its seed corpus (fuzz/corpus/<name without _fuzzer>/) in
# build-fuzz/corpus/<name>/, which keeps what earlier runs found; the committed corpus
# is never written. CRM_BUILD_LOCK=<file> runs configure and build under `flock <file>`
# (shared machines).
set -euo pipefail
cd "$(dirname "$0")/.."

seconds="${1:-${CRM_FUZZ_SECONDS:-120}}"
if [ $# -gt 0 ]; then shift; fi
case "$seconds" in
  '' | *[!0-9]*) echo "usage: $0 [seconds] [libFuzzer flags...]" >&2; exit 2 ;;
esac
read -r -a fuzzers <<<"${CRM_FUZZERS:-filter_fuzzer csv_import_fuzzer search_fuzzer capi_sequence_fuzzer}"

# What each fuzzer is given besides its corpus: a dictionary, the longest input.
declare -A fuzzer_flags=(
  [filter_fuzzer]="-dict=fuzz/filter.dict -max_len=512"
  [csv_import_fuzzer]="-max_len=4096"
  [search_fuzzer]="-max_len=1100"
  [capi_sequence_fuzzer]="-max_len=2048"
)

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
"${locked[@]}" cmake --build "$build" --target "${fuzzers[@]}" -j2

artifacts="$build/fuzz-artifacts"
mkdir -p "$artifacts"

# Any report ends the run with a non-zero status.
export ASAN_OPTIONS="halt_on_error=1:detect_leaks=1:detect_stack_use_after_return=1:check_initialization_order=1:strict_init_order=1"
export UBSAN_OPTIONS="halt_on_error=1:print_stacktrace=1:report_error_type=1"
if [ -x /usr/lib/llvm-14/bin/llvm-symbolizer ]; then
  export ASAN_SYMBOLIZER_PATH=/usr/lib/llvm-14/bin/llvm-symbolizer
fi

each=$((seconds / ${#fuzzers[@]}))
if [ "$each" -lt 1 ]; then each=1; fi
for fuzzer in "${fuzzers[@]}"; do
  name="${fuzzer%_fuzzer}"
  corpus="$build/corpus/$name"
  mkdir -p "$corpus"
  cp fuzz/corpus/"$name"/* "$corpus/"
  read -r -a flags <<<"${fuzzer_flags[$fuzzer]}"
  echo "Fuzzing $fuzzer for ${each}s (corpus $corpus, findings in $artifacts/)"
  status=0
  "$build/fuzz/$fuzzer" "$corpus" "${flags[@]}" -max_total_time="$each" -timeout=25 -rss_limit_mb=2048 \
    -detect_leaks=1 -print_final_stats=1 -artifact_prefix="$artifacts/$name-" "$@" || status=$?
  if [ "$status" -ne 0 ]; then
    echo "$fuzzer failed (status $status); the input is in $artifacts/." >&2
    echo "Reproduce: $build/fuzz/$fuzzer <file>   Minimize: $build/fuzz/$fuzzer -minimize_crash=1 -max_total_time=60 <file>" >&2
    exit "$status"
  fi
done
