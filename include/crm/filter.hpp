// crmcore: filters over records, written as text in the segment language or
// built in C++, and printed back as text.
//
// The language, by example:
//   industry = "Retail" and country in ("LV", "LT")
//   birthday within next 7 days
//   account.industry = "Retail" and not has activity(kind = call and start >= today - 90 days)
//   has opportunity(stage = "Won" and closed >= 2025-01-01) and tagged "vip"
//   amount >= 10000 EUR and expected_close in this quarter
//   last_name ~ "berzina"
//   activity_count(kind = call, since today - 90 days) >= 3
//
// Words of the language (and, or, not, in, ...) are case-insensitive. Text
// literals are in double (or single) quotes with \", \' and \\ as escapes;
// "--" starts a comment to the end of the line. Which fields exist
// depends on the record kind and the custom fields defined; that is checked
// when a filter is run against a database (see Segments), not by parse().
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "crm/money.hpp"
#include "crm/time.hpp"

namespace crm {

/// A 1-based line and column in the filter text; 0 for trees built in code.
struct SourcePosition {
  int line = 0;
  int column = 0;
};

/// A number literal in canonical decimal form ("42", "-3", "12.5").
struct Number {
  std::string text;
  friend bool operator==(const Number&, const Number&) = default;
};

/// A date relative to the day the filter runs: `today`, `today - 30 days`,
/// `today + 2 weeks`. The day is the database clock's UTC date.
struct RelativeDate {
  enum class Unit { day, week, month, year };
  int amount = 0;          ///< Added to today (negative: back in time).
  Unit unit = Unit::day;   ///< What `amount` counts.
  friend bool operator==(const RelativeDate&, const RelativeDate&) = default;
};

/// A calendar period relative to today: `this month`, `last quarter`,
/// `next year`, `this week` (weeks start on Monday). Compared with a date it
/// stands for all its days: `x = this month` and `x in this month` hold for
/// any day of it, `x < this month` before its first day, `x <= this month`
/// up to its last day.
struct Period {
  enum class Unit { week, month, quarter, year };
  Unit unit = Unit::month;
  int offset = 0;  ///< -1 last, 0 this, 1 next.
  friend bool operator==(const Period&, const Period&) = default;
};

/// A value in a filter: text, number, money (`10000 EUR`), date
/// (`2025-01-31`), relative date, period, or true/false.
using Literal = std::variant<std::string, Number, Money, Date, RelativeDate, Period, bool>;

struct FilterNode;

/// A filter: an immutable tree of conditions, cheap to copy. Made by
/// Filter::parse() from text or by the builder functions below; both give
/// equal trees for the same condition, and to_string() prints text that
/// parses back to an equal tree.
class Filter {
 public:
  /// Wraps a node (the builder functions do this for you).
  explicit Filter(FilterNode node);

  /// Reads filter text. Throws Error(parse_error) with the 1-based line and
  /// column of the first token that does not fit, saying what was expected.
  /// Field names are checked later, against a database (Segments::check).
  static Filter parse(std::string_view text);

  /// The text form, which parse() reads back to an equal tree.
  std::string to_string() const;

  /// The root node.
  const FilterNode& node() const noexcept { return *node_; }

  /// Structurally equal trees (source positions are ignored).
  friend bool operator==(const Filter& a, const Filter& b);

 private:
  std::shared_ptr<const FilterNode> node_;
};

/// What a condition tests: a field of the record (`industry`), of its
/// account (`account.industry`), a custom field by name, an aggregate
/// (`won_revenue`, `open_pipeline`, `last_activity_at`), or
/// `activity_count(<filter over activities>, since <date>)`.
struct Operand {
  std::string field;                ///< "industry", "account.industry", "activity_count", ...
  std::optional<Filter> where{};    ///< activity_count's condition on the activities.
  std::optional<Literal> since{};   ///< activity_count's earliest start.
  friend bool operator==(const Operand&, const Operand&) = default;
};

/// `=`, `!=`, `<`, `<=`, `>`, `>=`.
enum class CompareOp { equal, not_equal, less, less_equal, greater, greater_equal };
/// `contains`, `starts with`, and `~` (equal ignoring case and diacritics);
/// all three compare case- and diacritic-insensitively.
enum class TextOp { contains, starts_with, matches };
/// The related records `has ...(...)` looks for.
enum class Relation { opportunity, activity, contact };

/// Every term holds (`a and b and c`); nested "and"s are flattened.
struct AllOf {
  std::vector<Filter> terms;
  friend bool operator==(const AllOf&, const AllOf&) = default;
};
/// At least one term holds (`a or b`); nested "or"s are flattened.
struct AnyOf {
  std::vector<Filter> terms;
  friend bool operator==(const AnyOf&, const AnyOf&) = default;
};
/// `not <term>`.
struct Negation {
  Filter term;
  friend bool operator==(const Negation&, const Negation&) = default;
};
/// `<operand> <op> <value>`.
struct Comparison {
  Operand operand;
  CompareOp op = CompareOp::equal;
  Literal value;
  friend bool operator==(const Comparison&, const Comparison&) = default;
};
/// `<operand> in (<value>, ...)`, or `<operand> in <period>`.
struct Membership {
  Operand operand;
  std::vector<Literal> values;
  friend bool operator==(const Membership&, const Membership&) = default;
};
/// `<operand> between <low> and <high>` (both ends included).
struct Range {
  Operand operand;
  Literal low;
  Literal high;
  friend bool operator==(const Range&, const Range&) = default;
};
/// `<operand> contains "x"`, `starts with "x"`, `~ "x"`.
struct TextMatch {
  Operand operand;
  TextOp op = TextOp::contains;
  std::string text;
  friend bool operator==(const TextMatch&, const TextMatch&) = default;
};
/// `<operand> is empty` (no value); `is not empty` is its negation.
struct Emptiness {
  Operand operand;
  friend bool operator==(const Emptiness&, const Emptiness&) = default;
};
/// `birthday within next <days> days`: the birthday falls today or on one
/// of the next `days` days (0: today only); 29 February counts as
/// 28 February in years without it.
struct BirthdayWithin {
  int days = 0;
  friend bool operator==(const BirthdayWithin&, const BirthdayWithin&) = default;
};
/// `tagged "vip"` (tags compare ignoring case).
struct Tagged {
  std::string tag;
  friend bool operator==(const Tagged&, const Tagged&) = default;
};
/// `has opportunity(...)`, `has activity(...)`, `has contact(...)`; without
/// a condition (`has activity`), any related record counts.
struct Related {
  Relation relation = Relation::activity;
  std::optional<Filter> where;
  friend bool operator==(const Related&, const Related&) = default;
};

/// One node of a filter tree and where its text started.
struct FilterNode {
  using Condition = std::variant<AllOf, AnyOf, Negation, Comparison, Membership, Range, TextMatch, Emptiness,
                                 BirthdayWithin, Tagged, Related>;
  Condition condition;
  SourcePosition position{};  ///< Ignored by ==.
  friend bool operator==(const FilterNode& a, const FilterNode& b) { return a.condition == b.condition; }
};

// ---- Builder -------------------------------------------------------------
//
//   using namespace crm::filters;
//   Filter f = field("industry") == "Retail" && birthday_within_days(7);
//
// gives the same tree as Filter::parse(R"(industry = "Retail" and birthday within next 7 days)").

namespace filters {

/// A number literal from an integer; throws Error(invalid_argument) beyond
/// 18 digits, which the text form cannot hold.
Number number(std::int64_t value);
/// A number literal from decimal text ("12.5"); throws Error(invalid_argument).
Number number(std::string_view decimal);
/// `today`, or `today + amount unit`.
RelativeDate today(int amount = 0, RelativeDate::Unit unit = RelativeDate::Unit::day);
/// `this <unit>`.
Period this_period(Period::Unit unit);
/// `last <unit>`.
Period last_period(Period::Unit unit);
/// `next <unit>`.
Period next_period(Period::Unit unit);

/// The start of a condition on an operand.
class Term {
 public:
  /// A condition on `operand`.
  explicit Term(Operand operand) : operand_(std::move(operand)) {}
  /// `operand = value`, and so on for the other comparisons.
  Filter operator==(Literal value) const;
  Filter operator!=(Literal value) const;
  Filter operator<(Literal value) const;
  Filter operator<=(Literal value) const;
  Filter operator>(Literal value) const;
  Filter operator>=(Literal value) const;
  /// Text literal overloads, so that field("x") == "y" reads as text.
  Filter operator==(const char* text) const { return *this == Literal(std::string(text)); }
  Filter operator!=(const char* text) const { return *this != Literal(std::string(text)); }
  /// `operand in (values...)`; throws Error(invalid_argument) when empty.
  Filter in(std::vector<Literal> values) const;
  /// `operand between low and high`.
  Filter between(Literal low, Literal high) const;
  /// `operand contains "text"`.
  Filter contains(std::string text) const;
  /// `operand starts with "text"`.
  Filter starts_with(std::string text) const;
  /// `operand ~ "text"`.
  Filter matches(std::string text) const;
  /// `operand is empty`.
  Filter is_empty() const;
  /// `not operand is empty`.
  Filter is_not_empty() const;

 private:
  Filter make(CompareOp op, Literal value) const;
  Operand operand_;
};

/// A field by name ("industry", "account.industry", a custom field).
Term field(std::string name);
/// `activity_count(where, since since)`; both parts optional.
Term activity_count(std::optional<Filter> where = std::nullopt, std::optional<Literal> since = std::nullopt);
/// `birthday within next days days`; throws Error(invalid_argument) unless 0 <= days <= 3660.
Filter birthday_within_days(int days);
/// `tagged "tag"`.
Filter tagged(std::string tag);
/// `has opportunity(where)`.
Filter has_opportunity(std::optional<Filter> where = std::nullopt);
/// `has activity(where)`.
Filter has_activity(std::optional<Filter> where = std::nullopt);
/// `has contact(where)`.
Filter has_contact(std::optional<Filter> where = std::nullopt);

}  // namespace filters

/// `a and b` (flattened when either is already an "and").
Filter operator&&(const Filter& a, const Filter& b);
/// `a or b` (flattened when either is already an "or").
Filter operator||(const Filter& a, const Filter& b);
/// `not a`.
Filter operator!(const Filter& a);

}  // namespace crm
