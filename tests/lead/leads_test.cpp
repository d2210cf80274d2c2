#include "crm/lead.hpp"

#include <gtest/gtest.h>

#include "crm/crm.hpp"
#include "support/test_database.hpp"

namespace crm {
namespace {

class LeadsTest : public ::testing::Test {
 protected:
  test::ManualClock clock;
  Database db = Database::open_in_memory(test::test_options(clock));
  test::TestUsers known_users{db};
  Leads& leads = db.leads();

  LeadData web_lead() {
    return {.first_name = "Rūta", .last_name = "Kazlauskienė", .company_name = "UAB Vilniaus Duona",
            .email = "ruta@duona.lt", .phone = "+370 612 34567", .source = "web form", .country = "LT",
            .owner = "ona"};
  }
};

TEST_F(LeadsTest, CreateReadAndLookUp) {
  const Lead lead = leads.create(web_lead());
  EXPECT_EQ(lead.status, LeadStatus::fresh);
  EXPECT_EQ(lead.phone_e164, "+37061234567");
  EXPECT_EQ(leads.find_by_email("RUTA@duona.LT").at(0).id, lead.id);
  EXPECT_EQ(leads.find_by_phone("00370 612 34567").at(0).id, lead.id);
  EXPECT_EQ(leads.count({.country = "LT"}), 1);
  EXPECT_EQ(lead_status_name(LeadStatus::fresh), "new");
}

TEST_F(LeadsTest, ALeadCreatedDisqualifiedAsHistoryMayLackTheReasonAndKeepsItsStatus) {
  LeadData old = web_lead();
  old.status = LeadStatus::disqualified;
  Lead lead = leads.create(old);
  EXPECT_EQ(lead.status, LeadStatus::disqualified);
  EXPECT_EQ(lead.disqualified_reason, "");
  lead.job_title = "Buyer";  // an edit that keeps it disqualified needs no reason either
  EXPECT_EQ(leads.update(lead).job_title, "Buyer");
}

TEST_F(LeadsTest, StatusRules) {
  Lead lead = leads.create(web_lead());
  lead.status = LeadStatus::disqualified;
  auto error = EXPECT_CRM_ERROR(leads.update(lead), ErrorCode::invalid_argument);
  EXPECT_EQ(error.field(), "lead.disqualified_reason");
  lead.disqualified_reason = "Student project";
  lead = leads.update(lead);
  EXPECT_EQ(lead.status, LeadStatus::disqualified);
  EXPECT_CRM_ERROR(leads.convert(lead.id), ErrorCode::conflict);
  EXPECT_CRM_ERROR(leads.create({.source = "nobody"}), ErrorCode::invalid_argument);
  EXPECT_CRM_ERROR(leads.create({.last_name = "X", .email = "bad@"}), ErrorCode::invalid_argument);
}

TEST_F(LeadsTest, ConversionMakesAccountContactAndDealInOneStep) {
  const Lead lead = leads.create(web_lead());
  LeadConversion how;
  how.opportunity = OpportunityData{.name = "Bakery equipment", .amount = Money::parse("25000 EUR")};
  const LeadConversionResult result = leads.convert(lead.id, how);
  EXPECT_EQ(result.account.name, "UAB Vilniaus Duona");
  EXPECT_EQ(result.account.address.country, "LT");
  EXPECT_EQ(result.contact.last_name, "Kazlauskienė");
  EXPECT_EQ(result.contact.account, result.account.id);
  EXPECT_EQ(result.contact.primary_email(), "ruta@duona.lt");
  ASSERT_TRUE(result.opportunity);
  EXPECT_EQ(result.opportunity->account, result.account.id);
  EXPECT_EQ(result.opportunity->primary_contact, result.contact.id);
  EXPECT_EQ(result.opportunity->lead_source, "web form");
  EXPECT_EQ(result.lead.status, LeadStatus::qualified);
  EXPECT_EQ(result.lead.converted_account, result.account.id);
  EXPECT_EQ(result.lead.converted_opportunity, result.opportunity->id);
  EXPECT_TRUE(result.lead.converted_at);
  EXPECT_CRM_ERROR(leads.convert(lead.id), ErrorCode::conflict);
  Lead converted = result.lead;
  converted.status = LeadStatus::contacted;
  EXPECT_CRM_ERROR(leads.update(converted), ErrorCode::conflict);
}

TEST_F(LeadsTest, ConversionIntoExistingRecords) {
  const Account existing = db.accounts().create({.name = "UAB Vilniaus Duona", .external_ref = "ERP-7"});
  const Lead lead = leads.create(web_lead());
  const LeadConversionResult result = leads.convert(lead.id, {.account = existing.id});
  EXPECT_EQ(result.account.id, existing.id);
  EXPECT_EQ(db.accounts().count(), 1);
  EXPECT_FALSE(result.opportunity);
  const Lead second = leads.create({.last_name = "Kazlauskienė", .email = "ruta@duona.lt"});
  EXPECT_EQ(leads.convert(second.id, {.account = existing.id, .contact = result.contact.id}).contact.id,
            result.contact.id);
}

TEST_F(LeadsTest, AFailingConversionWritesNothing) {
  const Lead lead = leads.create(web_lead());
  LeadConversion how;
  how.opportunity = OpportunityData{.name = "", .amount = Money::parse("1 EUR")};  // invalid deal
  EXPECT_CRM_ERROR(leads.convert(lead.id, how), ErrorCode::invalid_argument);
  EXPECT_EQ(db.accounts().count(), 0);
  EXPECT_EQ(db.contacts().count(), 0);
  EXPECT_FALSE(leads.get(lead.id).converted_at);
}

}  // namespace
}  // namespace crm
