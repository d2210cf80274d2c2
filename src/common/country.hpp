// Countries as people write them: ISO 3166-1 codes (alpha-2, alpha-3,
// numeric) and names in several languages (common/country_data.hpp), all
// resolved to the alpha-2 code records store.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace crm::detail {

/// True for an assigned ISO 3166-1 alpha-2 code in upper case ("LV", "DE").
bool is_country_code(std::string_view code) noexcept;

/// The English name of an alpha-2 code ("LV" -> "Latvia"); empty when unknown.
std::string_view country_name(std::string_view alpha2) noexcept;

/// What a written country turned out to be.
struct CountryMatch {
  /// The alpha-2 code; empty when the text names no country or several.
  std::string code;
  /// When `code` is empty: the countries an ambiguous name could be, or else
  /// the nearest names, each as "Name (XX)", nearest first.
  std::vector<std::string> candidates;
  /// True when the text names more than one country ("Korea", "Congo").
  bool ambiguous = false;
};

/// The country `written` names, ignoring case, diacritics, dots and
/// punctuation: "LV", "lva", "428", "Latvia", "Latvija", "Латвия",
/// "United States", "USA", "U.S.", "the Netherlands", "Deutschland".
CountryMatch find_country(std::string_view written);

}  // namespace crm::detail
