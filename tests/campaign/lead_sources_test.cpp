#include <gtest/gtest.h>

#include "crm/crm.hpp"
#include "support/test_database.hpp"

namespace crm {
namespace {

class LeadSourcesTest : public ::testing::Test {
 protected:
  test::ManualClock clock;
  Database db = Database::open_in_memory(test::test_options(clock));
  LeadSources& sources = db.lead_sources();

  std::vector<std::string> names() {
    std::vector<std::string> list;
    for (const LeadSource& source : sources.list()) list.push_back(source.name);
    return list;
  }
  Account account(const std::string& lead_source, const std::string& ref = {}) {
    return db.accounts().create({.name = "SIA Koks", .lead_source = lead_source, .external_ref = ref});
  }
};

TEST_F(LeadSourcesTest, AddedSourceIsFoundIgnoringCaseAndDiacriticsWithItsNameAsWritten) {
  const LeadSource fair = sources.add("  Tirdzniecības izstāde ");
  EXPECT_EQ(fair.name, "Tirdzniecības izstāde");
  ASSERT_TRUE(sources.find("TIRDZNIECIBAS izstade"));
  EXPECT_EQ(sources.find("tirdzniecibas izstade")->id, fair.id);
  EXPECT_EQ(sources.get(fair.id).name, "Tirdzniecības izstāde");
  EXPECT_FALSE(sources.find("Выставка"));
  EXPECT_FALSE(sources.find(""));
}

TEST_F(LeadSourcesTest, AddRefusesATakenEmptyOrMultiLineName) {
  sources.add("Web");
  const Error taken = EXPECT_CRM_ERROR(sources.add("WEB"), ErrorCode::already_exists);
  EXPECT_EQ(std::string(taken.what()), "lead_source.name: 'WEB' is already a lead source ('Web')");
  EXPECT_EQ(EXPECT_CRM_ERROR(sources.add(" "), ErrorCode::invalid_argument).field(), "lead_source.name");
  EXPECT_CRM_ERROR(sources.add("Web\nform"), ErrorCode::invalid_argument);
  EXPECT_CRM_ERROR(sources.get(LeadSourceId(99)), ErrorCode::not_found);
  EXPECT_EQ(names(), std::vector<std::string>{"Web"});
}

TEST_F(LeadSourcesTest, ListIsByNameIgnoringCaseAndDiacritics) {
  for (const char* name : {"referral", "Ārējā reklāma", "Cold call", "Web"}) sources.add(name);
  EXPECT_EQ(names(), (std::vector<std::string>{"Ārējā reklāma", "Cold call", "referral", "Web"}));
}

TEST_F(LeadSourcesTest, RecordNamingAnUnknownSourceAddsItOnceAndReadsTheStoredSpelling) {
  EXPECT_EQ(account("Web").lead_source, "Web");
  const Contact contact = db.contacts().create({.last_name = "Ozola", .lead_source = "web "});
  EXPECT_EQ(contact.lead_source, "Web");
  EXPECT_EQ(db.contacts().get(contact.id).lead_source, "Web");
  const Lead lead = db.leads().create({.last_name = "Liepa", .source = "WĒB"});
  EXPECT_EQ(lead.source, "Web");
  EXPECT_EQ(names(), std::vector<std::string>{"Web"});
  EXPECT_EQ(account("").lead_source, "");
  EXPECT_EQ(names().size(), 1u);
}

TEST_F(LeadSourcesTest, RenameShowsOnEveryRecordPointingToIt) {
  const Account firm = account("web");
  const Contact person = db.contacts().create({.last_name = "Ozola", .lead_source = "web"});
  const Lead lead = db.leads().create({.last_name = "Liepa", .source = "web"});
  const Opportunity deal =
      db.opportunities().create({.account = firm.id, .name = "Licences", .amount = Money::parse("100 EUR"),
                                 .lead_source = "web"});
  const LeadSource web = *sources.find("web");
  EXPECT_EQ(sources.rename(web.id, "Website").name, "Website");
  EXPECT_EQ(db.accounts().get(firm.id).lead_source, "Website");
  EXPECT_EQ(db.contacts().get(person.id).lead_source, "Website");
  EXPECT_EQ(db.leads().get(lead.id).source, "Website");
  EXPECT_EQ(db.opportunities().get(deal.id).lead_source, "Website");
  EXPECT_EQ(sources.rename(web.id, "WEBSITE").name, "WEBSITE");  // its own name in other case
  sources.add("Referral");
  EXPECT_CRM_ERROR(sources.rename(web.id, "referral"), ErrorCode::already_exists);
  EXPECT_CRM_ERROR(sources.rename(LeadSourceId(99), "Other"), ErrorCode::not_found);
}

TEST_F(LeadSourcesTest, RemoveIsRefusedWhileRecordsOrCampaignsPointToIt) {
  Account firm = account("Web");
  Contact person = db.contacts().create({.last_name = "Ozola", .lead_source = "web"});
  const LeadSource web = *sources.find("web");
  const Error used = EXPECT_CRM_ERROR(sources.remove(web.id), ErrorCode::conflict);
  EXPECT_EQ(std::string(used.what()),
            "lead source 'Web': 2 records still point to it (1 account, 1 contact, deleted ones included); point "
            "them elsewhere first");
  EXPECT_EQ(used.field(), "lead_source");
  db.contacts().remove(person.id);  // a deleted record still points to it
  firm.lead_source = "";
  db.accounts().update(firm);
  const Error deleted = EXPECT_CRM_ERROR(sources.remove(web.id), ErrorCode::conflict);
  EXPECT_NE(std::string(deleted.what()).find("1 record still points to it (1 contact"), std::string::npos);
  person = db.contacts().restore(person.id);
  person.lead_source = "";
  db.contacts().update(person);
  const Campaign webinar = db.campaigns().create({.name = "Spring webinar", .lead_source = "Web"});
  const Error by_campaign = EXPECT_CRM_ERROR(sources.remove(web.id), ErrorCode::conflict);
  EXPECT_NE(std::string(by_campaign.what()).find("(1 campaign,"), std::string::npos);
  db.campaigns().remove(webinar.id);
  sources.remove(web.id);
  EXPECT_CRM_ERROR(sources.get(web.id), ErrorCode::not_found);
  EXPECT_CRM_ERROR(sources.remove(web.id), ErrorCode::not_found);
}

TEST_F(LeadSourcesTest, AFailedRecordWriteInsideATransactionLeavesNoNewSource) {
  account("Web", "ERP-1");
  db.leads().create({.last_name = "Ozols", .external_ref = "L-1"});
  Transaction transaction(db);
  EXPECT_CRM_ERROR(account("Gadatirgus", "ERP-1"), ErrorCode::already_exists);
  EXPECT_CRM_ERROR(db.leads().create({.last_name = "Liepa", .source = "Vēstule", .external_ref = "L-1"}),
                   ErrorCode::already_exists);
  EXPECT_CRM_ERROR(db.contacts().create({.last_name = "Kalna", .lead_source = "Radio", .campaign = "Nav"}),
                   ErrorCode::not_found);
  account("Referral", "ERP-2");
  transaction.commit();
  EXPECT_EQ(names(), (std::vector<std::string>{"Referral", "Web"}));
  EXPECT_EQ(db.accounts().count(), 2);
}

TEST_F(LeadSourcesTest, SegmentsAndSelectReadTheSourceName) {
  account("Tirdzniecības izstāde");
  account("Web");
  account("");
  EXPECT_EQ(db.accounts().count({.where = "lead_source ~ \"TIRDZNIECIBAS IZSTADE\""}), 1);
  EXPECT_EQ(db.accounts().count({.where = "lead_source = \"Web\""}), 1);
  EXPECT_EQ(db.accounts().count({.where = "lead_source = \"web\""}), 0);  // = is exact, as on other text
  EXPECT_EQ(db.accounts().count({.where = "lead_source contains \"izst\""}), 1);
  EXPECT_EQ(db.accounts().count({.where = "lead_source is empty"}), 1);
  const TablePage page = db.accounts().select({"name", "lead_source"}, {.sort = SortBy::id});
  ASSERT_EQ(page.table.row_count(), 3u);
  EXPECT_EQ(page.table.text(0, 1), "Tirdzniecības izstāde");
  EXPECT_TRUE(page.table.is_null(2, 1));
  EXPECT_EQ(db.leads().count({.where = "source = \"Web\""}), 0);
}

}  // namespace
}  // namespace crm
