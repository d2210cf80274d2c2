// Reading the values of CSV cells as people and spreadsheets write them:
// dates in several orders, instants with or without a zone, amounts with
// local separators, yes/no, durations, names of enumerations. Each reader
// throws Error(invalid_argument) naming the column, the text and what was
// expected (field() = the column). The forms are listed in record_columns.hpp.
#pragma once

#include <cstdint>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "crm/time.hpp"
#include "io/record_columns.hpp"

namespace crm::detail {

/// Throws Error(invalid_argument) "<column>: '<text>' is not <expected>" with
/// field() = column.
[[noreturn]] void refuse_cell(std::string_view column, std::string_view text, std::string_view expected);

/// A calendar date: ISO, day.month.year, or with slashes as `slashes` says;
/// a midnight time after it is allowed.
Date read_date(std::string_view text, SlashDates slashes, std::string_view column);

/// What a date with slashes or dashes and the year last says about the
/// order of its day and month: day_first for "13/3/2025" (13 cannot be a
/// month), month_first for "3/13/2025", nullopt when both or neither could
/// be read ("3/4/2025", "2025-03-04", "07.03.2025", text that is no date).
/// A time after the date is ignored.
std::optional<SlashDates> slash_order_of(std::string_view text);

/// A UTC instant: ISO 8601 with "Z" or an offset, or a date (in the forms
/// of read_date) with an optional "HH:MM[:SS[.fraction]]" taken as UTC.
Instant read_instant(std::string_view text, SlashDates slashes, std::string_view column);

/// A birthday: "YYYY-MM-DD", "--MM-DD" or a date in the forms of read_date.
/// Whether it is a real date in the past is checked when the record is stored.
Birthday read_birthday(std::string_view text, SlashDates slashes, std::string_view column);

/// yes/no, true/false, 1/0, ignoring case.
bool read_boolean(std::string_view text, std::string_view column);

/// A whole number with an optional sign.
std::int64_t read_integer(std::string_view text, std::string_view column);

/// Whole seconds ("125") or minutes and seconds ("2:05") or hours, minutes
/// and seconds ("1:02:05").
std::int64_t read_duration(std::string_view text, std::string_view column);

/// A number written with local separators, and the currency written with it.
struct AmountText {
  std::string decimal;   ///< Plain decimal: optional "-", digits, optional "." and digits.
  std::string currency;  ///< ISO code given in the cell (upper-cased), or "".
};

/// An amount such as "1 234,50", "1,234.50 EUR", "€1234.5" (see
/// record_columns.hpp). The currency code is not checked here.
AmountText read_amount(std::string_view text, std::string_view column);

/// `decimal` (as AmountText has it) without trailing zeros after the point.
std::string without_trailing_zeros(std::string decimal);

/// The items of a list cell split at any of `separators`, each trimmed;
/// empty items are dropped.
std::vector<std::string_view> split_items(std::string_view text, std::string_view separators = ";");

/// `text` lower-cased (ASCII) with runs of spaces, '_' and '-' made one
/// space: the key enumeration names and synonyms are compared by.
std::string name_key(std::string_view text);

/// The value whose name (compared by name_key()) is `text`, among `names`;
/// throws naming the column and listing `expected` otherwise.
template <class Enum>
Enum read_name(std::string_view text, std::initializer_list<std::pair<std::string_view, Enum>> names,
               std::string_view expected, std::string_view column) {
  const std::string key = name_key(text);
  for (const auto& [name, value] : names)
    if (name == key) return value;
  refuse_cell(column, text, expected);
}

/// The enumerator the library names `text` (by `from_name`, compared by
/// name_key()) or that one of `synonyms` names; throws naming the column and
/// listing `expected` otherwise.
template <class Enum>
Enum read_enum(std::string_view text, std::optional<Enum> (*from_name)(std::string_view) noexcept,
               std::initializer_list<std::pair<std::string_view, Enum>> synonyms, std::string_view expected,
               std::string_view column) {
  if (const auto value = from_name(name_key(text))) return *value;
  return read_name(text, synonyms, expected, column);
}

}  // namespace crm::detail
