#include "text/unicode.hpp"

#include <cstdlib>
#include <memory>

#include <utf8proc.h>

#include "crm/error.hpp"
#include "crm/text.hpp"

namespace crm::detail {
namespace {

const utf8proc_uint8_t* bytes(std::string_view text) {
  return reinterpret_cast<const utf8proc_uint8_t*>(text.data());
}

// Runs utf8proc_map with `options`; nullopt-like empty + false on invalid input.
bool map(std::string_view text, int options, std::string& out) {
  utf8proc_uint8_t* result = nullptr;
  const utf8proc_ssize_t length =
      utf8proc_map(bytes(text), static_cast<utf8proc_ssize_t>(text.size()), &result,
                   static_cast<utf8proc_option_t>(options));
  if (length < 0) return false;
  std::unique_ptr<utf8proc_uint8_t, decltype(&std::free)> owned(result, &std::free);
  out.assign(reinterpret_cast<const char*>(result), static_cast<std::size_t>(length));
  return true;
}

bool is_space(utf8proc_int32_t cp) {
  return cp == ' ' || (cp >= '\t' && cp <= '\r') ||
         utf8proc_category(cp) == UTF8PROC_CATEGORY_ZS;
}

constexpr int kCompose = UTF8PROC_STABLE | UTF8PROC_COMPOSE;

}  // namespace

bool is_ascii(std::string_view text) noexcept {
  for (unsigned char c : text)
    if (c >= 0x80) return false;
  return true;
}

bool is_valid_utf8(std::string_view text) noexcept {
  utf8proc_ssize_t pos = 0;
  const auto size = static_cast<utf8proc_ssize_t>(text.size());
  while (pos < size) {
    if (static_cast<unsigned char>(text[pos]) < 0x80) {
      if (text[pos] == '\0') return false;
      ++pos;
      continue;
    }
    utf8proc_int32_t cp = 0;
    const utf8proc_ssize_t n = utf8proc_iterate(bytes(text) + pos, size - pos, &cp);
    if (n <= 0 || cp < 0) return false;
    pos += n;
  }
  return true;
}

std::string to_nfc(std::string_view text, std::string_view field) {
  if (!is_valid_utf8(text))
    throw Error(ErrorCode::invalid_argument, std::string(field) + ": text is not valid UTF-8",
                std::string(field));
  if (is_ascii(text)) return std::string(text);
  std::string out;
  map(text, kCompose, out);
  return out;
}

std::string_view trim(std::string_view text) noexcept {
  if (is_ascii(text)) {
    constexpr std::string_view spaces = " \t\n\v\f\r";
    const auto begin = text.find_first_not_of(spaces);
    if (begin == std::string_view::npos) return {};
    return text.substr(begin, text.find_last_not_of(spaces) - begin + 1);
  }
  const auto size = static_cast<utf8proc_ssize_t>(text.size());
  utf8proc_ssize_t begin = 0;
  utf8proc_ssize_t end = 0;  // one past the last non-space code point
  bool seen = false;
  for (utf8proc_ssize_t pos = 0; pos < size;) {
    utf8proc_int32_t cp = 0;
    utf8proc_ssize_t n = utf8proc_iterate(bytes(text) + pos, size - pos, &cp);
    if (n <= 0) n = 1, cp = 0xFFFD;  // invalid bytes count as content
    if (!is_space(cp)) {
      if (!seen) begin = pos, seen = true;
      end = pos + n;
    }
    pos += n;
  }
  return seen ? text.substr(static_cast<std::size_t>(begin), static_cast<std::size_t>(end - begin))
              : std::string_view{};
}

std::string casefold(std::string_view text) {
  if (is_ascii(text)) {
    std::string out(text);
    for (char& c : out)
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return out;
  }
  std::string out;
  if (!map(text, kCompose | UTF8PROC_CASEFOLD, out)) return std::string(text);
  return out;
}

std::string match_key(std::string_view text) {
  std::string folded;
  if (is_ascii(text)) {
    folded = casefold(text);
  } else if (!map(text, kCompose | UTF8PROC_CASEFOLD | UTF8PROC_STRIPMARK | UTF8PROC_IGNORE | UTF8PROC_LUMP,
                  folded)) {
    folded = text;
  }
  std::string out;
  out.reserve(folded.size());
  bool pending_space = false;
  const auto size = static_cast<utf8proc_ssize_t>(folded.size());
  for (utf8proc_ssize_t pos = 0; pos < size;) {
    utf8proc_int32_t cp = 0;
    utf8proc_ssize_t n = utf8proc_iterate(bytes(folded) + pos, size - pos, &cp);
    if (n <= 0) n = 1, cp = 0xFFFD;
    if (is_space(cp)) {
      pending_space = !out.empty();
    } else {
      if (pending_space) out.push_back(' ');
      pending_space = false;
      out.append(folded, static_cast<std::size_t>(pos), static_cast<std::size_t>(n));
    }
    pos += n;
  }
  return out;
}

bool has_control_character(std::string_view text, std::string_view allowed) noexcept {
  if (is_ascii(text)) {
    for (char c : text)
      if ((c < 0x20 || c == 0x7F) && allowed.find(c) == std::string_view::npos) return true;
    return false;
  }
  const auto size = static_cast<utf8proc_ssize_t>(text.size());
  for (utf8proc_ssize_t pos = 0; pos < size;) {
    utf8proc_int32_t cp = 0;
    utf8proc_ssize_t n = utf8proc_iterate(bytes(text) + pos, size - pos, &cp);
    if (n <= 0) return true;
    const bool control = cp < 0x20 || (cp >= 0x7F && cp <= 0x9F) || cp == 0x2028 || cp == 0x2029 ||
                         (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069);
    if (control && !(cp < 0x80 && allowed.find(static_cast<char>(cp)) != std::string_view::npos))
      return true;
    pos += n;
  }
  return false;
}

}  // namespace crm::detail

namespace crm::detail {

bool has_space_or_invisible(std::string_view text) noexcept {
  if (is_ascii(text)) {
    for (char c : text)
      if (static_cast<unsigned char>(c) <= 0x20 || c == 0x7F) return true;
    return false;
  }
  const auto size = static_cast<utf8proc_ssize_t>(text.size());
  for (utf8proc_ssize_t pos = 0; pos < size;) {
    utf8proc_int32_t cp = 0;
    const utf8proc_ssize_t n = utf8proc_iterate(bytes(text) + pos, size - pos, &cp);
    if (n <= 0) return true;
    switch (utf8proc_category(cp)) {
      case UTF8PROC_CATEGORY_ZS:
      case UTF8PROC_CATEGORY_ZL:
      case UTF8PROC_CATEGORY_ZP:
      case UTF8PROC_CATEGORY_CC:
      case UTF8PROC_CATEGORY_CF:
      case UTF8PROC_CATEGORY_CS:
      case UTF8PROC_CATEGORY_CO:
      case UTF8PROC_CATEGORY_CN: return true;
      default: break;
    }
    pos += n;
  }
  return false;
}

}  // namespace crm::detail

namespace crm {

bool is_valid_utf8(std::string_view text) noexcept { return detail::is_valid_utf8(text); }

void check_utf8(std::string_view text, std::string_view field) {
  if (!is_valid_utf8(text))
    throw Error(ErrorCode::invalid_argument, std::string(field) + ": text is not valid UTF-8", std::string(field));
}

}  // namespace crm
