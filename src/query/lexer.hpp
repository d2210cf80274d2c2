// The segment language's tokens: words, quoted text, numbers, dates and
// punctuation, each with the line and column where it starts.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "crm/filter.hpp"

namespace crm::detail {

/// What a token is.
enum class TokenKind {
  word,      ///< A name or keyword: letters, digits, "_" and "." ("account.industry").
  text,      ///< A literal in double or single quotes; `text` holds it unescaped.
  number,    ///< Digits with an optional fraction ("12.5"); the sign is a separate token.
  date,      ///< "YYYY-MM-DD" (checked later).
  symbol,    ///< = != < <= > >= ~ ( ) , + -
  end,       ///< End of input.
};

/// One token of filter text.
struct Token {
  TokenKind kind = TokenKind::end;
  std::string text;          ///< The word, unescaped literal, number, date or symbol.
  SourcePosition position;   ///< Where it starts.
};

/// Splits `source` into tokens ending with one TokenKind::end. Throws
/// Error(parse_error) at an unterminated string, a stray character or text
/// that is not valid UTF-8. Whitespace and "--" comments to the end of the
/// line separate tokens.
std::vector<Token> tokenize(std::string_view source);

}  // namespace crm::detail
