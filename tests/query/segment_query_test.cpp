// Filters run against a database: what each condition selects, the checks
// on names and types, and sorting and selecting by field.
#include <algorithm>

#include <gtest/gtest.h>

#include "crm/crm.hpp"
#include "query/compiler.hpp"
#include "support/test_database.hpp"

namespace crm {
namespace {

using boost::gregorian::date;
using boost::posix_time::hours;
using namespace crm::filters;

// Today is 2025-03-14 (the test clock).
class SegmentQueryTest : public ::testing::Test {
 protected:
  SegmentQueryTest() {
    db.custom_fields().define(RecordKind::contact, {.name = "score", .type = CustomFieldType::integer, .indexed = true});
    db.custom_fields().define(RecordKind::contact, {.name = "tier", .type = CustomFieldType::choice,
                                                    .choices = {"Gold", "Silver"}});
    db.custom_fields().define(RecordKind::contact, {.name = "interests", .type = CustomFieldType::choices,
                                                    .choices = {"Golf", "Sailing", "Opera"}});
    db.custom_fields().define(RecordKind::contact, {.name = "newsletter", .type = CustomFieldType::boolean});
    db.custom_fields().define(RecordKind::contact, {.name = "budget", .type = CustomFieldType::money});
    db.custom_fields().define(RecordKind::contact, {.name = "ratio", .type = CustomFieldType::decimal});
    db.custom_fields().define(RecordKind::account, {.name = "since_year", .type = CustomFieldType::integer});

    koks = db.accounts().create({.name = "SIA Koka Nams", .industry = "Retail", .address = {.country = "LV"},
                                 .tags = {"VIP"}, .custom = {{"since_year", 2001}}}).id;
    bank = db.accounts().create({.name = "UAB Baltic Bank", .industry = "Banking", .address = {.country = "LT"}}).id;
    gmbh = db.accounts().create({.name = "Handel GmbH", .industry = "Retail", .address = {.country = "DE"}}).id;

    anna = db.contacts().create({.first_name = "Anna", .last_name = "Bērziņa", .emails = {{.address = "Anna@Koks.lv"}},
                                 .phones = {{.raw = "26 123 456"}}, .birthday = Birthday::parse("--03-20"),
                                 .country = "LV", .owner = "ilze", .tags = {"vip"}, .account = koks,
                                 .custom = {{"score", 40}, {"tier", "Gold"},
                                            {"interests", std::vector<std::string>{"Golf", "Opera"}},
                                            {"newsletter", true}, {"budget", Money(500000, "EUR")},
                                            {"ratio", CustomValue::decimal("0.75")}}})
               .id;
    jonas = db.contacts().create({.first_name = "Jonas", .last_name = "Petraitis", .birthday = Birthday::parse("1992-02-29"),
                                  .country = "LT", .owner = "ilze", .account = bank,
                                  .custom = {{"score", 7}, {"tier", "Silver"}, {"newsletter", false}}})
                .id;
    oleg = db.contacts().create({.first_name = "Олег", .last_name = "КОВАЛЬЧУК", .emails = {{.address = "oleg@mail.ua"}},
                                 .birthday = Birthday::parse("1985-03-13"), .country = "UA",
                                 .custom = {{"interests", std::vector<std::string>{"Sailing"}}}})
               .id;

    const Pipeline sales = db.pipelines().default_pipeline();
    won = db.opportunities().create({.account = koks, .primary_contact = anna, .name = "Shelves",
                                     .amount = Money(1500000, "EUR"), .stage = sales.stage("Won").id,
                                     .closed_on = date(2025, 2, 1)})
              .id;
    open_eur = db.opportunities().create({.account = bank, .name = "Vault", .amount = Money(500000, "EUR"),
                                          .expected_close = date(2025, 5, 10), .stage = sales.stage("Proposal").id})
                   .id;
    open_jpy = db.opportunities().create({.account = koks, .primary_contact = anna, .name = "Tokyo",
                                          .amount = Money(300000, "JPY"), .expected_close = date(2025, 3, 31)})
                   .id;

    const Instant now = db.now();
    db.activities().create({.kind = ActivityKind::call, .subject = "Intro call", .status = ActivityStatus::done,
                            .starts_at = now - hours(24 * 10), .account = koks, .contact = anna});
    db.activities().create({.kind = ActivityKind::call, .subject = "Follow-up", .status = ActivityStatus::done,
                            .starts_at = now - hours(24 * 3), .account = koks, .contact = anna});
    db.activities().create({.kind = ActivityKind::meeting, .subject = "Visit", .status = ActivityStatus::planned,
                            .starts_at = now + hours(48), .account = bank, .contact = jonas});
    db.activities().create({.kind = ActivityKind::call, .subject = "Old call", .status = ActivityStatus::done,
                            .starts_at = now - hours(24 * 200), .contact = oleg});
  }

  // Ids of the contacts `text` selects, in id order.
  std::vector<ContactId> contacts(const std::string& text) {
    std::vector<ContactId> ids;
    for (const Contact& c : db.contacts().list({.where = text, .sort = SortBy::id}).items) ids.push_back(c.id);
    EXPECT_EQ(db.contacts().count({.where = text}), static_cast<std::int64_t>(ids.size())) << text;
    EXPECT_EQ(db.segments().count(RecordKind::contact, Filter::parse(text)), static_cast<std::int64_t>(ids.size()));
    return ids;
  }
  std::vector<AccountId> accounts(const std::string& text) {
    std::vector<AccountId> ids;
    for (const Account& a : db.accounts().list({.where = text, .sort = SortBy::id}).items) ids.push_back(a.id);
    return ids;
  }
  std::vector<OpportunityId> deals(const std::string& text) {
    std::vector<OpportunityId> ids;
    for (const Opportunity& o : db.opportunities().list({.where = text, .sort = SortBy::id}).items) ids.push_back(o.id);
    return ids;
  }
  Error refused(RecordKind kind, const std::string& text) {
    return EXPECT_CRM_ERROR(db.segments().parse(kind, text), ErrorCode::parse_error);
  }

  test::ManualClock clock;
  Database db = Database::open_in_memory(test::test_options(clock));
  test::TestUsers known_users{db};
  AccountId koks, bank, gmbh;
  ContactId anna, jonas, oleg;
  OpportunityId won, open_eur, open_jpy;
};

using Ids = std::vector<ContactId>;

TEST_F(SegmentQueryTest, ComparisonsOnBuiltInFields) {
  EXPECT_EQ(contacts("country = \"LV\""), Ids({anna}));
  EXPECT_EQ(contacts("country = \"lv\""), Ids({anna})) << "country codes are upper-cased";
  EXPECT_EQ(contacts("country != \"LV\""), Ids({jonas, oleg}));
  EXPECT_EQ(contacts("country in (\"LV\", \"LT\")"), Ids({anna, jonas}));
  EXPECT_EQ(contacts("country not in (\"LV\", \"LT\")"), Ids({oleg}));
  EXPECT_EQ(contacts("owner = \"ilze\" and not country = \"LT\""), Ids({anna}));
  EXPECT_EQ(contacts("owner is empty"), Ids({oleg}));
  EXPECT_EQ(contacts("owner is not empty or country = \"UA\""), Ids({anna, jonas, oleg}));
  EXPECT_EQ(contacts("last_name >= \"P\""), Ids({jonas, oleg}));
}

TEST_F(SegmentQueryTest, TextMatchesIgnoreCaseAndDiacritics) {
  EXPECT_EQ(contacts("last_name ~ \"berzina\""), Ids({anna}));
  EXPECT_EQ(contacts("last_name ~ \"ковальчук\""), Ids({oleg}));
  EXPECT_EQ(contacts("last_name = \"berzina\""), Ids{}) << "= is exact";
  EXPECT_EQ(contacts("last_name contains \"ZIN\""), Ids({anna}));
  EXPECT_EQ(contacts("last_name starts with \"ков\""), Ids({oleg}));
  EXPECT_EQ(contacts("first_name starts with \"\""), Ids({anna, jonas, oleg}));
  EXPECT_EQ(accounts("name starts with \"uab\""), std::vector<AccountId>({bank}));
  EXPECT_EQ(accounts("name contains \"nams\""), std::vector<AccountId>({koks}));
}

TEST_F(SegmentQueryTest, EmailsAndPhonesMatchAnyOfTheContacts) {
  EXPECT_EQ(contacts("email = \"anna@koks.LV\""), Ids({anna}));
  EXPECT_EQ(contacts("email contains \"mail.ua\""), Ids({oleg}));
  EXPECT_EQ(contacts("email is empty"), Ids({jonas}));
  EXPECT_EQ(contacts("email != \"anna@koks.lv\""), Ids({jonas, oleg}));
  EXPECT_EQ(contacts("phone = \"+371 26123456\""), Ids({anna}));
  EXPECT_EQ(contacts("phone starts with \"+371 26\""), Ids({anna}));
  EXPECT_EQ(contacts("phone is not empty"), Ids({anna}));
  EXPECT_NE(std::string(refused(RecordKind::contact, "phone = \"call me\"").what()).find("phone"), std::string::npos);
}

TEST_F(SegmentQueryTest, BirthdayWithinNextDaysWrapsTheYearAndKeeps29February) {
  EXPECT_EQ(contacts("birthday within next 7 days"), Ids({anna}));
  EXPECT_EQ(contacts("birthday within next 5 days"), Ids{});
  EXPECT_EQ(contacts("birthday within next 6 days"), Ids({anna})) << "the last day counts";
  EXPECT_EQ(contacts("birthday within next 363 days"), Ids({anna, jonas}));
  EXPECT_EQ(contacts("birthday within next 364 days"), Ids({anna, jonas, oleg}));
  EXPECT_EQ(contacts("birthday is empty"), Ids{});

  const auto days = [](date today, int n) { return detail::birthday_days(today, n); };
  EXPECT_EQ(days(date(2025, 12, 30), 3), (std::vector<std::string>{"01-01", "01-02", "12-30", "12-31"}));
  EXPECT_EQ(days(date(2025, 2, 27), 1), (std::vector<std::string>{"02-27", "02-28", "02-29"}))
      << "in a common year 29 February is celebrated on the 28th";
  EXPECT_EQ(days(date(2024, 2, 27), 1), (std::vector<std::string>{"02-27", "02-28"})) << "a leap year has its own";
  EXPECT_EQ(days(date(2024, 2, 29), 0), (std::vector<std::string>{"02-29"}));
  EXPECT_EQ(days(date(2025, 3, 1), 0), (std::vector<std::string>{"03-01"}));
  EXPECT_EQ(days(date(2025, 1, 1), 3660).size(), 366u);
}

TEST_F(SegmentQueryTest, TaggedIgnoresCase) {
  EXPECT_EQ(contacts("tagged \"VIP\""), Ids({anna}));
  EXPECT_EQ(accounts("tagged \"vip\""), std::vector<AccountId>({koks}));
  EXPECT_EQ(contacts("not tagged \"vip\""), Ids({jonas, oleg}));
}

TEST_F(SegmentQueryTest, RareAndCommonTagsSelectTheSameRecords) {
  // With one tagged contact among many, "tagged" compiles to an IN list that
  // SQLite can start from; the members must not change.
  for (int i = 0; i < 40; ++i) db.contacts().create({.last_name = "Filler " + std::to_string(i)});
  EXPECT_EQ(contacts("tagged \"vip\""), Ids({anna}));
  EXPECT_EQ(db.contacts().count({.where = "not tagged \"vip\""}), 42);
  EXPECT_EQ(contacts("tagged \"vip\" and country = \"LV\""), Ids({anna}));
}

TEST_F(SegmentQueryTest, AccountFieldsFromAContactFollowTheCurrentEmployer) {
  EXPECT_EQ(contacts("account.industry = \"Retail\""), Ids({anna}));
  EXPECT_EQ(contacts("account.country in (\"LT\", \"DE\")"), Ids({jonas}));
  EXPECT_EQ(contacts("account.since_year > 2000"), Ids({anna}));
}

TEST_F(SegmentQueryTest, RelatedRecordsAndAggregates) {
  EXPECT_EQ(contacts("has opportunity(stage = \"won\" and closed >= 2025-01-01)"), Ids({anna}));
  EXPECT_EQ(contacts("has opportunity(status = open)"), Ids({anna}));
  EXPECT_EQ(contacts("has activity(kind = call and start >= today - 90 days)"), Ids({anna}));
  EXPECT_EQ(contacts("not has activity(kind = call and start >= today - 90 days)"), Ids({jonas, oleg}));
  EXPECT_EQ(contacts("has activity"), Ids({anna, jonas, oleg}));
  EXPECT_EQ(contacts("activity_count(kind = call, since today - 30 days) >= 2"), Ids({anna}));
  EXPECT_EQ(contacts("activity_count(since today - 5 days) = 1"), Ids({anna, jonas}));
  EXPECT_EQ(contacts("activity_count = 0"), Ids{});
  EXPECT_EQ(contacts("last_activity_at < today - 90 days"), Ids({oleg}));
  EXPECT_EQ(contacts("last_activity_at is empty"), Ids({jonas})) << "a planned meeting is not done yet";
  EXPECT_EQ(contacts("won_revenue >= 15000 EUR"), Ids({anna}));
  EXPECT_EQ(contacts("won_revenue > 15000 EUR"), Ids{});
  EXPECT_EQ(accounts("won_revenue = 0 EUR"), std::vector<AccountId>({bank, gmbh}));
  EXPECT_EQ(accounts("open_pipeline >= 3000 JPY"), std::vector<AccountId>({koks}));
  EXPECT_EQ(accounts("open_pipeline between 1 EUR and 5000 EUR"), std::vector<AccountId>({bank}));
  EXPECT_EQ(accounts("has contact(last_name ~ \"berzina\")"), std::vector<AccountId>({koks}));
  EXPECT_EQ(accounts("has opportunity(amount >= 10000 EUR)"), std::vector<AccountId>({koks}));
  EXPECT_EQ(deals("has contact(first_name = \"Anna\")"), std::vector<OpportunityId>({won, open_jpy}));
  EXPECT_EQ(deals("account.industry = \"Banking\""), std::vector<OpportunityId>({open_eur}));
}

TEST_F(SegmentQueryTest, MoneyComparesWithinItsCurrency) {
  EXPECT_EQ(deals("amount >= 10000 EUR"), std::vector<OpportunityId>({won}));
  EXPECT_EQ(deals("amount >= 1 EUR"), std::vector<OpportunityId>({won, open_eur}));
  EXPECT_EQ(deals("amount = 300000 JPY"), std::vector<OpportunityId>({open_jpy}));
  EXPECT_EQ(deals("amount != 300000 JPY"), std::vector<OpportunityId>({won, open_eur}));
  EXPECT_EQ(deals("amount between 5000 EUR and 5000.00 EUR"), std::vector<OpportunityId>({open_eur}));
  EXPECT_EQ(deals("stage = \"Proposal\" or stage = \"WON\""), std::vector<OpportunityId>({won, open_eur}));
  EXPECT_EQ(deals("status in (won, lost)"), std::vector<OpportunityId>({won}));
  EXPECT_EQ(deals("pipeline = \"sales\" and probability >= 50"), std::vector<OpportunityId>({won, open_eur}));
  EXPECT_EQ(deals("lost_reason is empty and closed is not empty"), std::vector<OpportunityId>({won}));
}

TEST_F(SegmentQueryTest, RelativeDatesAndPeriods) {
  EXPECT_EQ(deals("expected_close in this month"), std::vector<OpportunityId>({open_jpy}));
  EXPECT_EQ(deals("expected_close in this quarter"), std::vector<OpportunityId>({open_jpy}));
  EXPECT_EQ(deals("expected_close in next quarter"), std::vector<OpportunityId>({open_eur}));
  EXPECT_EQ(deals("expected_close > this quarter"), std::vector<OpportunityId>({open_eur}));
  EXPECT_EQ(deals("expected_close <= this month"), std::vector<OpportunityId>({open_jpy}));
  EXPECT_EQ(deals("closed in last month"), std::vector<OpportunityId>({won}));
  EXPECT_EQ(deals("closed = 2025-02-01 and closed < today and closed >= today - 2 months"),
            std::vector<OpportunityId>({won}));
  EXPECT_EQ(deals("closed in this year and closed between 2025-02-01 and 2025-02-01"), std::vector<OpportunityId>({won}));
  EXPECT_EQ(deals("created_at = today and created_at in this week and created_at >= this week"),
            std::vector<OpportunityId>({won, open_eur, open_jpy}));
  EXPECT_EQ(deals("created_at < today or created_at > today"), std::vector<OpportunityId>{});
}

TEST_F(SegmentQueryTest, CustomFieldsByName) {
  EXPECT_EQ(contacts("score > 10"), Ids({anna}));
  EXPECT_EQ(contacts("SCORE between 5 and 40"), Ids({anna, jonas}));
  EXPECT_EQ(contacts("score is empty"), Ids({oleg}));
  EXPECT_EQ(contacts("tier = \"gold\""), Ids({anna})) << "a choice compares as defined, ignoring case";
  EXPECT_EQ(contacts("tier in (Gold, Silver)"), Ids({anna, jonas}));
  EXPECT_EQ(contacts("interests = \"golf\""), Ids({anna}));
  EXPECT_EQ(contacts("interests in (\"Sailing\", \"Opera\")"), Ids({anna, oleg}));
  EXPECT_EQ(contacts("interests != \"Golf\""), Ids({jonas, oleg}));
  EXPECT_EQ(contacts("interests is empty"), Ids({jonas}));
  EXPECT_EQ(contacts("newsletter = true"), Ids({anna}));
  EXPECT_EQ(contacts("newsletter = false"), Ids({jonas}));
  EXPECT_EQ(contacts("budget > 1000 EUR"), Ids({anna}));
  EXPECT_EQ(contacts("budget > 1000 USD"), Ids{});
  EXPECT_EQ(contacts("ratio >= 0.5 and ratio < 1"), Ids({anna}));
}

TEST_F(SegmentQueryTest, UnknownNamesSuggestTheNearest) {
  Error e = refused(RecordKind::account, "industy = \"Retail\"");
  EXPECT_EQ(std::string(e.what()), "line 1, column 1: unknown field 'industy' on accounts; did you mean 'industry'?");
  EXPECT_EQ(e.line(), 1);
  e = refused(RecordKind::contact, "country = \"LV\" and\n  tire = \"Gold\"");
  EXPECT_EQ(e.line(), 2);
  EXPECT_EQ(e.column(), 3);
  EXPECT_NE(std::string(e.what()).find("did you mean 'tier'?"), std::string::npos);
  EXPECT_NE(std::string(refused(RecordKind::contact, "account.industy = \"x\"").what()).find("'industry'"),
            std::string::npos);
  EXPECT_NE(std::string(refused(RecordKind::contact, "tier = \"Gould\"").what()).find("did you mean 'Gold'?"),
            std::string::npos);
  EXPECT_NE(std::string(refused(RecordKind::opportunity, "stage = \"Wno\"").what()).find("did you mean 'Won'?"),
            std::string::npos);
  EXPECT_NE(std::string(refused(RecordKind::opportunity, "status = closed").what()).find("values: open, won, lost"),
            std::string::npos);
  EXPECT_NE(std::string(refused(RecordKind::contact, "zzzz = 1").what()).find("fields: first_name"), std::string::npos);
}

TEST_F(SegmentQueryTest, CountriesMayBeWrittenAsNamesOrOtherCodes) {
  const auto latvians = contacts("country = \"LV\"");
  EXPECT_EQ(contacts("country = \"Latvija\""), latvians);
  EXPECT_EQ(contacts("country = \"Latvia\""), latvians);
  EXPECT_EQ(contacts("country in (\"LVA\", \"428\")"), latvians);
}

TEST_F(SegmentQueryTest, TypeMismatchesAreParseErrors) {
  const auto message = [&](RecordKind kind, const std::string& text) {
    return std::string(refused(kind, text).what());
  };
  EXPECT_NE(message(RecordKind::opportunity, "amount >= 10000").find("currency"), std::string::npos);
  EXPECT_NE(message(RecordKind::contact, "score = \"ten\"").find("is a number"), std::string::npos);
  EXPECT_NE(message(RecordKind::contact, "created_at > 5").find("expected a date"), std::string::npos);
  EXPECT_NE(message(RecordKind::contact, "newsletter = 1").find("true or false"), std::string::npos);
  EXPECT_NE(message(RecordKind::contact, "newsletter > true").find("= or !="), std::string::npos);
  EXPECT_NE(message(RecordKind::contact, "score contains \"1\"").find("not free text"), std::string::npos);
  EXPECT_NE(message(RecordKind::contact, "birthday = 2025-01-01").find("birthday within"), std::string::npos);
  EXPECT_NE(message(RecordKind::account, "birthday within next 3 days").find("contacts only"), std::string::npos);
  EXPECT_NE(message(RecordKind::opportunity, "has opportunity").find("does not apply"), std::string::npos);
  EXPECT_NE(message(RecordKind::account, "account.name = \"x\"").find("does not apply"), std::string::npos);
  EXPECT_NE(message(RecordKind::contact, "lead.name = \"x\"").find("only account"), std::string::npos);
  EXPECT_NE(message(RecordKind::contact, "won_revenue is empty").find("always has a value"), std::string::npos);
  const Filter with_condition(FilterNode{Comparison{Operand{"country", field("x") == "1", std::nullopt},
                                                     CompareOp::equal, std::string("LV")}});
  EXPECT_NE(std::string(EXPECT_CRM_ERROR(db.segments().check(RecordKind::contact, with_condition),
                                         ErrorCode::parse_error).what())
                .find("only activity_count"),
            std::string::npos);
  EXPECT_NE(message(RecordKind::contact, "has activity(stage = \"Won\")").find("on activities"), std::string::npos);
  EXPECT_NE(message(RecordKind::contact, "country = \"Narnia\"").find("country"), std::string::npos);
}

TEST_F(SegmentQueryTest, ListsSortByAnyFieldAndPageThroughIt) {
  const auto names = [&](ListQuery query) {
    std::vector<std::string> seen;
    for (;;) {
      auto page = db.contacts().list(query);
      for (const Contact& c : page.items) seen.push_back(c.first_name);
      if (page.next.empty()) return seen;
      query.after = page.next;
    }
  };
  EXPECT_EQ(names({.sort_field = "score", .limit = 1}), (std::vector<std::string>{"Jonas", "Anna", "Олег"}))
      << "numbers ascending, no value last";
  EXPECT_EQ(names({.sort_field = "score", .descending = true, .limit = 1}),
            (std::vector<std::string>{"Олег", "Anna", "Jonas"}));
  EXPECT_EQ(names({.sort_field = "country", .limit = 2}), (std::vector<std::string>{"Jonas", "Anna", "Олег"}));
  EXPECT_EQ(names({.where = "country != \"UA\"", .sort_field = "last_activity_at", .descending = true, .limit = 1}),
            (std::vector<std::string>{"Anna", "Jonas"}));
  EXPECT_EQ(names({.sort_field = "ratio", .limit = 1}), (std::vector<std::string>{"Anna", "Jonas", "Олег"}));
  EXPECT_EQ(EXPECT_CRM_ERROR(db.contacts().list({.sort_field = "scroe"}), ErrorCode::invalid_argument).field(),
            "sort_field");
  EXPECT_CRM_ERROR(db.contacts().list({.sort_field = "email"}), ErrorCode::invalid_argument);
  EXPECT_CRM_ERROR(db.contacts().list({.sort_field = "score", .after = "n:1:x"}), ErrorCode::invalid_argument);
}

TEST_F(SegmentQueryTest, SelectReadsCustomFieldsAsColumns) {
  const Table table =
      db.contacts().select({"first_name", "score", "tier", "interests", "newsletter", "budget", "ratio"},
                           {.where = "score is not empty", .sort = SortBy::id}).table;
  ASSERT_EQ(table.row_count(), 2u);
  EXPECT_EQ(table.integer(0, 1), 40);
  EXPECT_EQ(table.text(0, 2), "Gold");
  EXPECT_EQ(table.text(0, 3), "Golf;Opera");
  EXPECT_EQ(table.integer(0, 4), 1);
  EXPECT_EQ(table.columns()[5].type, ColumnType::decimal);  // money: the exact amount with its currency
  EXPECT_EQ(table.text(0, 5), "5000.00");
  EXPECT_EQ(table.money(0, 5), Money(500000, "EUR"));
  EXPECT_EQ(table.text(0, 6), "0.75");
  EXPECT_TRUE(table.is_null(1, 5));
  EXPECT_EQ(table.columns()[1].type, ColumnType::integer);
  EXPECT_NE(std::string(EXPECT_CRM_ERROR(db.contacts().select({"scroe"}), ErrorCode::invalid_argument).what())
                .find("custom fields"),
            std::string::npos);
}

// Whatever the nesting, a filter either runs or is refused with parse_error
// at a position: never a database error from SQLite's bounded parser stack.
TEST_F(SegmentQueryTest, DeepNestingRunsOrIsRefusedAtAPosition) {
  const auto chain = [](int depth, const std::string& open, const std::string& leaf, const std::string& close) {
    std::string text = leaf;
    for (int i = 0; i < depth; ++i) text = open + text + close;
    return text;
  };
  int runs = 0;
  for (int depth = 1; depth <= 40; ++depth) {
    const std::vector<std::pair<RecordKind, std::string>> filters = {
        {RecordKind::account, chain(depth, "has contact(has opportunity(", "name ~ \"x\"", "))")},
        {RecordKind::contact, chain(depth, "not (country = \"LV\" and ", "email contains \"a\"", ")")},
        {RecordKind::contact, chain(depth, "(score > 1 or not (", "tagged \"vip\"", "))")},
        {RecordKind::opportunity, chain(depth, "has contact(account.won_revenue > 0 EUR and has activity(", "true = 1",
                                        "))")},
        {RecordKind::contact, chain(depth, "activity_count(has contact(interests = \"Golf\" and ", "kind = call",
                                    ")) > 0")},
    };
    for (const auto& [kind, text] : filters) {
      SCOPED_TRACE(text);
      try {
        db.segments().count(kind, db.segments().parse(kind, text));
        ++runs;
      } catch (const Error& e) {
        EXPECT_EQ(e.code(), ErrorCode::parse_error) << e.what();
        EXPECT_GT(e.line(), 0) << e.what();
      }
    }
  }
  EXPECT_GT(runs, 10);
  EXPECT_EQ(Filter::parse(std::string(20, '(') + "x is not empty" + std::string(20, ')')).to_string(), "x is not empty");
  std::string nots;
  for (int i = 0; i < 62; ++i) nots += "not ";
  const Filter deep = Filter::parse(nots + "x is not empty");
  EXPECT_EQ(Filter::parse(deep.to_string()), deep) << "printing adds no nesting level";
}

TEST_F(SegmentQueryTest, DeletedRecordsAndRelatedRecordsStayOut) {
  db.contacts().remove(oleg);
  EXPECT_EQ(contacts("country = \"UA\""), Ids{});
  EXPECT_EQ(db.contacts().count({.where = "country = \"UA\"", .deleted = DeletedFilter::only}), 1);
  db.opportunities().remove(won);
  EXPECT_EQ(contacts("won_revenue > 0 EUR or has opportunity(status = won)"), Ids{});
}

}  // namespace
}  // namespace crm
