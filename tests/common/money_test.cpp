#include "crm/money.hpp"

#include <gtest/gtest.h>

#include "crm/error.hpp"
#include "support/test_database.hpp"

namespace crm {
namespace {

TEST(Money, ParsesAndFormatsAmountWithCurrency) {
  const Money money = Money::parse("1234.50 EUR");
  EXPECT_EQ(money.minor_units(), 123450);
  EXPECT_EQ(money.currency(), "EUR");
  EXPECT_EQ(money.to_string(), "1234.50 EUR");
  EXPECT_EQ(Money::parse("0.5 EUR").to_string(), "0.50 EUR");
  EXPECT_EQ(Money::parse("-0.05 EUR").to_string(), "-0.05 EUR");
  EXPECT_EQ(Money::parse("12 EUR").minor_units(), 1200);
}

TEST(Money, UsesMinorDigitsOfEachCurrency) {
  EXPECT_EQ(currency_minor_digits("JPY"), 0);
  EXPECT_EQ(currency_minor_digits("EUR"), 2);
  EXPECT_EQ(currency_minor_digits("KWD"), 3);
  EXPECT_EQ(Money::parse("1500 JPY").minor_units(), 1500);
  EXPECT_EQ(Money::parse("1500 JPY").to_string(), "1500 JPY");
  EXPECT_EQ(Money::parse("1.234 KWD").minor_units(), 1234);
  EXPECT_EQ(Money(5, "KWD").to_string(), "0.005 KWD");
}

TEST(Money, RefusesMoreFractionDigitsThanTheCurrencyHas) {
  auto error = EXPECT_CRM_ERROR(Money::parse("1.5 JPY"), ErrorCode::invalid_argument);
  EXPECT_NE(std::string(error.what()).find("JPY"), std::string::npos);
  EXPECT_CRM_ERROR(Money::parse("1.555 EUR"), ErrorCode::invalid_argument);
}

TEST(Money, RefusesUnknownCurrencyAndMalformedText) {
  auto error = EXPECT_CRM_ERROR(Money::parse("10 EUX"), ErrorCode::invalid_argument);
  EXPECT_NE(std::string(error.what()).find("EUX"), std::string::npos);
  EXPECT_CRM_ERROR(Money(1, "eur"), ErrorCode::invalid_argument);
  for (const char* text : {"", "EUR", "10", "1,5 EUR", "1. EUR", ".5 EUR", "1e3 EUR", "--1 EUR", "99999999999999999999 EUR"})
    {
      SCOPED_TRACE(text);
      EXPECT_CRM_ERROR(Money::parse(text), ErrorCode::invalid_argument);
    }
}

TEST(Money, ArithmeticWithinOneCurrency) {
  const Money a = Money::parse("10.25 EUR");
  const Money b = Money::parse("0.75 EUR");
  EXPECT_EQ((a + b).to_string(), "11.00 EUR");
  EXPECT_EQ((a - b).to_string(), "9.50 EUR");
  EXPECT_EQ((-a).to_string(), "-10.25 EUR");
  EXPECT_EQ((b * 3).to_string(), "2.25 EUR");
  EXPECT_LT(b, a);
  EXPECT_EQ(a, Money(1025, "EUR"));
}

TEST(Money, RefusesMixingCurrencies) {
  const Money euro = Money::parse("1 EUR");
  const Money dollar = Money::parse("1 USD");
  EXPECT_CRM_ERROR(euro + dollar, ErrorCode::invalid_argument);
  EXPECT_CRM_ERROR(euro - dollar, ErrorCode::invalid_argument);
  EXPECT_CRM_ERROR((void)(euro < dollar), ErrorCode::invalid_argument);
  EXPECT_NE(euro, dollar);  // equality never throws: different currencies are unequal
}

TEST(Money, RefusesOverflow) {
  const Money big(INT64_MAX, "EUR");
  EXPECT_CRM_ERROR(big + Money(1, "EUR"), ErrorCode::invalid_argument);
  EXPECT_CRM_ERROR(big * 2, ErrorCode::invalid_argument);
  EXPECT_CRM_ERROR(-Money(INT64_MIN, "EUR"), ErrorCode::invalid_argument);
  EXPECT_EQ(Money(INT64_MIN, "EUR").amount_string(), "-92233720368547758.08");
}

TEST(Money, FromDecimalMatchesParse) {
  EXPECT_EQ(Money::from_decimal("1234.5", "EUR"), Money::parse("1234.50 EUR"));
  EXPECT_EQ(Money::from_decimal("+3", "JPY"), Money(3, "JPY"));
}

}  // namespace
}  // namespace crm
