// Writing exported records in one file format: CSV (export_csv.cpp) or JSON
// (export_json.cpp). Both write the columns of record_columns.hpp, then the
// custom fields of the kind.
#pragma once

#include <memory>
#include <ostream>
#include <vector>

#include "crm/custom_field.hpp"
#include "io/record_columns.hpp"

namespace crm::detail {

/// Writes records of one kind to a stream, in order: begin(), write() per
/// record, end(). The stream must outlive the writer. Every member throws
/// Error(io) when the stream fails.
class RecordWriter {
 public:
  virtual ~RecordWriter() = default;
  /// Writes what comes before the first record (CSV: the header row).
  virtual void begin() = 0;
  /// Writes one record (data, refs and custom values of `draft`).
  virtual void write(const RecordDraft& draft) = 0;
  /// Writes what comes after the last record and flushes the stream.
  virtual void end() = 0;
};

/// CSV with `delimiter`: a header row of column_names(kind) and the names of
/// `custom`, then one row per record (format_column(), format_custom()), each
/// cell passed through escape_formula() when `escape_formulas`.
std::unique_ptr<RecordWriter> csv_record_writer(std::ostream& out, char delimiter, bool escape_formulas, RecordKind kind,
                                                std::vector<CustomField> custom);

/// A JSON array with one object per record, keyed by column name, as
/// crm/export.hpp describes ExportFormat::json.
std::unique_ptr<RecordWriter> json_record_writer(std::ostream& out, RecordKind kind, std::vector<CustomField> custom);

/// Throws Error(io) naming the export when `out` has failed.
void require_good(const std::ostream& out);

}  // namespace crm::detail
