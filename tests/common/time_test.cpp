#include "crm/time.hpp"

#include <gtest/gtest.h>

#include "crm/error.hpp"
#include "support/test_database.hpp"

namespace crm {
namespace {

namespace pt = boost::posix_time;

TEST(Time, DatesRoundTripAsIsoText) {
  EXPECT_EQ(format_date(Date(2024, 2, 29)), "2024-02-29");
  EXPECT_EQ(parse_date("2024-02-29"), Date(2024, 2, 29));
  for (const char* bad : {"2023-02-29", "2024-13-01", "2024-1-01", "24-01-01", "2024-01-01x", "", "31.01.2024"})
    {
      SCOPED_TRACE(bad);
      EXPECT_CRM_ERROR(parse_date(bad), ErrorCode::invalid_argument);
    }
}

TEST(Time, InstantsAreFixedWidthUtcText) {
  const Instant instant(Date(2025, 3, 14), pt::hours(9) + pt::minutes(5) + pt::microseconds(7));
  EXPECT_EQ(format_instant(instant), "2025-03-14T09:05:00.000007Z");
  EXPECT_EQ(parse_instant("2025-03-14T09:05:00.000007Z"), instant);
}

TEST(Time, ParsesOffsetsToUtc) {
  EXPECT_EQ(parse_instant("2025-03-14T12:00:00+02:00"), Instant(Date(2025, 3, 14), pt::hours(10)));
  EXPECT_EQ(parse_instant("2025-03-14 00:30-0100"), Instant(Date(2025, 3, 14), pt::hours(1) + pt::minutes(30)));
  EXPECT_EQ(parse_instant("2025-01-01T01:00:00+03:00"), Instant(Date(2024, 12, 31), pt::hours(22)));
  for (const char* bad : {"2025-03-14T25:00:00Z", "2025-03-14T10:00:00", "2025-03-14", "2025-03-14T10:00:00.Z"})
    {
      SCOPED_TRACE(bad);
      EXPECT_CRM_ERROR(parse_instant(bad), ErrorCode::invalid_argument);
    }
}

TEST(Time, BirthdayWithAndWithoutYear) {
  EXPECT_EQ(Birthday::parse("1985-07-04").to_string(), "1985-07-04");
  const Birthday no_year = Birthday::parse("--02-29");
  EXPECT_FALSE(no_year.year);
  EXPECT_EQ(no_year.to_string(), "--02-29");
  EXPECT_NO_THROW(no_year.validate(Date(2025, 1, 1), "birthday"));
}

TEST(Time, BirthdayValidation) {
  const Date today(2025, 3, 14);
  EXPECT_CRM_ERROR((Birthday{2023, 2, 29}.validate(today, "contact.birthday")), ErrorCode::invalid_argument);
  EXPECT_NO_THROW((Birthday{2024, 2, 29}.validate(today, "contact.birthday")));
  auto future = EXPECT_CRM_ERROR((Birthday{2025, 3, 15}.validate(today, "contact.birthday")),
                                 ErrorCode::invalid_argument);
  EXPECT_EQ(future.field(), "contact.birthday");
  EXPECT_NE(std::string(future.what()).find("future"), std::string::npos);
  EXPECT_CRM_ERROR((Birthday{std::nullopt, 4, 31}.validate(today, "b")), ErrorCode::invalid_argument);
  EXPECT_CRM_ERROR(Birthday::parse("1985/07/04"), ErrorCode::invalid_argument);
}

}  // namespace
}  // namespace crm
