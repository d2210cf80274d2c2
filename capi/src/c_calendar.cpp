// Business-day calendars through the C ABI.
#include "c_records.hpp"

using namespace crm::capi;

namespace {

// Weekdays 0 (Sunday) .. 6 (Saturday) as bits 0 .. 6.
constexpr int kAllWeekdays = 0x7F;

}  // namespace

extern "C" {

crm_status crm_calendar_add_holiday(crm_db* db, const char* country, const char* day, const char* name) {
  CRM_REQUIRE(country);
  CRM_REQUIRE(day);
  CRM_REQUIRE(name);
  CRM_WITH_DB(db, {
    database.calendars().add_holiday(country, crm::parse_date(day), name);
    return CRM_OK;
  });
}

crm_status crm_calendar_remove_holiday(crm_db* db, const char* country, const char* day) {
  CRM_REQUIRE(country);
  CRM_REQUIRE(day);
  CRM_WITH_DB(db, {
    database.calendars().remove_holiday(country, crm::parse_date(day));
    return CRM_OK;
  });
}

crm_status crm_calendar_holidays(crm_db* db, const char* country, const char* from, const char* to,
                                 crm_cursor** out_cursor) {
  CRM_REQUIRE(out_cursor);
  *out_cursor = nullptr;
  CRM_REQUIRE(country);
  CRM_REQUIRE(from);
  CRM_REQUIRE(to);
  CRM_WITH_DB(db, {
    *out_cursor = cursor_over<HolidayItem>(
        db, database.calendars().holidays(country, crm::parse_date(from), crm::parse_date(to)));
    return CRM_OK;
  });
}

crm_status crm_cursor_holiday(const crm_cursor* cursor, const char** out_day, const char** out_name) {
  CRM_REQUIRE(cursor);
  CRM_REQUIRE(out_day);
  CRM_REQUIRE(out_name);
  const HolidayItem* item = nullptr;
  const crm_status status = cursor_record(cursor, &item, __func__);
  if (status != CRM_OK) return status;
  return guard([&] {
    *out_day = item->formatted.keep("day", crm::format_date(item->record.day));
    *out_name = item->record.name.c_str();
    return CRM_OK;
  });
}

crm_status crm_calendar_set_weekend(crm_db* db, const char* country, int weekday_mask) {
  CRM_REQUIRE(country);
  CRM_WITH_DB(db, {
    if (weekday_mask < 0 || weekday_mask > kAllWeekdays)
      return fail(CRM_INVALID_ARGUMENT,
                  "weekday_mask: " + std::to_string(weekday_mask) +
                      " is not a set of weekdays (bit 0 Sunday ... bit 6 Saturday)",
                  "weekday_mask");
    std::vector<int> weekdays;
    for (int day = 0; day < 7; ++day)
      if (weekday_mask & (1 << day)) weekdays.push_back(day);
    database.calendars().set_weekend(country, weekdays);
    return CRM_OK;
  });
}

crm_status crm_calendar_weekend(crm_db* db, const char* country, int* out_weekday_mask) {
  CRM_REQUIRE(country);
  CRM_REQUIRE(out_weekday_mask);
  CRM_WITH_DB(db, {
    int mask = 0;
    for (int day : database.calendars().weekend(country))
      if (day >= 0 && day < 7) mask |= 1 << day;
    *out_weekday_mask = mask;
    return CRM_OK;
  });
}

crm_status crm_calendar_is_business_day(crm_db* db, const char* country, const char* day, int* out_is_business_day) {
  CRM_REQUIRE(country);
  CRM_REQUIRE(day);
  CRM_REQUIRE(out_is_business_day);
  CRM_WITH_DB(db, {
    *out_is_business_day = database.calendars().is_business_day(country, crm::parse_date(day)) ? 1 : 0;
    return CRM_OK;
  });
}

crm_status crm_calendar_add_business_days(crm_db* db, const char* country, const char* from, int days,
                                          char** out_day) {
  CRM_REQUIRE(out_day);
  *out_day = nullptr;
  CRM_REQUIRE(country);
  CRM_REQUIRE(from);
  CRM_WITH_DB(db, {
    const crm::Date day = database.calendars().add_business_days(country, crm::parse_date(from), days);
    *out_day = owned_copy(crm::format_date(day));
    return CRM_OK;
  });
}

}  // extern "C"
