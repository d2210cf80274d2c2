# The country table of the base layer (src/common/country_data.hpp) is
# generated at build time by tools/generate/country_names.cpp from Debian's
# iso-codes (the ISO 3166-1 list and its gettext translations) and ICU's CLDR
# data. The library itself needs neither at run time.
#
#   crm_generate_country_names(TARGET)
#     Adds the generated source to TARGET.

find_package(ICU REQUIRED COMPONENTS uc i18n data)
set(CRM_ISO_3166_JSON "/usr/share/iso-codes/json/iso_3166-1.json" CACHE FILEPATH
    "iso-codes' list of ISO 3166-1 countries (Debian package iso-codes)")
set(CRM_ISO_CODES_LOCALES "/usr/share/locale" CACHE PATH
    "Where iso-codes' translations (LANG/LC_MESSAGES/iso_3166-1.mo) are")
# Country names are known in these languages (and in each country's own official languages).
set(CRM_COUNTRY_NAME_LANGUAGES en lv lt uk ru de pl)

function(crm_generate_country_names target)
  if(NOT EXISTS "${CRM_ISO_3166_JSON}")
    message(FATAL_ERROR "${CRM_ISO_3166_JSON} is missing: install Debian's iso-codes (scripts/install-deps.sh)")
  endif()
  add_executable(crm_generate_country_names ${PROJECT_SOURCE_DIR}/tools/generate/country_names.cpp)
  target_link_libraries(crm_generate_country_names PRIVATE ICU::uc ICU::i18n ICU::data nlohmann_json::nlohmann_json)
  crm_set_warnings(crm_generate_country_names)

  set(catalogues "")
  foreach(language IN LISTS CRM_COUNTRY_NAME_LANGUAGES)
    if(EXISTS "${CRM_ISO_CODES_LOCALES}/${language}/LC_MESSAGES/iso_3166-1.mo")
      list(APPEND catalogues "${CRM_ISO_CODES_LOCALES}/${language}/LC_MESSAGES/iso_3166-1.mo")
    endif()
  endforeach()
  set(output ${PROJECT_BINARY_DIR}/generated/country_data.cpp)
  add_custom_command(OUTPUT ${output}
    COMMAND ${CMAKE_COMMAND} -E make_directory ${PROJECT_BINARY_DIR}/generated
    # sanitizer builds instrument the generator too; ICU's caches are not leaks of ours
    COMMAND ${CMAKE_COMMAND} -E env ASAN_OPTIONS=detect_leaks=0
            $<TARGET_FILE:crm_generate_country_names> ${CRM_ISO_3166_JSON} ${CRM_ISO_CODES_LOCALES} ${output}
            ${CRM_COUNTRY_NAME_LANGUAGES}
    DEPENDS crm_generate_country_names ${CRM_ISO_3166_JSON} ${catalogues}
    COMMENT "Generating the country table from iso-codes and ICU"
    VERBATIM)
  target_sources(${target} PRIVATE ${output})
endfunction()
