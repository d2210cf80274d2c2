// Imports of CSV files: mapping, encodings, formats, modes, errors, links,
// duplicates and progress.
#include <fstream>
#include <sstream>

#include <gtest/gtest.h>

#include "crm/crm.hpp"
#include "support/test_database.hpp"

namespace crm {
namespace {

using test::ManualClock;
using test::test_options;

class ImportTest : public ::testing::Test {
 protected:
  ImportResult import(const std::string& text, ImportOptions options) {
    std::istringstream in(text);
    return db.imports().read(in, options);
  }
  ImportResult import_contacts(const std::string& text, ImportOptions options = {}) {
    options.kind = RecordKind::contact;
    return import(text, options);
  }
  Account account(const std::string& name, const std::string& ref = {}) {
    AccountData data;
    data.name = name;
    data.external_ref = ref;
    return db.accounts().create(data);
  }
  ImportResult import_as(RecordKind kind, const std::string& text, ImportOptions options = {}) {
    options.kind = kind;
    return import(text, options);
  }
  Contact contact_with_ref(const std::string& last_name, const std::string& ref) {
    ContactData data;
    data.last_name = last_name;
    data.external_ref = ref;
    return db.contacts().create(data);
  }
  Lead lead_with_ref(const std::string& last_name, const std::string& ref) {
    LeadData data;
    data.last_name = last_name;
    data.external_ref = ref;
    return db.leads().create(data);
  }
  std::vector<Contact> contacts() { return db.contacts().list({.sort = SortBy::id}).items; }

  ManualClock clock;
  Database db = Database::open_in_memory(test_options(clock));
};

std::string issues_of(const ImportResult& result) {
  std::string text;
  for (const ImportIssue& issue : result.errors)
    text += std::to_string(issue.line) + " [" + issue.column + "] " + issue.message + "\n";
  return text;
}

TEST_F(ImportTest, SpreadsheetHeadersMapToFieldsAndRowsLinkToAccountsByName) {
  account("Baltic Timber SIA");
  const auto result = import_contacts(
      "First Name,Last Name,Email,Phone,Company,Job Title\n"
      "Anna,Bērziņa,Anna.Berzina@Example.lv,+371 26 123 456,Baltic Timber SIA,Buyer\n"
      "Jānis,Ozols,janis@example.lv,26 123 457,,\n");
  ASSERT_EQ(result.failed, 0) << issues_of(result);
  EXPECT_EQ(result.inserted, 2);
  EXPECT_TRUE(result.committed);
  EXPECT_EQ(result.mapping.at("First Name"), "first_name");
  const auto stored = contacts();
  ASSERT_EQ(stored.size(), 2u);
  EXPECT_EQ(stored[0].last_name, "Bērziņa");
  EXPECT_EQ(stored[0].primary_email(), "Anna.Berzina@Example.lv");
  ASSERT_EQ(stored[0].phones.size(), 1u);
  EXPECT_EQ(stored[0].phones[0].e164, "+37126123456");
  EXPECT_EQ(stored[0].phones[0].raw, "+371 26 123 456");
  EXPECT_TRUE(stored[0].account);
  EXPECT_EQ(stored[0].job_title, "Buyer");
  EXPECT_EQ(stored[1].phones.at(0).e164, "+37126123457");
  EXPECT_FALSE(stored[1].account);
}

TEST_F(ImportTest, HeadersNobodyKnowsAreIgnoredAndListed) {
  const auto result = import_contacts("last_name,Favourite colour\nOzols,green\n");
  EXPECT_EQ(result.inserted, 1);
  EXPECT_EQ(result.ignored_headers, std::vector<std::string>{"Favourite colour"});
}

TEST_F(ImportTest, MappingErrorsNameTheKindInPlainEnglish) {
  ImportOptions options;
  options.kind = RecordKind::activity;
  options.columns = {{"Thema", "topic"}};
  auto error = EXPECT_CRM_ERROR(import("Thema\nCall\n", options), ErrorCode::invalid_argument);
  EXPECT_NE(std::string(error.what()).find("is not a column of activities;"), std::string::npos) << error.what();
  options.kind = RecordKind::opportunity;
  options.mode = ImportMode::upsert;
  options.key = ImportKey::email;
  options.columns = {};
  error = EXPECT_CRM_ERROR(import("name\nDeal\n", options), ErrorCode::invalid_argument);
  EXPECT_NE(std::string(error.what()).find("opportunities cannot be found by email"), std::string::npos) << error.what();
}

TEST_F(ImportTest, Windows1257FileIsReadWhenItsEncodingIsNamed) {
  ImportOptions options;
  options.encoding = "WINDOWS-1257";
  const auto result = import_contacts(
      "first_name;last_name\n"
      "Anna;B\xe7rzi\xf2" "a\n"
      "Rasa;\xdeukauskien\xeb\n",
      options);
  ASSERT_EQ(result.failed, 0) << issues_of(result);
  const auto stored = contacts();
  EXPECT_EQ(stored.at(0).last_name, "Bērziņa");
  EXPECT_EQ(stored.at(1).last_name, "Žukauskienė");
}

TEST_F(ImportTest, Windows1251FileIsReadWhenItsEncodingIsNamed) {
  ImportOptions options;
  options.encoding = "WINDOWS-1251";
  const auto result = import_contacts("first_name\tlast_name\n\xce\xeb\xe5\xed\xe0\t\xca\xee\xe2\xe0\xeb\xfc\xf7\xf3\xea\n",
                                      options);
  ASSERT_EQ(result.failed, 0) << issues_of(result);
  EXPECT_EQ(contacts().at(0).last_name, "Ковальчук");
  EXPECT_EQ(contacts().at(0).first_name, "Олена");
}

TEST_F(ImportTest, LegacyBytesWithoutTheirEncodingNamedAreRefused) {
  EXPECT_THROW(import_contacts("last_name\nB\xe7rzi\xf2" "a\n"), Error);
  EXPECT_TRUE(contacts().empty());
}

TEST_F(ImportTest, Utf8ByteOrderMarkIsNotPartOfTheFirstHeader) {
  const auto result = import_contacts("\xEF\xBB\xBFlast_name,first_name\nOzols,Jānis\n");
  EXPECT_EQ(result.mapping.at("last_name"), "last_name");
  EXPECT_EQ(contacts().at(0).first_name, "Jānis");
}

TEST_F(ImportTest, QuotedCellsKeepDelimitersQuotesAndLineBreaks) {
  const auto result = import_contacts(
      "last_name,description\n"
      "Ozols,\"Met at the fair; said \"\"call in May\"\"\nSecond line, with a comma\"\n"
      "Liepa,plain\n");
  ASSERT_EQ(result.failed, 0) << issues_of(result);
  EXPECT_EQ(contacts().at(0).description, "Met at the fair; said \"call in May\"\nSecond line, with a comma");
  EXPECT_EQ(contacts().at(1).last_name, "Liepa");
}

TEST_F(ImportTest, DealsReadDayMonthYearDatesAndAmountsWithCommaDecimalsAndSpaces) {
  account("Baltic Timber SIA", "ERP-1");
  ImportOptions options;
  options.kind = RecordKind::opportunity;
  const auto result = import(
      "name;account_ref;amount;currency;expected_close;stage\n"
      "Sawmill line;ERP-1;\"12 345,50\";EUR;07.03.2026;Proposal\n"
      "Spare parts;ERP-1;1,234.5;EUR;2026-04-01;\n",
      options);
  ASSERT_EQ(result.failed, 0) << issues_of(result);
  const auto deals = db.opportunities().list({.sort = SortBy::id}).items;
  ASSERT_EQ(deals.size(), 2u);
  EXPECT_EQ(deals[0].amount, Money::parse("12345.50 EUR"));
  EXPECT_EQ(deals[0].expected_close, Date(2026, 3, 7));
  EXPECT_EQ(db.pipelines().stage(deals[0].stage).name, "Proposal");
  EXPECT_EQ(deals[1].amount, Money::parse("1234.50 EUR"));
}

TEST_F(ImportTest, BareAmountsAreInTheBaseCurrencyAndLostHistoryNeedsNoReason) {
  account("Cancity", "ACC-1");
  db.currencies().set_base("USD");
  ImportOptions options;
  options.kind = RecordKind::opportunity;
  const auto result = import(
      "name,account_ref,amount,stage,closed_on\n"
      "GTX Plus Basic,ACC-1,1054,Won,2017-03-01\n"
      "GTXPro,ACC-1,4514,Lost,2017-03-11\n"
      "MG Special,ACC-1,55 EUR,Prospecting,\n",
      options);
  ASSERT_EQ(result.failed, 0) << issues_of(result);
  const auto deals = db.opportunities().list({.sort = SortBy::id}).items;
  ASSERT_EQ(deals.size(), 3u);
  EXPECT_EQ(deals[0].amount, Money::parse("1054.00 USD"));
  EXPECT_EQ(deals[1].amount, Money::parse("4514.00 USD"));
  EXPECT_EQ(deals[1].stage_kind, StageKind::lost);
  EXPECT_FALSE(deals[1].lost_reason);
  EXPECT_EQ(deals[1].closed_on, Date(2017, 3, 11));
  EXPECT_EQ(deals[2].amount, Money::parse("55.00 EUR"));
}

TEST_F(ImportTest, ATabOrCarriageReturnBeforeAFormulaNeverLeavesAFormula) {
  const ImportResult result = import_contacts(
      "first_name,last_name,job_title\n"
      "\"\t=1+1\",\"\r@SUM(A1)\",'=HYPERLINK(1)\n"
      "\"\t+371 26 123 456\",\"\t-5.00\",'s-Hertogenbosch\n");
  ASSERT_EQ(result.failed, 0) << issues_of(result);
  const auto stored = contacts();
  ASSERT_EQ(stored.size(), 2u);
  EXPECT_EQ(stored[0].first_name, "'=1+1");   // not the live formula "=1+1"
  EXPECT_EQ(stored[0].last_name, "'@SUM(A1)");
  EXPECT_EQ(stored[0].job_title, "=HYPERLINK(1)");  // an escaped cell: its quote dropped
  EXPECT_EQ(stored[1].first_name, "+371 26 123 456");  // numbers are only trimmed
  EXPECT_EQ(stored[1].last_name, "-5.00");
  EXPECT_EQ(stored[1].job_title, "'s-Hertogenbosch");
}

TEST_F(ImportTest, BadRowsAreReportedWithLineAndColumnWhileGoodRowsAreImported) {
  account("Baltic Timber SIA", "ERP-1");
  ImportOptions options;
  options.kind = RecordKind::opportunity;
  const auto result = import(
      "name,account_ref,amount,currency\n"
      "Good one,ERP-1,100,EUR\n"
      "Too many,ERP-1,100,EUR,extra\n"
      "Broken \"quote,ERP-1,100,EUR\n"
      "Odd money,ERP-1,100,XYZ\n"
      "Nobody's,ERP-404,100,EUR\n"
      "Good two,ERP-1,200,EUR\n",
      options);
  EXPECT_EQ(result.rows, 6);
  EXPECT_EQ(result.inserted, 2);
  EXPECT_EQ(result.failed, 4);
  ASSERT_EQ(result.errors.size(), 4u) << issues_of(result);
  EXPECT_EQ(result.errors[0].line, 3);
  EXPECT_EQ(result.errors[0].column, "");
  EXPECT_NE(result.errors[0].message.find("5 cells"), std::string::npos);
  EXPECT_EQ(result.errors[1].line, 4);
  EXPECT_EQ(result.errors[1].column, "name");
  EXPECT_EQ(result.errors[2].line, 5);
  EXPECT_EQ(result.errors[2].column, "currency");
  EXPECT_NE(result.errors[2].message.find("XYZ"), std::string::npos);
  EXPECT_EQ(result.errors[3].line, 6);
  EXPECT_EQ(result.errors[3].column, "account_ref");
  EXPECT_NE(result.errors[3].message.find("ERP-404"), std::string::npos);
  EXPECT_EQ(db.opportunities().count(), 2);
}

TEST_F(ImportTest, ARowNamingAnUnknownCampaignIsARowErrorAndAddsNoLeadSource) {
  db.campaigns().create({.name = "Rudens gadatirgus", .channel = CampaignChannel::event});
  ImportOptions options;
  options.kind = RecordKind::lead;
  const auto result = import(
      "Last Name,Company,Lead Source,Campaign Name,Title,Industry\n"
      "Ozols,SIA Koks,Gadatirgus,rudens GADATIRGUS,Valdes loceklis,Kokapstrāde\n"
      "Liepa,SIA Lapa,Vēstule,Pavasara vēstule,,\n",
      options);
  EXPECT_EQ(result.inserted, 1);
  ASSERT_EQ(result.errors.size(), 1u) << issues_of(result);
  EXPECT_EQ(result.errors[0].line, 3);
  EXPECT_EQ(result.errors[0].column, "Campaign Name");
  EXPECT_EQ(result.errors[0].message, "lead.campaign: no campaign 'Pavasara vēstule'");
  const Lead stored = db.leads().list().items.at(0);
  EXPECT_EQ(stored.campaign, "Rudens gadatirgus");
  EXPECT_EQ(stored.source, "Gadatirgus");
  EXPECT_EQ(stored.job_title, "Valdes loceklis");
  EXPECT_EQ(stored.industry, "Kokapstrāde");
  EXPECT_FALSE(db.lead_sources().find("Vēstule"));
}

TEST_F(ImportTest, AllOrNothingWritesNothingWhenAnyRowFails) {
  ImportOptions options;
  options.all_or_nothing = true;
  const auto result = import_contacts("last_name,email\nOzols,ok@example.lv\nLiepa,not-an-email\n", options);
  EXPECT_EQ(result.failed, 1);
  EXPECT_EQ(result.errors.at(0).column, "email");
  EXPECT_FALSE(result.committed);
  EXPECT_TRUE(contacts().empty());
}

TEST_F(ImportTest, DryRunChecksEverythingIncludingUniqueKeysAndWritesNothing) {
  ImportOptions options;
  options.dry_run = true;
  const auto result = import_contacts("last_name,external_ref\nOzols,C-1\nLiepa,C-2\nBērziņa,C-1\n", options);
  EXPECT_EQ(result.inserted, 2);
  EXPECT_EQ(result.failed, 1);
  EXPECT_EQ(result.errors.at(0).line, 4);
  EXPECT_FALSE(result.committed);
  EXPECT_TRUE(contacts().empty());
}

TEST_F(ImportTest, FileCutOffInsideAQuotedCellKeepsOnlyWholeRows) {
  const auto result = import_contacts("last_name,description\nOzols,done\nLiepa,\"started but never fin");
  EXPECT_EQ(result.inserted, 1);
  EXPECT_EQ(result.failed, 1);
  EXPECT_EQ(result.errors.at(0).line, 3);
  ASSERT_EQ(contacts().size(), 1u);
  EXPECT_EQ(contacts()[0].last_name, "Ozols");
}

TEST_F(ImportTest, UpsertByExternalRefUpdatesTheStoredRecordAndInsertsTheRest) {
  ContactData ozols;
  ozols.last_name = "Ozols";
  ozols.external_ref = "C-1";
  ozols.job_title = "Buyer";
  ozols.emails = {{"janis@example.lv", true}};
  db.contacts().create(ozols);
  ImportOptions options;
  options.mode = ImportMode::upsert;
  const auto result = import_contacts("external_ref,last_name,job_title,email\nC-1,Ozols,Head of purchasing,\nC-2,Liepa,,\n",
                                      options);
  ASSERT_EQ(result.failed, 0) << issues_of(result);
  EXPECT_EQ(result.updated, 1);
  EXPECT_EQ(result.inserted, 1);
  const Contact updated = *db.contacts().find_by_external_ref("C-1");
  EXPECT_EQ(updated.job_title, "Head of purchasing");
  EXPECT_EQ(updated.primary_email(), "janis@example.lv");  // an empty cell keeps the stored value
  EXPECT_EQ(updated.version, 2);
}

TEST_F(ImportTest, UpsertByEmailAndByPhoneFindStoredContactsInAnyWrittenForm) {
  ContactData ozols;
  ozols.last_name = "Ozols";
  ozols.emails = {{"Janis@Example.lv", true}};
  ozols.phones = {{PhoneKind::mobile, "+371 26 123 456", {}}};
  db.contacts().create(ozols);
  ImportOptions options;
  options.mode = ImportMode::upsert;
  options.key = ImportKey::email;
  EXPECT_EQ(import_contacts("email,job_title\njanis@example.LV,Buyer\n", options).updated, 1);
  options.key = ImportKey::phone;
  EXPECT_EQ(import_contacts("phone,country\n0037126123456,LV\n", options).updated, 1);
  ASSERT_EQ(contacts().size(), 1u);
  EXPECT_EQ(contacts()[0].job_title, "Buyer");
  EXPECT_EQ(contacts()[0].country, "LV");
}

TEST_F(ImportTest, UpsertOfOnePhoneKindKeepsTheStoredPhonesOfOtherKinds) {
  ContactData ozols;
  ozols.last_name = "Ozols";
  ozols.external_ref = "C-1";
  ozols.phones = {{PhoneKind::mobile, "+371 26 123 456", {}}, {PhoneKind::work, "+371 67 000 000", {}}};
  db.contacts().create(ozols);
  ImportOptions options;
  options.mode = ImportMode::upsert;
  const auto result = import_contacts("external_ref,Mobile Phone\nC-1,+371 29 999 999\n", options);
  ASSERT_EQ(result.updated, 1) << issues_of(result);
  const Contact stored = *db.contacts().find_by_external_ref("C-1");
  ASSERT_EQ(stored.phones.size(), 2u);
  EXPECT_EQ(stored.phones[0].kind, PhoneKind::work);
  EXPECT_EQ(stored.phones[0].e164, "+37167000000");
  EXPECT_EQ(stored.phones[1].e164, "+37129999999");
}

TEST_F(ImportTest, UpsertOfADealStageStaysInTheDealsOwnPipeline) {
  const Account customer = account("Baltic Timber SIA", "ERP-1");
  const Pipeline service = db.pipelines().create("Service", {{"Intake", 10, StageKind::open}, {"Repair", 50, StageKind::open},
                                                             {"Done", 100, StageKind::won}, {"Dropped", 0, StageKind::lost}});
  OpportunityData deal;
  deal.name = "Saw repair";
  deal.account = customer.id;
  deal.external_ref = "D-1";
  deal.pipeline = service.id;
  db.opportunities().create(deal);
  ImportOptions options;
  options.kind = RecordKind::opportunity;
  options.mode = ImportMode::upsert;
  const auto result = import("external_ref,stage\nD-1,Repair\n", options);
  ASSERT_EQ(result.updated, 1) << issues_of(result);
  const Opportunity stored = *db.opportunities().find_by_external_ref("D-1");
  EXPECT_EQ(stored.pipeline, service.id);
  EXPECT_EQ(db.pipelines().stage(stored.stage).name, "Repair");
}

TEST_F(ImportTest, UpsertOfAccountsByRegistrationNumber) {
  AccountData data;
  data.name = "Baltic Timber";
  data.registration_number = "40003000001";
  db.accounts().create(data);
  ImportOptions options;
  options.kind = RecordKind::account;
  options.mode = ImportMode::upsert;
  options.key = ImportKey::registration_number;
  const auto result = import("name,registration_number,industry\nBaltic Timber SIA,40003000001,Forestry\n", options);
  ASSERT_EQ(result.failed, 0) << issues_of(result);
  EXPECT_EQ(result.updated, 1);
  const auto accounts = db.accounts().list().items;
  ASSERT_EQ(accounts.size(), 1u);
  EXPECT_EQ(accounts[0].name, "Baltic Timber SIA");
  EXPECT_EQ(accounts[0].industry, "Forestry");
}

TEST_F(ImportTest, UpsertByRegistrationNumberIgnoresSpacesAndPunctuation) {
  AccountData data;
  data.name = "Baltic Timber";
  data.registration_number = "40003000001";
  db.accounts().create(data);
  ImportOptions options;
  options.kind = RecordKind::account;
  options.mode = ImportMode::upsert;
  options.key = ImportKey::registration_number;
  const auto result = import("name,registration_number\nBaltic Timber SIA,4000 300-0001\n", options);
  EXPECT_EQ(result.updated, 1) << issues_of(result);
  EXPECT_EQ(db.accounts().count(), 1);
}

TEST_F(ImportTest, KindsWithoutTheChosenKeyAreRefusedBeforeReading) {
  ImportOptions options;
  options.kind = RecordKind::activity;
  options.mode = ImportMode::upsert;
  options.key = ImportKey::email;
  EXPECT_THROW(import("subject\nCall\n", options), Error);
  options.kind = RecordKind::contact;
  options.key = ImportKey::registration_number;
  EXPECT_THROW(import("last_name\nOzols\n", options), Error);
}

TEST_F(ImportTest, RowsThatDuplicateStoredContactsAreReportedSkippedOrMerged) {
  ContactData ozols;
  ozols.last_name = "Ozols";
  ozols.emails = {{"janis@example.lv", true}};
  const Contact stored = db.contacts().create(ozols);
  const std::string file = "last_name,email,job_title\nOzols,JANIS@example.lv,Buyer\n";

  ImportOptions options;
  options.on_duplicate = DuplicateAction::skip;
  auto result = import_contacts(file, options);
  EXPECT_EQ(result.skipped, 1);
  ASSERT_EQ(result.duplicates.size(), 1u);
  EXPECT_EQ(result.duplicates[0].match.id, stored.id.value());
  EXPECT_EQ(result.duplicates[0].line, 2);
  EXPECT_EQ(contacts().size(), 1u);

  options.on_duplicate = DuplicateAction::merge;
  result = import_contacts(file, options);
  EXPECT_EQ(result.updated, 1);
  ASSERT_EQ(contacts().size(), 1u);
  EXPECT_EQ(contacts()[0].job_title, "Buyer");

  options.on_duplicate = DuplicateAction::report;
  result = import_contacts(file, options);
  EXPECT_EQ(result.inserted, 1);
  EXPECT_EQ(result.duplicates.size(), 1u);
  EXPECT_EQ(contacts().size(), 2u);
}

TEST_F(ImportTest, ASharedNameAloneDoesNotMakeARowADuplicate) {
  ContactData berzins;
  berzins.first_name = "Jānis";
  berzins.last_name = "Bērziņš";
  berzins.emails = {{"janis@example.lv", true}};
  db.contacts().create(berzins);
  ImportOptions options;
  options.on_duplicate = DuplicateAction::skip;
  const auto result = import_contacts("first_name,last_name,email\nJānis,Bērziņš,another.janis@example.lv\n", options);
  EXPECT_EQ(result.inserted, 1);
  EXPECT_TRUE(result.duplicates.empty());
  EXPECT_EQ(contacts().size(), 2u);
}

TEST_F(ImportTest, ProgressIsReportedPerBatchAndCanStopTheImport) {
  std::string file = "last_name\n";
  for (int i = 0; i < 100; ++i) file += "Name" + std::to_string(i) + "\n";
  ImportOptions options;
  options.batch_rows = 10;
  std::vector<std::int64_t> seen;
  options.progress = [&](const ImportProgress& progress) {
    seen.push_back(progress.rows);
    return seen.size() < 3;
  };
  const auto result = import_contacts(file, options);
  EXPECT_TRUE(result.stopped);
  EXPECT_TRUE(result.committed);
  EXPECT_EQ(seen, (std::vector<std::int64_t>{10, 20, 30}));
  EXPECT_EQ(db.contacts().count(), 30);
}

TEST_F(ImportTest, ProgressCallbackUsingTheSameDatabaseIsRefused) {
  ImportOptions options;
  options.batch_rows = 1;
  int calls = 0;
  options.progress = [&](const ImportProgress&) {
    ++calls;
    db.contacts().count();  // the import is still using the connection
    return true;
  };
  const Error error = EXPECT_CRM_ERROR(import_contacts("last_name\nOzols\nLiepa\n", options),
                                       ErrorCode::invalid_argument);
  EXPECT_NE(std::string(error.what()).find("callback of its own operation"), std::string::npos) << error.what();
  EXPECT_EQ(calls, 1);
  // The refusal ended the import cleanly: the connection works again.
  EXPECT_EQ(db.contacts().count(), 1);  // the first batch was committed before the callback
  options.progress = [](const ImportProgress&) { return true; };
  EXPECT_EQ(import_contacts("last_name\nKalns\n", options).inserted, 1);
}

TEST_F(ImportTest, StoppedAllOrNothingImportWritesNothing) {
  ImportOptions options;
  options.batch_rows = 1;
  options.all_or_nothing = true;
  options.progress = [](const ImportProgress&) { return false; };
  const auto result = import_contacts("last_name\nOzols\nLiepa\n", options);
  EXPECT_TRUE(result.stopped);
  EXPECT_FALSE(result.committed);
  EXPECT_EQ(db.contacts().count(), 0);
}

TEST_F(ImportTest, ExplicitMappingNamesColumnsAndCustomFields) {
  CustomFieldData loyalty;
  loyalty.name = "loyalty";
  loyalty.type = CustomFieldType::integer;
  db.custom_fields().define(RecordKind::contact, loyalty);
  ImportOptions options;
  options.columns = {{"Kods", "external_ref"}, {"Uzvārds", "last_name"}, {"Punkti", "loyalty"}, {"Piezīmes", ""}};
  const auto result = import_contacts("Kods,Uzvārds,Punkti,Piezīmes\nK-7,Ozols,120,ignore me\n", options);
  ASSERT_EQ(result.failed, 0) << issues_of(result);
  const Contact stored = *db.contacts().find_by_external_ref("K-7");
  EXPECT_EQ(stored.last_name, "Ozols");
  EXPECT_EQ(stored.custom.at("loyalty"), CustomValue(std::int64_t{120}));
  EXPECT_TRUE(stored.description.empty());
}

TEST_F(ImportTest, BadCustomFieldValuesAreRowErrorsNamingTheHeader) {
  CustomFieldData loyalty;
  loyalty.name = "loyalty";
  loyalty.type = CustomFieldType::integer;
  db.custom_fields().define(RecordKind::contact, loyalty);
  const auto result = import_contacts("last_name,Loyalty\nOzols,many\n");
  ASSERT_EQ(result.failed, 1);
  EXPECT_EQ(result.errors[0].column, "Loyalty");
}

TEST_F(ImportTest, UnknownEncodingOrColumnIsRefusedBeforeAnyRow) {
  ImportOptions options;
  options.encoding = "KLINGON-8";
  EXPECT_THROW(import_contacts("last_name\nOzols\n", options), Error);
  options = {};
  options.columns = {{"last_name", "surname_of_grandmother"}};
  const Error error = EXPECT_CRM_ERROR(import_contacts("last_name\nOzols\n", options), ErrorCode::invalid_argument);
  EXPECT_NE(std::string(error.what()).find("surname_of_grandmother"), std::string::npos);
  EXPECT_THROW(import_contacts(""), Error);
  EXPECT_TRUE(contacts().empty());
}

TEST_F(ImportTest, ActivitiesLinkToContactsByEmailAndDealsByExternalRef) {
  const Account customer = account("Baltic Timber SIA", "ERP-1");
  ContactData ozols;
  ozols.last_name = "Ozols";
  ozols.emails = {{"janis@example.lv", true}};
  const Contact contact = db.contacts().create(ozols);
  OpportunityData deal;
  deal.name = "Sawmill line";
  deal.account = customer.id;
  deal.external_ref = "D-1";
  const Opportunity stored_deal = db.opportunities().create(deal);
  ImportOptions options;
  options.kind = RecordKind::activity;
  const auto result = import(
      "kind,subject,starts_at,contact_email,opportunity_ref,status\n"
      "call,Asked about delivery,14.03.2025 09:30,janis@example.lv,D-1,done\n"
      "meeting,Visit,2025-03-20T10:00:00Z,nobody@example.lv,,planned\n",
      options);
  EXPECT_EQ(result.inserted, 1);
  ASSERT_EQ(result.failed, 1) << issues_of(result);
  EXPECT_EQ(result.errors[0].column, "contact_email");
  const auto activities = db.activities().list().items;
  ASSERT_EQ(activities.size(), 1u);
  EXPECT_EQ(activities[0].contact, contact.id);
  EXPECT_EQ(activities[0].opportunity, stored_deal.id);
  EXPECT_EQ(activities[0].starts_at, Instant(Date(2025, 3, 14), boost::posix_time::hours(9) + boost::posix_time::minutes(30)));
}

TEST_F(ImportTest, DealRowsWithAnEmptyAccountCellImportWithoutAnAccount) {
  const Account customer = account("Betatech", "ACC-1");
  ImportOptions options;
  // As the Maven pipeline data set writes them: some deals name no account.
  options.columns = {{"opportunity_id", "external_ref"}, {"sales_agent", "owner"}, {"product", "name"},
                     {"deal_stage", "stage"}, {"engage_date", ""}, {"close_value", "amount"}};
  const auto result = import_as(
      RecordKind::opportunity,
      "opportunity_id,sales_agent,product,account,deal_stage,engage_date,close_date,close_value\n"
      "1C1I7A6R,Moses Frase,GTX Plus Basic,Betatech,Won,2016-10-20,2017-03-01,1054\n"
      "HAXMC4IX,James Ascencio,MG Advanced,,Prospecting,,,\n",
      options);
  ASSERT_EQ(result.failed, 0) << issues_of(result);
  EXPECT_EQ(result.inserted, 2);
  EXPECT_EQ(db.opportunities().find_by_external_ref("1C1I7A6R")->account, customer.id);
  const Opportunity orphan = *db.opportunities().find_by_external_ref("HAXMC4IX");
  EXPECT_FALSE(orphan.account);
  EXPECT_EQ(orphan.owner, "James Ascencio");
}

TEST_F(ImportTest, UpsertByExternalRefUpdatesStoredActivities) {
  account("Baltic Timber SIA", "ERP-1");
  ImportOptions options;
  options.mode = ImportMode::upsert;
  auto result = import_as(RecordKind::activity,
                          "external_ref,kind,subject,account_ref,status\n00T1,call,First call,ERP-1,planned\n", options);
  ASSERT_EQ(result.failed, 0) << issues_of(result);
  EXPECT_EQ(result.inserted, 1);
  const Activity first = *db.activities().find_by_external_ref("00T1");
  EXPECT_EQ(first.subject, "First call");
  result = import_as(RecordKind::activity,
                     "external_ref,subject,status,outcome\n00T1,First call,done,reached\n00T2,Follow-up,planned,\n",
                     options);
  ASSERT_EQ(result.failed, 1) << issues_of(result);  // 00T2 links to nothing
  EXPECT_EQ(result.updated, 1);
  const Activity updated = *db.activities().find_by_external_ref("00T1");
  EXPECT_EQ(updated.id, first.id);
  EXPECT_EQ(updated.status, ActivityStatus::done);
  EXPECT_EQ(updated.outcome, "reached");
  EXPECT_EQ(updated.version, first.version + 1);
  EXPECT_EQ(db.activities().count(), 1);
  EXPECT_FALSE(db.activities().find_by_external_ref("00T2"));
}

// Salesforce's Task and Event name whom (WhoId: a contact or a lead) and what
// (WhatId: an account or a deal) they concern by one id each.
TEST_F(ImportTest, WhoRefAndWhatRefLinkActivitiesToWhicheverKindHasTheExternalRef) {
  const Account customer = account("Baltic Timber SIA", "001A");
  const Contact contact = contact_with_ref("Ozols", "003C");
  const Lead lead = lead_with_ref("Liepa", "00QL");
  const Opportunity stored_deal = db.opportunities().create({.name = "Sawmill line", .external_ref = "006D"});
  const auto result = import_as(
      RecordKind::activity,
      "external_ref,subject,who_ref,what_ref\n"
      "00T1,Call about the line,003C,006D\n"
      "00T2,Intro call,00QL,001A\n"
      "00T3,Visit,,001A\n"
      "00T4,Unknown person,003X,\n"
      "00T5,Campaign task,,701K\n");
  EXPECT_EQ(result.inserted, 3);
  ASSERT_EQ(result.failed, 2) << issues_of(result);
  EXPECT_EQ(result.errors[0].column, "who_ref");
  EXPECT_NE(result.errors[0].message.find("no contact or lead has the external reference '003X'"), std::string::npos)
      << result.errors[0].message;
  EXPECT_EQ(result.errors[1].column, "what_ref");
  EXPECT_NE(result.errors[1].message.find("no account or deal has the external reference '701K'"), std::string::npos)
      << result.errors[1].message;

  const Activity first = *db.activities().find_by_external_ref("00T1");
  EXPECT_EQ(first.contact, contact.id);
  EXPECT_EQ(first.opportunity, stored_deal.id);
  EXPECT_FALSE(first.lead);
  EXPECT_FALSE(first.account);
  const Activity second = *db.activities().find_by_external_ref("00T2");
  EXPECT_EQ(second.lead, lead.id);
  EXPECT_EQ(second.account, customer.id);
  EXPECT_FALSE(second.contact);
  EXPECT_EQ(db.activities().find_by_external_ref("00T3")->account, customer.id);
}

TEST_F(ImportTest, AWhoRefHeldByAContactAndALeadIsARowErrorNamingBoth) {
  const Contact contact = contact_with_ref("Ozols", "X-1");
  const Lead lead = lead_with_ref("Liepa", "X-1");
  const auto result = import_as(RecordKind::activity, "subject,who_ref\nCall,X-1\n");
  ASSERT_EQ(result.failed, 1) << issues_of(result);
  EXPECT_EQ(result.errors[0].column, "who_ref");
  const std::string& message = result.errors[0].message;
  EXPECT_NE(message.find("'X-1' is the external reference of contact " + std::to_string(contact.id.value()) +
                         " and of lead " + std::to_string(lead.id.value())),
            std::string::npos)
      << message;
}

TEST_F(ImportTest, AValueLongerThanItsFieldsLimitIsARowErrorNamingTheLimit) {
  const ImportResult result = import_contacts("first_name,last_name\n" + std::string(kMaxLineBytes + 1, 'a') +
                                              ",Liepa\nAnna,Ozola\n");
  EXPECT_EQ(result.inserted, 1);
  ASSERT_EQ(result.failed, 1);
  EXPECT_EQ(result.errors[0].column, "first_name");
  EXPECT_NE(result.errors[0].message.find("at most " + std::to_string(kMaxLineBytes) + " bytes"), std::string::npos)
      << result.errors[0].message;
}

TEST_F(ImportTest, ACellOrRecordLongerThanTheCsvLimitsEndsTheImportNamingTheLine) {
  const std::string cell(kMaxCsvCellBytes + 1, 'x');
  for (const std::string& text : {"first_name,last_name\nAnna,Ozola\n" + cell + ",Liepa\n",
                                  "first_name,last_name\nAnna,Ozola\n\"" + cell + "\",Liepa\n"}) {
    const Error error = EXPECT_CRM_ERROR(import_contacts(text, {.all_or_nothing = true}), ErrorCode::invalid_argument);
    EXPECT_EQ(error.field(), "cell");
    EXPECT_NE(std::string(error.what()).find("line 3"), std::string::npos) << error.what();
  }
  std::string record = "first_name,last_name\n";
  const std::string part(kMaxCsvCellBytes / 2, 'y');
  for (std::size_t i = 0; i * part.size() <= kMaxCsvRecordBytes; ++i) record += part + ",";
  EXPECT_EQ(EXPECT_CRM_ERROR(import_contacts(record + "\n"), ErrorCode::invalid_argument).field(), "record");
  EXPECT_TRUE(contacts().empty());
}

TEST_F(ImportTest, FilesAreReadFromDiskAndAMissingFileIsNotFound) {
  test::TempDir dir;
  const std::string path = dir.file("contacts.csv");
  std::ofstream(path) << "last_name\nOzols\n";
  EXPECT_EQ(db.imports().read_file(path, {}).inserted, 1);
  EXPECT_CRM_ERROR(db.imports().read_file(dir.file("missing.csv"), {}), ErrorCode::not_found);
}

TEST_F(ImportTest, ValuesMapAnOldCrmsPicklistsOntoTheLibrarysIgnoringCase) {
  account("Baltic Timber SIA", "001A");
  ImportOptions options;
  options.kind = RecordKind::opportunity;
  options.values = {{"StageName", {{"Closed Won", "Won"}, {"Needs Analysis", "Qualification"}, {"Omitted", ""}}}};
  const ImportResult result = import(
      "Name,AccountId,StageName,Amount\n"
      "One,001A,closed won ,100\n"
      "Two,001A,Needs Analysis,200\n"
      "Three,001A,Omitted,300\n"
      "Four,001A,Proposal,400\n",
      [&] {
        options.columns = {{"AccountId", "account_ref"}};
        return options;
      }());
  ASSERT_EQ(result.inserted, 4) << issues_of(result);
  std::map<std::string, std::string> stage_of;
  for (const Opportunity& deal : db.opportunities().list().items)
    stage_of[deal.name] = db.pipelines().stage(deal.stage).name;
  EXPECT_EQ(stage_of["One"], "Won");
  EXPECT_EQ(stage_of["Two"], "Qualification");
  EXPECT_EQ(stage_of["Three"], "Prospecting");  // read as empty: the first stage
  EXPECT_EQ(stage_of["Four"], "Proposal");

  options.values = {{"Nope", {{"a", "b"}}}};
  EXPECT_THROW(import("Name,AccountId\nFive,001A\n", options), Error);
}

TEST_F(ImportTest, ComposedColumnsAreMadeFromOtherCellsAndDropTheTextBesideABlankOne) {
  account("Cancity", "ACC1");
  ImportOptions options;
  options.kind = RecordKind::opportunity;
  options.compose = {{"name", "{product} — {account}"}, {"external_ref", "deal-{#line}"}};
  const ImportResult result = import(
      "product,account,amount\n"
      "GTX Pro,Cancity,100\n"
      "MG Special,,200\n",
      options);
  ASSERT_EQ(result.inserted, 2) << issues_of(result);
  const Opportunity first = *db.opportunities().find_by_external_ref("deal-2");
  EXPECT_EQ(first.name, "GTX Pro — Cancity");
  EXPECT_EQ(db.opportunities().find_by_external_ref("deal-3")->name, "MG Special");

  options.compose = {{"name", "{product} for {nobody}"}};
  const Error unknown = EXPECT_CRM_ERROR(import("product\nX\n", options), ErrorCode::invalid_argument);
  EXPECT_NE(std::string(unknown.what()).find("nobody"), std::string::npos);
  options.compose = {{"name", "{product"}};
  EXPECT_CRM_ERROR(import("product\nX\n", options), ErrorCode::invalid_argument);
  options.compose = {{"planet", "{product}"}};
  EXPECT_CRM_ERROR(import("product\nX\n", options), ErrorCode::invalid_argument);
}

}  // namespace
}  // namespace crm
