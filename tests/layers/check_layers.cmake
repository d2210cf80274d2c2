# Proves the layers of src/ are enforced by the build (cmake -P, from ctest):
# the same source that includes a query/ header compiles in the query layer
# and fails in the storage layer, with the compiler naming the missing header.
#   -DBUILD_DIR=<the build tree>
foreach(probe same upward)
  execute_process(COMMAND ${CMAKE_COMMAND} --build ${BUILD_DIR} --target crm_layer_probe_${probe}
                  RESULT_VARIABLE result_${probe} OUTPUT_VARIABLE output_${probe} ERROR_VARIABLE output_${probe})
endforeach()
if(NOT result_same EQUAL 0)
  message(FATAL_ERROR "The probe should compile in the query layer:\n${output_same}")
endif()
if(result_upward EQUAL 0)
  message(FATAL_ERROR "A storage-layer source included query/catalog.hpp and compiled: the layers are not enforced")
endif()
# GCC says "query/catalog.hpp: No such file", clang "'query/catalog.hpp' file not found".
if(NOT output_upward MATCHES "query/catalog.hpp(: No such file|' file not found)")
  message(FATAL_ERROR "The storage-layer probe failed for another reason than the upward include:\n${output_upward}")
endif()
message(STATUS "storage cannot include query/catalog.hpp; query can")
