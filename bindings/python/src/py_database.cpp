// crmcore.open(), Database and Transaction.
#include "py_database.hpp"

#include <pybind11/stl.h>

#include "py_bindings.hpp"
#include "py_convert.hpp"

namespace py = pybind11;

namespace crm::python {
namespace {

Synchronous synchronous_mode(const std::string& name) {
  if (name == "full") return Synchronous::full;
  if (name == "normal") return Synchronous::normal;
  if (name == "off") return Synchronous::off;
  throw Error(ErrorCode::invalid_argument, "synchronous: '" + name + "' is not one of 'full', 'normal', 'off'",
              "synchronous");
}

SharedDatabase open_database(py::object path, const std::string& default_region, bool create, bool read_only,
                             bool migrate, double busy_timeout, const std::string& synchronous,
                             const std::string& user, const std::string& origin) {
  const std::string file = path_from_python(path);
  if (!(busy_timeout >= 0 && busy_timeout <= 86400))  // also refuses NaN
    throw Error(ErrorCode::invalid_argument, "busy_timeout: must be between 0 and 86400 seconds", "busy_timeout");
  OpenOptions options;
  options.default_region = default_region;
  options.create = create;
  options.read_only = read_only;
  options.migrate = migrate;
  options.busy_timeout = std::chrono::milliseconds(static_cast<long long>(busy_timeout * 1000));
  options.synchronous = synchronous_mode(synchronous);
  options.user = user;
  options.origin = origin;
  py::gil_scoped_release release;
  return std::make_shared<PyDatabase>(Database::open(file, options), options.busy_timeout);
}

// A transaction begun on construction; commits or rolls back once. Ending
// it is serialized with the connection, so two threads cannot both end it.
class PyTransaction {
 public:
  explicit PyTransaction(SharedDatabase db) : db_(std::move(db)), transaction_(db_->begin()) {}
  PyTransaction(const PyTransaction&) = delete;
  PyTransaction& operator=(const PyTransaction&) = delete;

  ~PyTransaction() {
    if (!active_.exchange(false)) return;
    try {
      db_->finish(transaction_, false);
    } catch (...) {
      // A rollback that fails leaves the transaction to SQLite, which rolls it back on close.
    }
  }

  void commit() { end("commit", true); }
  void rollback() { end("rollback", false); }
  bool active() const { return active_.load(); }

 private:
  void end(const char* what, bool commit) {
    db_->refuse_reentry();  // before the transaction counts as ended
    if (!active_.exchange(false))
      throw Error(ErrorCode::invalid_argument, std::string("transaction: cannot ") + what + ", it has already ended");
    db_->finish(transaction_, commit);
  }

  SharedDatabase db_;
  Transaction transaction_;
  std::atomic<bool> active_{true};
};

}  // namespace

void PyDatabase::wait_for_other_threads_transaction(std::unique_lock<std::mutex>& lock) {
  const auto me = std::this_thread::get_id();
  const bool free = transaction_ended_.wait_for(
      lock, busy_timeout_, [&] { return !transaction_owner_ || *transaction_owner_ == me; });
  if (!free)
    throw Error(ErrorCode::busy,
                "database: another thread has a transaction open on this Database object; it did not end within "
                "the busy timeout (give each thread its own crmcore.open())");
}

void PyDatabase::refuse_reentry() const {
  if (runner_.load() == std::this_thread::get_id()) throw reentrant_use_error();
}

Transaction PyDatabase::begin() {
  refuse_reentry();
  py::gil_scoped_release release;
  std::unique_lock lock(mutex_);
  wait_for_other_threads_transaction(lock);
  if (!database_) throw Error(ErrorCode::invalid_argument, "database: the database is closed");
  const Running running(runner_);
  Transaction transaction(*database_);
  transaction_owner_ = std::this_thread::get_id();
  ++transaction_depth_;
  return transaction;
}

void PyDatabase::finish(Transaction& transaction, bool commit) {
  refuse_reentry();
  py::gil_scoped_release release;
  std::unique_lock lock(mutex_);
  const Running running(runner_);
  auto release_ownership = [&] {
    if (transaction_depth_ > 0 && --transaction_depth_ == 0) transaction_owner_.reset();  // 0 once closed
    transaction_ended_.notify_all();
  };
  try {
    if (commit)
      transaction.commit();
    else
      transaction.rollback();
  } catch (...) {
    release_ownership();
    throw;
  }
  release_ownership();
}

const std::string& PyDatabase::path() const {
  if (!is_open()) throw Error(ErrorCode::invalid_argument, "database: the database is closed");
  return path_;
}

const std::string& PyDatabase::default_region() const {
  if (!is_open()) throw Error(ErrorCode::invalid_argument, "database: the database is closed");
  return default_region_;
}

void PyDatabase::close() {
  refuse_reentry();
  py::gil_scoped_release release;
  std::unique_lock lock(mutex_);
  database_.reset();  // rolls back an open transaction and releases the connection now
  open_ = false;
  // Whoever waits for a transaction to end must not wait for one that close() ended.
  transaction_owner_.reset();
  transaction_depth_ = 0;
  transaction_ended_.notify_all();
}

py::class_<PyDatabase, SharedDatabase> database_class(py::module_& m) {
  return py::reinterpret_borrow<py::class_<PyDatabase, SharedDatabase>>(m.attr("Database"));
}

void register_database(py::module_& m) {

  py::class_<SampleSummary>(m, "SampleSummary", "What load_sample_data() added.")
      .def_readonly("accounts_created", &SampleSummary::accounts_created, "Accounts added.")
      .def_readonly("contacts_created", &SampleSummary::contacts_created, "Contacts added.")
      .def_readonly("job_changes", &SampleSummary::job_changes, "Contacts given an earlier employer.")
      .def_readonly("opportunities_created", &SampleSummary::opportunities_created, "Deals added.")
      .def_readonly("activities_created", &SampleSummary::activities_created,
                    "Calls, emails, meetings and tasks added, done and planned.")
      .def_readonly("leads_created", &SampleSummary::leads_created, "Leads added.")
      .def_readonly("campaigns_created", &SampleSummary::campaigns_created, "Campaigns added.")
      .def_readonly("users_created", &SampleSummary::users_created, "Users added (the sales people, admin, analyst).")
      .def_readonly("exchange_rates_created", &SampleSummary::exchange_rates_created,
                    "Exchange rates added (USD, GBP and UAH to EUR, monthly).")
      .def_readonly("already_loaded", &SampleSummary::already_loaded, "True when nothing was added.")
      .def("__repr__", [](const SampleSummary& s) {
        return "SampleSummary(accounts_created=" + std::to_string(s.accounts_created) +
               ", contacts_created=" + std::to_string(s.contacts_created) + ", job_changes=" +
               std::to_string(s.job_changes) + ", opportunities_created=" + std::to_string(s.opportunities_created) +
               ", activities_created=" + std::to_string(s.activities_created) +
               ", leads_created=" + std::to_string(s.leads_created) +
               ", campaigns_created=" + std::to_string(s.campaigns_created) +
               ", exchange_rates_created=" + std::to_string(s.exchange_rates_created) +
               ", already_loaded=" + (s.already_loaded ? "True" : "False") + ")";
      });

  py::class_<PyTransaction>(m, "Transaction",
                            "A transaction, begun when created. As a context manager it commits when the block "
                            "ends normally and rolls back when it raises. Nested transactions are savepoints.")
      .def("commit", &PyTransaction::commit, "Makes the changes permanent.")
      .def("rollback", &PyTransaction::rollback, "Undoes the changes.")
      .def_property_readonly("active", &PyTransaction::active, "True until committed or rolled back.")
      .def("__enter__", [](py::object self) { return self; }, "Returns the transaction itself.")
      .def(
          "__exit__",
          [](PyTransaction& self, py::object type, py::object, py::object) {
            if (!self.active()) return false;
            if (type.is_none())
              self.commit();
            else
              self.rollback();
            return false;
          },
          "Commits, or rolls back when the block raised; never swallows the exception.");

  py::class_<PyDatabase, SharedDatabase>(
      m, "Database",
      "A connection to one CRM database file, opened with crmcore.open(). Database work runs with the GIL "
      "released. Threads may share one object (calls are serialized; while one thread has a transaction open, "
      "the others wait for it), but threads that write independently should each open their own.")
      .def("close", &PyDatabase::close,
           "Closes the connection at once, releasing its locks; later calls raise ValidationError ('the database "
           "is closed'). An open transaction is rolled back: nothing it wrote is kept and its commit() raises "
           "ValidationError. Idempotent. Raises ValidationError when called from a callback of this database's "
           "own operation (an import's progress callback).")
      .def_property_readonly("closed", [](const PyDatabase& db) { return !db.is_open(); }, "True after close().")
      .def_property_readonly(
          "path", [](const PyDatabase& db) { return db.path(); },
          "The path the database was opened with.")
      .def_property_readonly(
          "default_region", [](const PyDatabase& db) { return db.default_region(); },
          "The country assumed for phone numbers without a country code ('' for none).")
      .def_property_readonly(
          "schema_version", [](PyDatabase& db) { return db.run([](Database& d) { return d.schema_version(); }); },
          "The schema version of the file.")
      .def(
          "migrate", [](PyDatabase& db) { db.run([](Database& d) { d.migrate(); }); },
          "Upgrades an older file to the current schema in one transaction.")
      .def(
          "backup",
          [](PyDatabase& db, py::object destination) {
            const std::string file = path_from_python(destination);
            db.run([&](Database& d) { d.backup_to(file); });
          },
          py::arg("destination"), "Copies the whole database to destination while it stays usable.")
      .def(
          "integrity_check", [](PyDatabase& db) { return db.run([](Database& d) { return d.integrity_check(); }); },
          "SQLite's integrity and foreign-key checks: an empty list when the file is sound.")
      .def(
          "now", [](PyDatabase& db) { return db.run([](Database& d) { return d.now(); }); },
          "The current instant as the database stamps records (aware UTC datetime).")
      .def(
          "transaction", [](const SharedDatabase& db) { return std::make_unique<PyTransaction>(db); },
          "Begins a transaction; use it as `with db.transaction():`.")
      .def(
          "load_sample_data",
          [](PyDatabase& db, IntArg<std::uint64_t> seed, IntArg<int> accounts, IntArg<int> contacts) {
            return db.run([&](Database& d) { return load_sample_data(d, {seed, accounts, contacts}); });
          },
          py::kw_only(), py::arg("seed") = 2025, py::arg("accounts") = 120, py::arg("contacts") = 360,
          "Loads the built-in deterministic sample accounts and contacts in one transaction; nothing is added "
          "when the sample is already present.")
      .def_property(
          "user", [](PyDatabase& db) { return db.run([](Database& d) { return d.user(); }); },
          [](PyDatabase& db, const std::string& user) { db.run([&](Database& d) { d.set_user(user); }); },
          "The login this connection acts as ('' for the system session). Setting it makes the connection act as "
          "that active user: records outside their read scope are absent from every read (get raises "
          "NotFoundError), writes outside an action's scope raise PermissionDeniedError, and changes are recorded "
          "as theirs. NotFoundError for an unknown login, ValidationError for an inactive user.")
      .def_property(
          "origin", [](PyDatabase& db) { return db.run([](Database& d) { return d.origin(); }); },
          [](PyDatabase& db, const std::string& origin) { db.run([&](Database& d) { d.set_origin(origin); }); },
          "The embedder's tag the audit trail keeps with the changes this connection makes ('' for none); one "
          "line.")
      .def(
          "as_user",
          [](PyDatabase& db, const std::string& login) {
            auto acting = db.run([&](Database& d) { return d.as_user(login); });
            return std::make_shared<PyDatabase>(std::move(acting), db.busy_timeout());
          },
          py::arg("login"),
          "Another connection to the same database (an in-memory one too) acting as the active user `login` "
          "('' for the system session); see `user`. Close it when done (or use it in a `with` block).")
      .def("__enter__", [](py::object self) { return self; }, "Returns the database itself.")
      .def(
          "__exit__", [](PyDatabase& db, py::object, py::object, py::object) { db.close(); },
          "Closes the database.")
      .def("__repr__", [](const PyDatabase& db) {
        // Never waits on the connection: repr() must work while another thread holds a transaction.
        if (!db.is_open()) return std::string("<crmcore.Database closed>");
        return "<crmcore.Database " + py::repr(py::str(db.path())).cast<std::string>() + ">";
      });

  m.def("open", &open_database, py::arg("path"), py::kw_only(), py::arg("default_region") = "",
        py::arg("create") = true, py::arg("read_only") = false, py::arg("migrate") = true,
        py::arg("busy_timeout") = 5.0, py::arg("synchronous") = "full", py::arg("user") = "",
        py::arg("origin") = "",
        "Opens or creates a CRM database file (':memory:' for a private in-memory one).\n\n"
        "default_region: ISO country for phone numbers written without a country code ('LV').\n"
        "create: create a missing file (else NotFoundError). read_only: open without writing.\n"
        "migrate: upgrade an older file now (else record calls raise UnsupportedError until migrate()).\n"
        "busy_timeout: seconds to wait for another connection's lock. synchronous: 'full', 'normal' or 'off'.\n"
        "user: the active user this connection acts as, with their rights; '' for the system session "
        "(Database.user changes it).\n"
        "origin: the embedder's tag the audit trail keeps with this connection's changes (Database.origin).\n"
        "Use as `with crmcore.open(path) as db:` to close it at the end.");
  m.attr("LATEST_SCHEMA_VERSION") = Database::latest_schema_version();
  register_stores(m);
}

}  // namespace crm::python
