# Finds the Debian packages crmcore builds on and gives each an imported target.
find_package(SQLiteCpp REQUIRED)
find_package(SQLite3 REQUIRED)
find_package(Boost 1.74 REQUIRED COMPONENTS date_time)
find_package(Threads REQUIRED)
include("${CMAKE_CURRENT_LIST_DIR}/CrmFindNative.cmake")
