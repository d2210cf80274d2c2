# crm_set_warnings(target): the project's warning flags on one target.
function(crm_set_warnings target)
  target_compile_options(${target} PRIVATE -Wall -Wextra -Wpedantic)
  if(CRM_WERROR)
    target_compile_options(${target} PRIVATE -Werror)
  endif()
endfunction()
