// crmcore: business days per country, from weekends and a holiday calendar
// that the embedder fills.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "crm/time.hpp"

namespace crm {

namespace detail {
class Session;
struct StoreAccess;
}

/// A public holiday of a country.
struct Holiday {
  std::string country{};  ///< ISO 3166-1 alpha-2.
  Date day{};
  std::string name{};

  friend bool operator==(const Holiday&, const Holiday&) = default;
};

/// Weekends and holidays per country (db.calendars()). Countries without a
/// weekend set rest on Saturday and Sunday. Throws crm::Error.
class Calendars {
 public:

  /// Adds (or renames) a holiday.
  void add_holiday(const std::string& country, const Date& day, const std::string& name);
  /// Removes a holiday; not_found when there is none that day.
  void remove_holiday(const std::string& country, const Date& day);
  /// The holidays of `country` from `from` to `to` inclusive, in order.
  std::vector<Holiday> holidays(const std::string& country, const Date& from, const Date& to) const;
  /// Sets the weekend days of `country` (0 = Sunday ... 6 = Saturday); may be empty.
  void set_weekend(const std::string& country, const std::vector<int>& weekdays);
  /// The weekend days of `country` (0 = Sunday ... 6 = Saturday).
  std::vector<int> weekend(const std::string& country) const;
  /// True when `day` is neither a weekend day nor a holiday in `country`.
  bool is_business_day(const std::string& country, const Date& day) const;
  /// The date `days` business days after `from` (before, when negative):
  /// "5 business days from now". 0 gives `from` itself when it is a business
  /// day, else the next one. invalid_argument when the calendar has no
  /// business day within a year of searching.
  Date add_business_days(const std::string& country, const Date& from, int days) const;

 private:
  friend struct detail::StoreAccess;  // constructs stores: Database and the implementation
  explicit Calendars(detail::Session& session) : session_(session) {}
  detail::Session& session_;
};

}  // namespace crm
