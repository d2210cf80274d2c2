# The layers of src/ (ARCHITECTURE.md), each an object library that can see
# only its own folders and those of the layers below it.
#
#   crm_add_layer(NAME FOLDERS folder... SOURCES file...)
#     Adds the object library crm_layer_NAME from SOURCES (paths under src/).
#     Its include root (build tree: layers/NAME) holds a link to each folder of
#     this layer and of every layer added before it, so `#include "query/x.hpp"`
#     resolves in query/ and above and fails below. Layers are added lowest first;
#     CRM_LAYERS lists them in that order.
#
#   crm_layer_include_root(NAME OUT)
#     Sets OUT to the include root of layer NAME (for probes and tests).

set(CRM_LAYERS "" CACHE INTERNAL "The layers of src/, lowest first")
set(CRM_LAYER_FOLDERS "" CACHE INTERNAL "The folders of the layers added so far")

function(crm_layer_include_root name out)
  set(${out} ${PROJECT_BINARY_DIR}/layers/${name} PARENT_SCOPE)
endfunction()

# Usage requirements every layer compiles with: the public headers and the
# libraries the implementation uses.
function(crm_layer_settings target)
  set_target_properties(${target} PROPERTIES POSITION_INDEPENDENT_CODE ON
    CXX_VISIBILITY_PRESET hidden VISIBILITY_INLINES_HIDDEN ON)
  target_include_directories(${target} PRIVATE ${PROJECT_SOURCE_DIR}/include ${PROJECT_BINARY_DIR}/include)
  target_link_libraries(${target} PRIVATE Boost::date_time SQLiteCpp SQLite::SQLite3 crm_utf8proc crm_icu crm_phonenumber date::date-tz
                        Threads::Threads nlohmann_json::nlohmann_json)
  crm_set_warnings(${target})
endfunction()

function(crm_add_layer name)
  cmake_parse_arguments(PARSE_ARGV 1 LAYER "" "" "FOLDERS;SOURCES")
  set(visible ${CRM_LAYER_FOLDERS} ${LAYER_FOLDERS})
  crm_layer_include_root(${name} root)
  file(REMOVE_RECURSE ${root})
  file(MAKE_DIRECTORY ${root})
  foreach(folder IN LISTS visible)
    file(CREATE_LINK ${PROJECT_SOURCE_DIR}/src/${folder} ${root}/${folder} SYMBOLIC)
  endforeach()

  list(TRANSFORM LAYER_SOURCES PREPEND ${PROJECT_SOURCE_DIR}/src/)
  add_library(crm_layer_${name} OBJECT ${LAYER_SOURCES})
  target_include_directories(crm_layer_${name} PRIVATE ${root})
  crm_layer_settings(crm_layer_${name})

  set(CRM_LAYER_FOLDERS ${visible} CACHE INTERNAL "")
  set(CRM_LAYERS ${CRM_LAYERS} ${name} CACHE INTERNAL "")
endfunction()
