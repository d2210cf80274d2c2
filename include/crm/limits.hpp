// crmcore: the largest input the library takes. Lengths are in bytes of
// UTF-8 (a Latin letter is 1 byte, a Latvian or Cyrillic one 2, most others
// up to 4), counted after the text is cleaned (NFC, trimmed). Longer input is
// refused with Error(invalid_argument) naming the field and the limit, before
// anything is written; every surface (C++, C, Python, crm) answers the same.
// The limits keep one call's work and memory bounded: no single value can
// hold a connection for long or fill the disk.
#pragma once

#include <cstddef>
#include <string_view>

namespace crm {

/// One-line text: names of people, organizations, deals, segments and
/// custom fields, job titles, subjects, addresses, emails, phone numbers,
/// and every other single-line field.
inline constexpr std::size_t kMaxLineBytes = 1000;
/// An external_ref (the embedding system's key, an ERP customer code).
inline constexpr std::size_t kMaxExternalRefBytes = 255;
/// One tag.
inline constexpr std::size_t kMaxTagBytes = 200;
/// Free text that may span lines: descriptions, notes, activity bodies.
inline constexpr std::size_t kMaxTextBytes = 100'000;
/// The text of a filter in the segment language (a saved segment's too):
/// room for an `in (...)` list of 100,000 ERP codes of up to 30 characters.
inline constexpr std::size_t kMaxFilterTextBytes = 4 * 1'048'576;
/// Conditions and values one filter may compare with (each `in (...)` list
/// of text, numbers or names counts as one, however long).
inline constexpr std::size_t kMaxFilterValues = 10'000;
/// The text of a search (Search::find()).
inline constexpr std::size_t kMaxSearchTextBytes = 1000;
/// Words in a search text.
inline constexpr std::size_t kMaxSearchTerms = 32;
/// One cell of an imported CSV file, as decoded to UTF-8.
inline constexpr std::size_t kMaxCsvCellBytes = 1'048'576;
/// One record (line, or lines of quoted cells) of an imported CSV file.
inline constexpr std::size_t kMaxCsvRecordBytes = 4 * 1'048'576;

/// Throws Error(invalid_argument) "<field>: <bytes> bytes long; at most
/// <limit> bytes" with field() = `field` when `bytes` exceeds `limit`.
void check_length(std::string_view field, std::size_t bytes, std::size_t limit);

}  // namespace crm
