// ISO 3166-1 alpha-2 country codes (the 249 officially assigned ones).
#include "common/country.hpp"

namespace crm::detail {
namespace {

// All codes, two letters each, sorted.
constexpr std::string_view kCountryCodes =
    "ADAEAFAGAIALAMAOAQARASATAUAWAXAZBABBBDBE"
    "BFBGBHBIBJBLBMBNBOBQBRBSBTBVBWBYBZCACCCD"
    "CFCGCHCICKCLCMCNCOCRCUCVCWCXCYCZDEDJDKDM"
    "DODZECEEEGEHERESETFIFJFKFMFOFRGAGBGDGEGF"
    "GGGHGIGLGMGNGPGQGRGSGTGUGWGYHKHMHNHRHTHU"
    "IDIEILIMINIOIQIRISITJEJMJOJPKEKGKHKIKMKN"
    "KPKRKWKYKZLALBLCLILKLRLSLTLULVLYMAMCMDME"
    "MFMGMHMKMLMMMNMOMPMQMRMSMTMUMVMWMXMYMZNA"
    "NCNENFNGNINLNONPNRNUNZOMPAPEPFPGPHPKPLPM"
    "PNPRPSPTPWPYQARERORSRURWSASBSCSDSESGSHSI"
    "SJSKSLSMSNSOSRSSSTSVSXSYSZTCTDTFTGTHTJTK"
    "TLTMTNTOTRTTTVTWTZUAUGUMUSUYUZVAVCVEVGVI"
    "VNVUWFWSYEYTZAZMZW";

static_assert(kCountryCodes.size() == 2 * 249);

}  // namespace

bool is_country_code(std::string_view code) noexcept {
  if (code.size() != 2) return false;
  std::size_t low = 0;
  std::size_t high = kCountryCodes.size() / 2;
  while (low < high) {
    const std::size_t mid = (low + high) / 2;
    const std::string_view candidate = kCountryCodes.substr(mid * 2, 2);
    if (candidate == code) return true;
    if (candidate < code) low = mid + 1; else high = mid;
  }
  return false;
}

}  // namespace crm::detail
