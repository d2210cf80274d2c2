// crmcore: bringing existing customer data in from CSV files (spreadsheets,
// ERP, 1C and Excel exports) without mess.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <istream>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "crm/custom_field.hpp"
#include "crm/duplicates.hpp"

namespace crm {

namespace detail {
class Session;
struct StoreAccess;
}

/// Whether rows always make new records or may update existing ones.
enum class ImportMode {
  insert,  ///< Every row makes a new record.
  upsert,  ///< A row whose key (ImportOptions::key) finds one record updates it; otherwise inserts.
};

/// What identifies an existing record in ImportMode::upsert.
enum class ImportKey {
  external_ref,         ///< The embedding system's key (every kind: accounts, contacts, leads, deals, activities).
  email,                ///< Email address, ignoring case (accounts, contacts, leads).
  phone,                ///< Phone number in any written form, compared in E.164 (accounts, contacts, leads).
  registration_number,  ///< Company register number (accounts).
};

/// What to do with a row that looks like a record already stored: an account
/// or contact sharing an email, a phone, a registration number or a VAT id
/// with it (Duplicates::matches with score 80 and up; a shared name alone
/// does not count). Other kinds are not checked.
enum class DuplicateAction {
  ignore,  ///< Do not look: insert it.
  report,  ///< Insert it and list it in ImportResult::duplicates.
  skip,    ///< Do not insert it; list it.
  merge,   ///< Update the best-matching stored record with the row's non-empty cells; list it.
};

/// What a cell that cannot be read or stored does to its row.
enum class CellPolicy {
  /// The whole row is refused and listed in ImportResult::errors.
  strict,
  /// A bad optional cell (a birthday in the future, an unknown picklist
  /// value, a malformed email, a link to a record that is not there) is left
  /// out and listed in ImportResult::warnings, and the row is imported
  /// without it. A contact's phone that cannot be read as a number is kept
  /// as written, flagged (Phone::unreadable), with a warning. Required cells
  /// (an account's or deal's name, a contact's last name, a required custom
  /// field, the upsert key) and problems of the row as a whole (a malformed
  /// CSV record, a unique key already taken) still refuse the row.
  lenient,
};

/// How dates written with slashes or dashes and the year last ("7/3/2025",
/// "7-3-2025") are read; other date forms are never ambiguous.
enum class DateOrder {
  /// Decided per column over the whole file: a column where some date can
  /// only be day-first ("13/3/2025") is read day-first, one where some date
  /// can only be month-first ("3/13/2025") month-first. A column with both,
  /// or with only ambiguous dates, refuses its ambiguous cells. Needs input
  /// that can be read twice (files; a stream that cannot seek is treated as
  /// having no decided column).
  detect,
  day_first,    ///< Day/month/year, as in Europe.
  month_first,  ///< Month/day/year, as in the United States.
};

/// "insert"/"upsert", "external_ref"/"email"/"phone"/"registration_number",
/// "ignore"/"report"/"skip"/"merge", "strict"/"lenient",
/// "detect"/"day_first"/"month_first".
std::string_view import_mode_name(ImportMode mode) noexcept;
std::string_view import_key_name(ImportKey key) noexcept;
std::string_view duplicate_action_name(DuplicateAction action) noexcept;
std::string_view cell_policy_name(CellPolicy policy) noexcept;
std::string_view date_order_name(DateOrder order) noexcept;
/// The value named as the functions above write it, or nullopt.
std::optional<ImportMode> import_mode_from_name(std::string_view name) noexcept;
std::optional<ImportKey> import_key_from_name(std::string_view name) noexcept;
std::optional<DuplicateAction> duplicate_action_from_name(std::string_view name) noexcept;
std::optional<CellPolicy> cell_policy_from_name(std::string_view name) noexcept;
std::optional<DateOrder> date_order_from_name(std::string_view name) noexcept;

/// The rows an import writes per transaction when none is given, on every surface.
inline constexpr std::size_t kDefaultBatchRows = 2000;
/// The most rows per transaction an import accepts (the fewest is 1).
inline constexpr std::size_t kMaxBatchRows = 100000;
/// Throws Error(invalid_argument) naming "batch_rows" unless `rows` is
/// 1..kMaxBatchRows. Every surface checks ImportOptions::batch_rows with it.
void check_batch_rows(std::size_t rows);

/// How far an import has come; passed to ImportOptions::progress.
struct ImportProgress {
  std::int64_t rows = 0;         ///< Data rows read so far.
  std::int64_t bytes = 0;        ///< Bytes of the input read so far.
  std::int64_t total_bytes = 0;  ///< Size of the input when known (files), else 0.
  std::int64_t imported = 0;     ///< Rows written (inserted or updated) so far.
  std::int64_t failed = 0;       ///< Rows refused so far.
};

/// What to import and how.
struct ImportOptions {
  /// The kind of record each row is.
  RecordKind kind = RecordKind::contact;
  /// The file's encoding: "UTF-8" (with or without BOM), "WINDOWS-1257"
  /// (Baltic), "WINDOWS-1251" (Cyrillic) or any other name iconv knows.
  std::string encoding = "UTF-8";
  /// ',', ';' or '\t'; 0 detects it from the header line.
  char delimiter = 0;
  /// Header name (as written in the file) to import column: a column name of
  /// the export (see Exports), a custom field name, or "" to ignore that
  /// header. Headers not listed here are mapped automatically from their
  /// names (English spreadsheet names and the library's own field names);
  /// those that map to nothing are ignored and listed in
  /// ImportResult::ignored_headers. Naming an unknown column throws invalid_argument.
  std::map<std::string, std::string> columns{};
  /// Header (as written in the file) to the replacements of its cells: a
  /// cell equal to a key, ignoring case and the white space around it, is
  /// read as the value instead, so an old CRM's picklists land on the
  /// library's values ("Closed Won" -> "Won", "Working" -> "contacted"); a
  /// value "" reads the cell as empty. Other cells are read as written.
  /// Naming a header the file lacks throws invalid_argument.
  std::map<std::string, std::map<std::string, std::string>> values{};
  /// Column to a template that makes its cell from other cells of the row,
  /// for a file that lacks the column: "{Header}" is that header's cell,
  /// trimmed, "{#line}" the line the row starts on (a key for a file
  /// without one, stable while the file is unchanged), and the rest is
  /// literal text ({"name", "{product} — {account}"} names a deal after its
  /// product and account; {"kind", "task"} without a header is the same for
  /// every row). The text between a blank cell and
  /// the cell before it is dropped ("GTX Pro" when the account is blank);
  /// when every named cell is blank the column is blank. A template naming
  /// a header the file lacks, or with a "{" not closed, throws
  /// invalid_argument; an unknown column too, as in `columns`.
  std::map<std::string, std::string> compose{};
  ImportMode mode = ImportMode::insert;
  /// The key of ImportMode::upsert; not every kind has every key (invalid_argument).
  ImportKey key = ImportKey::external_ref;
  /// Rows that look like stored accounts or contacts.
  DuplicateAction on_duplicate = DuplicateAction::report;
  /// Whether a bad optional cell refuses its row (strict) or is left out
  /// with a warning (lenient).
  CellPolicy policy = CellPolicy::strict;
  /// How "7/3/2025" is read: detected per column, or as given.
  DateOrder date_order = DateOrder::detect;
  /// An owner cell naming no user: true (the default, for bringing an old
  /// CRM over) adds an active user with that login and lists it in
  /// ImportResult::users_created; false refuses the cell like any bad value
  /// (the row under CellPolicy::strict; under lenient the row is imported
  /// without its owner, with a warning). An inactive user is never given
  /// records: its owner cells are refused either way.
  bool create_owners = true;
  /// Validate everything (including links and unique keys) and write nothing.
  bool dry_run = false;
  /// Write nothing when any row fails; otherwise good rows are written and
  /// bad ones reported.
  bool all_or_nothing = false;
  /// Rows per transaction when rows are written as they come (1..kMaxBatchRows,
  /// check_batch_rows()). A stopped or failed import keeps the rows of
  /// finished transactions.
  std::size_t batch_rows = kDefaultBatchRows;
  /// Called after every batch of rows with the progress so far, on the
  /// importing thread; returning false stops the import there
  /// (ImportResult::stopped). It must not use this Database. May be empty.
  std::function<bool(const ImportProgress&)> progress{};
};

/// A row (or a cell of it) that was not imported: an error refusing the
/// row, or a warning about a cell left out (CellPolicy::lenient).
struct ImportIssue {
  std::int64_t line = 0;  ///< 1-based line of the file on which the row starts.
  std::string column{};   ///< The header of the offending cell, or "" for the whole row.
  std::string message{};  ///< What is wrong, naming the value.

  friend bool operator==(const ImportIssue&, const ImportIssue&) = default;
};

/// A row that looked like a stored record.
struct ImportDuplicate {
  std::int64_t line = 0;           ///< 1-based line of the row.
  DuplicateMatch match{};          ///< The stored record it resembles, with score and reasons.
  DuplicateAction action = DuplicateAction::report;  ///< What was done with the row.
};

/// What an import did.
struct ImportResult {
  std::int64_t rows = 0;      ///< Data rows read.
  std::int64_t inserted = 0;  ///< New records (in a dry run or a rolled-back import: that would have been made).
  std::int64_t updated = 0;   ///< Records updated by upsert or merge.
  /// Rows whose record already held their data (upsert, merge): nothing
  /// was written, so importing a file again changes nothing.
  std::int64_t unchanged = 0;
  std::int64_t skipped = 0;   ///< Rows skipped as duplicates.
  std::int64_t failed = 0;    ///< Rows refused; the first of them are in `errors`.
  /// Problems, in file order; at most the first 1000 (`failed` counts all).
  std::vector<ImportIssue> errors{};
  /// Cells left out of imported rows (CellPolicy::lenient), each with its
  /// line, header and reason; a row may have several.
  std::int64_t warned = 0;
  /// The warnings, in file order; at most the first 1000 (`warned` counts all).
  std::vector<ImportIssue> warnings{};
  /// Rows that looked like stored records (at most the first 1000).
  std::vector<ImportDuplicate> duplicates{};
  /// Header to column, as used (explicit and automatic).
  std::map<std::string, std::string> mapping{};
  /// Headers that map to nothing and were ignored.
  std::vector<std::string> ignored_headers{};
  /// The users added for owner cells that named no user
  /// (ImportOptions::create_owners), in the order first met.
  std::vector<std::string> users_created{};
  /// True when the rows written are in the database: false for a dry run and
  /// for an all-or-nothing import that failed or was stopped.
  bool committed = false;
  /// True when the progress callback stopped the import.
  bool stopped = false;
};

/// How a whole export folder of another CRM is imported (Imports::read_org).
struct OrgImportOptions {
  /// A built-in preset (org_preset_names(): "generic", "hubspot", "maven", "salesforce") or the
  /// path of a preset file in the same JSON form (org_preset() gives a
  /// built-in one to copy and change). A preset lists the export's files in
  /// the order they are imported (accounts before the contacts and deals
  /// that name them), each with its record kind, its header mapping
  /// (ImportOptions::columns), its picklist values (ImportOptions::values),
  /// the columns it composes (ImportOptions::compose) and the columns of a
  /// second pass ("then": links to records later in the same file, such as
  /// an account's parent). A file's "kind" may also be "campaign",
  /// "campaign_member", "employment" or "product" (see OrgFileResult::kind),
  /// whose columns name the fields listed in the generic preset.
  std::string preset = "salesforce";
  /// CellPolicy::lenient unless changed: an org comes in whole, its bad
  /// optional cells listed as warnings.
  CellPolicy policy = CellPolicy::lenient;
  /// How slashed dates are read (ImportOptions::date_order).
  DateOrder date_order = DateOrder::detect;
  /// Rows per transaction (ImportOptions::batch_rows).
  std::size_t batch_rows = kDefaultBatchRows;
};

/// What importing one file of an org did.
struct OrgFileResult {
  std::string file{};                   ///< The file's name in the folder ("Account.csv").
  /// The kind of its rows: a record kind ("account", ... as
  /// record_kind_name() writes it) or a file of links: "campaign",
  /// "campaign_member" (a contact or lead a campaign reached: the campaign
  /// that brought it when it names none, and a tag "Campaign: NAME"),
  /// "employment", "product".
  std::string kind{};
  int pass = 1;                         ///< 1, or 2 for the second pass over the same file.
  ImportResult result{};                ///< Counts, errors, warnings and mapping.
  /// Headers no crmcore column takes, kept as custom fields of the kind
  /// (header -> field name); see Imports::read_org. Empty on the second pass.
  std::map<std::string, std::string> custom_fields{};
};

/// What Imports::read_org did.
struct OrgImportResult {
  std::vector<OrgFileResult> files{};       ///< One per file and pass, in import order.
  std::vector<std::string> unused_files{};  ///< CSV files of the folder the preset does not name.
};

/// The names of the built-in org presets ("generic", "hubspot", "maven", "salesforce").
std::vector<std::string> org_preset_names();
/// The JSON text of built-in preset `name`, to copy and change; throws
/// Error(invalid_argument) naming the presets for an unknown name.
std::string org_preset(std::string_view name);

/// Imports of a Database (db.imports()). One streaming pass: the file is
/// never held in memory, and reading and parsing run on a second thread
/// beside the writer. Each row is written whole or not at all. Throws
/// crm::Error for problems with the import as a whole (unknown encoding or
/// column, unreadable file, a kind without the chosen key, a file without a
/// header, a cell longer than kMaxCsvCellBytes or a record longer than
/// kMaxCsvRecordBytes: invalid_argument naming the line, see crm/limits.hpp);
/// problems with rows are reported in ImportResult.
///
/// Formulas: a cell never becomes a spreadsheet formula on import. A cell
/// that begins with "'" followed (after any further "'") by '=', '+', '-',
/// '@', a tab or a carriage return loses that one quote: it is how a CSV
/// export escapes formulas (ExportOptions::escape_formulas), so an export
/// reads back exactly ("'=SUM(A1)" -> "=SUM(A1)", "''=x" -> "'=x"). A cell
/// that begins with a tab or carriage return (another program's escape)
/// followed by '=', '+', '-' or '@' keeps an escape: it is read as "'" and
/// the text after the white space ("\t=1+1" -> "'=1+1"), unless it is only
/// a number or a phone number ("\t-5.00", "\t+371 26 123 456").
class Imports {
 public:

  /// Imports the CSV text of `in`.
  ImportResult read(std::istream& in, const ImportOptions& options);

  /// Imports the CSV file at `path`; throws not_found or io when it cannot be read.
  ImportResult read_file(const std::string& path, const ImportOptions& options);

  /// Imports every file of another CRM's export folder `directory` that the
  /// preset names, in its order, each by upsert on its external_ref: running
  /// it again updates what it made and creates nothing twice, so a stopped
  /// import can be run again. Files the preset names and the folder lacks
  /// are skipped; preset columns naming headers a file lacks are dropped.
  /// Nothing of a file is dropped unless the preset says so (maps the
  /// header to ""): a header that feeds no column (an org's own fields,
  /// "Rating", "External_id__c" beside the Id) and has a value in some row
  /// becomes a custom field of the kind, named after the header
  /// ("external_id_c", "<preset>_name" when that is a built-in field's
  /// name), of the type all its cells read as (integer, decimal, ISO date,
  /// else text); a custom field of that name already defined is used as it
  /// is, so running it again defines nothing new.
  /// Throws not_found for a missing folder or preset file, invalid_argument
  /// for an unknown preset or a malformed preset file, and what read_file()
  /// throws for a file as a whole.
  OrgImportResult read_org(const std::string& directory, const OrgImportOptions& options = {});

 private:
  friend struct detail::StoreAccess;  // constructs stores: Database and the implementation
  explicit Imports(detail::Session& session) : session_(session) {}
  ImportResult run(std::istream& in, std::int64_t total_bytes, const ImportOptions& options);
  detail::Session& session_;
};

}  // namespace crm
