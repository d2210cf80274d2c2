# Finds the Debian packages crmcore builds on and gives each an imported target.
find_package(SQLiteCpp REQUIRED)
find_package(SQLite3 REQUIRED)
find_package(Boost 1.74 REQUIRED COMPONENTS date_time)
find_package(Threads REQUIRED)
find_package(nlohmann_json 3 REQUIRED)  # header-only; used inside the library only
include("${CMAKE_CURRENT_LIST_DIR}/CrmFindNative.cmake")
if(CRM_BUILD_PYTHON)
  find_package(Python3 REQUIRED COMPONENTS Interpreter Development.Module)
  find_package(pybind11 CONFIG REQUIRED)
endif()
