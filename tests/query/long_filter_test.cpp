// Filters of hostile size: parsing linear in the text, long `in (...)` lists
// as one bound array, long `or` chains within SQLite's expression depth, and
// the limits (crm/limits.hpp) refused as invalid_argument, never io.
#include <gtest/gtest.h>

#include <chrono>
#include <string>

#include "crm/crm.hpp"
#include "support/test_database.hpp"

namespace crm {
namespace {

using Clock = std::chrono::steady_clock;

class LongFilterTest : public ::testing::Test {
 protected:
  test::ManualClock clock;
  Database db = Database::open_in_memory(test::test_options(clock));
};

// `count` conditions "<field> = <value i>" joined by " or ".
std::string or_chain(std::size_t count, const std::string& field, const std::string& prefix) {
  std::string text;
  for (std::size_t i = 0; i < count; ++i)
    text += (i ? " or " : "") + field + " = \"" + prefix + std::to_string(i) + "\"";
  return text;
}

// `field` in a list of "<prefix>0" .. "<prefix><count - 1>".
std::string in_list(std::size_t count, const std::string& field, const std::string& prefix) {
  std::string text = field + " in (";
  for (std::size_t i = 0; i < count; ++i) text += (i ? ", \"" : "\"") + prefix + std::to_string(i) + "\"";
  return text + ")";
}

TEST_F(LongFilterTest, ParsingFiftyThousandOrTermsIsLinear) {
  const std::string text = or_chain(50'000, "external_ref", "ERP-");
  const auto started = Clock::now();
  const Filter filter = Filter::parse(text);  // took 25 s when each "or" copied the terms before it
  EXPECT_LT(Clock::now() - started, std::chrono::seconds(1) * test::kTimeLimitFactor);
  ASSERT_TRUE(std::holds_alternative<AnyOf>(filter.node().condition));
  EXPECT_EQ(std::get<AnyOf>(filter.node().condition).terms.size(), 50'000u);
  // More values than a filter may compare with: invalid_argument naming the limit, not io.
  const Error error = EXPECT_CRM_ERROR(db.contacts().count({.where = text}), ErrorCode::invalid_argument);
  EXPECT_NE(std::string(error.what()).find(std::to_string(kMaxFilterValues)), std::string::npos) << error.what();
}

TEST_F(LongFilterTest, AThousandOrTermsStayWithinTheDatabasesExpressionDepth) {
  for (int i = 0; i < 3; ++i)
    db.contacts().create({.last_name = "L", .external_ref = "ERP-" + std::to_string(i * 400)});
  // "Expression tree is too large" (reported as io) before the terms were grouped.
  EXPECT_EQ(db.contacts().count({.where = or_chain(2'000, "external_ref", "ERP-")}), 3);
  EXPECT_EQ(db.contacts().count({.where = "not (" + or_chain(2'000, "external_ref", "ERP-") + ")"}), 0);
}

TEST_F(LongFilterTest, AHundredThousandValuesInOneListWork) {
  db.contacts().create({.last_name = "A", .external_ref = "7"});
  db.contacts().create({.last_name = "B", .external_ref = "99999"});
  db.contacts().create({.last_name = "C", .external_ref = "100000"});
  const std::string text = in_list(100'000, "external_ref", "");
  const auto started = Clock::now();
  EXPECT_EQ(db.contacts().count({.where = text}), 2);
  EXPECT_EQ(db.contacts().count({.where = "not " + text}), 1);
  std::vector<Literal> values;
  for (int i = 0; i < 100'000; ++i) values.emplace_back(std::to_string(i));
  EXPECT_EQ(db.segments().count(RecordKind::contact, filters::field("external_ref").in(values)), 2);
  EXPECT_LT(Clock::now() - started, std::chrono::seconds(2) * test::kTimeLimitFactor);
}

TEST_F(LongFilterTest, ListsOfNumbersNamesAndChoicesAreBoundAsOneArray) {
  db.custom_fields().define(RecordKind::contact, {.name = "score", .type = CustomFieldType::integer});
  db.custom_fields().define(RecordKind::contact, {.name = "since", .type = CustomFieldType::date});
  db.custom_fields().define(RecordKind::contact,
                            {.name = "tier", .type = CustomFieldType::choice, .choices = {"Gold", "Silver", "Bronze"}});
  ContactData gold{.last_name = "Gold", .country = "LV"};
  gold.custom = {{"score", CustomValue(std::int64_t{1500})}, {"tier", CustomValue("Gold")}};
  db.contacts().create(gold);
  ContactData bronze{.last_name = "Bronze", .country = "EE"};
  bronze.custom = {{"score", CustomValue(std::int64_t{3})}, {"tier", CustomValue("Bronze")}};
  db.contacts().create(bronze);
  std::string scores = "score in (";
  for (int i = 1000; i < 6000; ++i) scores += std::to_string(i) + (i + 1 < 6000 ? ", " : ")");
  EXPECT_EQ(db.contacts().count({.where = scores}), 1);
  EXPECT_EQ(db.contacts().count({.where = "tier in (\"gold\", \"silver\")"}), 1);
  EXPECT_EQ(db.contacts().count({.where = "country in (\"lv\", \"LT\")"}), 1);
  EXPECT_EQ(db.contacts().count({.where = "tier not in (\"gold\", \"silver\")"}), 1);
  EXPECT_CRM_ERROR(db.contacts().count({.where = "tier in (\"gold\", \"platinum\")"}), ErrorCode::parse_error);
  // Dates compare as ranges: a long list of them is joined with "or", within the limit of values.
  std::string dates = "since in (";
  for (int i = 0; i < 1000; ++i) dates += std::string(i ? ", " : "") + "2025-01-01";
  EXPECT_EQ(db.contacts().count({.where = dates + ")"}), 0);
}

TEST_F(LongFilterTest, ASegmentOfAThousandErpCodesIsSaved) {
  for (int i = 0; i < 5; ++i) db.accounts().create({.name = "A" + std::to_string(i), .external_ref = "ERP-" + std::to_string(i * 300)});
  const Segment segment =
      db.segments().create(RecordKind::account, "ERP customers", Filter::parse(in_list(1'000, "external_ref", "ERP-")));
  EXPECT_EQ(db.segments().count(segment.id), 4);  // ERP-0, ERP-300, ERP-600, ERP-900
  EXPECT_EQ(db.accounts().list({.segment = segment.id}).items.size(), 4u);
}

TEST_F(LongFilterTest, FilterTextLongerThanTheLimitIsRefusedNamingIt) {
  const std::string text = "last_name = \"" + std::string(kMaxFilterTextBytes, 'a') + "\"";
  const Error error = EXPECT_CRM_ERROR(Filter::parse(text), ErrorCode::invalid_argument);
  EXPECT_EQ(error.field(), "filter");
  EXPECT_NE(std::string(error.what()).find(std::to_string(kMaxFilterTextBytes)), std::string::npos);
}

}  // namespace
}  // namespace crm
