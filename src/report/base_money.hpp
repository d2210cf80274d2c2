// Money of many currencies summed into a report's base currency: amounts are
// added per currency and exchange rate in minor units, and each such sum is
// converted once with that rate, rounded half away from zero.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <tuple>
#include <vector>

#include "crm/currency.hpp"
#include "crm/time.hpp"
#include "query/compiler.hpp"

namespace crm::detail {

class Session;

/// One money cell of a report, before conversion: sums per currency and rate.
class MoneySum {
 public:
  /// Adds `minor` units of `currency`, to be converted with the rate `rate_id`
  /// (nullopt: none found, or none needed for the base currency) that is
  /// valid on `day`.
  void add(std::string_view currency, std::optional<std::int64_t> rate_id, const Date& day, std::int64_t minor);
  /// Adds every part of `other`.
  void add(const MoneySum& other);
  /// True when nothing was added.
  bool empty() const noexcept { return parts_.empty(); }

 private:
  friend class BaseCurrency;
  struct Part {
    std::int64_t minor = 0;
    Date earliest{};  // the earliest day summed: the day a missing rate is reported for
  };
  std::map<std::tuple<std::string, std::int64_t>, Part> parts_;  // rate id -1: none
};

/// The base currency of a report and the rates it used.
class BaseCurrency {
 public:
  /// Reads the base currency of `session`'s database.
  explicit BaseCurrency(Session& session);

  /// The ISO 4217 code.
  const std::string& code() const noexcept { return code_; }
  /// SQL giving the id of the rate that converts `currency_sql` on `day_sql`
  /// to the base currency: NULL for the base currency itself or when no rate
  /// is valid then. Binds parameter() (":base").
  std::string rate_id_sql(std::string_view currency_sql, std::string_view day_sql) const;
  /// The parameter rate_id_sql() binds.
  SqlParameter parameter() const { return {":base", code_}; }
  /// The id of the rate valid for `currency` on `day` (looked up and cached),
  /// nullopt for the base currency or without a rate.
  std::optional<std::int64_t> rate_id(std::string_view currency, const Date& day);

  /// `sum` in base minor units. Throws not_found naming the pair and the day
  /// for a currency without a rate.
  std::int64_t total(const MoneySum& sum);
  /// Base minor units as money in the base currency (a report's decimal cell).
  Money money(std::int64_t minor) const;
  /// Each rate total() used, by pair then day.
  std::vector<ExchangeRate> rates_used() const;

 private:
  const ExchangeRate& rate(std::int64_t id);

  Session& session_;
  std::string code_;
  std::map<std::int64_t, ExchangeRate> used_;
  std::map<std::tuple<std::string, Date>, std::optional<std::int64_t>> lookups_;
};

}  // namespace crm::detail
