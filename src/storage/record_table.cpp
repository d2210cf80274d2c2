#include "storage/record_table.hpp"

#include <algorithm>
#include <charconv>
#include <functional>

#include "common/fields.hpp"
#include "crm/error.hpp"
#include "storage/errors.hpp"
#include "storage/raw_statement.hpp"
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

// Sort column and the letter that marks tokens made for it.
struct SortKey {
  std::string_view column;
  char mark;
};

SortKey sort_key(SortBy sort, const RecordTable& table) {
  switch (sort) {
    case SortBy::id: return {"id", 'i'};
    case SortBy::updated_at: return {"updated_at", 'u'};
    case SortBy::name: break;
  }
  return {table.name_column, 'n'};
}

struct Token {
  std::int64_t id = 0;
  std::string value;
};

// Tokens read "<mark>:<id>:<sort value>".
Token parse_token(const std::string& token, char mark) {
  const auto bad = [&]() -> Error {
    return Error(ErrorCode::invalid_argument,
                 "after: " + quote(token) + " is not a page token of this list and sort order", "after");
  };
  if (token.size() < 4 || token[0] != mark || token[1] != ':') throw bad();
  const auto colon = token.find(':', 2);
  if (colon == std::string::npos) throw bad();
  Token parsed;
  auto [end, ec] = std::from_chars(token.data() + 2, token.data() + colon, parsed.id);
  if (ec != std::errc{} || end != token.data() + colon) throw bad();
  parsed.value = token.substr(colon + 1);
  return parsed;
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
  return sql({"INSERT INTO ", table, " (", columns, ", created_at, updated_at, version) VALUES (", marks, "1)"});
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
  return sql({"UPDATE ", table, " SET ", sets, "updated_at = ?, version = version + 1 WHERE id = ?"});
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
      sql({"UPDATE ", table.table, " SET version = version + 1, updated_at = ? WHERE id = ?"}));
  statement->bind(1, format_instant(session.now()));
  statement->bind(2, id);
  statement->exec();
}

void set_deleted(Session& session, const RecordTable& table, std::int64_t id, bool deleted) {
  WriteScope scope(session);
  if (require_exists(session, table, id) == deleted)
    throw Error(ErrorCode::conflict, describe(table, id) + (deleted ? " is already deleted" : " is not deleted"));
  auto statement = session.prepare(sql(
      {"UPDATE ", table.table, " SET deleted_at = ?, version = version + 1, updated_at = ? WHERE id = ?"}));
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
  auto statement = session.prepare(sql({"DELETE FROM ", table.table, " WHERE id = ?"}));
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

namespace {

// The WHERE clause of a list or count, with the values it binds.
struct Filter {
  std::string where;
  std::string owner;
  std::string country;
  std::string tag_key;
  const ExtraFilter* extra = nullptr;

  template <class Statement>
  void bind(Statement& statement) const {
    if (!owner.empty()) statement.bind(":owner", owner);
    if (!country.empty()) statement.bind(":country", country);
    if (!tag_key.empty()) statement.bind(":tag", tag_key);
    for (const auto& [name, value] : extra->integers) statement.bind(name.c_str(), value);
    for (const auto& [name, value] : extra->texts) statement.bind(name.c_str(), value);
  }
};

Filter make_filter(const RecordTable& table, const ListQuery& query, const ExtraFilter& extra) {
  Filter filter{" WHERE 1", clean_line(query.owner, "owner"), clean_country(query.country, "country"),
                query.tag.empty() ? std::string() : casefold(clean_line(query.tag, "tag")), &extra};
  if (!filter.country.empty() && table.country_column.empty())
    throw Error(ErrorCode::invalid_argument,
                "country: " + std::string(table.table) + " cannot be filtered by country", "country");
  if (!filter.tag_key.empty() && table.tag_table.empty())
    throw Error(ErrorCode::invalid_argument, "tag: " + std::string(table.table) + " have no tags", "tag");
  const std::string t(table.table);
  if (query.deleted == DeletedFilter::exclude) filter.where += " AND " + t + ".deleted_at IS NULL";
  if (query.deleted == DeletedFilter::only) filter.where += " AND " + t + ".deleted_at IS NOT NULL";
  if (!filter.owner.empty()) filter.where += " AND " + t + ".owner = :owner";
  if (!filter.country.empty()) filter.where += sql({" AND ", table.table, ".", table.country_column, " = :country"});
  if (!filter.tag_key.empty())
    filter.where += sql({" AND EXISTS (SELECT 1 FROM ", table.tag_table, " t WHERE t.", table.owner_column, " = ",
                         table.table, ".id AND t.tag_key = :tag)"});
  filter.where += extra.where;
  return filter;
}

}  // namespace

namespace {

// The text of a column of the current row (valid until the next step).
std::string_view column_view(sqlite3_stmt* row, int index) {
  const auto* text = reinterpret_cast<const char*>(sqlite3_column_text(row, index));
  return text ? std::string_view(text, static_cast<std::size_t>(sqlite3_column_bytes(row, index))) : std::string_view{};
}

// Runs the page query of `query`, selecting "id, <sort key>" and then
// `extra` (SQL expressions), and hands each row of the page to on_row.
// Returns the token of the next page ("" at the end).
void check_paging(const ListQuery& query) {
  if (query.limit < 1 || query.limit > 10000)
    throw Error(ErrorCode::invalid_argument,
                "limit: " + std::to_string(query.limit) + " is outside 1..10000", "limit");
  if (!query.after.empty() && query.offset != 0)
    throw Error(ErrorCode::invalid_argument, "offset: cannot be combined with a page token (after)", "offset");
}

std::string run_page(Session& session, const RecordTable& table, const ListQuery& query, const ExtraFilter& where,
                     const std::string& extra, const std::string& joins,
                     const std::function<void(sqlite3_stmt*)>& on_row) {
  check_paging(query);
  const Filter filter = make_filter(table, query, where);
  const SortKey key = sort_key(query.sort, table);
  const bool by_id = query.sort == SortBy::id;

  const std::string id = sql({table.table, ".id"});
  const std::string sort = sql({table.table, ".", key.column});
  std::string text = "SELECT " + id + ", " + sort + extra + sql({" FROM ", table.table}) + joins + filter.where;
  const char* direction = query.descending ? " DESC" : "";
  const char* beyond = query.descending ? " < " : " > ";
  Token token;
  if (!query.after.empty()) {
    token = parse_token(query.after, key.mark);
    text += by_id ? " AND " + id + beyond + ":after_id"
                  : " AND (" + sort + ", " + id + ")" + beyond + "(:after_value, :after_id)";
  }
  text += by_id ? " ORDER BY " + id + direction : " ORDER BY " + sort + direction + ", " + id + direction;
  text += " LIMIT :limit OFFSET :offset";

  RawStatement statement(session, text);
  filter.bind(statement);
  if (!query.after.empty()) {
    statement.bind(":after_id", token.id);
    if (!by_id) statement.bind(":after_value", token.value);
  }
  statement.bind(":limit", static_cast<std::int64_t>(query.limit) + 1);
  statement.bind(":offset", static_cast<std::int64_t>(query.offset));

  sqlite3_stmt* row = statement.handle();
  std::size_t rows = 0;
  std::int64_t last_id = 0;
  std::string last_value;
  while (statement.step()) {
    if (rows == query.limit)
      return std::string{key.mark, ':'} + std::to_string(last_id) + ":" + (by_id ? "" : last_value);
    ++rows;
    last_id = sqlite3_column_int64(row, 0);
    if (!by_id) last_value.assign(column_view(row, 1));
    on_row(row);
  }
  return {};
}

void read_cell(sqlite3_stmt* row, int index, std::size_t column, ColumnType type, Table& table) {
  if (sqlite3_column_type(row, index) == SQLITE_NULL) return;
  switch (type) {
    case ColumnType::integer: table.set_integer(column, sqlite3_column_int64(row, index)); break;
    case ColumnType::real: table.set_real(column, sqlite3_column_double(row, index)); break;
    default: table.set_text(column, column_view(row, index));
  }
}

}  // namespace

IdPage list_ids(Session& session, const RecordTable& table, const ListQuery& query, const ExtraFilter& extra) {
  IdPage page;
  page.next = run_page(session, table, query, extra, "", "",
                       [&](sqlite3_stmt* row) { page.ids.push_back(sqlite3_column_int64(row, 0)); });
  return page;
}

std::vector<Column> column_list(std::span<const SelectableColumn> available) {
  std::vector<Column> columns;
  for (const auto& column : available) columns.push_back({std::string(column.name), column.type});
  return columns;
}

TablePage select_page(Session& session, const RecordTable& table, const ListQuery& query,
                      std::span<const SelectableColumn> available, const std::vector<std::string>& wanted,
                      const ExtraFilter& where) {
  if (wanted.empty()) throw Error(ErrorCode::invalid_argument, "columns: name at least one column", "columns");
  std::vector<Column> columns;
  std::vector<ColumnType> types;
  std::string extra;
  std::string joins;
  for (const std::string& name : wanted) {
    const auto found = std::ranges::find(available, std::string_view(name), &SelectableColumn::name);
    if (found == available.end()) {
      std::string names;
      for (const auto& column : available) names += (names.empty() ? "" : ", ") + std::string(column.name);
      throw Error(ErrorCode::invalid_argument,
                  "columns: " + quote(name) + " is not a column of " + std::string(table.table) + "; columns: " + names,
                  "columns");
    }
    columns.push_back({name, found->type});
    types.push_back(found->type);
    extra += ", ";
    extra += found->sql;
    if (!found->join.empty() && joins.find(found->join) == std::string::npos) (joins += " ") += found->join;
  }
  check_paging(query);
  TablePage page{Table(std::move(columns)), {}};
  page.table.reserve(query.limit);
  page.next = run_page(session, table, query, where, extra, joins, [&](sqlite3_stmt* row) {
    page.table.add_row();
    for (std::size_t i = 0; i < types.size(); ++i) read_cell(row, static_cast<int>(i) + 2, i, types[i], page.table);
  });
  return page;
}

std::int64_t count_rows(Session& session, const RecordTable& table, const ListQuery& query,
                        const ExtraFilter& extra) {
  const Filter filter = make_filter(table, query, extra);
  auto statement = session.prepare(sql({"SELECT count(*) FROM ", table.table}) + filter.where);
  filter.bind(*statement);
  statement->executeStep();
  return statement->getColumn(0).getInt64();
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

void ExtraFilter::add(const std::string& sql, const std::string& name, std::int64_t value) {
  where += " AND " + sql;
  integers.emplace_back(name, value);
}

void ExtraFilter::add(const std::string& sql, const std::string& name, const std::string& value) {
  where += " AND " + sql;
  texts.emplace_back(name, value);
}

void ExtraFilter::add(const std::string& sql) { where += " AND " + sql; }

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
