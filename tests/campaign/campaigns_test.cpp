#include <gtest/gtest.h>

#include "crm/crm.hpp"
#include "support/test_database.hpp"

namespace crm {
namespace {

using boost::gregorian::date;

class CampaignsTest : public ::testing::Test {
 protected:
  test::ManualClock clock;
  Database db = Database::open_in_memory(test::test_options(clock));
  test::TestUsers known_users{db};
  Campaigns& campaigns = db.campaigns();

  CampaignData fair() {
    return {.name = "Rudens gadatirgus Rīgā", .channel = CampaignChannel::event, .starts_on = date(2025, 9, 1),
            .ends_on = date(2025, 9, 30), .cost = Money::parse("1200.00 EUR"), .budget = Money::parse("2000.00 EUR"),
            .lead_source = "Trade fair", .owner = "anna.berzina", .description = "Stand B12"};
  }
  std::vector<std::string> names() {
    std::vector<std::string> list;
    for (const Campaign& campaign : campaigns.list()) list.push_back(campaign.name);
    return list;
  }
};

TEST_F(CampaignsTest, CreateStoresEveryFieldAndFindIgnoresCaseAndDiacritics) {
  const Campaign made = campaigns.create(fair());
  EXPECT_EQ(made.version, 1);
  EXPECT_EQ(made.created_at, db.now());
  const Campaign read = campaigns.get(made.id);
  EXPECT_EQ(read.name, "Rudens gadatirgus Rīgā");
  EXPECT_EQ(read.channel, CampaignChannel::event);
  EXPECT_EQ(read.starts_on, date(2025, 9, 1));
  EXPECT_EQ(read.ends_on, date(2025, 9, 30));
  EXPECT_EQ(read.cost, Money::parse("1200.00 EUR"));
  EXPECT_EQ(read.budget, Money::parse("2000.00 EUR"));
  EXPECT_EQ(read.lead_source, "Trade fair");
  EXPECT_EQ(read.owner, "anna.berzina");
  EXPECT_EQ(read.description, "Stand B12");
  ASSERT_TRUE(campaigns.find("RUDENS GADATIRGUS RIGA"));
  EXPECT_EQ(campaigns.find("rudens gadatirgus riga")->id, made.id);
  EXPECT_FALSE(campaigns.find("Pavasara vēstule"));
  EXPECT_TRUE(db.lead_sources().find("trade fair"));  // named by the campaign, so added
  EXPECT_CRM_ERROR(campaigns.get(CampaignId(99)), ErrorCode::not_found);
}

TEST_F(CampaignsTest, InvalidDataIsRefusedNamingTheField) {
  const auto refused_field = [&](CampaignData data) {
    return EXPECT_CRM_ERROR(campaigns.create(data), ErrorCode::invalid_argument).field();
  };
  CampaignData data = fair();
  data.name = " ";
  EXPECT_EQ(refused_field(data), "campaign.name");
  data = fair();
  data.ends_on = date(2025, 8, 31);
  EXPECT_EQ(refused_field(data), "campaign.ends_on");
  data = fair();
  data.cost = Money::parse("-1.00 EUR");
  EXPECT_EQ(refused_field(data), "campaign.cost");
  data = fair();
  data.budget = Money::parse("2000.00 USD");
  const Error currency = EXPECT_CRM_ERROR(campaigns.create(data), ErrorCode::invalid_argument);
  EXPECT_EQ(std::string(currency.what()), "campaign.budget: 2000.00 USD is not in the cost's currency EUR");
  data.budget = Money::parse("-5.00 EUR");
  EXPECT_EQ(refused_field(data), "campaign.budget");
  data = fair();
  data.channel = static_cast<CampaignChannel>(42);
  EXPECT_EQ(refused_field(data), "campaign.channel");
  data = fair();
  data.starts_on = Date(boost::date_time::not_a_date_time);
  EXPECT_EQ(refused_field(data), "campaign.starts_on");
  EXPECT_TRUE(campaigns.list().empty());
  EXPECT_FALSE(db.lead_sources().find("Trade fair"));  // nothing written
}

TEST_F(CampaignsTest, ATakenNameIsAlreadyExists) {
  campaigns.create(fair());
  CampaignData same = fair();
  same.name = "RUDENS GADATIRGUS RIGA";
  const Error taken = EXPECT_CRM_ERROR(campaigns.create(same), ErrorCode::already_exists);
  EXPECT_EQ(std::string(taken.what()),
            "campaign.name: 'RUDENS GADATIRGUS RIGA' is already a campaign ('Rudens gadatirgus Rīgā')");
}

TEST_F(CampaignsTest, UpdateChecksTheVersionAndKeepsItsOwnName) {
  Campaign campaign = campaigns.create(fair());
  const Campaign stale = campaign;
  campaign.cost = Money::parse("1350.00 EUR");
  campaign.name = "RUDENS gadatirgus Rīgā";  // its own name in other case
  campaign.lead_source = "";
  campaign = campaigns.update(campaign);
  EXPECT_EQ(campaign.version, 2);
  EXPECT_EQ(campaign.name, "RUDENS gadatirgus Rīgā");
  EXPECT_EQ(campaign.lead_source, "");
  EXPECT_EQ(campaigns.get(campaign.id).cost, Money::parse("1350.00 EUR"));
  EXPECT_CRM_ERROR(campaigns.update(stale), ErrorCode::conflict);
  campaigns.create({.name = "Pavasara vēstule", .channel = CampaignChannel::email});
  campaign.name = "pavasara vestule";
  EXPECT_CRM_ERROR(campaigns.update(campaign), ErrorCode::already_exists);
}

TEST_F(CampaignsTest, ListIsByStartDateUndatedLastThenName) {
  campaigns.create({.name = "Zīmols", .channel = CampaignChannel::banner});
  campaigns.create({.name = "B rudens", .starts_on = date(2025, 9, 1)});
  campaigns.create({.name = "Avīze", .channel = CampaignChannel::print});
  campaigns.create({.name = "A rudens", .starts_on = date(2025, 9, 1)});
  campaigns.create({.name = "Pavasaris", .starts_on = date(2025, 3, 1)});
  EXPECT_EQ(names(), (std::vector<std::string>{"Pavasaris", "A rudens", "B rudens", "Avīze", "Zīmols"}));
}

TEST_F(CampaignsTest, ChannelNamesRoundTripAndColdCallIsReadWithASpace) {
  for (CampaignChannel channel :
       {CampaignChannel::web, CampaignChannel::email, CampaignChannel::sms, CampaignChannel::event,
        CampaignChannel::banner, CampaignChannel::referral, CampaignChannel::cold_call, CampaignChannel::social,
        CampaignChannel::print, CampaignChannel::partner, CampaignChannel::other})
    EXPECT_EQ(campaign_channel_from_name(campaign_channel_name(channel)), channel);
  EXPECT_EQ(campaign_channel_name(CampaignChannel::cold_call), "cold_call");
  EXPECT_EQ(campaign_channel_from_name("cold call"), CampaignChannel::cold_call);
  EXPECT_FALSE(campaign_channel_from_name("fax"));
}

TEST_F(CampaignsTest, RecordsNameTheCampaignAndShowItsCurrentName) {
  const Campaign campaign = campaigns.create(fair());
  const Account firm = db.accounts().create({.name = "SIA Koks", .campaign = "rudens gadatirgus riga"});
  EXPECT_EQ(firm.campaign, "Rudens gadatirgus Rīgā");
  const Contact person = db.contacts().create({.last_name = "Ozola", .campaign = "Rudens gadatirgus Rīgā"});
  const Lead lead = db.leads().create({.last_name = "Liepa", .campaign = "RUDENS GADATIRGUS RĪGĀ"});
  const Opportunity deal = db.opportunities().create(
      {.account = firm.id, .name = "Stends", .amount = Money::parse("100 EUR"), .campaign = "rudens gadatirgus rīgā"});
  Campaign renamed = campaign;
  renamed.name = "Gadatirgus 2025";
  campaigns.update(renamed);
  EXPECT_EQ(db.accounts().get(firm.id).campaign, "Gadatirgus 2025");
  EXPECT_EQ(db.contacts().get(person.id).campaign, "Gadatirgus 2025");
  EXPECT_EQ(db.leads().get(lead.id).campaign, "Gadatirgus 2025");
  EXPECT_EQ(db.opportunities().get(deal.id).campaign, "Gadatirgus 2025");
  EXPECT_EQ(db.opportunities().count({.where = "campaign ~ \"GADATIRGUS 2025\""}), 1);
  EXPECT_EQ(db.leads().count({.where = "campaign = \"Gadatirgus 2025\""}), 1);
  EXPECT_EQ(db.contacts().count({.where = "campaign is empty"}), 0);
  const TablePage page = db.opportunities().select({"name", "campaign"});
  EXPECT_EQ(page.table.text(0, 1), "Gadatirgus 2025");
}

TEST_F(CampaignsTest, AnUnknownCampaignIsNotFoundAndNothingIsWritten) {
  const Account firm = db.accounts().create({.name = "SIA Koks"});
  const Error error = EXPECT_CRM_ERROR(
      db.opportunities().create({.account = firm.id, .name = "Stends", .amount = Money::parse("100 EUR"),
                                 .lead_source = "Gadatirgus", .campaign = "Spring"}),
      ErrorCode::not_found);
  EXPECT_EQ(std::string(error.what()), "opportunity.campaign: no campaign 'Spring'");
  EXPECT_EQ(error.field(), "opportunity.campaign");
  EXPECT_EQ(EXPECT_CRM_ERROR(db.accounts().create({.name = "SIA Lapa", .campaign = "Spring"}), ErrorCode::not_found)
                .field(),
            "account.campaign");
  EXPECT_EQ(EXPECT_CRM_ERROR(db.leads().create({.last_name = "Liepa", .source = "Radio", .campaign = "Spring"}),
                             ErrorCode::not_found)
                .field(),
            "lead.campaign");
  EXPECT_EQ(db.opportunities().count(), 0);
  EXPECT_EQ(db.accounts().count(), 1);
  EXPECT_EQ(db.leads().count(), 0);
  EXPECT_TRUE(db.lead_sources().list().empty());
}

TEST_F(CampaignsTest, RemoveIsRefusedWhileRecordsPointToIt) {
  const Campaign campaign = campaigns.create(fair());
  Lead lead = db.leads().create({.last_name = "Liepa", .campaign = campaign.name});
  const Error used = EXPECT_CRM_ERROR(campaigns.remove(campaign.id), ErrorCode::conflict);
  EXPECT_EQ(std::string(used.what()),
            "campaign 'Rudens gadatirgus Rīgā': 1 record still points to it (1 lead, deleted ones included); point "
            "them elsewhere first");
  lead.campaign = "";
  db.leads().update(lead);
  campaigns.remove(campaign.id);
  EXPECT_TRUE(campaigns.list().empty());
  EXPECT_CRM_ERROR(campaigns.remove(campaign.id), ErrorCode::not_found);
}

TEST_F(CampaignsTest, ConvertingALeadPassesItsSourceCampaignJobTitleAndIndustryOn) {
  campaigns.create(fair());
  const Lead lead = db.leads().create({.first_name = "Jānis", .last_name = "Liepa", .company_name = "SIA Lapa",
                                       .source = "Trade fair", .campaign = "Rudens gadatirgus Rīgā",
                                       .job_title = "Valdes loceklis", .industry = "Kokapstrāde"});
  LeadConversion how;
  how.opportunity = OpportunityData{.name = "Stends", .amount = Money::parse("500 EUR")};
  const LeadConversionResult result = db.leads().convert(lead.id, how);
  EXPECT_EQ(result.account.lead_source, "Trade fair");
  EXPECT_EQ(result.account.campaign, "Rudens gadatirgus Rīgā");
  EXPECT_EQ(result.account.industry, "Kokapstrāde");
  EXPECT_EQ(result.contact.campaign, "Rudens gadatirgus Rīgā");
  EXPECT_EQ(result.contact.job_title, "Valdes loceklis");
  ASSERT_TRUE(result.opportunity);
  EXPECT_EQ(result.opportunity->lead_source, "Trade fair");
  EXPECT_EQ(result.opportunity->campaign, "Rudens gadatirgus Rīgā");
}

TEST_F(CampaignsTest, ConversionKeepsTheSourceAndCampaignTheCallerGave) {
  campaigns.create(fair());
  campaigns.create({.name = "Pavasara vēstule", .channel = CampaignChannel::email});
  const Lead lead = db.leads().create({.last_name = "Liepa", .source = "Trade fair", .campaign = "Rudens gadatirgus Rīgā"});
  LeadConversion how;
  how.new_account = AccountData{.name = "SIA Lapa", .lead_source = "Referral", .campaign = "Pavasara vēstule"};
  const LeadConversionResult result = db.leads().convert(lead.id, how);
  EXPECT_EQ(result.account.lead_source, "Referral");
  EXPECT_EQ(result.account.campaign, "Pavasara vēstule");
  EXPECT_EQ(result.contact.lead_source, "Trade fair");
}

}  // namespace
}  // namespace crm
