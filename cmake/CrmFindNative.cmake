# Imported targets for libphonenumber, utf8proc and ICU's uc and i18n (the
# transliterator of text/latin_key.cpp), found without CMake packages of
# their own, and date::date-tz (Howard Hinnant's date/tz.h with the shared
# libdate-tz reading the system's tzdata: common/time_zone.cpp), found by its
# CMake package (Debian libhowardhinnant-date-dev). Also used by the
# installed crmcoreConfig.cmake.
find_package(PkgConfig REQUIRED)
if(NOT TARGET crm_utf8proc)
  pkg_check_modules(CRM_UTF8PROC REQUIRED IMPORTED_TARGET GLOBAL libutf8proc)
  add_library(crm_utf8proc INTERFACE IMPORTED GLOBAL)
  target_link_libraries(crm_utf8proc INTERFACE PkgConfig::CRM_UTF8PROC)
endif()
if(NOT TARGET crm_icu)
  pkg_check_modules(CRM_ICU REQUIRED IMPORTED_TARGET GLOBAL icu-uc icu-i18n)
  add_library(crm_icu INTERFACE IMPORTED GLOBAL)
  target_link_libraries(crm_icu INTERFACE PkgConfig::CRM_ICU)
endif()
if(NOT TARGET crm_phonenumber)
  find_path(CRM_PHONENUMBER_INCLUDE_DIR phonenumbers/phonenumberutil.h REQUIRED)
  find_library(CRM_PHONENUMBER_LIBRARY phonenumber REQUIRED)
  add_library(crm_phonenumber UNKNOWN IMPORTED GLOBAL)
  set_target_properties(crm_phonenumber PROPERTIES
    IMPORTED_LOCATION "${CRM_PHONENUMBER_LIBRARY}"
    INTERFACE_INCLUDE_DIRECTORIES "${CRM_PHONENUMBER_INCLUDE_DIR}")
endif()
if(NOT TARGET date::date-tz)
  find_package(date 3 CONFIG REQUIRED)
endif()
