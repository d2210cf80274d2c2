#include "storage/record_table.hpp"

#include <algorithm>

#include "common/fields.hpp"
#include "crm/error.hpp"
#include "storage/errors.hpp"
#include "storage/session.hpp"
#include "storage/sql_values.hpp"
#include "text/unicode.hpp"

namespace crm::detail {
namespace {

std::string sql(std::initializer_list<std::string_view> parts) {
  std::string text;
  for (auto part : parts) text += part;
  return text;
}

std::string describe(const RecordTable& table, std::int64_t id) {
  return std::string(table.entity) + " " + std::to_string(id);
}

[[noreturn]] void not_found(const RecordTable& table, std::int64_t id, std::string_view field = {}) {
  std::string where = field.empty() ? std::string(table.entity) : std::string(field);
  throw Error(ErrorCode::not_found, where + ": " + describe(table, id) + " does not exist", where);
}

struct RowState {
  bool exists = false;
  bool deleted = false;
  std::int64_t version = 0;
};

RowState row_state(Session& session, const RecordTable& table, std::int64_t id) {
  auto statement =
      session.prepare(sql({"SELECT deleted_at IS NOT NULL, version FROM ", table.table, " WHERE id = ?"}));
  statement->bind(1, id);
  if (!statement->executeStep()) return {};
  return {true, statement->getColumn(0).getInt() != 0, statement->getColumn(1).getInt64()};
}

}  // namespace

namespace {

int column_count(std::string_view columns) {
  return 1 + static_cast<int>(std::count(columns.begin(), columns.end(), ','));
}

}  // namespace

std::string record_insert_sql(std::string_view table, std::string_view columns) {
  std::string marks;
  for (int i = 0; i < column_count(columns) + 2; ++i) marks += "?, ";
  return sql({"INSERT INTO main.", table, " (", columns, ", created_at, updated_at, version) VALUES (", marks, "1)"});
}

std::string record_update_sql(std::string_view table, std::string_view columns) {
  std::string sets;
  std::size_t start = 0;
  while (start < columns.size()) {
    std::size_t end = columns.find(',', start);
    if (end == std::string_view::npos) end = columns.size();
    std::string_view column = columns.substr(start, end - start);
    while (!column.empty() && column.front() == ' ') column.remove_prefix(1);
    sets += std::string(column) + " = ?, ";
    start = end + 1;
  }
  return sql({"UPDATE main.", table, " SET ", sets, "updated_at = ?, version = version + 1 WHERE id = ?"});
}

std::int64_t write_record(Session& session, const RecordTable& table, SQLite::Statement& statement,
                          std::string_view columns, const Instant& now, std::int64_t id,
                          const std::string& external_ref) {
  const int count = column_count(columns);
  const std::string stamp = format_instant(now);
  statement.bind(count + 1, stamp);
  if (id)
    statement.bind(count + 2, id);
  else
    statement.bind(count + 2, stamp);
  try {
    statement.exec();
  } catch (...) {
    rethrow_if_external_ref_taken(session, table, external_ref);
    throw;
  }
  return id ? id : session.last_insert_id();
}

bool require_exists(Session& session, const RecordTable& table, std::int64_t id) {
  const RowState state = row_state(session, table, id);
  if (!state.exists) not_found(table, id);
  return state.deleted;
}

void require_live(Session& session, const RecordTable& table, std::int64_t id, std::string_view field) {
  const RowState state = row_state(session, table, id);
  if (!state.exists) not_found(table, id, field);
  if (state.deleted)
    throw Error(ErrorCode::not_found, std::string(field) + ": " + describe(table, id) + " is deleted",
                std::string(field));
}

void require_version(Session& session, const RecordTable& table, std::int64_t id, std::int64_t expected) {
  const RowState state = row_state(session, table, id);
  if (!state.exists) not_found(table, id);
  if (state.deleted)
    throw Error(ErrorCode::conflict, describe(table, id) + " is deleted; restore it before changing it", "id");
  if (state.version != expected)
    throw Error(ErrorCode::conflict,
                describe(table, id) + " was changed by someone else (version " + std::to_string(expected) +
                    " was read, version " + std::to_string(state.version) + " is stored); read it again",
                "version");
}

void touch(Session& session, const RecordTable& table, std::int64_t id) {
  auto statement = session.prepare(
      sql({"UPDATE main.", table.table, " SET version = version + 1, updated_at = ? WHERE id = ?"}));
  statement->bind(1, format_instant(session.now()));
  statement->bind(2, id);
  statement->exec();
}

void set_stamps(Session& session, std::string_view table, std::int64_t id, const std::optional<Instant>& created_at,
                const std::optional<Instant>& updated_at) {
  if (!created_at && !updated_at) return;
  auto statement = session.prepare(sql({"UPDATE main.", table,
                                        " SET created_at = coalesce(?, created_at), updated_at = coalesce(?, "
                                        "updated_at) WHERE id = ?"}));
  int index = 1;
  for (const std::optional<Instant>* stamp : {&created_at, &updated_at})
    if (*stamp)
      statement->bind(index++, format_instant(**stamp));
    else
      statement->bind(index++);
  statement->bind(3, id);
  statement->exec();
}

void set_deleted(Session& session, const RecordTable& table, std::int64_t id, bool deleted) {
  WriteScope scope(session);
  if (require_exists(session, table, id) == deleted)
    throw Error(ErrorCode::conflict, describe(table, id) + (deleted ? " is already deleted" : " is not deleted"));
  auto statement = session.prepare(sql(
      {"UPDATE main.", table.table, " SET deleted_at = ?, version = version + 1, updated_at = ? WHERE id = ?"}));
  const std::string now = format_instant(session.now());
  if (deleted)
    statement->bind(1, now);
  else
    statement->bind(1);
  statement->bind(2, now);
  statement->bind(3, id);
  statement->exec();
  scope.commit();
}

void purge(Session& session, const RecordTable& table, std::int64_t id) {
  WriteScope scope(session);
  require_exists(session, table, id);
  auto statement = session.prepare(sql({"DELETE FROM main.", table.table, " WHERE id = ?"}));
  statement->bind(1, id);
  statement->exec();
  scope.commit();
}

void rethrow_if_external_ref_taken(Session& session, const RecordTable& table, const std::string& external_ref) {
  if (external_ref.empty() || !is_unique_violation(std::string(table.table) + ".external_ref")) return;
  auto statement =
      session.prepare(sql({"SELECT id, deleted_at IS NOT NULL FROM ", table.table, " WHERE external_ref = ?"}));
  statement->bind(1, external_ref);
  std::string holder = "another " + std::string(table.entity);
  if (statement->executeStep())
    holder = describe(table, statement->getColumn(0).getInt64()) +
             (statement->getColumn(1).getInt() ? " (deleted)" : "");
  throw Error(ErrorCode::already_exists,
              std::string(table.entity) + ".external_ref: " + quote(external_ref) + " is already used by " + holder,
              std::string(table.entity) + ".external_ref");
}

std::vector<std::int64_t> live_ids_where(Session& session, const RecordTable& table, std::string_view column,
                                         const std::string& value) {
  auto statement = session.prepare(
      sql({"SELECT id FROM ", table.table, " WHERE ", column, " = ? AND deleted_at IS NULL ORDER BY id"}));
  statement->bind(1, value);
  std::vector<std::int64_t> ids;
  while (statement->executeStep()) ids.push_back(statement->getColumn(0).getInt64());
  return ids;
}

void store_tags(Session& session, const RecordTable& table, std::int64_t id, const std::vector<std::string>& tags,
                bool fresh) {
  if (!fresh) {
    auto clear = session.prepare(sql({"DELETE FROM ", table.tag_table, " WHERE ", table.owner_column, " = ?"}));
    clear->bind(1, id);
    clear->exec();
  }
  if (tags.empty()) return;
  auto insert = session.prepare(
      sql({"INSERT INTO ", table.tag_table, " (", table.owner_column, ", tag_key, tag) VALUES (?, ?, ?)"}));
  for (const std::string& tag : tags) {
    insert->bind(1, id);
    insert->bind(2, casefold(tag));
    insert->bind(3, tag);
    insert->exec();
    insert->reset();
  }
}

std::unordered_map<std::int64_t, std::vector<std::string>> load_tags(Session& session, const RecordTable& table,
                                                                      const std::string& ids_json) {
  auto statement = session.prepare(sql({"SELECT ", table.owner_column, ", tag FROM ", table.tag_table, " WHERE ",
                                        table.owner_column, " IN (SELECT value FROM json_each(?)) ORDER BY ",
                                        table.owner_column, ", tag_key"}));
  statement->bind(1, ids_json);
  std::unordered_map<std::int64_t, std::vector<std::string>> tags;
  while (statement->executeStep())
    tags[statement->getColumn(0).getInt64()].push_back(statement->getColumn(1).getString());
  return tags;
}

}  // namespace crm::detail
