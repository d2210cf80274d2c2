#include "common/phone.hpp"

#include <phonenumbers/phonenumberutil.h>

#include "common/country.hpp"
#include "crm/error.hpp"

namespace crm::detail {
namespace {

using i18n::phonenumbers::PhoneNumber;
using i18n::phonenumbers::PhoneNumberUtil;

const PhoneNumberUtil& util() { return *PhoneNumberUtil::GetInstance(); }

// "+<digits>" with only spaces or hyphens between the digits: the form most
// numbers are stored in. Such a number needs no regular expressions, only the
// country code and a length check, which is two orders of magnitude faster
// than a full parse.
std::optional<std::string> fast_international(std::string_view raw) {
  if (raw.empty() || raw.front() != '+') return std::nullopt;
  std::string digits = "+";
  for (char c : raw.substr(1)) {
    if (c >= '0' && c <= '9')
      digits.push_back(c);
    else if (c != ' ' && c != '-')
      return std::nullopt;
  }
  if (digits.size() < 4 || digits.size() > 16 || digits[1] == '0') return std::nullopt;
  for (std::size_t length = 1; length <= 3; ++length) {
    const int country_code = std::stoi(digits.substr(1, length));
    std::string region;
    util().GetRegionCodeForCountryCode(country_code, &region);
    if (region == "ZZ") continue;  // country codes are prefix-free: try a longer one
    const std::string national = digits.substr(1 + length);
    if (national.empty() || national.front() == '0') return std::nullopt;  // leave odd cases to Parse
    PhoneNumber number;
    number.set_country_code(country_code);
    number.set_national_number(std::stoull(national));
    if (!util().IsPossibleNumber(number)) return std::nullopt;
    return digits;
  }
  return std::nullopt;
}

}  // namespace

PhoneNormalizer::PhoneNormalizer(std::string default_region) : region_(std::move(default_region)) {
  if (!region_.empty() && (!is_country_code(region_) || util().GetCountryCodeForRegion(region_) == 0))
    throw Error(ErrorCode::invalid_argument,
                "default_region: '" + region_ + "' is not a region with phone numbers", "default_region");
}

std::optional<std::string> PhoneNormalizer::to_e164(std::string_view raw) const {
  if (auto fast = fast_international(raw)) return fast;
  PhoneNumber number;
  const std::string region = region_.empty() ? "ZZ" : region_;
  if (util().Parse(std::string(raw), region, &number) != PhoneNumberUtil::NO_PARSING_ERROR)
    return std::nullopt;
  if (!util().IsPossibleNumber(number)) return std::nullopt;
  std::string e164;
  util().Format(number, PhoneNumberUtil::E164, &e164);
  return e164;
}

std::string PhoneNormalizer::require_e164(std::string_view raw, std::string_view field) const {
  if (auto e164 = to_e164(raw)) return *e164;
  std::string message = std::string(field) + ": '" + std::string(raw) + "' is not a phone number";
  message += region_.empty() ? " (write it with its country code, e.g. +371 26 123 456)"
                             : " for region " + region_;
  throw Error(ErrorCode::invalid_argument, message, std::string(field));
}

}  // namespace crm::detail
