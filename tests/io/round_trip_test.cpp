// Exporting a database to CSV files and importing them into an empty one
// gives the same data: every column of every kind, custom fields included.
#include <algorithm>
#include <sstream>

#include <gtest/gtest.h>

#include "crm/crm.hpp"
#include "support/test_database.hpp"

namespace crm {
namespace {

using test::ManualClock;
using test::test_options;

constexpr RecordKind kKindsInLinkOrder[] = {RecordKind::account, RecordKind::contact, RecordKind::lead,
                                            RecordKind::opportunity, RecordKind::activity};

// The CSV export of every record of `kind`, sorted by id so that both
// databases list records in the order they were made.
std::string export_csv(Database& db, RecordKind kind) {
  ExportOptions options;
  options.kind = kind;
  options.query.sort = SortBy::id;
  std::ostringstream out;
  db.exports().write(out, options);
  return out.str();
}

// The first line where the exports differ, ignoring their first column (the
// row ids, which differ between databases); "" when they are the same.
std::string first_difference(const std::string& expected_csv, const std::string& actual_csv) {
  std::istringstream expected(expected_csv), actual(actual_csv);
  std::string want, got;
  for (int line = 1;; ++line) {
    const bool more_wanted = static_cast<bool>(std::getline(expected, want));
    const bool more_got = static_cast<bool>(std::getline(actual, got));
    if (!more_wanted && !more_got) return {};
    if (!more_wanted || !more_got || want.substr(want.find(',')) != got.substr(got.find(',')))
      return "line " + std::to_string(line) + "\n  expected: " + want + "\n  got:      " + got;
  }
}

std::string issues_of(const ImportResult& result) {
  std::string text;
  for (const ImportIssue& issue : result.errors)
    text += std::to_string(issue.line) + " [" + issue.column + "] " + issue.message + "\n";
  return text;
}

ImportResult import_csv(Database& db, RecordKind kind, const std::string& csv, ImportOptions options = {}) {
  options.kind = kind;
  options.on_duplicate = DuplicateAction::ignore;  // the sample has look-alikes on purpose
  std::istringstream in(csv);
  return db.imports().read(in, options);
}

void define_custom_fields(Database& db) {
  CustomFieldData tier;
  tier.name = "tier";
  tier.type = CustomFieldType::choice;
  tier.choices = {"Gold", "Silver"};
  db.custom_fields().define(RecordKind::account, tier);
  CustomFieldData score;
  score.name = "score";
  score.type = CustomFieldType::integer;
  db.custom_fields().define(RecordKind::contact, score);
}

TEST(ExportImportRoundTrip, AnEmptyDatabaseFedTheExportedFilesExportsTheSameFiles) {
  ManualClock clock;
  Database source = Database::open_in_memory(test_options(clock));
  SampleOptions sample;
  sample.accounts = 30;
  sample.contacts = 90;
  load_sample_data(source, sample);
  define_custom_fields(source);
  Account first = source.accounts().list({.sort = SortBy::id, .limit = 1}).items.at(0);
  first.custom["tier"] = CustomValue(std::string("Gold"));
  source.accounts().update(first);
  Contact person = source.contacts().list({.sort = SortBy::id, .limit = 1}).items.at(0);
  person.custom["score"] = CustomValue(std::int64_t{42});
  source.contacts().update(person);
  // Imported history: a deal without an account, an activity with the embedding system's key.
  OpportunityData orphan;
  orphan.name = "Deal without an account";
  orphan.amount = Money::parse("100.00 EUR");
  orphan.external_ref = "HIST-D-1";
  ActivityData call;
  call.kind = ActivityKind::call;
  call.subject = "Call about the deal without an account";
  call.opportunity = source.opportunities().create(orphan).id;
  call.external_ref = "HIST-T-1";
  source.activities().create(call);

  Database target = Database::open_in_memory(test_options(clock));
  define_custom_fields(target);
  // Records name their owner and their campaign, which must exist: users and
  // campaigns come first (they have no CSV of their own; teams stay behind).
  for (User user : source.users().list()) {
    user.team.reset();
    target.users().create(user);
  }
  for (const Campaign& campaign : source.campaigns().list()) target.campaigns().create(campaign);
  // Accounts twice: first without parents (a parent may come later in the
  // file), then the parents by upsert on external_ref.
  ImportOptions without_parents;
  without_parents.columns = {{"parent_ref", ""}, {"parent", ""}};
  const std::string accounts = export_csv(source, RecordKind::account);
  auto result = import_csv(target, RecordKind::account, accounts, without_parents);
  ASSERT_EQ(result.failed, 0) << issues_of(result);
  ImportOptions upsert;
  upsert.mode = ImportMode::upsert;
  result = import_csv(target, RecordKind::account, accounts, upsert);
  ASSERT_EQ(result.failed, 0) << issues_of(result);
  for (RecordKind kind : kKindsInLinkOrder) {
    if (kind == RecordKind::account) continue;
    const std::string exported = export_csv(source, kind);
    result = import_csv(target, kind, exported);
    ASSERT_EQ(result.failed, 0) << record_kind_name(kind) << ":\n" << issues_of(result);
    EXPECT_GT(result.inserted, 0) << record_kind_name(kind);
  }
  for (RecordKind kind : kKindsInLinkOrder) {
    const std::string exported = export_csv(source, kind);
    EXPECT_GT(std::count(exported.begin(), exported.end(), '\n'), 5) << record_kind_name(kind);
    EXPECT_EQ(first_difference(exported, export_csv(target, kind)), "") << record_kind_name(kind);
  }
  const auto deal = target.opportunities().find_by_external_ref("HIST-D-1");
  ASSERT_TRUE(deal);
  EXPECT_FALSE(deal->account);
  const auto activity = target.activities().find_by_external_ref("HIST-T-1");
  ASSERT_TRUE(activity);
  EXPECT_EQ(activity->opportunity, deal->id);
}

}  // namespace
}  // namespace crm
