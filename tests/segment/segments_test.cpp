// Saved segments: dynamic filters, static lists, freezing, membership,
// paged members and export.
#include "crm/segment.hpp"

#include <gtest/gtest.h>

#include "crm/crm.hpp"
#include "support/test_database.hpp"

namespace crm {
namespace {

using namespace crm::filters;

class SegmentsTest : public ::testing::Test {
 protected:
  SegmentsTest() {
    db.custom_fields().define(RecordKind::contact, {.name = "score", .type = CustomFieldType::integer});
    for (const auto& [first, last, country, score] :
         std::vector<std::tuple<const char*, const char*, const char*, int>>{
             {"Anna", "Bērziņa", "LV", 30}, {"Jonas", "Petraitis", "LT", 10}, {"Olga", "Ivanova", "LV", 20}})
      ids.push_back(db.contacts()
                        .create({.first_name = first, .last_name = last, .country = country, .custom = {{"score", score}}})
                        .id.value());
  }

  std::vector<std::int64_t> members(SegmentId id, ListQuery query = {}) {
    std::vector<std::int64_t> all;
    for (;;) {
      auto page = segments.members(id, query);
      all.insert(all.end(), page.items.begin(), page.items.end());
      if (page.next.empty()) return all;
      query.after = page.next;
    }
  }

  test::ManualClock clock;
  Database db = Database::open_in_memory(test::test_options(clock));
  Segments& segments = db.segments();
  std::vector<std::int64_t> ids;
};

TEST_F(SegmentsTest, DynamicSegmentFollowsTheRecords) {
  const Segment latvians = segments.create(RecordKind::contact, "Latvians", Filter::parse("country = 'LV'"));
  EXPECT_EQ(latvians.kind, SegmentKind::dynamic);
  EXPECT_EQ(latvians.filter, "country = \"LV\"");
  EXPECT_EQ(latvians.record_kind, RecordKind::contact);
  EXPECT_EQ(segments.count(latvians.id), 2);
  EXPECT_TRUE(segments.contains(latvians.id, ids[0]));
  EXPECT_FALSE(segments.contains(latvians.id, ids[1]));

  Contact jonas = db.contacts().get(ContactId(ids[1]));
  jonas.country = "LV";
  db.contacts().update(jonas);
  EXPECT_EQ(segments.count(latvians.id), 3);
  db.contacts().remove(ContactId(ids[0]));
  EXPECT_EQ(segments.count(latvians.id), 2);
  EXPECT_FALSE(segments.contains(latvians.id, ids[0])) << "deleted records are not members";
  EXPECT_EQ(db.contacts().count({.segment = latvians.id}), 2);
}

TEST_F(SegmentsTest, MembersPageInTheRequestedOrder) {
  const Segment all = segments.create(RecordKind::contact, "Scored", field("score") > number(0));
  EXPECT_EQ(members(all.id, {.sort_field = "score", .limit = 1}), (std::vector<std::int64_t>{ids[1], ids[2], ids[0]}));
  EXPECT_EQ(members(all.id, {.sort = SortBy::name, .descending = true, .limit = 2}),
            (std::vector<std::int64_t>{ids[1], ids[2], ids[0]}));
  EXPECT_EQ(members(all.id, {.where = "country = \"LV\"", .sort = SortBy::id}),
            (std::vector<std::int64_t>{ids[0], ids[2]}))
      << "a query's own filter narrows the members";
  const auto contacts = db.contacts().list({.segment = all.id, .sort_field = "score", .descending = true});
  ASSERT_EQ(contacts.items.size(), 3u);
  EXPECT_EQ(contacts.items.front().first_name, "Anna");
}

TEST_F(SegmentsTest, StaticListsKeepTheirMembers) {
  const Segment list = segments.create_list(RecordKind::contact, "Call back");
  EXPECT_EQ(list.kind, SegmentKind::list);
  EXPECT_EQ(list.filter, "");
  segments.add_members(list.id, {ids[2], ids[0], ids[2]});
  EXPECT_EQ(segments.count(list.id), 2);
  EXPECT_EQ(members(list.id, {.sort = SortBy::id}), (std::vector<std::int64_t>{ids[0], ids[2]}));
  segments.remove_members(list.id, {ids[0], 9999});
  EXPECT_EQ(members(list.id), (std::vector<std::int64_t>{ids[2]}));
  EXPECT_GT(segments.get(list.id).version, list.version);

  EXPECT_CRM_ERROR(segments.add_members(list.id, {ids[1], 9999}), ErrorCode::not_found);
  EXPECT_EQ(segments.count(list.id), 1) << "nothing added when one id is wrong";
  const Account account = db.accounts().create({.name = "SIA Koks"});
  EXPECT_CRM_ERROR(segments.add_members(list.id, {account.id.value() + 100}), ErrorCode::not_found);
  db.contacts().remove(ContactId(ids[1]));
  EXPECT_CRM_ERROR(segments.add_members(list.id, {ids[1]}), ErrorCode::not_found);
}

TEST_F(SegmentsTest, FreezeSnapshotsADynamicSegment) {
  const Segment latvians = segments.create(RecordKind::contact, "Latvians", Filter::parse("country = \"LV\""));
  const Segment march = segments.freeze(latvians.id, "Latvians in March");
  EXPECT_EQ(march.kind, SegmentKind::list);
  EXPECT_EQ(segments.count(march.id), 2);
  Contact jonas = db.contacts().get(ContactId(ids[1]));
  jonas.country = "LV";
  db.contacts().update(jonas);
  EXPECT_EQ(segments.count(latvians.id), 3);
  EXPECT_EQ(segments.count(march.id), 2) << "the list is a snapshot";
  const Segment copy = segments.freeze(march.id, "Copy of a list");
  EXPECT_EQ(segments.count(copy.id), 2);
}

TEST_F(SegmentsTest, NamesAreUniquePerRecordKindIgnoringCase) {
  const Segment vip = segments.create(RecordKind::contact, "VIP", tagged("vip"));
  EXPECT_CRM_ERROR(segments.create_list(RecordKind::contact, "vip"), ErrorCode::already_exists);
  const Segment accounts = segments.create(RecordKind::account, "vip", tagged("vip"));
  EXPECT_EQ(segments.find(RecordKind::contact, "Vīp")->id, vip.id);
  EXPECT_EQ(segments.find(RecordKind::account, "VIP")->id, accounts.id);
  EXPECT_FALSE(segments.find(RecordKind::lead, "VIP"));
  EXPECT_EQ(segments.list().size(), 2u);
  EXPECT_EQ(segments.list(RecordKind::account).size(), 1u);
  const Segment renamed = segments.rename(vip.id, "Key people");
  EXPECT_EQ(renamed.name, "Key people");
  EXPECT_CRM_ERROR(segments.rename(accounts.id, " "), ErrorCode::invalid_argument);
  segments.remove(accounts.id);
  EXPECT_CRM_ERROR(segments.get(accounts.id), ErrorCode::not_found);
  EXPECT_CRM_ERROR(segments.remove(accounts.id), ErrorCode::not_found);
}

TEST_F(SegmentsTest, FiltersAreCheckedBeforeSaving) {
  const Error e = EXPECT_CRM_ERROR(segments.create(RecordKind::contact, "Bad", Filter::parse("contry = \"LV\"")),
                                   ErrorCode::parse_error);
  EXPECT_NE(std::string(e.what()).find("did you mean 'country'"), std::string::npos);
  EXPECT_TRUE(segments.list().empty());
  const Segment scored = segments.create(RecordKind::contact, "Scored", field("score") > number(15));
  EXPECT_EQ(segments.set_filter(scored.id, field("score") > number(25)).filter, "score > 25");
  EXPECT_EQ(segments.count(scored.id), 1);
  EXPECT_CRM_ERROR(segments.set_filter(scored.id, field("scroe") > number(1)), ErrorCode::parse_error);
  EXPECT_EQ(segments.get(scored.id).filter, "score > 25");
  const Segment list = segments.create_list(RecordKind::contact, "List");
  EXPECT_CRM_ERROR(segments.set_filter(list.id, tagged("x")), ErrorCode::invalid_argument);
  EXPECT_CRM_ERROR(segments.add_members(scored.id, {ids[0]}), ErrorCode::invalid_argument);
  EXPECT_CRM_ERROR(segments.create_list(RecordKind::activity, "Calls"), ErrorCode::invalid_argument);
}

TEST_F(SegmentsTest, RenamingACustomFieldKeepsSegmentsWorking) {
  const Segment scored = segments.create(RecordKind::contact, "Scored", Filter::parse("score > 15 or SCORE is empty"));
  const CustomField score = *db.custom_fields().find(RecordKind::contact, "score");
  CustomFieldData renamed = score;
  renamed.name = "rating";
  db.custom_fields().update(score.id, renamed);
  EXPECT_EQ(segments.get(scored.id).filter, "rating > 15 or rating is empty");
  EXPECT_EQ(segments.count(scored.id), 2);
  db.custom_fields().remove(score.id);
  const Error e = EXPECT_CRM_ERROR(segments.count(scored.id), ErrorCode::parse_error);
  EXPECT_NE(std::string(e.what()).find("segment 'Scored'"), std::string::npos) << e.what();
  EXPECT_NE(std::string(e.what()).find("unknown field 'rating'"), std::string::npos);
}

TEST_F(SegmentsTest, SegmentsOfOtherKindsAreRefusedInLists) {
  const Segment accounts = segments.create(RecordKind::account, "All accounts", field("name").is_not_empty());
  EXPECT_CRM_ERROR(db.contacts().list({.segment = accounts.id}), ErrorCode::invalid_argument);
  EXPECT_CRM_ERROR(db.contacts().count({.segment = SegmentId(999)}), ErrorCode::not_found);
}

TEST_F(SegmentsTest, SelectExportsTheMembers) {
  const Segment latvians = segments.create(RecordKind::contact, "Latvians", Filter::parse("country = \"LV\""));
  const Table table = segments.select(latvians.id, {"id", "last_name", "score"}, {.sort = SortBy::id}).table;
  ASSERT_EQ(table.row_count(), 2u);
  EXPECT_EQ(table.text(0, 1), "Bērziņa");
  EXPECT_EQ(table.integer(1, 2), 20);

  db.leads().create({.first_name = "Ilze", .last_name = "Ozola", .company_name = "SIA Ozols", .country = "LV"});
  const Segment leads = segments.create(RecordKind::lead, "Latvian leads", field("country") == "LV");
  const Table lead_table = segments.select(leads.id, {"company_name", "status"}).table;
  ASSERT_EQ(lead_table.row_count(), 1u);
  EXPECT_EQ(lead_table.text(0, 0), "SIA Ozols");
  EXPECT_EQ(lead_table.text(0, 1), "new");
}

TEST_F(SegmentsTest, FiltersCountWithoutSaving) {
  EXPECT_EQ(segments.count(RecordKind::contact, Filter::parse("score >= 20")), 2);
  EXPECT_EQ(segments.parse(RecordKind::contact, "score>=20"), field("score") >= number(20));
  EXPECT_CRM_ERROR(segments.parse(RecordKind::contact, "score >="), ErrorCode::parse_error);
}

}  // namespace
}  // namespace crm
