// An exchange rate as an exact decimal: reading, canonical text, limits.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace crm::detail {

/// Most decimals a rate may have.
inline constexpr int kMaxRateDecimals = 12;
/// Most significant digits a rate may have (so that it fits an int64).
inline constexpr int kMaxRateDigits = 18;

/// A positive rate: mantissa / 10^scale, with no trailing zero in the
/// mantissa's decimals (the canonical form).
struct RateDecimal {
  std::int64_t mantissa = 0;
  int scale = 0;
};

/// Reads "0.9234", "1", "001.50" (white space around allowed): digits with
/// an optional '.' and at least one digit on each side of it. Leading zeros
/// of the whole part and trailing zeros of the decimals do not count. Throws
/// invalid_argument naming `field` and the text for anything else, zero or a
/// negative rate, more than 12 decimals or more than 18 digits.
RateDecimal read_rate(std::string_view text, std::string_view field);

/// The canonical text of `rate`: no leading zeros ("0.5", not "00.5"), no
/// trailing decimal zeros, no '.' for a whole number ("1.25", "2").
std::string rate_text(const RateDecimal& rate);

}  // namespace crm::detail
