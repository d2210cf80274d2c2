// crmcore: the base currency reports are written in, and a dated table of
// exchange rates to convert other currencies into it.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "crm/money.hpp"
#include "crm/time.hpp"

namespace crm {

namespace detail {
class Session;
struct StoreAccess;
}

/// How many units of `to` one unit of `from` buys from `valid_from` on,
/// until the next rate of the same pair.
struct ExchangeRate {
  std::string from{};   ///< ISO 4217 code converted from ("USD").
  std::string to{};     ///< ISO 4217 code converted to ("EUR").
  Date valid_from{};    ///< First day the rate applies.
  /// The rate as an exact decimal ("0.9234"): positive, at most 12 decimals
  /// and 18 significant digits in all. Stored in canonical form: no leading
  /// zeros, no trailing decimal zeros, no '.' for a whole number ("0.92340"
  /// is kept as "0.9234", "1.0" as "1").
  std::string rate{};

  friend bool operator==(const ExchangeRate&, const ExchangeRate&) = default;
};

/// The currencies of a Database (db.currencies()). A new database's base
/// currency is EUR. Conversion is exact: the amount in minor units times the
/// rate, rounded half away from zero to the target's minor unit. Throws crm::Error.
class Currencies {
 public:

  /// The currency reports sum in.
  std::string base() const;
  /// Makes `code` the base currency; invalid_argument for anything but an
  /// ISO 4217 code in capitals.
  void set_base(std::string_view code);

  /// Records (or replaces) the rate of from -> to valid from `valid_from`.
  /// invalid_argument for unknown or equal codes or a rate that is not a
  /// positive decimal within the limits above (white space around it is
  /// ignored; "1e3", ",", signs and a bare ".5" are refused). Returns the
  /// rate as stored.
  ExchangeRate set_rate(std::string_view from, std::string_view to, const Date& valid_from, std::string_view rate);
  /// Deletes the rate of from -> to starting on `valid_from`; not_found when
  /// there is none.
  void remove_rate(std::string_view from, std::string_view to, const Date& valid_from);
  /// The rate of from -> to valid on `day`: the latest one starting on or
  /// before it. Only this pair counts (no inverse or cross rate). not_found
  /// naming the pair and the day when there is none ("exchange_rate: no
  /// rate USD->EUR on 2025-02-28 ...").
  ExchangeRate rate(std::string_view from, std::string_view to, const Date& day) const;
  /// The rates of one pair (both codes given), of one source currency (`to`
  /// empty), into one currency (`from` empty), or all (both empty); by
  /// pair, then day.
  std::vector<ExchangeRate> rates(std::string_view from = {}, std::string_view to = {}) const;
  /// `amount` in currency `to` at the rate valid on `day` (itself when it
  /// already is in `to`). not_found naming the pair and day without a rate;
  /// invalid_argument when the result does not fit.
  Money convert(const Money& amount, std::string_view to, const Date& day) const;

 private:
  friend struct detail::StoreAccess;  // constructs stores: Database and the implementation
  explicit Currencies(detail::Session& session) : session_(session) {}
  detail::Session& session_;
};

/// `amount` converted with `rate` (whose `from` must be the amount's
/// currency) to rate.to, rounded half away from zero. Throws
/// invalid_argument for a mismatched currency, a malformed rate or overflow.
Money convert_at(const Money& amount, const ExchangeRate& rate);

}  // namespace crm
