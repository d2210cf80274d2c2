#include "crm/sample_data.hpp"

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
  Database other = Database::open_in_memory(test::test_options(clock));
  load_sample_data(other, {.seed = 7});
  EXPECT_NE(all_contact_names(db), all_contact_names(other));
}

TEST_F(SampleDataTest, LoadingTwiceAddsNothing) {
  load_sample_data(db);
  const SampleSummary second = load_sample_data(db);
  EXPECT_TRUE(second.already_loaded);
  EXPECT_EQ(db.contacts().count(), 360);
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
