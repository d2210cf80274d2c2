// The Python view of a connection: the crm::Database plus the lock that lets
// Python threads share one object safely while the GIL is released.
#pragma once

#include <memory>
#include <mutex>
#include <optional>
#include <string>

#include <pybind11/pybind11.h>

#include "crm/crm.hpp"

namespace crm::python {

/// A crm::Database shared by Python objects (stores, pagers, transactions).
class PyDatabase {
 public:
  explicit PyDatabase(Database database) : database_(std::move(database)) {}

  /// Runs `work(database)` with the GIL released and the connection locked;
  /// throws Error(invalid_argument) "the database is closed" after close().
  template <class Work>
  auto run(Work&& work) {
    pybind11::gil_scoped_release release;
    std::lock_guard lock(mutex_);
    if (!database_) throw Error(ErrorCode::invalid_argument, "database: the database is closed");
    return work(*database_);
  }

  /// Runs `work()` with the GIL released and the connection locked, open or not.
  template <class Work>
  auto locked(Work&& work) {
    pybind11::gil_scoped_release release;
    std::lock_guard lock(mutex_);
    return work();
  }

  /// Closes the connection (idempotent).
  void close() {
    locked([&] { database_.reset(); });
  }

  /// False after close().
  bool is_open() const { return database_.has_value(); }

 private:
  std::optional<Database> database_;
  std::mutex mutex_;
};

using SharedDatabase = std::shared_ptr<PyDatabase>;

/// Registers the store classes (Accounts, Contacts, Employments) and pagers.
void register_stores(pybind11::module_& module);

/// The Accounts store of `db` as a Python object.
pybind11::object accounts_store(const SharedDatabase& db);
/// The Contacts store of `db` as a Python object.
pybind11::object contacts_store(const SharedDatabase& db);
/// The Employments store of `db` as a Python object.
pybind11::object employments_store(const SharedDatabase& db);

}  // namespace crm::python
