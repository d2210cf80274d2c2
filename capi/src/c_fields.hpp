// Record fields by name through the C ABI, found in the record descriptors
// (crm/record_fields.hpp): crm_<kind>_set(), _get_field(), _set_int() and
// _get_int() of accounts, contacts, leads, deals and activities, and the
// field enumeration (crm_record_field_*). A field added to a descriptor table
// is reachable from C with no change here: its type decides how text (or an
// int64) is converted.
#pragma once

#include <charconv>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <type_traits>

#include "c_records.hpp"
#include "crm/record_fields.hpp"

namespace crm::capi {

/// The name of the record kind `Record` is, as errors name it ("lead").
template <class Record>
inline constexpr const char* kind_noun = nullptr;
template <>
inline constexpr const char* kind_noun<Account> = "account";
template <>
inline constexpr const char* kind_noun<Contact> = "contact";
template <>
inline constexpr const char* kind_noun<Lead> = "lead";
template <>
inline constexpr const char* kind_noun<Opportunity> = "opportunity";
template <>
inline constexpr const char* kind_noun<Activity> = "activity";

/// True for a field of a type crm_*_get_field()/crm_*_set() read and write
/// as text; the others (lists, the whole address, custom values) have
/// functions of their own.
constexpr bool is_text_type(RecordFieldType type) noexcept {
  using T = RecordFieldType;
  switch (type) {
    case T::text: case T::integer: case T::duration: case T::percent: case T::money: case T::date:
    case T::instant: case T::boolean: case T::birthday: case T::enumeration: case T::reference:
      return true;
    default:
      return false;
  }
}

/// True for a field of a type crm_*_get_int()/crm_*_set_int() read and write.
constexpr bool is_integer_type(RecordFieldType type) noexcept {
  using T = RecordFieldType;
  return type == T::integer || type == T::duration || type == T::percent || type == T::reference ||
         type == T::boolean;
}

/// True when callers may set the field (the library maintains the others).
inline bool is_settable(const FieldInfo& info) noexcept { return !info.has(FieldRole::maintained); }

/// The record type's descriptor field C calls `name`, or nullptr.
template <class Record>
const RecordField<Record>* find_descriptor(const char* name) noexcept {
  for (const auto& field : record_fields<Record>())
    if (surface_field_name(field) == name) return &field;
  return nullptr;
}

namespace field_text {

/// What an error calls one value of each enumeration.
inline const char* noun(LeadStatus*) { return "a lead status"; }
inline const char* noun(ActivityKind*) { return "an activity kind"; }
inline const char* noun(ActivityStatus*) { return "an activity status"; }
inline const char* noun(Direction*) { return "a direction"; }
inline const char* noun(StageKind*) { return "a stage kind"; }

template <class T>
inline constexpr bool is_enum = std::is_enum_v<T>;
template <class T>
inline constexpr bool is_id = false;
template <class Tag>
inline constexpr bool is_id<Id<Tag>> = true;

/// invalid_argument naming `field` ("lead.status"): `value` is not `what`.
[[noreturn]] inline void refuse(const std::string& field, const std::string& value, const std::string& what) {
  throw Error(ErrorCode::invalid_argument, field + ": '" + value + "' is not " + what, field);
}

/// `value` as a whole decimal int64, or invalid_argument naming `field`.
inline std::int64_t integer(const std::string& value, const std::string& field) {
  std::int64_t number = 0;
  const char* end = value.data() + value.size();
  const auto [stop, error] = std::from_chars(value.data(), end, number);
  if (error != std::errc() || stop != end) refuse(field, value, "an integer");
  return number;
}

/// The value's text as get_field() gives it ("" for none).
template <class Value>
std::string format(const Value& value) {
  if constexpr (std::is_same_v<Value, std::string>) {
    return value;
  } else if constexpr (std::is_same_v<Value, bool>) {
    return value ? "1" : "0";
  } else if constexpr (std::is_integral_v<Value>) {
    return std::to_string(value);
  } else if constexpr (std::is_same_v<Value, std::optional<int>>) {
    return value ? std::to_string(*value) : std::string();
  } else if constexpr (is_id<Value>) {
    return value ? std::to_string(value.value()) : std::string();
  } else if constexpr (is_enum<Value>) {
    return std::string(enum_value_name(value));
  } else if constexpr (std::is_same_v<Value, Money>) {
    return value.currency().empty() ? std::string() : value.to_string();
  } else if constexpr (std::is_same_v<Value, std::optional<Date>>) {
    return date_text(value);
  } else if constexpr (std::is_same_v<Value, Instant>) {
    return value.is_special() ? std::string() : format_instant(value);
  } else if constexpr (std::is_same_v<Value, std::optional<Instant>>) {
    return instant_text(value);
  } else if constexpr (std::is_same_v<Value, std::optional<Birthday>>) {
    return value ? value->to_string() : std::string();
  } else {
    static_assert(sizeof(Value) == 0, "a field of this type is not read as text");
  }
}

/// Sets `member` from non-empty text; `field` names it in errors, which list
/// an enumeration's values from `info`.
template <class Value>
void parse(Value& member, const std::string& value, const std::string& field, const FieldInfo& info) {
  if constexpr (std::is_same_v<Value, std::string>) {
    member = value;
  } else if constexpr (std::is_same_v<Value, bool>) {
    if (value == "1" || value == "true") member = true;
    else if (value == "0" || value == "false") member = false;
    else refuse(field, value, "1, 0, true or false");
  } else if constexpr (std::is_same_v<Value, std::int64_t>) {
    member = integer(value, field);
  } else if constexpr (std::is_same_v<Value, int>) {
    member = narrow_int(integer(value, field), field.c_str());
  } else if constexpr (std::is_same_v<Value, std::optional<int>>) {
    member = narrow_int(integer(value, field), field.c_str());
  } else if constexpr (is_id<Value>) {
    member = Value(integer(value, field));
  } else if constexpr (is_enum<Value>) {
    const auto found = enum_value_from_name(value, static_cast<Value*>(nullptr));
    if (!found) {
      std::string choices;
      for (std::string_view choice : info.values)
        choices += (choices.empty() ? "" : ", ") + (choice.empty() ? std::string("\"\"") : std::string(choice));
      refuse(field, value, std::string(noun(static_cast<Value*>(nullptr))) + " (" + choices + ")");
    }
    member = *found;
  } else if constexpr (std::is_same_v<Value, Money>) {
    member = Money::parse(value);
  } else if constexpr (std::is_same_v<Value, std::optional<Date>>) {
    member = parse_date(value);
  } else if constexpr (std::is_same_v<Value, Instant> || std::is_same_v<Value, std::optional<Instant>>) {
    member = parse_instant(value);
  } else if constexpr (std::is_same_v<Value, std::optional<Birthday>>) {
    member = Birthday::parse(value);
  } else {
    static_assert(sizeof(Value) == 0, "a field of this type is not set from text");
  }
}

/// The value as get_int() gives it.
template <class Value>
std::int64_t to_integer(const Value& value) {
  if constexpr (std::is_same_v<Value, std::optional<int>>)
    return value ? *value : -1;
  else if constexpr (is_id<Value>)
    return value.value();
  else if constexpr (std::is_same_v<Value, bool> || std::is_integral_v<Value>)
    return static_cast<std::int64_t>(value);
  else
    static_assert(sizeof(Value) == 0, "a field of this type is not read as an integer");
}

/// Sets `member` from an int64 given to set_int(); `field` names it in errors.
template <class Value>
void from_integer(Value& member, std::int64_t value, const std::string& field) {
  if constexpr (std::is_same_v<Value, std::optional<int>>) {
    member = value == -1 ? std::nullopt : std::optional<int>(narrow_int(value, field.c_str()));
  } else if constexpr (is_id<Value>) {
    member = Value(value);
  } else if constexpr (std::is_same_v<Value, bool>) {
    if (value != 0 && value != 1)
      throw Error(ErrorCode::invalid_argument, field + ": " + std::to_string(value) + " is neither 0 nor 1", field);
    member = value == 1;
  } else if constexpr (std::is_same_v<Value, int>) {
    member = narrow_int(value, field.c_str());
  } else if constexpr (std::is_same_v<Value, std::int64_t>) {
    member = value;
  } else {
    static_assert(sizeof(Value) == 0, "a field of this type is not set from an integer");
  }
}

/// True when a member of this C++ type is read and set as text / as an integer.
template <class Value>
inline constexpr bool textual =
    std::is_same_v<Value, std::string> || std::is_arithmetic_v<Value> || std::is_same_v<Value, std::optional<int>> ||
    is_id<Value> || is_enum<Value> || std::is_same_v<Value, Money> || std::is_same_v<Value, std::optional<Date>> ||
    std::is_same_v<Value, Instant> || std::is_same_v<Value, std::optional<Instant>> ||
    std::is_same_v<Value, std::optional<Birthday>>;
template <class Value>
inline constexpr bool integral =
    std::is_arithmetic_v<Value> || std::is_same_v<Value, std::optional<int>> || is_id<Value>;

}  // namespace field_text

/// The names of the descriptor fields of `Record` that `keep` accepts and of
/// `extras`, for an error message.
template <class Record, class Keep, class Extra>
std::string descriptor_names(Keep keep, std::span<const Extra> extras, bool writable_only) {
  std::string names;
  for (const auto& field : record_fields<Record>())
    if (keep(field.info)) names += std::string(names.empty() ? "" : ", ") + std::string(surface_field_name(field));
  append_names(names, extras, writable_only);
  return names;
}

/// crm_<kind>_set(): sets a settable field the descriptors give a text form
/// (NULL or "" gives it the value a new record has), or one of `extras`.
template <class Handle>
crm_status set_described(Handle* handle, const char* name, const char* value, const char* function,
                         std::span<const ParsedField<decltype(Handle::record)>> extras = {}) {
  using Record = decltype(Handle::record);
  if (!handle) return misuse(function, "the record must not be NULL");
  if (!name) return misuse(function, "field must not be NULL");
  return guard([&] {
    const RecordField<Record>* field = find_descriptor<Record>(name);
    if (field && is_settable(field->info) && is_text_type(field->info.type)) {
      const std::string given = text(value);
      const std::string qualified = std::string(kind_noun<Record>) + "." + name;
      static const Record defaults{};
      field->apply(handle->record, [&](auto& member) {
        using Value = std::remove_cvref_t<decltype(member)>;
        if constexpr (field_text::textual<Value>) {
          Value parsed{};  // a bad value throws and leaves the record as it was
          if (given.empty())
            field->apply(defaults, [&](const auto& fresh) {
              if constexpr (std::is_same_v<std::remove_cvref_t<decltype(fresh)>, Value>) parsed = fresh;
            });
          else
            field_text::parse(parsed, given, qualified, field->info);
          member = std::move(parsed);
        }
      });
    } else if (const auto* extra = find_named(extras, name); extra && extra->set) {
      extra->set(handle->record, text(value));  // a bad value throws and leaves the record as it was
    } else {
      const auto keep = [](const FieldInfo& info) { return is_settable(info) && is_text_type(info.type); };
      return fail(CRM_INVALID_ARGUMENT,
                  std::string(function) + ": '" + name + "' is not a field that can be set; fields: " +
                      descriptor_names<Record>(keep, extras, true),
                  name);
    }
    handle->formatted.values.clear();
    return CRM_OK;
  });
}

/// crm_<kind>_get_field(): a field the descriptors give a text form, or one
/// of `extras`. Text members are lent as they are; other values are
/// formatted into the handle. deleted_at is NULL while not deleted.
template <class Handle>
crm_status get_described(const Handle* handle, const char* name, const char** out_value, const char* function,
                         std::span<const ParsedField<decltype(Handle::record)>> extras = {}) {
  using Record = decltype(Handle::record);
  if (!handle) return misuse(function, "the record must not be NULL");
  if (!name) return misuse(function, "field must not be NULL");
  if (!out_value) return misuse(function, "out_value must not be NULL");
  return guard([&] {
    const Record& record = handle->record;
    const RecordField<Record>* field = find_descriptor<Record>(name);
    if (field && is_text_type(field->info.type)) {
      field->apply(record, [&](const auto& member) {
        using Value = std::remove_cvref_t<decltype(member)>;
        if constexpr (std::is_same_v<Value, std::string>) {
          *out_value = member.c_str();
        } else if constexpr (std::is_same_v<Value, std::optional<Instant>>) {
          *out_value = !member && field->info.name == "deleted_at"
                           ? nullptr
                           : handle->formatted.keep(name, field_text::format(member));
        } else if constexpr (field_text::textual<Value>) {
          *out_value = handle->formatted.keep(name, field_text::format(member));
        }
      });
    } else if (const auto* extra = find_named(extras, name)) {
      *out_value = handle->formatted.keep(name, extra->get(record));
    } else {
      const auto keep = [](const FieldInfo& info) { return is_text_type(info.type); };
      return fail(CRM_INVALID_ARGUMENT,
                  std::string(function) + ": '" + name + "' is not a field; fields: " +
                      descriptor_names<Record>(keep, extras, false),
                  name);
    }
    return CRM_OK;
  });
}

/// crm_<kind>_set_int(): sets a settable integer, reference (0 unsets) or
/// boolean (0/1) field; an optional integer is unset by -1. Or one of `extras`.
template <class Handle>
crm_status set_described_int(Handle* handle, const char* name, std::int64_t value, const char* function,
                             std::span<const IntField<decltype(Handle::record)>> extras = {}) {
  using Record = decltype(Handle::record);
  if (!handle) return misuse(function, "the record must not be NULL");
  if (!name) return misuse(function, "field must not be NULL");
  return guard([&] {
    const RecordField<Record>* field = find_descriptor<Record>(name);
    if (field && is_settable(field->info) && is_integer_type(field->info.type)) {
      const std::string qualified = std::string(kind_noun<Record>) + "." + name;
      field->apply(handle->record, [&](auto& member) {
        using Value = std::remove_cvref_t<decltype(member)>;
        if constexpr (field_text::integral<Value>) {
          Value parsed{};  // a bad value throws and leaves the record as it was
          field_text::from_integer(parsed, value, qualified);
          member = parsed;
        }
      });
    } else if (const auto* extra = find_named(extras, name); extra && extra->set) {
      extra->set(handle->record, value);
    } else {
      const auto keep = [](const FieldInfo& info) { return is_settable(info) && is_integer_type(info.type); };
      return fail(CRM_INVALID_ARGUMENT,
                  std::string(function) + ": '" + name + "' is not an integer field that can be set; fields: " +
                      descriptor_names<Record>(keep, extras, true),
                  name);
    }
    handle->formatted.values.clear();
    return CRM_OK;
  });
}

/// crm_<kind>_get_int(): an integer, reference (0 for none), boolean (0/1)
/// or optional integer (-1 for none) field, or one of `extras`.
template <class Handle>
crm_status get_described_int(const Handle* handle, const char* name, std::int64_t* out_value, const char* function,
                             std::span<const IntField<decltype(Handle::record)>> extras = {}) {
  using Record = decltype(Handle::record);
  if (!handle) return misuse(function, "the record must not be NULL");
  if (!name) return misuse(function, "field must not be NULL");
  if (!out_value) return misuse(function, "out_value must not be NULL");
  return guard([&] {
    const RecordField<Record>* field = find_descriptor<Record>(name);
    if (field && is_integer_type(field->info.type)) {
      field->apply(handle->record, [&](const auto& member) {
        using Value = std::remove_cvref_t<decltype(member)>;
        if constexpr (field_text::integral<Value>) *out_value = field_text::to_integer(member);
      });
    } else if (const auto* extra = find_named(extras, name)) {
      *out_value = extra->get(handle->record);
    } else {
      const auto keep = [](const FieldInfo& info) { return is_integer_type(info.type); };
      return fail(CRM_INVALID_ARGUMENT,
                  std::string(function) + ": '" + name + "' is not an integer field; fields: " +
                      descriptor_names<Record>(keep, extras, false),
                  name);
    }
    return CRM_OK;
  });
}

}  // namespace crm::capi
