# Installs the C ABI library, the C++ library, their headers, the crm program,
# a pkg-config file and a CMake package (find_package(crmcore CONFIG)).
include(CMakePackageConfigHelpers)

install(TARGETS crmcore crmcore_cxx EXPORT crmcoreTargets
  LIBRARY DESTINATION ${CMAKE_INSTALL_LIBDIR}
  ARCHIVE DESTINATION ${CMAKE_INSTALL_LIBDIR}
  INCLUDES DESTINATION ${CMAKE_INSTALL_INCLUDEDIR})
install(FILES ${PROJECT_SOURCE_DIR}/capi/include/crm/crm.h DESTINATION ${CMAKE_INSTALL_INCLUDEDIR}/crm)
install(FILES ${PROJECT_BINARY_DIR}/crmcore.pc DESTINATION ${CMAKE_INSTALL_LIBDIR}/pkgconfig)
install(DIRECTORY ${PROJECT_SOURCE_DIR}/include/crm DESTINATION ${CMAKE_INSTALL_INCLUDEDIR}
  FILES_MATCHING PATTERN "*.hpp")
install(FILES ${PROJECT_BINARY_DIR}/include/crm/version.hpp DESTINATION ${CMAKE_INSTALL_INCLUDEDIR}/crm)

set(CRM_CMAKE_DIR ${CMAKE_INSTALL_LIBDIR}/cmake/crmcore)
install(EXPORT crmcoreTargets NAMESPACE crmcore:: DESTINATION ${CRM_CMAKE_DIR})
configure_package_config_file(${PROJECT_SOURCE_DIR}/cmake/crmcoreConfig.cmake.in
  ${PROJECT_BINARY_DIR}/crmcoreConfig.cmake INSTALL_DESTINATION ${CRM_CMAKE_DIR})
write_basic_package_version_file(${PROJECT_BINARY_DIR}/crmcoreConfigVersion.cmake
  COMPATIBILITY SameMajorVersion)
install(FILES
  ${PROJECT_BINARY_DIR}/crmcoreConfig.cmake
  ${PROJECT_BINARY_DIR}/crmcoreConfigVersion.cmake
  ${PROJECT_SOURCE_DIR}/cmake/CrmFindNative.cmake
  DESTINATION ${CRM_CMAKE_DIR})
