// The change feed (src/audit/changes.cpp): every committed change once, in
// seq order, with its fields; a cursor to follow; kinds and limits; nothing
// of rolled-back work; retention by count and by age and the cursor_expired
// it gives a reader behind it; what a user reads; concurrent writers.
#include <set>
#include <thread>

#include <gtest/gtest.h>

#include "crm/crm.hpp"
#include "support/test_database.hpp"

namespace crm {
namespace {

class ChangeFeedTest : public ::testing::Test {
 protected:
  test::ManualClock clock;
  Database db = Database::open_in_memory(test::test_options(clock));

  void SetUp() override { test::add_users(db, {"anna", "olga"}); }

  static std::vector<std::int64_t> seqs(const std::vector<Change>& changes) {
    std::vector<std::int64_t> out;
    for (const Change& change : changes) out.push_back(change.seq);
    return out;
  }
};

TEST_F(ChangeFeedTest, EachCommittedChangeOnceInSeqOrderWithItsFields) {
  const std::int64_t start = db.changes().latest();
  Contact anna = db.contacts().create({.first_name = "Anna", .last_name = "Berzina", .emails = {{"anna@acme.lv", true}}});
  anna.job_title = "CFO";
  anna = db.contacts().update(anna);
  db.contacts().remove(anna.id);
  const std::vector<Change> changes = db.changes().since(start);
  ASSERT_EQ(changes.size(), 3u);
  EXPECT_EQ(changes[0].operation, AuditOperation::create);
  EXPECT_EQ(changes[1].operation, AuditOperation::update);
  EXPECT_EQ(changes[2].operation, AuditOperation::delete_);
  EXPECT_LT(changes[0].seq, changes[1].seq);
  EXPECT_LT(changes[1].seq, changes[2].seq);
  for (const Change& change : changes) {
    EXPECT_EQ(change.kind, RecordKind::contact);
    EXPECT_EQ(change.record_id, anna.id.value());
    EXPECT_EQ(change.tx, change.seq);  // one change per transaction here
  }
  EXPECT_EQ(changes[1].fields, (std::vector<FieldChange>{{"job_title", std::nullopt, "CFO"}}));
  EXPECT_TRUE(changes[2].fields.empty());
  EXPECT_NE(std::find(changes[0].fields.begin(), changes[0].fields.end(),
                      FieldChange{"emails", std::nullopt, "anna@acme.lv"}),
            changes[0].fields.end());
  EXPECT_EQ(db.changes().latest(), changes.back().seq);
  // following: only what came after the cursor
  EXPECT_TRUE(db.changes().since(changes.back().seq).empty());
  db.accounts().create({.name = "Acme"});
  const auto next = db.changes().since(changes.back().seq);
  ASSERT_EQ(next.size(), 1u);
  EXPECT_EQ(next[0].kind, RecordKind::account);
}

TEST_F(ChangeFeedTest, KindsAndLimitSelectAndAPageEndsAtTheLimit) {
  for (int i = 0; i < 5; ++i) db.contacts().create({.last_name = "C" + std::to_string(i)});
  db.accounts().create({.name = "Acme"});
  db.leads().create({.last_name = "Lead"});
  EXPECT_EQ(db.changes().since(0, {RecordKind::account}).size(), 1u);
  EXPECT_EQ(db.changes().since(0, {RecordKind::account, RecordKind::lead}).size(), 2u);
  const auto page = db.changes().since(0, {RecordKind::contact}, 2);
  ASSERT_EQ(page.size(), 2u);
  const auto rest = db.changes().since(page.back().seq, {RecordKind::contact}, 10);
  EXPECT_EQ(rest.size(), 3u);
  EXPECT_GT(rest.front().seq, page.back().seq);
  EXPECT_CRM_ERROR(db.changes().since(0, {}, 0), ErrorCode::invalid_argument);
  EXPECT_CRM_ERROR(db.changes().since(0, {}, Changes::kMaxLimit + 1), ErrorCode::invalid_argument);
  EXPECT_CRM_ERROR(db.changes().since(-1), ErrorCode::invalid_argument);
}

TEST_F(ChangeFeedTest, OneTransactionsChangesShareItsTxAndRolledBackWorkIsNeverInTheFeed) {
  const std::int64_t start = db.changes().latest();
  {
    Transaction tx(db);
    db.contacts().create({.last_name = "Kept 1"});
    db.accounts().create({.name = "Kept 2"});
    tx.commit();
  }
  {
    Transaction tx(db);
    db.contacts().create({.last_name = "Rolled back"});
    tx.rollback();
  }
  EXPECT_THROW(db.contacts().create({.last_name = ""}), Error);  // a refused write
  const auto changes = db.changes().since(start);
  ASSERT_EQ(changes.size(), 2u);
  EXPECT_EQ(changes[0].tx, changes[1].tx);
  EXPECT_EQ(changes[1].seq, changes[0].seq + 1);
  db.contacts().create({.last_name = "After"});
  const auto after = db.changes().since(changes.back().seq);
  ASSERT_EQ(after.size(), 1u);
  EXPECT_EQ(after[0].seq, changes.back().seq + 1);  // no seq was spent on the rolled-back work
}

TEST_F(ChangeFeedTest, ARetentionByCountExpiresAReaderBehindItNeverASilentGap) {
  for (int i = 0; i < 10; ++i) db.contacts().create({.last_name = "C" + std::to_string(i)});
  const std::int64_t latest = db.changes().latest();
  EXPECT_EQ(db.changes().earliest_cursor(), 0);
  db.audit().set_retention_entries(4);
  EXPECT_EQ(db.audit().retention_entries(), 4);
  EXPECT_EQ(db.changes().earliest_cursor(), latest - 4);
  const Error expired = EXPECT_CRM_ERROR(db.changes().since(0), ErrorCode::cursor_expired);
  EXPECT_NE(std::string(expired.what()).find("read the records again"), std::string::npos) << expired.what();
  EXPECT_CRM_ERROR(db.changes().since(latest - 5), ErrorCode::cursor_expired);
  EXPECT_EQ(db.changes().since(latest - 4).size(), 4u);
  db.contacts().create({.last_name = "New"});  // later commits keep the count
  EXPECT_EQ(db.changes().earliest_cursor(), latest - 3);
  EXPECT_EQ(db.changes().since(latest - 3).size(), 4u);
  EXPECT_CRM_ERROR(db.audit().set_retention_entries(-1), ErrorCode::invalid_argument);
}

TEST_F(ChangeFeedTest, ARetentionByAgeExpiresTooAndTheSeqNeverComesBack) {
  db.contacts().create({.last_name = "Old"});
  const std::int64_t old = db.changes().latest();
  clock.advance(boost::posix_time::hours(24 * 10));
  db.contacts().create({.last_name = "Recent"});
  db.audit().set_retention_days(5);
  EXPECT_EQ(db.changes().earliest_cursor(), old);
  EXPECT_CRM_ERROR(db.changes().since(old - 1), ErrorCode::cursor_expired);
  const auto kept = db.changes().since(old);
  ASSERT_EQ(kept.size(), 1u);
  EXPECT_EQ(kept[0].seq, old + 1);
  db.audit().set_retention_days(0);
  db.contacts().create({.last_name = "Newest"});
  EXPECT_EQ(db.changes().since(old)[1].seq, old + 2);
}

TEST_F(ChangeFeedTest, AUserReadsOnlyTheChangesOfRecordsTheyRead) {
  User rep = db.users().create({.login = "rep", .roles = {Role::sales_rep}});
  db.contacts().create({.last_name = "Mine", .owner = "rep"});
  db.contacts().create({.last_name = "Theirs", .owner = "olga"});
  db.set_user("rep");
  const auto changes = db.changes().since(0, {RecordKind::contact});
  ASSERT_EQ(changes.size(), 1u);
  EXPECT_EQ(db.contacts().get(ContactId(changes[0].record_id)).last_name, "Mine");
  (void)rep;
}

TEST_F(ChangeFeedTest, TheTableHasOneRowPerFieldAndOneForAChangeOfNoField) {
  const Contact anna = db.contacts().create({.first_name = "Anna", .last_name = "Berzina"});
  db.contacts().remove(anna.id);
  const Table table = change_table(db.changes().since(0, {RecordKind::contact}));
  ASSERT_EQ(table.row_count(), 3u);  // first_name, last_name; the delete
  const std::size_t field = table.column_index("field");
  EXPECT_EQ(table.text(0, field), "first_name");
  EXPECT_EQ(table.text(2, field), "");
  EXPECT_EQ(table.text(2, table.column_index("operation")), "delete");
}

TEST(ChangeFeedFile, ConcurrentWritersEachChangeOnceInOrder) {
  test::ManualClock clock;
  test::TempDir dir;
  const std::string path = dir.file("feed.crm");
  {
    Database db = Database::open(path, test::test_options(clock));
    test::add_users(db, {"anna"});
  }
  constexpr int kWriters = 4, kEach = 25;
  std::vector<std::thread> writers;
  for (int w = 0; w < kWriters; ++w)
    writers.emplace_back([&, w] {
      OpenOptions options = test::test_options(clock);
      options.busy_timeout = std::chrono::milliseconds(20000);
      Database db = Database::open(path, options);
      for (int i = 0; i < kEach; ++i)
        db.contacts().create({.last_name = "W" + std::to_string(w) + "-" + std::to_string(i)});
    });
  for (std::thread& writer : writers) writer.join();
  Database db = Database::open(path, test::test_options(clock));
  std::set<std::int64_t> records;
  std::int64_t cursor = 0, previous = 0;
  for (auto page = db.changes().since(cursor, {RecordKind::contact}, 7); !page.empty();
       page = db.changes().since(cursor, {RecordKind::contact}, 7)) {
    for (const Change& change : page) {
      EXPECT_GT(change.seq, previous);
      previous = change.seq;
      EXPECT_EQ(change.operation, AuditOperation::create);
      EXPECT_TRUE(records.insert(change.record_id).second) << "twice: " << change.record_id;
    }
    cursor = page.back().seq;
  }
  EXPECT_EQ(records.size(), static_cast<std::size_t>(kWriters * kEach));
}

}  // namespace
}  // namespace crm
