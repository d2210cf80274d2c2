// Field access by name and tag lists, shared by the account and contact handles.
#pragma once

#include <cstring>
#include <span>
#include <string>
#include <vector>

#include "c_handles.hpp"

namespace crm::capi {

/// A text field of a record reachable by name from C.
template <class Record>
struct TextField {
  const char* name;
  std::string* (*access)(Record&);
  bool writable;
};

template <class Record>
const TextField<Record>* find_field(std::span<const TextField<Record>> fields, const char* name) {
  for (const auto& field : fields)
    if (std::strcmp(field.name, name) == 0) return &field;
  return nullptr;
}

/// Lists the names of `fields` for an error message.
template <class Record>
std::string field_names(std::span<const TextField<Record>> fields, bool writable_only) {
  std::string names;
  for (const auto& field : fields)
    if (field.writable || !writable_only) names += std::string(names.empty() ? "" : ", ") + field.name;
  return names;
}

/// crm_*_set(): sets a writable text field; NULL value unsets it.
template <class Handle>
crm_status set_field(Handle* handle, std::span<const TextField<decltype(Handle::record)>> fields, const char* name,
                     const char* value, const char* function) {
  if (!handle) return misuse(function, "the record must not be NULL");
  if (!name) return misuse(function, "field must not be NULL");
  return guard([&] {
    const auto* field = find_field(fields, name);
    if (!field || !field->writable)
      return fail(CRM_INVALID_ARGUMENT,
                  std::string(function) + ": '" + name + "' is not a field that can be set; fields: " +
                      field_names(fields, true),
                  name);
    *field->access(handle->record) = text(value);
    handle->formatted.values.clear();
    return CRM_OK;
  });
}

/// crm_*_get_field(): a text field, or one of the maintained timestamps
/// (created_at, updated_at; deleted_at is NULL while not deleted).
template <class Handle>
crm_status get_field(const Handle* handle, std::span<const TextField<decltype(Handle::record)>> fields,
                     const char* name, const char** out_value, const char* function) {
  if (!handle) return misuse(function, "the record must not be NULL");
  if (!name) return misuse(function, "field must not be NULL");
  if (!out_value) return misuse(function, "out_value must not be NULL");
  return guard([&] {
    auto& record = const_cast<decltype(Handle::record)&>(handle->record);
    if (const auto* field = find_field(fields, name)) {
      *out_value = field->access(record)->c_str();
    } else if (std::strcmp(name, "created_at") == 0 || std::strcmp(name, "updated_at") == 0) {
      const Instant& instant = name[0] == 'c' ? record.created_at : record.updated_at;
      *out_value = handle->formatted.keep(name, instant.is_special() ? "" : format_instant(instant));
    } else if (std::strcmp(name, "deleted_at") == 0) {
      *out_value = record.deleted_at ? handle->formatted.keep(name, format_instant(*record.deleted_at)) : nullptr;
    } else {
      return fail(CRM_INVALID_ARGUMENT,
                  std::string(function) + ": '" + name + "' is not a field; fields: " + field_names(fields, false) +
                      ", created_at, updated_at, deleted_at",
                  name);
    }
    return CRM_OK;
  });
}

/// Bounds-checked element of a record list, or CRM_NOT_FOUND naming the index.
template <class Item>
crm_status element(const std::vector<Item>& items, std::size_t index, const Item** out, const char* function) {
  if (index >= items.size())
    return fail_with(CRM_NOT_FOUND,
                     [&] {
                       return std::string(function) + ": index " + std::to_string(index) + " is beyond the " +
                              std::to_string(items.size()) + " items";
                     },
                     "index");
  *out = &items[index];
  return CRM_OK;
}

}  // namespace crm::capi

/// The tag functions of one record kind: count, get, add, clear.
#define CRM_TAG_FUNCTIONS(kind)                                                                   \
  crm_status crm_##kind##_tag_count(const crm_##kind* record, size_t* out_count) {                \
    CRM_REQUIRE(record);                                                                          \
    CRM_REQUIRE(out_count);                                                                       \
    *out_count = record->record.tags.size();                                                      \
    return CRM_OK;                                                                                \
  }                                                                                               \
  crm_status crm_##kind##_tag(const crm_##kind* record, size_t index, const char** out_tag) {     \
    CRM_REQUIRE(record);                                                                          \
    CRM_REQUIRE(out_tag);                                                                         \
    const std::string* tag = nullptr;                                                             \
    const crm_status status = ::crm::capi::element(record->record.tags, index, &tag, __func__);   \
    if (status == CRM_OK) *out_tag = tag->c_str();                                                \
    return status;                                                                                \
  }                                                                                               \
  crm_status crm_##kind##_add_tag(crm_##kind* record, const char* tag) {                          \
    CRM_REQUIRE(record);                                                                          \
    CRM_REQUIRE(tag);                                                                             \
    return ::crm::capi::guard([&] {                                                               \
      record->record.tags.emplace_back(tag);                                                      \
      return CRM_OK;                                                                              \
    });                                                                                           \
  }                                                                                               \
  crm_status crm_##kind##_clear_tags(crm_##kind* record) {                                        \
    CRM_REQUIRE(record);                                                                          \
    record->record.tags.clear();                                                                  \
    return CRM_OK;                                                                                \
  }
