// Filter trees: construction, equality and the C++ builder.
#include "crm/filter.hpp"

#include "crm/custom_field.hpp"
#include "crm/error.hpp"
#include "query/parser.hpp"

namespace crm {

Filter::Filter(FilterNode node) : node_(std::make_shared<const FilterNode>(std::move(node))) {}

bool operator==(const Filter& a, const Filter& b) { return a.node_ == b.node_ || *a.node_ == *b.node_; }

namespace {

// `terms` in one Group, nested groups of the same kind flattened.
template <class Group>
Filter combine(std::vector<Filter> terms) {
  if (terms.size() == 1) return std::move(terms.front());
  const SourcePosition at = terms.front().node().position;
  Group group;
  group.terms.reserve(terms.size());
  for (Filter& term : terms) {
    if (const auto* same = std::get_if<Group>(&term.node().condition))
      group.terms.insert(group.terms.end(), same->terms.begin(), same->terms.end());
    else
      group.terms.push_back(std::move(term));
  }
  return Filter(FilterNode{std::move(group), at});
}

[[noreturn]] void refuse(const std::string& field, const std::string& problem) {
  throw Error(ErrorCode::invalid_argument, field + ": " + problem, field);
}

}  // namespace

Filter detail::all_of(std::vector<Filter> terms) { return combine<AllOf>(std::move(terms)); }
Filter detail::any_of(std::vector<Filter> terms) { return combine<AnyOf>(std::move(terms)); }

Filter operator&&(const Filter& a, const Filter& b) { return combine<AllOf>({a, b}); }
Filter operator||(const Filter& a, const Filter& b) { return combine<AnyOf>({a, b}); }
Filter operator!(const Filter& a) { return Filter(FilterNode{Negation{a}, a.node().position}); }

namespace filters {
namespace {

Filter make(FilterNode::Condition condition) { return Filter(FilterNode{std::move(condition), {}}); }

Period period(Period::Unit unit, int offset) { return Period{unit, offset}; }

}  // namespace

Number number(std::int64_t value) { return number(std::to_string(value)); }
Number number(std::string_view decimal) { return Number{CustomValue::decimal(decimal).decimal_text()}; }

RelativeDate today(int amount, RelativeDate::Unit unit) {
  if (amount < -99999 || amount > 99999) refuse("today", "the offset must lie within -99999..99999");
  return amount == 0 ? RelativeDate{} : RelativeDate{amount, unit};
}
Period this_period(Period::Unit unit) { return period(unit, 0); }
Period last_period(Period::Unit unit) { return period(unit, -1); }
Period next_period(Period::Unit unit) { return period(unit, 1); }

Filter Term::make(CompareOp op, Literal value) const {
  return filters::make(Comparison{operand_, op, std::move(value)});
}
Filter Term::operator==(Literal value) const { return make(CompareOp::equal, std::move(value)); }
Filter Term::operator!=(Literal value) const { return make(CompareOp::not_equal, std::move(value)); }
Filter Term::operator<(Literal value) const { return make(CompareOp::less, std::move(value)); }
Filter Term::operator<=(Literal value) const { return make(CompareOp::less_equal, std::move(value)); }
Filter Term::operator>(Literal value) const { return make(CompareOp::greater, std::move(value)); }
Filter Term::operator>=(Literal value) const { return make(CompareOp::greater_equal, std::move(value)); }

Filter Term::in(std::vector<Literal> values) const {
  if (values.empty()) refuse("in", "give at least one value");
  return filters::make(Membership{operand_, std::move(values)});
}
Filter Term::between(Literal low, Literal high) const {
  return filters::make(Range{operand_, std::move(low), std::move(high)});
}
Filter Term::contains(std::string text) const { return filters::make(TextMatch{operand_, TextOp::contains, std::move(text)}); }
Filter Term::starts_with(std::string text) const {
  return filters::make(TextMatch{operand_, TextOp::starts_with, std::move(text)});
}
Filter Term::matches(std::string text) const { return filters::make(TextMatch{operand_, TextOp::matches, std::move(text)}); }
Filter Term::is_empty() const { return filters::make(Emptiness{operand_}); }
Filter Term::is_not_empty() const { return !is_empty(); }

Term field(std::string name) {
  if (!detail::is_field_word(name))
    refuse("field", "'" + name + "' is not a field name (letters, digits, '_' and '.', not a word of the language)");
  return Term(Operand{std::move(name), std::nullopt, std::nullopt});
}

Term activity_count(std::optional<Filter> where, std::optional<Literal> since) {
  return Term(Operand{"activity_count", std::move(where), std::move(since)});
}

Filter birthday_within_days(int days) {
  if (days < 0 || days > 3660) refuse("birthday_within_days", "days must lie within 0..3660");
  return make(BirthdayWithin{days});
}
Filter tagged(std::string tag) { return make(Tagged{std::move(tag)}); }
Filter has_opportunity(std::optional<Filter> where) { return make(Related{Relation::opportunity, std::move(where)}); }
Filter has_activity(std::optional<Filter> where) { return make(Related{Relation::activity, std::move(where)}); }
Filter has_contact(std::optional<Filter> where) { return make(Related{Relation::contact, std::move(where)}); }

}  // namespace filters
}  // namespace crm
