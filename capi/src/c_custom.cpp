// Custom fields through the C ABI: their definitions, and the values record
// handles carry for them.
#include "c_custom.hpp"

#include <algorithm>
#include <cctype>
#include <iterator>

using namespace crm::capi;

namespace crm::capi {

namespace {

// Custom field names are ASCII letters, digits and "_"; the library matches
// them ignoring case.
bool same_name(std::string_view a, std::string_view b) noexcept {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
           return std::tolower(static_cast<unsigned char>(x)) == std::tolower(static_cast<unsigned char>(y));
         });
}

CustomValues::const_iterator find_value(const CustomValues& values, std::string_view name) {
  return std::find_if(values.begin(), values.end(), [&](const auto& entry) { return same_name(entry.first, name); });
}

}  // namespace

crm_status set_custom(CustomValues& values, const FormattedText& formatted, const char* name, const char* value,
                      const char* function) noexcept {
  return guard([&] {
    if (!*name) return fail(CRM_INVALID_ARGUMENT, std::string(function) + ": the field name must not be empty", "name");
    std::erase_if(values, [&](const auto& entry) { return same_name(entry.first, name); });
    if (value && *value) values.emplace(name, CustomValue(std::string(value)));
    formatted.values.clear();
    return CRM_OK;
  });
}

crm_status get_custom(const CustomValues& values, const FormattedText& formatted, const char* name,
                      const char** out_value, const char*) noexcept {
  return guard([&] {
    const auto found = find_value(values, name);
    *out_value = formatted.keep(std::string("custom.") + name, found == values.end() ? "" : found->second.to_string());
    return CRM_OK;
  });
}

crm_status custom_name(const CustomValues& values, std::size_t index, const char** out_name,
                       const char* function) noexcept {
  if (index >= values.size())
    return fail_with(CRM_NOT_FOUND,
                     [&] {
                       return std::string(function) + ": index " + std::to_string(index) + " is beyond the " +
                              std::to_string(values.size()) + " custom values";
                     },
                     "index");
  *out_name = std::next(values.begin(), static_cast<std::ptrdiff_t>(index))->first.c_str();
  return CRM_OK;
}

RecordKind record_kind_of(const char* name) {
  if (const auto kind = record_kind_from_name(name)) return *kind;
  throw Error(ErrorCode::invalid_argument,
              std::string("record_kind: '") + name +
                  "' is not a kind of record; kinds: account, contact, lead, opportunity, activity",
              "record_kind");
}

CustomValues typed_custom(Database& database, RecordKind kind, const CustomValues& values) {
  return database.custom_fields().typed_values(kind, values);
}

}  // namespace crm::capi

namespace {

crm_status give(crm::CustomField field, crm_custom_field** out) {
  if (out) *out = new crm_custom_field{std::move(field), {}};
  return CRM_OK;
}

const char* const kTypes = "text, integer, decimal, money, date, boolean, choice, choices";

crm::CustomFieldType type_of(const char* name) {
  if (const auto type = crm::custom_field_type_from_name(name)) return *type;
  throw crm::Error(crm::ErrorCode::invalid_argument,
                   std::string("custom_field.type: '") + name + "' is not a custom field type; types: " + kTypes,
                   "custom_field.type");
}

}  // namespace

extern "C" {

crm_status crm_custom_field_new(const char* name, const char* type, crm_custom_field** out_field) {
  CRM_REQUIRE(out_field);
  *out_field = nullptr;
  CRM_REQUIRE(name);
  CRM_REQUIRE(type);
  return guard([&] {
    crm::check_custom_field_name(name);
    crm::CustomField field;
    field.name = name;
    field.type = type_of(type);
    return give(std::move(field), out_field);
  });
}

void crm_custom_field_free(crm_custom_field* field) { delete field; }

crm_status crm_custom_field_set_name(crm_custom_field* field, const char* name) {
  CRM_REQUIRE(field);
  CRM_REQUIRE(name);
  return guard([&] {
    crm::check_custom_field_name(name);
    field->record.name = name;
    return CRM_OK;
  });
}

crm_status crm_custom_field_add_choice(crm_custom_field* field, const char* choice) {
  CRM_REQUIRE(field);
  CRM_REQUIRE(choice);
  return guard([&] {
    field->record.choices.emplace_back(choice);
    return CRM_OK;
  });
}

crm_status crm_custom_field_clear_choices(crm_custom_field* field) {
  CRM_REQUIRE(field);
  field->record.choices.clear();
  return CRM_OK;
}

crm_status crm_custom_field_set_required(crm_custom_field* field, int required) {
  CRM_REQUIRE(field);
  field->record.required = required != 0;
  return CRM_OK;
}

crm_status crm_custom_field_set_indexed(crm_custom_field* field, int indexed) {
  CRM_REQUIRE(field);
  field->record.indexed = indexed != 0;
  return CRM_OK;
}

crm_status crm_custom_field_set_default(crm_custom_field* field, const char* value) {
  CRM_REQUIRE(field);
  return guard([&] {
    std::optional<crm::CustomValue> parsed;  // a bad value throws and leaves the field as it was
    if (value && *value) parsed = crm::CustomValue::parse(field->record.type, value, "custom_field.default_value");
    field->record.default_value = std::move(parsed);
    field->formatted.values.erase("default_value");  // type, record_kind, created_at stay borrowed
    return CRM_OK;
  });
}

crm_status crm_custom_field_id(const crm_custom_field* field, int64_t* out_id) {
  CRM_REQUIRE(field);
  CRM_REQUIRE(out_id);
  *out_id = field->record.id.value();
  return CRM_OK;
}

crm_status crm_custom_field_name(const crm_custom_field* field, const char** out_name) {
  CRM_REQUIRE(field);
  CRM_REQUIRE(out_name);
  *out_name = field->record.name.c_str();
  return CRM_OK;
}

crm_status crm_custom_field_type(const crm_custom_field* field, const char** out_type) {
  CRM_REQUIRE(field);
  CRM_REQUIRE(out_type);
  return guard([&] {
    *out_type = field->formatted.keep("type", std::string(crm::custom_field_type_name(field->record.type)));
    return CRM_OK;
  });
}

crm_status crm_custom_field_record_kind(const crm_custom_field* field, const char** out_kind) {
  CRM_REQUIRE(field);
  CRM_REQUIRE(out_kind);
  return guard([&] {
    const std::string kind(crm::record_kind_name(field->record.record_kind));
    *out_kind = field->record.id.value() == 0 ? "" : field->formatted.keep("record_kind", kind);
    return CRM_OK;
  });
}

crm_status crm_custom_field_position(const crm_custom_field* field, int* out_position) {
  CRM_REQUIRE(field);
  CRM_REQUIRE(out_position);
  *out_position = field->record.position;
  return CRM_OK;
}

crm_status crm_custom_field_choice_count(const crm_custom_field* field, size_t* out_count) {
  CRM_REQUIRE(field);
  CRM_REQUIRE(out_count);
  *out_count = field->record.choices.size();
  return CRM_OK;
}

crm_status crm_custom_field_choice(const crm_custom_field* field, size_t index, const char** out_choice) {
  CRM_REQUIRE(field);
  CRM_REQUIRE(out_choice);
  const std::string* choice = nullptr;
  const crm_status status = element(field->record.choices, index, &choice, __func__);
  if (status == CRM_OK) *out_choice = choice->c_str();
  return status;
}

crm_status crm_custom_field_required(const crm_custom_field* field, int* out_required) {
  CRM_REQUIRE(field);
  CRM_REQUIRE(out_required);
  *out_required = field->record.required ? 1 : 0;
  return CRM_OK;
}

crm_status crm_custom_field_indexed(const crm_custom_field* field, int* out_indexed) {
  CRM_REQUIRE(field);
  CRM_REQUIRE(out_indexed);
  *out_indexed = field->record.indexed ? 1 : 0;
  return CRM_OK;
}

crm_status crm_custom_field_default(const crm_custom_field* field, const char** out_value) {
  CRM_REQUIRE(field);
  CRM_REQUIRE(out_value);
  return guard([&] {
    const auto& value = field->record.default_value;
    *out_value = field->formatted.keep("default_value", value ? value->to_string() : "");
    return CRM_OK;
  });
}

crm_status crm_custom_field_created_at(const crm_custom_field* field, const char** out_instant) {
  CRM_REQUIRE(field);
  CRM_REQUIRE(out_instant);
  return guard([&] {
    *out_instant = field->formatted.keep("created_at", instant_text(field->record.created_at));
    return CRM_OK;
  });
}

crm_status crm_custom_field_define(crm_db* db, const char* record_kind, const crm_custom_field* field,
                                   crm_custom_field** out_created) {
  if (out_created) *out_created = nullptr;
  CRM_REQUIRE(record_kind);
  CRM_REQUIRE(field);
  CRM_WITH_DB(db, {
    const crm::CustomFieldData& data = field->record;
    return give(database.custom_fields().define(record_kind_of(record_kind), data), out_created);
  });
}

crm_status crm_custom_field_get(crm_db* db, int64_t id, crm_custom_field** out_field) {
  CRM_REQUIRE(out_field);
  *out_field = nullptr;
  CRM_WITH_DB(db, { return give(database.custom_fields().get(crm::CustomFieldId(id)), out_field); });
}

crm_status crm_custom_field_find(crm_db* db, const char* record_kind, const char* name, crm_custom_field** out_field) {
  CRM_REQUIRE(out_field);
  *out_field = nullptr;
  CRM_REQUIRE(record_kind);
  CRM_REQUIRE(name);
  CRM_WITH_DB(db, {
    auto found = database.custom_fields().find(record_kind_of(record_kind), name);
    return found ? give(std::move(*found), out_field) : CRM_OK;
  });
}

crm_status crm_custom_field_list(crm_db* db, const char* record_kind, crm_cursor** out_cursor) {
  CRM_REQUIRE(out_cursor);
  *out_cursor = nullptr;
  CRM_REQUIRE(record_kind);
  CRM_WITH_DB(db, {
    *out_cursor = cursor_over<crm_custom_field>(db, database.custom_fields().list(record_kind_of(record_kind)));
    return CRM_OK;
  });
}

crm_status crm_cursor_custom_field(const crm_cursor* cursor, const crm_custom_field** out_field) {
  CRM_REQUIRE(cursor);
  CRM_REQUIRE(out_field);
  return cursor_record(cursor, out_field, __func__);
}

crm_status crm_custom_field_update(crm_db* db, const crm_custom_field* field, crm_custom_field** out_updated) {
  if (out_updated) *out_updated = nullptr;
  CRM_REQUIRE(field);
  CRM_WITH_DB(db, {
    const crm::CustomFieldData& data = field->record;
    return give(database.custom_fields().update(field->record.id, data), out_updated);
  });
}

crm_status crm_custom_value_normalize(const char* type_name, const char* text, char** out_text) {
  CRM_REQUIRE(out_text);
  *out_text = nullptr;
  CRM_REQUIRE(type_name);
  CRM_REQUIRE(text);
  return guard([&] {
    *out_text = owned_copy(crm::CustomValue::parse(type_of(type_name), text, "value").to_string());
    return CRM_OK;
  });
}

crm_status crm_custom_field_remove(crm_db* db, int64_t id) {
  CRM_WITH_DB(db, {
    database.custom_fields().remove(crm::CustomFieldId(id));
    return CRM_OK;
  });
}

}  // extern "C"
