#include "common/phone.hpp"

#include <phonenumbers/phonenumberutil.h>

#include "common/country.hpp"
#include "crm/error.hpp"

namespace crm::detail {
namespace {

using i18n::phonenumbers::PhoneNumber;
using i18n::phonenumbers::PhoneNumberUtil;

const PhoneNumberUtil& util() { return *PhoneNumberUtil::GetInstance(); }

// The digits of `raw` when it holds nothing but digits and the separators
// people put between them (`separators`), else nullopt.
std::optional<std::string> plain_digits(std::string_view raw, std::string_view separators) {
  std::string digits;
  for (char c : raw) {
    if (c >= '0' && c <= '9')
      digits.push_back(c);
    else if (separators.find(c) == std::string_view::npos)
      return std::nullopt;
  }
  if (digits.empty() || digits.size() > 17) return std::nullopt;
  return digits;
}

// E.164 of country code + national digits when that is a possible number.
// Leading zeros (Italy) and other odd cases are left to the full parse.
std::optional<std::string> possible_e164(int country_code, const std::string& national) {
  if (national.empty() || national.front() == '0' || national.size() > 14) return std::nullopt;
  PhoneNumber number;
  number.set_country_code(country_code);
  number.set_national_number(std::stoull(national));
  if (!util().IsPossibleNumber(number)) return std::nullopt;
  return "+" + std::to_string(country_code) + national;
}

// "+<digits>" with spaces or hyphens: the form most numbers are stored in.
// Needs only the country code and a length check, no regular expressions,
// which is two orders of magnitude faster than a full parse.
std::optional<std::string> fast_international(std::string_view raw) {
  if (raw.empty() || raw.front() != '+') return std::nullopt;
  auto digits = plain_digits(raw.substr(1), " -");
  if (!digits || digits->size() < 3 || digits->front() == '0') return std::nullopt;
  for (std::size_t length = 1; length <= 3; ++length) {
    const int country_code = std::stoi(digits->substr(0, length));
    std::string region;
    util().GetRegionCodeForCountryCode(country_code, &region);
    if (region == "ZZ") continue;  // country codes are prefix-free: try a longer one
    return possible_e164(country_code, digits->substr(length));
  }
  return std::nullopt;
}

std::optional<std::string> full_parse(std::string_view raw, const std::string& region) {
  PhoneNumber number;
  if (util().Parse(std::string(raw), region.empty() ? "ZZ" : region, &number) != PhoneNumberUtil::NO_PARSING_ERROR)
    return std::nullopt;
  if (!util().IsPossibleNumber(number)) return std::nullopt;
  std::string e164;
  util().Format(number, PhoneNumberUtil::E164, &e164);
  return e164;
}

}  // namespace

PhoneNormalizer::PhoneNormalizer(std::string default_region) : region_(std::move(default_region)) {
  if (region_.empty()) return;
  country_code_ = is_country_code(region_) ? util().GetCountryCodeForRegion(region_) : 0;
  if (country_code_ == 0)
    throw Error(ErrorCode::invalid_argument,
                "default_region: '" + region_ + "' is not a region with phone numbers", "default_region");
  util().GetNddPrefixForRegion(region_, true, &national_prefix_);
  national_shortcut_ = national_shortcut_agrees();
}

// The national shortcut strips the trunk prefix and checks the length. It is
// used for a region only when it agrees with libphonenumber's full parse on
// the region's own example numbers written nationally.
bool PhoneNormalizer::national_shortcut_agrees() const {
  for (auto type : {PhoneNumberUtil::FIXED_LINE, PhoneNumberUtil::MOBILE, PhoneNumberUtil::TOLL_FREE}) {
    PhoneNumber example;
    if (!util().GetExampleNumberForType(region_, type, &example)) continue;
    std::string written;
    util().Format(example, PhoneNumberUtil::NATIONAL, &written);
    const auto shortcut = fast_national(written);
    if (shortcut && shortcut != full_parse(written, region_)) return false;
  }
  return true;
}

std::optional<std::string> PhoneNormalizer::fast_national(std::string_view raw) const {
  auto digits = plain_digits(raw, " -.()");
  if (!digits || digits->starts_with("00")) return std::nullopt;  // international prefix: full parse
  if (!national_prefix_.empty() && digits->starts_with(national_prefix_)) digits->erase(0, national_prefix_.size());
  return possible_e164(country_code_, *digits);
}

std::optional<std::string> PhoneNormalizer::to_e164(std::string_view raw) const {
  if (auto fast = fast_international(raw)) return fast;
  if (national_shortcut_)
    if (auto fast = fast_national(raw)) return fast;
  return full_parse(raw, region_);
}

std::string PhoneNormalizer::require_e164(std::string_view raw, std::string_view field) const {
  if (auto e164 = to_e164(raw)) return *e164;
  std::string message = std::string(field) + ": '" + std::string(raw) + "' is not a phone number";
  message += region_.empty() ? " (write it with its country code, e.g. +371 26 123 456)"
                             : " for region " + region_;
  throw Error(ErrorCode::invalid_argument, message, std::string(field));
}

}  // namespace crm::detail
