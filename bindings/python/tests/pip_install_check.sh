#!/usr/bin/env bash
# pip can build and install the package from the source tree, offline, with Debian's
# setuptools and pybind11; the installed module works from another directory.
#   pip_install_check.sh SOURCE_ROOT WORK_DIR
set -euo pipefail
source_root="$1"
work="$2"
rm -rf "$work"
mkdir -p "$work"
/usr/bin/python3 -m venv --system-site-packages "$work/venv"
CRMCORE_CMAKE_BUILD_DIR="$work/cmake" "$work/venv/bin/python" -m pip install --quiet --no-build-isolation \
  --no-index --no-deps "$source_root/bindings/python"
cd "$work"
"$work/venv/bin/python" - <<'PY'
import crmcore
assert "venv" in crmcore.__file__, crmcore.__file__
with crmcore.open("pip.crm", default_region="LV") as db:
    db.load_sample_data(accounts=5, contacts=10)
    assert db.contacts.count() == 10
print("pip-installed crmcore", crmcore.__version__, "works:", crmcore.__file__)
PY
"$work/venv/bin/python" -m pip uninstall --quiet --yes crmcore
