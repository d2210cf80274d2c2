#include "storage/errors.hpp"

#include <new>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>

#include <SQLiteCpp/Exception.h>
#include <sqlite3.h>

#include "crm/error.hpp"

namespace crm::detail {
namespace {

ErrorCode code_for(int primary) {
  switch (primary) {
    case SQLITE_BUSY:
    case SQLITE_LOCKED: return ErrorCode::busy;
    case SQLITE_CORRUPT:
    case SQLITE_NOTADB: return ErrorCode::corrupt;
    case SQLITE_READONLY:
    case SQLITE_PERM:
    case SQLITE_AUTH: return ErrorCode::permission_denied;
    case SQLITE_CONSTRAINT: return ErrorCode::conflict;
    case SQLITE_RANGE:
    case SQLITE_MISMATCH:
    case SQLITE_TOOBIG: return ErrorCode::invalid_argument;
    default: return ErrorCode::io;
  }
}

// SQLITE_ERROR messages of SQLite's own limits on one statement: the input
// was larger than the engine takes at once, not a failing disk.
bool is_engine_limit(std::string_view message) {
  constexpr std::string_view kLimits[] = {"Expression tree is too large", "too many SQL variables",
                                          "too many terms in compound SELECT", "too many arguments on function",
                                          "too many columns", "LIKE or GLOB pattern too complex",
                                          "too many FROM clause terms", "too many terms in ORDER BY clause"};
  for (std::string_view limit : kLimits)
    if (message.find(limit) != std::string_view::npos) return true;
  return false;
}

// The error of schema version 10's owner triggers ("crm_owner_not_active_user:
// contacts"), which refuse a record whose owner is not an active user's login.
std::optional<Error> owner_trigger_error(std::string_view message) {
  constexpr std::string_view kTag = "crm_owner_not_active_user:";
  const std::size_t at = message.find(kTag);
  if (at == std::string_view::npos) return std::nullopt;
  std::string kind(message.substr(at + kTag.size()));
  if (kind.ends_with("ies")) kind.replace(kind.size() - 3, 3, "y");
  else if (kind.ends_with('s')) kind.pop_back();
  const std::string field = kind + ".owner";
  return Error(ErrorCode::invalid_argument,
               field + ": the owner is not an active user (create the user, or reactivate it, first)", field);
}

// The error of an acting user's write check (a temporary trigger raising
// "crm_permission_denied:<message>", see user/acting_user.cpp).
std::optional<Error> permission_trigger_error(std::string_view message) {
  const std::size_t at = message.find(kPermissionDeniedTag);
  if (at == std::string_view::npos) return std::nullopt;
  return Error(ErrorCode::permission_denied, std::string(message.substr(at + kPermissionDeniedTag.size())));
}

// The error of schema version 13's hold triggers ("crm_legal_hold:contact"),
// which refuse to purge a person under a legal hold.
std::optional<Error> legal_hold_trigger_error(std::string_view message) {
  constexpr std::string_view kTag = "crm_legal_hold:";
  const std::size_t at = message.find(kTag);
  if (at == std::string_view::npos) return std::nullopt;
  const std::string kind(message.substr(at + kTag.size()));
  return Error(ErrorCode::conflict,
               kind + ": under a legal hold, which keeps it from being purged or erased; release the hold first");
}

}  // namespace

void rethrow_as_crm_error() {
  try {
    throw;
  } catch (const Error&) {
    throw;
  } catch (const std::bad_alloc&) {
    throw;
  } catch (const SQLite::Exception& e) {
    const int primary = e.getErrorCode() & 0xFF;
    // SQLite's allocator failed: the same condition as a failing new, which
    // every surface already reports as out of memory (CRM_NOMEM, MemoryError).
    if (primary == SQLITE_NOMEM || e.getExtendedErrorCode() == SQLITE_IOERR_NOMEM) throw std::bad_alloc();
    if (e.getExtendedErrorCode() == SQLITE_CONSTRAINT_TRIGGER)
    {
      if (auto owner = owner_trigger_error(e.what())) throw *owner;
      if (auto denied = permission_trigger_error(e.what())) throw *denied;
      if (auto held = legal_hold_trigger_error(e.what())) throw *held;
    }
    // A statement nested deeper than SQLite's parser takes (the segment
    // compiler refuses such filters first; this is the safety net).
    if (primary == SQLITE_ERROR && std::string(e.what()).find("parser stack overflow") != std::string::npos)
      throw Error(ErrorCode::parse_error, "the filter nests too deeply for the database; write it flatter");
    if (primary == SQLITE_ERROR && is_engine_limit(e.what()))
      throw Error(ErrorCode::invalid_argument,
                  std::string("database: ") + e.what() + " (the input is larger than the database takes at once)");
    throw Error(code_for(primary), std::string("database: ") + e.what());
  } catch (const std::out_of_range& e) {  // Boost.Date_Time reports impossible dates this way
    throw Error(ErrorCode::invalid_argument, std::string("value out of range: ") + e.what());
  } catch (const std::exception& e) {
    throw Error(ErrorCode::io, std::string("internal failure: ") + e.what());
  } catch (...) {
    throw Error(ErrorCode::io, "internal failure: unknown exception");
  }
}

bool is_unique_violation(std::string_view table_column) {
  try {
    throw;
  } catch (const SQLite::Exception& e) {
    const std::string_view message = e.what();
    return e.getExtendedErrorCode() == SQLITE_CONSTRAINT_UNIQUE &&
           message.find(table_column) != std::string_view::npos;
  } catch (...) {
    return false;
  }
}

}  // namespace crm::detail
