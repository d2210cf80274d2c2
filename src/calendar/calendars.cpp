#include <algorithm>

#include "calendar/business_days.hpp"
#include "common/fields.hpp"
#include "crm/calendar.hpp"
#include "crm/error.hpp"
#include "storage/errors.hpp"
#include "storage/session.hpp"
#include "storage/sql_values.hpp"

namespace crm {
namespace detail {
namespace {

constexpr int kSaturdayAndSunday = (1 << 0) | (1 << 6);

int weekend_mask(Session& session, const std::string& country) {
  auto statement = session.prepare("SELECT weekdays FROM weekends WHERE country = ?");
  statement->bind(1, country);
  return statement->executeStep() ? statement->getColumn(0).getInt() : kSaturdayAndSunday;
}

bool is_holiday(Session& session, const std::string& country, const Date& day) {
  auto statement = session.prepare("SELECT 1 FROM holidays WHERE country = ? AND day = ?");
  statement->bind(1, country);
  statement->bind(2, format_date(day));
  return statement->executeStep();
}

bool business_day(Session& session, const std::string& country, int mask, const Date& day) {
  return (mask & (1 << day.day_of_week().as_number())) == 0 && !is_holiday(session, country, day);
}

std::string country_of(const std::string& country) {
  std::string code = clean_country(country, "country");
  if (code.empty()) throw Error(ErrorCode::invalid_argument, "country: is required", "country");
  return code;
}

}  // namespace

bool is_business_day(Session& session, const std::string& country, const Date& day) {
  return business_day(session, country, weekend_mask(session, country), day);
}

Date add_business_days(Session& session, const std::string& country, const Date& from, int days) {
  const int mask = weekend_mask(session, country);
  const int step = days < 0 ? -1 : 1;
  int remaining = days < 0 ? -days : days;
  Date day = from;
  int searched = 0;  // consecutive days without a business day
  const auto advance = [&] {
    day += boost::gregorian::days(step);
    if (++searched > 366)
      throw Error(ErrorCode::invalid_argument,
                  "calendar: " + country + " has no business day within a year of " + format_date(from) +
                      " (every day is a weekend day or a holiday)",
                  "calendar");
  };
  if (remaining == 0) {
    while (!business_day(session, country, mask, day)) advance();
    return day;
  }
  while (remaining > 0) {
    advance();
    if (business_day(session, country, mask, day)) {
      --remaining;
      searched = 0;
    }
  }
  return day;
}

}  // namespace detail

using namespace detail;

void Calendars::add_holiday(const std::string& country, const Date& day, const std::string& name) {
  guarded([&] {
    const std::string code = country_of(country);
    const std::string clean_name = clean_line(name, "holiday.name");
    WriteScope scope(session_);
    auto insert = session_.prepare("INSERT OR REPLACE INTO holidays (country, day, name) VALUES (?, ?, ?)");
    insert->bind(1, code);
    insert->bind(2, format_date(day));
    bind_text_or_null(*insert, 3, clean_name);
    insert->exec();
    scope.commit();
  });
}

void Calendars::remove_holiday(const std::string& country, const Date& day) {
  guarded([&] {
    const std::string code = country_of(country);
    WriteScope scope(session_);
    auto remove = session_.prepare("DELETE FROM holidays WHERE country = ? AND day = ?");
    remove->bind(1, code);
    remove->bind(2, format_date(day));
    remove->exec();
    if (session_.changes() == 0)
      throw Error(ErrorCode::not_found, "holiday: " + code + " has no holiday on " + format_date(day), "day");
    scope.commit();
  });
}

std::vector<Holiday> Calendars::holidays(const std::string& country, const Date& from, const Date& to) const {
  return guarded_read(session_, [&] {
    const std::string code = country_of(country);
    auto statement = session_.prepare(
        "SELECT day, name FROM holidays WHERE country = ? AND day BETWEEN ? AND ? ORDER BY day");
    statement->bind(1, code);
    statement->bind(2, format_date(from));
    statement->bind(3, format_date(to));
    std::vector<Holiday> result;
    while (statement->executeStep())
      result.push_back({code, parse_date(statement->getColumn(0).getString()), column_text(*statement, 1)});
    return result;
  });
}

void Calendars::set_weekend(const std::string& country, const std::vector<int>& weekdays) {
  guarded([&] {
    const std::string code = country_of(country);
    int mask = 0;
    for (int day : weekdays) {
      if (day < 0 || day > 6)
        throw Error(ErrorCode::invalid_argument,
                    "weekdays: " + std::to_string(day) + " is not a weekday (0 = Sunday ... 6 = Saturday)", "weekdays");
      mask |= 1 << day;
    }
    WriteScope scope(session_);
    auto insert = session_.prepare("INSERT OR REPLACE INTO weekends (country, weekdays) VALUES (?, ?)");
    insert->bind(1, code);
    insert->bind(2, mask);
    insert->exec();
    scope.commit();
  });
}

std::vector<int> Calendars::weekend(const std::string& country) const {
  return guarded_read(session_, [&] {
    const int mask = weekend_mask(session_, country_of(country));
    std::vector<int> days;
    for (int day = 0; day < 7; ++day)
      if (mask & (1 << day)) days.push_back(day);
    return days;
  });
}

bool Calendars::is_business_day(const std::string& country, const Date& day) const {
  return guarded_read(session_, [&] { return detail::is_business_day(session_, country_of(country), day); });
}

Date Calendars::add_business_days(const std::string& country, const Date& from, int days) const {
  return guarded_read(session_, [&] { return detail::add_business_days(session_, country_of(country), from, days); });
}

}  // namespace crm
