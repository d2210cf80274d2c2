// How the headers of an import file map to record columns, and turning one
// CSV record into a record draft with that mapping. Pure parsing, no
// database: it runs on the import's reading thread.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "crm/custom_field.hpp"
#include "crm/import.hpp"
#include "io/csv_reader.hpp"
#include "io/record_columns.hpp"

namespace crm::detail {

/// One header of the file bound to the column its cells go to.
struct ColumnBinding {
  /// Position of the cell in each record; positions past the file's headers
  /// are cells composed from others (ImportOptions::compose), which
  /// RowMapper::prepare() adds after the file's cells.
  std::size_t index = 0;
  std::string header{};               ///< The header as written in the file, or a composed cell's template.
  std::string column{};               ///< The record column, or the custom field's name.
  std::optional<CustomField> custom{};  ///< Set when the cells are a custom field's values.
  /// How dates with slashes in this column are read (DateOrder, decided per column).
  SlashDates slash_dates = SlashDates::refuse;
  /// A record cannot lack the value (is_required_column(), a required custom
  /// field): a bad cell refuses the row under every CellPolicy.
  bool required = false;
  /// The cells are dates or instants (is_dated_column(), a custom date field).
  bool dated = false;
  /// Replacements of whole cells (ImportOptions::values), keyed by the cell
  /// case-folded and trimmed.
  std::map<std::string, std::string> values{};
};

/// A composed cell's template (ImportOptions::compose) in parts: literal
/// text and, between each two, the position of a header whose cell goes there.
struct CellTemplate {
  std::vector<std::string> literals{};  ///< One more than `cells`.
  std::vector<std::size_t> cells{};     ///< Header positions between the literals; kLine for "{#line}".
  /// In `cells`: the line the row starts on goes there.
  static constexpr std::size_t kLine = static_cast<std::size_t>(-1);

  /// Reads `text` ("{product} — {account}") against the file's `headers`;
  /// "{#line}" is the line the row starts on. Throws
  /// Error(invalid_argument) for a "{" without "}" or a header the file lacks.
  static CellTemplate parse(std::string_view text, const std::vector<std::string>& headers);
  /// The composed text for a row's `cells`: the trimmed cells with the
  /// literal text between them; the text between a blank cell and the one
  /// before it goes ("GTX Pro" for "{product} — {account}" without an
  /// account), and all of it is blank when every named cell is.
  std::string compose(const std::vector<std::string>& cells, std::int64_t line) const;
};

/// One data row read and parsed, ready for the writer.
struct PreparedRow {
  std::int64_t line = 0;               ///< 1-based line the row starts on.
  RecordDraft draft;                   ///< The parsed record (valid unless `issue` is set).
  std::optional<ImportIssue> issue{};  ///< Set: the row is refused for this reason.
  std::vector<std::string> cells{};    ///< The row's cells, kept to apply them over a stored record.
  /// Positions in RowMapper::bindings() of the cells left out (CellPolicy::lenient).
  std::vector<std::size_t> left_out{};
  /// Why each cell was left out, in the order they were.
  std::vector<ImportIssue> warnings{};
  /// A contact's phone numbers (as written) to keep flagged unreadable
  /// (CellPolicy::lenient), whichever record the row is written to.
  std::vector<std::string> unreadable_phones{};
};

/// The header-to-column mapping of one import.
class RowMapper {
 public:
  /// Binds `headers`: an entry of `chosen` (header -> column, "" to ignore)
  /// wins, otherwise the header is mapped by name to a built-in column or a
  /// custom field of `kind`. Throws Error(invalid_argument) when `chosen`
  /// names a header the file lacks or a column the kind lacks.
  /// A new deal's amount written without a currency is in `base_currency`.
  /// `policy` says whether a bad optional cell refuses its row or is left out.
  /// `values` replaces whole cells of a header (ImportOptions::values);
  /// naming a header the file lacks throws Error(invalid_argument).
  /// `composed` (ImportOptions::compose) binds columns to templates of other
  /// headers' cells; a template naming a header the file lacks, or with an
  /// unclosed "{", throws Error(invalid_argument).
  RowMapper(RecordKind kind, const std::vector<std::string>& headers,
            const std::map<std::string, std::string>& chosen, const std::vector<CustomField>& custom_fields,
            std::string base_currency, CellPolicy policy = CellPolicy::strict,
            const std::map<std::string, std::map<std::string, std::string>>& values = {},
            const std::map<std::string, std::string>& composed = {});

  /// The headers that carry data, with their columns.
  const std::vector<ColumnBinding>& bindings() const noexcept { return bindings_; }
  /// Headers mapped to nothing (ignored).
  const std::vector<std::string>& ignored_headers() const noexcept { return ignored_; }

  /// Sets how the dates with slashes of the column at `binding` are read.
  void set_slash_dates(std::size_t binding, SlashDates order) { bindings_.at(binding).slash_dates = order; }

  /// Fills `row` from `record`: a malformed record, a wrong number of cells
  /// or the first cell that does not parse (and cannot be left out, see
  /// leave_out()) sets row.issue naming the line and header. Moves the
  /// record's cells into row.cells, followed by the composed cells.
  void prepare(CsvRecord& record, PreparedRow& row) const;

  /// Makes row.draft again from row.cells without the cells left out (after
  /// leave_out() for a problem found when the row was written); a cell that
  /// does not parse now is left out in turn or sets row.issue.
  void rebuild(PreparedRow& row) const;

  /// Under CellPolicy::lenient, leaves out the cell `issue` is about when
  /// its column is optional and not `key_header` (the upsert key), adding
  /// the issue to row.warnings, and returns true; false when the row must
  /// be refused (strict policy, a required column, a problem of no single
  /// cell, a cell already left out).
  bool leave_out(PreparedRow& row, const ImportIssue& issue, std::string_view key_header = {}) const;

  /// Writes the non-empty mapped cells of `cells` (except the positions in
  /// `left_out`) over `draft`, which holds a stored record's data: cells
  /// replace single values and whole lists (emails, phones, tags,
  /// consents); empty cells leave the stored value. Throws
  /// Error(invalid_argument) with field() = the header.
  void apply_over(const std::vector<std::string>& cells, RecordDraft& draft,
                  const std::vector<std::size_t>& left_out = {}) const;

  /// The header whose cells go to `column` ("phones" also finds the header of
  /// "phones_work"); `column` itself when it is a header or nothing maps to it.
  std::string header_of(std::string_view column) const;

 private:
  void apply_cells(const std::vector<std::string>& cells, RecordDraft& draft, bool replace_lists,
                   const std::vector<std::size_t>& left_out) const;

  RecordKind kind_;
  std::vector<std::string> headers_;
  std::string base_currency_;
  CellPolicy policy_;
  std::vector<ColumnBinding> bindings_;
  std::vector<std::string> ignored_;
  std::vector<CellTemplate> templates_;  // one per composed cell
};

}  // namespace crm::detail
