// Search text as an FTS5 MATCH expression. The text never reaches FTS5's
// query syntax: every word becomes a quoted FTS5 string (so quotes, AND, OR,
// NOT, NEAR, "column:", parentheses and '^' are only characters that the
// tokenizer drops or keeps as text), and the words are joined with AND.
#pragma once

#include <string>
#include <string_view>

namespace crm::detail {

class PhoneNormalizer;

/// The expression that finds what Search::find() documents for `text`
/// (valid UTF-8 in NFC): each word, as its spelling variants, quoted; a
/// trailing '*' kept as a prefix search; phone-number text as its E.164
/// digits (normalized with `phones`), its digits and its groups of digits.
/// "" when no word has a letter or digit. Throws Error(invalid_argument)
/// naming "text" for more than kMaxSearchTerms words.
std::string match_expression(std::string_view text, const PhoneNormalizer& phones);

/// True for text written as a phone number: only digits, white space and
/// "+()-.", with at least 6 digits.
bool looks_like_phone_number(std::string_view text) noexcept;

}  // namespace crm::detail
