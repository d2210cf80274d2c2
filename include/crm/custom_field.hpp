// crmcore: fields an administrator adds to accounts, contacts, leads, deals
// and activities at run time, and the values records carry for them.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "crm/ids.hpp"
#include "crm/money.hpp"
#include "crm/time.hpp"

namespace crm {

namespace detail {
class Session;
struct StoreAccess;
}

/// The kinds of record that can carry custom fields.
enum class RecordKind { account, contact, lead, opportunity, activity };
/// "account", "contact", "lead", "opportunity" or "activity".
std::string_view record_kind_name(RecordKind kind) noexcept;
/// The kind named `name` (as record_kind_name() writes it), or nullopt.
std::optional<RecordKind> record_kind_from_name(std::string_view name) noexcept;
/// Every record kind, in declaration order.
const std::vector<RecordKind>& all_record_kinds();

/// What a custom field holds.
enum class CustomFieldType {
  text,     ///< One line or more of text.
  integer,  ///< A whole number (int64).
  decimal,  ///< An exact decimal number such as "12.50", kept as written (canonical form).
  money,    ///< An amount with its currency (crm::Money).
  date,     ///< A calendar date.
  boolean,  ///< Yes or no.
  choice,   ///< One of the field's listed choices.
  choices,  ///< Any number of the field's listed choices (multiple choice).
};
/// "text", "integer", "decimal", "money", "date", "boolean", "choice" or "choices".
std::string_view custom_field_type_name(CustomFieldType type) noexcept;
/// The type named `name` (as custom_field_type_name() writes it), or nullopt.
std::optional<CustomFieldType> custom_field_type_from_name(std::string_view name) noexcept;

/// One value of a custom field; which alternative it holds says its type.
/// Text holds text and a single choice; a decimal is kept as its canonical
/// text ("12.5", "-0.25") so that it stays exact.
class CustomValue {
 public:
  /// The alternatives, in CustomFieldType order except that text and choice
  /// share std::string and decimal is a Decimal.
  struct Decimal {
    std::string text;  ///< Canonical: optional "-", digits, optional "." and digits without trailing zeros.
    friend bool operator==(const Decimal&, const Decimal&) = default;
  };
  using Alternatives = std::variant<std::string, std::int64_t, Decimal, Money, Date, bool, std::vector<std::string>>;

  /// Empty text, which records store as no value.
  CustomValue() = default;
  /// Text, or a single choice.
  CustomValue(std::string text) : value_(std::move(text)) {}
  /// Text, or a single choice.
  CustomValue(const char* text) : value_(std::string(text)) {}
  /// A whole number.
  CustomValue(std::int64_t number) : value_(number) {}
  /// A whole number.
  CustomValue(int number) : value_(std::int64_t{number}) {}
  /// A decimal number; see decimal().
  CustomValue(Decimal number) : value_(std::move(number)) {}
  /// An amount of money.
  CustomValue(Money amount) : value_(amount) {}
  /// A date.
  CustomValue(Date date) : value_(date) {}
  /// Yes or no.
  CustomValue(bool yes) : value_(yes) {}
  /// Several choices.
  CustomValue(std::vector<std::string> choices) : value_(std::move(choices)) {}

  /// The decimal number written in `text` ("12.50", "-3", "0.125"); throws
  /// Error(invalid_argument) for anything else, or more than 18 digits.
  static CustomValue decimal(std::string_view text);

  /// Reads `text` as a value for a field of `type`, the way a spreadsheet
  /// cell or a command line gives it: "42", "12.50", "1200.00 EUR", "2025-01-31",
  /// "true"/"false"/"yes"/"no"/"1"/"0", a choice, choices separated by ";".
  /// Throws Error(invalid_argument) naming `field` when it does not read.
  static CustomValue parse(CustomFieldType type, std::string_view text, std::string_view field = "value");

  /// The value as text, in the form parse() reads.
  std::string to_string() const;

  /// The held alternative.
  const Alternatives& get() const noexcept { return value_; }
  /// The text or choice; throws invalid_argument when it holds something else.
  const std::string& text() const;
  /// The whole number; throws invalid_argument when it holds something else.
  std::int64_t integer() const;
  /// The decimal's canonical text; throws invalid_argument when it holds something else.
  const std::string& decimal_text() const;
  /// The amount; throws invalid_argument when it holds something else.
  Money money() const;
  /// The date; throws invalid_argument when it holds something else.
  Date date() const;
  /// The yes/no; throws invalid_argument when it holds something else.
  bool boolean() const;
  /// The choices; throws invalid_argument when it holds something else.
  const std::vector<std::string>& choices() const;

  /// Equal when the alternative and its content are equal.
  friend bool operator==(const CustomValue&, const CustomValue&) = default;

 private:
  Alternatives value_;
};

/// Custom values of a record by field name. A field without a value is absent.
using CustomValues = std::map<std::string, CustomValue>;

/// Throws Error(invalid_argument) naming "custom_field.name" unless `name`
/// has the shape of a custom field name: letters, digits and "_", starting
/// with a letter, at most 64 characters. CustomFields::define() and update()
/// check this and, knowing the record kind, that the name is not built in.
void check_custom_field_name(std::string_view name);

/// What an administrator sets on a custom field.
struct CustomFieldData {
  /// Unique per record kind, ignoring case; letters, digits and "_", starting
  /// with a letter, at most 64 characters; not the name of a built-in field
  /// of the record kind (so segments can name it).
  std::string name{};
  CustomFieldType type = CustomFieldType::text;
  /// The choices of a choice or choices field (at least one, unique ignoring
  /// case, no ";"); must be empty for other types.
  std::vector<std::string> choices{};
  /// Records must have a value (a default fills it in on create).
  bool required = false;
  /// Given to new records that have no value for the field.
  std::optional<CustomValue> default_value{};
  /// Keep an index on the values, for fast filtering in segments.
  bool indexed = false;
};

/// A defined custom field.
struct CustomField : CustomFieldData {
  CustomFieldId id{};        ///< Row id.
  RecordKind record_kind = RecordKind::contact;  ///< The kind of record that carries it.
  int position = 0;          ///< 1-based order among the kind's fields.
  Instant created_at{};      ///< When defined (UTC).
};

/// The custom field definitions of a Database (db.custom_fields()). Every
/// change is one transaction. Values are validated against the definitions
/// when records are written: an unknown name fails with the nearest defined
/// name, a wrong type or an unlisted choice with the field and the value.
/// Throws crm::Error.
class CustomFields {
 public:

  /// Defines a field on records of `kind`. Throws invalid_argument for a bad
  /// name, choices or default, already_exists for a name in use. Records
  /// stored before keep no value (the default applies to new records only).
  CustomField define(RecordKind kind, const CustomFieldData& data);
  /// The field with `id`. Throws not_found.
  CustomField get(CustomFieldId id) const;
  /// The field of `kind` named `name` (ignoring case), if any.
  std::optional<CustomField> find(RecordKind kind, std::string_view name) const;
  /// The fields of `kind` in order.
  std::vector<CustomField> list(RecordKind kind) const;
  /// Changes a field's name, choices, required flag, default or index; its
  /// type and kind cannot change (invalid_argument). Values stay: renaming
  /// does not touch records. A choice still used by a record cannot be
  /// dropped (conflict, naming how many records use it).
  CustomField update(CustomFieldId id, const CustomFieldData& data);
  /// Removes the field and its values from every record of its kind; other
  /// data of those records stays as it is.
  void remove(CustomFieldId id);

  /// `values` for a record of `kind` with every text value read as the type
  /// of the field it names (ignoring case), by CustomValue::parse() naming
  /// "<kind>.custom.<field>": for surfaces that take values as text (the C
  /// ABI). Typed values, blank text and names no field of `kind` has stay as
  /// they are, for create and update to check (they report an unknown name
  /// with the nearest defined one). Throws invalid_argument for text that
  /// does not read as its field's type.
  CustomValues typed_values(RecordKind kind, const CustomValues& values) const;

 private:
  friend struct detail::StoreAccess;  // constructs stores: Database and the implementation
  explicit CustomFields(detail::Session& session) : session_(session) {}
  detail::Session& session_;
};

}  // namespace crm
