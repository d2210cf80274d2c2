#include "io/row_mapper.hpp"

#include <algorithm>

#include "crm/error.hpp"
#include "query/catalog.hpp"
#include "io/csv_formula.hpp"
#include "text/unicode.hpp"

namespace crm::detail {
namespace {

bool is_blank(std::string_view text) {
  return std::all_of(text.begin(), text.end(), [](char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; });
}

std::optional<CustomField> custom_named(const std::vector<CustomField>& fields, std::string_view name) {
  const std::string key = casefold(name);
  for (const CustomField& field : fields)
    if (casefold(field.name) == key) return field;
  return std::nullopt;
}

std::string known_columns(RecordKind kind, const std::vector<CustomField>& custom_fields) {
  std::string list;
  for (const std::string& name : column_names(kind)) list += (list.empty() ? "" : ", ") + name;
  for (const CustomField& field : custom_fields) list += ", " + field.name;
  return list;
}

// A chosen mapping entry as a binding; throws for a column the kind lacks.
ColumnBinding chosen_binding(RecordKind kind, std::size_t index, const std::string& header, const std::string& column,
                             const std::vector<CustomField>& custom_fields) {
  ColumnBinding binding{index, header, column, std::nullopt};
  if (is_column(kind, column)) return binding;
  binding.custom = custom_named(custom_fields, column);
  if (!binding.custom)
    throw Error(ErrorCode::invalid_argument,
                "import.columns: '" + column + "' (for header '" + header + "') is not a column of " +
                    std::string(record_table_name(kind)) + "; columns: " + known_columns(kind, custom_fields),
                "columns");
  binding.column = binding.custom->name;
  return binding;
}

// Empties `phones` for the column "phones", or only the phones of one kind
// for "phones_<kind>" ("phones_work"), which its cells then replace.
void clear_phones(std::vector<Phone>& phones, std::string_view column) {
  const auto kind = column.starts_with("phones_") ? phone_kind_from_name(column.substr(7)) : std::nullopt;
  std::erase_if(phones, [&](const Phone& phone) { return !kind || phone.kind == *kind; });
}

// Empties the list a list column fills, so that cells replace it.
void clear_list(RecordDraft& draft, std::string_view column) {
  std::visit(
      [&](auto& data) {
        if constexpr (requires { data.emails.clear(); })
          if (column.starts_with("email")) data.emails.clear();
        if constexpr (requires { data.phones.clear(); })
          if (column.starts_with("phones")) clear_phones(data.phones, column);
        if constexpr (requires { data.consents.clear(); })
          if (column.starts_with("consent")) data.consents.clear();
        if constexpr (requires { data.tags.clear(); })
          if (column == "tags") data.tags.clear();
      },
      draft.data);
}

}  // namespace

CellTemplate CellTemplate::parse(std::string_view text, const std::vector<std::string>& headers) {
  CellTemplate form;
  form.literals.emplace_back();
  for (std::size_t at = 0; at < text.size();) {
    if (text[at] != '{') {
      form.literals.back() += text[at++];
      continue;
    }
    const std::size_t close = text.find('}', at);
    if (close == std::string_view::npos)
      throw Error(ErrorCode::invalid_argument, "import.compose: '" + std::string(text) + "' has a '{' without its '}'",
                  "compose");
    const std::string header(text.substr(at + 1, close - at - 1));
    form.literals.emplace_back();
    if (header == "#line") {
      form.cells.push_back(kLine);
      at = close + 1;
      continue;
    }
    const auto found = std::find(headers.begin(), headers.end(), header);
    if (found == headers.end())
      throw Error(ErrorCode::invalid_argument,
                  "import.compose: '" + std::string(text) + "' names '" + header + "', which the file has no header of",
                  "compose");
    form.cells.push_back(static_cast<std::size_t>(found - headers.begin()));
    at = close + 1;
  }
  return form;
}

std::string CellTemplate::compose(const std::vector<std::string>& row, std::int64_t line) const {
  if (cells.empty()) return literals.front();
  std::string text;
  bool any = false;
  for (std::size_t part = 0; part < cells.size(); ++part) {
    const std::string value = cells[part] == kLine ? std::to_string(line) : std::string(trim(row[cells[part]]));
    if (value.empty()) continue;
    if (any) text += literals[part];
    text += value;
    any = true;
  }
  return any ? literals.front() + text + literals.back() : std::string();
}

RowMapper::RowMapper(RecordKind kind, const std::vector<std::string>& headers,
                     const std::map<std::string, std::string>& chosen, const std::vector<CustomField>& custom_fields,
                     std::string base_currency, CellPolicy policy,
                     const std::map<std::string, std::map<std::string, std::string>>& values,
                     const std::map<std::string, std::string>& composed)
    : kind_(kind), headers_(headers), base_currency_(std::move(base_currency)), policy_(policy) {
  for (const auto& [header, column] : chosen)
    if (std::find(headers.begin(), headers.end(), header) == headers.end())
      throw Error(ErrorCode::invalid_argument, "import.columns: the file has no header '" + header + "'", "columns");
  for (const auto& [header, replacements] : values)
    if (std::find(headers.begin(), headers.end(), header) == headers.end())
      throw Error(ErrorCode::invalid_argument, "import.values: the file has no header '" + header + "'", "values");
  for (std::size_t index = 0; index < headers.size(); ++index) {
    const std::string& header = headers[index];
    if (auto entry = chosen.find(header); entry != chosen.end()) {
      if (entry->second.empty())
        ignored_.push_back(header);
      else
        bindings_.push_back(chosen_binding(kind, index, header, entry->second, custom_fields));
    } else if (auto column = column_for_header(kind, header)) {
      bindings_.push_back({index, header, *column, std::nullopt});
    } else if (auto custom = custom_named(custom_fields, header)) {
      bindings_.push_back({index, header, custom->name, custom});
    } else if (!is_blank(header)) {
      ignored_.push_back(header);
    }
  }
  for (const auto& [column, text] : composed) {
    templates_.push_back(CellTemplate::parse(text, headers));
    bindings_.push_back(chosen_binding(kind, headers.size() + templates_.size() - 1, text, column, custom_fields));
  }
  for (ColumnBinding& binding : bindings_) {
    if (auto found = values.find(binding.header); found != values.end())
      for (const auto& [from, to] : found->second) binding.values[casefold(trim(from))] = to;
    binding.required = binding.custom ? binding.custom->required : is_required_column(kind, binding.column);
    binding.dated = binding.custom ? binding.custom->type == CustomFieldType::date : is_dated_column(kind, binding.column);
  }
}

namespace {

bool is_left_out(const std::vector<std::size_t>& left_out, std::size_t position) {
  return std::find(left_out.begin(), left_out.end(), position) != left_out.end();
}

// The text of `binding`'s cell in `cells`, after the replacements of ImportOptions::values.
const std::string& cell_text(const ColumnBinding& binding, const std::vector<std::string>& cells) {
  const std::string& text = cells[binding.index];
  if (binding.values.empty() || is_blank(text) || !is_valid_utf8(text)) return text;
  const auto found = binding.values.find(casefold(trim(text)));
  return found == binding.values.end() ? text : found->second;
}

}  // namespace

void RowMapper::apply_cells(const std::vector<std::string>& cells, RecordDraft& draft, bool replace_lists,
                            const std::vector<std::size_t>& left_out) const {
  auto skipped = [&](std::size_t position) {
    return is_blank(cell_text(bindings_[position], cells)) || is_left_out(left_out, position);
  };
  if (replace_lists)
    for (std::size_t position = 0; position < bindings_.size(); ++position)
      if (!bindings_[position].custom && !skipped(position)) clear_list(draft, bindings_[position].column);
  for (std::size_t position = 0; position < bindings_.size(); ++position) {
    if (skipped(position)) continue;
    const ColumnBinding& binding = bindings_[position];
    const std::string cell = read_formula_cell(cell_text(binding, cells));
    draft.slash_dates = binding.slash_dates;
    try {
      if (binding.custom)
        apply_custom(draft, *binding.custom, cell);
      else
        apply_column(draft, binding.column, cell);
    } catch (const Error& error) {
      throw Error(error.code(), error.what(), binding.header);
    }
  }
  try {
    finish_draft(draft);
  } catch (const Error& error) {
    throw Error(error.code(), error.what(), header_of(error.field()));
  }
}

std::string RowMapper::header_of(std::string_view column) const {
  for (const ColumnBinding& binding : bindings_)
    if (binding.header == column) return binding.header;  // already a header
  for (const ColumnBinding& binding : bindings_)
    if (binding.column == column || (binding.column.starts_with(column) && binding.column[column.size()] == '_'))
      return binding.header;
  return std::string(column);
}

void RowMapper::prepare(CsvRecord& record, PreparedRow& row) const {
  row.line = record.line;
  row.issue.reset();
  row.left_out.clear();
  row.warnings.clear();
  row.unreadable_phones.clear();
  row.draft = new_draft(kind_, base_currency_);
  row.cells = std::move(record.fields);
  if (!record.error.empty()) {
    const std::size_t at = static_cast<std::size_t>(std::max(record.error_column, 1)) - 1;
    row.issue = ImportIssue{row.line, at < headers_.size() ? headers_[at] : std::string(), record.error};
    return;
  }
  if (row.cells.size() != headers_.size()) {
    row.issue = ImportIssue{row.line, "",
                            "the row has " + std::to_string(row.cells.size()) + " cells, the header has " +
                                std::to_string(headers_.size())};
    return;
  }
  for (const CellTemplate& form : templates_) row.cells.push_back(form.compose(row.cells, row.line));
  rebuild(row);
}

void RowMapper::rebuild(PreparedRow& row) const {
  for (;;) {
    row.draft = new_draft(kind_, base_currency_);
    try {
      apply_cells(row.cells, row.draft, false, row.left_out);
      return;
    } catch (const Error& error) {
      const ImportIssue issue{row.line, error.field(), error.what()};
      if (!leave_out(row, issue)) {
        row.issue = issue;
        return;
      }
    }
  }
}

bool RowMapper::leave_out(PreparedRow& row, const ImportIssue& issue, std::string_view key_header) const {
  if (policy_ != CellPolicy::lenient || issue.column.empty() || issue.column == key_header) return false;
  for (std::size_t position = 0; position < bindings_.size(); ++position) {
    const ColumnBinding& binding = bindings_[position];
    if (binding.header != issue.column || binding.required || is_left_out(row.left_out, position)) continue;
    if (is_blank(cell_text(binding, row.cells))) continue;
    row.left_out.push_back(position);
    row.warnings.push_back(issue);
    return true;
  }
  return false;
}

void RowMapper::apply_over(const std::vector<std::string>& cells, RecordDraft& draft,
                           const std::vector<std::size_t>& left_out) const {
  apply_cells(cells, draft, true, left_out);
}

}  // namespace crm::detail
