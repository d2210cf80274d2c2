#include "listing/record_list.hpp"

#include <algorithm>
#include <charconv>
#include <cstdio>
#include <functional>

#include "common/fields.hpp"
#include "crm/error.hpp"
#include "account/account_table.hpp"
#include "activity/activity_table.hpp"
#include "contact/contact_table.hpp"
#include "lead/lead_table.hpp"
#include "model/custom_field_store.hpp"
#include "opportunity/opportunity_table.hpp"
#include "query/compiler.hpp"
#include "segment/segment_store.hpp"
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

// Sort expression and the letter that marks tokens made for it. A sort by
// a named field ('f') keeps the type of the value in its token.
struct SortKey {
  std::string expression;
  char mark;
};

SortKey sort_key(Session& session, RecordKind kind, const ListQuery& query, const RecordTable& table) {
  const std::string t(table.table);
  if (!query.sort_field.empty()) return {"ifnull(" + sort_expression(session, kind, query.sort_field, t) + ", '')", 'f'};
  switch (query.sort) {
    case SortBy::id: return {t + ".id", 'i'};
    case SortBy::updated_at: return {t + ".updated_at", 'u'};
    case SortBy::name: break;
  }
  return {t + "." + std::string(table.name_column), 'n'};
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

const RecordTable& record_table_of(RecordKind kind) {
  switch (kind) {
    case RecordKind::account: return kAccountTable;
    case RecordKind::contact: return kContactTable;
    case RecordKind::lead: return kLeadTable;
    case RecordKind::opportunity: return kOpportunityTable;
    case RecordKind::activity: break;
  }
  return kActivityTable;
}

namespace {

// The WHERE clause of a list or count, with the values it binds.
struct Filter {
  std::string where;
  std::string owner;
  std::string country;
  std::string tag_key;
  const ExtraFilter* extra = nullptr;
  std::vector<SqlParameter> parameters;  // of the segment and the `where` filter

  template <class Statement>
  void bind(Statement& statement) const {
    if (!owner.empty()) statement.bind(":owner", owner);
    if (!country.empty()) statement.bind(":country", country);
    if (!tag_key.empty()) statement.bind(":tag", tag_key);
    for (const auto& [name, value] : extra->integers) statement.bind(name.c_str(), value);
    for (const auto& [name, value] : extra->texts) statement.bind(name.c_str(), value);
    bind_parameters(statement, parameters);
  }

  void add(CompiledFilter compiled) {
    where += " AND " + compiled.sql;
    for (auto& parameter : compiled.parameters) parameters.push_back(std::move(parameter));
  }
};

// The conditions of ListQuery::segment and ListQuery::where.
void add_segment_filters(Session& session, RecordKind kind, const RecordTable& table, const ListQuery& query,
                         Filter& filter) {
  if (query.segment) filter.add(segment_condition(session, kind, query.segment, table.table));
  if (!query.where.empty()) filter.add(compile_filter(session, kind, crm::Filter::parse(query.where), table.table, "w"));
}

Filter make_filter(Session& session, RecordKind kind, const RecordTable& table, const ListQuery& query,
                   const ExtraFilter& extra) {
  Filter filter{" WHERE 1", clean_line(query.owner, "owner"), clean_country(query.country, "country"),
                query.tag.empty() ? std::string() : casefold(clean_line(query.tag, "tag")), &extra, {}};
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
  add_segment_filters(session, kind, table, query, filter);
  return filter;
}

}  // namespace

namespace {

// The text of a column of the current row (valid until the next step).
std::string_view column_view(sqlite3_stmt* row, int index) {
  const auto* text = reinterpret_cast<const char*>(sqlite3_column_text(row, index));
  return text ? std::string_view(text, static_cast<std::size_t>(sqlite3_column_bytes(row, index))) : std::string_view{};
}

// The sort value of a page's last row as its token keeps it: as text, or
// for a sort by field with its type first ("i42", "r1.5", "tBērziņa").
std::string token_value(sqlite3_stmt* row, int index, char mark) {
  if (mark != 'f') return std::string(column_view(row, index));
  switch (sqlite3_column_type(row, index)) {
    case SQLITE_INTEGER: return "i" + std::to_string(sqlite3_column_int64(row, index));
    case SQLITE_FLOAT: {
      char text[40];
      std::snprintf(text, sizeof text, "r%.17g", sqlite3_column_double(row, index));
      return text;
    }
    default: return "t" + std::string(column_view(row, index));
  }
}

void bind_token_value(RawStatement& statement, char mark, const std::string& value) {
  if (mark != 'f') return statement.bind(":after_value", value);
  const std::string_view rest = std::string_view(value).substr(value.empty() ? 0 : 1);
  try {
    if (!value.empty() && value[0] == 'i') return statement.bind(":after_value", std::int64_t{std::stoll(std::string(rest))});
    if (!value.empty() && value[0] == 'r') return statement.bind(":after_value", std::stod(std::string(rest)));
  } catch (const std::exception&) {
  }
  if (!value.empty() && value[0] == 't') return statement.bind(":after_value", rest);
  throw Error(ErrorCode::invalid_argument, "after: " + quote(value) + " is not a page token of this sort order", "after");
}

// Runs the page query of `query`, selecting "id, <sort key>" and then
// `extra` (SQL expressions), and hands each row of the page to on_row.
// Returns the token of the next page ("" at the end).
void check_paging(const ListQuery& query) {
  check_page_size(static_cast<std::int64_t>(query.limit), "limit");
  if (!query.after.empty() && query.offset != 0)
    throw Error(ErrorCode::invalid_argument, "offset: cannot be combined with a page token (after)", "offset");
}

std::string run_page(Session& session, RecordKind kind, const ListQuery& query, const ExtraFilter& where,
                     const std::string& extra, const std::string& joins,
                     const std::function<void(sqlite3_stmt*)>& on_row) {
  check_paging(query);
  const RecordTable& table = record_table_of(kind);
  const Filter filter = make_filter(session, kind, table, query, where);
  const SortKey key = sort_key(session, kind, query, table);
  const bool by_id = key.mark == 'i';

  const std::string id = sql({table.table, ".id"});
  const std::string& sort = key.expression;
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
    if (!by_id) bind_token_value(statement, key.mark, token.value);
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
    if (!by_id) last_value = token_value(row, 1, key.mark);
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

IdPage list_ids(Session& session, RecordKind kind, const ListQuery& query, const ExtraFilter& extra) {
  IdPage page;
  page.next = run_page(session, kind, query, extra, "", "",
                       [&](sqlite3_stmt* row) { page.ids.push_back(sqlite3_column_int64(row, 0)); });
  return page;
}

std::vector<Column> column_list(std::span<const SelectableColumn> available) {
  std::vector<Column> columns;
  for (const auto& column : available) columns.push_back({std::string(column.name), column.type});
  return columns;
}

namespace {

// A column select_page() reads: its SQL, type and, for custom values kept
// as JSON (money, choices), the conversion to their text form.
// Money reads two expressions: the amount in minor units, then `currency`;
// a custom money value is JSON ([minor units, currency]).
struct ReadColumn {
  std::string sql;
  ColumnType type;
  std::optional<CustomFieldType> json_type;
  std::string currency{};
};

[[noreturn]] void unknown_column(const RecordTable& table, const std::string& name,
                                 std::span<const SelectableColumn> available) {
  std::string names;
  for (const auto& column : available) names += (names.empty() ? "" : ", ") + std::string(column.name);
  throw Error(ErrorCode::invalid_argument,
              "columns: " + quote(name) + " is not a column of " + std::string(table.table) + "; columns: " + names +
                  ", and custom fields by name",
              "columns");
}

// The custom field `name` of the table's records as a column, if there is one.
std::optional<ReadColumn> custom_column(Session& session, RecordKind kind, const RecordTable& table,
                                        const std::string& name) {
  const auto custom_fields = current_custom_fields(session, kind);  // held: the loop reads through it
  for (const CustomField& field : *custom_fields) {
    if (casefold(field.name) != casefold(name)) continue;
    const std::string value =
        "json_extract(" + std::string(table.table) + ".custom, '$.\"" + std::to_string(field.id.value()) + "\"')";
    switch (field.type) {
      case CustomFieldType::integer:
      case CustomFieldType::boolean: return ReadColumn{value, ColumnType::integer, std::nullopt};
      case CustomFieldType::date: return ReadColumn{value, ColumnType::date, std::nullopt};
      case CustomFieldType::money: return ReadColumn{value, ColumnType::decimal, field.type};
      case CustomFieldType::choices: return ReadColumn{value, ColumnType::text, field.type};
      default: return ReadColumn{value, ColumnType::text, std::nullopt};
    }
  }
  return std::nullopt;
}

}  // namespace

TablePage select_page(Session& session, RecordKind kind, const ListQuery& query,
                      std::span<const SelectableColumn> available, const std::vector<std::string>& wanted,
                      const ExtraFilter& where) {
  if (wanted.empty()) throw Error(ErrorCode::invalid_argument, "columns: name at least one column", "columns");
  const RecordTable& table = record_table_of(kind);
  std::vector<Column> columns;
  std::vector<ReadColumn> reads;
  std::string extra;
  std::string joins;
  for (const std::string& name : wanted) {
    const auto found = std::ranges::find(available, std::string_view(name), &SelectableColumn::name);
    if (found != available.end()) {
      reads.push_back({std::string(found->sql), found->type, std::nullopt, std::string(found->currency)});
      if (!found->join.empty() && joins.find(found->join) == std::string::npos) (joins += " ") += found->join;
    } else if (auto custom = custom_column(session, kind, table, name)) {
      reads.push_back(std::move(*custom));
    } else {
      unknown_column(table, name, available);
    }
    columns.push_back({name, reads.back().type});
    extra += ", " + reads.back().sql;
    if (!reads.back().currency.empty()) extra += ", " + reads.back().currency;
  }
  check_paging(query);
  TablePage page{Table(std::move(columns)), {}};
  page.table.reserve(query.limit);
  page.next = run_page(session, kind, query, where, extra, joins, [&](sqlite3_stmt* row) {
    page.table.add_row();
    int index = 2;  // after the id and the sort key
    for (std::size_t i = 0; i < reads.size(); ++i, ++index) {
      const bool null = sqlite3_column_type(row, index) == SQLITE_NULL;
      if (!reads[i].currency.empty()) {
        ++index;
        if (!null) page.table.set_money(i, Money(sqlite3_column_int64(row, index - 1), column_view(row, index)));
      } else if (reads[i].json_type == CustomFieldType::money && !null) {
        page.table.set_money(i, Money::parse(custom_json_text(CustomFieldType::money, column_view(row, index))));
      } else if (reads[i].json_type && !null) {
        page.table.set_text(i, custom_json_text(*reads[i].json_type, column_view(row, index)));
      } else {
        read_cell(row, index, i, reads[i].type, page.table);
      }
    }
  });
  return page;
}

std::int64_t count_rows(Session& session, RecordKind kind, const ListQuery& query, const ExtraFilter& extra) {
  const RecordTable& table = record_table_of(kind);
  const Filter filter = make_filter(session, kind, table, query, extra);
  auto statement = session.prepare(sql({"SELECT count(*) FROM ", table.table}) + filter.where);
  filter.bind(*statement);
  statement->executeStep();
  return statement->getColumn(0).getInt64();
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

}  // namespace crm::detail
