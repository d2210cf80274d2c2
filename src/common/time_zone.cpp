#include "common/time_zone.hpp"

#include <fstream>
#include <map>
#include <mutex>
#include <sstream>

#include <boost/date_time/local_time/local_time.hpp>

#include "crm/error.hpp"

namespace crm::detail {
namespace {

namespace lt = boost::local_time;

[[noreturn]] void unknown(const std::string& name, const std::string& why) {
  throw Error(ErrorCode::invalid_argument, "time_zone: '" + name + "' " + why, "time_zone");
}

bool looks_like_iana(const std::string& name) {
  if (name.find("..") != std::string::npos || name.front() == '/') return false;
  for (char c : name)
    if (!(std::isalnum(static_cast<unsigned char>(c)) || c == '/' || c == '_' || c == '-' || c == '+')) return false;
  return name.find('/') != std::string::npos;
}

// TZif files of version 2 and later end with "\n<POSIX TZ rule>\n".
std::string posix_rule_of_zoneinfo(const std::string& name) {
  std::ifstream in("/usr/share/zoneinfo/" + name, std::ios::binary);
  if (!in) unknown(name, "is not in /usr/share/zoneinfo (install tzdata, or give a POSIX TZ rule)");
  std::stringstream content;
  content << in.rdbuf();
  const std::string data = content.str();
  if (data.size() < 5 || data.compare(0, 4, "TZif") != 0 || data[4] < '2') unknown(name, "has no usable TZif data");
  const auto end = data.rfind('\n');
  const auto start = end == std::string::npos || end == 0 ? std::string::npos : data.rfind('\n', end - 1);
  if (start == std::string::npos) unknown(name, "has no POSIX rule at the end of its TZif data");
  return data.substr(start + 1, end - start - 1);
}

// A POSIX TZ rule in Boost's notation: Boost reads UTC offsets with the
// opposite sign to POSIX ("EET-2" is UTC+2 in POSIX, UTC-2 to Boost) and does
// not know quoted names such as "<+04>"; the transition rules are the same.
std::string boost_rule(const std::string& name, const std::string& posix) {
  std::string out;
  std::size_t i = 0;
  const auto zone_name = [&](const char* placeholder) {
    if (i < posix.size() && posix[i] == '<') {
      const auto close = posix.find('>', i);
      if (close == std::string::npos) unknown(name, "has an unterminated <name> in its TZ rule");
      i = close + 1;
      out += placeholder;
      return;
    }
    const std::size_t start = i;
    while (i < posix.size() && std::isalpha(static_cast<unsigned char>(posix[i]))) ++i;
    if (i - start < 3) unknown(name, "is neither an IANA time zone name nor a POSIX TZ rule");
    out += posix.substr(start, i - start);
  };
  const auto offset = [&] {
    bool west_of_utc = true;  // POSIX: no sign or '+' means west, i.e. behind UTC
    if (i < posix.size() && (posix[i] == '+' || posix[i] == '-')) west_of_utc = posix[i++] == '+';
    const std::size_t start = i;
    while (i < posix.size() && (std::isdigit(static_cast<unsigned char>(posix[i])) || posix[i] == ':')) ++i;
    if (i == start) unknown(name, "has no UTC offset in its TZ rule");
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

struct TimeZone::Rule {
  lt::time_zone_ptr zone;
};

TimeZone TimeZone::named(const std::string& name) {
  if (name.empty() || name == "UTC" || name == "Etc/UTC" || name == "Z") return TimeZone();
  // Agendas name the same few zones again and again: read each file once.
  static std::mutex mutex;
  static std::map<std::string, TimeZone> known;
  {
    const std::lock_guard<std::mutex> lock(mutex);
    if (const auto found = known.find(name); found != known.end()) return found->second;
  }
  TimeZone zone = read(name);
  const std::lock_guard<std::mutex> lock(mutex);
  if (known.size() >= 256) known.clear();
  known.emplace(name, zone);
  return zone;
}

TimeZone TimeZone::read(const std::string& name) {
  TimeZone zone;
  const std::string rule = boost_rule(name, looks_like_iana(name) ? posix_rule_of_zoneinfo(name) : name);
  try {
    zone.rule_ = std::make_shared<Rule>(Rule{lt::time_zone_ptr(new lt::posix_time_zone(rule))});
  } catch (const std::exception&) {
    unknown(name, "is neither an IANA time zone name nor a POSIX TZ rule");
  }
  return zone;
}

Date TimeZone::local_date(const Instant& utc) const {
  if (!rule_) return utc.date();
  return lt::local_date_time(utc, rule_->zone).local_time().date();
}

Instant TimeZone::start_of_day(const Date& day) const {
  if (!rule_) return Instant(day);
  for (int minutes = 0; minutes < 24 * 60; minutes += 30) {
    lt::local_date_time local(day, boost::posix_time::minutes(minutes), rule_->zone,
                              lt::local_date_time::NOT_DATE_TIME_ON_ERROR);
    if (!local.is_not_a_date_time()) return local.utc_time();
  }
  return Instant(day);
}

}  // namespace crm::detail
