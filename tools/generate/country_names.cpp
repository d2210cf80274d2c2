// Build-time generator of the country table (src/common/country_data.hpp):
// every ISO 3166-1 country with its codes and the names people write for it,
// read from Debian's iso-codes (the JSON list and its gettext translations)
// and from ICU's CLDR data (the names in use, short and variant forms, and
// which languages are official in which country).
//
//   generate_country_names ISO_3166_JSON LOCALE_DIR OUTPUT.cpp LANGUAGE...
//
// The names of every country are given in each LANGUAGE and in the country's
// own official languages. Nothing here is a hand-written list of names.
#include <unicode/locid.h>
#include <unicode/uloc.h>
#include <unicode/ures.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

namespace {

namespace fs = std::filesystem;

/// How sure an alias is (the runtime prefers the higher tier when two
/// countries share a name): a name as a source writes it, or one derived
/// from such a name by this generator.
enum class Tier { derived = 0, name = 1 };

/// One name of one country.
struct Alias {
  std::string text;
  Tier tier;
};

/// One country and every name gathered for it.
struct Country {
  std::string alpha2, alpha3, numeric, english;
  std::vector<Alias> aliases;

  void add(const std::string& text, Tier tier) {
    if (text.empty() || text == alpha2) return;  // ICU answers the code when it has no name
    for (Alias& alias : aliases)
      if (alias.text == text) {
        alias.tier = std::max(alias.tier, tier);
        return;
      }
    aliases.push_back({text, tier});
  }
};

std::string read_file(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error("cannot read " + path.string());
  std::ostringstream bytes;
  bytes << in.rdbuf();
  return bytes.str();
}

std::uint32_t read_u32(const std::string& bytes, std::size_t at) {
  if (at + 4 > bytes.size()) throw std::runtime_error("truncated .mo file");
  std::uint32_t value = 0;
  std::memcpy(&value, bytes.data() + at, 4);
  return value;
}

/// The translations of a GNU gettext catalogue (.mo, little-endian as
/// Debian ships it): original text to translated text.
std::map<std::string, std::string> read_catalogue(const fs::path& path) {
  std::map<std::string, std::string> translations;
  if (!fs::exists(path)) return translations;
  const std::string bytes = read_file(path);
  if (read_u32(bytes, 0) != 0x950412deU) throw std::runtime_error(path.string() + " is not a little-endian .mo file");
  const std::uint32_t count = read_u32(bytes, 8);
  const std::uint32_t originals = read_u32(bytes, 12);
  const std::uint32_t translated = read_u32(bytes, 16);
  auto text_at = [&](std::uint32_t table, std::uint32_t index) {
    const std::uint32_t length = read_u32(bytes, table + 8 * index);
    const std::uint32_t offset = read_u32(bytes, table + 8 * index + 4);
    if (std::size_t{offset} + length > bytes.size()) throw std::runtime_error("truncated .mo file " + path.string());
    return bytes.substr(offset, length);
  };
  for (std::uint32_t i = 0; i < count; ++i) {
    const std::string original = text_at(originals, i);
    if (!original.empty()) translations[original] = text_at(translated, i);
  }
  return translations;
}

std::string utf8(const icu::UnicodeString& text) {
  std::string out;
  text.toUTF8String(out);
  return out;
}

/// The languages official (or official in fact) in `alpha2` by CLDR, or
/// its most likely language when CLDR lists none.
std::vector<std::string> official_languages(UResourceBundle* territories, const std::string& alpha2) {
  std::vector<std::string> languages;
  UErrorCode status = U_ZERO_ERROR;
  UResourceBundle* territory = ures_getByKey(territories, alpha2.c_str(), nullptr, &status);
  for (int32_t i = 0; U_SUCCESS(status) && i < ures_getSize(territory); ++i) {
    UErrorCode each = U_ZERO_ERROR;
    UResourceBundle* language = ures_getByIndex(territory, i, nullptr, &each);
    if (U_SUCCESS(each) && ures_getType(language) == URES_TABLE) {
      int32_t length = 0;
      const UChar* official = ures_getStringByKey(language, "officialStatus", &length, &each);
      const std::string status_text = U_SUCCESS(each) ? utf8(icu::UnicodeString(official, length)) : "";
      if (status_text == "official" || status_text == "de_facto_official") languages.push_back(ures_getKey(language));
    }
    ures_close(language);
  }
  ures_close(territory);
  if (languages.empty()) {
    char likely[ULOC_FULLNAME_CAPACITY] = {};
    UErrorCode likely_status = U_ZERO_ERROR;
    uloc_addLikelySubtags(("und_" + alpha2).c_str(), likely, sizeof likely, &likely_status);
    char language[ULOC_LANG_CAPACITY] = {};
    uloc_getLanguage(likely, language, sizeof language, &likely_status);
    if (U_SUCCESS(likely_status) && language[0] != '\0' && std::string(language) != "und") languages.emplace_back(language);
  }
  return languages;
}

/// The short and variant names CLDR keeps for `alpha2` in `language`
/// ("UK", "US", "Czech Republic", "Ivory Coast").
void add_alternative_names(const std::string& language, Country& country) {
  UErrorCode status = U_ZERO_ERROR;
  UResourceBundle* names = ures_open(U_ICUDATA_NAME "-region", language.c_str(), &status);
  for (const char* key : {"Countries%short", "Countries%variant"}) {
    UErrorCode each = status;
    UResourceBundle* table = ures_getByKey(names, key, nullptr, &each);
    int32_t length = 0;
    const UChar* text = ures_getStringByKey(table, country.alpha2.c_str(), &length, &each);
    if (U_SUCCESS(each)) country.add(utf8(icu::UnicodeString(text, length)), Tier::name);
    ures_close(table);
  }
  ures_close(names);
}

/// Names derived from one written the way ISO lists names: "Korea, Republic
/// of" is also "Republic of Korea" (English) and "Korea".
void add_derived_names(const std::string& name, bool english, Country& country) {
  const auto comma = name.find(", ");
  if (comma == std::string::npos) return;
  const std::string head = name.substr(0, comma);
  const std::string tail = name.substr(comma + 2);
  country.add(head, Tier::derived);
  if (english && (tail.ends_with(" of") || tail.ends_with(" of the"))) country.add(tail + " " + head, Tier::derived);
}

/// Every name of `country` in `language`: iso-codes' name, common and
/// official name translated by its catalogue, CLDR's display name and its
/// short and variant forms.
void add_names(const nlohmann::json& entry, const std::string& language,
               const std::map<std::string, std::string>& catalogue, Country& country) {
  const bool english = language == "en";
  for (const char* key : {"name", "common_name", "official_name"}) {
    if (!entry.contains(key)) continue;
    const std::string original = entry[key].get<std::string>();
    std::string name = original;
    if (!english) {
      const auto found = catalogue.find(original);
      if (found == catalogue.end() || found->second.empty()) continue;
      name = found->second;
    }
    country.add(name, Tier::name);
    add_derived_names(name, english, country);
  }
  icu::UnicodeString display;
  icu::Locale("und", country.alpha2.c_str()).getDisplayCountry(icu::Locale(language.c_str()), display);
  country.add(utf8(display), Tier::name);
  add_alternative_names(language, country);
}

/// `text` as the body of a C++ string literal (UTF-8 is written as it is).
std::string literal(const std::string& text) {
  std::string out = "\"";
  for (char c : text) {
    if (c == '"' || c == '\\') out.push_back('\\');
    out.push_back(c);
  }
  return out + "\"";
}

void write_table(const std::vector<Country>& countries, const std::string& source, std::ostream& out) {
  std::size_t alias_count = 0;
  for (const Country& country : countries) alias_count += country.aliases.size();
  out << "// Generated at build time by tools/generate/country_names.cpp from " << source
      << " and ICU " << U_ICU_VERSION << ". Do not edit.\n"
      << "#include \"common/country_data.hpp\"\n\nnamespace crm::detail {\nnamespace {\n\n"
      << "constexpr CountryEntry kCountries[" << countries.size() << "] = {\n";
  for (const Country& country : countries)
    out << "    {" << literal(country.alpha2) << ", " << literal(country.alpha3) << ", " << literal(country.numeric)
        << ", " << literal(country.english) << "},\n";
  out << "};\n\nconstexpr CountryAlias kAliases[" << alias_count << "] = {\n";
  for (std::size_t i = 0; i < countries.size(); ++i)
    for (const Alias& alias : countries[i].aliases)
      out << "    {" << literal(alias.text) << ", " << i << ", " << (alias.tier == Tier::name ? "true" : "false")
          << "},\n";
  out << "};\n\n}  // namespace\n\n"
      << "std::span<const CountryEntry> country_entries() noexcept { return kCountries; }\n"
      << "std::span<const CountryAlias> country_aliases() noexcept { return kAliases; }\n\n"
      << "}  // namespace crm::detail\n";
}

int generate(const fs::path& json_path, const fs::path& locale_dir, const fs::path& output,
             const std::vector<std::string>& languages) {
  const nlohmann::json list = nlohmann::json::parse(read_file(json_path)).at("3166-1");
  UErrorCode status = U_ZERO_ERROR;
  UResourceBundle* supplemental = ures_openDirect(nullptr, "supplementalData", &status);
  UResourceBundle* territories = ures_getByKey(supplemental, "territoryInfo", nullptr, &status);
  if (U_FAILURE(status)) throw std::runtime_error(std::string("ICU territory data: ") + u_errorName(status));

  std::map<std::string, std::map<std::string, std::string>> catalogues;
  auto catalogue = [&](const std::string& language) -> const std::map<std::string, std::string>& {
    auto found = catalogues.find(language);
    if (found == catalogues.end())
      found = catalogues.emplace(language, read_catalogue(locale_dir / language / "LC_MESSAGES" / "iso_3166-1.mo")).first;
    return found->second;
  };

  std::vector<Country> countries;
  for (const nlohmann::json& entry : list) {
    Country country{entry.at("alpha_2"), entry.at("alpha_3"), entry.at("numeric"),
                    entry.value("common_name", entry.at("name").get<std::string>()), {}};
    std::vector<std::string> wanted = languages;
    for (std::string& language : official_languages(territories, country.alpha2))
      if (std::find(wanted.begin(), wanted.end(), language) == wanted.end()) wanted.push_back(std::move(language));
    for (const std::string& language : wanted) add_names(entry, language, catalogue(language), country);
    countries.push_back(std::move(country));
  }
  ures_close(territories);
  ures_close(supplemental);
  std::sort(countries.begin(), countries.end(), [](const Country& a, const Country& b) { return a.alpha2 < b.alpha2; });

  std::ostringstream text;
  write_table(countries, json_path.filename().string(), text);
  // Rewrite only on change, so a rerun does not rebuild the library.
  if (!fs::exists(output) || read_file(output) != text.str()) {
    std::ofstream out(output, std::ios::binary);
    out << text.str();
    if (!out) throw std::runtime_error("cannot write " + output.string());
  }
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 4) {
    std::cerr << "usage: " << argv[0] << " ISO_3166_JSON LOCALE_DIR OUTPUT.cpp LANGUAGE...\n";
    return 2;
  }
  try {
    return generate(argv[1], argv[2], argv[3], std::vector<std::string>(argv + 4, argv + argc));
  } catch (const std::exception& error) {
    std::cerr << argv[0] << ": " << error.what() << "\n";
    return 1;
  }
}
