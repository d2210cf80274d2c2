#include "storage/raw_statement.hpp"

#include <SQLiteCpp/Exception.h>

#include "storage/session.hpp"

namespace crm::detail {

RawStatement::RawStatement(Session& session, const std::string& sql) : db_(session.db().getHandle()) {
  check(sqlite3_prepare_v2(db_, sql.c_str(), static_cast<int>(sql.size()), &statement_, nullptr));
}

RawStatement::~RawStatement() { sqlite3_finalize(statement_); }

void RawStatement::check(int code) const {
  if (code != SQLITE_OK) throw SQLite::Exception(db_, code);
}

int RawStatement::index(const char* name) const {
  const int position = sqlite3_bind_parameter_index(statement_, name);
  if (position == 0) throw SQLite::Exception(std::string("no parameter ") + name);
  return position;
}

void RawStatement::bind(const char* name, std::string_view value) {
  check(sqlite3_bind_text(statement_, index(name), value.data(), static_cast<int>(value.size()), SQLITE_TRANSIENT));
}

void RawStatement::bind(const char* name, std::int64_t value) {
  check(sqlite3_bind_int64(statement_, index(name), value));
}

void RawStatement::bind(const char* name, double value) { check(sqlite3_bind_double(statement_, index(name), value)); }

bool RawStatement::step() {
  const int code = sqlite3_step(statement_);
  if (code == SQLITE_ROW) return true;
  if (code == SQLITE_DONE) return false;
  throw SQLite::Exception(db_, code);
}

}  // namespace crm::detail
