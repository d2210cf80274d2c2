// Prepared statements kept per connection and reused, keyed by their SQL.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Column.h>
#include <SQLiteCpp/Statement.h>

namespace crm::detail {

class StatementCache;

/// A prepared statement borrowed from the cache; reset, unbound and returned
/// when the lease ends. Two leases of one SQL text never share a statement.
class Statement {
 public:
  Statement(StatementCache& cache, std::string sql, std::unique_ptr<SQLite::Statement> statement);
  Statement(Statement&&) noexcept = default;
  Statement& operator=(Statement&&) = delete;
  ~Statement();

  SQLite::Statement& operator*() const noexcept { return *statement_; }
  SQLite::Statement* operator->() const noexcept { return statement_.get(); }

 private:
  StatementCache* cache_;
  std::string sql_;
  std::unique_ptr<SQLite::Statement> statement_;
};

/// Keeps compiled statements of one connection for reuse.
class StatementCache {
 public:
  explicit StatementCache(SQLite::Database& db) : db_(db) {}

  /// A ready statement for `sql`: a cached one when free, else newly prepared.
  Statement acquire(std::string_view sql);

  /// Drops every cached statement (before closing the connection).
  void clear() noexcept { free_.clear(); }

 private:
  friend class Statement;
  void give_back(std::string sql, std::unique_ptr<SQLite::Statement> statement) noexcept;

  SQLite::Database& db_;
  std::unordered_map<std::string, std::vector<std::unique_ptr<SQLite::Statement>>> free_;
};

}  // namespace crm::detail
