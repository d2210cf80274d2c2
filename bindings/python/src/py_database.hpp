// The Python view of a connection: the crm::Database plus the lock that lets
// Python threads share one object safely while the GIL is released.
#pragma once

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>

#include <pybind11/pybind11.h>

#include "crm/crm.hpp"

namespace crm::python {

/// A crm::Database shared by Python objects (stores, pagers, transactions).
/// Calls are serialized. A transaction belongs to the thread that began it:
/// while it is open, other threads' calls wait for it to end (up to the busy
/// timeout, then BusyError) instead of silently joining it.
class PyDatabase {
 public:
  PyDatabase(Database database, std::chrono::milliseconds busy_timeout)
      : path_(database.path()),
        default_region_(database.default_region()),
        database_(std::move(database)),
        busy_timeout_(busy_timeout) {}

  /// How long work waits for another thread's transaction (and SQLite for a lock).
  std::chrono::milliseconds busy_timeout() const noexcept { return busy_timeout_; }

  /// Runs `work(database)` with the GIL released and the connection locked;
  /// throws Error(invalid_argument) "the database is closed" after close(),
  /// and reentrant_use_error() when called back from work the calling thread
  /// is running on this database (an import's progress callback, the file
  /// object an export writes to), which would otherwise wait for itself.
  template <class Work>
  auto run(Work&& work) {
    refuse_reentry();
    pybind11::gil_scoped_release release;
    std::unique_lock lock(mutex_);
    wait_for_other_threads_transaction(lock);
    if (!database_) throw Error(ErrorCode::invalid_argument, "database: the database is closed");
    const Running running(runner_);
    return work(*database_);
  }

  /// Throws reentrant_use_error() when the calling thread is running work on
  /// the connection already (it is calling back into Python).
  void refuse_reentry() const;

  /// Begins a transaction owned by the calling thread.
  Transaction begin();
  /// Commits (or rolls back) `transaction` and ends its ownership. Works from
  /// any thread and on a closed database (rollback only).
  void finish(Transaction& transaction, bool commit);

  /// Rolls back an open transaction (whichever thread began it) and closes
  /// the connection at once; idempotent. A Transaction begun before fails to
  /// commit. Refused (reentrant_use_error()) from a callback of this database.
  void close();

  /// False after close().
  bool is_open() const noexcept { return open_.load(); }

  /// The path and default region the database was opened with, kept at open
  /// so that reading them never waits for another thread's transaction.
  /// Throw Error(invalid_argument) "the database is closed" after close().
  const std::string& path() const;
  const std::string& default_region() const;

 private:
  // Marks the calling thread as the one running work on the connection.
  class Running {
   public:
    explicit Running(std::atomic<std::thread::id>& runner) : runner_(runner) {
      runner_.store(std::this_thread::get_id());
    }
    Running(const Running&) = delete;
    Running& operator=(const Running&) = delete;
    ~Running() { runner_.store(std::thread::id()); }

   private:
    std::atomic<std::thread::id>& runner_;
  };

  void wait_for_other_threads_transaction(std::unique_lock<std::mutex>& lock);

  const std::string path_;
  const std::string default_region_;
  std::optional<Database> database_;
  std::chrono::milliseconds busy_timeout_;
  std::mutex mutex_;
  std::condition_variable transaction_ended_;
  std::optional<std::thread::id> transaction_owner_;
  int transaction_depth_ = 0;
  std::atomic<std::thread::id> runner_{};
  std::atomic<bool> open_{true};
};

using SharedDatabase = std::shared_ptr<PyDatabase>;

/// The Database class registered in `module`, to add store properties to.
pybind11::class_<PyDatabase, SharedDatabase> database_class(pybind11::module_& module);

/// Registers Accounts, Contacts, Employments and the pagers, and their
/// Database properties.
void register_stores(pybind11::module_& module);

}  // namespace crm::python
