#include "crm/calendar.hpp"

#include <gtest/gtest.h>

#include "crm/crm.hpp"
#include "support/test_database.hpp"

namespace crm {
namespace {

class CalendarsTest : public ::testing::Test {
 protected:
  Database db = Database::open_in_memory();
  Calendars& calendars = db.calendars();
};

TEST_F(CalendarsTest, WeekendsAndHolidaysAreSkipped) {
  // Friday 2025-05-02; Monday 2025-05-05 is a Latvian holiday (Restoration of Independence, observed).
  calendars.add_holiday("LV", Date(2025, 5, 5), "Restoration of Independence (observed)");
  EXPECT_FALSE(calendars.is_business_day("LV", Date(2025, 5, 3)));
  EXPECT_FALSE(calendars.is_business_day("LV", Date(2025, 5, 5)));
  EXPECT_TRUE(calendars.is_business_day("LT", Date(2025, 5, 5)));
  EXPECT_EQ(calendars.add_business_days("LV", Date(2025, 5, 2), 1), Date(2025, 5, 6));
  EXPECT_EQ(calendars.add_business_days("LV", Date(2025, 5, 2), 5), Date(2025, 5, 12));
  EXPECT_EQ(calendars.add_business_days("LV", Date(2025, 5, 3), 0), Date(2025, 5, 6));
  EXPECT_EQ(calendars.add_business_days("LV", Date(2025, 5, 6), -1), Date(2025, 5, 2));
  EXPECT_EQ(calendars.holidays("LV", Date(2025, 1, 1), Date(2025, 12, 31)).size(), 1u);
  calendars.remove_holiday("LV", Date(2025, 5, 5));
  EXPECT_CRM_ERROR(calendars.remove_holiday("LV", Date(2025, 5, 5)), ErrorCode::not_found);
}

TEST_F(CalendarsTest, WeekendsAreConfigurable) {
  EXPECT_EQ(calendars.weekend("LV"), (std::vector<int>{0, 6}));
  calendars.set_weekend("AE", {5, 6});  // Friday and Saturday
  EXPECT_TRUE(calendars.is_business_day("AE", Date(2025, 5, 4)));   // Sunday
  EXPECT_FALSE(calendars.is_business_day("AE", Date(2025, 5, 2)));  // Friday
  EXPECT_CRM_ERROR(calendars.set_weekend("AE", {7}), ErrorCode::invalid_argument);
  EXPECT_CRM_ERROR(calendars.add_holiday("Narnia", Date(2025, 1, 1), "x"), ErrorCode::invalid_argument);
}

TEST_F(CalendarsTest, ACalendarWithoutBusinessDaysIsAClearError) {
  calendars.set_weekend("LV", {0, 1, 2, 3, 4, 5, 6});
  auto error = EXPECT_CRM_ERROR(calendars.add_business_days("LV", Date(2025, 1, 1), 1), ErrorCode::invalid_argument);
  EXPECT_NE(std::string(error.what()).find("no business day"), std::string::npos);
}

}  // namespace
}  // namespace crm
