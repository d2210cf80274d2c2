#include "storage/statement_cache.hpp"

namespace crm::detail {

Statement::~Statement() {
  if (!statement_) return;  // moved from
  try {
    statement_->tryReset();
    statement_->clearBindings();
    home_->push_back(std::move(statement_));
  } catch (...) {
    // A statement that cannot be reset or stored is simply dropped.
  }
}

Statement StatementCache::acquire(std::string_view sql) {
  auto it = free_.find(sql);
  if (it == free_.end()) it = free_.emplace(std::string(sql), FreeStatements{}).first;
  FreeStatements& home = it->second;
  if (!home.empty()) {
    auto statement = std::move(home.back());
    home.pop_back();
    return Statement(home, std::move(statement));
  }
  return Statement(home, std::make_unique<SQLite::Statement>(db_, it->first));
}

}  // namespace crm::detail
