#include "crm/custom_field.hpp"

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>
#include <gtest/gtest.h>

#include "crm/crm.hpp"
#include "model/custom_field_store.hpp"
#include "support/test_database.hpp"

namespace crm {
namespace {

using boost::gregorian::date;

// The message of the crm::Error that `statement` throws with `code`.
#define ERROR_MESSAGE(statement, code) std::string(EXPECT_CRM_ERROR(statement, code).what())

class CustomFieldsTest : public ::testing::Test {
 protected:
  test::ManualClock clock;
  Database db = Database::open_in_memory(test::test_options(clock));
  CustomFields& fields = db.custom_fields();
  Account koks = db.accounts().create({.name = "SIA Koka Nams"});
};

TEST_F(CustomFieldsTest, DefineFindAndListInOrder) {
  const CustomField tier = fields.define(RecordKind::contact, {.name = "Tier", .type = CustomFieldType::choice,
                                                              .choices = {"Gold", "Silver"}});
  const CustomField score = fields.define(RecordKind::contact, {.name = "score", .type = CustomFieldType::integer});
  fields.define(RecordKind::account, {.name = "segment"});
  EXPECT_EQ(tier.position, 1);
  EXPECT_EQ(score.position, 2);
  EXPECT_EQ(tier.record_kind, RecordKind::contact);
  EXPECT_EQ(fields.find(RecordKind::contact, "TIER")->id, tier.id);
  EXPECT_FALSE(fields.find(RecordKind::account, "tier"));
  EXPECT_EQ(fields.list(RecordKind::contact).size(), 2u);
  EXPECT_EQ(fields.get(score.id).type, CustomFieldType::integer);
  EXPECT_EQ(ERROR_MESSAGE(fields.define(RecordKind::contact, {.name = "tier", .type = CustomFieldType::text}), ErrorCode::already_exists),
            "custom_field.name: contacts already have a field 'tier'");
  ERROR_MESSAGE(fields.get(CustomFieldId(999)), ErrorCode::not_found);
}

TEST_F(CustomFieldsTest, BadDefinitionsAreRefused) {
  auto refused = [&](RecordKind kind, const CustomFieldData& data) {
    return ERROR_MESSAGE(fields.define(kind, data), ErrorCode::invalid_argument);
  };
  EXPECT_NE(refused(RecordKind::contact, {.name = "loyalty tier"}).find("not a field name"), std::string::npos);
  EXPECT_NE(refused(RecordKind::contact, {.name = "1st"}).find("not a field name"), std::string::npos);
  EXPECT_NE(refused(RecordKind::account, {.name = "Industry"}).find("built-in field"), std::string::npos);
  EXPECT_NE(refused(RecordKind::contact, {.name = "and"}).find("segment language"), std::string::npos);
  EXPECT_NE(refused(RecordKind::contact, {.name = "x", .choices = {"a"}}).find("only choice"), std::string::npos);
  EXPECT_NE(refused(RecordKind::contact, {.name = "x", .type = CustomFieldType::choice}).find("at least one"),
            std::string::npos);
  EXPECT_NE(refused(RecordKind::contact, {.name = "x", .type = CustomFieldType::choices, .choices = {"a;b"}})
                .find("contains ';'"),
            std::string::npos);
  EXPECT_NE(refused(RecordKind::contact, {.name = "x", .type = CustomFieldType::choice, .choices = {"Gold", "gold"}})
                .find("listed twice"),
            std::string::npos);
  EXPECT_EQ(refused(RecordKind::contact, {.name = "x", .type = CustomFieldType::integer, .default_value = CustomValue("ten")}),
            "custom_field.default_value: expects integer, not text");
  EXPECT_TRUE(fields.list(RecordKind::contact).empty());
}

TEST_F(CustomFieldsTest, EveryTypeRoundTripsOnAContact) {
  fields.define(RecordKind::contact, {.name = "note", .type = CustomFieldType::text});
  fields.define(RecordKind::contact, {.name = "visits", .type = CustomFieldType::integer});
  fields.define(RecordKind::contact, {.name = "rating", .type = CustomFieldType::decimal});
  fields.define(RecordKind::contact, {.name = "credit", .type = CustomFieldType::money});
  fields.define(RecordKind::contact, {.name = "met_on", .type = CustomFieldType::date});
  fields.define(RecordKind::contact, {.name = "vegan", .type = CustomFieldType::boolean});
  fields.define(RecordKind::contact, {.name = "tier", .type = CustomFieldType::choice, .choices = {"Gold", "Silver"}});
  fields.define(RecordKind::contact,
                {.name = "interests", .type = CustomFieldType::choices, .choices = {"Sauna", "Golf", "Opera"}});
  ContactData data{.first_name = "Jānis", .last_name = "Bērziņš", .account = koks.id};
  data.custom = {{"note", "Kafija bez cukura"},
                 {"visits", 3},
                 {"rating", CustomValue::decimal("4.50")},
                 {"credit", Money(150000, "EUR")},
                 {"met_on", date(2025, 2, 28)},
                 {"vegan", false},
                 {"TIER", "gold"},
                 {"interests", std::vector<std::string>{"golf", "Sauna"}}};
  const Contact created = db.contacts().create(data);
  const CustomValues expected = {{"note", "Kafija bez cukura"},
                                 {"visits", 3},
                                 {"rating", CustomValue::Decimal{"4.5"}},
                                 {"credit", Money(150000, "EUR")},
                                 {"met_on", date(2025, 2, 28)},
                                 {"vegan", false},
                                 {"tier", "Gold"},
                                 {"interests", std::vector<std::string>{"Golf", "Sauna"}}};
  EXPECT_EQ(created.custom, expected);
  EXPECT_EQ(db.contacts().get(created.id).custom, expected);
  EXPECT_EQ(db.contacts().list().items.at(0).custom, expected);
}

TEST_F(CustomFieldsTest, EveryRecordKindCarriesValues) {
  for (RecordKind kind : {RecordKind::account, RecordKind::contact, RecordKind::lead, RecordKind::opportunity,
                          RecordKind::activity})
    fields.define(kind, {.name = "region_code", .type = CustomFieldType::text});
  AccountData account{.name = "SIA Jauna"};
  account.custom["region_code"] = "R1";
  const Account created = db.accounts().create(account);
  EXPECT_EQ(created.custom, (CustomValues{{"region_code", "R1"}}));
  EXPECT_EQ(db.accounts().get(created.id).custom, (CustomValues{{"region_code", "R1"}}));
  LeadData lead{.last_name = "Ozola"};
  lead.custom["region_code"] = "R2";
  EXPECT_EQ(db.leads().get(db.leads().create(lead).id).custom, (CustomValues{{"region_code", "R2"}}));
  OpportunityData deal{.account = koks.id, .name = "Fit-out", .amount = Money(100, "EUR")};
  deal.custom["region_code"] = "R3";
  const Opportunity stored_deal = db.opportunities().create(deal);
  EXPECT_EQ(db.opportunities().get(stored_deal.id).custom, (CustomValues{{"region_code", "R3"}}));
  ActivityData call{.kind = ActivityKind::call, .subject = "Hello", .account = koks.id};
  call.custom["region_code"] = "R4";
  const Activity activity = db.activities().create(call);
  EXPECT_EQ(db.activities().get(activity.id).custom, (CustomValues{{"region_code", "R4"}}));
  int with_values = 0;
  for (const TimelineEntry& entry : db.timelines().account(koks.id).items)
    if (entry.activity) with_values += entry.activity->custom == CustomValues{{"region_code", "R4"}} ? 1 : 0;
  EXPECT_EQ(with_values, 1);
}

TEST_F(CustomFieldsTest, UnknownFieldNamesTheNearestOne) {
  fields.define(RecordKind::account, {.name = "industry_code"});
  AccountData data{.name = "SIA Jauna"};
  data.custom["industy_code"] = "A";
  EXPECT_EQ(ERROR_MESSAGE(db.accounts().create(data), ErrorCode::invalid_argument),
            "account.custom.industy_code: no such custom field on accounts; did you mean 'industry_code'?");
  data.custom = {{"industry_cdoe", "A"}};
  EXPECT_NE(ERROR_MESSAGE(db.accounts().create(data), ErrorCode::invalid_argument).find("did you mean 'industry_code'"),
            std::string::npos);
  data.custom = {{"zzz", "A"}};
  EXPECT_EQ(ERROR_MESSAGE(db.accounts().create(data), ErrorCode::invalid_argument),
            "account.custom.zzz: no such custom field on accounts (defined: industry_code)");
  EXPECT_EQ(db.accounts().count(), 1);
  ActivityData note{.kind = ActivityKind::note, .account = koks.id, .custom = {{"zzz", "A"}}};
  EXPECT_EQ(ERROR_MESSAGE(db.activities().create(note), ErrorCode::invalid_argument),
            "activity.custom.zzz: no such custom field on activities (none are defined)");
}

TEST_F(CustomFieldsTest, WrongTypesAndUnlistedChoicesWriteNothing) {
  fields.define(RecordKind::contact, {.name = "visits", .type = CustomFieldType::integer});
  fields.define(RecordKind::contact, {.name = "tier", .type = CustomFieldType::choice, .choices = {"Gold"}});
  fields.define(RecordKind::contact, {.name = "tags2", .type = CustomFieldType::choices, .choices = {"a", "b"}});
  ContactData data{.last_name = "Ozols"};
  data.custom = {{"visits", "three"}};
  EXPECT_EQ(ERROR_MESSAGE(db.contacts().create(data), ErrorCode::invalid_argument),
            "contact.custom.visits: expects integer, not text");
  data.custom = {{"tier", "Platinum"}};
  EXPECT_EQ(ERROR_MESSAGE(db.contacts().create(data), ErrorCode::invalid_argument),
            "contact.custom.tier: 'Platinum' is not one of its choices (Gold)");
  data.custom = {{"tags2", std::vector<std::string>{"a", "A"}}};
  EXPECT_NE(ERROR_MESSAGE(db.contacts().create(data), ErrorCode::invalid_argument).find("chosen twice"),
            std::string::npos);
  data.custom = {{"visits", 1}, {"VISITS", 2}};
  EXPECT_NE(ERROR_MESSAGE(db.contacts().create(data), ErrorCode::invalid_argument).find("given twice"),
            std::string::npos);
  EXPECT_EQ(db.contacts().count(), 0);
}

TEST_F(CustomFieldsTest, DefaultsFillNewRecordsAndRequiredFieldsMustHaveAValue) {
  fields.define(RecordKind::lead, {.name = "channel", .type = CustomFieldType::choice, .choices = {"web", "phone"},
                                   .required = true, .default_value = CustomValue("web")});
  fields.define(RecordKind::lead, {.name = "budget", .type = CustomFieldType::money, .required = true});
  LeadData data{.last_name = "Ozola"};
  EXPECT_EQ(ERROR_MESSAGE(db.leads().create(data), ErrorCode::invalid_argument),
            "lead.custom.budget: is required");
  data.custom["budget"] = Money(500000, "EUR");
  Lead lead = db.leads().create(data);
  EXPECT_EQ(lead.custom.at("channel"), CustomValue("web"));
  lead.custom.erase("budget");
  EXPECT_EQ(ERROR_MESSAGE(db.leads().update(lead), ErrorCode::invalid_argument), "lead.custom.budget: is required");
  lead.custom["budget"] = "";  // empty text counts as no value
  ERROR_MESSAGE(db.leads().update(lead), ErrorCode::invalid_argument);
  EXPECT_EQ(db.leads().get(lead.id).custom.at("budget"), CustomValue(Money(500000, "EUR")));
}

TEST_F(CustomFieldsTest, RenamingKeepsValuesAndRemovingKeepsOtherData) {
  const CustomField tier = fields.define(RecordKind::contact, {.name = "tier"});
  const CustomField score = fields.define(RecordKind::contact, {.name = "score", .type = CustomFieldType::integer});
  ContactData data{.last_name = "Ozols", .job_title = "CEO"};
  data.custom = {{"tier", "A"}, {"score", 7}};
  const Contact contact = db.contacts().create(data);
  CustomFieldData renamed = tier;
  renamed.name = "level";
  fields.update(tier.id, renamed);
  EXPECT_EQ(db.contacts().get(contact.id).custom, (CustomValues{{"level", "A"}, {"score", 7}}));
  fields.remove(score.id);
  const Contact after = db.contacts().get(contact.id);
  EXPECT_EQ(after.custom, (CustomValues{{"level", "A"}}));
  EXPECT_EQ(after.job_title, "CEO");
  EXPECT_EQ(after.version, contact.version);
  fields.remove(tier.id);
  EXPECT_TRUE(db.contacts().get(contact.id).custom.empty());
  EXPECT_TRUE(db.integrity_check().empty());
  // The name is free again, and a field of the same name does not see old values.
  fields.define(RecordKind::contact, {.name = "score", .type = CustomFieldType::integer});
  EXPECT_TRUE(db.contacts().get(contact.id).custom.empty());
}

TEST_F(CustomFieldsTest, DefinitionsChangedInsideATransactionApplyAtOnceAndRollBackWithIt) {
  {
    Transaction transaction(db);
    db.contacts().create({.last_name = "Ozols"});  // reads the (empty) definitions
    fields.define(RecordKind::contact, {.name = "tier"});
    EXPECT_EQ(db.contacts().create({.last_name = "Liepa", .custom = {{"tier", "A"}}}).custom.at("tier"), CustomValue("A"));
    transaction.rollback();
  }
  EXPECT_TRUE(fields.list(RecordKind::contact).empty());
  EXPECT_NE(ERROR_MESSAGE(db.contacts().create({.last_name = "Liepa", .custom = {{"tier", "A"}}}), ErrorCode::invalid_argument)
                .find("none are defined"),
            std::string::npos);
  Transaction again(db);
  const CustomField tier = fields.define(RecordKind::contact, {.name = "tier"});
  db.contacts().create({.last_name = "Liepa", .custom = {{"tier", "A"}}});
  fields.remove(tier.id);
  ERROR_MESSAGE(db.contacts().create({.last_name = "Kalna", .custom = {{"tier", "A"}}}), ErrorCode::invalid_argument);
  again.commit();
  EXPECT_EQ(db.contacts().count(), 1);
}

TEST_F(CustomFieldsTest, TypeCannotChangeAndUsedChoicesCannotBeDropped) {
  const CustomField tier = fields.define(RecordKind::opportunity, {.name = "size", .type = CustomFieldType::choices,
                                                                    .choices = {"S", "M", "L"}});
  OpportunityData deal{.account = koks.id, .name = "Fit-out", .amount = Money(100, "EUR")};
  deal.custom["size"] = std::vector<std::string>{"M"};
  db.opportunities().create(deal);
  CustomFieldData changed = tier;
  changed.type = CustomFieldType::text;
  changed.choices.clear();
  EXPECT_NE(ERROR_MESSAGE(fields.update(tier.id, changed), ErrorCode::invalid_argument).find("cannot change"),
            std::string::npos);
  changed = tier;
  changed.choices = {"S", "L", "XL"};
  EXPECT_EQ(ERROR_MESSAGE(fields.update(tier.id, changed), ErrorCode::conflict),
            "custom_field.choices: 'M' is still chosen by 1 opportunity");
  changed.choices = {"S", "m", "L", "XL"};  // respelling a chosen value would strand the stored "M"
  EXPECT_EQ(ERROR_MESSAGE(fields.update(tier.id, changed), ErrorCode::conflict),
            "custom_field.choices: 'M' is still chosen by 1 opportunity");
  changed.choices = {"S", "M", "L", "XL"};
  EXPECT_EQ(fields.update(tier.id, changed).choices.size(), 4u);
}

TEST_F(CustomFieldsTest, IndexedFieldGetsAnIndexTheFilterUses) {
  test::TempDir dir;
  Database file = Database::open(dir.file("indexed.crm"), test::test_options(clock));
  const CustomField tier = file.custom_fields().define(RecordKind::contact, {.name = "tier", .indexed = true});
  SQLite::Database raw(dir.file("indexed.crm"), SQLite::OPEN_READONLY);
  SQLite::Statement explain(raw, "EXPLAIN QUERY PLAN SELECT id FROM contacts WHERE " +
                                     detail::custom_value_sql(tier, "contacts") + " = 'A'");
  std::string plan;
  while (explain.executeStep()) plan += explain.getColumn(3).getString() + "\n";
  EXPECT_NE(plan.find("custom_field_" + std::to_string(tier.id.value()) + "_values"), std::string::npos) << plan;
  CustomFieldData unindexed = tier;
  unindexed.indexed = false;
  file.custom_fields().update(tier.id, unindexed);
  EXPECT_EQ(raw.execAndGet("SELECT count(*) FROM sqlite_schema WHERE name GLOB 'custom_field_[0-9]*'").getInt(), 0);
}

TEST(CustomValueTest, ParsesTheWrittenFormOfEveryType) {
  EXPECT_EQ(CustomValue::parse(CustomFieldType::integer, " 42 "), CustomValue(42));
  EXPECT_EQ(CustomValue::parse(CustomFieldType::integer, "+43"), CustomValue(43));
  EXPECT_EQ(CustomValue::parse(CustomFieldType::decimal, "012.50").decimal_text(), "12.5");
  EXPECT_EQ(CustomValue::parse(CustomFieldType::decimal, "-0.0").decimal_text(), "0");
  EXPECT_EQ(CustomValue::parse(CustomFieldType::money, "1200.50 EUR").money(), Money(120050, "EUR"));
  EXPECT_EQ(CustomValue::parse(CustomFieldType::date, "2024-02-29").date(), date(2024, 2, 29));
  EXPECT_TRUE(CustomValue::parse(CustomFieldType::boolean, "Yes").boolean());
  EXPECT_FALSE(CustomValue::parse(CustomFieldType::boolean, "0").boolean());
  EXPECT_EQ(CustomValue::parse(CustomFieldType::choices, "Golf; Sauna;").choices(),
            (std::vector<std::string>{"Golf", "Sauna"}));
  for (const auto& bad : std::vector<std::pair<CustomFieldType, std::string>>{
           {CustomFieldType::integer, "4.2"},        {CustomFieldType::integer, "99999999999999999999"},
           {CustomFieldType::decimal, "1,5"},        {CustomFieldType::decimal, "1234567890.123456789"},
           {CustomFieldType::money, "12"},           {CustomFieldType::date, "31.01.2025"},
           {CustomFieldType::boolean, "maybe"}}) {
    const CustomFieldType type = bad.first;  // not a structured binding: clang 14 cannot capture one
    const std::string& text = bad.second;
    EXPECT_EQ(ERROR_MESSAGE(CustomValue::parse(type, text, "tier"), ErrorCode::invalid_argument).rfind("tier: ", 0),
              0u)
        << text;
  }
  for (const CustomValue& value : {CustomValue(42), CustomValue::decimal("-3.25"), CustomValue(Money(5, "EUR")),
                                   CustomValue(date(2025, 1, 31)), CustomValue(true),
                                   CustomValue(std::vector<std::string>{"a", "b"})}) {
    const auto type = static_cast<CustomFieldType>(value.get().index() + (value.get().index() >= 6 ? 1 : 0));
    EXPECT_EQ(CustomValue::parse(type, value.to_string()), value) << value.to_string();
  }
  EXPECT_EQ(ERROR_MESSAGE((void)CustomValue(3).text(), ErrorCode::invalid_argument),
            "custom value: holds integer, not text");
}

}  // namespace
}  // namespace crm
