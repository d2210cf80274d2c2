#!/usr/bin/env bash
# The main job: installs what is missing, builds crmcore and runs the crm
# program on build/demo.crm with the built-in sample data.
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/install-deps.sh build
cmake -S . -B build -DCMAKE_BUILD_TYPE=Release -DCRM_BUILD_TESTS=OFF -DCRM_BUILD_BENCHMARKS=OFF -DCRM_BUILD_PYTHON=OFF
cmake --build build -j2 --target crm
build/tools/crm/crm --region LV demo build/demo.crm   # the sample writes Latvian numbers without +371
build/tools/crm/crm report build/demo.crm pipeline_by_stage
