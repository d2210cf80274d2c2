// Time zones for local days (agendas): IANA names with their whole history
// from the system's tzdata (Howard Hinnant's date/tz.h over
// /usr/share/zoneinfo), POSIX TZ rules, or UTC.
#pragma once

#include <memory>
#include <string>

#include "crm/time.hpp"

namespace crm::detail {

/// A time zone with every rule it has had; converts between UTC instants and
/// local days. Copies share the rules and are cheap; safe to use from many
/// threads.
class TimeZone {
 public:
  /// "UTC" (or empty, "Etc/UTC", "Z"); an IANA name such as "Europe/Riga",
  /// with the offsets and daylight-saving rules of every period of its
  /// history, read from the system's tzdata (/usr/share/zoneinfo, Debian
  /// package tzdata); or a POSIX TZ rule such as "EET-2EEST,M3.5.0/3,M10.5.0/4"
  /// or "<+04>-4", which has one rule for all years. A name the tzdata knows is
  /// read as that zone, even when it is also a valid POSIX rule ("EST5EDT").
  /// Throws invalid_argument for a name that is neither.
  static TimeZone named(const std::string& name);

  /// The local date at a UTC instant, by the offset in force at that instant.
  /// A special (not-a-date-time) instant gives its special date.
  Date local_date(const Instant& utc) const;
  /// The UTC instant at which local `day` starts: 00:00 local time by the
  /// rules in force on that day; on a day that skips midnight (a change to
  /// daylight saving at 00:00) the first local time that exists; when
  /// midnight happens twice, the first one. A special date gives its special
  /// instant.
  Instant start_of_day(const Date& day) const;

 private:
  struct Rules;
  std::shared_ptr<const Rules> rules_;  // null: UTC
};

}  // namespace crm::detail
