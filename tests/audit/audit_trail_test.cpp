// The audit trail (src/audit/): an entry for each kind of write, old and new
// values per field, nothing for rolled-back work, the acting user and the
// origin, queries by user and period, visibility, the settings.
#include <algorithm>
#include <sstream>

#include <gtest/gtest.h>

#include "crm/crm.hpp"
#include "support/test_database.hpp"

namespace crm {
namespace {

class AuditTrailTest : public ::testing::Test {
 protected:
  test::ManualClock clock;
  Database db = Database::open_in_memory(test::test_options(clock));

  void SetUp() override { test::add_users(db, {"anna", "olga"}); }

  // The changes of the record's history as "operation field: old -> new" lines.
  std::vector<std::string> lines(RecordKind kind, std::int64_t id) {
    std::vector<std::string> out;
    for (const AuditEntry& entry : db.audit().history(kind, id))
      out.push_back(std::string(audit_operation_name(entry.operation)) + " " + entry.field + ": " +
                    entry.old_value.value_or("-") + " -> " + entry.new_value.value_or("-"));
    return out;
  }

  static bool has(const std::vector<std::string>& all, const std::string& line) {
    return std::find(all.begin(), all.end(), line) != all.end();
  }
};

TEST_F(AuditTrailTest, CreateRecordsEveryFieldGivenWithWhoWhenAndTransaction) {
  db.set_origin("erp-sync");
  const Contact anna = db.contacts().create({.first_name = "Anna",
                                             .last_name = "Berzina",
                                             .emails = {{"anna@example.lv", true}},
                                             .phones = {{PhoneKind::mobile, "+371 26 123 456"}},
                                             .owner = "anna",
                                             .tags = {"vip"}});
  const auto history = db.audit().history(RecordKind::contact, anna.id.value());
  ASSERT_FALSE(history.empty());
  for (const AuditEntry& entry : history) {
    EXPECT_EQ(entry.operation, AuditOperation::create);
    EXPECT_EQ(entry.user, "");
    EXPECT_EQ(entry.origin, "erp-sync");
    EXPECT_EQ(entry.at, db.now());
    EXPECT_EQ(entry.seq, history.front().seq);
    EXPECT_EQ(entry.tx, entry.seq);
    EXPECT_FALSE(entry.old_value.has_value());
  }
  const auto all = lines(RecordKind::contact, anna.id.value());
  EXPECT_TRUE(has(all, "create first_name: - -> Anna"));
  EXPECT_TRUE(has(all, "create last_name: - -> Berzina"));
  EXPECT_TRUE(has(all, "create emails: - -> anna@example.lv"));
  EXPECT_TRUE(has(all, "create phones: - -> +37126123456"));
  EXPECT_TRUE(has(all, "create owner: - -> anna"));
  EXPECT_TRUE(has(all, "create tags: - -> vip"));
  EXPECT_FALSE(has(all, "create job_title: - -> "));  // empty fields are not listed
}

TEST_F(AuditTrailTest, UpdateListsOnlyTheFieldsThatChangedAndRewrittenRowsAreNoChange) {
  Contact anna = db.contacts().create({.first_name = "Anna", .last_name = "Berzina",
                                       .emails = {{"anna@example.lv", true}, {"a.b@work.lv", false}},
                                       .phones = {{PhoneKind::mobile, "+371 26 123 456"}}});
  clock.advance(boost::posix_time::hours(1));
  anna.job_title = "CFO";
  anna.emails = {{"anna@example.lv", true}, {"anna@new.lv", false}};
  anna = db.contacts().update(anna);
  const auto history = db.audit().history(RecordKind::contact, anna.id.value());
  std::vector<std::string> update;
  for (const AuditEntry& entry : history)
    if (entry.operation == AuditOperation::update) {
      update.push_back(entry.field + ": " + entry.old_value.value_or("-") + " -> " + entry.new_value.value_or("-"));
      EXPECT_EQ(entry.at, db.now());
    }
  std::sort(update.begin(), update.end());
  EXPECT_EQ(update, (std::vector<std::string>{"emails: - -> anna@new.lv", "emails: a.b@work.lv -> -",
                                              "job_title: - -> CFO"}));
  const auto before = db.audit().find().size();
  db.contacts().update(anna);  // nothing changes
  EXPECT_EQ(db.audit().find().size(), before);
}

TEST_F(AuditTrailTest, ValuesKeepQuotesBackslashesAndLinesAsWritten) {
  const std::string text = "Said \"yes\" \\ twice\nthen\tleft";
  const Contact c = db.contacts().create({.last_name = "Quote", .description = text});
  bool found = false;
  for (const AuditEntry& entry : db.audit().history(RecordKind::contact, c.id.value()))
    found = found || (entry.field == "description" && entry.new_value == text);
  EXPECT_TRUE(found);
}

TEST_F(AuditTrailTest, DeleteRestoreAndPurgeAreEntriesAndAPurgeKeepsTheLastValues) {
  const Contact c = db.contacts().create({.last_name = "Ozols", .job_title = "CEO"});
  db.contacts().remove(c.id);
  db.contacts().restore(c.id);
  db.contacts().purge(c.id);
  const auto all = lines(RecordKind::contact, c.id.value());
  EXPECT_TRUE(has(all, "delete : - -> -"));
  EXPECT_TRUE(has(all, "restore : - -> -"));
  EXPECT_TRUE(has(all, "purge last_name: Ozols -> -"));
  EXPECT_TRUE(has(all, "purge job_title: CEO -> -"));
  EXPECT_THROW(db.audit().history(RecordKind::contact, 999999), Error);
}

TEST_F(AuditTrailTest, ADealsStageMoveIsAStageChangeWithStageNamesAndMoneyAsText) {
  const Pipeline pipeline = db.pipelines().default_pipeline();
  Opportunity deal = db.opportunities().create({.name = "Licences", .amount = Money::from_decimal("1200.00", "EUR")});
  deal.amount = Money::from_decimal("1500.50", "EUR");
  deal = db.opportunities().update(deal);
  const Stage next = pipeline.stages.at(1);
  db.opportunities().move_to_stage(deal.id, next.id);
  const auto all = lines(RecordKind::opportunity, deal.id.value());
  EXPECT_TRUE(has(all, "update amount: 1200.00 EUR -> 1500.50 EUR"));
  EXPECT_TRUE(has(all, "stage_change stage: " + pipeline.stages.at(0).name + " -> " + next.name));
}

TEST_F(AuditTrailTest, RolledBackWorkLeavesNothing) {
  {
    Transaction tx(db);
    db.contacts().create({.last_name = "Never"});
  }  // rolled back
  EXPECT_TRUE(db.audit().find().empty());
  EXPECT_THROW(db.contacts().create({.last_name = "Bad", .emails = {{"not an email", true}}}), Error);
  EXPECT_TRUE(db.audit().find().empty());
  // a failing write inside a caller's transaction takes back only its own notes
  Transaction tx(db);
  const Contact kept = db.contacts().create({.last_name = "Kept", .external_ref = "K1"});
  EXPECT_THROW(db.contacts().create({.last_name = "Twin", .external_ref = "K1"}), Error);
  tx.commit();
  const auto entries = db.audit().find();
  ASSERT_FALSE(entries.empty());
  for (const AuditEntry& entry : entries) EXPECT_EQ(entry.record_id, kept.id.value());
}

TEST_F(AuditTrailTest, OneTransactionSharesItsIdAndARecordsChangesInItAreOneEntry) {
  Transaction tx(db);
  Contact a = db.contacts().create({.last_name = "First"});
  a.job_title = "CTO";
  db.contacts().update(a);
  const Contact b = db.contacts().create({.last_name = "Second"});
  tx.commit();
  const auto entries = db.audit().find();
  std::set<std::int64_t> seqs, txs;
  for (const AuditEntry& entry : entries) {
    seqs.insert(entry.seq);
    txs.insert(entry.tx);
    EXPECT_EQ(entry.operation, AuditOperation::create);
  }
  EXPECT_EQ(seqs.size(), 2u);  // one entry per record: the update joined its create
  EXPECT_EQ(txs, std::set<std::int64_t>{*seqs.begin()});
  EXPECT_TRUE(has(lines(RecordKind::contact, a.id.value()), "create job_title: - -> CTO"));
  (void)b;
}

TEST_F(AuditTrailTest, MergingIsRecordedForBothRecords) {
  const Contact keep = db.contacts().create({.last_name = "Kalnina", .emails = {{"k@example.lv", true}}});
  const Contact other = db.contacts().create({.last_name = "Kalnina", .emails = {{"k2@example.lv", true}}});
  db.duplicates().merge(keep.id, other.id);
  EXPECT_TRUE(has(lines(RecordKind::contact, keep.id.value()), "merge emails: - -> k2@example.lv"));
  bool other_merged = false;
  for (const AuditEntry& entry : db.audit().history(RecordKind::contact, other.id.value()))
    other_merged = other_merged || entry.operation == AuditOperation::merge;
  EXPECT_TRUE(other_merged);
}

TEST_F(AuditTrailTest, CustomFieldsAndTheEmployerAreFieldsOfTheHistory) {
  db.custom_fields().define(RecordKind::contact, {.name = "vat_number"});
  const Account acme = db.accounts().create({.name = "Acme"});
  Contact c = db.contacts().create({.last_name = "Liepa"});
  c.custom["vat_number"] = std::string("LV123");
  c.account = acme.id;
  db.contacts().update(c);
  const auto all = lines(RecordKind::contact, c.id.value());
  EXPECT_TRUE(has(all, "update vat_number: - -> LV123")) << ::testing::PrintToString(all);
  EXPECT_TRUE(has(all, "update account: - -> " + std::to_string(acme.id.value())));
}

TEST_F(AuditTrailTest, LinksAddedOrRemovedAloneAreLinkAndUnlink) {
  const Account acme = db.accounts().create({.name = "Acme"});
  Contact c = db.contacts().create({.last_name = "Liepa"});
  c.account = acme.id;
  c = db.contacts().update(c);
  c.account = AccountId{};
  db.contacts().update(c);
  const auto all = lines(RecordKind::contact, c.id.value());
  EXPECT_TRUE(has(all, "link account: - -> " + std::to_string(acme.id.value()))) << ::testing::PrintToString(all);
  bool unlinked = false;
  for (const AuditEntry& entry : db.audit().history(RecordKind::contact, c.id.value()))
    unlinked = unlinked || (entry.operation == AuditOperation::unlink && entry.field == "account");
  EXPECT_TRUE(unlinked) << ::testing::PrintToString(all);
}

TEST_F(AuditTrailTest, EveryRecordKindIsAudited) {
  const Account acme = db.accounts().create({.name = "Acme", .address = {.city = "Riga"}});
  EXPECT_TRUE(has(lines(RecordKind::account, acme.id.value()), "create city: - -> Riga"));
  const Lead lead = db.leads().create({.last_name = "Prospect", .company_name = "Prospect SIA"});
  db.leads().convert(lead.id);
  bool converted = false;
  for (const AuditEntry& entry : db.audit().history(RecordKind::lead, lead.id.value()))
    converted = converted || entry.operation == AuditOperation::update;
  EXPECT_TRUE(converted);
  ActivityData task{.kind = ActivityKind::task, .subject = "Call back", .account = acme.id};
  task.recurrence = Recurrence{.unit = RecurrenceUnit::week, .interval = 2};
  const Activity made = db.activities().create(task);
  const auto activity = lines(RecordKind::activity, made.id.value());
  EXPECT_TRUE(has(activity, "create subject: - -> Call back"));
  bool recurrence = false;
  for (const std::string& line : activity) recurrence = recurrence || line.starts_with("create recurrence: - -> {");
  EXPECT_TRUE(recurrence) << ::testing::PrintToString(activity);
}

TEST_F(AuditTrailTest, ImportsAreRecordedWithTheActingUser) {
  test::act_as_administrator(db, "olga");
  std::istringstream csv("last_name,email\nSmith,smith@example.com\nJones,jones@example.com\n");
  db.imports().read(csv, {.kind = RecordKind::contact});
  const auto entries = db.audit().find({.user = "olga", .limit = 100});
  std::set<std::int64_t> records;
  for (const AuditEntry& entry : entries)
    if (entry.kind == RecordKind::contact && entry.operation == AuditOperation::create) records.insert(entry.record_id);
  EXPECT_EQ(records.size(), 2u);
}

TEST_F(AuditTrailTest, FindFiltersByUserPeriodAndPagesBySeq) {
  db.contacts().create({.last_name = "System"});
  clock.advance(boost::posix_time::hours(24));
  const Instant day_two = db.now();
  test::act_as_administrator(db, "olga");
  db.contacts().create({.last_name = "Olga's"});
  EXPECT_EQ(db.audit().find({.user = "", .limit = 1000}).front().new_value.value_or(""), "System");
  for (const AuditEntry& entry : db.audit().find({.user = "olga"})) EXPECT_GE(entry.at, day_two);
  for (const AuditEntry& entry : db.audit().find({.until = day_two})) EXPECT_EQ(entry.user, "");
  const auto first = db.audit().find({.limit = 1});
  std::set<std::int64_t> seqs;
  for (const AuditEntry& entry : first) seqs.insert(entry.seq);
  EXPECT_EQ(seqs.size(), 1u);
  const auto rest = db.audit().find({.after_seq = *seqs.begin()});
  for (const AuditEntry& entry : rest) EXPECT_GT(entry.seq, *seqs.begin());
  EXPECT_THROW(db.audit().find({.limit = 0}), Error);
  EXPECT_THROW(db.audit().find({.record_id = 1}), Error);
}

TEST_F(AuditTrailTest, AUserSeesTheHistoryOfTheRecordsTheyReadOnly) {
  User rep = *db.users().find("anna");
  rep.roles = {Role::sales_rep};
  db.users().update(rep.id, rep);
  const Contact mine = db.contacts().create({.last_name = "Mine", .owner = "anna"});
  const Contact theirs = db.contacts().create({.last_name = "Theirs", .owner = "olga"});
  Database as_anna = db.as_user("anna");
  EXPECT_FALSE(as_anna.audit().history(RecordKind::contact, mine.id.value()).empty());
  try {
    as_anna.audit().history(RecordKind::contact, theirs.id.value());
    FAIL() << "an invisible record's history";
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), ErrorCode::not_found);
  }
  for (const AuditEntry& entry : as_anna.audit().find()) EXPECT_EQ(entry.record_id, mine.id.value());
  EXPECT_THROW(as_anna.audit().set_enabled(false), Error);
}

TEST_F(AuditTrailTest, TurnedOffNothingIsRecordedAndRetentionDropsOldEntries) {
  db.audit().set_enabled(false);
  EXPECT_FALSE(db.audit().enabled());
  db.contacts().create({.last_name = "Unlogged"});
  EXPECT_TRUE(db.audit().find().empty());
  db.audit().set_enabled(true);
  db.contacts().create({.last_name = "Old"});
  clock.advance(boost::posix_time::hours(24 * 40));
  db.contacts().create({.last_name = "New"});
  EXPECT_EQ(db.audit().retention_days(), 0);
  db.audit().set_retention_days(30);
  EXPECT_EQ(db.audit().retention_days(), 30);
  for (const AuditEntry& entry : db.audit().find()) EXPECT_EQ(entry.new_value.value_or(""), "New");
  EXPECT_THROW(db.audit().set_retention_days(-1), Error);
}

TEST_F(AuditTrailTest, ATimelineShowsTheRecordsOwnChangesWhenAskedAmongItsActivities) {
  Contact c = db.contacts().create({.last_name = "Liepa"});
  clock.advance(boost::posix_time::hours(1));
  db.activities().create({.kind = ActivityKind::note, .subject = "Met at the fair", .contact = c.id});
  clock.advance(boost::posix_time::hours(1));
  c.job_title = "CFO";
  db.contacts().update(c);
  const auto plain = db.timelines().contact(c.id).items;
  ASSERT_EQ(plain.size(), 1u);
  EXPECT_TRUE(plain.front().changes.empty());
  TimelineQuery query;
  query.include_changes = true;
  query.limit = 2;
  const auto first = db.timelines().contact(c.id, query);
  ASSERT_EQ(first.items.size(), 2u);  // newest first: the update, then the note
  ASSERT_EQ(first.items[0].changes.size(), 1u);
  EXPECT_EQ(first.items[0].changes[0].field, "job_title");
  EXPECT_EQ(first.items[0].changes[0].new_value, "CFO");
  EXPECT_EQ(first.items[0].at, db.now());
  EXPECT_TRUE(first.items[1].activity.has_value());
  query.after = first.next;
  const auto rest = db.timelines().contact(c.id, query);
  ASSERT_EQ(rest.items.size(), 1u);
  EXPECT_EQ(rest.items[0].changes.front().operation, AuditOperation::create);
  EXPECT_TRUE(rest.next.empty());
}

TEST(AuditOperationNames, RoundTripAndUnknownIsInvalid) {
  for (AuditOperation operation : {AuditOperation::create, AuditOperation::update, AuditOperation::delete_,
                                   AuditOperation::restore, AuditOperation::purge, AuditOperation::merge,
                                   AuditOperation::stage_change, AuditOperation::link, AuditOperation::unlink,
                                   AuditOperation::erase})
    EXPECT_EQ(audit_operation_from_name(audit_operation_name(operation)), operation);
  EXPECT_THROW(audit_operation_from_name("obliterate"), Error);
}

}  // namespace
}  // namespace crm
