# Imported targets for libphonenumber and utf8proc, which Debian ships
# without CMake packages. Also used by the installed crmcoreConfig.cmake.
find_package(PkgConfig REQUIRED)
if(NOT TARGET crm_utf8proc)
  pkg_check_modules(CRM_UTF8PROC REQUIRED IMPORTED_TARGET GLOBAL libutf8proc)
  add_library(crm_utf8proc INTERFACE IMPORTED GLOBAL)
  target_link_libraries(crm_utf8proc INTERFACE PkgConfig::CRM_UTF8PROC)
endif()
if(NOT TARGET crm_phonenumber)
  find_path(CRM_PHONENUMBER_INCLUDE_DIR phonenumbers/phonenumberutil.h REQUIRED)
  find_library(CRM_PHONENUMBER_LIBRARY phonenumber REQUIRED)
  add_library(crm_phonenumber UNKNOWN IMPORTED GLOBAL)
  set_target_properties(crm_phonenumber PROPERTIES
    IMPORTED_LOCATION "${CRM_PHONENUMBER_LIBRARY}"
    INTERFACE_INCLUDE_DIRECTORIES "${CRM_PHONENUMBER_INCLUDE_DIR}")
endif()
