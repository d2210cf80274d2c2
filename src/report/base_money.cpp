#include "report/base_money.hpp"

#include <algorithm>

#include "crm/error.hpp"
#include "crm/money.hpp"
#include "storage/session.hpp"
#include "storage/settings.hpp"
#include "storage/store_access.hpp"

namespace crm::detail {
namespace {

constexpr std::int64_t kNoRate = -1;

std::int64_t checked_add(std::int64_t a, std::int64_t b) {
  std::int64_t sum = 0;
  if (__builtin_add_overflow(a, b, &sum)) throw Error(ErrorCode::invalid_argument, "report: a sum of money overflows");
  return sum;
}

}  // namespace

void MoneySum::add(std::string_view currency, std::optional<std::int64_t> rate_id, const Date& day,
                   std::int64_t minor) {
  auto [it, inserted] = parts_.try_emplace({std::string(currency), rate_id.value_or(kNoRate)}, Part{0, day});
  it->second.minor = checked_add(it->second.minor, minor);
  if (day < it->second.earliest) it->second.earliest = day;
}

void MoneySum::add(const MoneySum& other) {
  for (const auto& [key, part] : other.parts_) {
    const auto& [currency, rate] = key;
    add(currency, rate == kNoRate ? std::nullopt : std::optional(rate), part.earliest, part.minor);
  }
}

BaseCurrency::BaseCurrency(Session& session) : session_(session) {
  code_ = read_setting(session, "base_currency").value_or("EUR");
}

std::string BaseCurrency::rate_id_sql(std::string_view currency_sql, std::string_view day_sql) const {
  const std::string currency(currency_sql);
  return "(CASE WHEN " + currency + " = :base THEN NULL ELSE (SELECT rate.id FROM exchange_rates rate WHERE " +
         "rate.from_currency = " + currency + " AND rate.to_currency = :base AND rate.valid_from <= " +
         std::string(day_sql) + " ORDER BY rate.valid_from DESC LIMIT 1) END)";
}

std::optional<std::int64_t> BaseCurrency::rate_id(std::string_view currency, const Date& day) {
  if (currency == code_) return std::nullopt;
  auto [it, inserted] = lookups_.try_emplace({std::string(currency), day});
  if (!inserted) return it->second;
  // Named parameters only: a ":name" after "?1" would take index 2.
  auto statement = session_.prepare("SELECT " + rate_id_sql(":rate_currency", ":rate_day"));
  statement->bind(":rate_currency", std::string(currency));
  statement->bind(":rate_day", format_date(day));
  statement->bind(":base", code_);
  statement->executeStep();
  if (!statement->getColumn(0).isNull()) it->second = statement->getColumn(0).getInt64();
  return it->second;
}

const ExchangeRate& BaseCurrency::rate(std::int64_t id) {
  auto [it, inserted] = used_.try_emplace(id);
  if (!inserted) return it->second;
  auto statement =
      session_.prepare("SELECT from_currency, to_currency, valid_from, rate FROM exchange_rates WHERE id = ?");
  statement->bind(1, id);
  if (!statement->executeStep()) throw Error(ErrorCode::not_found, "exchange rate " + std::to_string(id) + " vanished");
  it->second = ExchangeRate{statement->getColumn(0).getString(), statement->getColumn(1).getString(),
                            parse_date(statement->getColumn(2).getString()), statement->getColumn(3).getString()};
  return it->second;
}

std::int64_t BaseCurrency::total(const MoneySum& sum) {
  std::int64_t total = 0;
  for (const auto& [key, part] : sum.parts_) {
    const auto& [currency, rate_id] = key;
    if (currency == code_) {
      total = checked_add(total, part.minor);
      continue;
    }
    // Currencies::rate() throws the library's not_found naming the pair and the day.
    if (rate_id == kNoRate) {
      detail::StoreAccess::make<Currencies>(session_).rate(currency, code_, part.earliest);
      throw Error(ErrorCode::not_found, "exchange rate: no " + currency + "->" + code_ + " rate on " +
                                            format_date(part.earliest));
    }
    total = checked_add(total, convert_at(Money(part.minor, currency), rate(rate_id)).minor_units());
  }
  return total;
}

Money BaseCurrency::money(std::int64_t minor) const { return Money(minor, code_); }

std::vector<ExchangeRate> BaseCurrency::rates_used() const {
  std::vector<ExchangeRate> rates;
  for (const auto& [id, rate] : used_) rates.push_back(rate);
  std::sort(rates.begin(), rates.end(), [](const ExchangeRate& a, const ExchangeRate& b) {
    return std::tie(a.from, a.to, a.valid_from) < std::tie(b.from, b.to, b.valid_from);
  });
  return rates;
}

}  // namespace crm::detail
