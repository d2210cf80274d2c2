// CustomFields::typed_values(): text values read as the types of the fields
// they name, for surfaces that carry custom values as text (the C ABI).
#include <algorithm>
#include <cctype>
#include <memory>
#include <string>

#include "crm/custom_field.hpp"
#include "model/custom_field_store.hpp"
#include "storage/session.hpp"
#include "text/unicode.hpp"

namespace crm {
namespace {

// Custom field names are ASCII letters, digits and "_"; they match ignoring case.
bool same_name(std::string_view a, std::string_view b) noexcept {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
           return std::tolower(static_cast<unsigned char>(x)) == std::tolower(static_cast<unsigned char>(y));
         });
}

}  // namespace

CustomValues CustomFields::typed_values(RecordKind kind, const CustomValues& values) const {
  const bool has_text = std::any_of(values.begin(), values.end(), [](const auto& entry) {
    const auto* text = std::get_if<std::string>(&entry.second.get());
    return text && !detail::trim(*text).empty();
  });
  if (!has_text) return values;
  return detail::guarded_read(session_, [&] {
    const auto fields = detail::current_custom_fields(session_, kind);
    CustomValues typed;
    for (const auto& entry : values) {  // not a structured binding: clang 14 cannot capture one in a lambda
      const std::string& name = entry.first;
      const CustomValue& value = entry.second;
      const auto* text = std::get_if<std::string>(&value.get());
      const auto field = std::find_if(fields->begin(), fields->end(),
                                      [&](const CustomField& candidate) { return same_name(candidate.name, name); });
      if (!text || detail::trim(*text).empty() || field == fields->end()) {
        typed.emplace(name, value);  // typed already, no value, or an unknown name create and update report
        continue;
      }
      const std::string path = std::string(record_kind_name(kind)) + ".custom." + field->name;
      typed.emplace(name, CustomValue::parse(field->type, *text, path));
    }
    return typed;
  });
}

}  // namespace crm
