// The field-by-field rule of a merge: which record each field takes its
// value from, as MergeChoices say or by default.
#pragma once

#include <map>
#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "crm/account.hpp"
#include "crm/duplicates.hpp"

namespace crm::detail {

class Session;

/// Whether a field's value counts as "none" for the default rule.
inline bool is_empty(const std::string& value) { return value.empty(); }
template <class T>
bool is_empty(const std::optional<T>& value) {
  return !value.has_value();
}
template <class Tag>
bool is_empty(Id<Tag> id) {
  return !id;
}
inline bool is_empty(const Address& address) { return address == Address{}; }

/// The names a merge of one record kind knows.
struct MergeFields {
  std::span<const std::string_view> chosen;  ///< Built-in fields that follow the rule.
  std::span<const std::string_view> united;  ///< Built-in collections always united (not choosable).
};

/// MergeChoices checked against the fields of a record kind, applying the
/// rule: a chosen side's value as it is, else the survivor's value unless it
/// is empty, then the other's.
class FieldPicker {
 public:
  /// Checks every name of `choices` (ignoring case) against `fields` and the
  /// custom fields of `kind`. Throws Error(invalid_argument) naming the
  /// field, with the nearest known name, for an unknown or united field.
  FieldPicker(Session& session, RecordKind kind, const MergeFields& fields, const MergeChoices& choices);

  /// The value of built-in field `field` (one of MergeFields::chosen).
  template <class T>
  T pick(std::string_view field, const T& survivor, const T& other) const {
    const std::optional<MergeSide> side = chosen(field);
    if (side) return *side == MergeSide::survivor ? survivor : other;
    return is_empty(survivor) ? other : survivor;
  }

  /// The custom values, each field by the rule.
  CustomValues pick_custom(const CustomValues& survivor, const CustomValues& other) const;

  /// The choices as given, {"field": "survivor"|"other"}, names folded, as JSON.
  std::string choices_json() const;

 private:
  std::optional<MergeSide> chosen(std::string_view field) const;

  std::map<std::string, MergeSide, std::less<>> builtin_;  // by built-in name
  std::map<std::string, MergeSide, std::less<>> custom_;   // by the custom field's defined name
};

}  // namespace crm::detail
