// One open connection with everything the record modules need from it.
#pragma once

#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <type_traits>
#include <typeindex>
#include <unordered_map>

#include <SQLiteCpp/Database.h>

#include "common/phone.hpp"
#include "crm/database.hpp"
#include "storage/errors.hpp"
#include "storage/statement_cache.hpp"

namespace crm::detail {

/// What a module keeps per connection (definitions cached from the file,
/// say). A module derives its own type from it and reaches its one instance
/// per connection with Session::state<T>().
class SessionState {
 public:
  virtual ~SessionState() = default;
};

/// The connection, its statement cache, the clock and the phone normalizer.
class Session {
 public:
  /// Opens the file with the pragmas the design asks for (WAL, foreign keys,
  /// busy timeout, synchronous). Does not touch the schema. ":memory:" is a
  /// new in-memory database that another_connection() can reach.
  Session(const std::string& path, const OpenOptions& options);
  /// A new connection to the same database as `other` (its in-memory
  /// database too), opened with `options`.
  Session(const Session& other, const OpenOptions& options);
  ~Session();

  /// The SQLiteCpp connection. Throws Error(invalid_argument) once closed,
  /// and reentrant_use_error() while the connection is in a callback.
  SQLite::Database& db() {
    require_usable();
    return *db_;
  }
  /// A cached prepared statement for `sql`; throws as db() does.
  Statement prepare(std::string_view sql) {
    require_usable();
    return statements_.acquire(sql);
  }
  /// Runs SQL without results through the statement cache.
  void execute(std::string_view sql);

  /// The instant now, from the injected clock or the system clock.
  Instant now() const;
  /// Today's date in UTC.
  Date today() const { return now().date(); }

  /// Normalizes phone numbers with this connection's default region.
  const PhoneNormalizer& phones() const noexcept { return phones_; }
  /// Normalizes phone numbers of a record in `country` (ISO 3166-1 alpha-2):
  /// a national number is read as that country's. The default region's
  /// normalizer when `country` is empty or has no phone numbers of its own.
  const PhoneNormalizer& phones_in(std::string_view country) const;

  /// The path the connection was opened with.
  const std::string& path() const noexcept { return path_; }
  /// The options the connection was opened with.
  const OpenOptions& options() const noexcept { return options_; }
  /// Drops the cached prepared statements. Call after changing the temp
  /// schema: a statement prepared before a temporary view shadowed a table
  /// would go on reading the table.
  void forget_statements() noexcept { statements_.clear(); }
  /// False while a CascadeWrites scope is open: the SQL function
  /// crm_access_checked() gives this as 1 or 0, which the acting user's
  /// write checks (temporary triggers) test first.
  bool access_checked() const noexcept { return cascade_writes_ == 0; }
  /// True while the audit trail records this connection's writes: the SQL
  /// function crm_audit_on() gives it as 1 or 0 to the audit triggers.
  bool audit_on() const noexcept { return audit_on_; }
  /// Turns the recording of writes on or off (audit/audit_journal.cpp sets
  /// it from the database's setting when a write transaction begins).
  void set_audit_on(bool on) noexcept { audit_on_ = on; }
  /// What the audit trail calls the writes made now when the write itself
  /// does not say (a merge's: "merge"); "" otherwise. crm_audit_operation()
  /// gives it, NULL when "".
  const std::string& audit_operation() const noexcept { return audit_operation_; }
  /// Work a module does at the edges of every outermost write transaction:
  /// `began` right after BEGIN, `before_commit` right before COMMIT (still
  /// inside the transaction; what it throws rolls the transaction back).
  struct TransactionSteps {
    std::function<void()> began;          ///< After BEGIN IMMEDIATE.
    std::function<void()> before_commit;  ///< Before COMMIT.
  };
  /// Adds steps run, in the order added, by every outermost WriteScope.
  void add_transaction_steps(TransactionSteps steps) { transaction_steps_.push_back(std::move(steps)); }
  /// The steps added so far.
  const std::vector<TransactionSteps>& transaction_steps() const noexcept { return transaction_steps_; }
  /// The embedder's tag for the writes of this connection (OpenOptions::origin).
  const std::string& origin() const noexcept { return origin_; }
  /// Sets the embedder's tag.
  void set_origin(std::string origin) { origin_ = std::move(origin); }
  /// The user working through this connection ("" when not set).
  const std::string& user() const noexcept { return user_; }
  /// Sets the user working through this connection.
  void set_user(std::string user) { user_ = std::move(user); }

  /// Milliseconds the connection waits for another connection's lock.
  int busy_timeout_ms() const noexcept { return busy_timeout_ms_; }
  /// True when opened read-only.
  bool read_only() const noexcept { return read_only_; }
  /// True while a transaction is open on this connection (never once closed).
  bool in_transaction() const noexcept;

  /// Rolls back an open transaction and closes the connection now. Whoever
  /// still holds the session (a pending Transaction) finds it closed: db()
  /// and prepare() throw, in_transaction() is false. Harmless twice.
  void close() noexcept;
  /// True after close().
  bool closed() const noexcept { return db_ == nullptr; }
  /// True while the connection runs code of its caller's (CallbackScope).
  bool in_callback() const noexcept { return callbacks_ > 0; }
  /// Rows changed by the last INSERT, UPDATE or DELETE.
  int changes() const noexcept { return db_->getChanges(); }
  /// Row id of the last INSERT.
  std::int64_t last_insert_id() const noexcept { return db_->getLastInsertRowid(); }

  /// The schema version the file is at; record operations require the latest.
  int schema_version() const noexcept { return schema_version_; }
  /// Reads PRAGMA user_version again (another connection may have migrated).
  int reread_schema_version();
  /// WriteScopes not yet finished on this connection.
  int open_write_scopes() const noexcept { return open_write_scopes_; }
  /// Called by WriteScope when it starts and when it finishes.
  void write_scope_opened() noexcept { ++open_write_scopes_; }
  void write_scope_closed() noexcept { --open_write_scopes_; }
  /// Records the schema version after a migration.
  void set_schema_version(int version) noexcept { schema_version_ = version; }
  /// Throws Error(unsupported) unless the schema is current.
  void require_current_schema() const;

  /// Changes whenever definitions cached from the file (custom fields) may no
  /// longer match it for this connection: when a transaction begins or rolls
  /// back, and on forget_cached_definitions(). A cache is trusted only inside
  /// a transaction and while the epoch it was filled in stays current.
  std::uint64_t cache_epoch() const noexcept { return cache_epoch_; }
  /// Call after changing cached definitions (custom fields).
  void forget_cached_definitions() noexcept { ++cache_epoch_; }
  /// This connection's instance of a module's `State` (a SessionState),
  /// default-constructed on first use and kept until the connection closes.
  template <class State>
  State& state() {
    static_assert(std::is_base_of_v<SessionState, State>, "a session state derives from SessionState");
    std::unique_ptr<SessionState>& slot = states_[std::type_index(typeid(State))];
    if (!slot) slot = std::make_unique<State>();
    return static_cast<State&>(*slot);
  }

 private:
  friend class CallbackScope;
  friend class CascadeWrites;
  friend class AuditOperationScope;
  Session(const std::string& path, const OpenOptions& options, const std::string& connection_name);
  void enable_wal();
  void require_usable() const;

  std::string path_;
  std::string connection_name_;  // what SQLite opened: the path, or a shared in-memory database's URI
  OpenOptions options_;
  std::string user_;
  std::string origin_;  // the embedder's tag for the audit trail
  int busy_timeout_ms_;
  bool read_only_;
  Clock clock_;
  PhoneNormalizer phones_;
  // phones_in()'s normalizers by country (null: the country has no numbering plan)
  mutable std::unordered_map<std::string, std::unique_ptr<PhoneNormalizer>> regional_phones_;
  std::unique_ptr<SQLite::Database> db_;
  StatementCache statements_;
  int schema_version_ = 0;
  int open_write_scopes_ = 0;
  std::uint64_t cache_epoch_ = 0;
  mutable int callbacks_ = 0;  // CallbackScopes open
  int cascade_writes_ = 0;     // CascadeWrites open
  bool audit_on_ = false;      // crm_audit_on()
  std::string audit_operation_;  // crm_audit_operation(), set by AuditOperationScope
  std::vector<TransactionSteps> transaction_steps_;
  std::unordered_map<std::type_index, std::unique_ptr<SessionState>> states_;
};

/// Marks the time a connection spends in code its caller gave it (an
/// import's progress callback, the clock, the stream an export writes to).
/// Using the connection meanwhile throws reentrant_use_error(): the
/// operation that called out is not finished and its statements are still
/// under way, so the callback may not start another one on the same
/// connection.
class CallbackScope {
 public:
  explicit CallbackScope(const Session& session) noexcept : session_(session) { ++session_.callbacks_; }
  CallbackScope(const CallbackScope&) = delete;
  CallbackScope& operator=(const CallbackScope&) = delete;
  ~CallbackScope() { --session_.callbacks_; }

 private:
  const Session& session_;
};

/// Marks writes the library makes as the consequence of one already allowed
/// (a merge repointing the references of the record it removes): the acting
/// user's write checks let them through (Session::access_checked()).
class CascadeWrites {
 public:
  explicit CascadeWrites(Session& session) noexcept : session_(session) { ++session_.cascade_writes_; }
  CascadeWrites(const CascadeWrites&) = delete;
  CascadeWrites& operator=(const CascadeWrites&) = delete;
  ~CascadeWrites() { --session_.cascade_writes_; }

 private:
  Session& session_;
};

/// Names the operation of the writes made while it is open (a merge's
/// "merge") for the audit trail, where the writes themselves would say
/// update or delete. The outermost scope's name wins.
class AuditOperationScope {
 public:
  AuditOperationScope(Session& session, std::string_view operation)
      : session_(session), owns_(session.audit_operation_.empty()) {
    if (owns_) session_.audit_operation_ = operation;
  }
  AuditOperationScope(const AuditOperationScope&) = delete;
  AuditOperationScope& operator=(const AuditOperationScope&) = delete;
  ~AuditOperationScope() {
    if (owns_) session_.audit_operation_.clear();
  }

 private:
  Session& session_;
  bool owns_;
};

/// How a WriteScope inside a caller's transaction undoes itself on failure.
enum class Atomicity {
  /// SAVEPOINT and ROLLBACK TO: right for any write.
  savepoint,
  /// The write only adds rows that hang off one new root row (by ON DELETE
  /// CASCADE), so deleting the root undoes it. Skips the savepoint, whose
  /// journal copies every touched page and costs more than a small insert.
  added_rows,
};

/// A consistent snapshot for a read made of several statements: BEGIN
/// (deferred) when no transaction is open, ended when the scope ends; inside
/// an open transaction it does nothing.
class ReadScope {
 public:
  explicit ReadScope(Session& session);
  ReadScope(const ReadScope&) = delete;
  ReadScope& operator=(const ReadScope&) = delete;
  ~ReadScope();

 private:
  Session& session_;
  bool owns_;
};

/// Runs `body` in a ReadScope and translates what it throws (guarded()).
template <class Body>
decltype(auto) guarded_read(Session& session, Body&& body) {
  return guarded([&]() -> decltype(auto) {
    ReadScope snapshot(session);
    return body();
  });
}

/// One atomic unit of writing: BEGIN IMMEDIATE when no transaction is open
/// (undone by ROLLBACK), otherwise a part of the open one undone as
/// `atomicity` says. Rolls back unless committed. The outermost scope keeps
/// the search index in deferred mode (storage/search_indexing.hpp) and
/// re-indexes the records it changed when it commits.
class WriteScope {
 public:
  explicit WriteScope(Session& session, Atomicity atomicity = Atomicity::savepoint);
  WriteScope(const WriteScope&) = delete;
  WriteScope& operator=(const WriteScope&) = delete;
  ~WriteScope();

  /// Commits (or releases the savepoint). Throws; the scope is then rolled back.
  void commit();
  /// Calls `read` (which reads what this scope wrote), then commits and
  /// returns what it read: a write returns its records as its own
  /// transaction left them. Read after the commit, they could show another
  /// connection's later change instead.
  template <class Read>
  auto commit_returning(Read&& read) {
    auto result = read();
    commit();
    return result;
  }
  /// Rolls back now; a no-op when already finished.
  void rollback() noexcept;
  /// True until commit() or rollback().
  bool active() const noexcept { return active_; }

  /// For Atomicity::added_rows: the root row just inserted into `table`,
  /// deleted by rollback() when this scope is nested.
  void added_root(std::string_view table, std::int64_t id);

 private:
  Session& session_;
  bool active_ = true;
  bool outermost_;
  bool deferred_search_ = false;  // the search index is in deferred mode until commit
  Atomicity atomicity_;
  std::string root_table_;
  std::int64_t root_id_ = 0;
};

}  // namespace crm::detail
