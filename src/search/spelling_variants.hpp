// The spellings of a search word that SQLite's unicode61 tokenizer keeps
// apart although people write one for the other: "ss" and "ß" (German), "е"
// and "ё" (Russian, Belarusian), "и" and "й", "і" and "ї" (Russian,
// Ukrainian), "у" and "ў" (Belarusian). Its own case folding and removal of
// diacritics covers Latin script ("muller" finds "Müller") but not these:
// "strasse" would miss "Straße" and "ковалев" would miss "Ковалёв". With
// them, every name is found by its case-folded spelling without diacritics
// (text/unicode.hpp match_key()) in Latin and Cyrillic script.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace crm::detail {

/// The most spellings of one word spelling_variants() returns.
inline constexpr std::size_t kMaxSpellingVariants = 64;

/// The spellings of `word` (valid UTF-8 in NFC) to search for: the word
/// case-folded, with each of the letters above written either way. Every
/// combination when there are at most six such places; otherwise only the
/// word as written and with all of them plain. Never empty; no duplicates.
std::vector<std::string> spelling_variants(std::string_view word);

}  // namespace crm::detail
