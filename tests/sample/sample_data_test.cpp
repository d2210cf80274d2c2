#include "crm/sample_data.hpp"

#include <cstdlib>
#include <set>

#include <gtest/gtest.h>

#include "crm/crm.hpp"
#include "support/test_database.hpp"

namespace crm {
namespace {

std::vector<std::string> all_contact_names(Database& db) {
  std::vector<std::string> names;
  ListQuery query{.sort = SortBy::id, .limit = 1000};
  do {
    auto page = db.contacts().list(query);
    for (const Contact& c : page.items) names.push_back(c.first_name + " " + c.last_name + " " + c.primary_email());
    query.after = page.next;
  } while (!query.after.empty());
  return names;
}

// Every record of a paged list, walking the pages with `next`.
template <class List>
auto every(List list) {
  ListQuery query{.sort = SortBy::id, .limit = 1000};
  decltype(list(query).items) items;
  do {
    auto page = list(query);
    items.insert(items.end(), page.items.begin(), page.items.end());
    query.after = page.next;
  } while (!query.after.empty());
  return items;
}

std::vector<std::string> all_deals_and_activities(Database& db) {
  std::vector<std::string> lines;
  for (const Opportunity& o : every([&](const ListQuery& q) { return db.opportunities().list(q); }))
    lines.push_back(o.external_ref + " " + o.name + " " + o.amount.to_string() + " " + std::to_string(o.stage.value()));
  for (const Activity& a : every([&](const ListQuery& q) { return db.activities().list(q); }))
    lines.push_back(a.subject + " " + format_instant(a.starts_at) + " " + a.owner);
  for (const Lead& l : every([&](const ListQuery& q) { return db.leads().list(q); }))
    lines.push_back(l.external_ref + " " + l.last_name + " " + l.email);
  return lines;
}

class SampleDataTest : public ::testing::Test {
 protected:
  test::ManualClock clock;
  Database db = Database::open_in_memory(test::test_options(clock));
};

TEST_F(SampleDataTest, LoadsHundredsOfAccountsAndContacts) {
  const SampleSummary summary = load_sample_data(db);
  EXPECT_FALSE(summary.already_loaded);
  EXPECT_EQ(summary.accounts_created, 120);
  EXPECT_EQ(summary.contacts_created, 360);
  EXPECT_EQ(db.accounts().count(), 120);
  EXPECT_EQ(db.contacts().count(), 360);
  EXPECT_GT(summary.job_changes, 0);
  EXPECT_GE(summary.opportunities_created, 120);
  EXPECT_LE(summary.opportunities_created, 240);
  EXPECT_EQ(db.opportunities().count(), summary.opportunities_created);
  EXPECT_GE(summary.activities_created, 2 * 360);
  EXPECT_EQ(db.activities().count(), summary.activities_created);
  EXPECT_EQ(summary.leads_created, 30);
  EXPECT_EQ(db.leads().count(), 30);
  EXPECT_EQ(db.products().list().size(), 8u);
  EXPECT_TRUE(db.products().find_by_sku("SAMPLE-P-01"));
  EXPECT_TRUE(db.integrity_check().empty());
}

TEST_F(SampleDataTest, DealsFillEveryStageAndKeepTheirHistory) {
  load_sample_data(db);
  const Pipeline sales = db.pipelines().default_pipeline();
  std::size_t open_stages = 0;
  for (const Stage& stage : sales.stages) {
    EXPECT_GT(db.opportunities().count({}, {.stage = stage.id}), 0) << stage.name;
    if (stage.kind == StageKind::open) ++open_stages;
  }
  EXPECT_GT(db.opportunities().count({}, {.open = true}), db.opportunities().count({}, {.open = false}));
  for (const Opportunity& deal : every([&](const ListQuery& q) { return db.opportunities().list(q); })) {
    const auto history = db.opportunities().stage_history(deal.id);
    ASSERT_FALSE(history.empty());
    EXPECT_EQ(history.front().to, sales.first_open_stage().id);
    EXPECT_EQ(history.back().to, deal.stage);
    if (deal.stage_kind == StageKind::won) { EXPECT_EQ(history.size(), open_stages + 1); }
    EXPECT_EQ(deal.stage_kind == StageKind::lost, static_cast<bool>(deal.lost_reason)) << deal.external_ref;
    EXPECT_EQ(deal.closed(), deal.closed_on.has_value());
    if (deal.closed()) { EXPECT_LT(*deal.closed_on, db.now().date()); }
    ASSERT_TRUE(deal.expected_close);
    EXPECT_LT(std::abs((*deal.expected_close - db.now().date()).days()), 250);
  }
}

TEST_F(SampleDataTest, DealsBelongToTheAccountItsOwnerAndItsPeople) {
  load_sample_data(db);
  std::set<std::string> currencies;
  int with_products = 0;
  for (const Opportunity& deal : every([&](const ListQuery& q) { return db.opportunities().list(q); })) {
    const Account account = db.accounts().get(deal.account);
    EXPECT_EQ(deal.owner, account.owner);
    EXPECT_EQ(deal.external_ref.rfind("SAMPLE-O-", 0), 0u);
    const std::string country = account.address.country;
    const std::string expected = country == "GB" ? "GBP" : country == "UA" ? "UAH" : "EUR";
    const bool in_dollars = deal.amount.currency() == "USD" && (country == "GB" || country == "DE");
    EXPECT_TRUE(deal.amount.currency() == expected || in_dollars) << deal.external_ref << " " << deal.amount.to_string();
    EXPECT_GT(deal.amount.minor_units(), 0);
    currencies.insert(std::string(deal.amount.currency()));
    if (deal.primary_contact) { EXPECT_EQ(db.contacts().get(deal.primary_contact).account, deal.account); }
    for (const LineItem& item : deal.line_items) {
      EXPECT_EQ(db.products().get(item.product).sku.rfind("SAMPLE-P-", 0), 0u);
      EXPECT_EQ(item.unit_price->currency(), deal.amount.currency());
    }
    with_products += deal.line_items.empty() ? 0 : 1;
  }
  EXPECT_EQ(currencies, (std::set<std::string>{"EUR", "GBP", "UAH", "USD"}));
  EXPECT_GT(with_products, 0);
}

TEST_F(SampleDataTest, CampaignsLeadSourcesAndRatesCoverTheSalesRecords) {
  const SampleSummary summary = load_sample_data(db);
  EXPECT_EQ(summary.campaigns_created, 5);
  EXPECT_EQ(summary.exchange_rates_created, 39);
  std::set<CampaignChannel> channels;
  bool budget = false;
  for (const Campaign& campaign : db.campaigns().list()) {
    channels.insert(campaign.channel);
    budget |= campaign.budget.has_value();
    EXPECT_FALSE(campaign.lead_source.empty());
    ASSERT_TRUE(campaign.starts_on);
    EXPECT_LT(*campaign.starts_on, db.now().date());
    EXPECT_NO_THROW(db.currencies().convert(campaign.cost, "EUR", *campaign.starts_on)) << campaign.name;
  }
  EXPECT_EQ(channels.size(), 5u);
  EXPECT_TRUE(budget);
  std::set<std::string> deal_campaigns;
  for (const Opportunity& deal : every([&](const ListQuery& q) { return db.opportunities().list(q); })) {
    const Account account = db.accounts().get(deal.account);
    EXPECT_EQ(deal.lead_source, account.lead_source);
    EXPECT_EQ(deal.campaign, account.campaign);
    if (!deal.campaign.empty()) deal_campaigns.insert(deal.campaign);
    const Date day = deal.closed_on ? *deal.closed_on : *deal.expected_close;
    EXPECT_NO_THROW(db.currencies().convert(deal.amount, "EUR", day)) << deal.external_ref;
  }
  EXPECT_GE(deal_campaigns.size(), 3u);
  EXPECT_TRUE(deal_campaigns.contains("Spring webinar"));
  EXPECT_EQ(db.accounts().count({.where = "lead_source is empty"}), 0);
  EXPECT_GT(db.accounts().count({.where = "campaign = \"Spring webinar\""}), 0);
  EXPECT_GT(db.contacts().count({.where = "not campaign is empty"}), 0);
  EXPECT_EQ(db.lead_sources().list().size(), 6u);
  std::set<std::string> lead_campaigns;
  for (const Lead& lead : db.leads().list().items) {
    EXPECT_FALSE(lead.source.empty());
    EXPECT_FALSE(lead.job_title.empty());
    EXPECT_EQ(lead.industry.empty(), lead.company_name.empty());
    if (!lead.campaign.empty()) lead_campaigns.insert(lead.campaign);
  }
  EXPECT_FALSE(lead_campaigns.empty());
}

TEST_F(SampleDataTest, OwnersHaveAnAgendaWithReminders) {
  load_sample_data(db);
  const Date today = db.now().date();
  const Agenda agenda = db.activities().agenda("anna.berzina", "UTC", today + boost::gregorian::days(1),
                                               today + boost::gregorian::days(7));
  EXPECT_FALSE(agenda.overdue.empty());
  EXPECT_FALSE(agenda.today.empty());
  EXPECT_FALSE(agenda.upcoming.empty());
  for (const Activity& a : agenda.upcoming) {
    EXPECT_EQ(a.status, ActivityStatus::planned);
    EXPECT_TRUE(a.contact || a.lead);
  }
  EXPECT_FALSE(db.activities().reminders_due(db.now() + boost::posix_time::hours(24 * 30)).empty());
  EXPECT_GT(db.opportunities().count({}, {.open = true}),
            static_cast<std::int64_t>(db.opportunities().without_next_activity({.limit = 1000}).items.size()));
}

TEST_F(SampleDataTest, DoneInteractionsCarryTheirDetails) {
  load_sample_data(db, {.accounts = 20, .contacts = 60});
  std::set<ActivityKind> kinds;
  for (const Activity& a : every([&](const ListQuery& q) {
         return db.activities().list(q, {.status = ActivityStatus::done});
       })) {
    kinds.insert(a.kind);
    EXPECT_LT(a.starts_at, db.now());
    EXPECT_FALSE(a.reminder_at);
    EXPECT_TRUE(a.contact || a.lead);
    if (a.kind == ActivityKind::call) {
      EXPECT_NE(a.direction, Direction::none);
      EXPECT_EQ(a.phone_e164.front(), '+');
    }
    if (a.kind == ActivityKind::email) { EXPECT_NE(a.email.find('@'), std::string::npos); }
  }
  EXPECT_EQ(kinds, (std::set<ActivityKind>{ActivityKind::call, ActivityKind::email, ActivityKind::meeting}));
}

TEST_F(SampleDataTest, TimelinesOfAccountsContactsAndDealsAreFilled) {
  load_sample_data(db, {.accounts = 10, .contacts = 30});
  const Contact first = *db.contacts().find_by_external_ref("SAMPLE-C-00001");
  EXPECT_FALSE(db.timelines().contact(first.id).items.empty());
  EXPECT_FALSE(db.timelines().account(first.account).items.empty());
  const Opportunity deal = db.opportunities().list({.sort = SortBy::id, .limit = 1}).items.front();
  bool stage_change = false;
  for (const TimelineEntry& entry : db.timelines().opportunity(deal.id).items) stage_change |= entry.stage_change.has_value();
  EXPECT_TRUE(stage_change);
}

TEST_F(SampleDataTest, LeadsInEveryStatus) {
  load_sample_data(db, {.accounts = 40, .contacts = 40});
  std::set<LeadStatus> statuses;
  for (const Lead& lead : db.leads().list().items) {
    statuses.insert(lead.status);
    EXPECT_EQ(lead.status == LeadStatus::disqualified, !lead.disqualified_reason.empty());
    EXPECT_FALSE(lead.owner.empty());
    EXPECT_FALSE(lead.phone_e164.empty());
  }
  EXPECT_EQ(statuses.size(), 4u);
  EXPECT_TRUE(db.leads().find_by_external_ref("SAMPLE-L-0001"));
  EXPECT_GT(db.activities().count({}, {.lead = db.leads().find_by_external_ref("SAMPLE-L-0002")->id}), 0);
}

TEST_F(SampleDataTest, OneAccountWithoutPeopleStillGetsItsSales) {
  const SampleSummary summary = load_sample_data(db, {.accounts = 1, .contacts = 0});
  EXPECT_EQ(summary.leads_created, 1);
  EXPECT_EQ(db.opportunities().count(), summary.opportunities_created);
  EXPECT_TRUE(db.integrity_check().empty());
}

TEST_F(SampleDataTest, CoversEveryLanguageAndCountry) {
  load_sample_data(db);
  std::set<std::string> languages;
  std::set<std::string> countries;
  ListQuery query{.limit = 1000};
  for (const Contact& c : db.contacts().list(query).items) {
    languages.insert(c.preferred_language);
    countries.insert(c.country);
    EXPECT_FALSE(c.phones.empty());
    EXPECT_EQ(c.phones.front().e164.front(), '+');
    EXPECT_FALSE(c.primary_email().empty());
    EXPECT_TRUE(c.account);
  }
  EXPECT_EQ(languages, (std::set<std::string>{"de", "en", "lt", "lv", "ru", "uk"}));
  EXPECT_EQ(countries, (std::set<std::string>{"DE", "GB", "LT", "LV", "UA"}));
}

TEST_F(SampleDataTest, SameSeedGivesSameDataAndOtherSeedDiffers) {
  load_sample_data(db);
  Database again = Database::open_in_memory(test::test_options(clock));
  load_sample_data(again);
  EXPECT_EQ(all_contact_names(db), all_contact_names(again));
  EXPECT_EQ(all_deals_and_activities(db), all_deals_and_activities(again));
  Database other = Database::open_in_memory(test::test_options(clock));
  load_sample_data(other, {.seed = 7});
  EXPECT_NE(all_contact_names(db), all_contact_names(other));
  EXPECT_NE(all_deals_and_activities(db), all_deals_and_activities(other));
}

TEST_F(SampleDataTest, LoadingTwiceAddsNothing) {
  load_sample_data(db);
  const SampleSummary second = load_sample_data(db);
  EXPECT_TRUE(second.already_loaded);
  EXPECT_EQ(second.opportunities_created + second.activities_created + second.leads_created, 0);
  EXPECT_EQ(db.contacts().count(), 360);
  EXPECT_EQ(db.products().list().size(), 8u);
}

TEST_F(SampleDataTest, JobChangesKeepTheEarlierEmployer) {
  load_sample_data(db);
  const Contact sixth = *db.contacts().find_by_external_ref("SAMPLE-C-00006");
  const auto history = db.employments().history(sixth.id);
  ASSERT_EQ(history.size(), 2u);
  EXPECT_TRUE(history[0].current());
  EXPECT_EQ(history[0].account, sixth.account);
  EXPECT_FALSE(history[1].current());
}

TEST_F(SampleDataTest, AJobChangeIsAlwaysToAnotherEmployer) {
  for (int accounts : {2, 7, 14}) {
    Database small = Database::open_in_memory(test::test_options(clock));
    load_sample_data(small, {.accounts = accounts, .contacts = 3 * accounts});
    for (const Contact& contact : small.contacts().list({.limit = 1000}).items) {
      const auto history = small.employments().history(contact.id);
      if (history.size() == 2) { EXPECT_NE(history[0].account, history[1].account) << accounts << " accounts"; }
    }
  }
}

TEST_F(SampleDataTest, WorksWithoutDefaultRegion) {
  Database international = Database::open_in_memory(test::test_options(clock, ""));
  EXPECT_EQ(load_sample_data(international, {.accounts = 10, .contacts = 30}).contacts_created, 30);
}

TEST_F(SampleDataTest, RefusesSizesOutOfRange) {
  EXPECT_CRM_ERROR(load_sample_data(db, {.accounts = 0}), ErrorCode::invalid_argument);
  EXPECT_CRM_ERROR(load_sample_data(db, {.contacts = -1}), ErrorCode::invalid_argument);
  EXPECT_EQ(db.accounts().count(), 0);
}

}  // namespace
}  // namespace crm
