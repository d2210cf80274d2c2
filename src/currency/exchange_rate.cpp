// Exact decimal rates and the conversion of an amount with one.
#include <limits>

#include "common/fields.hpp"
#include "crm/currency.hpp"
#include "crm/error.hpp"
#include "currency/rate_decimal.hpp"
#include "text/unicode.hpp"

namespace crm {
namespace detail {
namespace {

[[noreturn]] void refuse(std::string_view field, std::string_view text, const std::string& problem) {
  throw Error(ErrorCode::invalid_argument, std::string(field) + ": " + quote(text) + " " + problem,
              std::string(field));
}

bool all_digits(std::string_view text) {
  for (char c : text)
    if (c < '0' || c > '9') return false;
  return true;
}

}  // namespace

RateDecimal read_rate(std::string_view text, std::string_view field) {
  const std::string_view t = trim(text);
  if (!t.empty() && t.front() == '-') refuse(field, text, "is not positive");
  const auto dot = t.find('.');
  std::string_view whole = t.substr(0, dot);
  std::string_view decimals = dot == std::string_view::npos ? std::string_view{} : t.substr(dot + 1);
  if (whole.empty() || !all_digits(whole) || !all_digits(decimals) || (dot != std::string_view::npos && decimals.empty()))
    refuse(field, text, "is not a decimal number such as 0.9234");
  while (whole.size() > 1 && whole.front() == '0') whole.remove_prefix(1);
  while (!decimals.empty() && decimals.back() == '0') decimals.remove_suffix(1);
  if (static_cast<int>(decimals.size()) > kMaxRateDecimals)
    refuse(field, text, "has more than " + std::to_string(kMaxRateDecimals) + " decimals");
  const std::size_t whole_digits = whole == "0" ? 0 : whole.size();
  if (static_cast<int>(whole_digits + decimals.size()) > kMaxRateDigits)
    refuse(field, text, "has more than " + std::to_string(kMaxRateDigits) + " digits");
  RateDecimal rate;
  for (char c : whole) rate.mantissa = rate.mantissa * 10 + (c - '0');
  for (char c : decimals) rate.mantissa = rate.mantissa * 10 + (c - '0');
  rate.scale = static_cast<int>(decimals.size());
  if (rate.mantissa == 0) refuse(field, text, "is not positive");
  return rate;
}

std::string rate_text(const RateDecimal& rate) {
  std::string digits = std::to_string(rate.mantissa);
  if (rate.scale == 0) return digits;
  const auto scale = static_cast<std::size_t>(rate.scale);
  if (digits.size() <= scale) digits.insert(0, scale - digits.size() + 1, '0');
  digits.insert(digits.size() - scale, ".");
  return digits;
}

}  // namespace detail

namespace {

__extension__ typedef __int128 Wide;  // GCC and Clang; exact products of two int64

[[noreturn]] void overflow(const Money& amount, const ExchangeRate& rate) {
  throw Error(ErrorCode::invalid_argument,
              "amount: " + amount.to_string() + " at " + rate.from + "->" + rate.to + " " + rate.rate +
                  " does not fit the range of Money",
              "amount");
}

Wide wide_power_of_ten(int exponent) {
  Wide value = 1;
  for (int i = 0; i < exponent; ++i) value *= 10;
  return value;
}

// numerator / denominator (positive), rounded half away from zero.
Wide divide_rounded(Wide numerator, Wide denominator) {
  const bool negative = numerator < 0;
  const Wide magnitude = negative ? -numerator : numerator;
  Wide quotient = magnitude / denominator;
  if (2 * (magnitude % denominator) >= denominator) ++quotient;
  return negative ? -quotient : quotient;
}

}  // namespace

Money convert_at(const Money& amount, const ExchangeRate& rate) {
  if (amount.currency() != rate.from)
    throw Error(ErrorCode::invalid_argument,
                "rate: " + rate.from + "->" + rate.to + " does not convert " + amount.to_string(), "rate");
  const int target_digits = currency_minor_digits(rate.to);
  const detail::RateDecimal decimal = detail::read_rate(rate.rate, "rate");
  // minor units x mantissa x 10^(target digits) / (10^scale x 10^(source digits))
  const int shift = target_digits - amount.minor_digits();
  Wide numerator = 0;
  if (__builtin_mul_overflow(static_cast<Wide>(amount.minor_units()), static_cast<Wide>(decimal.mantissa), &numerator) ||
      __builtin_mul_overflow(numerator, wide_power_of_ten(shift > 0 ? shift : 0), &numerator))
    overflow(amount, rate);  // the quotient would exceed 10^22 at least
  const Wide denominator = wide_power_of_ten(decimal.scale + (shift < 0 ? -shift : 0));
  const Wide result = divide_rounded(numerator, denominator);
  if (result > std::numeric_limits<std::int64_t>::max() || result < std::numeric_limits<std::int64_t>::min())
    overflow(amount, rate);
  return Money(static_cast<std::int64_t>(result), rate.to);
}

}  // namespace crm
