// Whole-org imports (Imports::read_org): a preset's files in order, links to
// later rows in a second pass, picklists mapped, and a second run that
// changes nothing; then the real Salesforce exports of ../shared/datasets.
#include <filesystem>
#include <fstream>

#include <gtest/gtest.h>

#include "crm/crm.hpp"
#include "support/test_database.hpp"

namespace crm {
namespace {

using test::ManualClock;
using test::TempDir;
using test::test_options;

void write(const TempDir& dir, const std::string& name, const std::string& text) {
  std::ofstream(dir.file(name), std::ios::binary) << text;
}

// A small Salesforce-shaped export: a parent account after its child, a
// contact of it, a won deal, a task about both, and a file no preset names.
void write_small_org(const TempDir& dir) {
  write(dir, "Account.csv",
        "Id,Name,ParentId,BillingCountry,Type,CreatedDate\n"
        "001B,Child Ltd,001A,United States,Customer,2024-01-22T16:14:25.000+0000\n"
        "001A,Parent Inc,,USA,,2023-05-01T08:00:00.000+0000\n");
  write(dir, "Contact.csv", "Id,AccountId,FirstName,LastName,Name,Email\n003C,001B,Ann,Lee,Ann Lee,ann@child.example\n");
  write(dir, "Opportunity.csv",
        "Id,AccountId,Name,StageName,Amount,CloseDate\n006D,001B,Big order,Closed Won,1200,2024-03-01\n");
  write(dir, "Task.csv", "Id,WhoId,WhatId,Subject,Status,ActivityDate\n00T1,003C,006D,Follow up,Completed,2024-03-02\n");
  write(dir, "Branch__c.csv", "Id,Name\na01,Riga\n");
}

std::string problems(const OrgImportResult& result) {
  std::string text;
  for (const OrgFileResult& file : result.files)
    for (const ImportIssue& issue : file.result.errors)
      text += file.file + ":" + std::to_string(issue.line) + " [" + issue.column + "] " + issue.message + "\n";
  return text;
}

class OrgImportTest : public ::testing::Test {
 protected:
  ManualClock clock;
  Database db = Database::open_in_memory(test_options(clock, "US"));
  TempDir dir;
};

TEST_F(OrgImportTest, EveryFileOfTheFolderImportsInThePresetsOrderWithParentsInASecondPass) {
  write_small_org(dir);
  const OrgImportResult result = db.imports().read_org(dir.file(""), {.preset = "salesforce"});
  ASSERT_EQ(result.files.size(), 5u) << problems(result);  // Account twice (parents), Contact, Opportunity, Task
  EXPECT_EQ(result.files[0].file, "Account.csv");
  EXPECT_EQ(result.files[1].pass, 2);
  EXPECT_EQ(result.files[4].kind, "activity");
  EXPECT_EQ(result.unused_files, std::vector<std::string>{"Branch__c.csv"});
  for (const OrgFileResult& file : result.files) EXPECT_EQ(file.result.failed, 0) << problems(result);

  const Account child = *db.accounts().find_by_external_ref("001B");
  const Account parent = *db.accounts().find_by_external_ref("001A");
  EXPECT_EQ(child.parent, parent.id);
  EXPECT_EQ(child.address.country, "US");
  EXPECT_EQ(format_instant(child.created_at), "2024-01-22T16:14:25.000000Z");
  const Contact ann = *db.contacts().find_by_external_ref("003C");
  EXPECT_EQ(ann.account, child.id);
  const Opportunity deal = *db.opportunities().find_by_external_ref("006D");
  EXPECT_EQ(db.pipelines().stage(deal.stage).name, "Won");
  const Activity task = *db.activities().find_by_external_ref("00T1");
  EXPECT_EQ(task.contact, ann.id);
  EXPECT_EQ(task.opportunity, deal.id);
  EXPECT_EQ(task.status, ActivityStatus::done);
}

TEST_F(OrgImportTest, RunningItAgainCreatesNothingAndChangesNothing) {
  write_small_org(dir);
  db.imports().read_org(dir.file(""), {.preset = "salesforce"});
  const std::int64_t version = db.accounts().find_by_external_ref("001B")->version;
  const OrgImportResult again = db.imports().read_org(dir.file(""), {.preset = "salesforce"});
  for (const OrgFileResult& file : again.files) {
    EXPECT_EQ(file.result.inserted, 0) << file.file;
    EXPECT_EQ(file.result.updated, 0) << file.file;
    EXPECT_EQ(file.result.unchanged, file.result.rows) << file.file;
  }
  EXPECT_EQ(db.accounts().find_by_external_ref("001B")->version, version);
  EXPECT_EQ(db.accounts().count(), 2);
}

TEST_F(OrgImportTest, APresetFileTheUserChangedIsReadAndBadOnesAreRefusedByName) {
  write(dir, "Kunden.csv", "Nr,Firma\nK1,Ozols SIA\n");
  write(dir, "preset.json",
        R"({"name": "mine", "files": [{"file": "kunden.csv", "kind": "account", "columns": {"Nr": "external_ref", "Firma": "name"}}]})");
  const OrgImportResult result = db.imports().read_org(dir.file(""), {.preset = dir.file("preset.json")});
  ASSERT_EQ(result.files.size(), 1u);
  EXPECT_EQ(result.files[0].result.inserted, 1);
  EXPECT_EQ(db.accounts().find_by_external_ref("K1")->name, "Ozols SIA");

  write(dir, "bad.json", R"({"files": [{"file": "x.csv", "kind": "planet"}]})");
  const Error bad = EXPECT_CRM_ERROR(db.imports().read_org(dir.file(""), {.preset = dir.file("bad.json")}),
                                     ErrorCode::invalid_argument);
  EXPECT_NE(std::string(bad.what()).find("planet"), std::string::npos);
  EXPECT_CRM_ERROR(db.imports().read_org(dir.file(""), {.preset = "nosuch"}), ErrorCode::not_found);
  EXPECT_CRM_ERROR(db.imports().read_org(dir.file("missing"), {.preset = "salesforce"}), ErrorCode::not_found);
  EXPECT_CRM_ERROR(org_preset("nosuch"), ErrorCode::invalid_argument);
  EXPECT_NE(org_preset("salesforce").find("\"Account.csv\""), std::string::npos);
}

TEST_F(OrgImportTest, ColumnsNoFieldTakesAreKeptAsCustomFieldsOfTheTypeTheirCellsReadAs) {
  write(dir, "Account.csv",
        "Id,Name,Rating,Score__c,Founded__c,Zip__c,Empty__c\n"
        "001A,Parent Inc,Hot,12,2001-04-01,04770,\n"
        "001B,Child Ltd,Warm,7.5,2003-02-28,10001,\n");
  const OrgImportResult result = db.imports().read_org(dir.file(""), {.preset = "salesforce"});
  ASSERT_FALSE(result.files.empty());
  const std::map<std::string, std::string> kept = {
      {"Founded__c", "founded_c"}, {"Rating", "rating"}, {"Score__c", "score_c"}, {"Zip__c", "zip_c"}};
  EXPECT_EQ(result.files[0].custom_fields, kept);  // Empty__c holds nothing: no field
  EXPECT_EQ(db.custom_fields().find(RecordKind::account, "score_c")->type, CustomFieldType::decimal);
  EXPECT_EQ(db.custom_fields().find(RecordKind::account, "founded_c")->type, CustomFieldType::date);
  EXPECT_EQ(db.custom_fields().find(RecordKind::account, "zip_c")->type, CustomFieldType::text);  // "04770" keeps its zero
  EXPECT_FALSE(db.custom_fields().find(RecordKind::account, "empty_c"));
  const Account parent = *db.accounts().find_by_external_ref("001A");
  EXPECT_EQ(parent.custom.at("rating"), CustomValue("Hot"));
  EXPECT_EQ(parent.custom.at("zip_c"), CustomValue("04770"));
  EXPECT_EQ(parent.custom.at("founded_c"), CustomValue(parse_date("2001-04-01")));
  EXPECT_EQ(db.accounts().find_by_external_ref("001B")->custom.at("score_c"), CustomValue::decimal("7.5"));

  const std::size_t fields = db.custom_fields().list(RecordKind::account).size();
  const OrgImportResult again = db.imports().read_org(dir.file(""), {.preset = "salesforce"});
  EXPECT_EQ(db.custom_fields().list(RecordKind::account).size(), fields);
  EXPECT_EQ(again.files[0].result.unchanged, 2);
}

TEST_F(OrgImportTest, AHeaderBesideThePresetsChoiceIsKeptUnderThePresetsNameWhenItsOwnIsBuiltIn) {
  write(dir, "Kunden.csv", "Nr,Firma,Name\nK1,Ozols SIA,Ozols\n");
  write(dir, "preset.json",
        R"({"name": "mine", "files": [{"file": "kunden.csv", "kind": "account", "columns": {"Nr": "external_ref", "Firma": "name"}}]})");
  const OrgImportResult result = db.imports().read_org(dir.file(""), {.preset = dir.file("preset.json")});
  ASSERT_EQ(result.files.size(), 1u);
  EXPECT_EQ(result.files[0].custom_fields, (std::map<std::string, std::string>{{"Name", "mine_name"}}));
  const Account account = *db.accounts().find_by_external_ref("K1");
  EXPECT_EQ(account.name, "Ozols SIA");
  EXPECT_EQ(account.custom.at("mine_name"), CustomValue("Ozols"));
}

TEST_F(OrgImportTest, FilePatternsTakeEachMatchingFileOnceInNameOrder) {
  write(dir, "hubspot-crm-exports-all-companies-2024-06-01.csv",
        "Record ID,Company name,Country/Region,Create Date\n11,Ozols SIA,Latvia,2024-01-15\n");
  write(dir, "hubspot-crm-exports-all-contacts-2024-06-01.csv",
        "Record ID,First Name,Last Name,Associated Company IDs (Primary),Associated Company IDs,Lifecycle Stage\n"
        "21,Anna,Ozola,11,11;12,Customer\n");
  write(dir, "hubspot-crm-exports-all-deals-2024-06-01.csv",
        "Record ID,Deal Name,Deal Stage,Amount,Close Date,Associated Company IDs (Primary),Pipeline\n"
        "31,Timber,Contract Sent,1200,2024-07-01,11,Sales Pipeline\n");
  const OrgImportResult result = db.imports().read_org(dir.file(""), {.preset = "hubspot"});
  ASSERT_EQ(result.files.size(), 3u) << problems(result);
  for (const OrgFileResult& file : result.files) EXPECT_EQ(file.result.inserted, 1) << problems(result);
  const Account company = *db.accounts().find_by_external_ref("11");
  EXPECT_EQ(company.address.country, "LV");
  const Contact anna = *db.contacts().find_by_external_ref("21");
  EXPECT_EQ(anna.account, company.id);
  EXPECT_EQ(anna.custom.at("lifecycle_stage"), CustomValue("Customer"));
  EXPECT_EQ(anna.custom.at("associated_company_ids"), CustomValue("11;12"));
  const Opportunity deal = *db.opportunities().find_by_external_ref("31");
  EXPECT_EQ(db.pipelines().stage(deal.stage).name, "Negotiation");
  EXPECT_EQ(deal.account, company.id);
}

TEST_F(OrgImportTest, CampaignsComeWithTheirMembersAndRelationsBecomeEmployments) {
  write(dir, "Account.csv", "Id,Name\n001A,Ozols SIA\n001B,Old Employer\n");
  write(dir, "Contact.csv", "Id,AccountId,LastName\n003C,001A,Lee\n");
  write(dir, "Lead.csv", "Id,LastName,Company,Status\n00QL,Kalnins,Koks SIA,Open - Not Contacted\n");
  write(dir, "AccountContactRelation.csv",
        "Id,ContactId,AccountId,Roles,StartDate,EndDate\n07k1,003C,001B,Decision Maker,2020-01-01,2022-12-31\n");
  write(dir, "Campaign.csv",
        "Id,Name,Type,StartDate,EndDate,ActualCost,Status\n701X,Spring webinar,web marketing,2024-03-01,2024-03-02,1200,Completed\n");
  write(dir, "CampaignMember.csv",
        "Id,CampaignId,ContactId,LeadId,Status\n00v1,701X,003C,,Sent\n00v2,701X,,00QL,Responded\n00v3,701Y,003C,,Sent\n");
  const OrgImportResult result = db.imports().read_org(dir.file(""), {.preset = "salesforce"});
  std::map<std::string, const ImportResult*> by_kind;
  for (const OrgFileResult& file : result.files) by_kind[file.kind] = &file.result;
  ASSERT_TRUE(by_kind.count("campaign") && by_kind.count("campaign_member") && by_kind.count("employment"));
  EXPECT_EQ(by_kind["campaign"]->inserted, 1);
  EXPECT_EQ(by_kind["employment"]->inserted, 1);
  EXPECT_EQ(by_kind["campaign_member"]->updated, 2);
  ASSERT_EQ(by_kind["campaign_member"]->failed, 1);  // 701Y is no campaign of the export
  EXPECT_EQ(by_kind["campaign_member"]->errors[0].line, 4);
  EXPECT_EQ(by_kind["campaign_member"]->errors[0].column, "CampaignId");

  const Campaign webinar = *db.campaigns().find("Spring webinar");
  EXPECT_EQ(webinar.channel, CampaignChannel::web);
  EXPECT_EQ(webinar.starts_on, parse_date("2024-03-01"));
  EXPECT_EQ(webinar.cost.to_string().substr(0, 7), "1200.00");
  const Contact lee = *db.contacts().find_by_external_ref("003C");
  EXPECT_EQ(lee.campaign, "Spring webinar");
  EXPECT_EQ(lee.tags, std::vector<std::string>{"Campaign: Spring webinar"});
  EXPECT_EQ(db.leads().find_by_external_ref("00QL")->campaign, "Spring webinar");
  bool former = false;
  for (const Employment& job : db.employments().history(lee.id))
    if (job.account == db.accounts().find_by_external_ref("001B")->id)
      former = job.title == "Decision Maker" && job.ended_on == parse_date("2022-12-31");
  EXPECT_TRUE(former);

  const OrgImportResult again = db.imports().read_org(dir.file(""), {.preset = "salesforce"});
  for (const OrgFileResult& file : again.files) {
    EXPECT_EQ(file.result.inserted + file.result.updated, 0) << file.file;
  }
  EXPECT_EQ(db.contacts().find_by_external_ref("003C")->version, lee.version);
}

TEST_F(OrgImportTest, TheGenericPresetBringsBackTheLibrarysOwnExportsWithTheirCampaigns) {
  db.campaigns().create({.name = "Spring webinar", .channel = CampaignChannel::web});
  const Account account = db.accounts().create({.name = "Ozols SIA", .external_ref = "A1"});
  ContactData lee{.first_name = "Ann", .last_name = "Lee", .campaign = "Spring webinar", .external_ref = "C1"};
  lee.account = account.id;
  db.contacts().create(lee);
  db.exports().write_file(dir.file("accounts.csv"), {.kind = RecordKind::account});
  db.exports().write_file(dir.file("contacts.csv"), {.kind = RecordKind::contact});
  write(dir, "campaigns.csv", "name,channel,starts_on\nSpring webinar,web,2024-03-01\n");
  write(dir, "products.csv", "sku,name,list_price,active\nGTX-PRO,GTX Pro,4821,yes\nOLD,,10.50 USD,no\n");

  Database copy = Database::open_in_memory(test_options(clock, "US"));
  const OrgImportResult result = copy.imports().read_org(dir.file(""), {.preset = "generic"});
  ASSERT_EQ(result.files.size(), 4u) << problems(result);
  EXPECT_EQ(result.files[0].kind, "campaign");
  EXPECT_EQ(result.files[1].kind, "product");
  for (const OrgFileResult& file : result.files) {
    EXPECT_EQ(file.result.failed, 0) << problems(result);
    EXPECT_EQ(file.result.warned, 0) << file.file;
  }
  const Contact copied = *copy.contacts().find_by_external_ref("C1");
  EXPECT_EQ(copied.campaign, "Spring webinar");
  EXPECT_EQ(copied.account, copy.accounts().find_by_external_ref("A1")->id);
  EXPECT_EQ(copy.campaigns().find("Spring webinar")->starts_on, parse_date("2024-03-01"));
  const Product pro = *copy.products().find_by_sku("GTX-PRO");
  EXPECT_EQ(pro.name, "GTX Pro");
  EXPECT_TRUE(pro.active);
  const Product old = *copy.products().find_by_sku("OLD");
  EXPECT_EQ(old.name, "OLD");  // no name: the SKU
  EXPECT_EQ(old.list_price, Money::parse("10.50 USD"));
  EXPECT_FALSE(old.active);
  const OrgImportResult again = copy.imports().read_org(dir.file(""), {.preset = "generic"});
  for (const OrgFileResult& file : again.files)
    EXPECT_EQ(file.result.inserted + file.result.updated, 0) << file.file;
}

// The real exports: every file the preset names imports with no refused row.
// Their dates are real, so the database keeps the real clock.
class RealOrgTest : public ::testing::TestWithParam<const char*> {
 protected:
  Database db = Database::open_in_memory([] {
    OpenOptions options;
    options.default_region = "US";
    return options;
  }());
};

TEST_P(RealOrgTest, EveryRowOfTheSalesforceExportImportsAndASecondRunChangesNothing) {
  const std::filesystem::path folder = std::filesystem::path(CRM_TEST_DATASETS) / GetParam() / "data";
  if (!std::filesystem::exists(folder)) GTEST_SKIP() << folder << " is not there";
  const OrgImportResult first = db.imports().read_org(folder.string(), {.preset = "salesforce"});
  ASSERT_FALSE(first.files.empty());
  for (const OrgFileResult& file : first.files) EXPECT_EQ(file.result.failed, 0) << problems(first);
  const OrgImportResult second = db.imports().read_org(folder.string(), {.preset = "salesforce"});
  for (const OrgFileResult& file : second.files) {
    EXPECT_EQ(file.result.inserted, 0) << file.file;
    EXPECT_EQ(file.result.updated, 0) << file.file;
    EXPECT_EQ(file.result.failed, 0) << file.file;
  }
}

INSTANTIATE_TEST_SUITE_P(Exports, RealOrgTest,
                         ::testing::Values("salesforce-sfdc-assets-data-cloud-workshop",
                                           "salesforce-sfdc-assets-gen-ai-demo"));

}  // namespace
}  // namespace crm
