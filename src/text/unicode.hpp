// UTF-8 validation, NFC normalization and the folded keys used for
// case- and diacritic-insensitive matching (utf8proc).
#pragma once

#include <string>
#include <string_view>

namespace crm::detail {

/// True when every byte is 7-bit ASCII (such text is already NFC).
bool is_ascii(std::string_view text) noexcept;

/// True for well-formed UTF-8 without NUL characters.
bool is_valid_utf8(std::string_view text) noexcept;

/// Valid UTF-8 in NFC. Throws Error(invalid_argument) naming `field` when
/// `text` is not valid UTF-8 or contains a NUL character.
std::string to_nfc(std::string_view text, std::string_view field);

/// Unicode white space removed from both ends (spaces, tabs, no-break spaces).
std::string_view trim(std::string_view text) noexcept;

/// Full Unicode case folding of valid UTF-8, in NFC ("ANNA@X.LV" -> "anna@x.lv",
/// "Straße" -> "strasse"). Used for case-insensitive exact keys (emails, tags).
std::string casefold(std::string_view text);

/// Case-folded, diacritics removed, white space collapsed to single spaces and
/// trimmed: "  Bērziņa " -> "berzina", "КОВАЛЬЧУК" -> "ковальчук". Used for
/// names, sorting and the "~" match.
std::string match_key(std::string_view text);

/// True when the valid UTF-8 `text` holds a control character other than
/// those in `allowed` (ASCII only, e.g. "\n\t"): C0 and C1 controls, the
/// line and paragraph separators, and the bidirectional embedding, override
/// and isolate controls (which can make text display other than it reads).
bool has_control_character(std::string_view text, std::string_view allowed = {}) noexcept;

/// True when `text` holds white space or an invisible character (Unicode
/// categories Z* and C*: spaces, separators, controls, format characters
/// such as zero-width space, private use, unassigned).
bool has_space_or_invisible(std::string_view text) noexcept;

}  // namespace crm::detail
