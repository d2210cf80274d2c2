#include "report/report_result.hpp"

namespace crm::detail {

Report finished_report(std::string_view name, const BaseCurrency& base, Table table) {
  return Report{std::string(name), base.code(), std::move(table), base.rates_used()};
}

std::optional<std::string> optional_text(SQLite::Statement& row, int i) {
  if (row.getColumn(i).isNull()) return std::nullopt;
  return row.getColumn(i).getString();
}

Date day_column(SQLite::Statement& row, int i) { return parse_date(row.getColumn(i).getString().substr(0, 10)); }

std::optional<std::int64_t> optional_id(SQLite::Statement& row, int i) {
  if (row.getColumn(i).isNull()) return std::nullopt;
  return row.getColumn(i).getInt64();
}

void set_optional_text(Table& table, std::size_t column, const std::optional<std::string>& text) {
  if (text) table.set_text(column, *text);
}

void set_ratio(Table& table, std::size_t column, double numerator, double denominator) {
  if (denominator != 0) table.set_real(column, numerator / denominator);
}

std::int64_t divide_rounded(std::int64_t value, std::int64_t divisor) {
  const std::int64_t half = divisor / 2;
  return (value + (value < 0 ? -half : half)) / divisor;
}

}  // namespace crm::detail
