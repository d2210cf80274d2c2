#include "storage/statement_cache.hpp"

namespace crm::detail {

Statement::Statement(StatementCache& cache, std::string sql, std::unique_ptr<SQLite::Statement> statement)
    : cache_(&cache), sql_(std::move(sql)), statement_(std::move(statement)) {}

Statement::~Statement() {
  if (statement_) cache_->give_back(std::move(sql_), std::move(statement_));
}

Statement StatementCache::acquire(std::string_view sql) {
  std::string key(sql);
  auto it = free_.find(key);
  if (it != free_.end() && !it->second.empty()) {
    auto statement = std::move(it->second.back());
    it->second.pop_back();
    return Statement(*this, std::move(key), std::move(statement));
  }
  auto statement = std::make_unique<SQLite::Statement>(db_, key);
  return Statement(*this, std::move(key), std::move(statement));
}

void StatementCache::give_back(std::string sql, std::unique_ptr<SQLite::Statement> statement) noexcept {
  try {
    statement->tryReset();
    statement->clearBindings();
    free_[std::move(sql)].push_back(std::move(statement));
  } catch (...) {
    // A statement that cannot be reset is simply dropped.
  }
}

}  // namespace crm::detail
