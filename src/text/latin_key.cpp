#include "text/latin_key.hpp"

#include <cstdlib>
#include <memory>
#include <new>

#include <unicode/translit.h>
#include <utf8proc.h>
#include <unicode/unistr.h>

#include "crm/error.hpp"
#include "text/unicode.hpp"

namespace crm::detail {
namespace {

// An ICU Transliterator may not be used by two threads at once, and making
// one parses its rules (about a millisecond): each thread makes its own once.
icu::Transliterator& transliterator() {
  thread_local const std::unique_ptr<icu::Transliterator> instance = [] {
    UErrorCode status = U_ZERO_ERROR;
    const auto id = icu::UnicodeString::fromUTF8(
        icu::StringPiece(kLatinKeyTransform.data(), static_cast<std::int32_t>(kLatinKeyTransform.size())));
    std::unique_ptr<icu::Transliterator> made(icu::Transliterator::createInstance(id, UTRANS_FORWARD, status));
    if (U_FAILURE(status) || !made)
      throw Error(ErrorCode::io, std::string("ICU cannot make the transliterator \"") +
                                     std::string(kLatinKeyTransform) + "\": " + u_errorName(status));
    return made;
  }();
  return *instance;
}

// True when a letter of valid UTF-8 `text` has a diaeresis (U+0308 in its
// canonical decomposition: ä, ö, ü, ë, ...).
bool has_diaeresis(std::string_view text) {
  utf8proc_uint8_t* decomposed = nullptr;
  const utf8proc_ssize_t length =
      utf8proc_map(reinterpret_cast<const utf8proc_uint8_t*>(text.data()), static_cast<utf8proc_ssize_t>(text.size()),
                   &decomposed, static_cast<utf8proc_option_t>(UTF8PROC_STABLE | UTF8PROC_DECOMPOSE));
  if (length < 0) return true;  // let ICU decide
  const std::unique_ptr<utf8proc_uint8_t, decltype(&std::free)> owned(decomposed, &std::free);
  return std::string_view(reinterpret_cast<const char*>(decomposed), static_cast<std::size_t>(length))
             .find("\xCC\x88") != std::string_view::npos;
}

}  // namespace

std::string latin_key(std::string_view text) {
  if (is_ascii(text)) return match_key(text);
  auto unicode = icu::UnicodeString::fromUTF8(icu::StringPiece(text.data(), static_cast<std::int32_t>(text.size())));
  transliterator().transliterate(unicode);
  if (unicode.isBogus()) throw std::bad_alloc();  // ICU could not allocate
  std::string latin;
  unicode.toUTF8String(latin);
  return match_key(latin);
}

std::string distinct_latin_key(std::string_view text) {
  if (is_ascii(text)) return {};
  const std::string key = match_key(text);
  if (is_ascii(key) && !has_diaeresis(text)) return {};
  std::string latin = latin_key(text);
  return latin == key ? std::string() : latin;
}

}  // namespace crm::detail
