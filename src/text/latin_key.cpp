#include "text/latin_key.hpp"

#include <memory>

#include <unicode/translit.h>
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

}  // namespace

std::string latin_key(std::string_view text) {
  if (is_ascii(text)) return match_key(text);
  auto unicode = icu::UnicodeString::fromUTF8(icu::StringPiece(text.data(), static_cast<std::int32_t>(text.size())));
  transliterator().transliterate(unicode);
  std::string latin;
  unicode.toUTF8String(latin);
  return match_key(latin);
}

std::string distinct_latin_key(std::string_view text) {
  if (is_ascii(text)) return {};
  std::string latin = latin_key(text);
  return latin == match_key(text) ? std::string() : latin;
}

}  // namespace crm::detail
