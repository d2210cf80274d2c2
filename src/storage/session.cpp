#include "storage/session.hpp"

#include <algorithm>
#include <atomic>
#include <cstdint>
#include <chrono>
#include <limits>
#include <thread>

#include <sqlite3.h>

#include "crm/error.hpp"
#include "storage/search_indexing.hpp"
#include "storage/sql_money_parts.hpp"
#include "text/latin_key.hpp"
#include "text/unicode.hpp"

namespace crm::detail {
namespace {

const char* synchronous_pragma(Synchronous mode) {
  switch (mode) {
    case Synchronous::off: return "PRAGMA synchronous = OFF";
    case Synchronous::normal: return "PRAGMA synchronous = NORMAL";
    case Synchronous::full: break;
  }
  return "PRAGMA synchronous = FULL";
}

int checked_busy_timeout(const OpenOptions& options) {
  const auto milliseconds = options.busy_timeout.count();
  if (milliseconds < 0)
    throw Error(ErrorCode::invalid_argument, "busy_timeout: must not be negative", "busy_timeout");
  return static_cast<int>(std::min<std::int64_t>(milliseconds, std::numeric_limits<int>::max()));
}

int open_flags(const OpenOptions& options) {
  if (options.read_only) return SQLite::OPEN_READONLY;
  return SQLite::OPEN_READWRITE | (options.create ? SQLite::OPEN_CREATE : 0);
}

// The name SQLite opens for `path`: an in-memory database is one of the
// memdb VFS's shared ones (a URI whose name starts with "/"), so that a
// second connection of this process (Database::as_user()) reaches it; it is
// freed with its last connection. A file's path is given as it is.
std::string connection_name_for(const std::string& path) {
  if (path != ":memory:") return path;
  static std::atomic<std::uint64_t> counter{0};
  return "file:/crm-memory-" + std::to_string(++counter) + "?vfs=memdb";
}

// How a shared in-memory database is opened (read-only or not, it exists).
constexpr int kSharedMemoryFlags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_URI;

// crm_access_checked(): 1 unless a CascadeWrites scope is open on the
// session (the acting user's write triggers test it first).
void sql_access_checked(sqlite3_context* context, int, sqlite3_value**) {
  const auto* session = static_cast<const Session*>(sqlite3_user_data(context));
  sqlite3_result_int(context, session->access_checked() ? 1 : 0);
}

// crm_audit_on(): 1 while the audit trail records the session's writes.
void sql_audit_on(sqlite3_context* context, int, sqlite3_value**) {
  const auto* session = static_cast<const Session*>(sqlite3_user_data(context));
  sqlite3_result_int(context, session->audit_on() ? 1 : 0);
}

// crm_audit_operation(): the operation an AuditOperationScope names, or NULL.
void sql_audit_operation(sqlite3_context* context, int, sqlite3_value**) {
  const auto* session = static_cast<const Session*>(sqlite3_user_data(context));
  const std::string& operation = session->audit_operation();
  if (operation.empty()) return sqlite3_result_null(context);
  sqlite3_result_text(context, operation.data(), static_cast<int>(operation.size()), SQLITE_TRANSIENT);
}

// A one-argument SQL function giving Key(text) (NULL stays NULL; invalid
// UTF-8 is returned as it is).
template <std::string (*Key)(std::string_view)>
void sql_key(sqlite3_context* context, int, sqlite3_value** arguments) {
  if (sqlite3_value_type(arguments[0]) == SQLITE_NULL) return sqlite3_result_null(context);
  const auto* text = reinterpret_cast<const char*>(sqlite3_value_text(arguments[0]));
  const std::string_view view(text ? text : "", static_cast<std::size_t>(sqlite3_value_bytes(arguments[0])));
  try {
    const std::string key = is_valid_utf8(view) ? Key(view) : std::string(view);
    sqlite3_result_text(context, key.data(), static_cast<int>(key.size()), SQLITE_TRANSIENT);
  } catch (const std::bad_alloc&) {
    sqlite3_result_error_nomem(context);
  } catch (const std::exception& e) {
    sqlite3_result_error(context, e.what(), -1);
  }
}

// crm_match_key(text): the case- and diacritic-free key of the segment
// language's "~", "contains" and "starts with"; crm_latin_key(text): a
// name's ASCII Latin spelling, '' where it is its match key (what the
// latin_key columns hold, NULL for ''; schema version 9 fills them with it).
void register_functions(sqlite3* db) {
  const int flags = SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS;
  if (sqlite3_create_function_v2(db, "crm_match_key", 1, flags, nullptr, sql_key<match_key>, nullptr, nullptr,
                                 nullptr) != SQLITE_OK ||
      sqlite3_create_function_v2(db, "crm_latin_key", 1, flags, nullptr, sql_key<distinct_latin_key>, nullptr,
                                 nullptr, nullptr) != SQLITE_OK ||
      !register_money_parts(db))
    throw Error(ErrorCode::io, std::string("cannot register SQL functions: ") + sqlite3_errmsg(db));
}

}  // namespace

const PhoneNormalizer& Session::phones_in(std::string_view country) const {
  if (country.empty() || country == phones_.default_region()) return phones_;
  auto found = regional_phones_.find(std::string(country));
  if (found == regional_phones_.end()) {
    std::unique_ptr<PhoneNormalizer> normalizer;
    try {
      normalizer = std::make_unique<PhoneNormalizer>(std::string(country));
    } catch (const Error&) {
      // Antarctica and the like: no numbering plan; numbers need their country code
    }
    found = regional_phones_.emplace(std::string(country), std::move(normalizer)).first;
  }
  return found->second ? *found->second : phones_;
}

Session::Session(const std::string& path, const OpenOptions& options)
    : Session(path, options, connection_name_for(path)) {}

Session::Session(const Session& other, const OpenOptions& options)
    : Session(other.path_, options, other.connection_name_) {}

Session::Session(const std::string& path, const OpenOptions& options, const std::string& connection_name)
    : path_(path),
      connection_name_(connection_name),
      options_(options),
      user_(options.user),
      origin_(options.origin),
      busy_timeout_ms_(checked_busy_timeout(options)),
      read_only_(options.read_only),
      clock_(options.clock),
      phones_(options.default_region),
      db_(std::make_unique<SQLite::Database>(connection_name,
                                             (connection_name == path ? open_flags(options) : kSharedMemoryFlags) |
                                                 SQLITE_OPEN_NOMUTEX,
                                             busy_timeout_ms_)),
      statements_(*db_) {
  // Reading the header here turns "not a database" into an error at open time.
  schema_version_ = db_->execAndGet("PRAGMA user_version").getInt();
  if (connection_name != path) {
    // The memdb VFS caps a database at 1 GiB unless told otherwise; a private
    // ":memory:" database had no such cap, and this one has none either.
    sqlite3_int64 unlimited = std::numeric_limits<sqlite3_int64>::max() / 2;
    sqlite3_file_control(db_->getHandle(), "main", SQLITE_FCNTL_SIZE_LIMIT, &unlimited);
  }
  register_functions(db_->getHandle());
  if (sqlite3_create_function_v2(db_->getHandle(), "crm_access_checked", 0, SQLITE_UTF8, this, sql_access_checked,
                                 nullptr, nullptr, nullptr) != SQLITE_OK ||
      sqlite3_create_function_v2(db_->getHandle(), "crm_audit_on", 0, SQLITE_UTF8, this, sql_audit_on, nullptr,
                                 nullptr, nullptr) != SQLITE_OK ||
      sqlite3_create_function_v2(db_->getHandle(), "crm_audit_operation", 0, SQLITE_UTF8, this,
                                 sql_audit_operation, nullptr, nullptr, nullptr) != SQLITE_OK)
    throw Error(ErrorCode::io, std::string("cannot register SQL functions: ") + sqlite3_errmsg(db_->getHandle()));
  db_->exec("PRAGMA foreign_keys = ON");
  // Savepoints (one per public write inside a caller's transaction) keep
  // their journal in memory instead of a temporary file.
  db_->exec("PRAGMA temp_store = MEMORY");
  if (!read_only_ && path != ":memory:") enable_wal();
  db_->exec(synchronous_pragma(options.synchronous));
}

Session::~Session() { close(); }

void Session::close() noexcept {
  if (!db_) return;
  try {
    if (in_transaction()) db_->exec("ROLLBACK");
  } catch (...) {
    // SQLite rolls back what is left when the connection closes.
  }
  statements_.clear();
  db_.reset();
}

void Session::require_usable() const {
  if (!db_) throw Error(ErrorCode::invalid_argument, "database: the database is closed");
  if (callbacks_ > 0) throw reentrant_use_error();
}

void Session::enable_wal() {
  // Switching a new file to WAL needs a lock SQLite does not wait for with the
  // busy handler, so another connection creating the same file at the same
  // moment makes it fail at once; retry within the busy timeout.
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(busy_timeout_ms_);
  for (;;) {
    try {
      db_->execAndGet("PRAGMA journal_mode = WAL");
      return;
    } catch (const SQLite::Exception& e) {
      if ((e.getErrorCode() & 0xFF) != SQLITE_BUSY || std::chrono::steady_clock::now() >= deadline) throw;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
}

void Session::execute(std::string_view sql) { prepare(sql)->exec(); }

int Session::reread_schema_version() {
  schema_version_ = db_->execAndGet("PRAGMA user_version").getInt();
  return schema_version_;
}

ReadScope::ReadScope(Session& session) : session_(session), owns_(!session.in_transaction()) {
  if (owns_) {
    session_.forget_cached_definitions();
    session_.execute("BEGIN");
  }
}

ReadScope::~ReadScope() {
  if (!owns_ || !session_.in_transaction()) return;
  try {
    session_.execute("COMMIT");
  } catch (...) {
    try {
      session_.execute("ROLLBACK");
    } catch (...) {
      // A read transaction that cannot end is closed with the connection.
    }
  }
}

Instant Session::now() const {
  if (!clock_) return utc_now();
  CallbackScope calling(*this);
  return clock_();
}

bool Session::in_transaction() const noexcept { return db_ && sqlite3_get_autocommit(db_->getHandle()) == 0; }

void Session::require_current_schema() const {
  if (schema_version_ != Database::latest_schema_version())
    throw Error(ErrorCode::unsupported, "database: the file has schema version " +
                                            std::to_string(schema_version_) + " and needs migrating to version " +
                                            std::to_string(Database::latest_schema_version()) +
                                            "; call migrate() (or open with migrate enabled)");
}

WriteScope::WriteScope(Session& session, Atomicity atomicity)
    : session_(session), outermost_(!session.in_transaction()), atomicity_(atomicity) {
  if (session_.read_only())
    throw Error(ErrorCode::permission_denied, "database: the connection is read-only");
  if (outermost_ && session_.open_write_scopes() > 0)
    throw Error(ErrorCode::conflict,
                "transaction: SQLite rolled the open transaction back after an earlier error; roll it back "
                "and start again (nothing after that error was written)");
  if (outermost_) {
    session_.forget_cached_definitions();
    session_.execute("BEGIN IMMEDIATE");
    try {
      deferred_search_ = defer_search_indexing(session_);
      for (const auto& steps : session_.transaction_steps())
        if (steps.began) steps.began();
    } catch (...) {
      // SQLite may have rolled back already (out of memory): keep its error.
      if (session_.in_transaction()) session_.execute("ROLLBACK");
      throw;
    }
  }
  else if (atomicity_ == Atomicity::savepoint)
    session_.execute("SAVEPOINT crm_scope");
  session_.write_scope_opened();
}

void WriteScope::added_root(std::string_view table, std::int64_t id) {
  root_table_ = table;
  root_id_ = id;
}

WriteScope::~WriteScope() { rollback(); }

void WriteScope::commit() {
  if (!active_) throw Error(ErrorCode::invalid_argument, "transaction: already finished");
  if (session_.closed()) {
    rollback();
    throw Error(ErrorCode::invalid_argument,
                "transaction: the database is closed; closing it rolled the transaction back, nothing was written");
  }
  if (!session_.in_transaction()) {
    rollback();
    throw Error(ErrorCode::conflict,
                "transaction: SQLite rolled the open transaction back after an earlier error; nothing was written");
  }
  try {
    if (outermost_) {
      for (const auto& steps : session_.transaction_steps())
        if (steps.before_commit) steps.before_commit();
      if (deferred_search_) resume_search_indexing(session_);
      session_.execute("COMMIT");
    }
    else if (atomicity_ == Atomicity::savepoint)
      session_.execute("RELEASE crm_scope");
  } catch (...) {
    rollback();
    throw;
  }
  active_ = false;
  session_.write_scope_closed();
}

void WriteScope::rollback() noexcept {
  if (!active_) return;
  active_ = false;
  session_.write_scope_closed();
  session_.forget_cached_definitions();
  try {
    if (outermost_) {
      if (session_.in_transaction()) session_.execute("ROLLBACK");
    } else if (!session_.in_transaction()) {
      // SQLite already rolled everything back.
    } else if (atomicity_ == Atomicity::savepoint) {
      session_.execute("ROLLBACK TO crm_scope");
      session_.execute("RELEASE crm_scope");
    } else if (root_id_ != 0) {
      auto undo = session_.prepare("DELETE FROM main." + root_table_ + " WHERE id = ?");
      undo->bind(1, root_id_);
      undo->exec();
    }
  } catch (...) {
    // Nothing more can be done; SQLite rolls back when the connection closes.
  }
}

}  // namespace crm::detail

namespace crm {

Error reentrant_use_error() {
  return Error(ErrorCode::invalid_argument,
               "database: used from a callback of its own operation (an import's progress callback, the clock, "
               "the stream an export writes to); a connection runs one operation at a time, so finish the "
               "operation first or give the callback a connection of its own");
}

}  // namespace crm
