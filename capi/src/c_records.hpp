// Field access by name for handles whose fields are listed by hand (products,
// campaigns, stage changes; the record kinds with descriptors use
// c_fields.hpp), the extras of those, and tag lists.
#pragma once

#include <cstdint>
#include <cstring>
#include <limits>
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

/// A field kept in another form than text (a date, an instant, the name of
/// an enumerator): parsed when set (may throw crm::Error; NULL reads as ""),
/// formatted when read. Read-only without `set`.
template <class Record>
struct ParsedField {
  const char* name;
  void (*set)(Record&, const std::string& value);
  std::string (*get)(const Record&);
};

/// An integer field of a record reachable by name from C; read-only without
/// `set`, which may throw crm::Error for a value out of range.
template <class Record>
struct IntField {
  const char* name;
  std::int64_t (*get)(const Record&);
  void (*set)(Record&, std::int64_t);
};

template <class Field>
const Field* find_named(std::span<const Field> fields, const char* name) {
  for (const auto& field : fields)
    if (std::strcmp(field.name, name) == 0) return &field;
  return nullptr;
}

template <class Record>
const TextField<Record>* find_field(std::span<const TextField<Record>> fields, const char* name) {
  return find_named(fields, name);
}

/// Appends the names of `fields` (the settable ones only with `writable_only`).
template <class Field>
void append_names(std::string& names, std::span<const Field> fields, bool writable_only) {
  for (const auto& field : fields) {
    bool writable = false;
    if constexpr (requires { field.writable; })
      writable = field.writable;
    else
      writable = field.set != nullptr;
    if (writable || !writable_only) names += std::string(names.empty() ? "" : ", ") + field.name;
  }
}

/// Lists the names of `fields` for an error message.
template <class Record>
std::string field_names(std::span<const TextField<Record>> fields, bool writable_only) {
  std::string names;
  append_names(names, fields, writable_only);
  return names;
}

/// crm_*_set(): sets a writable text or parsed field; a NULL value unsets it.
template <class Handle>
crm_status set_field(Handle* handle, std::span<const TextField<decltype(Handle::record)>> fields, const char* name,
                     const char* value, const char* function,
                     std::span<const ParsedField<decltype(Handle::record)>> parsed = {}) {
  if (!handle) return misuse(function, "the record must not be NULL");
  if (!name) return misuse(function, "field must not be NULL");
  return guard([&] {
    if (const auto* field = find_field(fields, name); field && field->writable) {
      *field->access(handle->record) = text(value);
    } else if (const auto* special = find_named(parsed, name); special && special->set) {
      special->set(handle->record, text(value));  // a bad value throws and leaves the record as it was
    } else {
      std::string names = field_names(fields, true);
      append_names(names, parsed, true);
      return fail(CRM_INVALID_ARGUMENT,
                  std::string(function) + ": '" + name + "' is not a field that can be set; fields: " + names, name);
    }
    handle->formatted.values.clear();
    return CRM_OK;
  });
}

/// crm_*_get_field(): a text or parsed field, or one of the maintained
/// timestamps the record has (created_at, updated_at; deleted_at is NULL
/// while not deleted).
template <class Handle>
crm_status get_field(const Handle* handle, std::span<const TextField<decltype(Handle::record)>> fields,
                     const char* name, const char** out_value, const char* function,
                     std::span<const ParsedField<decltype(Handle::record)>> parsed = {}) {
  using Record = decltype(Handle::record);
  if (!handle) return misuse(function, "the record must not be NULL");
  if (!name) return misuse(function, "field must not be NULL");
  if (!out_value) return misuse(function, "out_value must not be NULL");
  return guard([&] {
    auto& record = const_cast<Record&>(handle->record);
    constexpr bool has_deleted_at = requires { record.deleted_at; };
    if (const auto* field = find_field(fields, name)) {
      *out_value = field->access(record)->c_str();
    } else if (const auto* special = find_named(parsed, name)) {
      *out_value = handle->formatted.keep(name, special->get(record));
    } else if (std::strcmp(name, "created_at") == 0 || std::strcmp(name, "updated_at") == 0) {
      const Instant& instant = name[0] == 'c' ? record.created_at : record.updated_at;
      *out_value = handle->formatted.keep(name, instant.is_special() ? "" : format_instant(instant));
    } else if (has_deleted_at && std::strcmp(name, "deleted_at") == 0) {
      if constexpr (has_deleted_at)
        *out_value = record.deleted_at ? handle->formatted.keep(name, format_instant(*record.deleted_at)) : nullptr;
    } else {
      std::string names = field_names(fields, false);
      append_names(names, parsed, false);
      return fail(CRM_INVALID_ARGUMENT,
                  std::string(function) + ": '" + name + "' is not a field; fields: " + names +
                      (has_deleted_at ? ", created_at, updated_at, deleted_at" : ", created_at, updated_at"),
                  name);
    }
    return CRM_OK;
  });
}

/// crm_*_get_int(): reads an integer field.
template <class Handle>
crm_status get_int_field(const Handle* handle, std::span<const IntField<decltype(Handle::record)>> fields,
                         const char* name, std::int64_t* out_value, const char* function) {
  if (!handle) return misuse(function, "the record must not be NULL");
  if (!name) return misuse(function, "field must not be NULL");
  if (!out_value) return misuse(function, "out_value must not be NULL");
  const auto* field = find_named(fields, name);
  if (!field)
    return fail_with(CRM_INVALID_ARGUMENT,
                     [&] {
                       std::string names;
                       append_names(names, fields, false);
                       return std::string(function) + ": '" + name + "' is not an integer field; fields: " + names;
                     },
                     name);
  *out_value = field->get(handle->record);
  return CRM_OK;
}

/// An int64 from C as an int, or invalid_argument naming `field`.
inline int narrow_int(std::int64_t value, const char* field) {
  if (value < std::numeric_limits<int>::min() || value > std::numeric_limits<int>::max())
    throw Error(ErrorCode::invalid_argument,
                std::string(field) + ": " + std::to_string(value) + " is out of range", field);
  return static_cast<int>(value);
}

/// An optional date from C text: NULL or "" is none.
inline std::optional<Date> optional_date(const std::string& value) {
  if (value.empty()) return std::nullopt;
  return parse_date(value);
}

/// "" for none, else "YYYY-MM-DD".
inline std::string date_text(const std::optional<Date>& date) { return date ? format_date(*date) : std::string(); }

/// "" for none or a special instant, else the UTC text.
inline std::string instant_text(const std::optional<Instant>& instant) {
  return instant && !instant->is_special() ? format_instant(*instant) : std::string();
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
