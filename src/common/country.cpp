// Country lookup over the generated table (common/country_data.hpp).
#include "common/country.hpp"

#include <algorithm>
#include <charconv>
#include <cstdint>
#include <optional>
#include <unordered_map>

#include "common/country_data.hpp"
#include "text/nearest_name.hpp"
#include "text/unicode.hpp"

namespace crm::detail {
namespace {

// How strongly a key names its country: a code beats a name a source gives,
// which beats a name derived from one ("Korea" from "Korea, Republic of").
enum class Strength : std::uint8_t { derived = 1, name = 2, code = 3 };

// The countries a folded key names, at the strongest level seen for it.
struct KeyMeaning {
  Strength strength;
  std::vector<std::uint16_t> countries;
};

// The comparison form of a country as written: match_key() (case and
// diacritics folded, spaces collapsed) without dots and apostrophes, other
// punctuation as spaces, and without a leading "the".
std::string country_key(std::string_view written) {
  const std::string folded = match_key(written);
  std::string key;
  key.reserve(folded.size());
  for (std::size_t i = 0; i < folded.size(); ++i) {
    const char c = folded[i];
    if (c == '.' || c == '\'') continue;
    if (folded.compare(i, 3, "\xE2\x80\x99") == 0) {  // right single quotation mark
      i += 2;
      continue;
    }
    const bool separator = c == ',' || c == ';' || c == '(' || c == ')' || c == '/' || c == '-' || c == '_' || c == ' ';
    if (separator) {
      if (!key.empty() && key.back() != ' ') key.push_back(' ');
    } else {
      key.push_back(c);
    }
  }
  while (!key.empty() && key.back() == ' ') key.pop_back();
  if (key.starts_with("the ")) key.erase(0, 4);
  return key;
}

using KeyTable = std::unordered_map<std::string, KeyMeaning>;

void add_key(KeyTable& table, std::string key, std::uint16_t country, Strength strength) {
  if (key.empty()) return;
  auto [found, added] = table.try_emplace(std::move(key), KeyMeaning{strength, {country}});
  if (added) return;
  KeyMeaning& meaning = found->second;
  if (strength < meaning.strength) return;
  if (strength > meaning.strength) {
    meaning = {strength, {country}};
  } else if (std::find(meaning.countries.begin(), meaning.countries.end(), country) == meaning.countries.end()) {
    meaning.countries.push_back(country);
  }
}

// Every key of every country, built once.
const KeyTable& key_table() {
  static const KeyTable table = [] {
    KeyTable keys;
    const auto entries = country_entries();
    for (std::size_t i = 0; i < entries.size(); ++i) {
      add_key(keys, country_key(entries[i].alpha2), static_cast<std::uint16_t>(i), Strength::code);
      add_key(keys, country_key(entries[i].alpha3), static_cast<std::uint16_t>(i), Strength::code);
    }
    for (const CountryAlias& alias : country_aliases())
      add_key(keys, country_key(alias.name), alias.country, alias.primary ? Strength::name : Strength::derived);
    return keys;
  }();
  return table;
}

std::string describe(std::uint16_t country) {
  const CountryEntry& entry = country_entries()[country];
  return std::string(entry.name) + " (" + std::string(entry.alpha2) + ")";
}

// An ISO 3166-1 numeric code ("428", "40") as the index of its country.
std::optional<std::uint16_t> numeric_country(std::string_view text) {
  int number = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), number);
  if (error != std::errc() || end != text.data() + text.size() || text.size() > 3) return std::nullopt;
  const auto entries = country_entries();
  for (std::size_t i = 0; i < entries.size(); ++i) {
    int code = 0;
    std::from_chars(entries[i].numeric.data(), entries[i].numeric.data() + entries[i].numeric.size(), code);
    if (code == number) return static_cast<std::uint16_t>(i);
  }
  return std::nullopt;
}

// The names nearest to `key`, at most three countries, nearest first.
std::vector<std::string> nearest_countries(const std::string& key) {
  std::vector<std::pair<std::size_t, std::uint16_t>> best(country_entries().size(), {SIZE_MAX, 0});
  for (std::size_t i = 0; i < best.size(); ++i) best[i].second = static_cast<std::uint16_t>(i);
  for (const auto& [name, meaning] : key_table())
    for (std::uint16_t country : meaning.countries)
      best[country].first = std::min(best[country].first, edit_distance(key, name));
  const std::size_t shown = std::min<std::size_t>(3, best.size());
  std::partial_sort(best.begin(), best.begin() + static_cast<std::ptrdiff_t>(shown), best.end());
  std::vector<std::string> names;
  for (std::size_t i = 0; i < shown; ++i) names.push_back(describe(best[i].second));
  return names;
}

std::optional<std::uint16_t> code_index(std::string_view alpha2) noexcept {
  const auto entries = country_entries();
  const auto found = std::lower_bound(entries.begin(), entries.end(), alpha2,
                                      [](const CountryEntry& entry, std::string_view code) { return entry.alpha2 < code; });
  if (found == entries.end() || found->alpha2 != alpha2) return std::nullopt;
  return static_cast<std::uint16_t>(found - entries.begin());
}

}  // namespace

bool is_country_code(std::string_view code) noexcept { return code.size() == 2 && code_index(code).has_value(); }

std::string_view country_name(std::string_view alpha2) noexcept {
  const auto index = code_index(alpha2);
  return index ? country_entries()[*index].name : std::string_view{};
}

CountryMatch find_country(std::string_view written) {
  if (const auto number = numeric_country(trim(written))) return {std::string(country_entries()[*number].alpha2), {}, false};
  const std::string key = country_key(written);
  const KeyTable& table = key_table();
  if (const auto found = table.find(key); found != table.end()) {
    const KeyMeaning& meaning = found->second;
    if (meaning.countries.size() == 1) return {std::string(country_entries()[meaning.countries.front()].alpha2), {}, false};
    CountryMatch match{{}, {}, true};
    for (std::uint16_t country : meaning.countries) match.candidates.push_back(describe(country));
    return match;
  }
  return {{}, nearest_countries(key), false};
}

}  // namespace crm::detail
