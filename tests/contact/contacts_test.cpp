#include "crm/contact.hpp"

#include <gtest/gtest.h>

#include "crm/crm.hpp"
#include "support/test_database.hpp"

namespace crm {
namespace {

using test::ManualClock;
namespace pt = boost::posix_time;

class ContactsTest : public ::testing::Test {
 protected:
  ManualClock clock;
  Database db = Database::open_in_memory(test::test_options(clock));
  test::TestUsers known_users{db};
  Contacts& contacts = db.contacts();

  static ContactData anna() {
    ContactData data;
    data.first_name = "Anna";
    data.last_name = "Bērziņa";
    data.emails = {{"anna.berzina@kokanams.lv", false}, {"Anna.Berzina@Gmail.com", true}};
    data.phones = {{PhoneKind::mobile, "+371 26 123 456", ""}, {PhoneKind::work, "67 000 111", ""}};
    data.job_title = "Finance director";
    data.birthday = Birthday{1984, 2, 29};
    data.preferred_language = "lv";
    data.country = "LV";
    data.owner = "peteris";
    data.lead_source = "fair";
    data.external_ref = "P-1";
    data.consents = {{ConsentChannel::email, true, {}}, {ConsentChannel::sms, false, {}}};
    data.tags = {"decision maker"};
    return data;
  }
};

TEST_F(ContactsTest, CreateKeepsEverythingAndPutsPrimaryEmailFirst) {
  const Contact created = contacts.create(anna());
  const Contact read = contacts.get(created.id);
  EXPECT_EQ(read.first_name, "Anna");
  EXPECT_EQ(read.last_name, "Bērziņa");
  ASSERT_EQ(read.emails.size(), 2u);
  EXPECT_EQ(read.emails[0], (Email{"Anna.Berzina@Gmail.com", true}));
  EXPECT_EQ(read.primary_email(), "Anna.Berzina@Gmail.com");
  ASSERT_EQ(read.phones.size(), 2u);
  EXPECT_EQ(read.phones[0].raw, "+371 26 123 456");
  EXPECT_EQ(read.phones[0].e164, "+37126123456");
  EXPECT_EQ(read.phones[1].kind, PhoneKind::work);
  EXPECT_EQ(read.phones[1].e164, "+37167000111");
  EXPECT_EQ(read.birthday, (Birthday{1984, 2, 29}));
  EXPECT_EQ(read.preferred_language, "lv");
  ASSERT_EQ(read.consents.size(), 2u);
  EXPECT_EQ(read.consents[0].channel, ConsentChannel::email);
  EXPECT_TRUE(read.consents[0].granted);
  EXPECT_EQ(read.consents[0].changed_at, *clock.now);
  EXPECT_EQ(read.tags, std::vector<std::string>{"decision maker"});
  EXPECT_EQ(read.version, 1);
  EXPECT_EQ(read.emails, created.emails);
  EXPECT_EQ(read.consents, created.consents);
}

TEST_F(ContactsTest, FirstEmailIsPrimaryWhenNoneIsMarked) {
  ContactData data;
  data.last_name = "Ozols";
  data.emails = {{"a@b.lv", false}, {"c@d.lv", false}};
  const Contact contact = contacts.create(data);
  EXPECT_TRUE(contact.emails[0].primary);
  EXPECT_FALSE(contact.emails[1].primary);
}

TEST_F(ContactsTest, ValidationNamesTheField) {
  struct Case {
    void (*spoil)(ContactData&);
    const char* field;
    ErrorCode code;
  };
  const Case cases[] = {
      {[](ContactData& d) { d.last_name = ""; }, "contact.last_name", ErrorCode::invalid_argument},
      {[](ContactData& d) { d.emails[1].address = "anna@"; }, "contact.emails[1]", ErrorCode::invalid_argument},
      {[](ContactData& d) { d.emails[0].primary = true; }, "contact.emails", ErrorCode::invalid_argument},
      {[](ContactData& d) { d.emails[1].address = "ANNA.berzina@kokanams.lv"; }, "contact.emails[1]",
       ErrorCode::invalid_argument},
      {[](ContactData& d) { d.phones[1].raw = "call me"; }, "contact.phones[1]", ErrorCode::invalid_argument},
      {[](ContactData& d) { d.phones[1].raw = "0037126123456"; }, "contact.phones[1]", ErrorCode::invalid_argument},
      {[](ContactData& d) { d.country = "XX"; }, "contact.country", ErrorCode::invalid_argument},
      {[](ContactData& d) { d.birthday = Birthday{2030, 1, 1}; }, "contact.birthday", ErrorCode::invalid_argument},
      {[](ContactData& d) { d.birthday = Birthday{1990, 2, 30}; }, "contact.birthday", ErrorCode::invalid_argument},
      {[](ContactData& d) { d.preferred_language = "latvian"; }, "contact.preferred_language",
       ErrorCode::invalid_argument},
      {[](ContactData& d) { d.consents.push_back({ConsentChannel::email, false, {}}); }, "contact.consents[2]",
       ErrorCode::invalid_argument},
      {[](ContactData& d) { d.first_name = "\xC3"; }, "contact.first_name", ErrorCode::invalid_argument},
      {[](ContactData& d) { d.account = AccountId(5); }, "contact.account", ErrorCode::not_found},
  };
  for (const Case& c : cases) {
    ContactData data = anna();
    c.spoil(data);
    auto error = EXPECT_CRM_ERROR(contacts.create(data), c.code);
    EXPECT_EQ(error.field(), c.field) << error.what();
  }
  EXPECT_TRUE(contacts.list().items.empty());
}

TEST_F(ContactsTest, DuplicateExternalRefIsAlreadyExists) {
  contacts.create(anna());
  auto error = EXPECT_CRM_ERROR(contacts.create(anna()), ErrorCode::already_exists);
  EXPECT_EQ(error.field(), "contact.external_ref");
  EXPECT_EQ(contacts.list().items.size(), 1u);
}

TEST_F(ContactsTest, UpdateReplacesListsAndKeepsUnchangedConsentTimes) {
  Contact contact = contacts.create(anna());
  const Instant first_stamp = *clock.now;
  clock.advance(pt::hours(1));
  contact.emails = {{"anna@new.lv", true}};
  contact.phones.pop_back();
  contact.consents = {{ConsentChannel::email, true, {}}, {ConsentChannel::sms, true, {}}};
  const Contact updated = contacts.update(contact);
  EXPECT_EQ(updated.version, 2);
  EXPECT_EQ(updated.emails, (std::vector<Email>{{"anna@new.lv", true}}));
  EXPECT_EQ(updated.phones.size(), 1u);
  EXPECT_EQ(updated.consents[0].changed_at, first_stamp);  // email consent unchanged
  EXPECT_EQ(updated.consents[1].changed_at, *clock.now);   // sms consent changed
  EXPECT_TRUE(contacts.find_by_email("anna.berzina@kokanams.lv").empty());
  EXPECT_EQ(contacts.find_by_email("ANNA@NEW.LV").size(), 1u);
}

TEST_F(ContactsTest, StaleUpdateIsConflictAndWritesNothing) {
  Contact contact = contacts.create(anna());
  Contact other_window = contact;
  contact.job_title = "CFO";
  contacts.update(contact);
  other_window.emails.clear();
  other_window.job_title = "Accountant";
  EXPECT_CRM_ERROR(contacts.update(other_window), ErrorCode::conflict);
  const Contact stored = contacts.get(contact.id);
  EXPECT_EQ(stored.job_title, "CFO");
  EXPECT_EQ(stored.emails.size(), 2u);
}

TEST_F(ContactsTest, SoftDeleteRestoreAndPurge) {
  const Contact contact = contacts.create(anna());
  contacts.remove(contact.id);
  EXPECT_TRUE(contacts.find_by_phone("26123456").empty());
  EXPECT_TRUE(contacts.get(contact.id).deleted_at);
  contacts.restore(contact.id);
  EXPECT_EQ(contacts.find_by_phone("26123456").size(), 1u);
  contacts.purge(contact.id);
  EXPECT_CRM_ERROR(contacts.get(contact.id), ErrorCode::not_found);
  EXPECT_TRUE(db.integrity_check().empty());
}

TEST_F(ContactsTest, IncomingCallLookupFindsTheContactFromAnyWrittenForm) {
  const Contact contact = contacts.create(anna());
  for (const char* written : {"+371 26 123 456", "0037126123456", "26 123 456", "+37126123456", "26-123-456"}) {
    const auto found = contacts.find_by_phone(written);
    ASSERT_EQ(found.size(), 1u) << written;
    EXPECT_EQ(found[0].id, contact.id);
  }
  EXPECT_TRUE(contacts.find_by_phone("+371 26 999 999").empty());
  EXPECT_CRM_ERROR(contacts.find_by_phone("anonymous"), ErrorCode::invalid_argument);
}

TEST_F(ContactsTest, ListsByOwnerTagCountryAndSortsByName) {
  ContactData data = anna();
  data.external_ref.clear();
  contacts.create(data);
  data.last_name = "Ābola";
  data.owner = "ilze";
  data.country = "LT";
  data.tags = {};
  data.emails = {};
  data.phones = {};
  contacts.create(data);
  const auto all = contacts.list();
  ASSERT_EQ(all.items.size(), 2u);
  EXPECT_EQ(all.items[0].last_name, "Ābola");
  EXPECT_EQ(contacts.list({.owner = "ilze"}).items.size(), 1u);
  EXPECT_EQ(contacts.list({.tag = "DECISION MAKER"}).items.size(), 1u);
  EXPECT_EQ(contacts.list({.country = "LT"}).items.at(0).last_name, "Ābola");
}

TEST_F(ContactsTest, ContactAccountStartsAndMovesEmployment) {
  const Account first = db.accounts().create({.name = "SIA Pirmā"});
  const Account second = db.accounts().create({.name = "UAB Antra"});
  ContactData data = anna();
  data.account = first.id;
  Contact contact = contacts.create(data);
  EXPECT_EQ(contacts.get(contact.id).account, first.id);

  clock.advance(pt::hours(24 * 30));
  contact = contacts.get(contact.id);
  contact.account = second.id;
  contact.job_title = "CEO";
  contact = contacts.update(contact);
  EXPECT_EQ(contact.account, second.id);
  const auto history = db.employments().history(contact.id);
  ASSERT_EQ(history.size(), 2u);
  EXPECT_EQ(history[0].account, second.id);
  EXPECT_TRUE(history[0].current());
  EXPECT_EQ(history[0].title, "CEO");
  EXPECT_EQ(history[1].account, first.id);
  EXPECT_EQ(history[1].ended_on, clock.now->date());

  contact.account = AccountId();
  contact = contacts.update(contact);
  EXPECT_FALSE(contact.account);
  EXPECT_EQ(db.employments().history(contact.id).size(), 2u);
}

}  // namespace
}  // namespace crm

namespace crm {
namespace {

TEST(ContactsAfterDeletedEmployer, EditsStillWorkAndANewEmployerMustBeLive) {
  Database db = Database::open_in_memory();
  test::TestUsers known_users{db};
  const Account employer = db.accounts().create({.name = "Closing down"});
  const Account other = db.accounts().create({.name = "Also gone"});
  Contact person = db.contacts().create({.last_name = "Liepa", .account = employer.id});
  db.accounts().remove(employer.id);
  db.accounts().remove(other.id);
  person.job_title = "Consultant";
  person = db.contacts().update(person);  // the deleted current employer does not block this
  EXPECT_EQ(person.job_title, "Consultant");
  person.account = other.id;
  auto error = EXPECT_CRM_ERROR(db.contacts().update(person), ErrorCode::not_found);
  EXPECT_EQ(error.field(), "contact.account");
}

TEST(AccountsAfterDeletedParent, SubsidiaryEditsStillWork) {
  Database db = Database::open_in_memory();
  test::TestUsers known_users{db};
  const Account parent = db.accounts().create({.name = "Holding"});
  Account child = db.accounts().create({.name = "Daughter", .parent = parent.id});
  db.accounts().remove(parent.id);
  child.industry = "Retail";
  EXPECT_EQ(db.accounts().update(child).industry, "Retail");
}

}  // namespace
}  // namespace crm

namespace crm {
namespace {

TEST(ContactsValidation, ConsentInTheFutureIsRefused) {
  test::ManualClock clock;
  Database db = Database::open_in_memory(test::test_options(clock));
  test::TestUsers known_users{db};
  ContactData data;
  data.last_name = "Ozola";
  data.consents = {{ConsentChannel::email, true, *clock.now + boost::posix_time::hours(1)}};
  auto error = EXPECT_CRM_ERROR(db.contacts().create(data), ErrorCode::invalid_argument);
  EXPECT_EQ(error.field(), "contact.consents[0]");
}

TEST(ContactsValidation, OwnerFilterIsNormalizedLikeTheStoredOwner) {
  Database db = Database::open_in_memory();
  test::TestUsers known_users{db};
  db.contacts().create({.last_name = "Ozola", .owner = "Be\xCC\x84rzin\xCC\xA7" "a"});  // decomposed
  EXPECT_EQ(db.contacts().count({.owner = "Bērziņa"}), 1);
  EXPECT_EQ(db.contacts().count({.owner = " Be\xCC\x84rzin\xCC\xA7" "a "}), 1);
}

TEST(ContactsValidation, HugePageSizesAreRefusedBeforeAnyWork) {
  Database db = Database::open_in_memory();
  test::TestUsers known_users{db};
  EXPECT_CRM_ERROR(db.contacts().select({"id"}, {.limit = std::size_t(1) << 62}), ErrorCode::invalid_argument);
}

}  // namespace
}  // namespace crm

namespace crm {
namespace {

// A national number is read in the record's country; the database's region is the fallback.
class PhoneRegionTest : public ::testing::Test {
 protected:
  test::ManualClock clock;
  Database db = Database::open_in_memory(test::test_options(clock, "LV"));
  test::TestUsers known_users{db};
};

TEST_F(PhoneRegionTest, AContactsNationalNumberIsReadInItsOwnCountry) {
  ContactData data;
  data.last_name = "Smith";
  data.country = "United States";
  data.phones = {{PhoneKind::work, "(650) 253-0000", ""}};
  const Contact smith = db.contacts().create(data);
  EXPECT_EQ(smith.country, "US");
  EXPECT_EQ(smith.phones.at(0).e164, "+16502530000");
}

TEST_F(PhoneRegionTest, AContactWithoutCountryTakesItsAccountsCountry) {
  AccountData company;
  company.name = "Acme Inc.";
  company.address.country = "USA";
  company.phone = "650 253 0000";
  const Account acme = db.accounts().create(company);
  EXPECT_EQ(acme.phone_e164, "+16502530000");
  ContactData data;
  data.last_name = "Doe";
  data.account = acme.id;
  data.phones = {{PhoneKind::mobile, "415 555 0132", ""}};
  EXPECT_EQ(db.contacts().create(data).phones.at(0).e164, "+14155550132");
}

TEST_F(PhoneRegionTest, WithoutAnyCountryTheDefaultRegionReadsTheNumber) {
  ContactData data;
  data.last_name = "Bērziņš";
  data.phones = {{PhoneKind::mobile, "26 123 456", ""}};
  EXPECT_EQ(db.contacts().create(data).phones.at(0).e164, "+37126123456");
  LeadData lead;
  lead.last_name = "Schmidt";
  lead.country = "Deutschland";
  lead.phone = "030 1234567";
  EXPECT_EQ(db.leads().create(lead).phone_e164, "+49301234567");
}

TEST_F(PhoneRegionTest, DuplicateChecksReadNumbersAsCreateDoes) {
  ContactData data;
  data.last_name = "Smith";
  data.country = "US";
  data.phones = {{PhoneKind::work, "(650) 253-0000", ""}};
  db.contacts().create(data);
  data.last_name = "Smyth";
  const auto matches = db.duplicates().matches(data, {});
  ASSERT_FALSE(matches.empty());
}

}  // namespace
}  // namespace crm
