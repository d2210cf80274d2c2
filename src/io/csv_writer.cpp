#include "io/csv_writer.hpp"

#include "crm/error.hpp"
#include "io/csv_delimiter.hpp"

namespace crm::detail {
namespace {

bool is_blank(char c) { return c == ' ' || c == '\t'; }

void require_fields(std::size_t count) {
  if (count == 0) throw Error(ErrorCode::invalid_argument, "export: a CSV row needs at least one field", "fields");
}

}  // namespace

CsvWriter::CsvWriter(std::ostream& out, char delimiter) : out_(out), delimiter_(delimiter) {
  require_csv_delimiter(delimiter);
}

void CsvWriter::write_row(const std::vector<std::string>& fields) {
  require_fields(fields.size());
  row_.clear();
  for (std::size_t i = 0; i < fields.size(); ++i) append_field(fields[i], i == 0);
  finish_row(fields.size());
}

void CsvWriter::write_row(std::span<const std::string_view> fields) {
  require_fields(fields.size());
  row_.clear();
  for (std::size_t i = 0; i < fields.size(); ++i) append_field(fields[i], i == 0);
  finish_row(fields.size());
}

void CsvWriter::append_field(std::string_view field, bool first) {
  if (!first) row_.push_back(delimiter_);
  if (!needs_quotes(field)) {
    row_.append(field);
    return;
  }
  row_.push_back('"');
  for (char c : field) {
    if (c == '"') row_.push_back('"');
    row_.push_back(c);
  }
  row_.push_back('"');
}

bool CsvWriter::needs_quotes(std::string_view field) const noexcept {
  if (field.empty()) return false;
  if (is_blank(field.front()) || is_blank(field.back())) return true;
  for (char c : field)
    if (c == delimiter_ || c == '"' || c == '\r' || c == '\n') return true;
  return false;
}

void CsvWriter::finish_row(std::size_t field_count) {
  if (field_count == 1 && row_.empty()) row_ = "\"\"";
  row_.append("\r\n");
  out_.write(row_.data(), static_cast<std::streamsize>(row_.size()));
  if (!out_) throw Error(ErrorCode::io, "export: writing the CSV file failed");
}

}  // namespace crm::detail
