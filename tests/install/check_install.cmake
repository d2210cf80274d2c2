# Installs the build into a fresh prefix and builds the examples against it,
# the way an integrator would.
#   cmake -DBUILD=<build dir> -DSOURCE=<source dir> -DWORK=<scratch> -P check_install.cmake
file(REMOVE_RECURSE "${WORK}")
set(PREFIX "${WORK}/prefix")

function(step)
  execute_process(COMMAND ${ARGN} RESULT_VARIABLE code OUTPUT_VARIABLE out ERROR_VARIABLE err)
  if(NOT code EQUAL 0)
    message(FATAL_ERROR "failed (${code}): ${ARGN}\n${out}\n${err}")
  endif()
  set(STEP_OUTPUT "${out}" PARENT_SCOPE)
endfunction()

step(${CMAKE_COMMAND} --install "${BUILD}" --prefix "${PREFIX}")
foreach(file include/crm/crm.h include/crm/crm.hpp include/crm/version.hpp bin/crm lib/libcrmcore_cxx.a
             lib/libcrmcore.so.1 lib/pkgconfig/crmcore.pc lib/cmake/crmcore/crmcoreConfig.cmake)
  if(NOT EXISTS "${PREFIX}/${file}")
    message(FATAL_ERROR "not installed: ${file}")
  endif()
endforeach()

step("${PREFIX}/bin/crm" version)

# C++ example with find_package(crmcore CONFIG)
step(${CMAKE_COMMAND} -S "${SOURCE}/examples/cpp" -B "${WORK}/cpp" -DCMAKE_PREFIX_PATH=${PREFIX} -DCMAKE_BUILD_TYPE=Release)
step(${CMAKE_COMMAND} --build "${WORK}/cpp")
step("${WORK}/cpp/incoming_call" "${WORK}/erp.crm" "0037126123456")
if(NOT STEP_OUTPUT MATCHES "Caller: Anna Bērziņa of SIA Koka Nams")
  message(FATAL_ERROR "unexpected output of the C++ example: ${STEP_OUTPUT}")
endif()

# C example with pkg-config, run twice: the second run only updates.
set(ENV{PKG_CONFIG_PATH} "${PREFIX}/lib/pkgconfig")
set(ENV{LD_LIBRARY_PATH} "${PREFIX}/lib")
file(MAKE_DIRECTORY "${WORK}/c-pkgconfig")
step(make -s -C "${SOURCE}/examples/c" "OUT=${WORK}/c-pkgconfig")
step("${WORK}/c-pkgconfig/erp_sync" "${WORK}/erp-c.crm" "${SOURCE}/examples/c/customers.csv" "0037126123456")
if(NOT STEP_OUTPUT MATCHES "5 created, 0 updated" OR NOT STEP_OUTPUT MATCHES "Anna Bērziņa, SIA Koka Nams \\(logged as activity 1\\)")
  message(FATAL_ERROR "unexpected output of the C example (pkg-config): ${STEP_OUTPUT}")
endif()
step("${WORK}/c-pkgconfig/erp_sync" "${WORK}/erp-c.crm" "${SOURCE}/examples/c/customers.csv" "+380 67 123 4567")
if(NOT STEP_OUTPUT MATCHES "0 created, 5 updated" OR NOT STEP_OUTPUT MATCHES "Олена Ковальчук, ТОВ «Київ Агро» \\(logged as activity 2\\)")
  message(FATAL_ERROR "unexpected output of the second C example run: ${STEP_OUTPUT}")
endif()

# C example with find_package(crmcore CONFIG)
step(${CMAKE_COMMAND} -S "${SOURCE}/examples/c" -B "${WORK}/c-cmake" -DCMAKE_PREFIX_PATH=${PREFIX} -DCMAKE_BUILD_TYPE=Release)
step(${CMAKE_COMMAND} --build "${WORK}/c-cmake")
step("${WORK}/c-cmake/erp_sync" "${WORK}/erp-cmake.crm" "${SOURCE}/examples/c/customers.csv" "+49 151 2345 6789")
if(NOT STEP_OUTPUT MATCHES "Jürgen Müller, Müller Maschinenbau GmbH")
  message(FATAL_ERROR "unexpected output of the C example (CMake): ${STEP_OUTPUT}")
endif()
step("${WORK}/c-cmake/erp_sync" "${WORK}/erp-cmake.crm" "${SOURCE}/examples/c/customers.csv" "+371 20 000 000")
if(NOT STEP_OUTPUT MATCHES "unknown caller \\(logged as activity 2, to attach later\\)")
  message(FATAL_ERROR "unexpected output for an unknown caller: ${STEP_OUTPUT}")
endif()

# Python package installed under <prefix>/lib/python3/dist-packages (when built)
if(PYTHON)
  set(ENV{PYTHONPATH} "${PREFIX}/lib/python3/dist-packages")
  execute_process(COMMAND "${PYTHON}" -c "import crmcore; db = crmcore.open(':memory:'); print(crmcore.__file__, db.accounts.count())"
                  WORKING_DIRECTORY "${WORK}" RESULT_VARIABLE code OUTPUT_VARIABLE out ERROR_VARIABLE err)
  if(NOT code EQUAL 0 OR NOT out MATCHES "lib/python3/dist-packages/crmcore/__init__.py 0")
    message(FATAL_ERROR "installed Python package does not work (${code}): ${out}${err}")
  endif()
endif()
