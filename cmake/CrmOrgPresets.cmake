# The built-in org presets (presets/*.json: how another CRM's export folder
# maps onto crmcore, Imports::read_org) are compiled into the library, so it
# needs no data files at run time; users copy one (org_preset()) to change it.
#
#   crm_embed_org_presets(TARGET)
#     Adds the generated source (generated/org_preset_data.cpp) to TARGET.

function(crm_embed_org_presets target)
  file(GLOB presets CONFIGURE_DEPENDS ${PROJECT_SOURCE_DIR}/presets/*.json)
  list(SORT presets)
  set(entries "")
  foreach(preset IN LISTS presets)
    get_filename_component(name ${preset} NAME_WE)
    file(READ ${preset} text)
    string(FIND "${text}" ")crmpreset\"" clash)
    if(NOT clash EQUAL -1)
      message(FATAL_ERROR "${preset} holds the text that ends the embedded string")
    endif()
    string(APPEND entries "      {\"${name}\", R\"crmpreset(${text})crmpreset\"},\n")
    set_property(DIRECTORY APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS ${preset})
  endforeach()
  set(output ${PROJECT_BINARY_DIR}/generated/org_preset_data.cpp)
  file(CONFIGURE OUTPUT ${output} @ONLY CONTENT
"// Generated from presets/*.json by cmake/CrmOrgPresets.cmake; do not edit.
#include \"io/org_preset_data.hpp\"

namespace crm::detail {

const std::vector<OrgPresetText>& org_preset_texts() {
  static const std::vector<OrgPresetText> presets = {
@entries@  };
  return presets;
}

}  // namespace crm::detail
")
  target_sources(${target} PRIVATE ${output})
endfunction()
