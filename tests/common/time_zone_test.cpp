// Local days of time zones (common/time_zone.hpp): IANA zones with their
// history from the system's tzdata, POSIX TZ rules, UTC. Expected instants
// come from the tzdata as `zdump -v` prints it.
#include "common/time_zone.hpp"

#include <gtest/gtest.h>

#include "crm/error.hpp"
#include "support/test_database.hpp"

namespace crm::detail {
namespace {

namespace pt = boost::posix_time;

Instant utc(int y, int m, int d, int h, int minute = 0) {
  return Instant(Date(y, m, d), pt::hours(h) + pt::minutes(minute));
}

TEST(TimeZones, LocalDaysFollowPosixSignsAndDaylightSaving) {
  const Instant winter = utc(2025, 1, 15, 23);  // 01:00 next day in Riga (UTC+2)
  const Instant summer = utc(2025, 7, 15, 22);  // 01:00 next day in Riga (UTC+3)
  for (const char* riga : {"Europe/Riga", "EET-2EEST,M3.5.0/3,M10.5.0/4"}) {
    const TimeZone zone = TimeZone::named(riga);
    EXPECT_EQ(zone.local_date(winter), Date(2025, 1, 16)) << riga;
    EXPECT_EQ(zone.local_date(summer), Date(2025, 7, 16)) << riga;
    EXPECT_EQ(zone.start_of_day(Date(2025, 7, 16)), utc(2025, 7, 15, 21)) << riga;
  }
  const TimeZone new_york = TimeZone::named("America/New_York");
  EXPECT_EQ(new_york.local_date(utc(2025, 1, 15, 3)), Date(2025, 1, 14));
  EXPECT_EQ(TimeZone::named("<+04>-4").start_of_day(Date(2025, 1, 1)), utc(2024, 12, 31, 20));
  EXPECT_EQ(TimeZone::named("UTC").start_of_day(Date(2025, 1, 1)), Instant(Date(2025, 1, 1)));
}

TEST(TimeZones, UnknownNamesAndRulesAreRefused) {
  for (const char* bad : {"../etc/passwd", "/etc/passwd", "X", "Mars/Olympus", "Europe/Atlantis", "EET-2EEST,M13.5.0"}) {
    SCOPED_TRACE(bad);
    EXPECT_CRM_ERROR(TimeZone::named(bad), ErrorCode::invalid_argument);
  }
}

TEST(TimeZones, LocalDaysAroundADaylightSavingChangeUseTheOffsetOfEachSide) {
  const TimeZone riga = TimeZone::named("Europe/Riga");
  // 2025-03-30 03:00 EET became 04:00 EEST (01:00 UTC): the day started at UTC+2,
  // the next one at UTC+3.
  EXPECT_EQ(riga.start_of_day(Date(2025, 3, 30)), utc(2025, 3, 29, 22));
  EXPECT_EQ(riga.start_of_day(Date(2025, 3, 31)), utc(2025, 3, 30, 21));
  EXPECT_EQ(riga.local_date(utc(2025, 3, 30, 21, 30)), Date(2025, 3, 31));
  EXPECT_EQ(riga.local_date(utc(2025, 3, 30, 20, 59)), Date(2025, 3, 30));
  // Back on 2025-10-26: 04:00 EEST became 03:00 EET (01:00 UTC).
  EXPECT_EQ(riga.start_of_day(Date(2025, 10, 26)), utc(2025, 10, 25, 21));
  EXPECT_EQ(riga.start_of_day(Date(2025, 10, 27)), utc(2025, 10, 26, 22));
}

TEST(TimeZones, ADayThatSkipsMidnightStartsAtItsFirstExistingMinute) {
  // Sao Paulo moved its clocks from 00:00 to 01:00 on 2018-11-04 (03:00 UTC).
  const TimeZone sao_paulo = TimeZone::named("America/Sao_Paulo");
  EXPECT_EQ(sao_paulo.start_of_day(Date(2018, 11, 4)), utc(2018, 11, 4, 3));
  EXPECT_EQ(sao_paulo.local_date(utc(2018, 11, 4, 2, 59)), Date(2018, 11, 3));
  EXPECT_EQ(sao_paulo.local_date(utc(2018, 11, 4, 3)), Date(2018, 11, 4));
  // Its POSIX rule of those years gives the same day start.
  const TimeZone rule_of_2018 = TimeZone::named("<-03>3<-02>,M11.1.0/0,M2.3.0/0");
  EXPECT_EQ(rule_of_2018.start_of_day(Date(2018, 11, 4)), utc(2018, 11, 4, 3));
  EXPECT_EQ(rule_of_2018.start_of_day(Date(2018, 1, 15)), utc(2018, 1, 15, 2));
}

TEST(TimeZones, SaoPauloDaysFollowDaylightSavingBeforeItWasAbolishedIn2019) {
  const TimeZone sao_paulo = TimeZone::named("America/Sao_Paulo");
  // January 2018: summer time, UTC-2. January 2020: no more summer time, UTC-3.
  EXPECT_EQ(sao_paulo.start_of_day(Date(2018, 1, 15)), utc(2018, 1, 15, 2));
  EXPECT_EQ(sao_paulo.start_of_day(Date(2020, 1, 15)), utc(2020, 1, 15, 3));
  // 02:30 UTC is already the 15th in 2018 (00:30 local), still the 14th in 2020 (23:30).
  EXPECT_EQ(sao_paulo.local_date(utc(2018, 1, 15, 2, 30)), Date(2018, 1, 15));
  EXPECT_EQ(sao_paulo.local_date(utc(2020, 1, 15, 2, 30)), Date(2020, 1, 14));
}

TEST(TimeZones, KyivDaysBefore1990FollowMoscowTime) {
  const TimeZone kyiv = TimeZone::named("Europe/Kyiv");
  // Kyiv kept Moscow time (UTC+3 in winter) until 1 July 1990, then Eastern
  // European time (UTC+2 in winter).
  EXPECT_EQ(kyiv.start_of_day(Date(1990, 1, 15)), utc(1990, 1, 14, 21));
  EXPECT_EQ(kyiv.start_of_day(Date(2020, 1, 15)), utc(2020, 1, 14, 22));
  // Summer 1989: Moscow summer time, UTC+4.
  EXPECT_EQ(kyiv.start_of_day(Date(1989, 7, 15)), utc(1989, 7, 14, 20));
  EXPECT_EQ(kyiv.local_date(utc(1990, 1, 14, 21, 30)), Date(1990, 1, 15));
  EXPECT_EQ(kyiv.local_date(utc(2020, 1, 14, 21, 30)), Date(2020, 1, 14));
  // The old name is the same zone.
  EXPECT_EQ(TimeZone::named("Europe/Kiev").start_of_day(Date(1990, 1, 15)), utc(1990, 1, 14, 21));
}

TEST(TimeZones, RigaDaysFollowItsYearsWithoutDaylightSavingAndMoscowTime) {
  const TimeZone riga = TimeZone::named("Europe/Riga");
  // Latvia kept no summer time in 2000: July 2000 was UTC+2, July 2025 UTC+3.
  EXPECT_EQ(riga.start_of_day(Date(2000, 7, 15)), utc(2000, 7, 14, 22));
  EXPECT_EQ(riga.start_of_day(Date(2025, 7, 15)), utc(2025, 7, 14, 21));
  EXPECT_EQ(riga.local_date(utc(2000, 7, 14, 21, 30)), Date(2000, 7, 14));
  // Until March 1989 Riga kept Moscow time: January 1989 was UTC+3.
  EXPECT_EQ(riga.start_of_day(Date(1989, 1, 15)), utc(1989, 1, 14, 21));
}

}  // namespace
}  // namespace crm::detail
