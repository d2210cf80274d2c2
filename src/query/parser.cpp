#include "query/parser.hpp"

#include <algorithm>

#include "crm/custom_field.hpp"
#include "crm/error.hpp"
#include "crm/limits.hpp"
#include "query/lexer.hpp"
#include "text/unicode.hpp"

namespace crm {
namespace detail {

const std::set<std::string, std::less<>>& filter_keywords() {
  static const std::set<std::string, std::less<>> words = {
      "and",  "or",   "not",  "in",   "between", "contains", "starts", "with", "is",    "empty",
      "has",  "tagged", "today", "this", "last",  "next",     "within", "true", "false"};
  return words;
}

bool is_field_word(std::string_view name) {
  if (name.empty() || name.front() == '.' || name.back() == '.' || name.find("..") != std::string_view::npos)
    return false;
  const auto letter = [](char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_'; };
  if (!letter(name.front())) return false;
  if (!std::all_of(name.begin(), name.end(), [&](char c) { return letter(c) || (c >= '0' && c <= '9') || c == '.'; }))
    return false;
  return !filter_keywords().count(casefold(name));
}

std::string ascii_lower(std::string_view word) {
  std::string text(word);
  for (char& c : text)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return text;
}

namespace {

std::string describe(const Token& token) {
  switch (token.kind) {
    case TokenKind::end: return "the end of the filter";
    case TokenKind::text: return "text \"" + token.text.substr(0, 40) + "\"";
    case TokenKind::number: return "number " + token.text;
    case TokenKind::date: return "date " + token.text;
    default: return "'" + token.text + "'";
  }
}

class Parser {
 public:
  explicit Parser(std::vector<Token> tokens) : tokens_(std::move(tokens)) {}

  Filter parse_all() {
    Filter filter = parse_or();
    if (peek().kind != TokenKind::end) fail_expected("'and', 'or' or the end of the filter");
    return filter;
  }

 private:
  const Token& peek(std::size_t ahead = 0) const { return tokens_[std::min(at_ + ahead, tokens_.size() - 1)]; }
  const Token& next() {
    const Token& token = peek();
    if (at_ < tokens_.size() - 1) ++at_;
    return token;
  }
  bool is_word(std::string_view word, std::size_t ahead = 0) const {
    const Token& token = peek(ahead);
    return token.kind == TokenKind::word && ascii_lower(token.text) == word;
  }
  bool is_symbol(std::string_view symbol) const {
    return peek().kind == TokenKind::symbol && peek().text == symbol;
  }
  bool accept_word(std::string_view word) {
    if (!is_word(word)) return false;
    next();
    return true;
  }
  bool accept_symbol(std::string_view symbol) {
    if (!is_symbol(symbol)) return false;
    next();
    return true;
  }

  [[noreturn]] void fail_at(const Token& token, const std::string& message) const {
    const SourcePosition at = token.position;
    throw Error::parse("line " + std::to_string(at.line) + ", column " + std::to_string(at.column) + ": " + message,
                       at.line, at.column);
  }
  [[noreturn]] void fail_expected(const std::string& what) const {
    fail_at(peek(), "expected " + what + ", found " + describe(peek()));
  }
  void expect_word(std::string_view word) {
    if (!accept_word(word)) fail_expected("'" + std::string(word) + "'");
  }
  void expect_symbol(std::string_view symbol) {
    if (!accept_symbol(symbol)) fail_expected("'" + std::string(symbol) + "'");
  }

  // Depth guard for the recursive rules, so hostile input cannot exhaust the stack.
  struct Nest {
    Parser& parser;
    explicit Nest(Parser& p) : parser(p) {
      if (++parser.depth_ > kMaxFilterDepth)
        parser.fail_at(parser.peek(), "the filter nests deeper than " + std::to_string(kMaxFilterDepth) + " levels");
    }
    ~Nest() { --parser.depth_; }
  };

  static Filter node(FilterNode::Condition condition, SourcePosition at) {
    return Filter(FilterNode{std::move(condition), at});
  }

  // A chain "a or b or ..." is collected, then joined once: linear in its length.
  Filter parse_or() {
    Nest nest(*this);
    std::vector<Filter> terms{parse_and()};
    while (accept_word("or")) terms.push_back(parse_and());
    return any_of(std::move(terms));
  }

  Filter parse_and() {
    std::vector<Filter> terms{parse_unary()};
    while (accept_word("and")) terms.push_back(parse_unary());
    return all_of(std::move(terms));
  }

  Filter parse_unary() {
    Nest nest(*this);
    const SourcePosition at = peek().position;
    if (accept_word("not")) return node(Negation{parse_unary()}, at);
    return parse_primary();
  }

  Filter parse_primary() {
    const Token& first = peek();
    if (accept_symbol("(")) {
      Filter inner = parse_or();
      expect_symbol(")");
      return inner;
    }
    if (is_word("birthday") && is_word("within", 1)) return parse_birthday();
    if (accept_word("tagged")) return node(Tagged{expect_text("the tag in double quotes")}, first.position);
    if (accept_word("has")) return parse_has(first.position);
    if (first.kind != TokenKind::word || filter_keywords().count(ascii_lower(first.text)))
      fail_expected("a condition (a field name, 'not', 'has', 'tagged', 'birthday within' or '(')");
    Operand operand = parse_operand();
    return parse_predicate(std::move(operand), first.position);
  }

  Filter parse_birthday() {
    const SourcePosition at = next().position;
    expect_word("within");
    expect_word("next");
    const Token& count = peek();
    if (count.kind != TokenKind::number || count.text.find('.') != std::string::npos || count.text.size() > 4)
      fail_expected("a whole number of days");
    next();
    const int days = std::stoi(count.text);
    if (days > 3660) fail_at(count, "birthday within at most 3660 days");
    if (!accept_word("days") && !accept_word("day")) fail_expected("'days'");
    return node(BirthdayWithin{days}, at);
  }

  Filter parse_has(SourcePosition at) {
    static constexpr std::pair<std::string_view, Relation> relations[] = {
        {"opportunity", Relation::opportunity}, {"activity", Relation::activity}, {"contact", Relation::contact}};
    for (const auto& [word, relation] : relations) {
      if (!accept_word(word)) continue;
      Related related{relation, std::nullopt};
      if (accept_symbol("(") && !accept_symbol(")")) {
        related.where = parse_or();
        expect_symbol(")");
      }
      return node(std::move(related), at);
    }
    fail_expected("'opportunity', 'activity' or 'contact' after 'has'");
  }

  Operand parse_operand() {
    const Token& name = next();
    Operand operand{name.text, std::nullopt, std::nullopt};
    if (ascii_lower(name.text) != "activity_count" || !accept_symbol("(")) return operand;
    if (accept_symbol(")")) return operand;
    if (!since_ahead()) {
      Nest nest(*this);
      operand.where = parse_or();
      if (!accept_symbol(",")) {
        expect_symbol(")");
        return operand;
      }
    }
    expect_word("since");
    operand.since = parse_value();
    expect_symbol(")");
    return operand;
  }

  // "since" starts activity_count's date unless it is a field being compared.
  bool since_ahead() const {
    if (!is_word("since")) return false;
    const Token& after = peek(1);
    if (after.kind == TokenKind::symbol) return after.text == "-" || after.text == "+";
    static constexpr std::string_view predicates[] = {"in", "between", "contains", "starts", "is", "not"};
    for (std::string_view word : predicates)
      if (is_word(word, 1)) return false;
    return after.kind != TokenKind::end;
  }

  Filter parse_predicate(Operand operand, SourcePosition at) {
    static constexpr std::pair<std::string_view, CompareOp> comparisons[] = {
        {"=", CompareOp::equal},          {"!=", CompareOp::not_equal}, {"<", CompareOp::less},
        {"<=", CompareOp::less_equal},    {">", CompareOp::greater},    {">=", CompareOp::greater_equal}};
    for (const auto& [symbol, op] : comparisons)
      if (accept_symbol(symbol)) return node(Comparison{std::move(operand), op, parse_value()}, at);
    if (accept_symbol("~")) return text_match(std::move(operand), TextOp::matches, at);
    if (accept_word("contains")) return text_match(std::move(operand), TextOp::contains, at);
    if (accept_word("starts")) {
      expect_word("with");
      return text_match(std::move(operand), TextOp::starts_with, at);
    }
    if (accept_word("is")) {
      const bool negated = accept_word("not");
      expect_word("empty");
      Filter empty = node(Emptiness{std::move(operand)}, at);
      return negated ? node(Negation{std::move(empty)}, at) : empty;
    }
    if (accept_word("between")) {
      Literal low = parse_value();
      expect_word("and");
      return node(Range{std::move(operand), std::move(low), parse_value()}, at);
    }
    const bool negated = is_word("not") && is_word("in", 1);
    if (negated) next();
    if (accept_word("in")) {
      Filter in = node(Membership{std::move(operand), parse_value_list()}, at);
      return negated ? node(Negation{std::move(in)}, at) : in;
    }
    fail_expected("a comparison (=, !=, <, <=, >, >=, in, between, contains, starts with, ~, is empty)");
  }

  Filter text_match(Operand operand, TextOp op, SourcePosition at) {
    return node(TextMatch{std::move(operand), op, expect_text("text in double quotes")}, at);
  }

  std::vector<Literal> parse_value_list() {
    if (!accept_symbol("(")) {
      if (is_period_ahead()) return {parse_period()};
      fail_expected("'(' and a list of values, or a period such as 'this month'");
    }
    std::vector<Literal> values{parse_value()};
    while (accept_symbol(",")) values.push_back(parse_value());
    expect_symbol(")");
    return values;
  }

  std::string expect_text(const std::string& what) {
    if (peek().kind != TokenKind::text) fail_expected(what);
    return next().text;
  }

  bool is_period_ahead() const {
    return (is_word("this") || is_word("last") || is_word("next")) && peek(1).kind == TokenKind::word;
  }

  Period parse_period() {
    const int offset = is_word("last") ? -1 : is_word("next") ? 1 : 0;
    next();
    static constexpr std::pair<std::string_view, Period::Unit> units[] = {
        {"week", Period::Unit::week}, {"month", Period::Unit::month},
        {"quarter", Period::Unit::quarter}, {"year", Period::Unit::year}};
    for (const auto& [word, unit] : units)
      if (accept_word(word)) return Period{unit, offset};
    fail_expected("'week', 'month', 'quarter' or 'year'");
  }

  Literal parse_value() {
    const Token& token = peek();
    switch (token.kind) {
      case TokenKind::text: return next().text;
      case TokenKind::date: return parse_date_token(next());
      case TokenKind::number: return parse_number(false);
      case TokenKind::symbol:
        if (token.text == "-" || token.text == "+") {
          next();
          if (peek().kind != TokenKind::number) fail_expected("a number after '" + token.text + "'");
          return parse_number(token.text == "-");
        }
        break;
      case TokenKind::word: return parse_word_value();
      case TokenKind::end: break;
    }
    fail_expected("a value (text in double quotes, a number, an amount, a date, today, a period)");
  }

  Literal parse_word_value() {
    if (accept_word("true")) return true;
    if (accept_word("false")) return false;
    if (is_period_ahead()) return parse_period();
    if (accept_word("today")) return parse_today_offset();
    const Token& word = peek();
    if (filter_keywords().count(ascii_lower(word.text)) || word.text.find('.') != std::string::npos)
      fail_expected("a value (text in double quotes, a number, an amount, a date, today, a period)");
    return next().text;  // a bare word such as call or planned reads as text
  }

  RelativeDate parse_today_offset() {
    if (!is_symbol("+") && !is_symbol("-")) return RelativeDate{};
    const bool back = next().text == "-";
    const Token& count = peek();
    if (count.kind != TokenKind::number || count.text.find('.') != std::string::npos || count.text.size() > 5)
      fail_expected("a whole number (at most 99999) after 'today " + std::string(back ? "-" : "+") + "'");
    next();
    const int amount = std::stoi(count.text) * (back ? -1 : 1);
    static constexpr std::pair<std::string_view, RelativeDate::Unit> units[] = {
        {"day", RelativeDate::Unit::day}, {"week", RelativeDate::Unit::week},
        {"month", RelativeDate::Unit::month}, {"year", RelativeDate::Unit::year}};
    const std::string unit = ascii_lower(peek().text);
    for (const auto& [word, value] : units)
      if (peek().kind == TokenKind::word && (unit == word || unit == std::string(word) + "s")) {
        next();
        return amount == 0 ? RelativeDate{} : RelativeDate{amount, value};
      }
    fail_expected("'days', 'weeks', 'months' or 'years'");
  }

  Literal parse_date_token(const Token& token) {
    try {
      return parse_date(token.text);
    } catch (const Error&) {
      fail_at(token, "'" + token.text + "' is not a calendar date");
    }
  }

  Literal parse_number(bool negative) {
    const Token& token = next();
    const std::string text = (negative ? "-" : "") + token.text;
    const Token& after = peek();
    if (after.kind == TokenKind::word && after.text.size() == 3 && !filter_keywords().count(ascii_lower(after.text))) {
      std::string code = after.text;
      for (char& c : code)
        if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
      if (!is_currency_code(code)) fail_at(after, "'" + after.text + "' is not an ISO 4217 currency code");
      next();
      try {
        return Money::from_decimal(text, code);
      } catch (const Error& e) {
        fail_at(token, e.what());
      }
    }
    try {
      return Number{CustomValue::decimal(text).decimal_text()};
    } catch (const Error&) {
      fail_at(token, "'" + text + "' is not a number this filter can hold (at most 18 digits)");
    }
  }

  std::vector<Token> tokens_;
  std::size_t at_ = 0;
  int depth_ = 0;
};

}  // namespace
}  // namespace detail

Filter Filter::parse(std::string_view text) {
  check_length("filter", text.size(), kMaxFilterTextBytes);
  return detail::Parser(detail::tokenize(text)).parse_all();
}

}  // namespace crm
