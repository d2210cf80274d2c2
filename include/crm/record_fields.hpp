// crmcore: one description of every field of every record kind. The segment
// catalog, CSV columns and header aliases, reserved custom-field names, merge
// lists, the C ABI field tables and Python's record properties are all derived
// from these tables (src/model/*_fields.cpp). Adding a plain field means: the
// struct member, one descriptor line, a migration.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <variant>
#include <vector>

#include "crm/account.hpp"
#include "crm/activity.hpp"
#include "crm/contact.hpp"
#include "crm/custom_field.hpp"
#include "crm/lead.hpp"
#include "crm/money.hpp"
#include "crm/opportunity.hpp"
#include "crm/pipeline.hpp"
#include "crm/time.hpp"

namespace crm {

/// What kind of value a field holds (the C++ type is in RecordField::member).
enum class RecordFieldType {
  text,           ///< std::string, one line (trimmed) unless FieldInfo::multiline.
  integer,        ///< std::int64_t or int.
  duration,       ///< std::int64_t whole seconds; CSV also reads "2:05" and "1:02:05".
  percent,        ///< std::optional<int> 0..100; CSV also reads "40 %".
  money,          ///< Money: an amount and its currency.
  date,           ///< std::optional<Date>.
  instant,        ///< Instant or std::optional<Instant>, UTC.
  boolean,        ///< bool.
  birthday,       ///< std::optional<Birthday>: a day, year optional.
  enumeration,    ///< An enum class with names (FieldInfo::values lists them).
  reference,      ///< An id of another record (FieldInfo::target names what it points to).
  emails,         ///< std::vector<Email>.
  phones,         ///< std::vector<Phone>.
  tags,           ///< std::vector<std::string>, case-insensitively unique labels.
  consents,       ///< std::vector<Consent>.
  deal_contacts,  ///< std::vector<OpportunityContact>: further people of a deal.
  line_items,     ///< std::vector<LineItem>: a deal's products.
  recurrence,     ///< std::optional<Recurrence>.
  address,        ///< Address as a whole (its parts are fields of their own).
  custom,         ///< CustomValues: the custom fields' values, by name.
};

/// Where a field's value is stored.
enum class FieldStorage {
  column,      ///< A column of the record's own table (FieldSql::column).
  side_table,  ///< Rows of another table linked to the record (FieldSql::table).
  custom_json, ///< The custom-values JSON of the record.
  computed,    ///< Not stored as written: derived by the library from other data, or kept in columns
               ///< of another shape (a deal's probability override: `probability` and a flag).
};

/// What a field takes part in; a bit set (see FieldRoles).
enum class FieldRole : std::uint32_t {
  filter = 1u << 0,         ///< Named by the segment language (FieldInfo::filter_name).
  sort = 1u << 1,           ///< A list can be sorted by it (sort_field, by filter_name).
  select = 1u << 2,         ///< A column of select(), named as filter_field() (links: their id column, "parent_id").
  csv_read = 1u << 3,       ///< Read by CSV import (FieldInfo::csv).
  csv_write = 1u << 4,      ///< Written by CSV export (columns of FieldInfo::csv that export).
  merge_choose = 1u << 5,   ///< Merging duplicates picks one record's value.
  merge_unite = 1u << 6,    ///< Merging duplicates unites both records' values.
  personal = 1u << 7,       ///< Personal data of a person (GDPR export and erasure).
  audited = 1u << 8,        ///< A change of it is a change of the record (history, events).
  maintained = 1u << 9,     ///< Read-only: maintained by the library, a member of the stored struct only.
  key = 1u << 10,           ///< Identifies the record (id, external_ref); CSV export writes keys first.
};

/// A set of FieldRole bits.
using FieldRoles = std::uint32_t;

/// `a` and `b` as one set.
constexpr FieldRoles operator|(FieldRole a, FieldRole b) noexcept {
  return static_cast<FieldRoles>(a) | static_cast<FieldRoles>(b);
}
/// `roles` with `role` added.
constexpr FieldRoles operator|(FieldRoles roles, FieldRole role) noexcept {
  return roles | static_cast<FieldRoles>(role);
}
/// `roles` with `role` added.
constexpr FieldRoles operator|(FieldRole role, FieldRoles roles) noexcept { return roles | role; }
/// True when `roles` holds `role`.
constexpr bool has_role(FieldRoles roles, FieldRole role) noexcept {
  return (roles & static_cast<FieldRoles>(role)) != 0;
}

/// How a text value is normalized before it is compared in a filter.
enum class TextNormalization {
  nfc,       ///< Unicode NFC, trimmed.
  casefold,  ///< Case-folded (emails).
  country,   ///< Stored as an ISO 3166-1 alpha-2 code; any code or a country's name is accepted ("Latvija", "USA").
  phone,     ///< A phone number, to E.164.
};

/// What one CSV cell of a field holds.
enum class CsvCell {
  value,         ///< The field's own value in the format of its type.
  external_ref,  ///< reference: the target's external_ref.
  name,          ///< reference: the target's name (account, deal, pipeline, stage, lost reason).
  email,         ///< reference to a contact: its email address.
  currency,      ///< money: the currency code alone.
  both_dates,    ///< date: sets this date and the one named by FieldInfo::also (a deal's "close_date").
  mobile,        ///< phones: numbers of kind mobile.
  work,          ///< phones: numbers of kind work.
  home,          ///< phones: numbers of kind home.
  other,         ///< phones: numbers of kind other.
  /// reference, read on import only: an external_ref naming a record of the
  /// target or of a sibling kind, as Salesforce's WhoId and WhatId do (an
  /// activity's "who_ref": a contact or a lead; "what_ref": an account or a
  /// deal); the importer looks in each kind.
  either_ref,
};

/// One CSV column of a field.
struct CsvColumn {
  std::string_view name;                  ///< The canonical header ("address_street").
  std::vector<std::string_view> aliases;  ///< Headers of spreadsheets and other CRMs that mean it.
  CsvCell cell = CsvCell::value;          ///< What the cell holds.
  bool exported = true;                   ///< False: read on import only.
};

/// Where and how a field is stored in SQL, for the query layer.
struct FieldSql {
  std::string_view column{};      ///< The column in the record's table; for side tables, the value column.
  std::string_view compare{};     ///< The column filters compare with, when not `column` ("phone_e164").
  std::string_view key_column{};  ///< The match-key column for ~ / contains / starts with, if any.
  /// side_table: the linked table ("contact_emails"), joined on `link`. A
  /// reference or name: the table of names it is looked up in ("stages").
  std::string_view table{};
  std::string_view link{};        ///< side_table: its column holding the record's id ("contact_id").
  std::string_view lookup_key{};  ///< reference: the column of `table` a filter compares ("name_key", "kind").
  std::string_view currency{};    ///< money: the currency column; `column` holds the amount in minor units.
  std::string_view selected{};    ///< The column select() reads when not `column` (a lead's "phone_e164").
  TextNormalization normalize = TextNormalization::nfc;  ///< How a filter literal is normalized.
  bool not_null = false;          ///< column: NOT NULL, so an empty text is stored as '' rather than NULL.
};

/// The untyped description of one field of a record kind.
struct FieldInfo {
  std::string_view name;            ///< The member's name ("job_title"); address parts "address_street".
  RecordFieldType type = RecordFieldType::text;  ///< Its kind of value.
  FieldStorage storage = FieldStorage::column;   ///< Where it is stored.
  FieldRoles roles = 0;             ///< What it takes part in.
  std::string_view doc{};           ///< One line for people.
  std::string_view filter_name{};   ///< The segment language's name when not `name` ("start"); "" otherwise.
  std::vector<CsvColumn> csv{};     ///< Its CSV columns, in export order (several for references, amounts).
  FieldSql sql{};                   ///< Its SQL storage.
  std::vector<std::string_view> values{};  ///< enumeration: the names of its values, lower-case.
  std::string_view target{};        ///< reference: "account", "contact", "pipeline", "stage", ...
  std::string_view also{};          ///< A second field a CsvCell::both_dates cell sets.
  bool multiline = false;           ///< text: kept as written, may span lines (descriptions).
  bool required = false;            ///< text: a record without a value is refused.

  /// The name the segment language and sort use: filter_name or name.
  std::string_view filter_field() const noexcept { return filter_name.empty() ? name : filter_name; }
  /// True when the field has `role`.
  bool has(FieldRole role) const noexcept { return has_role(roles, role); }
};

/// A pointer to a member of `Record` of any type a record field has.
template <class Record>
using FieldMember =
    std::variant<std::string Record::*, std::int64_t Record::*, int Record::*, std::optional<int> Record::*,
                 Money Record::*, std::optional<Date> Record::*, Instant Record::*, std::optional<Instant> Record::*,
                 std::optional<Birthday> Record::*, std::vector<Email> Record::*, std::vector<Phone> Record::*,
                 std::vector<Consent> Record::*, std::vector<std::string> Record::*,
                 std::vector<OpportunityContact> Record::*, std::vector<LineItem> Record::*,
                 std::optional<Recurrence> Record::*, Address Record::*, CustomValues Record::*,
                 AccountId Record::*, ContactId Record::*, LeadId Record::*, OpportunityId Record::*,
                 ActivityId Record::*, PipelineId Record::*, StageId Record::*, LostReasonId Record::*,
                 LeadStatus Record::*, ActivityKind Record::*, ActivityStatus Record::*, Direction Record::*,
                 StageKind Record::*>;

/// One field of `Record` (one of AccountData, Account, ContactData, Contact,
/// LeadData, Lead, OpportunityData, Opportunity, ActivityData, Activity):
/// its description and typed access to the member.
template <class Record>
struct RecordField {
  FieldInfo info;               ///< The description.
  FieldMember<Record> member;   ///< The member holding the value (for address parts, `address`).
  /// Address parts only: the part of `member` (an Address) holding the value; else nullptr.
  std::string Address::*address_part = nullptr;

  /// Calls `visit` with a reference to the value in `record`: a std::string&
  /// for an address part, else the member's type.
  template <class Visit>
  decltype(auto) apply(Record& record, Visit&& visit) const {
    return std::visit(
        [&](auto pointer) -> decltype(auto) {
          auto& value = record.*pointer;
          if constexpr (std::is_same_v<std::remove_cvref_t<decltype(value)>, Address>)
            if (address_part) return visit(value.*address_part);
          return visit(value);
        },
        member);
  }
  /// As apply(), with a const reference.
  template <class Visit>
  decltype(auto) apply(const Record& record, Visit&& visit) const {
    return std::visit(
        [&](auto pointer) -> decltype(auto) {
          const auto& value = record.*pointer;
          if constexpr (std::is_same_v<std::remove_cvref_t<decltype(value)>, Address>)
            if (address_part) return visit(value.*address_part);
          return visit(value);
        },
        member);
  }
};

/// The fields of `Record`, mostly in declaration order (CSV export writes the
/// `key` fields first, then the others in this order). The stored structs
/// (Contact, ...) list "id", their data struct's fields, then what the library maintains.
template <class Record>
const std::vector<RecordField<Record>>& record_fields();

/// Declared specializations, defined in src/model/.
template <> const std::vector<RecordField<AccountData>>& record_fields<AccountData>();
template <> const std::vector<RecordField<Account>>& record_fields<Account>();
template <> const std::vector<RecordField<ContactData>>& record_fields<ContactData>();
template <> const std::vector<RecordField<Contact>>& record_fields<Contact>();
template <> const std::vector<RecordField<LeadData>>& record_fields<LeadData>();
template <> const std::vector<RecordField<Lead>>& record_fields<Lead>();
template <> const std::vector<RecordField<OpportunityData>>& record_fields<OpportunityData>();
template <> const std::vector<RecordField<Opportunity>>& record_fields<Opportunity>();
template <> const std::vector<RecordField<ActivityData>>& record_fields<ActivityData>();
template <> const std::vector<RecordField<Activity>>& record_fields<Activity>();

/// Every field of a stored record of `kind` (the record_fields<Contact>() infos, ...).
const std::vector<FieldInfo>& record_fields(RecordKind kind);

/// The field of `kind` named `name` (its member name), or nullptr.
const FieldInfo* find_record_field(RecordKind kind, std::string_view name) noexcept;

/// The name of `type` as the C ABI and Python give it ("text", "integer", ...).
std::string_view record_field_type_name(RecordFieldType type) noexcept;

/// The name a field has on the C ABI and in Python: its descriptor name, and
/// for an address part the part's own name ("address_street" is "street").
template <class Record>
std::string_view surface_field_name(const RecordField<Record>& field) noexcept {
  std::string_view name = field.info.name;
  if (field.address_part) name.remove_prefix(name.find('_') + 1);
  return name;
}

/// The name of a value of a record field's enumeration, for code generic over
/// the field types (each forwards to the enumeration's own *_name()).
inline std::string_view enum_value_name(LeadStatus value) noexcept { return lead_status_name(value); }
inline std::string_view enum_value_name(ActivityKind value) noexcept { return activity_kind_name(value); }
inline std::string_view enum_value_name(ActivityStatus value) noexcept { return activity_status_name(value); }
inline std::string_view enum_value_name(Direction value) noexcept { return direction_name(value); }
inline std::string_view enum_value_name(StageKind value) noexcept { return stage_kind_name(value); }
/// The value of enumeration `Value` named `text`, or nullopt (the tag pointer selects the enumeration).
inline std::optional<LeadStatus> enum_value_from_name(std::string_view text, LeadStatus*) noexcept {
  return lead_status_from_name(text);
}
inline std::optional<ActivityKind> enum_value_from_name(std::string_view text, ActivityKind*) noexcept {
  return activity_kind_from_name(text);
}
inline std::optional<ActivityStatus> enum_value_from_name(std::string_view text, ActivityStatus*) noexcept {
  return activity_status_from_name(text);
}
inline std::optional<Direction> enum_value_from_name(std::string_view text, Direction*) noexcept {
  return direction_from_name(text);
}
inline std::optional<StageKind> enum_value_from_name(std::string_view text, StageKind*) noexcept {
  return stage_kind_from_name(text);
}

}  // namespace crm
