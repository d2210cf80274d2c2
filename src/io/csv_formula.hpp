// Keeping spreadsheets from evaluating exported cells (OWASP "CSV
// injection"), and reading such neutralised cells back to their values.
#pragma once

#include <string>
#include <string_view>

namespace crm::detail {

/// True for a character a spreadsheet starts a formula (or a DDE call) with
/// when a cell begins with it: '=', '+', '-', '@', tab, carriage return.
bool is_formula_trigger(char c) noexcept;

/// True when `cell` is a plain number or phone number a spreadsheet may read
/// as a number but cannot run anything from: an optional '+' or '-', then
/// only digits, spaces and ". , ( ) / -", at least one digit ("-5.00",
/// "+371 26 123 456", "+1 (555) 010-0199").
bool is_harmless_number(std::string_view cell) noexcept;

/// The cell as a CSV export writes it when formulas are escaped: `value`
/// with a "'" put before it when, after any leading "'", it begins with a
/// formula trigger, unless it is a harmless number with no leading "'".
/// read_formula_cell() undoes it exactly.
std::string escape_formula(std::string_view value);

/// The value an imported cell holds: a cell that begins with "'" followed
/// (after any further "'") by a formula trigger loses that one "'" (our
/// export's escape); a cell that begins with a tab or carriage return
/// followed (after white space) by '=', '+', '-' or '@' and is not a
/// harmless number (another program's escape) becomes "'" and the text
/// after the white space, so it never turns into a formula. Any other cell
/// is returned as it is.
std::string read_formula_cell(std::string_view cell);

}  // namespace crm::detail
