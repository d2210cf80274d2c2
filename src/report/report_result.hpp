// Pieces every report shares: the finished Report, and reading the columns
// a report query returns.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include <SQLiteCpp/Column.h>
#include <SQLiteCpp/Statement.h>

#include "crm/report.hpp"
#include "report/base_money.hpp"

namespace crm::detail {

/// The report `name`: its table, in `base` currency, with the rates `base` used.
Report finished_report(std::string_view name, const BaseCurrency& base, Table table);

/// The text of column `i`, nullopt when NULL.
std::optional<std::string> optional_text(SQLite::Statement& row, int i);
/// The date in column `i` ("YYYY-MM-DD" or the day of an instant).
Date day_column(SQLite::Statement& row, int i);
/// The rate id in column `i`, nullopt when NULL.
std::optional<std::int64_t> optional_id(SQLite::Statement& row, int i);

/// Sets column `column` of the table's last row to `text`, or leaves it null.
void set_optional_text(Table& table, std::size_t column, const std::optional<std::string>& text);
/// Sets column `column` of the last row to numerator / denominator, or leaves
/// it null when the denominator is 0.
void set_ratio(Table& table, std::size_t column, double numerator, double denominator);

/// value / divisor rounded half away from zero; divisor > 0.
std::int64_t divide_rounded(std::int64_t value, std::int64_t divisor);

/// The SQL of a deal's weighted amount: amount x probability / 100, rounded
/// half away from zero to the minor unit.
inline constexpr std::string_view kWeightedAmountSql =
    "((o.amount_minor * o.probability + (CASE WHEN o.amount_minor < 0 THEN -50 ELSE 50 END)) / 100)";

}  // namespace crm::detail
