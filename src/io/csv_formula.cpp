#include "io/csv_formula.hpp"

namespace crm::detail {
namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }

// `text` without its leading "'" characters.
std::string_view after_quotes(std::string_view text) {
  const std::size_t at = text.find_first_not_of('\'');
  return at == std::string_view::npos ? std::string_view() : text.substr(at);
}

}  // namespace

bool is_formula_trigger(char c) noexcept {
  return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r';
}

bool is_harmless_number(std::string_view cell) noexcept {
  if (!cell.empty() && (cell.front() == '+' || cell.front() == '-')) cell.remove_prefix(1);
  bool digit = false;
  for (char c : cell) {
    if (is_digit(c)) digit = true;
    else if (c != ' ' && c != '.' && c != ',' && c != '(' && c != ')' && c != '/' && c != '-') return false;
  }
  return digit;
}

std::string escape_formula(std::string_view value) {
  const std::string_view rest = after_quotes(value);
  const bool quoted = rest.size() != value.size();
  if (rest.empty() || !is_formula_trigger(rest.front()) || (!quoted && is_harmless_number(value)))
    return std::string(value);
  std::string cell;
  cell.reserve(value.size() + 1);
  cell.append(1, '\'').append(value);
  return cell;
}

std::string read_formula_cell(std::string_view cell) {
  if (cell.empty()) return {};
  if (cell.front() == '\'') {
    const std::string_view rest = after_quotes(cell);
    if (!rest.empty() && is_formula_trigger(rest.front())) return std::string(cell.substr(1));
    return std::string(cell);
  }
  if (cell.front() != '\t' && cell.front() != '\r') return std::string(cell);
  const std::size_t at = cell.find_first_not_of(" \t\r\n");
  if (at == std::string_view::npos) return std::string(cell);
  const std::string_view rest = cell.substr(at);
  const char c = rest.front();
  if ((c != '=' && c != '+' && c != '-' && c != '@') || is_harmless_number(rest)) return std::string(cell);
  std::string value;
  value.reserve(rest.size() + 1);
  value.append(1, '\'').append(rest);
  return value;
}

}  // namespace crm::detail
