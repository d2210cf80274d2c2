#include "report_output.hpp"

#include <algorithm>
#include <charconv>
#include <string>
#include <vector>

#include "csv.hpp"
#include "display.hpp"
#include "table.hpp"

namespace crm::cli {
namespace {

// Digits after the point of real cells in a terminal table.
constexpr int kTableRealDigits = 3;

bool is_number(ColumnType type) {
  return type == ColumnType::integer || type == ColumnType::real || type == ColumnType::decimal;
}

// `value` with `digits` after the point, or in the shortest form that reads
// back exactly when `digits` is unset.
std::string real_text(double value, std::optional<int> digits) {
  char buffer[64];
  const auto result = digits ? std::to_chars(buffer, buffer + sizeof buffer, value, std::chars_format::fixed, *digits)
                             : std::to_chars(buffer, buffer + sizeof buffer, value);
  return std::string(buffer, result.ptr);
}

// The cell as text: "" for null, reals as real_text() writes them.
std::string cell_text(const crm::Table& table, std::size_t row, std::size_t column, std::optional<int> real_digits) {
  if (table.is_null(row, column)) return "";
  switch (table.columns()[column].type) {
    case ColumnType::integer:
      return std::to_string(table.integer(row, column));
    case ColumnType::real:
      return real_text(table.real(row, column), real_digits);
    default:
      return std::string(table.text(row, column));
  }
}

// How a table's money (decimal) columns are written: the amount alone (the
// terminal, which says "amounts in EUR" below), or followed by a column of its
// currency, "<name>_currency" (CSV, read by programs).
enum class MoneyOut { amount, with_currency };

std::vector<std::string> column_names(const crm::Table& table, MoneyOut money) {
  std::vector<std::string> names;
  for (const Column& column : table.columns()) {
    names.push_back(column.name);
    if (money == MoneyOut::with_currency && column.type == ColumnType::decimal) names.push_back(column.name + "_currency");
  }
  return names;
}

std::vector<std::string> row_cells(const crm::Table& table, std::size_t row, std::optional<int> real_digits,
                                   MoneyOut money) {
  std::vector<std::string> cells;
  for (std::size_t column = 0; column < table.columns().size(); ++column) {
    cells.push_back(cell_text(table, row, column, real_digits));
    if (money == MoneyOut::with_currency && table.columns()[column].type == ColumnType::decimal)
      cells.emplace_back(table.currency(row, column));
  }
  return cells;
}

// "amounts in EUR" when the report has money columns, then the rates used.
void print_notes(const Report& report, std::ostream& out) {
  const auto& columns = report.table.columns();
  if (std::any_of(columns.begin(), columns.end(), [](const Column& c) { return c.type == ColumnType::decimal; }))
    out << "amounts in " << report.currency << "\n";
  for (const ExchangeRate& rate : report.rates_used) out << rate_text(rate) << "\n";
}

}  // namespace

void print_table(const crm::Table& rows, std::ostream& out) {
  Table table(column_names(rows, MoneyOut::amount));
  for (std::size_t column = 0; column < rows.columns().size(); ++column)
    if (is_number(rows.columns()[column].type)) table.align_right(column);
  for (std::size_t row = 0; row < rows.row_count(); ++row)
    table.add(row_cells(rows, row, kTableRealDigits, MoneyOut::amount));
  table.print(out);
}

void write_table_csv(const crm::Table& rows, std::ostream& out) {
  write_csv_row(column_names(rows, MoneyOut::with_currency), out);
  for (std::size_t row = 0; row < rows.row_count(); ++row)
    write_csv_row(row_cells(rows, row, std::nullopt, MoneyOut::with_currency), out);
}

void print_report(const Report& report, std::ostream& out) {
  print_table(report.table, out);
  print_notes(report, out);
}

void write_report_csv(const Report& report, std::ostream& out, std::ostream& notes) {
  write_table_csv(report.table, out);
  print_notes(report, notes);
}

}  // namespace crm::cli
