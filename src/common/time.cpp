#include "crm/time.hpp"

#include <charconv>
#include <cstdio>

#include <boost/date_time/posix_time/posix_time.hpp>

#include "crm/error.hpp"

namespace crm {
namespace {

[[noreturn]] void bad(std::string_view text, const char* expected) {
  throw Error(ErrorCode::invalid_argument,
              "'" + std::string(text) + "' is not a valid " + expected);
}

// Reads exactly `width` decimal digits at `pos`, advancing it; -1 if absent.
int read_digits(std::string_view text, std::size_t& pos, std::size_t width) {
  if (pos + width > text.size()) return -1;
  int value = 0;
  for (std::size_t i = 0; i < width; ++i) {
    const char c = text[pos + i];
    if (c < '0' || c > '9') return -1;
    value = value * 10 + (c - '0');
  }
  pos += width;
  return value;
}

bool expect(std::string_view text, std::size_t& pos, char c) {
  if (pos < text.size() && text[pos] == c) {
    ++pos;
    return true;
  }
  return false;
}

int days_in_month(int year, int month) {
  return boost::gregorian::gregorian_calendar::end_of_month_day(static_cast<unsigned short>(year),
                                                                static_cast<unsigned short>(month));
}

// Reads "YYYY-MM-DD" at pos; the date must exist in the calendar.
std::optional<Date> read_date(std::string_view text, std::size_t& pos) {
  const int year = read_digits(text, pos, 4);
  if (year < 0 || !expect(text, pos, '-')) return std::nullopt;
  const int month = read_digits(text, pos, 2);
  if (month < 0 || !expect(text, pos, '-')) return std::nullopt;
  const int day = read_digits(text, pos, 2);
  if (day < 0 || year < 1400 || month < 1 || month > 12 || day < 1) return std::nullopt;
  if (day > days_in_month(year, month)) return std::nullopt;
  return Date(static_cast<unsigned short>(year), static_cast<unsigned short>(month),
              static_cast<unsigned short>(day));
}

}  // namespace

Instant utc_now() { return boost::posix_time::microsec_clock::universal_time(); }

std::string format_date(const Date& date) {
  if (date.is_special()) throw Error(ErrorCode::invalid_argument, "date: not a date");
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02d", static_cast<int>(date.year()),
                static_cast<int>(date.month()), static_cast<int>(date.day()));
  return buffer;
}

Date parse_date(std::string_view text) {
  std::size_t pos = 0;
  auto date = read_date(text, pos);
  if (!date || pos != text.size()) bad(text, "date (YYYY-MM-DD)");
  return *date;
}

std::string format_instant(const Instant& instant) {
  if (instant.is_special()) throw Error(ErrorCode::invalid_argument, "instant: not a date-time");
  const auto time = instant.time_of_day();
  char buffer[40];
  std::snprintf(buffer, sizeof buffer, "%sT%02d:%02d:%02d.%06lldZ", format_date(instant.date()).c_str(),
                static_cast<int>(time.hours()), static_cast<int>(time.minutes()),
                static_cast<int>(time.seconds()),
                static_cast<long long>(time.fractional_seconds() * (1000000 / time.ticks_per_second())));
  return buffer;
}

Instant parse_instant(std::string_view text) {
  constexpr const char* expected = "UTC date-time (YYYY-MM-DDTHH:MM:SS[.ffffff]Z or an offset +HH:MM)";
  std::size_t pos = 0;
  auto date = read_date(text, pos);
  if (!date || !(expect(text, pos, 'T') || expect(text, pos, ' '))) bad(text, expected);
  const int hour = read_digits(text, pos, 2);
  if (hour < 0 || !expect(text, pos, ':')) bad(text, expected);
  const int minute = read_digits(text, pos, 2);
  int second = 0;
  long long micros = 0;
  if (expect(text, pos, ':')) {
    second = read_digits(text, pos, 2);
    if (expect(text, pos, '.')) {
      int scale = 100000;
      const std::size_t start = pos;
      while (pos < text.size() && text[pos] >= '0' && text[pos] <= '9') {
        micros += (text[pos] - '0') * scale;
        scale /= 10;
        ++pos;
      }
      if (pos == start) bad(text, expected);
    }
  }
  if (minute < 0 || second < 0 || hour > 23 || minute > 59 || second > 59) bad(text, expected);
  int offset_minutes = 0;
  if (!expect(text, pos, 'Z')) {
    const bool plus = expect(text, pos, '+');
    if (!plus && !expect(text, pos, '-')) bad(text, expected);
    const int oh = read_digits(text, pos, 2);
    expect(text, pos, ':');  // "+02:00" and "+0200" are both ISO 8601
    const int om = read_digits(text, pos, 2);
    if (oh < 0 || om < 0 || oh > 23 || om > 59) bad(text, expected);
    offset_minutes = (plus ? 1 : -1) * (oh * 60 + om);
  }
  if (pos != text.size()) bad(text, expected);
  namespace pt = boost::posix_time;
  try {
    const Instant instant(*date, pt::hours(hour) + pt::minutes(minute - offset_minutes) + pt::seconds(second) +
                                     pt::microseconds(micros));
    if (instant.is_special() || instant.date().year() < 1400 || instant.date().year() > 9999)
      bad(text, "date-time between the years 1400 and 9999");
    return instant;
  } catch (const std::out_of_range&) {
    bad(text, "date-time between the years 1400 and 9999");
  }
}

std::string Birthday::to_string() const {
  char buffer[32];
  if (year)
    std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02d", *year, month, day);
  else
    std::snprintf(buffer, sizeof buffer, "--%02d-%02d", month, day);
  return buffer;
}

Birthday Birthday::parse(std::string_view text) {
  Birthday birthday;
  std::size_t pos = 0;
  if (text.starts_with("--")) {
    pos = 2;
  } else {
    birthday.year = read_digits(text, pos, 4);
    if (*birthday.year < 0 || !expect(text, pos, '-')) bad(text, "birthday (YYYY-MM-DD or --MM-DD)");
  }
  birthday.month = read_digits(text, pos, 2);
  const bool dash = expect(text, pos, '-');
  birthday.day = read_digits(text, pos, 2);
  if (birthday.month < 0 || !dash || birthday.day < 0 || pos != text.size())
    bad(text, "birthday (YYYY-MM-DD or --MM-DD)");
  return birthday;
}

void Birthday::validate(const Date& today, std::string_view field) const {
  const std::string where(field);
  const int leap_year = 2000;  // any leap year admits 29 February
  const int y = year.value_or(leap_year);
  const bool real = y >= 1400 && y <= 9999 && month >= 1 && month <= 12 && day >= 1 &&
                    day <= days_in_month(y, month);
  if (!real)
    throw Error(ErrorCode::invalid_argument, where + ": '" + to_string() + "' is not a real date", where);
  if (year && Date(static_cast<unsigned short>(y), static_cast<unsigned short>(month),
                   static_cast<unsigned short>(day)) > today)
    throw Error(ErrorCode::invalid_argument, where + ": '" + to_string() + "' is in the future", where);
}

}  // namespace crm
