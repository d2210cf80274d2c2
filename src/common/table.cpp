#include "crm/table.hpp"

#include <bit>
#include <limits>

#include "crm/error.hpp"

namespace crm {
namespace {

[[noreturn]] void wrong(const std::string& message) { throw Error(ErrorCode::invalid_argument, "table: " + message); }

bool is_text_like(ColumnType type) {
  return type == ColumnType::text || type == ColumnType::date || type == ColumnType::instant ||
         type == ColumnType::decimal;
}

}  // namespace

Table::Table(std::vector<Column> columns) : columns_(std::move(columns)) {}

std::size_t Table::column_index(std::string_view name) const {
  for (std::size_t i = 0; i < columns_.size(); ++i)
    if (columns_[i].name == name) return i;
  throw Error(ErrorCode::not_found, "table: no column '" + std::string(name) + "'", "column");
}

const Table::Cell& Table::cell(std::size_t row, std::size_t column) const {
  const std::size_t width = columns_.size();
  if (column < width && row < cells_.size() && row * width + column < cells_.size()) return cells_[row * width + column];
  wrong("cell (" + std::to_string(row) + ", " + std::to_string(column) + ") is outside " +
        std::to_string(row_count()) + " rows and " + std::to_string(width) + " columns");
}

bool Table::is_null(std::size_t row, std::size_t column) const { return cell(row, column).kind == Kind::null; }

std::int64_t Table::integer(std::size_t row, std::size_t column) const {
  const Cell& c = cell(row, column);
  if (columns_[column].type != ColumnType::integer) wrong("column '" + columns_[column].name + "' is not integer");
  return c.value;
}

double Table::real(std::size_t row, std::size_t column) const {
  const Cell& c = cell(row, column);
  if (columns_[column].type == ColumnType::integer) return static_cast<double>(c.value);
  if (columns_[column].type != ColumnType::real) wrong("column '" + columns_[column].name + "' is not numeric");
  return c.kind == Kind::null ? 0.0 : std::bit_cast<double>(c.value);
}

std::string_view Table::text(std::size_t row, std::size_t column) const {
  const Cell& c = cell(row, column);
  if (!is_text_like(columns_[column].type)) wrong("column '" + columns_[column].name + "' is not text");
  if (c.kind == Kind::null) return {};
  return std::string_view(text_).substr(static_cast<std::size_t>(c.value), c.size);
}

std::string_view Table::currency(std::size_t row, std::size_t column) const {
  const Cell& c = cell(row, column);
  if (columns_[column].type != ColumnType::decimal) wrong("column '" + columns_[column].name + "' is not money");
  if (c.kind != Kind::money) return {};
  return std::string_view(text_).substr(static_cast<std::size_t>(c.value) + c.size + 1, 3);
}

Money Table::money(std::size_t row, std::size_t column) const {
  const std::string_view code = currency(row, column);
  if (code.empty()) wrong("cell (" + std::to_string(row) + ", " + std::to_string(column) + ") holds no money");
  return Money::from_decimal(text(row, column), code);
}

void Table::reserve(std::size_t rows) { cells_.reserve(rows * columns_.size()); }

void Table::add_row() { cells_.resize(cells_.size() + columns_.size()); }

Table::Cell& Table::last(std::size_t column, bool text_like) {
  if (cells_.empty() || column >= columns_.size()) wrong("no row or column to set");
  if (is_text_like(columns_[column].type) != text_like)
    wrong("wrong kind of value for column '" + columns_[column].name + "'");
  return cells_[cells_.size() - columns_.size() + column];
}

void Table::set_integer(std::size_t column, std::int64_t value) {
  if (column < columns_.size() && columns_[column].type == ColumnType::real)
    return set_real(column, static_cast<double>(value));
  Cell& c = last(column, false);
  if (columns_[column].type != ColumnType::integer) wrong("column '" + columns_[column].name + "' is not integer");
  c = {value, 0, Kind::integer};
}

void Table::set_real(std::size_t column, double value) {
  Cell& c = last(column, false);
  if (columns_[column].type != ColumnType::real) wrong("column '" + columns_[column].name + "' is not real");
  c = {std::bit_cast<std::int64_t>(value), 0, Kind::real};
}

void Table::append_text(Cell& c, std::string_view value, Kind kind) {
  if (value.size() > std::numeric_limits<std::uint32_t>::max()) wrong("text cell too long");
  c = {static_cast<std::int64_t>(text_.size()), static_cast<std::uint32_t>(value.size()), kind};
  text_.append(value);
  text_.push_back('\0');  // so that text() can be handed to C as a NUL-terminated string
}

void Table::set_text(std::size_t column, std::string_view value) {
  Cell& c = last(column, true);
  if (columns_[column].type == ColumnType::decimal)
    wrong("column '" + columns_[column].name + "' holds money: set it with its currency");
  append_text(c, value, Kind::text);
}

void Table::set_money(std::size_t column, const Money& value) {
  Cell& c = last(column, true);
  if (columns_[column].type != ColumnType::decimal) wrong("column '" + columns_[column].name + "' is not money");
  append_text(c, value.amount_string(), Kind::money);
  text_.append(value.currency());
  text_.push_back('\0');
}

}  // namespace crm
