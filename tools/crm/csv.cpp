#include "csv.hpp"

#include <string_view>

namespace crm::cli {
namespace {

bool is_blank(char c) { return c == ' ' || c == '\t'; }

bool needs_quotes(std::string_view field) {
  if (field.empty()) return false;
  return is_blank(field.front()) || is_blank(field.back()) || field.find_first_of(",\"\r\n") != std::string_view::npos;
}

void write_field(std::string_view field, std::ostream& out) {
  if (!needs_quotes(field)) {
    out << field;
    return;
  }
  out << '"';
  for (char c : field) out << (c == '"' ? "\"\"" : std::string_view(&c, 1));
  out << '"';
}

}  // namespace

void write_csv_row(const std::vector<std::string>& fields, std::ostream& out) {
  if (fields.size() == 1 && fields.front().empty()) {
    out << "\"\"\r\n";
    return;
  }
  for (std::size_t i = 0; i < fields.size(); ++i) {
    if (i > 0) out << ',';
    write_field(fields[i], out);
  }
  out << "\r\n";
}

}  // namespace crm::cli
