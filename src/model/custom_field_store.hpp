// Custom fields below the public API: reading definitions, checking and
// encoding a record's values for its `custom` column (JSON keyed by field
// id), decoding them back, and the SQL expression of a field's value.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "crm/custom_field.hpp"

namespace SQLite {
class Statement;
}

namespace crm::detail {

class Session;

/// The table whose rows carry custom values of `kind` ("contacts", ...).
std::string_view custom_table(RecordKind kind) noexcept;

/// The columns of custom_fields that read_custom_field() reads, in order.
extern const char* const kCustomFieldColumns;

/// A custom_fields row selected with kCustomFieldColumns.
CustomField read_custom_field(SQLite::Statement& statement);

/// The fields of `kind`, in order.
std::vector<CustomField> load_custom_fields(Session& session, RecordKind kind);

/// The fields of `kind` as this connection's current transaction sees them,
/// read once per transaction (every call reads them outside one).
std::shared_ptr<const std::vector<CustomField>> current_custom_fields(Session& session, RecordKind kind);

/// `value` checked for `field`: its type (an integer is also a decimal, one
/// choice also a multiple choice), text cleaned, choices spelt as defined.
/// Throws Error(invalid_argument) naming `path`.
CustomValue check_custom_value(const CustomField& field, const CustomValue& value, const std::string& path);

/// True for empty text and no choices, which records store as no value.
bool is_empty_custom_value(const CustomValue& value);

/// The JSON that stores `value` (in a record's column and as a default).
std::string custom_value_json(const CustomValue& value);

/// The text form (CustomValue::to_string) of one value stored as JSON for a
/// field of `type`.
std::string custom_json_text(CustomFieldType type, std::string_view stored);

/// A record's custom values as checked for storage.
struct EncodedCustom {
  CustomValues values;  ///< With defaults filled in and choices spelled as defined.
  std::string json;     ///< The `custom` column: JSON keyed by field id; "" for none (NULL).
};

/// Checks `values` against the fields of `kind`: unknown names (with the
/// nearest defined name), wrong types, unlisted choices, missing required
/// values. When `creating`, defaults fill absent values. `entity` prefixes
/// field names in messages ("contact" gives "contact.custom.tier").
/// Throws Error(invalid_argument).
EncodedCustom encode_custom(Session& session, RecordKind kind, const CustomValues& values, bool creating);

/// Turns stored `custom` columns of one record kind back into values. Reads
/// the definitions on the first non-empty column, so loading records without
/// custom values costs nothing.
class CustomDecoder {
 public:
  /// Decodes columns of records of `kind` read through `session`.
  CustomDecoder(Session& session, RecordKind kind) : session_(session), kind_(kind) {}
  /// The values stored in `column` (JSON keyed by field id; "" for NULL).
  CustomValues decode(std::string_view column);

 private:
  Session& session_;
  RecordKind kind_;
  std::shared_ptr<const std::vector<CustomField>> fields_;
  std::unordered_map<std::string, const CustomField*> by_id_;
};

/// The SQL expression of the field's value in row `table_alias` (empty: the
/// unqualified column, as index expressions need it), as indexes
/// and filters use it: numbers for integer, decimal and money (minor units),
/// 1/0 for boolean, text for the rest (a JSON array for choices).
std::string custom_value_sql(const CustomField& field, std::string_view table_alias);

}  // namespace crm::detail
