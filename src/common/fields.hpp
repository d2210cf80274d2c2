// Validation and normalization of the text fields of records. Every function
// throws Error(invalid_argument) naming the field and the offending value, so
// bad input is refused before anything is written.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "crm/limits.hpp"

namespace crm::detail {

/// A single-line value: valid UTF-8, NFC, trimmed, no control characters,
/// at most `max_bytes` long (crm/limits.hpp: kMaxLineBytes unless the field
/// has a limit of its own). Empty stays empty (an unset optional field).
std::string clean_line(std::string_view value, std::string_view field, std::size_t max_bytes = kMaxLineBytes);

/// clean_line() that also refuses an empty result.
std::string require_line(std::string_view value, std::string_view field, std::size_t max_bytes = kMaxLineBytes);

/// An external_ref: clean_line() with at most kMaxExternalRefBytes.
std::string clean_ref(std::string_view value, std::string_view field);

/// Free text (descriptions, notes): valid UTF-8, NFC, trailing white space
/// removed; new lines and tabs allowed, other control characters refused;
/// at most kMaxTextBytes long.
std::string clean_text(std::string_view value, std::string_view field);

/// An email address: one "@", a non-empty local part of at most 64 bytes, a
/// domain of dot-separated labels with at least one dot, no white space.
/// Returns the cleaned address (NFC, trimmed); empty stays empty.
std::string clean_email(std::string_view value, std::string_view field);

/// The ISO 3166-1 alpha-2 code of a country written as a code or a name
/// ("lv", "LVA", "428", "Latvia", "Latvija", "U.S.": common/country.hpp);
/// empty stays empty. Throws Error(invalid_argument) naming `field` and the
/// nearest names for an unknown country, or the candidates for an ambiguous one.
std::string clean_country(std::string_view value, std::string_view field);

/// A language tag such as "lv", "de", "en-GB" (BCP 47 shape); empty stays empty.
std::string clean_language(std::string_view value, std::string_view field);

/// Tags: each cleaned with clean_line() (at most kMaxTagBytes), empty ones refused, duplicates that
/// differ only in case dropped (the first spelling is kept).
std::vector<std::string> clean_tags(const std::vector<std::string>& tags, std::string_view field);

/// `value` quoted for a message, shortened to a readable length.
std::string quote(std::string_view value);

}  // namespace crm::detail
