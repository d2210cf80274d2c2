// The field delimiters a CSV file may use.
#pragma once

namespace crm::detail {

/// Throws Error(invalid_argument, field "delimiter") unless `delimiter` can
/// separate CSV fields: an ASCII character other than NUL, '"', CR and LF.
void require_csv_delimiter(char delimiter);

}  // namespace crm::detail
