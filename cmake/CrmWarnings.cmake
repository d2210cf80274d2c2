# crm_set_warnings(target): the project's warning flags on one target.
function(crm_set_warnings target)
  target_compile_options(${target} PRIVATE -Wall -Wextra -Wpedantic)
  # GCC 12 at -O3 reports std::string concatenation as overlapping memcpy
  # (GCC bug 105651, a false positive fixed in GCC 13).
  if(CMAKE_CXX_COMPILER_ID STREQUAL "GNU" AND CMAKE_CXX_COMPILER_VERSION VERSION_LESS 13)
    target_compile_options(${target} PRIVATE $<$<COMPILE_LANGUAGE:CXX>:-Wno-restrict>)
  endif()
  if(CRM_WERROR)
    target_compile_options(${target} PRIVATE -Werror)
  endif()
endfunction()
