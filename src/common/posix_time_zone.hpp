// POSIX TZ rules ("EET-2EEST,M3.5.0/3,M10.5.0/4", "<+04>-4"): one offset and
// one daylight-saving rule for every year, read with Boost.Date_Time's
// posix_time_zone. (date/ptz.h, which would read them with date/tz.h, does
// not compile as C++20 in the Debian package 3.0.1.)
#pragma once

#include <memory>
#include <string>

#include "crm/time.hpp"

namespace crm::detail {

/// A time zone given by a POSIX TZ rule.
class PosixTimeZone {
 public:
  /// Reads `rule` (POSIX signs: "EET-2" is UTC+2; quoted names such as
  /// "<-03>" allowed). Throws invalid_argument naming `rule` when it is not
  /// one.
  explicit PosixTimeZone(const std::string& rule);

  /// The local date at a UTC instant.
  Date local_date(const Instant& utc) const;
  /// The UTC instant at which local `day` starts: 00:00 local time; the
  /// first existing half hour on a day that skips midnight; the first of two
  /// midnights on a day that falls back at midnight.
  Instant start_of_day(const Date& day) const;

 private:
  struct Rule;
  std::shared_ptr<const Rule> rule_;
};

}  // namespace crm::detail
