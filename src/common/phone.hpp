// Phone numbers to E.164 with libphonenumber.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace crm::detail {

/// Turns phone numbers as people write them ("+371 26 123 456",
/// "0037126123456", "26 123 456") into E.164 ("+37126123456"). The result
/// is libphonenumber's parse followed by its "possible number" check; plain
/// international and national digit strings take a shortcut with the same
/// result, which the tests check for every region.
class PhoneNormalizer {
 public:
  /// `default_region` (ISO 3166-1 alpha-2, or empty for none) is the country
  /// assumed for numbers written without a country code. Throws
  /// Error(invalid_argument) for a region libphonenumber does not know.
  explicit PhoneNormalizer(std::string default_region);

  /// The region numbers without a country code belong to ("" when none).
  const std::string& default_region() const noexcept { return region_; }

  /// The E.164 form, or nullopt when the text is not a possible phone number.
  std::optional<std::string> to_e164(std::string_view raw) const;

  /// The E.164 form; throws Error(invalid_argument) naming `field` and the text.
  std::string require_e164(std::string_view raw, std::string_view field) const;

 private:
  std::optional<std::string> fast_national(std::string_view raw) const;
  bool national_shortcut_agrees() const;

  std::string region_;
  int country_code_ = 0;
  std::string national_prefix_;
  bool national_shortcut_ = false;
};

}  // namespace crm::detail
