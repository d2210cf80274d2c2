// The segment language without a database: parsing, errors with positions,
// the C++ builder and printing back.
#include "crm/filter.hpp"

#include <gtest/gtest.h>

#include "crm/error.hpp"
#include "support/test_database.hpp"

namespace crm {
namespace {

using namespace crm::filters;
using boost::gregorian::date;

Error parse_failure(std::string_view text) {
  return EXPECT_CRM_ERROR(Filter::parse(text), ErrorCode::parse_error);
}

// Every example of the design document and the issue reads, prints, and reads
// back to the same tree.
TEST(FilterText, DesignExamplesRoundTrip) {
  const char* examples[] = {
      R"(industry = "Retail" and country in ("LV", "LT"))",
      "birthday within next 7 days",
      "account.industry = \"Retail\" and not has activity(kind = call and start >= today - 90 days)",
      R"(has opportunity(stage = "Won" and closed >= 2025-01-01) and tagged "vip")",
      "amount >= 10000 EUR and expected_close in this quarter",
      "last_name ~ \"berzina\"          -- case- and diacritic-insensitive match",
      "activity_count(kind = call, since today - 90 days) >= 3",
      "won_revenue > 0 EUR or open_pipeline between 100.50 EUR and 2000 EUR",
      "last_activity_at < last month and not email is empty",
      "name contains \"bank\" or name starts with \"SIA\"",
      "country not in (\"LV\") and created_at <= this year and updated_at > next week",
      "score between -5 and 12.5 and vip = true and newsletter != false",
      "has contact and has activity() and has opportunity(amount < -3 JPY)",
      "activity_count(since today) = 0 and activity_count = 2 and activity_count() > 1",
      "x = \"quote \\\" and backslash \\\\\"",
      "(a = 1 or b = 2) and not (c = 3 and d = 4) or e is empty",
      "start in (today, today + 2 weeks, 2024-02-29, last quarter)",
      "activity_count(since = 1, since today - 1 years) > 0 and activity_count(since is empty) = 1",
  };
  for (const char* text : examples) {
    SCOPED_TRACE(text);
    const Filter filter = Filter::parse(text);
    const std::string printed = filter.to_string();
    EXPECT_EQ(Filter::parse(printed), filter) << printed;
    EXPECT_EQ(Filter::parse(printed).to_string(), printed);
  }
}

TEST(FilterText, PrintsCanonicalText) {
  EXPECT_EQ(Filter::parse("INDUSTRY='Retail'").to_string(), "INDUSTRY = \"Retail\"");
}

TEST(FilterText, BuilderGivesTheSameTreeAsText) {
  EXPECT_EQ(field("industry") == "Retail" && birthday_within_days(7),
            Filter::parse("industry = \"Retail\" and birthday within next 7 days"));
  EXPECT_EQ(field("country").in({std::string("LV"), std::string("LT")}) || tagged("vip"),
            Filter::parse("country in (\"LV\", \"LT\") or tagged \"vip\""));
  EXPECT_EQ(field("account.industry") == "Retail" &&
                !has_activity(field("kind") == "call" && field("start") >= today(-90)),
            Filter::parse("account.industry = \"Retail\" and not has activity(kind = call and start >= today - 90 days)"));
  EXPECT_EQ(field("amount") >= Money(1000000, "EUR") && field("expected_close").in({this_period(Period::Unit::quarter)}),
            Filter::parse("amount >= 10000 EUR and expected_close in this quarter"));
  EXPECT_EQ(activity_count(field("kind") == "call", today(-90)) >= number(3),
            Filter::parse("activity_count(kind = call, since today - 90 days) >= 3"));
  EXPECT_EQ(field("last_name").matches("berzina") || field("name").contains("x") || field("name").starts_with("y"),
            Filter::parse("last_name ~ \"berzina\" or name contains \"x\" or name starts with \"y\""));
  EXPECT_EQ(field("closed").between(date(2025, 1, 1), last_period(Period::Unit::year)) && field("email").is_not_empty(),
            Filter::parse("closed between 2025-01-01 and last year and email is not empty"));
  EXPECT_EQ(has_opportunity() && has_contact(field("x") == number("1.50")),
            Filter::parse("has opportunity and has contact(x = 1.5)"));
}

TEST(FilterText, AndAndOrFlattenWhateverTheGrouping) {
  EXPECT_EQ(Filter::parse("(a = 1 and b = 2) and c = 3"), Filter::parse("a = 1 and (b = 2 and c = 3)"));
  EXPECT_NE(Filter::parse("a = 1 or b = 2 and c = 3"), Filter::parse("(a = 1 or b = 2) and c = 3"));
  const Filter filter = Filter::parse("a = 1 and b = 2 and c = 3");  // outlives the reference into it
  const auto& all = std::get<AllOf>(filter.node().condition);
  EXPECT_EQ(all.terms.size(), 3u);
}

TEST(FilterText, KeywordsIgnoreCaseAndLiteralsAreTyped) {
  const Filter filter = Filter::parse("Amount >= 12.5 eur AND Start >= TODAY - 1 Month");
  const auto& all = std::get<AllOf>(filter.node().condition);
  const auto& amount = std::get<Comparison>(all.terms[0].node().condition);
  EXPECT_EQ(std::get<Money>(amount.value), Money(1250, "EUR"));
  const auto& start = std::get<Comparison>(all.terms[1].node().condition);
  EXPECT_EQ(std::get<RelativeDate>(start.value), (RelativeDate{-1, RelativeDate::Unit::month}));
  EXPECT_EQ(std::get<Number>(std::get<Comparison>(Filter::parse("x = 007.50").node().condition).value).text, "7.5");
}

TEST(FilterText, SyntaxErrorsGiveLineAndColumn) {
  Error e = parse_failure("industry = \"Retail\"\n  and country in (\"LV\" \"LT\")");
  EXPECT_EQ(e.line(), 2);
  EXPECT_EQ(e.column(), 24);
  EXPECT_NE(std::string(e.what()).find("expected ')'"), std::string::npos) << e.what();

  e = parse_failure("industry = ");
  EXPECT_EQ(e.column(), 12);
  EXPECT_NE(std::string(e.what()).find("the end of the filter"), std::string::npos);

  e = parse_failure("name = \"Bērziņa\" and and");
  EXPECT_EQ(e.column(), 22) << "columns count characters, not bytes";

  EXPECT_EQ(parse_failure("x = \"open").column(), 5);
  EXPECT_EQ(parse_failure("x = 2025-02-30").column(), 5);
  EXPECT_EQ(parse_failure("x = 10 QQQ").column(), 8);
  EXPECT_EQ(parse_failure("x = 1.234 EUR").column(), 5);
  EXPECT_EQ(parse_failure("x ! 1").column(), 3);
  EXPECT_EQ(parse_failure("x = 1 y = 2").column(), 7);
  EXPECT_EQ(parse_failure("and = 1").column(), 1);
  EXPECT_EQ(parse_failure("has deal(x = 1)").column(), 5);
  EXPECT_EQ(parse_failure("x in this decade").column(), 11);
  EXPECT_EQ(parse_failure("x = today - 3 fortnights").column(), 15);
  EXPECT_EQ(parse_failure("birthday within next -1 days").column(), 22);
  EXPECT_EQ(parse_failure("x = \"a\\qb\"").column(), 7);
  EXPECT_EQ(parse_failure("").line(), 1);
  EXPECT_EQ(parse_failure("x = 1;").column(), 6);
  EXPECT_EQ(parse_failure("x = é").column(), 5);
  EXPECT_EQ(parse_failure(std::string("x = \"\xff\"")).line(), 1);
}

TEST(FilterText, DeepNestingIsAnErrorNotACrash) {
  std::string deep(10000, '(');
  EXPECT_NE(std::string(parse_failure(deep + "x = 1").what()).find("nests deeper"), std::string::npos);
  std::string nots;
  for (int i = 0; i < 5000; ++i) nots += "not ";
  parse_failure(nots + "x = 1");
}

TEST(FilterText, BuilderRefusesWhatTextCannotSay) {
  EXPECT_CRM_ERROR(field("bad name"), ErrorCode::invalid_argument);
  EXPECT_CRM_ERROR(field("and"), ErrorCode::invalid_argument);
  EXPECT_CRM_ERROR(field("industry").in({}), ErrorCode::invalid_argument);
  EXPECT_CRM_ERROR(birthday_within_days(-1), ErrorCode::invalid_argument);
  EXPECT_CRM_ERROR(number("1e5"), ErrorCode::invalid_argument);
  EXPECT_CRM_ERROR(number(std::int64_t{1000000000000000000}), ErrorCode::invalid_argument);
  EXPECT_EQ(Filter::parse((field("x") == number(std::int64_t{-999999999999999999})).to_string()),
            field("x") == number(std::int64_t{-999999999999999999}));
}

TEST(FilterText, PositionsPointAtEachCondition) {
  const Filter filter = Filter::parse("a = 1 and\n   not b = 2");
  const auto& all = std::get<AllOf>(filter.node().condition);
  EXPECT_EQ(all.terms[1].node().position.line, 2);
  EXPECT_EQ(all.terms[1].node().position.column, 4);
  const auto& negated = std::get<Negation>(all.terms[1].node().condition);
  EXPECT_EQ(negated.term.node().position.column, 8);
}

}  // namespace
}  // namespace crm
