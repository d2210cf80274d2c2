#include "duplicate/field_picker.hpp"

#include <algorithm>
#include <vector>

#include <nlohmann/json.hpp>

#include "common/fields.hpp"
#include "crm/error.hpp"
#include "model/custom_field_store.hpp"
#include "text/nearest_name.hpp"
#include "text/unicode.hpp"

namespace crm::detail {
namespace {

constexpr const char* kField = "merge.choices";

[[noreturn]] void refuse(const std::string& problem) {
  throw Error(ErrorCode::invalid_argument, std::string(kField) + ": " + problem, kField);
}

bool contains(std::span<const std::string_view> names, std::string_view name) {
  return std::find(names.begin(), names.end(), name) != names.end();
}

[[noreturn]] void unknown(const std::string& name, RecordKind kind, const MergeFields& fields,
                          const std::vector<CustomField>& custom) {
  std::vector<std::string> known(fields.chosen.begin(), fields.chosen.end());
  for (const CustomField& field : custom) known.push_back(field.name);
  std::string list;
  for (const std::string& field : known) list += (list.empty() ? "" : ", ") + field;
  const auto nearest = nearest_name(name, known);
  refuse(quote(name) + " is not a field of " + std::string(record_kind_name(kind)) + " records" +
         (nearest ? "; did you mean '" + *nearest + "'?" : "") + " (fields: " + list + ")");
}

}  // namespace

FieldPicker::FieldPicker(Session& session, RecordKind kind, const MergeFields& fields, const MergeChoices& choices) {
  const auto custom = current_custom_fields(session, kind);
  for (const auto& [given, side] : choices.fields) {
    if (!merge_side_from_name(merge_side_name(side))) refuse(quote(given) + " has no valid side");
    const std::string name = casefold(clean_line(given, kField));
    if (contains(fields.chosen, name)) {
      builtin_[name] = side;
      continue;
    }
    if (contains(fields.united, name))
      refuse(quote(given) + " cannot be chosen: a merge keeps the " + name + " of both records");
    const auto field = std::find_if(custom->begin(), custom->end(),
                                    [&](const CustomField& f) { return casefold(f.name) == name; });
    if (field == custom->end()) unknown(name, kind, fields, *custom);
    custom_[field->name] = side;
  }
}

std::optional<MergeSide> FieldPicker::chosen(std::string_view field) const {
  const auto found = builtin_.find(field);
  if (found == builtin_.end()) return std::nullopt;
  return found->second;
}

CustomValues FieldPicker::pick_custom(const CustomValues& survivor, const CustomValues& other) const {
  CustomValues merged = survivor;
  for (const auto& [name, value] : other)
    if (!custom_.contains(name)) merged.emplace(name, value);  // the survivor's value stays when it has one
  for (const auto& [name, side] : custom_) {
    const CustomValues& from = side == MergeSide::survivor ? survivor : other;
    const auto found = from.find(name);
    if (found == from.end())
      merged.erase(name);
    else
      merged[name] = found->second;
  }
  return merged;
}

std::string FieldPicker::choices_json() const {
  nlohmann::json json = nlohmann::json::object();
  for (const auto* chosen : {&builtin_, &custom_})
    for (const auto& [name, side] : *chosen) json[name] = std::string(merge_side_name(side));
  return json.dump();
}

}  // namespace crm::detail
