// Deciding how the dates with slashes of each column of an import are read
// (ImportOptions::date_order), before its rows are.
#pragma once

#include "crm/import.hpp"
#include "io/csv_reader.hpp"
#include "io/row_mapper.hpp"

namespace crm::detail {

/// Sets the slash-date order of every dated column of `mapper`. For
/// DateOrder::day_first and month_first that order, reading nothing. For
/// DateOrder::detect, reads the records left in `reader` until each dated
/// column has a date only one order can read ("13/3/2025": day first), or
/// to the end; columns with none stay refusing ambiguous dates. Returns
/// true when it read records (the caller reads the input again from its
/// start). Throws what reading the input throws.
bool decide_slash_dates(CsvReader& reader, RowMapper& mapper, DateOrder order);

/// Whether the bytes of `in` from `start` to its end, after the first line
/// break (the header line), hold a '/' (0x2F, also in UTF-16 and every
/// 8-bit encoding the import reads): false means no cell can hold a date
/// with slashes and detection need not parse the file. A raw scan, far
/// cheaper than reading the records. Leaves `in` cleared and at `start`.
bool holds_slash_after_header(std::istream& in, std::istream::pos_type start);

}  // namespace crm::detail
