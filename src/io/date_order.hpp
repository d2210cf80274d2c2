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

}  // namespace crm::detail
