#include "crm/activity.hpp"

#include <gtest/gtest.h>

#include "crm/crm.hpp"
#include "support/test_database.hpp"

namespace crm {
namespace {

namespace pt = boost::posix_time;

Instant at(int y, int m, int d, int h, int minute = 0) { return Instant(Date(y, m, d), pt::hours(h) + pt::minutes(minute)); }

class ActivitiesTest : public ::testing::Test {
 protected:
  test::ManualClock clock;  // 2025-03-14 10:00 UTC, a Friday
  Database db = Database::open_in_memory(test::test_options(clock));
  test::TestUsers known_users{db};
  Activities& activities = db.activities();
  Account koks = db.accounts().create({.name = "SIA Koka Nams"});
  Contact janis = db.contacts().create({.last_name = "Bērziņš", .account = koks.id});

  ActivityData task(const std::string& subject, Instant when, std::string owner = "anna") {
    return {.kind = ActivityKind::task, .subject = subject, .starts_at = when, .owner = std::move(owner),
            .contact = janis.id};
  }
};

TEST_F(ActivitiesTest, CreateAndReadEveryField) {
  const Activity call = activities.create({.kind = ActivityKind::call, .subject = "Price question", .body = "Asked about oak",
                                           .status = ActivityStatus::done, .starts_at = at(2025, 3, 14, 9),
                                           .duration_seconds = 180, .direction = Direction::inbound,
                                           .outcome = "answered", .phone = "26 123 456", .owner = "anna",
                                           .account = koks.id, .contact = janis.id});
  const Activity read = activities.get(call.id);
  EXPECT_EQ(read.kind, ActivityKind::call);
  EXPECT_EQ(read.status, ActivityStatus::done);
  EXPECT_EQ(read.phone_e164, "+37126123456");
  EXPECT_EQ(read.duration_seconds, 180);
  EXPECT_EQ(read.direction, Direction::inbound);
  EXPECT_TRUE(read.completed_at);
  EXPECT_EQ(read.contact, janis.id);
  const Activity note = activities.create({.kind = ActivityKind::note, .subject = "Met at fair", .account = koks.id});
  EXPECT_EQ(note.starts_at, *clock.now);  // defaults to now
}

TEST_F(ActivitiesTest, BadInputNamesTheField) {
  struct Case {
    ActivityData data;
    const char* field;
  };
  const Case cases[] = {
      {{.kind = ActivityKind::meeting, .direction = Direction::inbound, .account = koks.id}, "activity.direction"},
      {{.kind = ActivityKind::call, .recurrence = Recurrence{}, .account = koks.id}, "activity.recurrence"},
      {{.starts_at = at(2025, 3, 20, 9), .reminder_at = at(2025, 3, 20, 10), .account = koks.id}, "activity.reminder_at"},
      {{.status = ActivityStatus::done, .reminder_at = at(2025, 3, 1, 9), .account = koks.id}, "activity.reminder_at"},
      {{.duration_seconds = -5, .account = koks.id}, "activity.duration_seconds"},
      {{.kind = ActivityKind::task, .recurrence = Recurrence{.interval = 0}, .account = koks.id},
       "activity.recurrence.interval"},
      {{.kind = ActivityKind::task, .recurrence = Recurrence{.business_days_only = true}, .account = koks.id},
       "activity.recurrence.calendar"},
      {{.subject = "nobody"}, "activity"},
  };
  for (const Case& c : cases) {
    auto error = EXPECT_CRM_ERROR(activities.create(c.data), ErrorCode::invalid_argument);
    EXPECT_EQ(error.field(), c.field) << error.what();
  }
  auto missing = EXPECT_CRM_ERROR(activities.create({.lead = LeadId(9)}), ErrorCode::not_found);
  EXPECT_EQ(missing.field(), "activity.lead");
  EXPECT_EQ(activities.count(), 0);
}

TEST_F(ActivitiesTest, ExternalRefFindsTheLiveActivityAndIsUniqueWhenSet) {
  ActivityData data = task("Call back", at(2025, 3, 17, 9));
  data.external_ref = " 00T5g00000AbCdE ";
  const Activity stored = activities.create(data);
  EXPECT_EQ(stored.external_ref, "00T5g00000AbCdE");  // trimmed like every kind's key
  EXPECT_EQ(activities.find_by_external_ref("00T5g00000AbCdE")->id, stored.id);
  EXPECT_FALSE(activities.find_by_external_ref("00T-other"));
  const Error taken = EXPECT_CRM_ERROR(activities.create(data), ErrorCode::already_exists);
  EXPECT_EQ(taken.field(), "activity.external_ref");
  activities.create(task("No key", at(2025, 3, 17, 9)));
  activities.create(task("No key either", at(2025, 3, 17, 9)));  // unset keys do not collide
  EXPECT_EQ(activities.count({.where = "external_ref = \"00T5g00000AbCdE\""}), 1);
  activities.remove(stored.id);
  EXPECT_FALSE(activities.find_by_external_ref("00T5g00000AbCdE"));
}

TEST_F(ActivitiesTest, TheNextOccurrenceOfARecurringTaskHasNoExternalRef) {
  ActivityData data = task("Weekly report", at(2025, 3, 14, 9));
  data.recurrence = Recurrence{};
  data.external_ref = "00T-weekly";
  const Completion done = activities.complete(activities.create(data).id);
  ASSERT_TRUE(done.next);
  EXPECT_EQ(done.completed.external_ref, "00T-weekly");
  EXPECT_EQ(done.next->external_ref, "");
}

TEST_F(ActivitiesTest, CompletingARecurringTaskCreatesTheNextOne) {
  ActivityData weekly = task("Weekly report", at(2025, 3, 14, 9));
  weekly.recurrence = Recurrence{.unit = RecurrenceUnit::week, .interval = 1};
  weekly.reminder_at = at(2025, 3, 14, 8, 30);
  const Activity first = activities.create(weekly);
  const Completion done = activities.complete(first.id, "sent");
  EXPECT_EQ(done.completed.status, ActivityStatus::done);
  EXPECT_EQ(done.completed.outcome, "sent");
  EXPECT_FALSE(done.completed.reminder_at);
  ASSERT_TRUE(done.next);
  EXPECT_EQ(done.next->starts_at, at(2025, 3, 21, 9));
  EXPECT_EQ(done.next->reminder_at, at(2025, 3, 21, 8, 30));
  EXPECT_EQ(done.next->status, ActivityStatus::planned);
  EXPECT_EQ(done.next->previous, first.id);
  EXPECT_CRM_ERROR(activities.complete(first.id), ErrorCode::conflict);
}

TEST_F(ActivitiesTest, MonthlyAndBusinessDayRecurrences) {
  ActivityData monthly = task("Invoice check", at(2025, 1, 31, 9));
  monthly.recurrence = Recurrence{.unit = RecurrenceUnit::month};
  EXPECT_EQ(activities.complete(activities.create(monthly).id).next->starts_at, at(2025, 2, 28, 9));

  db.calendars().add_holiday("LV", Date(2025, 3, 17), "Test holiday");
  ActivityData daily = task("Call back", at(2025, 3, 14, 9));  // Friday
  daily.recurrence = Recurrence{.unit = RecurrenceUnit::day, .interval = 1, .business_days_only = true, .calendar = "LV"};
  EXPECT_EQ(activities.complete(activities.create(daily).id).next->starts_at, at(2025, 3, 18, 9));

  ActivityData weekly = task("Stand-up", at(2025, 3, 10, 9));  // Monday; next Monday is the holiday
  weekly.recurrence = Recurrence{.unit = RecurrenceUnit::week, .business_days_only = true, .calendar = "lv"};
  EXPECT_EQ(activities.complete(activities.create(weekly).id).next->starts_at, at(2025, 3, 18, 9));
}

TEST_F(ActivitiesTest, ABusinessDayRecurrenceThatCouldNeverLandIsRefused) {
  db.calendars().set_weekend("LV", {0, 1, 2, 3, 4, 5, 6});  // every day a day off
  ActivityData daily = task("Impossible", at(2025, 3, 14, 9));
  daily.recurrence = Recurrence{.unit = RecurrenceUnit::day, .business_days_only = true, .calendar = "LV"};
  auto error = EXPECT_CRM_ERROR(activities.create(daily), ErrorCode::invalid_argument);
  EXPECT_NE(std::string(error.what()).find("no business day"), std::string::npos);
}

TEST_F(ActivitiesTest, CompletionFailsWholeWhenTheNextOccurrenceCannotBePlaced) {
  ActivityData daily = task("Daily", at(2025, 3, 14, 9));
  daily.recurrence = Recurrence{.unit = RecurrenceUnit::day, .business_days_only = true, .calendar = "LV"};
  const Activity created = activities.create(daily);
  db.calendars().set_weekend("LV", {0, 1, 2, 3, 4, 5, 6});
  EXPECT_CRM_ERROR(activities.complete(created.id), ErrorCode::invalid_argument);
  EXPECT_EQ(activities.get(created.id).status, ActivityStatus::planned);  // nothing written
  EXPECT_EQ(activities.count(), 1);
}

TEST_F(ActivitiesTest, RemindersSkipDeletedDoneAndCancelled) {
  ActivityData base = task("Remind me", at(2025, 3, 14, 12));
  base.reminder_at = at(2025, 3, 14, 11);
  const Activity due = activities.create(base);
  const Activity deleted = activities.create(base);
  const Activity cancelled = activities.create(base);
  activities.remove(deleted.id);
  activities.cancel(cancelled.id);
  base.reminder_at = at(2025, 3, 14, 11, 30);
  const Activity later = activities.create(base);
  auto ids = [](const std::vector<Activity>& list) {
    std::vector<ActivityId> result;
    for (const Activity& a : list) result.push_back(a.id);
    return result;
  };
  EXPECT_EQ(ids(activities.reminders_due(at(2025, 3, 14, 11))), std::vector<ActivityId>{due.id});
  EXPECT_EQ(ids(activities.reminders_due(at(2025, 3, 14, 12), at(2025, 3, 14, 11))), std::vector<ActivityId>{later.id});
  Activity edit = activities.get(deleted.id);
  edit.subject = "edited";
  EXPECT_CRM_ERROR(activities.update(edit), ErrorCode::conflict);  // restore first
}

TEST_F(ActivitiesTest, AgendaUsesTheUsersTimeZone) {
  // 2025-03-13 23:30 UTC is 01:30 on the 14th in Riga (UTC+2).
  const Activity late_night = activities.create(task("Early call", at(2025, 3, 13, 23, 30)));
  const Activity overdue = activities.create(task("Old task", at(2025, 3, 12, 9)));
  const Activity later_today = activities.create(task("Afternoon", at(2025, 3, 14, 14)));
  const Activity next_week = activities.create(task("Next week", at(2025, 3, 19, 9)));
  activities.create(task("Someone else's", at(2025, 3, 14, 9), "peteris"));
  activities.complete(activities.create(task("Done already", at(2025, 3, 14, 8))).id);

  const Agenda riga = activities.agenda("anna", "Europe/Riga", Date(2025, 3, 17), Date(2025, 3, 21));
  ASSERT_EQ(riga.overdue.size(), 1u);
  EXPECT_EQ(riga.overdue[0].id, overdue.id);
  ASSERT_EQ(riga.today.size(), 2u);
  EXPECT_EQ(riga.today[0].id, late_night.id);
  EXPECT_EQ(riga.today[1].id, later_today.id);
  ASSERT_EQ(riga.upcoming.size(), 1u);
  EXPECT_EQ(riga.upcoming[0].id, next_week.id);

  const Agenda utc = activities.agenda("anna");
  EXPECT_EQ(utc.overdue.size(), 2u);  // in UTC the late-night call was yesterday
  EXPECT_EQ(utc.today.size(), 1u);
  EXPECT_TRUE(utc.upcoming.empty());
  const Agenda posix = activities.agenda("anna", "EET-2EEST,M3.5.0/3,M10.5.0/4");
  EXPECT_EQ(posix.today.size(), 2u);
  EXPECT_CRM_ERROR(activities.agenda("anna", "Mars/Olympus"), ErrorCode::invalid_argument);
  EXPECT_CRM_ERROR(activities.agenda("anna", "UTC", Date(2025, 3, 20), Date(2025, 3, 1)), ErrorCode::invalid_argument);
}

TEST_F(ActivitiesTest, AgendaDaysFollowTheRulesTheZoneHadThatYear) {
  const auto subjects = [](const std::vector<Activity>& list) {
    std::vector<std::string> result;
    for (const Activity& a : list) result.push_back(a.subject);
    return result;
  };
  using Subjects = std::vector<std::string>;
  // 02:30 UTC: 00:30 on the 15th in Sao Paulo's summer time of 2018 (UTC-2),
  // 23:30 on the 14th in 2020, after Brazil dropped summer time (UTC-3).
  activities.create(task("Sao Paulo 2018", at(2018, 1, 15, 2, 30)));
  activities.create(task("Sao Paulo 2020", at(2020, 1, 15, 2, 30)));
  const std::string sao_paulo = "America/Sao_Paulo";
  EXPECT_EQ(subjects(activities.agenda("anna", sao_paulo, Date(2018, 1, 15), Date(2018, 1, 15)).upcoming),
            Subjects{"Sao Paulo 2018"});
  EXPECT_EQ(subjects(activities.agenda("anna", sao_paulo, Date(2020, 1, 14), Date(2020, 1, 14)).upcoming),
            Subjects{"Sao Paulo 2020"});
  EXPECT_TRUE(activities.agenda("anna", sao_paulo, Date(2020, 1, 15), Date(2020, 1, 15)).upcoming.empty());
  // 21:30 UTC on 14 January 1990 was 00:30 on the 15th in Kyiv, on Moscow time (UTC+3).
  activities.create(task("Kyiv 1990", at(1990, 1, 14, 21, 30)));
  EXPECT_EQ(subjects(activities.agenda("anna", "Europe/Kyiv", Date(1990, 1, 15), Date(1990, 1, 15)).upcoming),
            Subjects{"Kyiv 1990"});
  // 21:30 UTC on 14 July 2000 was 23:30 on the 14th in Riga, which kept no summer time that year.
  activities.create(task("Riga 2000", at(2000, 7, 14, 21, 30)));
  EXPECT_EQ(subjects(activities.agenda("anna", "Europe/Riga", Date(2000, 7, 14), Date(2000, 7, 14)).upcoming),
            Subjects{"Riga 2000"});
  EXPECT_TRUE(activities.agenda("anna", "Europe/Riga", Date(2000, 7, 15), Date(2000, 7, 15)).upcoming.empty());
}

TEST_F(ActivitiesTest, AttachCancelListAndDelete) {
  const Activity call = activities.create({.kind = ActivityKind::call, .status = ActivityStatus::done,
                                           .direction = Direction::inbound, .phone = "+371 29 000 000"});
  EXPECT_FALSE(call.contact);  // a call from an unknown number needs no link
  const Activity attached = activities.attach_to_contact(call.id, janis.id);
  EXPECT_EQ(attached.contact, janis.id);
  EXPECT_EQ(attached.account, koks.id);
  const Activity meeting = activities.create({.kind = ActivityKind::meeting, .starts_at = at(2025, 3, 20, 10),
                                              .account = koks.id});
  EXPECT_EQ(activities.cancel(meeting.id).status, ActivityStatus::cancelled);
  EXPECT_CRM_ERROR(activities.cancel(meeting.id), ErrorCode::conflict);
  EXPECT_EQ(activities.count({}, {.kind = ActivityKind::call}), 1);
  EXPECT_EQ(activities.count({}, {.contact = janis.id}), 1);
  EXPECT_EQ(activities.list({.sort = SortBy::id}, {.account = koks.id}).items.size(), 2u);
  EXPECT_CRM_ERROR(activities.list({.tag = "x"}), ErrorCode::invalid_argument);
  activities.purge(meeting.id);
  EXPECT_CRM_ERROR(activities.get(meeting.id), ErrorCode::not_found);
}

}  // namespace
}  // namespace crm

