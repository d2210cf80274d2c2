#include "common/fields.hpp"

#include <unordered_set>

#include "common/country.hpp"
#include "crm/error.hpp"
#include "text/unicode.hpp"

namespace crm::detail {
namespace {

[[noreturn]] void refuse(std::string_view field, std::string_view value, std::string_view problem) {
  throw Error(ErrorCode::invalid_argument,
              std::string(field) + ": " + quote(value) + " " + std::string(problem), std::string(field));
}

bool is_ascii_alnum(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

bool valid_domain(std::string_view domain) {
  if (domain.empty() || domain.size() > 253 || domain.find('.') == std::string_view::npos) return false;
  std::size_t start = 0;
  while (start <= domain.size()) {
    std::size_t end = domain.find('.', start);
    if (end == std::string_view::npos) end = domain.size();
    const std::string_view label = domain.substr(start, end - start);
    if (label.empty() || label.size() > 63 || label.front() == '-' || label.back() == '-') return false;
    for (char c : label)
      if (static_cast<unsigned char>(c) < 0x80 && !is_ascii_alnum(c) && c != '-') return false;
    start = end + 1;
  }
  return true;
}

bool valid_local_part(std::string_view local) {
  if (local.empty() || local.size() > 64 || local.front() == '.' || local.back() == '.' ||
      local.find("..") != std::string_view::npos)
    return false;
  constexpr std::string_view specials = "!#$%&'*+-/=?^_`{|}~.";
  for (char c : local)
    if (static_cast<unsigned char>(c) < 0x80 && !is_ascii_alnum(c) && specials.find(c) == std::string_view::npos)
      return false;
  return true;
}

}  // namespace

std::string quote(std::string_view value) {
  constexpr std::size_t kLimit = 80;
  std::size_t cut = value.size();
  if (cut > kLimit) {
    cut = kLimit;
    while (cut > 0 && (static_cast<unsigned char>(value[cut]) & 0xC0) == 0x80) --cut;  // whole code points
  }
  std::string quoted;
  quoted.reserve(cut + 5);
  quoted.append(1, '\'').append(value.substr(0, cut)).append(cut < value.size() ? "...'" : "'");
  return quoted;
}

std::string clean_line(std::string_view value, std::string_view field, std::size_t max_bytes) {
  std::string text = to_nfc(value, field);
  std::string trimmed(trim(text));
  if (has_control_character(trimmed)) refuse(field, value, "contains a control character (a line break?)");
  check_length(field, trimmed.size(), max_bytes);
  return trimmed;
}

std::string require_line(std::string_view value, std::string_view field, std::size_t max_bytes) {
  std::string text = clean_line(value, field, max_bytes);
  if (text.empty())
    throw Error(ErrorCode::invalid_argument, std::string(field) + ": must not be empty", std::string(field));
  return text;
}

std::string clean_text(std::string_view value, std::string_view field) {
  std::string text = to_nfc(value, field);
  while (!text.empty() && (text.back() == ' ' || text.back() == '\n' || text.back() == '\t' || text.back() == '\r'))
    text.pop_back();
  if (has_control_character(text, "\n\t\r")) refuse(field, value, "contains a control character");
  check_length(field, text.size(), kMaxTextBytes);
  return text;
}

std::string clean_ref(std::string_view value, std::string_view field) {
  return clean_line(value, field, kMaxExternalRefBytes);
}

std::string clean_email(std::string_view value, std::string_view field) {
  std::string email = clean_line(value, field);
  if (email.empty()) return email;
  const auto at = email.find('@');
  const bool shaped = at != std::string::npos && email.find('@', at + 1) == std::string::npos &&
                      !has_space_or_invisible(email) &&
                      valid_local_part(std::string_view(email).substr(0, at)) &&
                      valid_domain(std::string_view(email).substr(at + 1));
  if (!shaped) refuse(field, value, "is not a valid email address");
  return email;
}

std::string clean_country(std::string_view value, std::string_view field) {
  std::string code = clean_line(value, field);
  if (code.empty()) return code;
  if (code.size() == 2) {  // the common case: an alpha-2 code, in either case
    std::string upper = code;
    for (char& c : upper)
      if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
    if (is_country_code(upper)) return upper;
  }
  CountryMatch match = find_country(code);
  if (!match.code.empty()) return match.code;
  std::string list;
  for (std::size_t i = 0; i < match.candidates.size(); ++i)
    list += (i == 0 ? "" : i + 1 == match.candidates.size() ? (match.ambiguous ? " or " : " and ") : ", ") +
            match.candidates[i];
  if (match.ambiguous) refuse(field, value, "could be " + list + "; write the country code");
  refuse(field, value, "is not a country (an ISO 3166-1 code or a country's name); the nearest are " + list);
}

std::string clean_language(std::string_view value, std::string_view field) {
  std::string tag = clean_line(value, field);
  if (tag.empty()) return tag;
  // primary language: 2-3 letters, then subtags of 1-8 letters or digits
  std::size_t start = 0;
  bool first = true;
  while (start <= tag.size()) {
    std::size_t end = tag.find('-', start);
    if (end == std::string::npos) end = tag.size();
    const std::string_view part = std::string_view(tag).substr(start, end - start);
    bool ok = first ? part.size() >= 2 && part.size() <= 3 : !part.empty() && part.size() <= 8;
    for (char c : part) ok = ok && is_ascii_alnum(c) && (!first || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'));
    if (!ok) refuse(field, value, "is not a language tag such as 'lv', 'de' or 'en-GB'");
    first = false;
    start = end + 1;
  }
  for (std::size_t i = 0; i < tag.size() && tag[i] != '-'; ++i)
    if (tag[i] >= 'A' && tag[i] <= 'Z') tag[i] = static_cast<char>(tag[i] - 'A' + 'a');
  return tag;
}

std::vector<std::string> clean_tags(const std::vector<std::string>& tags, std::string_view field) {
  std::vector<std::string> result;
  std::unordered_set<std::string> seen;
  for (std::size_t i = 0; i < tags.size(); ++i) {
    const std::string where = std::string(field) + "[" + std::to_string(i) + "]";
    std::string tag = require_line(tags[i], where, kMaxTagBytes);
    if (seen.insert(casefold(tag)).second) result.push_back(std::move(tag));
  }
  return result;
}

}  // namespace crm::detail
