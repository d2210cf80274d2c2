// Names as people type them on a Latin keyboard: the ASCII Latin spelling of
// a text, made with ICU's transliterator (at run time), for search and for
// comparing names of duplicates.
#pragma once

#include <string>
#include <string_view>

namespace crm::detail {

/// The ICU transform latin_key() applies, in ICU's compound-id syntax: German
/// umlauts and ß written out (de-ASCII: "Müller" -> "Mueller"), Russian
/// Cyrillic as BGN/PCGN writes it ("Шевченко" -> "Shevchenko", soft and hard
/// signs and BGN's separating dots dropped), any other script in ICU's Latin
/// (Ukrainian і, ї, є, ґ, Greek, ...), then every letter without diacritics
/// and the letters that have none folded to ASCII (ł -> l, ı -> i, ø -> o,
/// đ -> d, æ -> ae). Each step sees only the characters it may change (the
/// filters in brackets), which halves its cost; match_key() lower-cases after.
inline constexpr std::string_view kLatinKeyTransform =
    "[:^ASCII:] de-ASCII; [:Cyrillic:] Russian-Latin/BGN; [\\u02B9\\u02BA\\u00B7] Remove; [:^ASCII:] Any-Latin; "
    "[:^ASCII:] Latin-ASCII";

/// The ASCII Latin spelling of valid UTF-8 `text`, white space collapsed
/// and trimmed as match_key() does: "Kozłowski" -> "kozlowski", "Yılmaz" ->
/// "yilmaz", "Żółkiewska" -> "zolkiewska", "Müller" -> "mueller", "Иванов"
/// -> "ivanov", "Ковальчук" -> "kovalchuk". ASCII text is only lower-cased
/// (no ICU call), so it equals match_key() there. Characters no transform
/// covers are kept. Uses one transliterator per thread, made on first use.
/// Throws Error(io) when ICU cannot make the transliterator (missing data).
std::string latin_key(std::string_view text);

/// latin_key(text), or "" when it equals match_key(text) (all ASCII text,
/// and text whose letters only lose their diacritics): what the latin_key
/// columns of accounts, contacts and leads hold beside name_key (NULL for "").
/// Text whose match_key() is ASCII and that has no diaeresis (which de-ASCII
/// may write out) gives "" without an ICU call: Latvian and Lithuanian names.
std::string distinct_latin_key(std::string_view text);

}  // namespace crm::detail
