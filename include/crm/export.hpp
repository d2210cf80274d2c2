// crmcore: writing the records of any kind, or the members of a segment, to
// CSV or JSON files that the import (crm/import.hpp) and other programs read.
#pragma once

#include <cstdint>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>

#include "crm/custom_field.hpp"
#include "crm/list.hpp"

namespace crm {

namespace detail {
class Session;
struct StoreAccess;
}

/// The file format of an export.
enum class ExportFormat {
  /// RFC 4180 CSV, UTF-8 without BOM, CRLF line ends: a header row of column
  /// names (the built-in columns of the kind, then one per custom field, by
  /// the field's name), then one row per record. Cells are in the forms the
  /// import reads back to the same value: dates "2025-03-07", instants
  /// "2025-01-02T10:00:00Z", amounts "1234.50" with a "currency" column,
  /// lists "a; b" (phones "mobile: +371 26 123 456", consents
  /// "email: yes 2025-01-02T10:00:00Z"). Links to other records are written
  /// as their external_ref and their name (account_ref + account, ...).
  csv,
  /// One JSON array of objects, one object per record, keyed by the same
  /// column names. Unset fields are left out (never null). id,
  /// duration_seconds and probability are JSON numbers; money is never a
  /// JSON number: "amount" is a decimal string ("1234.50") beside
  /// "currency"; emails and tags are arrays of strings; phones are
  /// [{"kind", "number", "e164"}], consents [{"channel", "granted",
  /// "changed_at"}]. Custom fields are under "custom": text, choice and date
  /// as strings, integers as numbers, decimals as strings, booleans as
  /// true/false, choices as arrays, money as {"amount", "currency"}.
  json,
};

/// "csv" or "json".
std::string_view export_format_name(ExportFormat format) noexcept;
/// The format named `name` (as export_format_name() writes it), or nullopt.
std::optional<ExportFormat> export_format_from_name(std::string_view name) noexcept;

/// Throws Error(invalid_argument) naming "delimiter" unless `delimiter` is
/// one an export writes CSV with: ',', ';' or '\t'. Every surface checks
/// ExportOptions::delimiter with it.
void check_export_delimiter(char delimiter);

/// What to export and how.
struct ExportOptions {
  /// The kind of record written, one per row.
  RecordKind kind = RecordKind::contact;
  ExportFormat format = ExportFormat::csv;
  /// Which records, as lists take them: where (segment language), segment
  /// (its record kind must be `kind`: invalid_argument otherwise), owner,
  /// tag, country, deleted (soft-deleted records are left out unless asked
  /// for), sort. Its paging fields (limit, after, offset) are ignored.
  ListQuery query{};
  /// CSV only: ',', ';' or '\t' (check_export_delimiter()).
  char delimiter = ',';
  /// CSV only. True (the default): no cell starts a spreadsheet formula
  /// (OWASP "CSV injection"). A cell that begins with '=', '+', '-', '@', a
  /// tab or a carriage return is written with a single quote before it
  /// ("=HYPERLINK(...)" -> "'=HYPERLINK(...)"), and so is a cell that
  /// begins with "'" followed (after any further "'") by one of them, so
  /// the import reads every cell back exactly: it drops that one quote.
  /// Exempt: cells that are only a number or a phone number (an optional
  /// sign, then digits, spaces and ". , ( ) / -": "-5.00", "+371 26 123
  /// 456"), which a spreadsheet cannot run anything from. False: cells are
  /// written as they are, for programs that read the file as data (the
  /// import then still drops a quote written before a formula character).
  /// JSON is never escaped.
  bool escape_formulas = true;
};

/// The exports of a Database (db.exports()). An export reads one consistent
/// snapshot of the database page by page, never the whole table at once, and
/// writes while it reads. Opportunity line items and further deal contacts
/// are not exported (the deal's amount is). Throws crm::Error.
class Exports {
 public:

  /// Writes the records `options` selects to `out`; returns how many were
  /// written. Throws invalid_argument or parse_error for bad options (the
  /// query's filter, segment or delimiter), io when the stream fails; what
  /// was written before a failure stays in the stream.
  std::int64_t write(std::ostream& out, const ExportOptions& options) const;

  /// Writes the export to the file at `path` (replaced when it exists): it is
  /// written to a temporary file in the same directory, synced, then renamed
  /// over `path`, so `path` never holds half an export; on any error the
  /// temporary file is removed and `path` is left as it was. Returns the rows
  /// written. Throws not_found or permission_denied when the directory
  /// cannot be written, io for other failures, and the errors of write().
  std::int64_t write_file(const std::string& path, const ExportOptions& options) const;

 private:
  friend struct detail::StoreAccess;  // constructs stores: Database and the implementation
  explicit Exports(detail::Session& session) : session_(session) {}
  detail::Session& session_;
};

}  // namespace crm
