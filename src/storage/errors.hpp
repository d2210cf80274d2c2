// Translation of everything thrown below the public API into crm::Error.
#pragma once

#include <string_view>

namespace crm::detail {

/// What a trigger that refuses a write for want of rights raises before its
/// message ("crm_permission_denied:update contact: ..."): the error becomes
/// permission_denied with the message.
inline constexpr std::string_view kPermissionDeniedTag = "crm_permission_denied:";

/// Call inside a catch block: rethrows the exception in flight as crm::Error.
/// crm::Error and std::bad_alloc pass unchanged, and SQLITE_NOMEM (also
/// SQLITE_IOERR_NOMEM) becomes std::bad_alloc; other SQLite errors map by
/// code (busy, corrupt, io (also SQLITE_FULL), permission_denied, ...),
/// SQLite's limits on one statement (SQLITE_TOOBIG, expression tree too
/// large, too many variables or terms) to invalid_argument; anything else
/// becomes an io error carrying its message.
[[noreturn]] void rethrow_as_crm_error();

/// Runs `body` and translates whatever it throws with rethrow_as_crm_error().
/// Every public entry point of the library runs its work through this.
template <class Body>
decltype(auto) guarded(Body&& body) {
  try {
    return body();
  } catch (...) {
    rethrow_as_crm_error();
  }
}

/// True when the exception in flight is SQLite's UNIQUE constraint failure on
/// `table_column` ("accounts.external_ref"). Call inside a catch block.
bool is_unique_violation(std::string_view table_column);

}  // namespace crm::detail
