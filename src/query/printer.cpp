// Filter trees back to text that Filter::parse reads to an equal tree.
#include <sstream>

#include "crm/filter.hpp"
#include "query/parser.hpp"

namespace crm {
namespace {

std::string quoted(const std::string& text) {
  std::string out = "\"";
  for (char c : text) {
    if (c == '"' || c == '\\') out += '\\';
    out += c;
  }
  return out + "\"";
}

const char* unit_name(RelativeDate::Unit unit) {
  switch (unit) {
    case RelativeDate::Unit::week: return "weeks";
    case RelativeDate::Unit::month: return "months";
    case RelativeDate::Unit::year: return "years";
    case RelativeDate::Unit::day: break;
  }
  return "days";
}

const char* unit_name(Period::Unit unit) {
  switch (unit) {
    case Period::Unit::week: return "week";
    case Period::Unit::quarter: return "quarter";
    case Period::Unit::year: return "year";
    case Period::Unit::month: break;
  }
  return "month";
}

struct LiteralText {
  std::string operator()(const std::string& text) const { return quoted(text); }
  std::string operator()(const Number& number) const { return number.text; }
  std::string operator()(const Money& money) const { return money.amount_string() + " " + std::string(money.currency()); }
  std::string operator()(const Date& date) const { return format_date(date); }
  std::string operator()(const RelativeDate& date) const {
    if (date.amount == 0) return "today";
    return std::string("today ") + (date.amount < 0 ? "- " : "+ ") + std::to_string(std::abs(date.amount)) + " " +
           unit_name(date.unit);
  }
  std::string operator()(const Period& period) const {
    return std::string(period.offset < 0 ? "last " : period.offset > 0 ? "next " : "this ") + unit_name(period.unit);
  }
  std::string operator()(bool yes) const { return yes ? "true" : "false"; }
};

std::string literal(const Literal& value) { return std::visit(LiteralText{}, value); }

// Binding strength, for deciding where parentheses are needed.
enum class Strength { any, conjunction, unary };

class Printer {
 public:
  std::string print(const Filter& filter, Strength context) {
    const auto& condition = filter.node().condition;
    const Strength own = std::holds_alternative<AnyOf>(condition)   ? Strength::any
                         : std::holds_alternative<AllOf>(condition) ? Strength::conjunction
                                                                    : Strength::unary;
    std::string text = std::visit(*this, condition);
    return own < context ? "(" + text + ")" : text;
  }

  std::string operator()(const AllOf& all) { return join(all.terms, " and ", Strength::unary); }
  std::string operator()(const AnyOf& any) { return join(any.terms, " or ", Strength::conjunction); }
  // "x is not empty" and "x not in (...)" read back as the negation they
  // print, without the nesting level a leading "not" takes.
  std::string operator()(const Negation& negation) {
    const auto& inner = negation.term.node().condition;
    if (const auto* empty = std::get_if<Emptiness>(&inner)) return operand(empty->operand) + " is not empty";
    if (const auto* in = std::get_if<Membership>(&inner)) return membership(*in, " not in ");
    return "not " + print(negation.term, Strength::unary);
  }
  std::string operator()(const Comparison& c) {
    static constexpr const char* symbols[] = {"=", "!=", "<", "<=", ">", ">="};
    return operand(c.operand) + " " + symbols[static_cast<int>(c.op)] + " " + literal(c.value);
  }
  std::string operator()(const Membership& m) { return membership(m, " in "); }
  std::string operator()(const Range& r) {
    return operand(r.operand) + " between " + literal(r.low) + " and " + literal(r.high);
  }
  std::string operator()(const TextMatch& t) {
    static constexpr const char* words[] = {" contains ", " starts with ", " ~ "};
    return operand(t.operand) + words[static_cast<int>(t.op)] + quoted(t.text);
  }
  std::string operator()(const Emptiness& e) { return operand(e.operand) + " is empty"; }
  std::string operator()(const BirthdayWithin& b) { return "birthday within next " + std::to_string(b.days) + " days"; }
  std::string operator()(const Tagged& t) { return "tagged " + quoted(t.tag); }
  std::string operator()(const Related& r) {
    static constexpr const char* names[] = {"opportunity", "activity", "contact"};
    std::string text = std::string("has ") + names[static_cast<int>(r.relation)];
    return r.where ? text + "(" + print(*r.where, Strength::any) + ")" : text;
  }

 private:
  std::string membership(const Membership& m, const char* word) {
    if (m.values.size() == 1 && std::holds_alternative<Period>(m.values.front()))
      return operand(m.operand) + word + literal(m.values.front());
    std::string list;
    for (const Literal& value : m.values) list += (list.empty() ? "" : ", ") + literal(value);
    return operand(m.operand) + word + "(" + list + ")";
  }

  std::string join(const std::vector<Filter>& terms, const char* separator, Strength context) {
    std::string text;
    for (const Filter& term : terms) text += (text.empty() ? "" : separator) + print(term, context);
    return text;
  }

  std::string operand(const Operand& operand) {
    if (!operand.where && !operand.since) return operand.field;
    std::string text = operand.field + "(";
    if (operand.where) text += print(*operand.where, Strength::any);
    if (operand.since) text += std::string(operand.where ? ", " : "") + "since " + literal(*operand.since);
    return text + ")";
  }
};

}  // namespace

std::string Filter::to_string() const { return Printer{}.print(*this, Strength::any); }

}  // namespace crm
