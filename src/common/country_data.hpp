// The table of countries generated at build time from Debian's iso-codes and
// ICU's CLDR data (tools/generate/country_names.cpp): every ISO 3166-1
// country with its codes, and the names people write for it in English,
// Latvian, Lithuanian, Ukrainian, Russian, German, Polish and its own
// official languages. common/country.hpp is the way to use it.
#pragma once

#include <cstdint>
#include <span>
#include <string_view>

namespace crm::detail {

/// One ISO 3166-1 country.
struct CountryEntry {
  std::string_view alpha2;   ///< "LV"
  std::string_view alpha3;   ///< "LVA"
  std::string_view numeric;  ///< "428", three digits
  std::string_view name;     ///< English name as people use it ("Latvia", "Bolivia")
};

/// One name of a country as written somewhere ("Latvija", "United States of America").
struct CountryAlias {
  std::string_view name;   ///< as the source writes it
  std::uint16_t country;   ///< index into country_entries()
  bool primary;            ///< a name a source gives (false: derived, e.g. "Korea" from "Korea, Republic of")
};

/// Every country, sorted by alpha-2 code.
std::span<const CountryEntry> country_entries() noexcept;

/// Every name of every country, grouped by country.
std::span<const CountryAlias> country_aliases() noexcept;

}  // namespace crm::detail
