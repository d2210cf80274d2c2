#include "common/fields.hpp"
#include "crm/currency.hpp"
#include "crm/error.hpp"
#include "currency/rate_decimal.hpp"
#include "storage/errors.hpp"
#include "storage/session.hpp"
#include "storage/settings.hpp"

namespace crm {
namespace {

using namespace detail;

constexpr const char* kDefaultBase = "EUR";

// `code` when it is an ISO 4217 code, else invalid_argument naming `field`.
std::string checked_code(std::string_view code, const std::string& field) {
  if (!is_currency_code(code))
    throw Error(ErrorCode::invalid_argument, field + ": " + quote(code) + " is not an ISO 4217 currency code", field);
  return std::string(code);
}

// Both codes checked and different.
void check_pair(std::string_view from, std::string_view to) {
  checked_code(from, "exchange_rate.from");
  checked_code(to, "exchange_rate.to");
  if (from == to)
    throw Error(ErrorCode::invalid_argument,
                "exchange_rate.to: " + std::string(to) + " is also the currency converted from; a rate needs two currencies",
                "exchange_rate.to");
}

void check_day(const Date& day, const char* field) {
  if (day.is_special()) throw Error(ErrorCode::invalid_argument, std::string(field) + ": is not a date", field);
}

std::string pair_text(std::string_view from, std::string_view to) {
  return std::string(from) + "->" + std::string(to);
}

ExchangeRate read_rate_row(SQLite::Statement& s) {
  return {s.getColumn(0).getString(), s.getColumn(1).getString(), parse_date(s.getColumn(2).getString()),
          s.getColumn(3).getString()};
}

constexpr const char* kRateColumns = "SELECT from_currency, to_currency, valid_from, rate FROM exchange_rates";

}  // namespace

std::string Currencies::base() const {
  return guarded_read(session_, [&] {
    return read_setting(session_, "base_currency").value_or(std::string(kDefaultBase));
  });
}

void Currencies::set_base(std::string_view code) {
  guarded([&] {
    const std::string checked = checked_code(code, "base_currency");
    WriteScope scope(session_);
    write_setting(session_, "base_currency", checked);
    scope.commit();
  });
}

ExchangeRate Currencies::set_rate(std::string_view from, std::string_view to, const Date& valid_from,
                                  std::string_view rate) {
  return guarded([&] {
    check_pair(from, to);
    check_day(valid_from, "exchange_rate.valid_from");
    const ExchangeRate stored{std::string(from), std::string(to), valid_from,
                              rate_text(read_rate(rate, "exchange_rate.rate"))};
    WriteScope scope(session_);
    auto upsert = session_.prepare(
        "INSERT INTO exchange_rates (from_currency, to_currency, valid_from, rate) VALUES (?, ?, ?, ?) "
        "ON CONFLICT (from_currency, to_currency, valid_from) DO UPDATE SET rate = excluded.rate");
    upsert->bind(1, stored.from);
    upsert->bind(2, stored.to);
    upsert->bind(3, format_date(valid_from));
    upsert->bind(4, stored.rate);
    upsert->exec();
    scope.commit();
    return stored;
  });
}

void Currencies::remove_rate(std::string_view from, std::string_view to, const Date& valid_from) {
  guarded([&] {
    check_pair(from, to);
    check_day(valid_from, "exchange_rate.valid_from");
    WriteScope scope(session_);
    auto erase = session_.prepare(
        "DELETE FROM exchange_rates WHERE from_currency = ? AND to_currency = ? AND valid_from = ?");
    erase->bind(1, std::string(from));
    erase->bind(2, std::string(to));
    erase->bind(3, format_date(valid_from));
    erase->exec();
    if (session_.changes() == 0)
      throw Error(ErrorCode::not_found,
                  "exchange_rate: no rate " + pair_text(from, to) + " starts on " + format_date(valid_from),
                  "exchange_rate");
    scope.commit();
  });
}

ExchangeRate Currencies::rate(std::string_view from, std::string_view to, const Date& day) const {
  return guarded_read(session_, [&] {
    check_pair(from, to);
    check_day(day, "day");
    auto statement = session_.prepare(std::string(kRateColumns) +
                                      " WHERE from_currency = ? AND to_currency = ? AND valid_from <= ? "
                                      "ORDER BY valid_from DESC LIMIT 1");
    statement->bind(1, std::string(from));
    statement->bind(2, std::string(to));
    statement->bind(3, format_date(day));
    if (!statement->executeStep())
      throw Error(ErrorCode::not_found,
                  "exchange_rate: no rate " + pair_text(from, to) + " on " + format_date(day) +
                      " (none starts on or before that day)",
                  "exchange_rate");
    return read_rate_row(*statement);
  });
}

std::vector<ExchangeRate> Currencies::rates(std::string_view from, std::string_view to) const {
  return guarded_read(session_, [&] {
    if (!from.empty()) checked_code(from, "exchange_rate.from");
    if (!to.empty()) checked_code(to, "exchange_rate.to");
    auto statement = session_.prepare(std::string(kRateColumns) +
                                      " WHERE (?1 = '' OR from_currency = ?1) AND (?2 = '' OR to_currency = ?2) "
                                      "ORDER BY from_currency, to_currency, valid_from");
    statement->bind(1, std::string(from));
    statement->bind(2, std::string(to));
    std::vector<ExchangeRate> rates;
    while (statement->executeStep()) rates.push_back(read_rate_row(*statement));
    return rates;
  });
}

Money Currencies::convert(const Money& amount, std::string_view to, const Date& day) const {
  return guarded([&] {
    if (amount.currency() == to) return amount;
    return convert_at(amount, rate(amount.currency(), to, day));
  });
}

}  // namespace crm
