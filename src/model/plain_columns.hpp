// The plain columns of a record kind, from the record descriptors: the
// fields a column of the record's own table holds as written. Each record
// store writes, reads and cleans them through these functions, so a new plain
// field needs no line in a store: only the struct member, its descriptor and
// a migration adding the column.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include <SQLiteCpp/Statement.h>
#include <sqlite3.h>

#include "crm/record_fields.hpp"
#include "crm/time.hpp"

namespace crm::model {

/// True when `field` is a plain column: stored in a column of the record's
/// own table as written (text, numbers, dates, enumerations, ids, money), not
/// a name looked up elsewhere (lead_source), custom values or a recurrence.
bool is_plain_column(const FieldInfo& field) noexcept;

/// The SQL columns of the plain fields of `Data` (one of AccountData,
/// ContactData, LeadData, OpportunityData, ActivityData), comma separated in
/// descriptor order; money takes two (amount, currency).
template <class Data>
const std::string& plain_column_list();

/// Binds the plain fields of `data` to the parameters from `first` on, in
/// the order of plain_column_list(); returns the next free parameter.
/// Empty text is NULL unless the column is FieldSql::not_null.
template <class Data>
int bind_plain_columns(SQLite::Statement& statement, int first, const Data& data);

/// Reads the plain fields into `data` from the result columns from `first`
/// on, in the order of plain_column_list(); returns the next column.
template <class Data>
int read_plain_columns(SQLite::Statement& statement, int first, Data& data);
/// As above, on the current row of a statement used through SQLite's C API.
template <class Data>
int read_plain_columns(sqlite3_stmt* row, int first, Data& data);

/// Copies the plain fields of `in` to `out`, refusing with
/// Error(invalid_argument) what no record may hold: text trimmed to one line
/// in NFC (multiline text keeps its lines), country codes checked, required
/// text not empty, a birthday not after `today`, an enumeration value that
/// has a name. Field names in errors are "<kind>.<field>" ("account.address.city").
/// A store refines a field with rules of its own after this.
template <class Data>
void clean_plain_fields(const Data& in, Data& out, std::string_view kind, const Date& today);

}  // namespace crm::model
