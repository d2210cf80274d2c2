#include "crm/money.hpp"

#include <charconv>
#include <limits>

#include "crm/error.hpp"

namespace crm {
namespace {

[[noreturn]] void fail(const std::string& message) {
  throw Error(ErrorCode::invalid_argument, message, "amount");
}

void check_overflow(bool overflowed, const char* what) {
  if (overflowed) fail(std::string("amount: ") + what + " overflows the range of Money");
}

std::int64_t power_of_ten(int digits) {
  std::int64_t result = 1;
  for (int i = 0; i < digits; ++i) result *= 10;
  return result;
}

// Reads "[-+]digits[.digits]" into minor units with `digits` fraction digits.
std::int64_t parse_decimal(std::string_view text, int digits, std::string_view code) {
  const std::string quoted = "'" + std::string(text) + "'";
  bool negative = false;
  std::string_view rest = text;
  if (!rest.empty() && (rest.front() == '-' || rest.front() == '+')) {
    negative = rest.front() == '-';
    rest.remove_prefix(1);
  }
  const auto dot = rest.find('.');
  std::string_view whole = rest.substr(0, dot);
  std::string_view fraction = dot == std::string_view::npos ? std::string_view{} : rest.substr(dot + 1);
  auto all_digits = [](std::string_view s) {
    for (char c : s)
      if (c < '0' || c > '9') return false;
    return true;
  };
  if (whole.empty() || !all_digits(whole) || !all_digits(fraction) ||
      (dot != std::string_view::npos && fraction.empty()))
    fail("amount: " + quoted + " is not a decimal number such as 1234.50");
  if (static_cast<int>(fraction.size()) > digits)
    fail("amount: " + quoted + " has more fraction digits than " + std::string(code) + " allows (" +
         std::to_string(digits) + ")");
  std::int64_t units = 0;
  auto [end, ec] = std::from_chars(whole.data(), whole.data() + whole.size(), units);
  if (ec != std::errc{} || end != whole.data() + whole.size()) fail("amount: " + quoted + " is out of range");
  std::int64_t frac = 0;
  if (!fraction.empty()) std::from_chars(fraction.data(), fraction.data() + fraction.size(), frac);
  frac *= power_of_ten(digits - static_cast<int>(fraction.size()));
  std::int64_t minor = 0;
  bool overflow = __builtin_mul_overflow(units, power_of_ten(digits), &minor) ||
                  __builtin_add_overflow(minor, frac, &minor);
  if (overflow) fail("amount: " + quoted + " is out of range");
  return negative ? -minor : minor;
}

}  // namespace

Money::Money() noexcept = default;

Money::Money(std::int64_t minor_units, std::string_view currency) : minor_units_(minor_units) {
  digits_ = currency_minor_digits(currency);
  currency.copy(code_.data(), 3);
}

Money Money::from_decimal(std::string_view amount, std::string_view currency) {
  const int digits = currency_minor_digits(currency);
  return Money(parse_decimal(amount, digits, currency), currency);
}

Money Money::parse(std::string_view text) {
  const auto space = text.rfind(' ');
  if (space == std::string_view::npos)
    fail("amount: '" + std::string(text) + "' is not an amount with currency such as '1234.50 EUR'");
  std::string_view amount = text.substr(0, space);
  while (!amount.empty() && amount.back() == ' ') amount.remove_suffix(1);
  return from_decimal(amount, text.substr(space + 1));
}

std::string Money::amount_string() const {
  const std::uint64_t magnitude = minor_units_ < 0 ? 0 - static_cast<std::uint64_t>(minor_units_)
                                                   : static_cast<std::uint64_t>(minor_units_);
  std::string digits = std::to_string(magnitude);
  if (digits_ > 0) {
    if (static_cast<int>(digits.size()) <= digits_) digits.insert(0, digits_ + 1 - digits.size(), '0');
    digits.insert(digits.size() - digits_, 1, '.');
  }
  return minor_units_ < 0 ? "-" + digits : digits;
}

std::string Money::to_string() const { return amount_string() + " " + std::string(currency()); }

namespace {
void require_same_currency(const Money& a, const Money& b, const char* operation) {
  if (a.currency() != b.currency())
    throw Error(ErrorCode::invalid_argument,
                std::string("amount: cannot ") + operation + " " + a.to_string() + " and " + b.to_string() +
                    " without an exchange rate",
                "currency");
}
}  // namespace

Money Money::operator+(const Money& other) const {
  require_same_currency(*this, other, "add");
  std::int64_t sum = 0;
  check_overflow(__builtin_add_overflow(minor_units_, other.minor_units_, &sum), "the sum");
  return Money(sum, currency());
}

Money Money::operator-(const Money& other) const {
  require_same_currency(*this, other, "subtract");
  std::int64_t difference = 0;
  check_overflow(__builtin_sub_overflow(minor_units_, other.minor_units_, &difference), "the difference");
  return Money(difference, currency());
}

Money Money::operator-() const {
  std::int64_t negated = 0;
  check_overflow(__builtin_sub_overflow(std::int64_t{0}, minor_units_, &negated), "negation");
  return Money(negated, currency());
}

Money Money::operator*(std::int64_t factor) const {
  std::int64_t product = 0;
  check_overflow(__builtin_mul_overflow(minor_units_, factor, &product), "the product");
  return Money(product, currency());
}

std::strong_ordering Money::operator<=>(const Money& other) const {
  require_same_currency(*this, other, "compare");
  return minor_units_ <=> other.minor_units_;
}

}  // namespace crm
