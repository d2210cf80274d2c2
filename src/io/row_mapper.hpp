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
  std::size_t index = 0;              ///< Position of the cell in each record.
  std::string header{};               ///< The header as written in the file.
  std::string column{};               ///< The record column, or the custom field's name.
  std::optional<CustomField> custom{};  ///< Set when the cells are a custom field's values.
};

/// One data row read and parsed, ready for the writer.
struct PreparedRow {
  std::int64_t line = 0;               ///< 1-based line the row starts on.
  RecordDraft draft;                   ///< The parsed record (valid unless `issue` is set).
  std::optional<ImportIssue> issue{};  ///< Set: the row is refused for this reason.
  std::vector<std::string> cells{};    ///< The row's cells, kept to apply them over a stored record.
};

/// The header-to-column mapping of one import.
class RowMapper {
 public:
  /// Binds `headers`: an entry of `chosen` (header -> column, "" to ignore)
  /// wins, otherwise the header is mapped by name to a built-in column or a
  /// custom field of `kind`. Throws Error(invalid_argument) when `chosen`
  /// names a header the file lacks or a column the kind lacks.
  /// A new deal's amount written without a currency is in `base_currency`.
  RowMapper(RecordKind kind, const std::vector<std::string>& headers,
            const std::map<std::string, std::string>& chosen, const std::vector<CustomField>& custom_fields,
            std::string base_currency);

  /// The headers that carry data, with their columns.
  const std::vector<ColumnBinding>& bindings() const noexcept { return bindings_; }
  /// Headers mapped to nothing (ignored).
  const std::vector<std::string>& ignored_headers() const noexcept { return ignored_; }

  /// Fills `row` from `record`: a malformed record, a wrong number of cells
  /// or the first cell that does not parse sets row.issue naming the line
  /// and header. Moves the record's cells into row.cells.
  void prepare(CsvRecord& record, PreparedRow& row) const;

  /// Writes the non-empty mapped cells of `cells` over `draft`, which holds
  /// a stored record's data: cells replace single values and whole lists
  /// (emails, phones, tags, consents); empty cells leave the stored value.
  /// Throws Error(invalid_argument) with field() = the header.
  void apply_over(const std::vector<std::string>& cells, RecordDraft& draft) const;

  /// The header whose cells go to `column` ("phones" also finds the header of
  /// "phones_work"); `column` itself when it is a header or nothing maps to it.
  std::string header_of(std::string_view column) const;

 private:
  void apply_cells(const std::vector<std::string>& cells, RecordDraft& draft, bool replace_lists) const;

  RecordKind kind_;
  std::vector<std::string> headers_;
  std::string base_currency_;
  std::vector<ColumnBinding> bindings_;
  std::vector<std::string> ignored_;
};

}  // namespace crm::detail
