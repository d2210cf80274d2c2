// crmcore: tabular results (selected columns of many records, reports),
// stored compactly for fast reading from C++, C and Python.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "crm/money.hpp"

namespace crm {

/// The kind of values a column holds. Dates and instants are ISO-8601 text
/// ("YYYY-MM-DD", "YYYY-MM-DDTHH:MM:SS.ffffffZ") read with text(). Decimals
/// are amounts of money: exact decimal text ("1234.50") read with text(),
/// each cell with its currency (currency(), money()); money is never a real.
enum class ColumnType { integer, real, text, date, instant, decimal };

/// A named, typed column.
struct Column {
  std::string name;
  ColumnType type = ColumnType::text;

  friend bool operator==(const Column&, const Column&) = default;
};

/// Rows of cells under named, typed columns. A cell is null or a value of
/// its column's type. Reading a cell as the wrong kind, or out of range,
/// throws Error(invalid_argument).
class Table {
 public:
  /// An empty table with these columns.
  explicit Table(std::vector<Column> columns = {});

  /// The columns, in order.
  const std::vector<Column>& columns() const noexcept { return columns_; }
  /// Number of rows.
  std::size_t row_count() const noexcept { return columns_.empty() ? 0 : cells_.size() / columns_.size(); }
  /// The position of the column called `name`; throws Error(not_found).
  std::size_t column_index(std::string_view name) const;

  /// True when the cell holds no value.
  bool is_null(std::size_t row, std::size_t column) const;
  /// The cell of an integer column (0 when null).
  std::int64_t integer(std::size_t row, std::size_t column) const;
  /// The cell of a real column (0.0 when null); integer columns convert.
  double real(std::size_t row, std::size_t column) const;
  /// The text of a text, date, instant or decimal column ("" when null); valid while
  /// the table lives and is not appended to. The characters are followed by
  /// a NUL, so data() is also a C string.
  std::string_view text(std::size_t row, std::size_t column) const;
  /// The ISO 4217 code of a decimal cell ("EUR"); "" for a null one. Valid like text().
  std::string_view currency(std::size_t row, std::size_t column) const;
  /// The money of a decimal cell; throws Error(invalid_argument) for a null
  /// cell or a column of another type.
  Money money(std::size_t row, std::size_t column) const;

  /// Makes room for `rows` rows without reallocating.
  void reserve(std::size_t rows);
  /// Starts a new row of null cells; the setters below fill it.
  void add_row();
  /// Sets a cell of the last row; the value must fit the column's type.
  void set_integer(std::size_t column, std::int64_t value);
  /// Sets a cell of a real column in the last row.
  void set_real(std::size_t column, double value);
  /// Sets a cell of a text, date or instant column in the last row (not a
  /// decimal one: money is set with its currency, set_money()).
  void set_text(std::size_t column, std::string_view value);
  /// Sets a cell of a decimal column in the last row to `value`: its amount
  /// as exact decimal text (text()) and its currency (currency()).
  void set_money(std::size_t column, const Money& value);

 private:
  // money: the amount's text, a NUL, the currency's three letters, a NUL.
  enum class Kind : std::uint8_t { null, integer, real, text, money };
  struct Cell {
    std::int64_t value = 0;   // integer, real bits, or text offset
    std::uint32_t size = 0;   // text length
    Kind kind = Kind::null;
  };
  const Cell& cell(std::size_t row, std::size_t column) const;
  Cell& last(std::size_t column, bool text_like);
  void append_text(Cell& target, std::string_view value, Kind kind);

  std::vector<Column> columns_;
  std::vector<Cell> cells_;
  std::string text_;
};

/// One page of a tabular list: its rows and the token for the next page.
struct TablePage {
  Table table;
  /// Token for ListQuery::after to fetch the following page; empty at the end.
  std::string next;
};

}  // namespace crm
