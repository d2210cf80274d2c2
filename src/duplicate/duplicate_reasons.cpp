#include <cmath>

#include "common/enum_names.hpp"
#include "crm/duplicates.hpp"

namespace crm {
namespace {

using detail::EnumName;

constexpr EnumName<DuplicateReason> kReasons[] = {
    {DuplicateReason::same_email, "same_email"},
    {DuplicateReason::same_phone, "same_phone"},
    {DuplicateReason::same_registration_number, "same_registration_number"},
    {DuplicateReason::same_vat_id, "same_vat_id"},
    {DuplicateReason::same_name, "same_name"},
};

constexpr EnumName<MergeSide> kSides[] = {{MergeSide::survivor, "survivor"}, {MergeSide::other, "other"}};

}  // namespace

std::string_view duplicate_reason_name(DuplicateReason reason) noexcept {
  return detail::name_of<DuplicateReason>(kReasons, reason);
}

std::optional<DuplicateReason> duplicate_reason_from_name(std::string_view name) noexcept {
  return detail::from_name<DuplicateReason>(kReasons, name);
}

int duplicate_reason_weight(DuplicateReason reason) noexcept {
  switch (reason) {
    case DuplicateReason::same_registration_number: return 95;
    case DuplicateReason::same_vat_id: return 95;
    case DuplicateReason::same_email: return 90;
    case DuplicateReason::same_phone: return 80;
    case DuplicateReason::same_name: return 40;
  }
  return 0;
}

int duplicate_score(const std::vector<DuplicateReason>& reasons) noexcept {
  double doubt = 1.0;
  for (DuplicateReason reason : reasons) doubt *= 1.0 - duplicate_reason_weight(reason) / 100.0;
  return static_cast<int>(std::lround(100.0 * (1.0 - doubt)));
}

std::string_view merge_side_name(MergeSide side) noexcept { return detail::name_of<MergeSide>(kSides, side); }

std::optional<MergeSide> merge_side_from_name(std::string_view name) noexcept {
  return detail::from_name<MergeSide>(kSides, name);
}

}  // namespace crm
