// crmcore: dates, UTC instants and birthdays, built on Boost.Date_Time.
// In the database they are ISO-8601 text, readable with any SQLite tool.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <string_view>

#include <boost/date_time/gregorian/gregorian_types.hpp>
#include <boost/date_time/posix_time/posix_time_types.hpp>

namespace crm {

/// A calendar date without time zone.
using Date = boost::gregorian::date;
/// A point in time, always UTC, microsecond resolution.
using Instant = boost::posix_time::ptime;
/// A source of the current UTC instant; tests inject a fixed one.
using Clock = std::function<Instant()>;

/// The current UTC instant from the system clock.
Instant utc_now();

/// "YYYY-MM-DD". Throws Error(invalid_argument) for a special (not-a-date) value.
std::string format_date(const Date& date);
/// Reads "YYYY-MM-DD"; throws Error(invalid_argument) naming the text.
Date parse_date(std::string_view text);

/// "YYYY-MM-DDTHH:MM:SS.ffffffZ", fixed width so that text order is time order.
std::string format_instant(const Instant& instant);
/// Reads ISO 8601 "YYYY-MM-DDTHH:MM[:SS[.fraction]]" followed by "Z" or an
/// offset "+HH:MM"/"-HH:MM" and converts to UTC. A space may replace the "T".
/// Throws Error(invalid_argument) naming the text.
Instant parse_instant(std::string_view text);

/// A birthday whose year may be unknown. 29 February is allowed without a
/// year or in a leap year.
struct Birthday {
  std::optional<int> year;  ///< Birth year, when known.
  int month = 1;            ///< 1..12
  int day = 1;              ///< 1..31, valid for the month

  /// "YYYY-MM-DD", or "--MM-DD" when the year is unknown (ISO 8601 / vCard).
  std::string to_string() const;
  /// Reads the forms to_string() writes; throws Error(invalid_argument).
  static Birthday parse(std::string_view text);
  /// Throws Error(invalid_argument) naming `field` unless month and day form a
  /// real date (in `year` when given) and the date is not after `today`.
  void validate(const Date& today, std::string_view field) const;

  friend bool operator==(const Birthday&, const Birthday&) = default;
};

}  // namespace crm
