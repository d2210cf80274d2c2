#include "search/match_expression.hpp"

#include <algorithm>
#include <vector>

#include <utf8proc.h>

#include "common/phone.hpp"
#include "crm/error.hpp"
#include "crm/limits.hpp"
#include "search/spelling_variants.hpp"
#include "text/latin_key.hpp"

namespace crm::detail {
namespace {

constexpr std::size_t kMinPhoneDigits = 6;

// Code points of valid UTF-8 `text`, each with its bytes.
template <class Visit>
void for_each_code_point(std::string_view text, Visit visit) {
  const auto* bytes = reinterpret_cast<const utf8proc_uint8_t*>(text.data());
  const auto size = static_cast<utf8proc_ssize_t>(text.size());
  for (utf8proc_ssize_t pos = 0; pos < size;) {
    utf8proc_int32_t cp = 0;
    const utf8proc_ssize_t n = utf8proc_iterate(bytes + pos, size - pos, &cp);
    if (n <= 0) return;
    visit(cp, text.substr(static_cast<std::size_t>(pos), static_cast<std::size_t>(n)));
    pos += n;
  }
}

bool is_space(utf8proc_int32_t cp) {
  if (cp == ' ' || (cp >= '\t' && cp <= '\r')) return true;
  const auto category = utf8proc_category(cp);
  return category == UTF8PROC_CATEGORY_ZS || category == UTF8PROC_CATEGORY_ZL || category == UTF8PROC_CATEGORY_ZP;
}

// Characters unicode61 keeps in tokens: letters, numbers and private use
// (the categories "L* N* Co"). A word without one is no token at all.
bool is_token_character(utf8proc_int32_t cp) {
  switch (utf8proc_category(cp)) {
    case UTF8PROC_CATEGORY_LU:
    case UTF8PROC_CATEGORY_LL:
    case UTF8PROC_CATEGORY_LT:
    case UTF8PROC_CATEGORY_LM:
    case UTF8PROC_CATEGORY_LO:
    case UTF8PROC_CATEGORY_ND:
    case UTF8PROC_CATEGORY_NL:
    case UTF8PROC_CATEGORY_NO:
    case UTF8PROC_CATEGORY_CO: return true;
    default: return false;
  }
}

bool has_token_character(std::string_view word) {
  bool found = false;
  for_each_code_point(word, [&](utf8proc_int32_t cp, std::string_view) { found = found || is_token_character(cp); });
  return found;
}

std::vector<std::string_view> words_of(std::string_view text) {
  std::vector<std::string_view> words;
  std::size_t start = std::string_view::npos;
  std::size_t offset = 0;
  for_each_code_point(text, [&](utf8proc_int32_t cp, std::string_view bytes) {
    if (is_space(cp)) {
      if (start != std::string_view::npos) words.push_back(text.substr(start, offset - start));
      start = std::string_view::npos;
    } else if (start == std::string_view::npos) {
      start = offset;
    }
    offset += bytes.size();
  });
  if (start != std::string_view::npos) words.push_back(text.substr(start));
  return words;
}

// `text` as an FTS5 string: in double quotes, its double quotes doubled.
std::string quoted(std::string_view text, bool prefix) {
  std::string out = "\"";
  for (char c : text) out += c == '"' ? std::string("\"\"") : std::string(1, c);
  return out + (prefix ? "\"*" : "\"");
}

// "a" alone, or ("a" OR "b" OR ...) for several alternatives.
std::string any_of(const std::vector<std::string>& alternatives) {
  if (alternatives.size() == 1) return alternatives.front();
  std::string out = "(";
  for (std::size_t i = 0; i < alternatives.size(); ++i) out += (i ? " OR " : "") + alternatives[i];
  return out + ")";
}

// One word, without its trailing '*'s when they ask for a prefix search;
// "" when it has no letter or digit.
std::string word_expression(std::string_view word) {
  const std::size_t stars = word.size() - std::min(word.size(), word.find_last_not_of('*') + 1);
  const bool prefix = stars > 0;
  word.remove_suffix(stars);
  if (!has_token_character(word)) return {};
  std::vector<std::string> alternatives;
  for (const std::string& spelling : spelling_variants(word)) alternatives.push_back(quoted(spelling, prefix));
  // Its ASCII Latin spelling finds the names whose indexed Latin spelling
  // (the index's latin column) or plain title has it: "шевченко" finds
  // Shevchenko, "Kozłowski" finds Kozlowski, "Müller" finds Mueller.
  if (const std::string latin = distinct_latin_key(word); !latin.empty()) {
    std::string term = quoted(latin, prefix);
    if (std::find(alternatives.begin(), alternatives.end(), term) == alternatives.end())
      alternatives.push_back(std::move(term));
  }
  return any_of(alternatives);
}

std::string digits_of(std::string_view text) {
  std::string digits;
  for (char c : text)
    if (c >= '0' && c <= '9') digits += c;
  return digits;
}

// A phone number: its E.164 digits, all its digits, and its digit groups in
// sequence (as a number stored in that written form is indexed).
std::string phone_expression(std::string_view text, const PhoneNormalizer& phones) {
  std::vector<std::string> alternatives;
  const auto add = [&](const std::string& term) {
    if (std::find(alternatives.begin(), alternatives.end(), term) == alternatives.end()) alternatives.push_back(term);
  };
  if (const auto e164 = phones.to_e164(text)) add(quoted(digits_of(*e164), false));
  add(quoted(digits_of(text), false));
  add(quoted(text, false));
  return any_of(alternatives);
}

}  // namespace

bool looks_like_phone_number(std::string_view text) noexcept {
  std::size_t digits = 0;
  for (char c : text) {
    if (c >= '0' && c <= '9')
      ++digits;
    else if (std::string_view("+()-. \t").find(c) == std::string_view::npos)
      return false;
  }
  return digits >= kMinPhoneDigits;
}

std::string match_expression(std::string_view text, const PhoneNormalizer& phones) {
  if (looks_like_phone_number(text)) return phone_expression(text, phones);
  const std::vector<std::string_view> words = words_of(text);
  if (words.size() > kMaxSearchTerms)
    throw Error(ErrorCode::invalid_argument,
                "text: " + std::to_string(words.size()) + " words; at most " + std::to_string(kMaxSearchTerms),
                "text");
  std::string expression;
  for (std::string_view word : words) {
    std::string term = word_expression(word);
    if (term.empty()) continue;
    expression += (expression.empty() ? "" : " AND ") + term;
  }
  return expression;
}

}  // namespace crm::detail
