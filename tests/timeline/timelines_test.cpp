#include "crm/timeline.hpp"

#include <gtest/gtest.h>

#include "crm/crm.hpp"
#include "support/test_database.hpp"

namespace crm {
namespace {

namespace pt = boost::posix_time;

Instant at(int y, int m, int d, int h = 9) { return Instant(Date(y, m, d), pt::hours(h)); }

std::vector<std::string> subjects(const Page<TimelineEntry>& page) {
  std::vector<std::string> result;
  for (const TimelineEntry& e : page.items)
    result.push_back(e.activity ? e.activity->subject : "stage " + std::to_string(e.stage_change->to.value()));
  return result;
}

class TimelinesTest : public ::testing::Test {
 protected:
  test::ManualClock clock;
  Database db = Database::open_in_memory(test::test_options(clock));
  Account first = db.accounts().create({.name = "SIA Pirmā"});
  Account second = db.accounts().create({.name = "UAB Antra"});
  Contact person = db.contacts().create({.last_name = "Kalniņš"});

  void note(const std::string& subject, Instant when, AccountId account = {}, ContactId contact = {}) {
    db.activities().create({.kind = ActivityKind::note, .subject = subject, .starts_at = when, .account = account,
                            .contact = contact});
  }
};

TEST_F(TimelinesTest, AccountTimelineIncludesItsPeopleOnlyWhileTheyWorkedThere) {
  db.employments().start(person.id, first.id, "Engineer", Date(2024, 1, 1));
  db.employments().move(person.id, second.id, "Lead", Date(2024, 6, 30));
  note("before joining", at(2023, 12, 1), {}, person.id);
  note("while at first", at(2024, 3, 1), {}, person.id);
  note("last day at first", at(2024, 6, 30, 17), {}, person.id);
  note("while at second", at(2024, 9, 1), {}, person.id);
  note("about the account", at(2024, 5, 1), first.id);
  note("linked to both", at(2024, 4, 1), first.id, person.id);  // appears once
  EXPECT_EQ(subjects(db.timelines().account(first.id)),
            (std::vector<std::string>{"last day at first", "about the account", "linked to both", "while at first"}));
  EXPECT_EQ(subjects(db.timelines().account(second.id)),
            (std::vector<std::string>{"while at second", "last day at first"}));
  EXPECT_EQ(db.timelines().contact(person.id).items.size(), 5u);
}

TEST_F(TimelinesTest, DealTimelinesMixActivitiesAndStageChangesNewestFirst) {
  const Pipeline sales = db.pipelines().default_pipeline();
  clock.advance(pt::hours(1));
  Opportunity deal = db.opportunities().create(
      {.account = first.id, .primary_contact = person.id, .name = "Deal", .amount = Money::parse("10 EUR")});
  clock.advance(pt::hours(1));
  db.activities().create({.kind = ActivityKind::call, .subject = "Call", .status = ActivityStatus::done,
                          .starts_at = *clock.now, .opportunity = deal.id});
  clock.advance(pt::hours(1));
  db.opportunities().move_to_stage(deal.id, sales.stages[2].id);
  const auto page = db.timelines().opportunity(deal.id);
  ASSERT_EQ(page.items.size(), 3u);
  EXPECT_TRUE(page.items[0].stage_change);
  EXPECT_EQ(page.items[0].stage_change->to, sales.stages[2].id);
  EXPECT_EQ(page.items[1].activity->subject, "Call");
  EXPECT_FALSE(page.items[2].stage_change->from);
  EXPECT_EQ(db.timelines().account(first.id).items.size(), 2u);  // the stage changes
  EXPECT_EQ(db.timelines().contact(person.id).items.size(), 2u);  // primary contact sees them too
}

TEST_F(TimelinesTest, PagesWalkTheWholeHistoryOnce) {
  for (int day = 1; day <= 25; ++day) note("day " + std::to_string(day), at(2024, 1, day), first.id);
  note("same time a", at(2024, 1, 10), first.id);  // ties are ordered by id
  std::vector<std::string> walked;
  TimelineQuery query{.limit = 4};
  do {
    auto page = db.timelines().account(first.id, query);
    for (auto& s : subjects(page)) walked.push_back(s);
    query.after = page.next;
  } while (!query.after.empty());
  ASSERT_EQ(walked.size(), 26u);
  EXPECT_EQ(walked.front(), "day 25");
  EXPECT_EQ(walked.back(), "day 1");
  EXPECT_CRM_ERROR(db.timelines().account(first.id, {.limit = 0}), ErrorCode::invalid_argument);
  EXPECT_CRM_ERROR(db.timelines().account(first.id, {.after = "nonsense"}), ErrorCode::invalid_argument);
  EXPECT_CRM_ERROR(db.timelines().account(AccountId(99)), ErrorCode::not_found);
}

TEST_F(TimelinesTest, PagesKeepAnActivityAndAStageChangeWithTheSameTimeAndId) {
  const Opportunity deal =
      db.opportunities().create({.account = first.id, .name = "Deal", .amount = Money::parse("10 EUR")});
  db.activities().create({.kind = ActivityKind::note, .subject = "Same instant", .starts_at = *clock.now,
                          .opportunity = deal.id});  // activity 1 and stage change 1, both at now
  std::vector<std::string> walked;
  TimelineQuery query{.limit = 1};
  do {
    auto page = db.timelines().opportunity(deal.id, query);
    for (auto& s : subjects(page)) walked.push_back(s);
    query.after = page.next;
  } while (!query.after.empty());
  EXPECT_EQ(walked, (std::vector<std::string>{"stage " + std::to_string(deal.stage.value()), "Same instant"}));
}

TEST_F(TimelinesTest, DeletedActivitiesOnlyWhenAsked) {
  note("kept", at(2024, 1, 1), first.id);
  const Activity gone = db.activities().create({.subject = "gone", .starts_at = at(2024, 1, 2), .account = first.id});
  db.activities().remove(gone.id);
  EXPECT_EQ(db.timelines().account(first.id).items.size(), 1u);
  EXPECT_EQ(db.timelines().account(first.id, {.include_deleted = true}).items.size(), 2u);
  const Lead lead = db.leads().create({.last_name = "Interested"});
  db.activities().create({.subject = "first contact", .lead = lead.id});
  EXPECT_EQ(db.timelines().lead(lead.id).items.size(), 1u);
}

}  // namespace
}  // namespace crm
