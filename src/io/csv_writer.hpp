// Writing CSV files that spreadsheets and CsvReader read back unchanged.
#pragma once

#include <ostream>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace crm::detail {

/// Writes CSV rows to a stream: fields separated by the delimiter, lines
/// ended by "\r\n" (what Excel expects). A field is quoted only when it holds
/// the delimiter, a quote, CR or LF, or starts or ends with a space or tab;
/// quotes inside are doubled. A row of one empty field is written as "" so
/// that it is not read back as an empty line. The stream must outlive the writer.
class CsvWriter {
 public:
  /// Writes to `out` with `delimiter` between fields. Throws
  /// Error(invalid_argument) for a delimiter CsvReader could not read.
  explicit CsvWriter(std::ostream& out, char delimiter = ',');

  /// Writes one row. Throws Error(invalid_argument) for a row without fields
  /// and Error(io) when the stream fails.
  void write_row(const std::vector<std::string>& fields);

  /// Writes one row. Throws Error(invalid_argument) for a row without fields
  /// and Error(io) when the stream fails.
  void write_row(std::span<const std::string_view> fields);

 private:
  /// Appends one field, quoted when needed, to the row being built.
  void append_field(std::string_view field, bool first);
  /// True when `field` must be quoted to read back unchanged.
  bool needs_quotes(std::string_view field) const noexcept;
  /// Ends the row being built and writes it to the stream.
  void finish_row(std::size_t field_count);

  std::ostream& out_;
  char delimiter_;
  std::string row_;  // the row being built (reused buffer)
};

}  // namespace crm::detail
