// CSV on standard output the way crmcore's export writes it: RFC 4180,
// comma-separated, CRLF line ends.
#pragma once

#include <ostream>
#include <string>
#include <vector>

namespace crm::cli {

/// Writes one row: a field is quoted only when it holds a comma, a quote, CR
/// or LF, or starts or ends with a space or tab; quotes inside are doubled.
/// A row of one empty field is written as "" so it does not read as an empty line.
void write_csv_row(const std::vector<std::string>& fields, std::ostream& out);

}  // namespace crm::cli
