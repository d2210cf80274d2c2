// crmcore: a CRM database file (or an in-memory database) and its transactions.
#pragma once

#include <chrono>
#include <memory>
#include <string>
#include <vector>

#include "crm/error.hpp"
#include "crm/time.hpp"

namespace crm {

class Access;
class Audit;
class Changes;
class Privacy;
class Accounts;
class Activities;
class Calendars;
class Campaigns;
class Contacts;
class Currencies;
class CustomFields;
class Duplicates;
class Employments;
class Exports;
class Leads;
class LeadSources;
class Opportunities;
class Segments;
class Search;
class Imports;
class Pipelines;
class Products;
class Reports;
class Telephony;
class Timelines;
class Transaction;
class Users;
class Teams;
namespace detail {
class Session;
class WriteScope;
}  // namespace detail

/// How hard SQLite works to keep committed data on disk.
enum class Synchronous {
  full,    ///< Default: a committed transaction survives a crash of process or machine.
  normal,  ///< Survives a process crash; the last commits may be lost if the machine fails.
  off,     ///< Fastest; the file may be damaged by a machine crash. For scratch files only.
};

/// The error (invalid_argument) thrown when code that a Database's own
/// operation calls back (an import's progress callback, the clock of
/// OpenOptions, the stream an export writes to) uses that same Database. A
/// connection runs one operation at a time and the one calling back is not
/// finished: the callback must not use the database that called it (give it
/// a connection of its own). The C ABI and Python raise the same error.
Error reentrant_use_error();

/// Options for Database::open().
struct OpenOptions {
  /// Create the file when it does not exist (otherwise not_found).
  bool create = true;
  /// Open without writing; migrations are not run and writes fail with permission_denied.
  bool read_only = false;
  /// Upgrade an older file to the current schema while opening. When false, an
  /// older file is opened but every record operation fails with `unsupported`
  /// until migrate() is called (so the embedder can back the file up first).
  bool migrate = true;
  /// How long to wait for a lock held by another connection before failing with `busy`.
  std::chrono::milliseconds busy_timeout{5000};
  /// Durability of commits.
  Synchronous synchronous = Synchronous::full;
  /// ISO 3166-1 alpha-2 country assumed for phone numbers written without a
  /// country code ("26 123 456" with "LV"). Empty: such numbers are refused.
  std::string default_region{};
  /// Source of "now" for timestamps; empty means the system clock (UTC).
  Clock clock{};
  /// The user this connection acts as: an active user's login (crm/user.hpp).
  /// Every read and write is then limited to what the user's roles allow
  /// (crm/access.hpp), and changes are recorded as made by them (stage
  /// histories, merges). Empty: the system session, for the embedder's own
  /// jobs, which may do everything. Checked when opening: not_found for an
  /// unknown login, invalid_argument for an inactive user.
  std::string user{};
  /// The embedder's tag the audit trail keeps with every change this
  /// connection makes ("erp-sync", "pbx"); one line. Empty: none.
  std::string origin{};
};

/// One connection to a CRM database. A Database is used by one thread at a
/// time; threads and processes that work concurrently open their own. Every
/// public write is one transaction; Transaction groups several.
///
/// Throws crm::Error from every member. Moving leaves the source closed.
class Database {
 public:
  /// Opens or creates the database at `path`, or an in-memory database for
  /// ":memory:". Sets WAL, foreign keys and the busy timeout, and runs pending
  /// migrations in one transaction. A file written by a newer crmcore fails
  /// with `unsupported`; a file that is not a database fails with `corrupt`.
  static Database open(const std::string& path, const OpenOptions& options = {});

  /// A private in-memory database, gone when closed.
  static Database open_in_memory(const OpenOptions& options = {});

  Database(Database&& other) noexcept;
  Database& operator=(Database&& other) noexcept;
  Database(const Database&) = delete;
  Database& operator=(const Database&) = delete;
  /// Closes the connection, as close() does.
  ~Database();

  /// Rolls back an open transaction and closes the connection now, which
  /// releases its locks for other writers. Later calls fail with
  /// invalid_argument ("database is closed"), and so does commit() of a
  /// Transaction still pending on it (nothing it wrote is kept); closing
  /// twice is harmless. Called from a callback of this database's own
  /// operation (see reentrant_use_error()), it does nothing: that operation
  /// still uses the connection.
  void close() noexcept;
  /// False after close() or a move.
  bool is_open() const noexcept;
  /// True while an operation of this database runs its caller's code (a
  /// callback, see reentrant_use_error()): the database refuses to be used
  /// and close() does nothing until the callback returns.
  bool in_callback() const noexcept;

  /// The path given to open() (":memory:" for in-memory databases).
  std::string path() const;
  /// The default phone region this connection was opened with ("" if none).
  std::string default_region() const;

  /// The current instant as this connection stamps records (the injected
  /// clock of OpenOptions, or the system clock in UTC).
  Instant now() const;

  /// The schema version of the open file (PRAGMA user_version).
  int schema_version() const;
  /// The schema version this library writes.
  static int latest_schema_version() noexcept;
  /// Upgrades the file to latest_schema_version() in one transaction; a no-op
  /// when it is current. Fails with permission_denied on a read-only connection.
  void migrate();

  /// Copies the whole database to `destination` with SQLite's online backup
  /// while it stays usable; an existing destination file is replaced.
  void backup_to(const std::string& destination) const;

  /// SQLite's integrity check plus a foreign-key check: an empty list when the
  /// file is sound, otherwise one line per problem found.
  std::vector<std::string> integrity_check() const;

  /// Accounts (organizations) in this database. The reference stays valid
  /// while the database is open. Throws unsupported when the file still needs
  /// migrate(), invalid_argument when closed.
  Accounts& accounts();
  /// Contacts (people) in this database; same rules as accounts().
  Contacts& contacts();
  /// Links between contacts and the accounts they work or worked for; same
  /// rules as accounts().
  Employments& employments();
  /// Sales pipelines, their stages and the lost reasons; same rules as accounts().
  Pipelines& pipelines();
  /// The product catalog; same rules as accounts().
  Products& products();
  /// Opportunities (deals) and their stage history; same rules as accounts().
  Opportunities& opportunities();
  /// Leads and their conversion; same rules as accounts().
  Leads& leads();
  /// Calls, meetings, emails, tasks, notes, sms; agendas and reminders; same
  /// rules as accounts().
  Activities& activities();
  /// Business-day calendars per country; same rules as accounts().
  Calendars& calendars();
  /// Timelines of accounts, contacts, deals and leads; same rules as accounts().
  Timelines& timelines();
  /// Calls reported by a telephone system; same rules as accounts().
  Telephony& telephony();
  /// Custom field definitions of every record kind; same rules as accounts().
  CustomFields& custom_fields();
  /// Saved segments and filters run against this database; same rules as accounts().
  Segments& segments();
  /// Full-text search over accounts, contacts, leads, deals and activities
  /// (see crm/search.hpp); same rules as accounts().
  Search& search();
  /// Imports of CSV files (see crm/import.hpp); same rules as accounts().
  Imports& imports();
  /// Writing records and segments to CSV and JSON; same rules as accounts().
  Exports& exports();
  /// Finding duplicate accounts and contacts, merging them and the merge
  /// history; same rules as accounts().
  Duplicates& duplicates();
  /// Lead sources, the list records name their origin from (see
  /// crm/campaign.hpp); same rules as accounts().
  LeadSources& lead_sources();
  /// Marketing campaigns and their cost (see crm/campaign.hpp); same rules
  /// as accounts().
  Campaigns& campaigns();
  /// The base currency and the exchange rates (see crm/currency.hpp); same
  /// rules as accounts().
  Currencies& currencies();
  /// Reports over the deals, leads, campaigns and activities (see
  /// crm/report.hpp); same rules as accounts().
  Reports& reports();
  /// The people who work in the CRM; every record's owner is one of them
  /// (see crm/user.hpp); same rules as accounts().
  Users& users();
  /// The teams users belong to, as a tree (see crm/user.hpp); same rules as
  /// accounts().
  Teams& teams();

  /// Rights: what users may do and the settings of access (crm/access.hpp);
  /// same rules as accounts().
  Access& access();

  /// Who changed which fields of which record, when (crm/audit.hpp); same
  /// rules as accounts().
  Audit& audit();

  /// Every committed change in order, for the programs that follow the CRM
  /// (crm/changes.hpp); same rules as accounts().
  Changes& changes();

  /// A person's data as one document, their erasure, legal holds
  /// (crm/privacy.hpp); same rules as accounts().
  Privacy& privacy();

  /// The embedder's tag the audit trail keeps with this connection's
  /// changes (OpenOptions::origin); "" for none.
  std::string origin() const;
  /// Sets the tag for the changes made from now on; one line (invalid_argument
  /// otherwise), "" for none.
  void set_origin(const std::string& origin);

  /// The login this connection acts as (OpenOptions::user); "" for the
  /// system session.
  std::string user() const;
  /// Makes this connection act as the active user `user` from now on, or as
  /// the system session for "". Records outside the user's read scope are
  /// then absent from every read (get is not_found, lists, counts, reports,
  /// search, timelines and exports leave them out), and writes outside an
  /// action's scope fail with permission_denied. not_found for an unknown
  /// login, invalid_argument for an inactive user or while a transaction is
  /// open.
  void set_user(const std::string& user);
  /// Another connection to the same database (an in-memory one too) acting
  /// as `login`, as set_user() would make it; opened with this database's
  /// options. Independent of this one: give it to another thread, close it
  /// when done. "" gives a system session.
  Database as_user(const std::string& login) const;

  /// Starts a Transaction on this database (same as Transaction(db)).
  Transaction transaction();

 private:
  friend class Transaction;
  std::shared_ptr<detail::Session> shared_session() const;  // throws invalid_argument when closed
  struct Impl;
  explicit Database(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

/// Groups several operations into one atomic unit. Begins on construction
/// (BEGIN IMMEDIATE, or a savepoint when a transaction is already open) and
/// rolls back on destruction unless commit() was called. Movable, not
/// copyable. Closing the Database while a Transaction is pending rolls it
/// back at once; its commit() then fails with invalid_argument and its
/// rollback() does nothing.
class Transaction {
 public:
  /// Begins a transaction on `db`; throws busy when another writer holds the
  /// lock longer than the busy timeout.
  explicit Transaction(Database& db);
  Transaction(const Transaction&) = delete;
  Transaction& operator=(const Transaction&) = delete;
  /// Rolls back unless committed.
  ~Transaction();

  /// Takes over a pending transaction; the source is left finished.
  Transaction(Transaction&&) noexcept;
  Transaction& operator=(Transaction&&) = delete;

  /// Makes the changes permanent (or, nested, part of the outer transaction).
  /// Throws when the commit fails; the transaction is then rolled back.
  /// Throws invalid_argument after commit() or rollback().
  void commit();
  /// Undoes the changes now; a no-op after commit() or rollback().
  void rollback() noexcept;

 private:
  std::shared_ptr<detail::Session> session_;
  std::unique_ptr<detail::WriteScope> scope_;
};

}  // namespace crm
