// How the crm program shows the library's tables: aligned or as CSV; a
// report's followed by its currency and exchange rates.
#pragma once

#include <ostream>

#include "crm/crm.hpp"

namespace crm::cli {

/// Any table of the library (a report's, the audit trail's) aligned, numbers
/// right-aligned and null cells empty; money amounts without their currency.
void print_table(const crm::Table& table, std::ostream& out);

/// The table as CSV: a header row of column names, then the rows (reals in
/// full precision; after each money column "<name>_currency").
void write_table_csv(const crm::Table& table, std::ostream& out);

/// The report's table with numbers right-aligned and null cells empty, then
/// "amounts in EUR" when it has money columns and one line per exchange rate used.
void print_report(const Report& report, std::ostream& out);

/// The report's table as CSV (a header row of column names, then the rows;
/// reals in full precision; after each money column, "<name>_currency" with
/// its currency) on `out`; the currency and rates lines on `notes`.
void write_report_csv(const Report& report, std::ostream& out, std::ostream& notes);

}  // namespace crm::cli
