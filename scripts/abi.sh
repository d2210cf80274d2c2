#!/usr/bin/env bash
# The C ABI baseline: libcrmcore.so must stay binary compatible with the ABI
# dump committed in abi/ (additions pass, changes and removals fail).
#
#   scripts/abi.sh check  LIBRARY   compare a built libcrmcore.so.1.x.y with the baseline
#   scripts/abi.sh update LIBRARY   make LIBRARY the new baseline (at a release)
#
# LIBRARY must carry debug information (RelWithDebInfo or Debug build).
# Tools: Debian's abi-dumper and abi-compliance-checker.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
baseline="$root/abi/libcrmcore.abi.dump.gz"

usage() { echo "usage: $0 check|update LIBRARY" >&2; exit 2; }
[ $# -eq 2 ] || usage
command="$1"
library="$2"
[ -f "$library" ] || { echo "no such library: $library" >&2; exit 2; }

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
version="$(basename "$(readlink -f "$library")" | sed 's/^libcrmcore\.so\.//')"
abi-dumper "$library" -o "$work/new.dump" -lver "$version" -public-headers "$root/capi/include/crm" \
  -skip-cxx -sort -quiet

case "$command" in
  update)
    gzip -9 -n -c "$work/new.dump" > "$baseline"
    echo "baseline updated to $version: $baseline"
    ;;
  check)
    gzip -d -c "$baseline" > "$work/old.dump"
    if abi-compliance-checker -l crmcore -old "$work/old.dump" -new "$work/new.dump" -binary \
        -report-path "$work/report.html" > "$work/log.txt" 2>&1; then
      grep -E "Binary compatibility|problems" "$work/log.txt" || true
      echo "ABI check passed: $version is compatible with the baseline"
    else
      cat "$work/log.txt"
      report="${TMPDIR:-/tmp}/crmcore-abi-report.html"
      cp "$work/report.html" "$report" 2>/dev/null && echo "report: $report"
      echo "ABI check FAILED: $version breaks binary compatibility with abi/ (see above)" >&2
      exit 1
    fi
    ;;
  *) usage ;;
esac
