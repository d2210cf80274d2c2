// A prepared statement used through SQLite's C API directly, for the paths
// that read many rows (lists and selects), where SQLiteCpp's per-cell Column
// objects cost more than the read itself.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include <sqlite3.h>

namespace crm::detail {

class Session;

/// Owns one sqlite3_stmt; errors throw SQLite::Exception like SQLiteCpp does.
class RawStatement {
 public:
  RawStatement(Session& session, const std::string& sql);
  RawStatement(const RawStatement&) = delete;
  RawStatement& operator=(const RawStatement&) = delete;
  ~RawStatement();

  /// Binds text to the named parameter (":owner").
  void bind(const char* name, std::string_view value);
  /// Binds an integer to the named parameter.
  void bind(const char* name, std::int64_t value);
  /// Binds a real number to the named parameter.
  void bind(const char* name, double value);
  /// Advances: true while a row is ready.
  bool step();

  /// The statement, for sqlite3_column_*() on the current row.
  sqlite3_stmt* handle() const noexcept { return statement_; }

 private:
  int index(const char* name) const;
  void check(int code) const;

  sqlite3* db_;
  sqlite3_stmt* statement_ = nullptr;
};

}  // namespace crm::detail
