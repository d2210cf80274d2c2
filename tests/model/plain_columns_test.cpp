// The plain columns derived from the record descriptors: each names a column
// of its table, and each plain text field is written and read by its store
// without the store naming it.
#include "model/plain_columns.hpp"

#include <gtest/gtest.h>

#include <SQLiteCpp/Database.h>

#include <set>
#include <sstream>

#include "crm/crm.hpp"
#include "support/test_database.hpp"

namespace crm {
namespace {

using test::ManualClock;

std::set<std::string> table_columns(const std::string& path, const std::string& table) {
  SQLite::Database raw(path, SQLite::OPEN_READONLY);
  SQLite::Statement statement(raw, "SELECT name FROM pragma_table_info(?)");
  statement.bind(1, table);
  std::set<std::string> columns;
  while (statement.executeStep()) columns.insert(statement.getColumn(0).getString());
  return columns;
}

template <class Data>
void expect_columns_exist(const std::string& path, const std::string& table) {
  const std::set<std::string> existing = table_columns(path, table);
  ASSERT_FALSE(existing.empty()) << table;
  std::stringstream list(model::plain_column_list<Data>());
  std::string column;
  int count = 0;
  while (std::getline(list >> std::ws, column, ',')) {
    EXPECT_TRUE(existing.count(column)) << table << " has no column " << column;
    ++count;
  }
  EXPECT_GT(count, 3) << table;
}

TEST(PlainColumns, EveryPlainColumnIsAColumnOfItsTable) {
  test::TempDir dir;
  const std::string path = dir.file("crm.db");
  ManualClock clock;
  { Database db = Database::open(path, test::test_options(clock)); }
  expect_columns_exist<AccountData>(path, "accounts");
  expect_columns_exist<ContactData>(path, "contacts");
  expect_columns_exist<LeadData>(path, "leads");
  expect_columns_exist<OpportunityData>(path, "opportunities");
  expect_columns_exist<ActivityData>(path, "activities");
}

TEST(PlainColumns, MoneyTakesItsAmountAndCurrencyColumns) {
  EXPECT_NE(model::plain_column_list<OpportunityData>().find("amount_minor, currency"), std::string::npos);
}

// Sets each plain one-line text field of a `Data` on its own to a value, creates
// the record and reads it back: the value must come back unless the field's
// own rule refuses it (a language tag, an email). Returns how many came back.
template <class Data, class Store>
int round_trip_text_fields(Store& store, const Data& base, std::string_view kind) {
  int returned = 0;
  for (const RecordField<Data>& field : record_fields<Data>()) {
    const FieldInfo& info = field.info;
    if (!model::is_plain_column(info) || info.type != RecordFieldType::text || info.multiline ||
        info.sql.normalize != TextNormalization::nfc)
      continue;
    Data data = base;
    const std::string value = "Value-of-" + std::string(info.name);
    field.apply(data, [&](auto& member) {
      if constexpr (std::is_same_v<std::remove_cvref_t<decltype(member)>, std::string>) member = value;
    });
    try {
      const auto created = store.create(data);
      const auto stored = store.get(created.id);
      field.apply(static_cast<const Data&>(stored), [&](const auto& member) {
        if constexpr (std::is_same_v<std::remove_cvref_t<decltype(member)>, std::string>) {
          EXPECT_EQ(member, value) << kind << "." << info.name;
        }
      });
      ++returned;
    } catch (const Error& error) {
      EXPECT_EQ(error.code(), ErrorCode::invalid_argument) << error.what();
      EXPECT_EQ(error.field(), std::string(kind) + "." + std::string(info.name)) << error.what();
    }
  }
  return returned;
}

TEST(PlainColumns, EveryPlainTextFieldIsWrittenAndReadBack) {
  ManualClock clock;
  Database db = Database::open_in_memory(test::test_options(clock));
  test::TestUsers known_users{db, {"Value-of-owner"}};
  ContactData contact;
  contact.last_name = "Base";
  EXPECT_GE(round_trip_text_fields(db.contacts(), contact, "contact"), 5);
  AccountData account;
  account.name = "Base";
  EXPECT_GE(round_trip_text_fields(db.accounts(), account, "account"), 8);
  LeadData lead;
  lead.last_name = "Base";
  lead.status = LeadStatus::disqualified;  // a reason is kept only then
  lead.disqualified_reason = "Base reason";
  EXPECT_GE(round_trip_text_fields(db.leads(), lead, "lead"), 6);
}

TEST(PlainColumns, CleaningNamesTheFieldAndRefusesAMissingRequiredValue) {
  ManualClock clock;
  Database db = Database::open_in_memory(test::test_options(clock));
  test::TestUsers known_users{db};
  AccountData account;
  account.name = "  ";
  const Error missing = EXPECT_CRM_ERROR(db.accounts().create(account), ErrorCode::invalid_argument);
  EXPECT_EQ(missing.field(), "account.name");
  account.name = "Kokanams";
  account.address.country = "Atlantis";
  const Error country = EXPECT_CRM_ERROR(db.accounts().create(account), ErrorCode::invalid_argument);
  EXPECT_EQ(country.field(), "account.address.country");
}

}  // namespace
}  // namespace crm
