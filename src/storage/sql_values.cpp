#include "storage/sql_values.hpp"

namespace crm::detail {

void bind_text_or_null(SQLite::Statement& statement, int index, const std::string& value) {
  if (value.empty())
    statement.bind(index);
  else
    statement.bind(index, value);
}

void bind_date_or_null(SQLite::Statement& statement, int index, const std::optional<Date>& value) {
  if (value)
    statement.bind(index, format_date(*value));
  else
    statement.bind(index);
}

std::string column_text(SQLite::Statement& statement, int index) {
  auto column = statement.getColumn(index);
  return column.isNull() ? std::string() : column.getString();
}

Instant column_instant(SQLite::Statement& statement, int index) {
  return parse_instant(statement.getColumn(index).getString());
}

std::optional<Instant> column_optional_instant(SQLite::Statement& statement, int index) {
  auto column = statement.getColumn(index);
  if (column.isNull()) return std::nullopt;
  return parse_instant(column.getString());
}

std::optional<Date> column_optional_date(SQLite::Statement& statement, int index) {
  auto column = statement.getColumn(index);
  if (column.isNull()) return std::nullopt;
  return parse_date(column.getString());
}

void bind_money(SQLite::Statement& statement, int minor_index, int currency_index, const Money& money) {
  statement.bind(minor_index, money.minor_units());
  statement.bind(currency_index, std::string(money.currency()));
}

Money column_money(SQLite::Statement& statement, int minor_index, int currency_index) {
  return Money(statement.getColumn(minor_index).getInt64(), statement.getColumn(currency_index).getString());
}

std::string ids_json(const std::vector<std::int64_t>& ids) {
  std::string json = "[";
  for (std::size_t i = 0; i < ids.size(); ++i) {
    if (i) json.push_back(',');
    json += std::to_string(ids[i]);
  }
  json.push_back(']');
  return json;
}

}  // namespace crm::detail
