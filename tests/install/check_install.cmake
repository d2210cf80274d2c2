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
foreach(file include/crm/crm.hpp include/crm/version.hpp bin/crm lib/libcrmcore_cxx.a lib/cmake/crmcore/crmcoreConfig.cmake)
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
