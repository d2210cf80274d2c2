// Time zones for local days (agendas): IANA names via the system's zoneinfo,
// POSIX TZ rules, or UTC.
#pragma once

#include <memory>
#include <string>

#include "crm/time.hpp"

namespace crm::detail {

/// A time zone's current rule; converts local days to UTC instants.
class TimeZone {
 public:
  /// "UTC" (or empty), an IANA name such as "Europe/Riga" (its rule read from
  /// /usr/share/zoneinfo), or a POSIX TZ string such as "EET-2EEST,M3.5.0/3,M10.5.0/4".
  /// Throws invalid_argument for a name it cannot understand.
  static TimeZone named(const std::string& name);

  /// The local date at a UTC instant.
  Date local_date(const Instant& utc) const;
  /// The UTC instant at which local `day` starts (00:00 local time; the
  /// first existing minute on a day that skips midnight).
  Instant start_of_day(const Date& day) const;

 private:
  // named() without its cache: reads the zoneinfo file or the rule.
  static TimeZone read(const std::string& name);

  struct Rule;
  std::shared_ptr<const Rule> rule_;  // null: UTC
};

}  // namespace crm::detail
