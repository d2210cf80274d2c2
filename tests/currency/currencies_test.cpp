#include <gtest/gtest.h>

#include "crm/crm.hpp"
#include "support/test_database.hpp"

namespace crm {
namespace {

using boost::gregorian::date;

class CurrenciesTest : public ::testing::Test {
 protected:
  test::ManualClock clock;
  Database db = Database::open_in_memory(test::test_options(clock));
  Currencies& currencies = db.currencies();

  std::string refused(std::string_view from, std::string_view to, std::string_view rate) {
    const Error error =
        EXPECT_CRM_ERROR(currencies.set_rate(from, to, date(2025, 3, 1), rate), ErrorCode::invalid_argument);
    return error.what();
  }
};

ExchangeRate usd_eur(std::string rate) { return {"USD", "EUR", date(2025, 3, 1), std::move(rate)}; }

TEST_F(CurrenciesTest, BaseIsEuroUntilSetAndAnUnknownCodeIsRefused) {
  EXPECT_EQ(currencies.base(), "EUR");
  currencies.set_base("SEK");
  EXPECT_EQ(currencies.base(), "SEK");
  const Error error = EXPECT_CRM_ERROR(currencies.set_base("EURO"), ErrorCode::invalid_argument);
  EXPECT_EQ(std::string(error.what()), "base_currency: 'EURO' is not an ISO 4217 currency code");
  EXPECT_CRM_ERROR(currencies.set_base("sek"), ErrorCode::invalid_argument);
  EXPECT_EQ(currencies.base(), "SEK");
}

TEST_F(CurrenciesTest, SetRateKeepsTheRateInCanonicalForm) {
  EXPECT_EQ(currencies.set_rate("USD", "EUR", date(2025, 3, 1), " 000.92340 ").rate, "0.9234");
  EXPECT_EQ(currencies.set_rate("GBP", "EUR", date(2025, 3, 1), "1.0").rate, "1");
  EXPECT_EQ(currencies.set_rate("EUR", "JPY", date(2025, 3, 1), "161.5").rate, "161.5");
  EXPECT_EQ(currencies.set_rate("UAH", "EUR", date(2025, 3, 1), "0.000000000001").rate, "0.000000000001");
  EXPECT_EQ(currencies.set_rate("EUR", "UAH", date(2025, 3, 1), "123456789012345678").rate, "123456789012345678");
  EXPECT_EQ(currencies.rates("USD", "EUR").at(0), usd_eur("0.9234"));
}

TEST_F(CurrenciesTest, SetRateRefusesBadRatesAndCodes) {
  EXPECT_EQ(refused("USD", "EUR", "0"), "exchange_rate.rate: '0' is not positive");
  EXPECT_EQ(refused("USD", "EUR", "0.000"), "exchange_rate.rate: '0.000' is not positive");
  EXPECT_EQ(refused("USD", "EUR", "-0.92"), "exchange_rate.rate: '-0.92' is not positive");
  EXPECT_EQ(refused("USD", "EUR", "0,92"), "exchange_rate.rate: '0,92' is not a decimal number such as 0.9234");
  for (const char* garbage : {"", "abc", ".5", "5.", "1e3", "+1", "1.2.3", "0x10", "١"})
    EXPECT_NE(refused("USD", "EUR", garbage).find("is not a decimal number"), std::string::npos) << garbage;
  EXPECT_EQ(refused("USD", "EUR", "0.1234567890123"),
            "exchange_rate.rate: '0.1234567890123' has more than 12 decimals");
  EXPECT_EQ(refused("USD", "EUR", "1234567.123456789012"),
            "exchange_rate.rate: '1234567.123456789012' has more than 18 digits");
  EXPECT_EQ(refused("EUR", "EUR", "1"),
            "exchange_rate.to: EUR is also the currency converted from; a rate needs two currencies");
  EXPECT_EQ(refused("USX", "EUR", "1"), "exchange_rate.from: 'USX' is not an ISO 4217 currency code");
  EXPECT_EQ(refused("USD", "eur", "1"), "exchange_rate.to: 'eur' is not an ISO 4217 currency code");
  EXPECT_CRM_ERROR(currencies.set_rate("USD", "EUR", Date(boost::date_time::not_a_date_time), "1"),
                   ErrorCode::invalid_argument);
  EXPECT_TRUE(currencies.rates().empty());
}

TEST_F(CurrenciesTest, ARateSetAgainOnTheSameDayReplacesIt) {
  currencies.set_rate("USD", "EUR", date(2025, 3, 1), "0.92");
  currencies.set_rate("USD", "EUR", date(2025, 3, 1), "0.93");
  EXPECT_EQ(currencies.rates("USD", "EUR"), std::vector<ExchangeRate>{usd_eur("0.93")});
}

TEST_F(CurrenciesTest, RateIsTheLatestStartingOnOrBeforeTheDay) {
  currencies.set_rate("USD", "EUR", date(2025, 1, 1), "0.95");
  currencies.set_rate("USD", "EUR", date(2025, 3, 1), "0.92");
  currencies.set_rate("USD", "EUR", date(2025, 4, 1), "0.91");
  currencies.set_rate("EUR", "USD", date(2025, 3, 15), "1.2");  // the other direction is another pair
  EXPECT_EQ(currencies.rate("USD", "EUR", date(2025, 3, 1)).rate, "0.92");
  EXPECT_EQ(currencies.rate("USD", "EUR", date(2025, 3, 31)).rate, "0.92");
  EXPECT_EQ(currencies.rate("USD", "EUR", date(2025, 2, 28)).rate, "0.95");
  EXPECT_EQ(currencies.rate("USD", "EUR", date(2030, 1, 1)).valid_from, date(2025, 4, 1));
}

TEST_F(CurrenciesTest, AMissingRateIsNotFoundNamingThePairAndTheDay) {
  currencies.set_rate("USD", "EUR", date(2025, 3, 1), "0.92");
  const Error before = EXPECT_CRM_ERROR(currencies.rate("USD", "EUR", date(2025, 2, 28)), ErrorCode::not_found);
  EXPECT_EQ(std::string(before.what()),
            "exchange_rate: no rate USD->EUR on 2025-02-28 (none starts on or before that day)");
  const Error other = EXPECT_CRM_ERROR(currencies.convert(Money::parse("10.00 GBP"), "EUR", date(2025, 3, 5)),
                                       ErrorCode::not_found);
  EXPECT_NE(std::string(other.what()).find("GBP->EUR on 2025-03-05"), std::string::npos);
}

TEST_F(CurrenciesTest, RatesListByPairThenDayAndFilterByCurrency) {
  currencies.set_rate("USD", "EUR", date(2025, 3, 1), "0.92");
  currencies.set_rate("GBP", "EUR", date(2025, 4, 1), "1.18");
  currencies.set_rate("GBP", "EUR", date(2025, 3, 1), "1.17");
  currencies.set_rate("GBP", "USD", date(2025, 3, 1), "1.27");
  std::vector<std::string> all;
  for (const ExchangeRate& r : currencies.rates()) all.push_back(r.from + r.to + format_date(r.valid_from));
  EXPECT_EQ(all, (std::vector<std::string>{"GBPEUR2025-03-01", "GBPEUR2025-04-01", "GBPUSD2025-03-01",
                                           "USDEUR2025-03-01"}));
  EXPECT_EQ(currencies.rates("GBP").size(), 3u);
  EXPECT_EQ(currencies.rates("GBP", "EUR").size(), 2u);
  EXPECT_EQ(currencies.rates("", "EUR").size(), 3u);
  EXPECT_CRM_ERROR(currencies.rates("XXY"), ErrorCode::invalid_argument);
}

TEST_F(CurrenciesTest, RemoveRateDeletesOneDayOrIsNotFound) {
  currencies.set_rate("USD", "EUR", date(2025, 3, 1), "0.92");
  currencies.set_rate("USD", "EUR", date(2025, 4, 1), "0.91");
  currencies.remove_rate("USD", "EUR", date(2025, 4, 1));
  EXPECT_EQ(currencies.rates(), std::vector<ExchangeRate>{usd_eur("0.92")});
  const Error error = EXPECT_CRM_ERROR(currencies.remove_rate("USD", "EUR", date(2025, 4, 1)), ErrorCode::not_found);
  EXPECT_EQ(std::string(error.what()), "exchange_rate: no rate USD->EUR starts on 2025-04-01");
}

TEST_F(CurrenciesTest, ConvertIsExactAndRoundsHalfAwayFromZero) {
  EXPECT_EQ(convert_at(Money::parse("100.00 USD"), usd_eur("0.9234")), Money::parse("92.34 EUR"));
  // 0.05 x 0.5 = 0.025 -> 0.03; -0.025 -> -0.03; 0.0249... -> 0.02
  EXPECT_EQ(convert_at(Money::parse("0.05 USD"), usd_eur("0.5")), Money::parse("0.03 EUR"));
  EXPECT_EQ(convert_at(Money::parse("-0.05 USD"), usd_eur("0.5")), Money::parse("-0.03 EUR"));
  EXPECT_EQ(convert_at(Money::parse("0.05 USD"), usd_eur("0.499999999999")), Money::parse("0.02 EUR"));
  // 33.33 x 0.333333333333 = 11.10999999998889 -> 11.11
  EXPECT_EQ(convert_at(Money::parse("33.33 USD"), usd_eur("0.333333333333")), Money::parse("11.11 EUR"));
  currencies.set_rate("USD", "EUR", date(2025, 3, 1), "0.9234");
  EXPECT_EQ(currencies.convert(Money::parse("100.00 USD"), "EUR", date(2025, 3, 2)), Money::parse("92.34 EUR"));
  EXPECT_EQ(currencies.convert(Money::parse("5.00 EUR"), "EUR", date(2020, 1, 1)), Money::parse("5.00 EUR"));
}

TEST_F(CurrenciesTest, ConvertHonoursTheMinorDigitsOfBothCurrencies) {
  const ExchangeRate eur_jpy{"EUR", "JPY", date(2025, 3, 1), "161.55"};
  EXPECT_EQ(convert_at(Money::parse("10.01 EUR"), eur_jpy), Money::parse("1617 JPY"));  // 1617.1155
  EXPECT_EQ(convert_at(Money::parse("0.01 EUR"), eur_jpy), Money::parse("2 JPY"));      // 1.6155
  const ExchangeRate jpy_eur{"JPY", "EUR", date(2025, 3, 1), "0.00619"};
  EXPECT_EQ(convert_at(Money::parse("1617 JPY"), jpy_eur), Money::parse("10.01 EUR"));  // 10.00923
  EXPECT_EQ(convert_at(Money::parse("1 JPY"), jpy_eur), Money::parse("0.01 EUR"));      // 0.00619
  const ExchangeRate eur_kwd{"EUR", "KWD", date(2025, 3, 1), "0.3331"};
  EXPECT_EQ(convert_at(Money::parse("1.00 EUR"), eur_kwd), Money::parse("0.333 KWD"));
}

TEST_F(CurrenciesTest, ConvertRefusesOverflowAMismatchedCurrencyAndABadRate) {
  const Money huge(std::numeric_limits<std::int64_t>::max(), "USD");
  EXPECT_CRM_ERROR(convert_at(huge, usd_eur("2")), ErrorCode::invalid_argument);
  EXPECT_CRM_ERROR(convert_at(Money(std::numeric_limits<std::int64_t>::min(), "USD"), usd_eur("1.5")),
                   ErrorCode::invalid_argument);
  EXPECT_CRM_ERROR(convert_at(huge, usd_eur("999999999999999999")), ErrorCode::invalid_argument);
  EXPECT_CRM_ERROR(convert_at(Money(std::numeric_limits<std::int64_t>::max(), "JPY"),
                              {"JPY", "CLF", date(2025, 3, 1), "999999999999999999"}),
                   ErrorCode::invalid_argument);
  EXPECT_EQ(convert_at(huge, usd_eur("1")), Money(std::numeric_limits<std::int64_t>::max(), "EUR"));
  EXPECT_EQ(convert_at(huge, usd_eur("0.5")), Money(4611686018427387904, "EUR"));  // .5 rounds up
  EXPECT_CRM_ERROR(convert_at(Money::parse("1.00 GBP"), usd_eur("0.92")), ErrorCode::invalid_argument);
  EXPECT_CRM_ERROR(convert_at(Money::parse("1.00 USD"), usd_eur("zero")), ErrorCode::invalid_argument);
}

}  // namespace
}  // namespace crm
