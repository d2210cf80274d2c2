// crmcore: an amount of money in one currency, exact to the currency's minor unit.
#pragma once

#include <array>
#include <compare>
#include <cstdint>
#include <string>
#include <string_view>

namespace crm {

/// True when `code` is an active ISO 4217 alphabetic code ("EUR", "JPY").
bool is_currency_code(std::string_view code) noexcept;

/// Digits of the minor unit of an ISO 4217 currency: 2 for EUR, 0 for JPY,
/// 3 for KWD. Throws Error(invalid_argument) for an unknown code.
int currency_minor_digits(std::string_view code);

/// An amount as int64 minor units (cents) plus an ISO 4217 currency code.
/// Never a floating-point value. Arithmetic and ordering between different
/// currencies throw Error(invalid_argument); overflow throws too.
class Money {
 public:
  /// Zero euro; exists so that Money can live in containers and records.
  Money() noexcept;

  /// `minor_units` of `currency` (e.g. 123450, "EUR" is 1234.50 EUR).
  /// Throws Error(invalid_argument) for an unknown currency.
  Money(std::int64_t minor_units, std::string_view currency);

  /// Parses "<amount> <CODE>", e.g. "1234.50 EUR", "-12 JPY", "0.5 EUR".
  /// The amount uses '.' as decimal separator and may carry at most the
  /// currency's minor digits. Throws Error(invalid_argument) naming the text.
  static Money parse(std::string_view text);

  /// Builds an amount from a decimal string ("1234.5") and a currency code.
  /// Throws Error(invalid_argument) for more fraction digits than the
  /// currency has, an unknown currency or an out-of-range amount.
  static Money from_decimal(std::string_view amount, std::string_view currency);

  /// The amount in minor units.
  std::int64_t minor_units() const noexcept { return minor_units_; }
  /// The ISO 4217 code, three upper-case letters.
  std::string_view currency() const noexcept { return {code_.data(), 3}; }
  /// Minor-unit digits of this currency (2 for EUR, 0 for JPY).
  int minor_digits() const noexcept { return digits_; }

  /// The amount alone in plain decimal notation: "1234.50", "-0.05", "12".
  std::string amount_string() const;
  /// Amount and code, the form parse() reads: "1234.50 EUR".
  std::string to_string() const;

  /// Sum; throws Error(invalid_argument) for mixed currencies or overflow.
  Money operator+(const Money& other) const;
  /// Difference; throws Error(invalid_argument) for mixed currencies or overflow.
  Money operator-(const Money& other) const;
  /// Negation; throws Error(invalid_argument) on overflow.
  Money operator-() const;
  /// Multiplication by a whole quantity; throws on overflow.
  Money operator*(std::int64_t factor) const;

  /// Equal when both amount and currency are equal.
  friend bool operator==(const Money&, const Money&) noexcept = default;
  /// Orders amounts of one currency; throws Error(invalid_argument) when the
  /// currencies differ.
  std::strong_ordering operator<=>(const Money& other) const;

 private:
  std::int64_t minor_units_ = 0;
  std::array<char, 4> code_{'E', 'U', 'R', '\0'};
  int digits_ = 2;
};

}  // namespace crm
