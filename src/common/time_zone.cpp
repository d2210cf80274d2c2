#include "common/time_zone.hpp"

#include <chrono>
#include <exception>
#include <variant>

#include <date/tz.h>

#include "common/posix_time_zone.hpp"
#include "crm/error.hpp"

namespace crm::detail {
namespace {

using Micros = std::chrono::microseconds;

[[noreturn]] void unknown(const std::string& name, const std::string& why) {
  throw Error(ErrorCode::invalid_argument, "time_zone: '" + name + "' " + why, "time_zone");
}

const Instant& unix_epoch() {
  static const Instant epoch(Date(1970, 1, 1));
  return epoch;
}

date::sys_time<Micros> to_sys(const Instant& utc) {
  return date::sys_time<Micros>(Micros((utc - unix_epoch()).total_microseconds()));
}

Instant to_instant(const date::sys_time<Micros>& utc) {
  return unix_epoch() + boost::posix_time::microseconds(utc.time_since_epoch().count());
}

Date to_date(const date::local_days& day) {
  const date::year_month_day ymd(day);
  return Date(static_cast<unsigned short>(static_cast<int>(ymd.year())), static_cast<unsigned short>(unsigned(ymd.month())),
              static_cast<unsigned short>(unsigned(ymd.day())));
}

date::local_days to_local_days(const Date& day) {
  return date::local_days(date::year_month_day(date::year(day.year()), date::month(day.month()), date::day(day.day())));
}

// The system's tzdata as date/tz.h reads it, or null when it is not
// installed (no /usr/share/zoneinfo).
const date::tzdb* system_tzdata() {
  try {
    return &date::get_tzdb();
  } catch (const std::exception&) {
    return nullptr;
  }
}

// The zone of the system's tzdata named `name`, or null. (The shared
// libdate-tz exports date::locate_zone, not tzdb::locate_zone.)
const date::time_zone* tzdata_zone(const std::string& name) {
  try {
    return date::locate_zone(name);
  } catch (const std::exception&) {  // "<name> not found in timezone database"
    return nullptr;
  }
}

}  // namespace

// An IANA zone of the tzdata (owned by date's tzdb, which lives as long as the
// process) or a POSIX rule.
struct TimeZone::Rules {
  std::variant<const date::time_zone*, PosixTimeZone> zone;
};

TimeZone TimeZone::named(const std::string& name) {
  TimeZone zone;
  if (name.empty() || name == "UTC" || name == "Etc/UTC" || name == "Z") return zone;
  const date::tzdb* tzdata = system_tzdata();
  if (const date::time_zone* iana = tzdata ? tzdata_zone(name) : nullptr) {
    zone.rules_ = std::make_shared<const Rules>(Rules{iana});
    return zone;
  }
  // Not in the tzdata: a POSIX rule names a zone and its offset ("<+04>-4"),
  // so it holds a digit; a name without one is a misspelt or unknown zone.
  if (name.find_first_of("0123456789") == std::string::npos)
    unknown(name, tzdata ? "is not a time zone of the system's tzdata (/usr/share/zoneinfo)"
                         : "cannot be looked up: the system's tzdata is not installed (Debian package tzdata)");
  zone.rules_ = std::make_shared<const Rules>(Rules{PosixTimeZone(name)});
  return zone;
}

Date TimeZone::local_date(const Instant& utc) const {
  if (!rules_ || utc.is_special()) return utc.date();
  if (const auto* posix = std::get_if<PosixTimeZone>(&rules_->zone)) return posix->local_date(utc);
  const date::time_zone& iana = *std::get<const date::time_zone*>(rules_->zone);
  return to_date(date::floor<date::days>(iana.to_local(to_sys(utc))));
}

Instant TimeZone::start_of_day(const Date& day) const {
  if (!rules_ || day.is_special()) return Instant(day);
  if (const auto* posix = std::get_if<PosixTimeZone>(&rules_->zone)) return posix->start_of_day(day);
  const date::time_zone& iana = *std::get<const date::time_zone*>(rules_->zone);
  // A local time that does not exist gives the instant of the change (the
  // first that does); one that happens twice, the first of them.
  return to_instant(date::sys_time<Micros>(iana.to_sys(to_local_days(day), date::choose::earliest)));
}

}  // namespace crm::detail
