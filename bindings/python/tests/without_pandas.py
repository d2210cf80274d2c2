"""Runs a script as if pandas were not installed:  without_pandas.py SCRIPT [ARGS...]"""
import runpy
import sys

sys.modules["pandas"] = None  # makes "import pandas" raise ImportError
sys.argv = sys.argv[1:]
runpy.run_path(sys.argv[0], run_name="__main__")
