// The calendar arithmetic shared by the segment language and the reports.
#include "common/periods.hpp"

#include <gtest/gtest.h>

#include "crm/error.hpp"
#include "support/test_database.hpp"

namespace crm::detail {
namespace {

CalendarPeriod days_of(Date first, Date last) { return {first, last}; }

TEST(Periods, AddMonthsClampsToTheLastDayOfTheMonth) {
  EXPECT_EQ(add_months(Date(2025, 1, 31), 1), Date(2025, 2, 28));
  EXPECT_EQ(add_months(Date(2024, 1, 31), 1), Date(2024, 2, 29));
  EXPECT_EQ(add_months(Date(2024, 2, 29), 12), Date(2025, 2, 28));
  EXPECT_EQ(add_months(Date(2025, 3, 31), -1), Date(2025, 2, 28));
  EXPECT_EQ(add_months(Date(2025, 12, 15), 1), Date(2026, 1, 15));
  EXPECT_EQ(add_months(Date(2025, 1, 15), -1), Date(2024, 12, 15));
  EXPECT_EQ(add_months(Date(2025, 5, 10), -29), Date(2022, 12, 10));
  EXPECT_EQ(add_months(Date(2025, 5, 10), 0), Date(2025, 5, 10));
}

TEST(Periods, AddMonthsOutsideTheCalendarIsRefused) {
  EXPECT_CRM_ERROR(add_months(Date(9999, 12, 1), 1), ErrorCode::invalid_argument);
  EXPECT_CRM_ERROR(add_months(Date(1400, 1, 1), -1), ErrorCode::invalid_argument);
  EXPECT_EQ(add_months(Date(9999, 11, 30), 1), Date(9999, 12, 30));
}

TEST(Periods, TheWeekHoldingADayRunsMondayToSunday) {
  // 2025-03-05 is a Wednesday.
  EXPECT_EQ(period_containing(Date(2025, 3, 5), PeriodUnit::week), days_of(Date(2025, 3, 3), Date(2025, 3, 9)));
  EXPECT_EQ(period_containing(Date(2025, 3, 3), PeriodUnit::week), days_of(Date(2025, 3, 3), Date(2025, 3, 9)));
  EXPECT_EQ(period_containing(Date(2025, 3, 9), PeriodUnit::week), days_of(Date(2025, 3, 3), Date(2025, 3, 9)));
  // Across the year end: Wednesday 2025-01-01 is in the week from Monday 2024-12-30.
  EXPECT_EQ(period_containing(Date(2025, 1, 1), PeriodUnit::week), days_of(Date(2024, 12, 30), Date(2025, 1, 5)));
}

TEST(Periods, MonthsQuartersAndYearsHoldingADay) {
  EXPECT_EQ(period_containing(Date(2024, 2, 10), PeriodUnit::month), days_of(Date(2024, 2, 1), Date(2024, 2, 29)));
  EXPECT_EQ(period_containing(Date(2025, 12, 31), PeriodUnit::month), days_of(Date(2025, 12, 1), Date(2025, 12, 31)));
  EXPECT_EQ(period_containing(Date(2025, 1, 1), PeriodUnit::quarter), days_of(Date(2025, 1, 1), Date(2025, 3, 31)));
  EXPECT_EQ(period_containing(Date(2025, 5, 31), PeriodUnit::quarter), days_of(Date(2025, 4, 1), Date(2025, 6, 30)));
  EXPECT_EQ(period_containing(Date(2025, 9, 30), PeriodUnit::quarter), days_of(Date(2025, 7, 1), Date(2025, 9, 30)));
  EXPECT_EQ(period_containing(Date(2025, 10, 1), PeriodUnit::quarter), days_of(Date(2025, 10, 1), Date(2025, 12, 31)));
  EXPECT_EQ(period_containing(Date(2024, 7, 4), PeriodUnit::year), days_of(Date(2024, 1, 1), Date(2024, 12, 31)));
}

TEST(Periods, PeriodsBeforeAndAfterCrossYearBoundaries) {
  const Date day(2025, 1, 15);
  EXPECT_EQ(period_after(day, PeriodUnit::month, -1), days_of(Date(2024, 12, 1), Date(2024, 12, 31)));
  EXPECT_EQ(period_after(day, PeriodUnit::month, 1), days_of(Date(2025, 2, 1), Date(2025, 2, 28)));
  EXPECT_EQ(period_after(day, PeriodUnit::month, 0), period_containing(day, PeriodUnit::month));
  EXPECT_EQ(period_after(day, PeriodUnit::quarter, -1), days_of(Date(2024, 10, 1), Date(2024, 12, 31)));
  EXPECT_EQ(period_after(Date(2025, 11, 30), PeriodUnit::quarter, 1), days_of(Date(2026, 1, 1), Date(2026, 3, 31)));
  EXPECT_EQ(period_after(day, PeriodUnit::quarter, -5), days_of(Date(2023, 10, 1), Date(2023, 12, 31)));
  EXPECT_EQ(period_after(day, PeriodUnit::year, -1), days_of(Date(2024, 1, 1), Date(2024, 12, 31)));
  EXPECT_EQ(period_after(day, PeriodUnit::week, -1), days_of(Date(2025, 1, 6), Date(2025, 1, 12)));
  EXPECT_EQ(period_after(Date(2024, 12, 31), PeriodUnit::week, 1), days_of(Date(2025, 1, 6), Date(2025, 1, 12)));
  EXPECT_EQ(period_after(Date(2025, 1, 2), PeriodUnit::week, -1), days_of(Date(2024, 12, 23), Date(2024, 12, 29)));
  EXPECT_CRM_ERROR(period_after(Date(9999, 12, 1), PeriodUnit::month, 1), ErrorCode::invalid_argument);
}

TEST(Periods, ConsecutivePeriodsTileTheCalendar) {
  for (const PeriodUnit unit : {PeriodUnit::week, PeriodUnit::month, PeriodUnit::quarter, PeriodUnit::year}) {
    CalendarPeriod period = period_containing(Date(2023, 11, 20), unit);
    for (int step = 1; step <= 30; ++step) {
      const CalendarPeriod next = period_after(Date(2023, 11, 20), unit, step);
      EXPECT_EQ(next.first, period.last + boost::gregorian::days(1)) << static_cast<int>(unit) << " step " << step;
      EXPECT_EQ(period_containing(next.last, unit), next);
      period = next;
    }
  }
}

TEST(Periods, IsoWeeksAtTheYearEndsAndWeek53) {
  EXPECT_EQ(iso_week(Date(2025, 3, 5)), (IsoWeek{2025, 10}));
  // 2021-01-03 (a Sunday) still belongs to 2020's week 53, which has one.
  EXPECT_EQ(iso_week(Date(2021, 1, 3)), (IsoWeek{2020, 53}));
  EXPECT_EQ(iso_week(Date(2020, 12, 31)), (IsoWeek{2020, 53}));
  EXPECT_EQ(iso_week(Date(2021, 1, 4)), (IsoWeek{2021, 1}));
  // 2026 starts on a Thursday and has 53 weeks; 2027-01-03 is in week 53.
  EXPECT_EQ(iso_week(Date(2027, 1, 3)), (IsoWeek{2026, 53}));
  // 2024-12-30 (a Monday) starts 2025's week 1.
  EXPECT_EQ(iso_week(Date(2024, 12, 30)), (IsoWeek{2025, 1}));
  EXPECT_EQ(iso_week(Date(2024, 12, 29)), (IsoWeek{2024, 52}));
  // 2023-01-01 (a Sunday) is in 2022's week 52.
  EXPECT_EQ(iso_week(Date(2023, 1, 1)), (IsoWeek{2022, 52}));
}

}  // namespace
}  // namespace crm::detail
