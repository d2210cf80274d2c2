// The C ABI's error side: the thread-local last error and the guard every
// entry point runs its work in, so that no C++ exception crosses the boundary.
#pragma once

#include <cstring>
#include <new>
#include <string>
#include <type_traits>

#include "crm/crm.h"
#include "crm/error.hpp"

namespace crm::capi {

/// Records a failure as the calling thread's last error and returns `status`.
crm_status fail(crm_status status, const std::string& message, const std::string& field = {}, int line = 0,
                int column = 0) noexcept;

/// CRM_MISUSE with a message such as "crm_db_open: out_db must not be NULL".
crm_status misuse(const char* function, const char* problem) noexcept;

/// Like fail(), for messages that have to be built: the text is made inside a
/// try block, so that running out of memory still gives CRM_NOMEM and never
/// an exception across the C boundary.
template <class Message>
crm_status fail_with(crm_status status, Message&& message, const char* field) noexcept {
  try {
    return fail(status, message(), field);
  } catch (...) {
    return fail(CRM_NOMEM, "out of memory", field);
  }
}

/// The int a C caller passed for an enum parameter (or array element). C lets
/// any int through, but C++ must not read a value outside the enumerators'
/// range as the enum type (undefined behaviour, which UBSan reports), so entry
/// points read enum arguments as their bytes with this and validate the int.
template <class Enum>
int c_enum_value(const Enum& argument) noexcept {
  static_assert(std::is_enum_v<Enum> && sizeof(Enum) == sizeof(int));
  int value = 0;
  std::memcpy(&value, &argument, sizeof value);
  return value;
}

/// The crm_status for a C++ ErrorCode (same numbers).
crm_status status_for(ErrorCode code) noexcept;

/// Runs `body` (returning crm_status) and turns every exception into a
/// status plus last error: crm::Error keeps its code, field and position,
/// std::bad_alloc is CRM_NOMEM, anything else CRM_INTERNAL.
template <class Body>
crm_status guard(Body&& body) noexcept {
  try {
    return body();
  } catch (const Error& error) {
    return fail(status_for(error.code()), error.what(), error.field(), error.line(), error.column());
  } catch (const std::bad_alloc&) {
    return fail(CRM_NOMEM, "out of memory");
  } catch (const std::exception& error) {
    return fail(CRM_INTERNAL, std::string("internal failure: ") + error.what());
  } catch (...) {
    return fail(CRM_INTERNAL, "internal failure: unknown exception");
  }
}

}  // namespace crm::capi

/// Returns CRM_MISUSE from the enclosing entry point when `pointer` is NULL.
#define CRM_REQUIRE(pointer)                                                      \
  do {                                                                            \
    if ((pointer) == nullptr) return ::crm::capi::misuse(__func__, #pointer " must not be NULL"); \
  } while (0)
