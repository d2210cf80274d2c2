// Name, company and place material for the sample data set, per culture.
#pragma once

#include <span>
#include <string_view>

namespace crm::detail::sample {

/// A surname in its masculine and feminine forms (equal where the language
/// does not inflect), plus a Latin spelling for email addresses ("" when the
/// name is already Latin and only needs its diacritics dropped).
struct Surname {
  std::string_view male;
  std::string_view female;
  std::string_view latin_male;
  std::string_view latin_female;
};

/// A given name with the Latin spelling used in email addresses.
struct GivenName {
  std::string_view name;
  std::string_view latin;
};

/// People of one language: names and the language tag they prefer.
struct Culture {
  std::string_view language;  ///< "lv", "lt", "uk", "ru", "de", "en"
  std::span<const GivenName> male_names;
  std::span<const GivenName> female_names;
  std::span<const Surname> surnames;
};

/// A country where sample accounts are: its companies, places and numbers.
struct Country {
  std::string_view code;           ///< ISO 3166-1 alpha-2
  std::string_view name_pattern;   ///< company name with "{}" for the words: "SIA {}", "{} GmbH"
  std::span<const std::string_view> company_words;
  std::span<const std::string_view> company_nouns;
  std::span<const std::string_view> cities;
  std::span<const std::string_view> streets;
  std::string_view postal_format;  ///< '#' is replaced by a digit
  std::string_view domain;         ///< top-level domain, "lv"
  std::string_view calling_code;   ///< "371"
  std::string_view mobile_prefixes;  ///< national prefixes separated by ','; digits follow
  int mobile_digits;                 ///< digits after the prefix
  std::string_view landline_prefix;
  int landline_digits;
  std::span<const Culture* const> cultures;  ///< who works there, first is most common
};

/// The sample countries, in the order accounts are spread over them.
std::span<const Country> countries();

}  // namespace crm::detail::sample
