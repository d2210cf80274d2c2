// column_for_header(): which column a header of a spreadsheet or of another
// CRM's export fills, by its name: the header aliases of the record
// descriptors (include/crm/record_fields.hpp).
#include <map>
#include <string>
#include <vector>

#include "crm/record_fields.hpp"
#include "io/record_columns.hpp"
#include "text/unicode.hpp"

namespace crm::detail {
namespace {

/// A header as compared: case-folded, with ASCII punctuation and spaces
/// left out ("E-mail Address" and "email_address" are both "emailaddress").
std::string header_key(std::string_view header) {
  std::string key;
  const std::string folded = is_valid_utf8(header) ? casefold(trim(header)) : std::string();
  for (char c : folded) {
    const auto byte = static_cast<unsigned char>(c);
    if (byte >= 0x80 || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) key += c;
  }
  return key;
}

/// Header key to column for `kind`: its own column names first, then each
/// column of the record descriptors with its header aliases.
std::map<std::string, std::string> header_table(RecordKind kind) {
  std::map<std::string, std::string> table;
  for (const std::string& column : column_names(kind)) table.emplace(header_key(column), column);
  for (const FieldInfo& field : record_fields(kind))
    for (const CsvColumn& column : field.csv) {
      table.emplace(header_key(column.name), std::string(column.name));
      for (std::string_view header : column.aliases) table.emplace(header_key(header), std::string(column.name));
    }
  return table;
}

const std::map<std::string, std::string>& header_table_of(RecordKind kind) {
  static const std::map<std::string, std::string> tables[] = {
      header_table(RecordKind::account), header_table(RecordKind::contact), header_table(RecordKind::lead),
      header_table(RecordKind::opportunity), header_table(RecordKind::activity)};
  return tables[static_cast<std::size_t>(kind)];
}

}  // namespace

std::optional<std::string> column_for_header(RecordKind kind, std::string_view header) {
  const auto& table = header_table_of(kind);
  const auto found = table.find(header_key(header));
  if (found == table.end()) return std::nullopt;
  return found->second;
}

}  // namespace crm::detail
