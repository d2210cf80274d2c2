// Surveying the columns of an org's export file that no crmcore column takes.
#include "io/org_columns.hpp"

#include <algorithm>
#include <fstream>

#include "crm/error.hpp"
#include "crm/time.hpp"
#include "io/csv_reader.hpp"

namespace crm::detail {
namespace {

std::string trimmed(const std::string& text) {
  const auto first = text.find_first_not_of(" \t");
  return first == std::string::npos ? std::string() : text.substr(first, text.find_last_not_of(" \t") - first + 1);
}

bool is_ascii_digit(char c) { return c >= '0' && c <= '9'; }
bool is_ascii_letter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

bool reads_as_integer(std::string_view text) {
  if (text.starts_with('-')) text.remove_prefix(1);
  if (text.empty() || text.size() > 18 || (text.size() > 1 && text[0] == '0')) return false;
  return std::all_of(text.begin(), text.end(), is_ascii_digit);
}

bool reads_as_decimal(std::string_view text) {
  if (text.starts_with('-')) text.remove_prefix(1);
  const auto point = text.find('.');
  if (point == std::string_view::npos || point == 0 || point + 1 == text.size()) return false;
  const std::string_view whole = text.substr(0, point);
  const std::string_view fraction = text.substr(point + 1);
  if (whole.size() > 1 && whole[0] == '0') return false;
  if (whole.size() + fraction.size() > 18) return false;
  return std::all_of(whole.begin(), whole.end(), is_ascii_digit) &&
         std::all_of(fraction.begin(), fraction.end(), is_ascii_digit);
}

bool reads_as_iso_date(std::string_view text) {
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return false;
  try {
    parse_date(text);
    return true;
  } catch (const Error&) {
    return false;
  }
}

// What one column's cells have read as so far: each flag stays true while
// every non-blank cell reads as that type.
struct ColumnTypes {
  bool any = false;
  bool integer = true;
  bool decimal = true;
  bool date = true;

  void see(const std::string& cell) {
    const std::string text = trimmed(cell);
    if (text.empty()) return;
    any = true;
    const bool whole = reads_as_integer(text);
    integer = integer && whole;
    decimal = decimal && (whole || reads_as_decimal(text));
    date = date && reads_as_iso_date(text);
  }

  CustomFieldType type() const {
    if (integer) return CustomFieldType::integer;
    if (decimal) return CustomFieldType::decimal;
    if (date) return CustomFieldType::date;
    return CustomFieldType::text;
  }
};

}  // namespace

std::vector<std::string> org_file_headers(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw Error(ErrorCode::io, "import_org: cannot open '" + path + "'", "path");
  CsvReader reader(in, CsvOptions{});
  CsvRecord header;
  if (!reader.next(header)) return {};
  for (std::string& name : header.fields) name = trimmed(name);
  return header.fields;
}

std::map<std::string, CustomFieldType> survey_org_columns(const std::string& path,
                                                          const std::vector<std::string>& headers) {
  std::map<std::string, CustomFieldType> kept;
  if (headers.empty()) return kept;
  std::ifstream in(path, std::ios::binary);
  if (!in) throw Error(ErrorCode::io, "import_org: cannot open '" + path + "'", "path");
  CsvReader reader(in, CsvOptions{});
  CsvRecord record;
  if (!reader.next(record)) return kept;
  std::vector<std::pair<std::size_t, ColumnTypes>> columns;
  for (std::size_t index = 0; index < record.fields.size(); ++index)
    if (std::find(headers.begin(), headers.end(), trimmed(record.fields[index])) != headers.end())
      columns.push_back({index, ColumnTypes{}});
  const std::vector<std::string> names = record.fields;
  while (reader.next(record))
    for (auto& [index, types] : columns)
      if (index < record.fields.size()) types.see(record.fields[index]);
  for (const auto& [index, types] : columns)
    if (types.any) kept.emplace(trimmed(names[index]), types.type());
  return kept;
}

std::string custom_field_name_for_header(std::string_view header) {
  std::string name;
  bool gap = false;
  for (const char c : header) {
    if (is_ascii_letter(c) || is_ascii_digit(c)) {
      if (gap && !name.empty()) name += '_';
      name += static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c);
      gap = false;
    } else {
      gap = true;
    }
  }
  if (name.empty())
    throw Error(ErrorCode::invalid_argument,
                "import_org: header '" + std::string(header) + "' has no letter or digit to name a custom field", "header");
  if (!is_ascii_letter(name[0])) name = "f_" + name;
  if (name.size() > 64) name.resize(64);
  while (name.ends_with('_')) name.pop_back();
  return name;
}

}  // namespace crm::detail
