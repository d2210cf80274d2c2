// Custom values on record handles, shared by the five record kinds that
// carry them (accounts, contacts, leads, deals, activities).
//
// A detached record handle does not know the types of the custom fields, so
// crm_*_set_custom() keeps the text as given (a text CustomValue) and the
// record's create or update turns it into a value of the field's type
// (typed_record()). Values read from the database keep their types and are
// read back as CustomValue::to_string() text.
#pragma once

#include <string>
#include <string_view>

#include "c_records.hpp"

namespace crm::capi {

/// crm_*_set_custom(): keeps `value` as text under `name`, replacing a value
/// whose name differs only in case; NULL or "" removes the value.
crm_status set_custom(CustomValues& values, const FormattedText& formatted, const char* name, const char* value,
                      const char* function) noexcept;

/// crm_*_get_custom(): the value of `name` (ignoring case) as text, "" when
/// the record has none; borrowed from `formatted`.
crm_status get_custom(const CustomValues& values, const FormattedText& formatted, const char* name,
                      const char** out_value, const char* function) noexcept;

/// crm_*_custom_name(): the name of value number `index` (by name).
crm_status custom_name(const CustomValues& values, std::size_t index, const char** out_name,
                       const char* function) noexcept;

/// `values` with every value kept as text read as a value of its field's
/// type (CustomValue::parse(), naming "<kind>.custom.<name>"). Text of a
/// name no field of `kind` has stays text, for the library to report with
/// the nearest defined name. Throws crm::Error.
CustomValues typed_custom(Database& database, RecordKind kind, const CustomValues& values);

/// A record whose custom values are typed_custom(): the record itself when it
/// has no custom values, else a copy with typed values. Converts to
/// `const Record&`; lives as long as the record it was made from.
template <class Record>
class TypedRecord {
 public:
  TypedRecord(const Record& record, std::optional<Record> typed) : record_(&record), typed_(std::move(typed)) {}
  const Record& get() const noexcept { return typed_ ? *typed_ : *record_; }
  operator const Record&() const noexcept { return get(); }

 private:
  const Record* record_;
  std::optional<Record> typed_;
};

/// `record` with typed_custom() values; copies it only when it has custom
/// values.
template <class Record>
TypedRecord<Record> typed_record(Database& database, RecordKind kind, const Record& record) {
  if (record.custom.empty()) return {record, std::nullopt};
  std::optional<Record> copy(std::in_place, record);
  copy->custom = typed_custom(database, kind, record.custom);
  return {record, std::move(copy)};
}

}  // namespace crm::capi

/// The custom value functions of one record kind: set, get, count, name.
#define CRM_CUSTOM_FUNCTIONS(kind)                                                                         \
  crm_status crm_##kind##_set_custom(crm_##kind* record, const char* name, const char* value) {           \
    CRM_REQUIRE(record);                                                                                   \
    CRM_REQUIRE(name);                                                                                     \
    return ::crm::capi::set_custom(record->record.custom, record->formatted, name, value, __func__);       \
  }                                                                                                        \
  crm_status crm_##kind##_get_custom(const crm_##kind* record, const char* name, const char** out_value) { \
    CRM_REQUIRE(record);                                                                                   \
    CRM_REQUIRE(name);                                                                                     \
    CRM_REQUIRE(out_value);                                                                                \
    return ::crm::capi::get_custom(record->record.custom, record->formatted, name, out_value, __func__);   \
  }                                                                                                        \
  crm_status crm_##kind##_custom_count(const crm_##kind* record, size_t* out_count) {                      \
    CRM_REQUIRE(record);                                                                                   \
    CRM_REQUIRE(out_count);                                                                                \
    *out_count = record->record.custom.size();                                                             \
    return CRM_OK;                                                                                         \
  }                                                                                                        \
  crm_status crm_##kind##_custom_name(const crm_##kind* record, size_t index, const char** out_name) {     \
    CRM_REQUIRE(record);                                                                                   \
    CRM_REQUIRE(out_name);                                                                                 \
    return ::crm::capi::custom_name(record->record.custom, index, out_name, __func__);                     \
  }
