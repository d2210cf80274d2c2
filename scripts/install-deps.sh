#!/usr/bin/env bash
# Installs the Debian packages crmcore needs that are missing on this machine.
#   scripts/install-deps.sh build   what building the library, crm and the Python module needs
#   scripts/install-deps.sh test    that plus what the test suites and the fuzzer need
#                                   (clang, its libFuzzer and sanitizer runtimes, llvm-symbolizer)
set -euo pipefail

build_packages=(
  cmake gcc g++ make pkg-config tzdata
  libsqlitecpp-dev libsqlite3-dev libboost-date-time-dev
  libphonenumber-dev libutf8proc-dev nlohmann-json3-dev iso-codes libicu-dev libhowardhinnant-date-dev
  python3-dev pybind11-dev python3-pybind11
)
test_packages=(
  libgtest-dev libbenchmark-dev
  abi-dumper abi-compliance-checker universal-ctags
  python3-pytest python3-pandas python3-matplotlib python3-venv python3-pip python3-setuptools
  clang libclang-rt-14-dev llvm-14
)

packages=("${build_packages[@]}")
case "${1:-build}" in
  build) ;;
  test) packages+=("${test_packages[@]}") ;;
  *) echo "usage: $0 [build|test]" >&2; exit 2 ;;
esac

missing=()
for package in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done
if [ ${#missing[@]} -eq 0 ]; then
  echo "All ${#packages[@]} Debian packages are installed."
  exit 0
fi

sudo=""
if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
echo "Installing: ${missing[*]}"
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
