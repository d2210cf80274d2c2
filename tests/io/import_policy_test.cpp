// How an import treats cells it cannot use (ImportOptions::policy) and how
// it reads dates written with slashes (ImportOptions::date_order).
#include <sstream>

#include <gtest/gtest.h>

#include "crm/crm.hpp"
#include "support/test_database.hpp"

namespace crm {
namespace {

using test::ManualClock;
using test::test_options;

class ImportPolicyTest : public ::testing::Test {
 protected:
  ImportResult import(const std::string& text, RecordKind kind, CellPolicy policy,
                      DateOrder order = DateOrder::detect) {
    std::istringstream in(text);
    ImportOptions options;
    options.kind = kind;
    options.policy = policy;
    options.date_order = order;
    return db.imports().read(in, options);
  }
  std::vector<Contact> contacts() { return db.contacts().list({.sort = SortBy::id}).items; }

  ManualClock clock;
  Database db = Database::open_in_memory(test_options(clock, "US"));
};

constexpr const char* kMessyContacts =
    "last_name,first_name,birthday,emails,phones_work,lead_source\n"
    "Ozols,Jānis,2999-01-01,janis@ozols.lv,+371 26 123 456,Web\n"
    "Smith,Ann,1980-02-03,not-an-email,555-4246-7492,Fair\n"
    ",Nameless,1980-02-03,n@x.lv,,Web\n";

TEST_F(ImportPolicyTest, StrictRefusesEveryRowWithABadCell) {
  const ImportResult result = import(kMessyContacts, RecordKind::contact, CellPolicy::strict);
  EXPECT_EQ(result.inserted, 0);
  EXPECT_EQ(result.failed, 3);
  EXPECT_EQ(result.warned, 0);
  EXPECT_TRUE(result.warnings.empty());
}

TEST_F(ImportPolicyTest, LenientImportsRowsWithoutTheirBadOptionalCellsAndListsWarnings) {
  const ImportResult result = import(kMessyContacts, RecordKind::contact, CellPolicy::lenient);
  EXPECT_EQ(result.inserted, 2);
  ASSERT_EQ(result.failed, 1);
  EXPECT_EQ(result.errors[0].line, 4);
  EXPECT_EQ(result.errors[0].column, "last_name");  // required: still refuses the row
  ASSERT_EQ(result.warned, 3);
  ASSERT_EQ(result.warnings.size(), 3u);
  EXPECT_EQ(result.warnings[0].line, 2);
  EXPECT_EQ(result.warnings[0].column, "birthday");
  EXPECT_NE(result.warnings[0].message.find("future"), std::string::npos) << result.warnings[0].message;
  EXPECT_EQ(result.warnings[1].line, 3);
  EXPECT_EQ(result.warnings[1].column, "emails");
  EXPECT_EQ(result.warnings[2].line, 3);
  EXPECT_EQ(result.warnings[2].column, "phones_work");
  EXPECT_NE(result.warnings[2].message.find("kept as written"), std::string::npos);

  const std::vector<Contact> stored = contacts();
  ASSERT_EQ(stored.size(), 2u);
  EXPECT_FALSE(stored[0].birthday.has_value());
  EXPECT_EQ(stored[0].primary_email(), "janis@ozols.lv");
  ASSERT_EQ(stored[0].phones.size(), 1u);
  EXPECT_FALSE(stored[0].phones[0].unreadable);
  EXPECT_TRUE(stored[1].emails.empty());
  EXPECT_TRUE(stored[1].birthday.has_value());
  ASSERT_EQ(stored[1].phones.size(), 1u);
  EXPECT_EQ(stored[1].phones[0].raw, "555-4246-7492");
  EXPECT_TRUE(stored[1].phones[0].unreadable);
  EXPECT_EQ(stored[1].phones[0].e164, "");
  EXPECT_EQ(stored[1].phones[0].kind, PhoneKind::work);
}

TEST_F(ImportPolicyTest, AContactWithAnUnreadablePhoneCanBeUpdatedAndThePhoneStaysFlagged) {
  import(kMessyContacts, RecordKind::contact, CellPolicy::lenient);
  Contact smith = contacts().at(1);
  smith.job_title = "Buyer";
  const Contact updated = db.contacts().update(smith);
  ASSERT_EQ(updated.phones.size(), 1u);
  EXPECT_TRUE(updated.phones[0].unreadable);
  EXPECT_EQ(updated.phones[0].raw, "555-4246-7492");
}

TEST_F(ImportPolicyTest, AnUnreadablePhoneIsRefusedUnlessFlaggedAndAReadableFlaggedOneIsParsed) {
  ContactData data;
  data.last_name = "Berzins";
  data.phones = {{PhoneKind::mobile, "555-4246-7492", {}}};
  EXPECT_THROW(db.contacts().create(data), Error);
  data.phones = {{PhoneKind::mobile, "+371 26 123 456", {}, true}};
  const Contact stored = db.contacts().create(data);
  EXPECT_FALSE(stored.phones[0].unreadable);
  EXPECT_EQ(stored.phones[0].e164, "+37126123456");
}

TEST_F(ImportPolicyTest, TwoContactsWithTheSameUnreadablePhoneAreNotDuplicatesByPhone) {
  import("last_name,first_name,phones\nAlpha,A,555-4246-7492\nBeta,B,555-4246-7492\n", RecordKind::contact,
         CellPolicy::lenient);
  ASSERT_EQ(contacts().size(), 2u);
  const auto pairs = db.duplicates().find(RecordKind::contact);
  EXPECT_TRUE(pairs.empty());
  EXPECT_TRUE(db.contacts().find_by_phone("+1 202 555 0100").empty());
}

TEST_F(ImportPolicyTest, LenientLeavesOutAnUnknownPicklistValueAndAMissingEmployer) {
  const ImportResult leads = import("last_name,company_name,status\nKalns,Koks SIA,Nurturing\n", RecordKind::lead,
                                    CellPolicy::lenient);
  EXPECT_EQ(leads.inserted, 1);
  ASSERT_EQ(leads.warnings.size(), 1u);
  EXPECT_EQ(leads.warnings[0].column, "status");
  EXPECT_NE(leads.warnings[0].message.find("Nurturing"), std::string::npos);

  const ImportResult employed =
      import("last_name,account_ref\nKalns,SF-404\n", RecordKind::contact, CellPolicy::lenient);
  EXPECT_EQ(employed.inserted, 1);
  ASSERT_EQ(employed.warnings.size(), 1u);
  EXPECT_EQ(employed.warnings[0].column, "account_ref");
  EXPECT_FALSE(static_cast<bool>(contacts().back().account));
}

TEST_F(ImportPolicyTest, TheUpsertKeyIsNeverLeftOut) {
  std::istringstream in("external_ref,last_name\n" + std::string(300, 'x') + ",Long\n");
  ImportOptions options;
  options.kind = RecordKind::contact;
  options.policy = CellPolicy::lenient;
  options.mode = ImportMode::upsert;
  const ImportResult result = db.imports().read(in, options);
  EXPECT_EQ(result.inserted, 0);
  ASSERT_EQ(result.failed, 1);
  EXPECT_EQ(result.errors[0].column, "external_ref");
}

TEST_F(ImportPolicyTest, SlashedDatesAreReadInTheOrderTheirColumnShows) {
  const ImportResult result = import(
      "last_name,birthday\nA,3/4/1980\nB,25/12/1979\n", RecordKind::contact, CellPolicy::strict);
  EXPECT_EQ(result.inserted, 2) << (result.errors.empty() ? "" : result.errors[0].message);
  const std::vector<Contact> stored = contacts();
  ASSERT_EQ(stored.size(), 2u);
  EXPECT_EQ(stored[0].birthday->month, 4);  // day first: the column has 25/12
  EXPECT_EQ(stored[0].birthday->day, 3);

  const ImportResult us = import("last_name,birthday\nC,3/4/1980\nD,12/25/1979\n", RecordKind::contact,
                                 CellPolicy::strict);
  EXPECT_EQ(us.inserted, 2);
  EXPECT_EQ(contacts()[2].birthday->month, 3);  // month first: the column has 12/25
  EXPECT_EQ(contacts()[2].birthday->day, 4);
}

TEST_F(ImportPolicyTest, AColumnOfOnlyAmbiguousSlashedDatesIsRefusedUnlessTheOrderIsGiven) {
  const std::string text = "last_name,birthday\nA,3/4/1980\n";
  const ImportResult detected = import(text, RecordKind::contact, CellPolicy::strict);
  ASSERT_EQ(detected.failed, 1);
  EXPECT_EQ(detected.errors[0].column, "birthday");
  const ImportResult given = import(text, RecordKind::contact, CellPolicy::strict, DateOrder::month_first);
  EXPECT_EQ(given.inserted, 1);
  EXPECT_EQ(contacts()[0].birthday->month, 3);
}

TEST_F(ImportPolicyTest, ImportedRecordsKeepTheCreatedAndModifiedDatesOfTheirOldCrm) {
  const ImportResult result = import(
      "LastName,CreatedDate,LastModifiedDate\n"
      "Ozols,2024-01-22T16:14:25.000+0000,2024-03-01T08:00:00.000+0000\n"
      "Kalns,,\n",
      RecordKind::contact, CellPolicy::strict);
  ASSERT_EQ(result.inserted, 2);
  EXPECT_EQ(result.mapping.at("CreatedDate"), "created_at");
  const std::vector<Contact> stored = contacts();
  EXPECT_EQ(format_instant(stored[0].created_at), "2024-01-22T16:14:25.000000Z");
  EXPECT_EQ(format_instant(stored[0].updated_at), "2024-03-01T08:00:00.000000Z");
  EXPECT_EQ(stored[1].created_at, *clock.now);
}

TEST_F(ImportPolicyTest, ACreatedDateInTheFutureIsACellError) {
  const std::string text = "LastName,CreatedDate\nOzols,2999-01-22T16:14:25Z\n";
  const ImportResult strict = import(text, RecordKind::contact, CellPolicy::strict);
  ASSERT_EQ(strict.failed, 1);
  EXPECT_EQ(strict.errors[0].column, "CreatedDate");
  EXPECT_NE(strict.errors[0].message.find("future"), std::string::npos);
  const ImportResult lenient = import(text, RecordKind::contact, CellPolicy::lenient);
  EXPECT_EQ(lenient.inserted, 1);
  ASSERT_EQ(lenient.warnings.size(), 1u);
  EXPECT_EQ(lenient.warnings[0].column, "CreatedDate");
}

TEST_F(ImportPolicyTest, PolicyAndDateOrderHaveStableNames) {
  EXPECT_EQ(cell_policy_name(CellPolicy::lenient), "lenient");
  EXPECT_EQ(cell_policy_from_name("strict"), CellPolicy::strict);
  EXPECT_FALSE(cell_policy_from_name("loose").has_value());
  EXPECT_EQ(date_order_name(DateOrder::month_first), "month_first");
  EXPECT_EQ(date_order_from_name("day_first"), DateOrder::day_first);
  ImportOptions options;
  options.policy = static_cast<CellPolicy>(7);
  std::istringstream in("last_name\nA\n");
  EXPECT_THROW(db.imports().read(in, options), Error);
}

}  // namespace
}  // namespace crm
