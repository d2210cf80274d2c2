#include "common/posix_time_zone.hpp"

#include <cctype>
#include <exception>

#include <boost/date_time/local_time/local_time.hpp>

#include "crm/error.hpp"

namespace crm::detail {
namespace {

namespace lt = boost::local_time;

[[noreturn]] void refuse(const std::string& rule, const std::string& why) {
  throw Error(ErrorCode::invalid_argument, "time_zone: '" + rule + "' " + why, "time_zone");
}

// A POSIX TZ rule in Boost's notation: Boost reads UTC offsets with the
// opposite sign to POSIX ("EET-2" is UTC+2 in POSIX, UTC-2 to Boost) and does
// not know quoted names such as "<+04>"; the transition rules are the same.
std::string boost_rule(const std::string& posix) {
  std::string out;
  std::size_t i = 0;
  const auto zone_name = [&](const char* placeholder) {
    if (i < posix.size() && posix[i] == '<') {
      const auto close = posix.find('>', i);
      if (close == std::string::npos) refuse(posix, "has an unterminated <name> in its TZ rule");
      i = close + 1;
      out += placeholder;
      return;
    }
    const std::size_t start = i;
    while (i < posix.size() && std::isalpha(static_cast<unsigned char>(posix[i]))) ++i;
    if (i - start < 3) refuse(posix, "is neither a time zone of the system's tzdata nor a POSIX TZ rule");
    out += posix.substr(start, i - start);
  };
  const auto offset = [&] {
    bool west_of_utc = true;  // POSIX: no sign or '+' means west, i.e. behind UTC
    if (i < posix.size() && (posix[i] == '+' || posix[i] == '-')) west_of_utc = posix[i++] == '+';
    const std::size_t start = i;
    while (i < posix.size() && (std::isdigit(static_cast<unsigned char>(posix[i])) || posix[i] == ':')) ++i;
    if (i == start) refuse(posix, "has no UTC offset in its TZ rule");
    out += west_of_utc ? "-" : "+";
    out += posix.substr(start, i - start);
  };
  zone_name("STD");
  offset();
  if (i < posix.size() && posix[i] != ',') {
    zone_name("DST");
    if (i < posix.size() && posix[i] != ',') offset();
  }
  return out + posix.substr(i);
}

}  // namespace

struct PosixTimeZone::Rule {
  lt::time_zone_ptr zone;
};

PosixTimeZone::PosixTimeZone(const std::string& rule) {
  const std::string boost = boost_rule(rule);
  try {
    rule_ = std::make_shared<const Rule>(Rule{lt::time_zone_ptr(new lt::posix_time_zone(boost))});
  } catch (const std::exception&) {
    refuse(rule, "is neither a time zone of the system's tzdata nor a POSIX TZ rule");
  }
}

Date PosixTimeZone::local_date(const Instant& utc) const {
  return lt::local_date_time(utc, rule_->zone).local_time().date();
}

Instant PosixTimeZone::start_of_day(const Date& day) const {
  using Local = lt::local_date_time;
  for (int minutes = 0; minutes < 24 * 60; minutes += 30) {
    const boost::posix_time::minutes time(minutes);
    const auto dst = Local::check_dst(day, time, rule_->zone);
    if (dst == boost::date_time::invalid_time_label) continue;  // skipped by a change to summer time
    // Twice on a day that falls back at midnight: the first time, still in summer time.
    return Local(day, time, rule_->zone, dst != boost::date_time::is_not_in_dst).utc_time();
  }
  return Instant(day);  // no rule moves clocks by a whole day
}

}  // namespace crm::detail
