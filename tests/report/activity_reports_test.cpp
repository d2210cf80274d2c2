// Activities per week, overdue tasks, accounts at risk, upcoming birthdays.
#include "report/report_data.hpp"

namespace crm {
namespace {

using test::ReportTest;
namespace pt = boost::posix_time;

class ActivityReportsTest : public ReportTest {
 protected:
  Activity at(ActivityKind kind, const Date& day, const std::string& owner, AccountId account,
              ActivityStatus status = ActivityStatus::done) {
    return db.activities().create({.kind = kind, .subject = "x", .status = status,
                                   .starts_at = Instant(day, pt::hours(10)), .owner = owner, .account = account});
  }
};

TEST_F(ActivityReportsTest, ActivitiesPerWeekCountEachKindPerOwnerWithEmptyWeeks) {
  *clock.now = Instant(Date(2026, 1, 10), pt::hours(9));
  at(ActivityKind::call, Date(2025, 12, 1), "anna", accounts[0]);     // Monday of 2025-W49
  at(ActivityKind::call, Date(2025, 12, 3), "anna", accounts[0]);
  at(ActivityKind::meeting, Date(2025, 12, 7), "ilze", accounts[1]);  // Sunday, still W49
  at(ActivityKind::email, Date(2025, 12, 16), "anna", accounts[1]);   // W51; W50 is empty
  at(ActivityKind::call, Date(2025, 12, 17), "anna", accounts[1], ActivityStatus::cancelled);
  ReportOptions o = options();
  o.start = Date(2025, 12, 1);
  o.end = Date(2025, 12, 21);
  const Report report = db.reports().activities_per_week(o);
  ASSERT_EQ(report.table.row_count(), 6u);  // 3 weeks x {anna, ilze}
  EXPECT_EQ(cell(report, 0, "week"), "2025-W49");
  EXPECT_EQ(cell(report, 0, "week_start"), "2025-12-01");
  EXPECT_EQ(cell(report, 0, "owner"), "anna");
  EXPECT_EQ(cell(report, 0, "call"), "2");
  EXPECT_EQ(cell(report, 1, "meeting"), "1");
  EXPECT_EQ(cell(report, 2, "week"), "2025-W50");
  EXPECT_EQ(cell(report, 2, "total"), "0");
  EXPECT_EQ(cell(report, 4, "email"), "1");
  EXPECT_EQ(cell(report, 4, "call"), "0") << "cancelled ones do not count";
}

TEST_F(ActivityReportsTest, OverdueTasksPerOwnerMostOverdueFirst) {
  at(ActivityKind::task, Date(2026, 1, 10), "anna", accounts[0], ActivityStatus::planned);
  at(ActivityKind::task, Date(2025, 12, 20), "ilze", accounts[0], ActivityStatus::planned);
  at(ActivityKind::task, Date(2026, 1, 12), "ilze", accounts[0], ActivityStatus::planned);
  at(ActivityKind::task, Date(2025, 11, 1), "anna", accounts[0], ActivityStatus::done);
  at(ActivityKind::task, Date(2026, 1, 20), "anna", accounts[0], ActivityStatus::planned);  // not due yet
  const Report report = db.reports().overdue_tasks(options());
  ASSERT_EQ(report.table.row_count(), 2u);
  EXPECT_EQ(cell(report, 0, "owner"), "ilze");
  EXPECT_EQ(cell(report, 0, "overdue"), "2");
  EXPECT_EQ(cell(report, 0, "oldest_due"), "2025-12-20");
  EXPECT_EQ(cell(report, 0, "most_days_overdue"), "26");
  EXPECT_EQ(cell(report, 1, "overdue"), "1");
}

TEST_F(ActivityReportsTest, AccountsWithoutRecentActivityAreAtRisk) {
  // accounts[0]: called 10 days ago; [1]: a meeting on one of its deals 100
  // days ago; [2]: an email to its employee 20 days ago; the rest: never.
  at(ActivityKind::call, today - boost::gregorian::days(10), "anna", accounts[0]);
  const Opportunity deal = db.opportunities().list({}, {.account = accounts[1]}).items.front();
  db.activities().create({.kind = ActivityKind::meeting, .status = ActivityStatus::done,
                          .starts_at = Instant(today - boost::gregorian::days(100), pt::hours(9)), .opportunity = deal.id});
  const Contact worker = db.contacts().create({.first_name = "Ilze", .last_name = "Ozola", .account = accounts[2]});
  db.activities().create({.kind = ActivityKind::email, .status = ActivityStatus::done,
                          .starts_at = Instant(today - boost::gregorian::days(20), pt::hours(9)), .contact = worker.id});
  ReportOptions o = options();
  o.days = 30;
  const Report report = db.reports().at_risk_accounts(o);
  ASSERT_EQ(report.table.row_count(), 4u);  // 3 never touched, then accounts[1]
  for (std::size_t row = 0; row < 3; ++row) EXPECT_EQ(cell(report, row, "last_activity"), "null");
  EXPECT_EQ(report.table.integer(3, 0), accounts[1].value());
  EXPECT_EQ(cell(report, 3, "days_since"), "100");
  std::int64_t open = 0;
  for (const Opportunity& d : deals())
    if (d.account == accounts[1] && !d.closed()) ++open;
  EXPECT_EQ(report.table.integer(3, 5), open);
}

TEST_F(ActivityReportsTest, UpcomingBirthdaysAcrossTheYearEndAndOnLeapDays) {
  db.contacts().create({.first_name = "Jānis", .last_name = "Bērziņš", .birthday = Birthday{1980, 1, 20}, .account = accounts[0]});
  db.contacts().create({.first_name = "Anna", .last_name = "Ozola", .birthday = Birthday{std::nullopt, 1, 16}});
  db.contacts().create({.first_name = "Far", .last_name = "Away", .birthday = Birthday{1990, 3, 1}});
  ReportOptions o = options();
  o.days = 7;
  const Report report = db.reports().upcoming_birthdays(o);
  ASSERT_EQ(report.table.row_count(), 2u);
  EXPECT_EQ(cell(report, 0, "name"), "Anna Ozola");
  EXPECT_EQ(cell(report, 0, "turns"), "null");
  EXPECT_EQ(cell(report, 0, "days_until"), "1");
  EXPECT_EQ(cell(report, 1, "next_birthday"), "2026-01-20");
  EXPECT_EQ(cell(report, 1, "turns"), "46");
  EXPECT_EQ(cell(report, 1, "account"), "Account 0");

  db.contacts().create({.first_name = "Leap", .last_name = "Day", .birthday = Birthday{2000, 2, 29}});
  o.as_of = Date(2027, 2, 27);
  o.days = 1;
  const Report leap = db.reports().upcoming_birthdays(o);
  ASSERT_EQ(leap.table.row_count(), 1u);
  EXPECT_EQ(cell(leap, 0, "next_birthday"), "2027-02-28");
  EXPECT_EQ(cell(leap, 0, "turns"), "27");
}

}  // namespace
}  // namespace crm
