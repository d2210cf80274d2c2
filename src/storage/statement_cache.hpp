// Prepared statements kept per connection and reused, keyed by their SQL.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include <SQLiteCpp/Column.h>
#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>

namespace crm::detail {

/// Statements of one SQL text that are not in use.
using FreeStatements = std::vector<std::unique_ptr<SQLite::Statement>>;

/// A prepared statement borrowed from the cache; reset, unbound and returned
/// when the lease ends. Two leases of one SQL text never share a statement.
class Statement {
 public:
  Statement(FreeStatements& home, std::unique_ptr<SQLite::Statement> statement)
      : home_(&home), statement_(std::move(statement)) {}
  Statement(Statement&&) noexcept = default;
  Statement& operator=(Statement&&) = delete;
  ~Statement();

  SQLite::Statement& operator*() const noexcept { return *statement_; }
  SQLite::Statement* operator->() const noexcept { return statement_.get(); }

 private:
  FreeStatements* home_;
  std::unique_ptr<SQLite::Statement> statement_;
};

/// Keeps compiled statements of one connection for reuse. Must outlive every
/// lease it hands out.
class StatementCache {
 public:
  explicit StatementCache(SQLite::Database& db) : db_(db) {}

  /// A ready statement for `sql`: a cached one when free, else newly prepared.
  Statement acquire(std::string_view sql);

  /// Drops every cached statement (before closing the connection).
  void clear() noexcept { free_.clear(); }

 private:
  struct Hash {
    using is_transparent = void;
    std::size_t operator()(std::string_view text) const noexcept { return std::hash<std::string_view>{}(text); }
  };

  SQLite::Database& db_;
  // Node-based: a FreeStatements stays where it is while the map grows.
  std::unordered_map<std::string, FreeStatements, Hash, std::equal_to<>> free_;
};

}  // namespace crm::detail
