#!/usr/bin/env bash
# Runs the test suites under sanitizers, built with clang at -O1:
#   build-asan/  AddressSanitizer + UndefinedBehaviorSanitizer (LeakSanitizer included):
#                the C++, C and Python tests (the Python module is built with ASan and
#                runs in the system python3 with the ASan runtime preloaded)
#   build-tsan/  ThreadSanitizer: the tests that run threads (the C ABI's threads test,
#                the storage tests' connections opened at once, the import's reading thread)
#
#   scripts/sanitize.sh [full|ci]   (default full; or CRM_SANITIZE_SCOPE=full|ci)
#     full  every ctest test of the ASan build except the three that cannot run in a
#           sanitized build (see `never_sanitized` below), and the thread tests under TSan
#     ci    a representative part that fits the CI time budget (scripts/test.sh runs it):
#           every C ABI test and the C++ storage and import/export tests under ASan+UBSan,
#           and the same thread tests as full under TSan
#
# Any sanitizer report fails the script: the programs stop at the first one
# (halt_on_error, -fno-sanitize-recover=all), and every report is also written to
# build-<asan|tsan>/sanitizer-reports/, which must stay empty (a report from a process
# whose exit status a test does not check still counts). CRM_BUILD_LOCK=<file> runs
# configure and build under `flock <file>` (shared machines).
set -euo pipefail
cd "$(dirname "$0")/.."

scope="${1:-${CRM_SANITIZE_SCOPE:-full}}"
case "$scope" in
  full | ci) ;;
  *) echo "usage: $0 [full|ci]" >&2; exit 2 ;;
esac
scripts/install-deps.sh test  # clang and its sanitizer runtimes

locked=()
if [ -n "${CRM_BUILD_LOCK:-}" ]; then locked=(flock "$CRM_BUILD_LOCK"); fi
launcher=()  # ccache, where the machine has it, makes a second run quick; nothing needs it
if command -v ccache >/dev/null; then
  launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache -DCMAKE_C_COMPILER_LAUNCHER=ccache)
fi

# Tests never run sanitized, in either scope:
#   install_and_examples         builds the examples against the installed package with the
#                                compiler's default flags, which cannot link a sanitized library
#   abi_compatible_with_baseline the ABI is that of the release build (test.sh checks it there)
#   python_pip_install           builds the module again with pip, unsanitized (about 8 minutes)
never_sanitized='^(install_and_examples|abi_compatible_with_baseline|python_pip_install)$'

# The ci scope of the ASan build: these targets, and the tests with these labels
# (each C++ test program's tests are labelled cxx:<program>, see tests/CMakeLists.txt):
# every C ABI test (they reach most of the library through crm.h), the storage tests,
# the import/export tests and the users tests (sessions acting as a user: each opens
# a second connection to a shared in-memory database), the audit trail's tests (its journal reads
# SQLite values into C++ at every commit) and the privacy tests (an erasure rewrites JSON and text
# in place). The Python module (4 minutes to build, 5 to test
# sanitized), the CLI and the other C++ programs are left to the full scope.
ci_asan_targets=(crmcore crm_storage_tests crm_io_tests crm_user_tests crm_audit_tests crm_privacy_tests
  crm_capi_test crm_capi_sales_test crm_capi_custom_test crm_capi_segment_test crm_capi_export_test
  crm_capi_import_test crm_capi_duplicate_test crm_capi_search_test crm_capi_campaign_test crm_capi_report_test
  crm_capi_fields_test crm_capi_surface_test crm_capi_user_test crm_capi_audit_test crm_capi_privacy_test crm_capi_threads_test crm_capi_header_test crm_capi_header_cxx_test)
ci_asan_labels='^(c|cxx:(crm_storage_tests|crm_io_tests|crm_user_tests|crm_audit_tests|crm_privacy_tests))$'
# The TSan build, in both scopes: the programs whose tests run threads.
tsan_targets=(crmcore crm_capi_threads_test crm_storage_tests crm_io_tests)
tsan_labels='^(threads|cxx:(crm_storage_tests|crm_io_tests))$'

# configure_and_build <dir> <sanitizers> [targets...]: a clang build at -O1 with debug info.
configure_and_build() {
  local dir="$1" sanitizers="$2"
  shift 2
  local targets=()
  if [ $# -gt 0 ]; then targets=(--target "$@"); fi
  "${locked[@]}" cmake -S . -B "$dir" -DCMAKE_BUILD_TYPE=Debug "-DCMAKE_C_FLAGS_DEBUG=-O1 -g" \
    "-DCMAKE_CXX_FLAGS_DEBUG=-O1 -g" -DCMAKE_C_COMPILER=clang -DCMAKE_CXX_COMPILER=clang++ \
    -DCRM_SANITIZE="$sanitizers" -DCRM_BUILD_BENCHMARKS=OFF -DPython3_EXECUTABLE=/usr/bin/python3 "${launcher[@]}"
  "${locked[@]}" cmake --build "$dir" -j2 "${targets[@]}"
}

# check_reports <dir> <ctest status>: prints the reports a sanitizer wrote into
# <dir>/sanitizer-reports/ and fails when there is one or ctest failed.
check_reports() {
  local reports="$1/sanitizer-reports"
  if compgen -G "$reports/*" >/dev/null; then
    echo "Sanitizer reports in $reports/:" >&2
    cat "$reports"/* >&2
    exit 1
  fi
  if [ "$2" -ne 0 ]; then exit "$2"; fi
}

# fresh_reports <dir>: an empty report folder; prints the log_path prefix for it.
fresh_reports() {
  rm -rf "$1/sanitizer-reports"
  mkdir -p "$1/sanitizer-reports"
  echo "$(pwd)/$1/sanitizer-reports/report"
}

common_options="halt_on_error=1:print_stacktrace=1"
if [ -x /usr/lib/llvm-14/bin/llvm-symbolizer ]; then
  common_options+=":external_symbolizer_path=/usr/lib/llvm-14/bin/llvm-symbolizer"
fi
asan_options="$common_options:detect_leaks=1:detect_stack_use_after_return=1:check_initialization_order=1:strict_init_order=1"

# ---- AddressSanitizer + UndefinedBehaviorSanitizer --------------------------
started=$SECONDS
if [ "$scope" = full ]; then
  configure_and_build build-asan address,undefined
  asan_selection=()
else
  configure_and_build build-asan address,undefined "${ci_asan_targets[@]}"
  asan_selection=(-L "$ci_asan_labels")
fi
echo "ASan+UBSan build ($scope): $((SECONDS - started)) s"
started=$SECONDS
log="$(fresh_reports build-asan)"
status=0
# The C and C++ programs, leaks included.
ASAN_OPTIONS="$asan_options:log_path=$log" UBSAN_OPTIONS="$common_options:log_path=$log" \
  ctest --test-dir build-asan -j2 --output-on-failure -E "$never_sanitized" -LE python "${asan_selection[@]}" ||
  status=$?
# The Python tests (full scope): python3 is not instrumented, so the ASan runtime is preloaded for
# the sanitized module, PYTHONMALLOC=malloc lets ASan see Python's allocations, and
# leaks are not looked for (the interpreter keeps memory until exit by design).
if [ "$scope" = full ]; then
  asan_runtime="$(clang -print-file-name=libclang_rt.asan-x86_64.so)"
  LD_PRELOAD="$asan_runtime" PYTHONMALLOC=malloc ASAN_OPTIONS="$asan_options:detect_leaks=0:log_path=$log" \
    UBSAN_OPTIONS="$common_options:log_path=$log" \
    ctest --test-dir build-asan -j2 --output-on-failure -E "$never_sanitized" -L python || status=$?
fi
check_reports build-asan "$status"
echo "ASan+UBSan tests ($scope): $((SECONDS - started)) s"

# ---- ThreadSanitizer ---------------------------------------------------------
started=$SECONDS
configure_and_build build-tsan thread "${tsan_targets[@]}"
echo "TSan build: $((SECONDS - started)) s"
started=$SECONDS
log="$(fresh_reports build-tsan)"
status=0
TSAN_OPTIONS="$common_options:second_deadlock_stack=1:log_path=$log" \
  ctest --test-dir build-tsan -j2 --output-on-failure -L "$tsan_labels" || status=$?
check_reports build-tsan "$status"
echo "TSan tests: $((SECONDS - started)) s"
