#include "crm/opportunity.hpp"

#include <gtest/gtest.h>

#include "crm/crm.hpp"
#include "support/test_database.hpp"

namespace crm {
namespace {

namespace pt = boost::posix_time;

class OpportunitiesTest : public ::testing::Test {
 protected:
  test::ManualClock clock;
  Database db = Database::open_in_memory(test::test_options(clock));
  test::TestUsers known_users{db};
  bool acting_as_anna = (test::act_as_administrator(db, "anna"), true);
  Opportunities& deals = db.opportunities();
  Pipeline sales = db.pipelines().default_pipeline();
  Account koks = db.accounts().create({.name = "SIA Koka Nams"});
  Contact janis = db.contacts().create({.first_name = "Jānis", .last_name = "Bērziņš", .account = koks.id});

  const Stage& stage(const std::string& name) const { return sales.stage(name); }

  OpportunityData fit_out() {
    return {.account = koks.id, .primary_contact = janis.id, .name = "Office fit-out",
            .amount = Money::parse("12000.00 EUR"), .expected_close = Date(2025, 6, 30), .owner = "anna"};
  }
};

TEST_F(OpportunitiesTest, NewDealStartsInTheFirstOpenStageOfTheDefaultPipeline) {
  const Opportunity deal = deals.create(fit_out());
  EXPECT_EQ(deal.pipeline, sales.id);
  EXPECT_EQ(deal.stage, stage("Prospecting").id);
  EXPECT_EQ(deal.probability, 10);
  EXPECT_FALSE(deal.probability_override);
  EXPECT_FALSE(deal.closed());
  EXPECT_EQ(deal.amount.to_string(), "12000.00 EUR");
  const auto history = deals.stage_history(deal.id);
  ASSERT_EQ(history.size(), 1u);
  EXPECT_FALSE(history[0].from);
  EXPECT_EQ(history[0].to, stage("Prospecting").id);
  EXPECT_EQ(history[0].by, "anna");
  EXPECT_EQ(history[0].amount, deal.amount);
  EXPECT_EQ(history[0].probability, 10);
}

TEST_F(OpportunitiesTest, EveryStageChangeIsRecorded) {
  Opportunity deal = deals.create(fit_out());
  clock.advance(pt::hours(24));
  deal = deals.move_to_stage(deal.id, stage("Proposal").id);
  EXPECT_EQ(deal.probability, 50);
  deal.amount = Money::parse("15000 EUR");
  deal.stage = stage("Negotiation").id;
  clock.advance(pt::hours(24));
  deal = deals.update(deal);  // a stage change through update is recorded too
  const auto history = deals.stage_history(deal.id);
  ASSERT_EQ(history.size(), 3u);
  EXPECT_EQ(history[2].from, stage("Proposal").id);
  EXPECT_EQ(history[2].to, stage("Negotiation").id);
  EXPECT_EQ(history[2].amount.to_string(), "15000.00 EUR");
  EXPECT_EQ(history[2].probability, 75);
  EXPECT_EQ(history[2].at, *clock.now);
}

TEST_F(OpportunitiesTest, WinningRecordsTheCloseDateLosingNeedsAReason) {
  Opportunity won = deals.create(fit_out());
  won = deals.move_to_stage(won.id, stage("Won").id);
  EXPECT_TRUE(won.closed());
  EXPECT_EQ(won.closed_on, clock.now->date());
  EXPECT_EQ(won.probability, 100);

  Opportunity lost = deals.create(fit_out());
  auto no_reason = EXPECT_CRM_ERROR(deals.move_to_stage(lost.id, stage("Lost").id), ErrorCode::invalid_argument);
  EXPECT_EQ(no_reason.field(), "opportunity.lost_reason");
  const LostReason price = *db.pipelines().find_lost_reason("Price");
  lost = deals.move_to_stage(lost.id, stage("Lost").id, {.closed_on = Date(2025, 3, 1), .lost_reason = price.id});
  EXPECT_EQ(lost.lost_reason, price.id);
  EXPECT_EQ(lost.closed_on, Date(2025, 3, 1));
  EXPECT_EQ(deals.stage_history(lost.id).back().lost_reason, price.id);
  EXPECT_CRM_ERROR(deals.move_to_stage(won.id, stage("Won").id, {.closed_on = Date(2099, 1, 1)}),
                   ErrorCode::invalid_argument);
}

TEST_F(OpportunitiesTest, ADealCreatedLostMayLackItsReasonButOneThatBecomesLostMayNot) {
  OpportunityData history = fit_out();
  history.stage = stage("Lost").id;
  history.closed_on = Date(2024, 11, 5);
  Opportunity lost = deals.create(history);  // imported history: no reason was recorded
  EXPECT_TRUE(lost.closed());
  EXPECT_FALSE(lost.lost_reason);
  lost.description = "from the old CRM";
  lost = deals.update(lost);  // still lost: editing it needs no reason either
  EXPECT_EQ(lost.description, "from the old CRM");
  lost = deals.move_to_stage(lost.id, stage("Proposal").id);
  auto no_reason = EXPECT_CRM_ERROR(deals.move_to_stage(lost.id, stage("Lost").id), ErrorCode::invalid_argument);
  EXPECT_EQ(no_reason.field(), "opportunity.lost_reason");
}

TEST_F(OpportunitiesTest, ReopeningAClosedDealIsAllowedAndRecorded) {
  Opportunity deal = deals.create(fit_out());
  deal = deals.move_to_stage(deal.id, stage("Lost").id,
                             {.lost_reason = db.pipelines().find_lost_reason("Timing")->id});
  deal = deals.move_to_stage(deal.id, stage("Negotiation").id);
  EXPECT_FALSE(deal.closed());
  EXPECT_FALSE(deal.closed_on);
  EXPECT_FALSE(deal.lost_reason);
  const auto history = deals.stage_history(deal.id);
  ASSERT_EQ(history.size(), 3u);
  EXPECT_EQ(history[2].from, stage("Lost").id);
}

TEST_F(OpportunitiesTest, AStageOfAnotherPipelineIsRefused) {
  const Pipeline renewals = db.pipelines().create(
      "Renewals", {{"Due", 60, StageKind::open}, {"Renewed", 100, StageKind::won}, {"Churned", 0, StageKind::lost}});
  Opportunity deal = deals.create(fit_out());
  auto error = EXPECT_CRM_ERROR(deals.move_to_stage(deal.id, renewals.stages[1].id), ErrorCode::invalid_argument);
  EXPECT_EQ(error.field(), "opportunity.stage");
  OpportunityData data = fit_out();
  data.pipeline = sales.id;
  data.stage = renewals.stages[0].id;
  EXPECT_CRM_ERROR(deals.create(data), ErrorCode::invalid_argument);
  data.pipeline = renewals.id;  // consistent: a deal in the other pipeline
  EXPECT_EQ(deals.create(data).probability, 60);
  EXPECT_EQ(deals.stage_history(deal.id).size(), 1u);  // the refused move wrote nothing
}

TEST_F(OpportunitiesTest, ProbabilityOverrideSticksAcrossStages) {
  OpportunityData data = fit_out();
  data.probability_override = 33;
  Opportunity deal = deals.create(data);
  EXPECT_EQ(deal.probability, 33);
  deal = deals.move_to_stage(deal.id, stage("Proposal").id);
  EXPECT_EQ(deal.probability, 33);
  deal.probability_override.reset();
  deal = deals.update(deal);  // back to the stage's default
  EXPECT_EQ(deal.probability, 50);
  deal.probability_override = 101;
  EXPECT_CRM_ERROR(deals.update(deal), ErrorCode::invalid_argument);
}

TEST_F(OpportunitiesTest, LineItemsMakeTheAmount) {
  const Product desk = db.products().create({"DESK", "Desk", Money::parse("499.99 EUR")});
  const Product chair = db.products().create({"CHAIR", "Chair", Money::parse("89.50 EUR")});
  OpportunityData data = fit_out();
  data.line_items = {{.product = desk.id, .quantity = 3, .discount_percent = 10},
                     {.product = chair.id, .quantity = 5, .unit_price = Money::parse("80.00 EUR")}};
  const Opportunity deal = deals.create(data);
  ASSERT_EQ(deal.line_items.size(), 2u);
  EXPECT_EQ(deal.line_items[0].unit_price->to_string(), "499.99 EUR");
  EXPECT_EQ(deal.line_items[0].total.to_string(), "1349.97 EUR");  // 1499.97 less 10% = 1349.973
  EXPECT_EQ(deal.line_items[1].total.to_string(), "400.00 EUR");
  EXPECT_EQ(deal.amount.to_string(), "1749.97 EUR");
}

TEST_F(OpportunitiesTest, LineItemsRefuseBadQuantitiesCurrenciesAndInactiveProducts) {
  const Product desk = db.products().create({"DESK", "Desk", Money::parse("499 EUR")});
  const Product dollars = db.products().create({"USD-1", "Imported", Money::parse("10 USD")});
  Product retired = db.products().create({"OLD", "Retired", Money::parse("1 EUR")});
  retired.active = false;
  db.products().update(retired);
  OpportunityData data = fit_out();
  data.line_items = {{.product = desk.id, .quantity = -2}};
  auto quantity = EXPECT_CRM_ERROR(deals.create(data), ErrorCode::invalid_argument);
  EXPECT_EQ(quantity.field(), "opportunity.line_items[0].quantity");
  data.line_items = {{.product = dollars.id}};
  EXPECT_CRM_ERROR(deals.create(data), ErrorCode::invalid_argument);
  data.line_items = {{.product = retired.id}};
  EXPECT_CRM_ERROR(deals.create(data), ErrorCode::invalid_argument);
  data.line_items = {{.product = desk.id, .discount_percent = 120}};
  EXPECT_CRM_ERROR(deals.create(data), ErrorCode::invalid_argument);
  data.line_items = {{.product = ProductId(999)}};
  EXPECT_CRM_ERROR(deals.create(data), ErrorCode::not_found);
  EXPECT_EQ(deals.count(), 0);
}

TEST_F(OpportunitiesTest, ContactsWithRoles) {
  const Contact ilze = db.contacts().create({.first_name = "Ilze", .last_name = "Liepa"});
  OpportunityData data = fit_out();
  data.contacts = {{ilze.id, "decision maker"}, {janis.id, "user"}};
  Opportunity deal = deals.create(data);
  EXPECT_EQ(deal.contacts.size(), 2u);
  deal.contacts.push_back({ilze.id, "influencer"});
  EXPECT_CRM_ERROR(deals.update(deal), ErrorCode::invalid_argument);  // listed twice
  data.contacts = {{ilze.id, ""}};
  EXPECT_CRM_ERROR(deals.create(data), ErrorCode::invalid_argument);
  data.contacts = {{ContactId(404), "user"}};
  EXPECT_CRM_ERROR(deals.create(data), ErrorCode::not_found);
}

TEST_F(OpportunitiesTest, DealWithoutAccountIsCreatedReadListedAndSelected) {
  OpportunityData data = fit_out();
  data.account = AccountId();
  data.primary_contact = ContactId();
  data.external_ref = "SF-006-1";
  const Opportunity orphan = deals.create(data);
  EXPECT_FALSE(orphan.account);
  EXPECT_FALSE(deals.get(orphan.id).account);
  EXPECT_EQ(deals.find_by_external_ref("SF-006-1")->id, orphan.id);
  const Opportunity with_account = deals.create(fit_out());

  std::vector<OpportunityId> listed;
  for (const Opportunity& deal : deals.list().items) listed.push_back(deal.id);
  EXPECT_EQ(listed.size(), 2u);
  EXPECT_EQ(deals.count({}, {.account = koks.id}), 1);
  EXPECT_EQ(deals.count({.where = "account.name = \"SIA Koka Nams\""}), 1);
  const auto others = deals.list({.where = "not account.name = \"SIA Koka Nams\""}).items;  // a segment keeps it
  ASSERT_EQ(others.size(), 1u);
  EXPECT_EQ(others[0].id, orphan.id);

  // select() joins the account's name: the deal without one is still a row, with nulls.
  const Table table = deals.select({"id", "account_id", "account_name"}, {.sort = SortBy::id}).table;
  ASSERT_EQ(table.row_count(), 2u);
  EXPECT_EQ(table.integer(0, 0), orphan.id.value());
  EXPECT_TRUE(table.is_null(0, 1));
  EXPECT_TRUE(table.is_null(0, 2));
  EXPECT_EQ(table.text(1, 2), "SIA Koka Nams");

  // It moves through the pipeline and can gain and lose an account.
  Opportunity won = deals.move_to_stage(orphan.id, stage("Won").id);
  EXPECT_TRUE(won.closed());
  won.account = koks.id;
  won = deals.update(won);
  EXPECT_EQ(won.account, koks.id);
  won.account = AccountId();
  EXPECT_FALSE(deals.update(won).account);
  EXPECT_NE(with_account.id, orphan.id);
}

TEST_F(OpportunitiesTest, ValidationAndConcurrency) {
  OpportunityData data = fit_out();
  data.account = AccountId(404);
  EXPECT_CRM_ERROR(deals.create(data), ErrorCode::not_found);
  data = fit_out();
  data.name = "";
  EXPECT_CRM_ERROR(deals.create(data), ErrorCode::invalid_argument);
  data = fit_out();
  data.amount = Money::parse("-1 EUR");
  EXPECT_CRM_ERROR(deals.create(data), ErrorCode::invalid_argument);
  data = fit_out();
  data.external_ref = "D-1";
  Opportunity deal = deals.create(data);
  EXPECT_CRM_ERROR(deals.create(data), ErrorCode::already_exists);
  Opportunity stale = deal;
  deal.next_step = "Send contract";
  deals.update(deal);
  stale.next_step = "Call";
  EXPECT_CRM_ERROR(deals.update(stale), ErrorCode::conflict);
  EXPECT_EQ(deals.find_by_external_ref("D-1")->next_step, "Send contract");
}

TEST_F(OpportunitiesTest, ListsFiltersAndSelect) {
  Opportunity open_deal = deals.create(fit_out());
  Opportunity won = deals.create(fit_out());
  deals.move_to_stage(won.id, stage("Won").id);
  EXPECT_EQ(deals.count({}, {.open = true}), 1);
  EXPECT_EQ(deals.count({}, {.open = false}), 1);
  EXPECT_EQ(deals.count({}, {.account = koks.id}), 2);
  EXPECT_EQ(deals.list({}, {.stage = stage("Won").id}).items.at(0).id, won.id);
  EXPECT_CRM_ERROR(deals.list({.country = "LV"}), ErrorCode::invalid_argument);
  const TablePage page = deals.select({"name", "amount", "weighted_amount", "stage", "stage_kind", "account_name"},
                                      {.sort = SortBy::id});
  ASSERT_EQ(page.table.row_count(), 2u);
  EXPECT_EQ(page.table.columns()[1].type, ColumnType::decimal) << "money is never a real";
  EXPECT_EQ(page.table.columns()[2].type, ColumnType::decimal);
  EXPECT_EQ(page.table.text(0, 1), "12000.00");
  EXPECT_EQ(page.table.currency(0, 1), "EUR");
  EXPECT_EQ(page.table.money(0, 2), Money(120000, "EUR"));
  EXPECT_CRM_ERROR(page.table.real(0, 1), ErrorCode::invalid_argument);
  EXPECT_EQ(page.table.text(1, 3), "Won");
  EXPECT_EQ(page.table.text(1, 4), "won");
  EXPECT_EQ(page.table.text(0, 5), "SIA Koka Nams");
  (void)open_deal;
}

TEST_F(OpportunitiesTest, SelectGivesTheWeightedAmountExactInTheDealsCurrency) {
  // amount x probability / 100, rounded half away from zero to the currency's minor unit
  const struct {
    Money amount;
    int probability;
    Money weighted;
  } cases[] = {{Money(5, "EUR"), 50, Money(3, "EUR")},            // 0.025 EUR
               {Money(3, "JPY"), 50, Money(2, "JPY")},            // 1.5 JPY: no minor digits
               {Money(12345, "KWD"), 33, Money(4074, "KWD")},     // 4.07385 KWD: three digits
               {Money(585610, "USD"), 10, Money(58561, "USD")},
               {Money(4611686018427387903, "EUR"), 99, Money(4565569158243114024, "EUR")}};  // no overflow
  for (const auto& c : cases) {
    OpportunityData data = fit_out();
    data.amount = c.amount;
    data.probability_override = c.probability;
    deals.create(data);
  }
  const TablePage page = deals.select({"amount", "weighted_amount", "currency"}, {.sort = SortBy::id});
  ASSERT_EQ(page.table.row_count(), std::size(cases));
  for (std::size_t row = 0; row < std::size(cases); ++row) {
    EXPECT_EQ(page.table.money(row, 0), cases[row].amount);
    EXPECT_EQ(page.table.money(row, 1), cases[row].weighted) << cases[row].amount.to_string();
    EXPECT_EQ(page.table.text(row, 2), cases[row].amount.currency());
  }
}

TEST_F(OpportunitiesTest, DealsWithoutAPlannedNextActivity) {
  const Opportunity idle = deals.create(fit_out());
  const Opportunity busy = deals.create(fit_out());
  deals.move_to_stage(deals.create(fit_out()).id, stage("Won").id);  // closed deals do not count
  db.activities().create({.kind = ActivityKind::task, .subject = "Send offer", .opportunity = busy.id});
  const auto page = deals.without_next_activity();
  ASSERT_EQ(page.items.size(), 1u);
  EXPECT_EQ(page.items[0].id, idle.id);
}

TEST_F(OpportunitiesTest, SoftDeleteAndPurge) {
  const Opportunity deal = deals.create(fit_out());
  deals.remove(deal.id);
  EXPECT_EQ(deals.count(), 0);
  EXPECT_CRM_ERROR(deals.move_to_stage(deal.id, stage("Proposal").id), ErrorCode::conflict);
  deals.restore(deal.id);
  deals.purge(deal.id);
  EXPECT_CRM_ERROR(deals.get(deal.id), ErrorCode::not_found);
  EXPECT_TRUE(db.integrity_check().empty());
}

}  // namespace
}  // namespace crm
