#include "query/lexer.hpp"

#include "crm/error.hpp"
#include "text/unicode.hpp"

namespace crm::detail {
namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_letter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_'; }
bool is_word_char(char c) { return is_letter(c) || is_digit(c) || c == '.'; }

// Walks the source keeping the line and column (in characters, not bytes).
class Cursor {
 public:
  explicit Cursor(std::string_view source) : source_(source) {}

  bool done() const { return at_ >= source_.size(); }
  char peek(std::size_t ahead = 0) const { return at_ + ahead < source_.size() ? source_[at_ + ahead] : '\0'; }
  SourcePosition position() const { return {line_, column_}; }
  std::size_t offset() const { return at_; }
  std::string_view slice(std::size_t from) const { return source_.substr(from, at_ - from); }

  void advance() {
    const char c = source_[at_++];
    if (c == '\n') {
      ++line_;
      column_ = 1;
    } else if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) {
      ++column_;  // continuation bytes belong to the character already counted
    }
  }

 private:
  std::string_view source_;
  std::size_t at_ = 0;
  int line_ = 1;
  int column_ = 1;
};

[[noreturn]] void fail(const std::string& message, SourcePosition at) {
  throw Error::parse("line " + std::to_string(at.line) + ", column " + std::to_string(at.column) + ": " + message,
                     at.line, at.column);
}

// Text in double or single quotes; a backslash escapes either quote or itself.
std::string read_text(Cursor& cursor, SourcePosition start) {
  const char quote = cursor.peek();
  cursor.advance();  // opening quote
  std::string text;
  for (;;) {
    if (cursor.done()) fail(std::string("text is not closed: a ") + quote + " is missing", start);
    const char c = cursor.peek();
    if (c == quote) break;
    if (c == '\\') {
      const char next = cursor.peek(1);
      if (next != '"' && next != '\'' && next != '\\')
        fail("unknown escape '\\" + std::string(1, next) + "' in text; write \\\", \\' or \\\\", cursor.position());
      cursor.advance();
      text += next;
      cursor.advance();
      continue;
    }
    text += c;
    cursor.advance();
  }
  cursor.advance();  // closing quote
  return text;
}

bool date_ahead(const Cursor& cursor) {
  static constexpr std::string_view shape = "dddd-dd-dd";
  for (std::size_t i = 0; i < shape.size(); ++i)
    if (shape[i] == 'd' ? !is_digit(cursor.peek(i)) : cursor.peek(i) != '-') return false;
  return !is_word_char(cursor.peek(shape.size()));
}

void read_while(Cursor& cursor, bool (*accept)(char)) {
  while (!cursor.done() && accept(cursor.peek())) cursor.advance();
}

Token read_symbol(Cursor& cursor) {
  const SourcePosition at = cursor.position();
  const char c = cursor.peek();
  const char next = cursor.peek(1);
  if ((c == '!' || c == '<' || c == '>') && next == '=') {
    cursor.advance();
    cursor.advance();
    return {TokenKind::symbol, std::string{c, '='}, at};
  }
  if (c == '!') fail("'!' must be followed by '=' (not equal); use 'not' to negate", at);
  static constexpr std::string_view singles = "=<>~(),+-";
  if (singles.find(c) == std::string_view::npos) {
    if (static_cast<unsigned char>(c) & 0x80) fail("unexpected character; put text in \"double quotes\"", at);
    fail("unexpected character '" + std::string(1, c) + "'", at);
  }
  cursor.advance();
  return {TokenKind::symbol, std::string(1, c), at};
}

}  // namespace

std::vector<Token> tokenize(std::string_view source) {
  if (!is_valid_utf8(source)) fail("the filter is not valid UTF-8 text", {1, 1});
  std::vector<Token> tokens;
  Cursor cursor(source);
  while (!cursor.done()) {
    const char c = cursor.peek();
    if (c == ' ' || c == '\t' || c == '\r' || c == '\n') {
      cursor.advance();
      continue;
    }
    if (c == '-' && cursor.peek(1) == '-') {
      read_while(cursor, [](char ch) { return ch != '\n'; });
      continue;
    }
    const SourcePosition at = cursor.position();
    const std::size_t from = cursor.offset();
    if (c == '"' || c == '\'') {
      tokens.push_back({TokenKind::text, read_text(cursor, at), at});
    } else if (is_digit(c) && date_ahead(cursor)) {
      for (int i = 0; i < 10; ++i) cursor.advance();
      tokens.push_back({TokenKind::date, std::string(cursor.slice(from)), at});
    } else if (is_digit(c)) {
      read_while(cursor, is_digit);
      if (cursor.peek() == '.' && is_digit(cursor.peek(1))) {
        cursor.advance();
        read_while(cursor, is_digit);
      }
      tokens.push_back({TokenKind::number, std::string(cursor.slice(from)), at});
    } else if (is_letter(c)) {
      read_while(cursor, is_word_char);
      tokens.push_back({TokenKind::word, std::string(cursor.slice(from)), at});
    } else {
      tokens.push_back(read_symbol(cursor));
    }
  }
  tokens.push_back({TokenKind::end, "", cursor.position()});
  return tokens;
}

}  // namespace crm::detail
