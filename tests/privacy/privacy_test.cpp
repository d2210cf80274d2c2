// The privacy law (src/privacy/): a person's data as one document, their
// erasure everywhere the file keeps it (fields, activities, merge history,
// audit values, search index, free pages), legal holds, consent history,
// and the rights each needs.
#include <fstream>
#include <iterator>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>
#include <sqlite3.h>

#include "crm/crm.hpp"
#include "support/test_database.hpp"

namespace crm {
namespace {

using nlohmann::json;

constexpr const char* kEmail = "anna.berzina@example.lv";
constexpr const char* kWorkEmail = "a.berzina@riga-retail.lv";
constexpr const char* kPhone = "+371 26 123 456";
constexpr const char* kPhoneDigits = "37126123456";

// A person with everything a CRM keeps about someone: fields, consents, an
// employer, a deal, activities naming their address and number, a merged
// duplicate, a lead converted into them, a history of changes.
struct Person {
  Contact contact;
  Account account;
  Opportunity deal;
  Activity call, email, note_about_other;
  Lead lead;
};

Person make_person(Database& db, test::ManualClock& clock) {
  Person p;
  p.account = db.accounts().create({.name = "Riga Retail", .owner = "anna"});
  p.contact = db.contacts().create({.first_name = "Anna",
                                    .last_name = "Bērziņa",
                                    .emails = {{kEmail, true}},
                                    .phones = {{PhoneKind::mobile, kPhone}},
                                    .birthday = Birthday{1988, 5, 12},
                                    .owner = "anna",
                                    .consents = {{ConsentChannel::email, true}},
                                    .tags = {"vip"},
                                    .description = "Prefers " + std::string(kEmail),
                                    .account = p.account.id});
  clock.advance(boost::posix_time::hours(1));
  Contact changed = p.contact;
  changed.consents = {{ConsentChannel::email, false}};
  changed.emails.push_back({kWorkEmail, false});
  p.contact = db.contacts().update(changed);
  p.deal = db.opportunities().create({.account = p.account.id, .primary_contact = p.contact.id, .name = "Shelving",
                                      .amount = Money::from_decimal("1200.00", "EUR"), .owner = "anna"});
  p.call = db.activities().create({.kind = ActivityKind::call, .subject = "Call " + std::string(kPhone),
                                   .starts_at = db.now(), .phone = kPhone, .owner = "anna", .contact = p.contact.id});
  p.email = db.activities().create({.kind = ActivityKind::email, .subject = "Offer",
                                    .body = "Sent to " + std::string(kWorkEmail) + ", copy to boss@riga-retail.lv",
                                    .starts_at = db.now(), .email = kWorkEmail, .owner = "anna",
                                    .account = p.account.id});
  p.note_about_other = db.activities().create({.kind = ActivityKind::note, .subject = "Olga called",
                                               .body = "olga@example.lv", .starts_at = db.now(), .owner = "anna",
                                               .account = p.account.id});
  p.lead = db.leads().create({.first_name = "Anna", .last_name = "Berzina", .email = kEmail, .owner = "anna"});
  const LeadConversionResult converted = db.leads().convert(p.lead.id, {.account = p.account.id, .contact = p.contact.id});
  p.lead = converted.lead;
  const Contact duplicate = db.contacts().create({.first_name = "Anna", .last_name = "Berzina",
                                                  .phones = {{PhoneKind::work, "26123456"}}, .owner = "anna"});
  p.contact = db.duplicates().merge(p.contact.id, duplicate.id);
  return p;
}

class PrivacyTest : public ::testing::Test {
 protected:
  test::ManualClock clock;
  Database db = Database::open_in_memory(test::test_options(clock));
  void SetUp() override { test::add_users(db, {"anna", "olga"}); }

  json exported(const Contact& contact) {
    return json::parse(db.privacy().export_person(RecordKind::contact, contact.id.value()));
  }
};

TEST_F(PrivacyTest, ExportGivesEverythingAboutThePersonInOneDocument) {
  const Person p = make_person(db, clock);
  const json doc = exported(p.contact);
  EXPECT_EQ(doc["format"], "crmcore.person/1");
  EXPECT_EQ(doc["kind"], "contact");
  EXPECT_EQ(doc["id"], p.contact.id.value());
  EXPECT_EQ(doc["person"]["first_name"], "Anna");
  EXPECT_EQ(doc["person"]["birthday"], "1988-05-12");
  ASSERT_TRUE(doc["person"]["consents"].is_array());
  EXPECT_EQ(doc["person"]["consents"][0]["granted"], false);
  // the consent's history: granted, then withdrawn (the answer replaced: the old one out, the new one in)
  ASSERT_EQ(doc["consent_history"].size(), 3u) << doc["consent_history"].dump();
  EXPECT_EQ(doc["consent_history"][0]["operation"], "create");
  EXPECT_NE(doc["consent_history"][2]["new"].get<std::string>().find("\"granted\":0"), std::string::npos);
  EXPECT_EQ(doc["employment"].size(), 1u);
  EXPECT_EQ(doc["employment"][0]["account"], "Riga Retail");
  ASSERT_EQ(doc["deals"].size(), 1u);
  EXPECT_EQ(doc["deals"][0]["name"], "Shelving");
  ASSERT_EQ(doc["activities"].size(), 1u);  // the call is about them; the email is about the account
  EXPECT_EQ(doc["activities"][0]["id"], p.call.id.value());
  ASSERT_EQ(doc["leads"].size(), 1u);
  EXPECT_EQ(doc["leads"][0]["id"], p.lead.id.value());
  ASSERT_EQ(doc["merges"].size(), 1u);
  EXPECT_EQ(doc["merges"][0]["merged_record"]["last_name"], "Berzina");
  EXPECT_TRUE(doc["legal_hold"].is_null());
  EXPECT_GE(doc["audit"].size(), 5u);
}

TEST_F(PrivacyTest, ExportOfALeadOrAnUnknownPersonAndOfOtherKinds) {
  const Lead lead = db.leads().create({.first_name = "Ona", .last_name = "Kazlauskienė", .email = "ona@example.lt"});
  const json doc = json::parse(db.privacy().export_person(RecordKind::lead, lead.id.value()));
  EXPECT_EQ(doc["person"]["email"], "ona@example.lt");
  EXPECT_TRUE(doc["employment"].empty());
  EXPECT_CRM_ERROR(db.privacy().export_person(RecordKind::contact, 999), ErrorCode::not_found);
  EXPECT_CRM_ERROR(db.privacy().export_person(RecordKind::account, 1), ErrorCode::invalid_argument);
  EXPECT_CRM_ERROR(db.privacy().erase(RecordKind::opportunity, 1), ErrorCode::invalid_argument);
}

TEST_F(PrivacyTest, EraseBlanksThePersonsFieldsKeepsConsentsLinksAndTheRecord) {
  const Person p = make_person(db, clock);
  const ErasureReport report = db.privacy().erase(RecordKind::contact, p.contact.id.value());
  ASSERT_EQ(report.persons.size(), 2u);  // the contact and the lead converted into it
  EXPECT_EQ(report.persons[1], std::make_pair(RecordKind::lead, p.lead.id.value()));
  // the contact's fields, and the lead's email
  EXPECT_EQ(report.fields, (std::vector<std::string>{"birthday", "email", "emails", "first_name", "last_name", "phones"}));
  const Contact erased = db.contacts().get(p.contact.id);
  EXPECT_EQ(erased.first_name, "");
  EXPECT_EQ(erased.last_name, kErasedText);
  EXPECT_TRUE(erased.emails.empty());
  EXPECT_TRUE(erased.phones.empty());
  EXPECT_FALSE(erased.birthday.has_value());
  EXPECT_EQ(erased.description, std::string("Prefers ") + kErasedText);
  EXPECT_EQ(erased.account, p.account.id);
  EXPECT_EQ(erased.tags, std::vector<std::string>{"vip"});
  ASSERT_EQ(erased.consents.size(), 1u);  // the proof of what they agreed to stays
  EXPECT_FALSE(erased.consents[0].granted);
  const Lead lead = db.leads().get(p.lead.id);
  EXPECT_EQ(lead.email, "");
  EXPECT_EQ(lead.last_name, kErasedText);
  EXPECT_EQ(db.opportunities().get(p.deal.id).primary_contact, p.contact.id);
}

TEST_F(PrivacyTest, EraseTakesTheirAddressesAndNumbersOutOfActivities) {
  const Person p = make_person(db, clock);
  const ErasureReport report = db.privacy().erase(RecordKind::contact, p.contact.id.value());
  EXPECT_EQ(report.activities, 2);
  const Activity call = db.activities().get(p.call.id);
  EXPECT_EQ(call.phone, "");
  EXPECT_EQ(call.phone_e164, "");
  EXPECT_EQ(call.subject, std::string("Call ") + kErasedText);
  const Activity email = db.activities().get(p.email.id);
  EXPECT_EQ(email.email, "");
  EXPECT_EQ(email.body, std::string("Sent to ") + kErasedText + ", copy to boss@riga-retail.lv");
  EXPECT_EQ(db.activities().get(p.note_about_other.id).body, "olga@example.lv");
  EXPECT_EQ(db.activities().get(p.note_about_other.id).version, p.note_about_other.version);
}

TEST_F(PrivacyTest, EraseBlanksTheAuditValuesButKeepsTheEntriesAndLogsItselfWithoutValues) {
  const Person p = make_person(db, clock);
  const auto before = db.audit().history(RecordKind::contact, p.contact.id.value());
  clock.advance(boost::posix_time::hours(1));
  const ErasureReport report = db.privacy().erase(RecordKind::contact, p.contact.id.value());
  EXPECT_GT(report.audit_entries, 0);
  const auto after = db.audit().history(RecordKind::contact, p.contact.id.value());
  ASSERT_GT(after.size(), before.size());
  for (std::size_t i = 0; i < before.size(); ++i) {
    EXPECT_EQ(after[i].seq, before[i].seq);
    EXPECT_EQ(after[i].field, before[i].field);
    if (after[i].field == "first_name" || after[i].field == "emails" || after[i].field == "phones" ||
        after[i].field == "birthday") {
      EXPECT_FALSE(after[i].old_value.has_value()) << after[i].field;
      EXPECT_FALSE(after[i].new_value.has_value()) << after[i].field;
    }
    if (after[i].field == "owner" || after[i].field == "consents") {  // not personal; the consent history stays
      EXPECT_EQ(after[i].new_value, before[i].new_value);
    }
  }
  std::vector<std::string> erased_fields;
  for (std::size_t i = before.size(); i < after.size(); ++i) {
    EXPECT_EQ(after[i].operation, AuditOperation::erase);
    EXPECT_FALSE(after[i].old_value || after[i].new_value);
    erased_fields.push_back(after[i].field);
  }
  EXPECT_NE(std::find(erased_fields.begin(), erased_fields.end(), "emails"), erased_fields.end());
  // no entry anywhere still holds their address or number
  for (const AuditEntry& entry : db.audit().find({.limit = 100000})) {
    for (const auto& value : {entry.old_value, entry.new_value}) {
      if (!value) continue;
      EXPECT_EQ(value->find(kEmail), std::string::npos) << entry.field;
      EXPECT_EQ(value->find(kWorkEmail), std::string::npos) << entry.field;
      EXPECT_EQ(value->find(kPhoneDigits), std::string::npos) << entry.field;
    }
  }
}

TEST_F(PrivacyTest, EraseLeavesThemOutOfSearchDuplicatesAndMergeHistory) {
  const Person p = make_person(db, clock);
  const Contact other = db.contacts().create({.first_name = "Anna", .last_name = "Bērziņa", .owner = "anna"});
  ASSERT_FALSE(db.search().find(kEmail).empty());
  db.privacy().erase(RecordKind::contact, p.contact.id.value());
  EXPECT_TRUE(db.search().find(kEmail).empty());
  EXPECT_TRUE(db.search().find("26123456").empty());
  for (const DuplicatePair& pair : db.duplicates().find(RecordKind::contact))
    EXPECT_FALSE(pair.first_id == p.contact.id.value() || pair.second_id == p.contact.id.value())
        << "an erased person is no one's duplicate";
  const auto merges = db.duplicates().history(RecordKind::contact, p.contact.id.value());
  ASSERT_EQ(merges.size(), 1u);
  EXPECT_EQ(merges[0].merged_record_json.find("Berzina"), std::string::npos) << merges[0].merged_record_json;
  EXPECT_EQ(merges[0].merged_record_json.find("26123456"), std::string::npos) << merges[0].merged_record_json;
  EXPECT_FALSE(db.duplicates().find(RecordKind::contact).empty() && other.id.value() == 0);
}

TEST_F(PrivacyTest, ALegalHoldRefusesErasureAndPurgeUntilReleased) {
  const Contact anna = db.contacts().create({.last_name = "Bērziņa", .emails = {{kEmail, true}}, .owner = "anna"});
  db.privacy().place_hold(RecordKind::contact, anna.id.value(), "Court case 2025/17");
  const std::optional<LegalHold> hold = db.privacy().hold(RecordKind::contact, anna.id.value());
  ASSERT_TRUE(hold);
  EXPECT_EQ(hold->reason, "Court case 2025/17");
  EXPECT_EQ(hold->placed_at, db.now());
  EXPECT_EQ(db.privacy().holds(), std::vector<LegalHold>{*hold});
  const Error refused = EXPECT_CRM_ERROR(db.privacy().erase(RecordKind::contact, anna.id.value()), ErrorCode::conflict);
  EXPECT_NE(std::string(refused.what()).find("Court case 2025/17"), std::string::npos) << refused.what();
  EXPECT_EQ(db.contacts().get(anna.id).emails.size(), 1u);  // nothing half-erased
  const std::optional<Instant> deleted_at = db.contacts().remove(anna.id).deleted_at;
  clock.advance(boost::posix_time::hours(1));
  const Error kept = EXPECT_CRM_ERROR(db.contacts().purge(anna.id), ErrorCode::conflict);
  EXPECT_NE(std::string(kept.what()).find("legal hold"), std::string::npos) << kept.what();
  db.privacy().release_hold(RecordKind::contact, anna.id.value());
  EXPECT_FALSE(db.privacy().hold(RecordKind::contact, anna.id.value()));
  db.privacy().erase(RecordKind::contact, anna.id.value());  // a soft-deleted person is erased too
  const Contact erased = db.contacts().get(anna.id);
  EXPECT_TRUE(erased.emails.empty());
  EXPECT_EQ(erased.deleted_at, deleted_at);
  EXPECT_TRUE(deleted_at.has_value());
  EXPECT_TRUE(db.search().find(kEmail).empty());
  EXPECT_CRM_ERROR(db.privacy().release_hold(RecordKind::contact, anna.id.value()), ErrorCode::not_found);
  EXPECT_CRM_ERROR(db.privacy().place_hold(RecordKind::contact, anna.id.value(), ""), ErrorCode::invalid_argument);
  EXPECT_CRM_ERROR(db.privacy().place_hold(RecordKind::contact, anna.id.value(), "two\nlines"),
                   ErrorCode::invalid_argument);
  EXPECT_CRM_ERROR(db.privacy().place_hold(RecordKind::contact, 999, "x"), ErrorCode::not_found);
}

TEST_F(PrivacyTest, EraseNeedsTheDeleteActionHoldsAnAdministratorExportTheExportAction) {
  test::add_users(db, {"rep", "analyst"});
  User rep = *db.users().find("rep");
  rep.roles = {Role::sales_rep};
  db.users().update(rep.id, rep);
  User analyst = *db.users().find("analyst");
  analyst.roles = {Role::analyst};
  db.users().update(analyst.id, analyst);
  const Contact mine = db.contacts().create({.last_name = "Mine", .emails = {{kEmail, true}}, .owner = "rep"});
  const Contact theirs = db.contacts().create({.last_name = "Theirs", .owner = "olga"});
  db.set_user("rep");  // sales rep: deletes their own records, exports nothing
  EXPECT_CRM_ERROR(db.privacy().export_person(RecordKind::contact, mine.id.value()), ErrorCode::permission_denied);
  EXPECT_CRM_ERROR(db.privacy().erase(RecordKind::contact, theirs.id.value()), ErrorCode::not_found);
  EXPECT_CRM_ERROR(db.privacy().place_hold(RecordKind::contact, mine.id.value(), "Inquiry"),
                   ErrorCode::permission_denied);
  db.privacy().erase(RecordKind::contact, mine.id.value());
  db.set_user("analyst");  // reads and exports everything, deletes nothing
  EXPECT_NO_THROW(db.privacy().export_person(RecordKind::contact, theirs.id.value()));
  EXPECT_CRM_ERROR(db.privacy().erase(RecordKind::contact, theirs.id.value()), ErrorCode::permission_denied);
  db.set_user("");
  EXPECT_EQ(db.contacts().get(theirs.id).last_name, "Theirs");
  EXPECT_EQ(db.contacts().get(mine.id).last_name, kErasedText);
}

TEST(PrivacyFile, AfterEraseAndVacuumTheEmailAndPhoneAreNowhereInTheFile) {
  test::ManualClock clock;
  test::TempDir dir;
  const std::string path = dir.file("erase.crm");
  {
    Database db = Database::open(path, test::test_options(clock));
    test::add_users(db, {"anna", "olga"});
    const Person p = make_person(db, clock);
    for (int i = 0; i < 50; ++i)  // other people, so the pages are shared
      db.contacts().create({.last_name = "Other " + std::to_string(i),
                            .emails = {{"other" + std::to_string(i) + "@example.lv", true}}, .owner = "olga"});
    db.privacy().erase(RecordKind::contact, p.contact.id.value());
  }
  sqlite3* raw = nullptr;
  ASSERT_EQ(sqlite3_open(path.c_str(), &raw), SQLITE_OK);
  ASSERT_EQ(sqlite3_exec(raw, "VACUUM", nullptr, nullptr, nullptr), SQLITE_OK);
  sqlite3_close(raw);
  for (const auto& entry : std::filesystem::directory_iterator(std::filesystem::path(path).parent_path())) {
    std::ifstream in(entry.path(), std::ios::binary);
    const std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    for (const char* needle : {kEmail, kWorkEmail, kPhoneDigits, "26123456", "26 123 456"})
      EXPECT_EQ(bytes.find(needle), std::string::npos) << needle << " in " << entry.path();
    EXPECT_NE(bytes.find("other7@example.lv"), std::string::npos);  // the others are still there
  }
}

}  // namespace
}  // namespace crm
