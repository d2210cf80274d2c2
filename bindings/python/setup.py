"""Builds crmcore's native module with the project's CMake build.

    /usr/bin/python3 -m pip install --no-build-isolation ./bindings/python

Run from a checkout of the whole project: the build compiles the C++ library at the
repository root. Needs Debian's cmake, g++, python3-dev, pybind11-dev, python3-setuptools
and the library's own build dependencies (scripts/install-deps.sh build).
CRMCORE_CMAKE_BUILD_DIR chooses where CMake builds (default: setuptools' temp dir).
"""
import os
import pathlib
import shutil
import subprocess
import sys

from setuptools import Extension, setup
from setuptools.command.build_ext import build_ext

HERE = pathlib.Path(__file__).resolve().parent
ROOT = HERE.parent.parent


class CMakeBuild(build_ext):
    """Builds the _crmcore target with CMake and copies it into the package."""

    def build_extension(self, ext):
        if not (ROOT / "CMakeLists.txt").is_file() or not (ROOT / "capi").is_dir():
            raise RuntimeError(f"crmcore: build from a checkout of the whole project; {ROOT} is not one")
        build_dir = pathlib.Path(os.environ.get("CRMCORE_CMAKE_BUILD_DIR", pathlib.Path(self.build_temp) / "cmake"))
        build_dir.mkdir(parents=True, exist_ok=True)
        subprocess.check_call([
            "cmake", "-S", str(ROOT), "-B", str(build_dir), "-DCMAKE_BUILD_TYPE=Release",
            "-DCRM_BUILD_TESTS=OFF", "-DCRM_BUILD_BENCHMARKS=OFF", "-DCRM_BUILD_PYTHON=ON",
            f"-DPython3_EXECUTABLE={sys.executable}",
        ])
        subprocess.check_call(["cmake", "--build", str(build_dir), "--target", "_crmcore", "-j2"])
        built = next((build_dir / "bindings" / "python" / "crmcore").glob("_crmcore*.so"))
        target = pathlib.Path(self.get_ext_fullpath(ext.name))
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(built, target)


setup(ext_modules=[Extension("crmcore._crmcore", sources=[])], cmdclass={"build_ext": CMakeBuild})
