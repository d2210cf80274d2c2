// A generated year of deals for the report tests — several owners, EUR, USD
// and GBP deals with monthly rates, won, lost and reopened deals, a month
// without deals — and an independent reckoning over the records (not SQL)
// to compare the reports with.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <tuple>
#include <vector>

#include <gtest/gtest.h>

#include "crm/crm.hpp"
#include "support/test_database.hpp"

namespace crm::test {

namespace pt = boost::posix_time;

/// Money summed the way reports promise: per currency and rate in minor
/// units, each sum converted once to EUR, rounded half away from zero.
class ExpectedEuros {
 public:
  explicit ExpectedEuros(Database& db) : rates_(db.currencies().rates()) {}

  /// Adds `minor` of `currency` at the rate valid on `day`.
  void add(const std::string& currency, const Date& day, std::int64_t minor) {
    sums_[{currency, currency == "EUR" ? Date(1900, 1, 1) : rate_on(currency, day).valid_from}] += minor;
  }
  /// The EUR total in cents.
  std::int64_t cents() const {
    std::int64_t cents = 0;
    for (const auto& [key, minor] : sums_) {
      const auto& [currency, valid_from] = key;
      cents += currency == "EUR" ? minor : converted(minor, currency, valid_from);
    }
    return cents;
  }
  /// The EUR total as decimal text.
  std::string total() const { return Money(cents(), "EUR").amount_string(); }

 private:
  const ExchangeRate& rate_on(const std::string& currency, const Date& day) const {
    const ExchangeRate* found = nullptr;
    for (const ExchangeRate& rate : rates_)
      if (rate.from == currency && rate.to == "EUR" && rate.valid_from <= day) found = &rate;
    if (!found) throw std::runtime_error("test data lacks a " + currency + " rate on " + format_date(day));
    return *found;
  }
  // minor x rate (a decimal with a few places; both currencies have 2 digits).
  std::int64_t converted(std::int64_t minor, const std::string& currency, const Date& valid_from) const {
    const ExchangeRate& rate = rate_on(currency, valid_from);
    const auto point = rate.rate.find('.');
    const std::string digits = point == std::string::npos ? rate.rate : rate.rate.substr(0, point) + rate.rate.substr(point + 1);
    const int places = point == std::string::npos ? 0 : static_cast<int>(rate.rate.size() - point - 1);
    std::int64_t scale = 1;
    for (int i = 0; i < places; ++i) scale *= 10;
    const std::int64_t product = minor * std::stoll(digits);
    return (product + scale / 2) / scale;  // amounts are not negative
  }

  std::vector<ExchangeRate> rates_;
  std::map<std::tuple<std::string, Date>, std::int64_t> sums_;
};

/// A deal's date as reports take it.
inline Date deal_day(const Opportunity& deal, const Date& today) {
  if (deal.closed_on) return *deal.closed_on;
  return deal.expected_close ? *deal.expected_close : today;
}

/// The weighted amount of a deal in minor units.
inline std::int64_t weighted_minor(const Opportunity& deal) {
  return (deal.amount.minor_units() * deal.probability + 50) / 100;
}

/// The fixture: the data set is made once per test, with the clock moving
/// through 2025. The report day is 2026-01-15.
class ReportTest : public ::testing::Test {
 protected:
  ManualClock clock;
  Database db = Database::open_in_memory(test_options(clock));
  test::TestUsers known_users{db};
  Pipeline sales = db.pipelines().default_pipeline();
  const Date today{2026, 1, 15};
  const std::vector<std::string> owners{"anna", "peteris", "ilze"};
  std::vector<AccountId> accounts;

  void SetUp() override {
    *clock.now = Instant(Date(2025, 1, 2), pt::hours(9));
    db.currencies().set_rate("USD", "EUR", Date(2025, 1, 1), "0.9");
    db.currencies().set_rate("USD", "EUR", Date(2025, 4, 1), "0.95");
    db.currencies().set_rate("USD", "EUR", Date(2025, 7, 1), "0.85");
    db.currencies().set_rate("GBP", "EUR", Date(2025, 1, 1), "1.17");
    db.campaigns().create({.name = "Spring mail", .channel = CampaignChannel::email, .starts_on = Date(2025, 2, 1),
                           .cost = Money::parse("1000.00 EUR")});
    db.campaigns().create({.name = "Riga fair", .channel = CampaignChannel::event, .starts_on = Date(2025, 5, 10),
                           .cost = Money::parse("500.00 USD")});
    db.campaigns().create({.name = "Banner", .channel = CampaignChannel::banner, .starts_on = Date(2025, 9, 1)});
    for (int i = 0; i < 6; ++i)
      accounts.push_back(db.accounts().create({.name = "Account " + std::to_string(i), .owner = owners[i % 3]}).id);
    for (int i = 0; i < 90; ++i) make_deal(i);
  }

  // Deal i: its currency, amount, close month (never August), source and
  // campaign follow from i; so does its path through the stages.
  void make_deal(int i) {
    static const char* currencies[] = {"EUR", "EUR", "USD", "GBP"};
    static const char* sources[] = {"web", "referral", ""};
    static const char* campaigns[] = {"Spring mail", "", "Riga fair", ""};
    int month = 1 + (i * 7) % 12;
    if (month == 8) month = 9;
    OpportunityData data{.account = accounts[i % accounts.size()],
                         .name = "Deal " + std::to_string(i),
                         .amount = Money((1000 + (i * 7919) % 900000), currencies[i % 4]),
                         .expected_close = Date(2025, month, 10 + i % 15),
                         .owner = owners[i % 3],
                         .lead_source = sources[i % 3],
                         .campaign = campaigns[i % 4]};
    clock.advance(pt::hours(12));
    const Opportunity deal = db.opportunities().create(data);
    walk(deal.id, i);
  }

  void move(OpportunityId id, const std::string& stage, int hours) {
    clock.advance(pt::hours(hours));
    StageMove how;
    if (stage == "Lost") how.lost_reason = db.pipelines().lost_reasons().front().id;
    db.opportunities().move_to_stage(id, sales.stage(stage).id, how);
  }

  void walk(OpportunityId id, int i) {
    switch (i % 7) {
      case 0: move(id, "Qualification", 30); move(id, "Proposal", 50); move(id, "Won", 20); break;
      case 1: move(id, "Proposal", 40); break;
      case 2: move(id, "Qualification", 10); move(id, "Lost", 70); break;
      case 3: move(id, "Negotiation", 25); move(id, "Won", 5); move(id, "Negotiation", 48); break;  // reopened
      case 4: move(id, "Lost", 30); move(id, "Proposal", 24); move(id, "Won", 36); break;       // lost, reopened, won
      case 5: break;                                                                          // still prospecting
      default: move(id, "Qualification", 100); move(id, "Negotiation", 3); break;
    }
  }

  /// Every live deal.
  std::vector<Opportunity> deals() {
    std::vector<Opportunity> all;
    ListQuery query;
    query.limit = 1000;
    for (;;) {
      Page<Opportunity> page = db.opportunities().list(query);
      all.insert(all.end(), page.items.begin(), page.items.end());
      if (page.next.empty()) return all;
      query.after = page.next;
    }
  }

  /// Options with the report day set.
  ReportOptions options() const {
    ReportOptions o;
    o.as_of = today;
    return o;
  }

  /// The cell of `column` in `row` of a report as text (numbers printed).
  static std::string cell(const Report& report, std::size_t row, const std::string& column) {
    const Table& t = report.table;
    const std::size_t c = t.column_index(column);
    if (t.is_null(row, c)) return "null";
    switch (t.columns()[c].type) {
      case ColumnType::integer: return std::to_string(t.integer(row, c));
      case ColumnType::real: return std::to_string(t.real(row, c));
      default: return std::string(t.text(row, c));
    }
  }
};

}  // namespace crm::test
