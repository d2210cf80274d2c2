#include "io/org_preset.hpp"

#include <filesystem>
#include <fstream>
#include <sstream>

#include <nlohmann/json.hpp>

#include "crm/error.hpp"
#include "io/org_preset_data.hpp"
#include "query/catalog.hpp"

namespace crm {
namespace {

using Json = nlohmann::json;

[[noreturn]] void refuse(std::string_view source, const std::string& problem) {
  throw Error(ErrorCode::invalid_argument, "preset " + std::string(source) + ": " + problem, "preset");
}

// The object `json[key]` of text to text, or empty when absent.
std::map<std::string, std::string> text_map(const Json& json, const char* key, std::string_view source,
                                            const std::string& where) {
  std::map<std::string, std::string> map;
  if (!json.contains(key)) return map;
  const Json& object = json.at(key);
  if (!object.is_object()) refuse(source, where + "." + key + " is not an object of header to column");
  for (const auto& [header, column] : object.items()) {
    if (!column.is_string()) refuse(source, where + "." + key + "." + header + " is not text");
    map[header] = column.get<std::string>();
  }
  return map;
}

detail::OrgFilePlan file_plan(const Json& entry, std::string_view source, std::size_t index) {
  const std::string where = "files[" + std::to_string(index) + "]";
  if (!entry.is_object()) refuse(source, where + " is not an object");
  detail::OrgFilePlan plan;
  if (!entry.contains("file") || !entry.at("file").is_string() || entry.at("file").get<std::string>().empty())
    refuse(source, where + " names no file");
  plan.file = entry.at("file").get<std::string>();
  const std::string kind = entry.value("kind", std::string());
  const auto parsed_kind = record_kind_from_name(kind);
  plan.link = detail::org_link_kind_from_name(kind);
  if (!parsed_kind && !plan.link)
    refuse(source, where + ".kind '" + kind +
                       "' is not a record kind (account, contact, lead, opportunity, activity) nor campaign, "
                       "campaign_member, employment or product");
  if (parsed_kind) plan.kind = *parsed_kind;
  const std::string key = entry.value("key", std::string("external_ref"));
  const auto parsed_key = import_key_from_name(key);
  if (!parsed_key) refuse(source, where + ".key '" + key + "' is not an import key");
  plan.key = *parsed_key;
  plan.columns = text_map(entry, "columns", source, where);
  plan.then = text_map(entry, "then", source, where);
  plan.compose = text_map(entry, "compose", source, where);
  if (entry.contains("values")) {
    const Json& values = entry.at("values");
    if (!values.is_object()) refuse(source, where + ".values is not an object of header to replacements");
    for (const auto& [header, replacements] : values.items())
      plan.values[header] = text_map(values, header.c_str(), source, where + ".values");
  }
  return plan;
}

// "maven, salesforce": the built-in presets, for messages.
std::string known_presets() {
  std::string known;
  for (const detail::OrgPresetText& preset : detail::org_preset_texts())
    known += (known.empty() ? "" : ", ") + std::string(preset.name);
  return known;
}

}  // namespace

std::vector<std::string> org_preset_names() {
  std::vector<std::string> names;
  for (const detail::OrgPresetText& preset : detail::org_preset_texts()) names.emplace_back(preset.name);
  return names;
}

std::string org_preset(std::string_view name) {
  for (const detail::OrgPresetText& preset : detail::org_preset_texts())
    if (preset.name == name) return std::string(preset.text);
  throw Error(ErrorCode::invalid_argument, "preset: '" + std::string(name) + "' is not one of " + known_presets(),
              "preset");
}

namespace detail {

OrgPreset parse_org_preset(std::string_view text, std::string_view source) {
  const Json json = Json::parse(text, nullptr, false);
  if (json.is_discarded()) refuse(source, "is not JSON");
  if (!json.is_object() || !json.contains("files") || !json.at("files").is_array())
    refuse(source, "has no \"files\" list");
  OrgPreset preset;
  preset.name = json.value("name", std::string(source));
  const Json& files = json.at("files");
  for (std::size_t index = 0; index < files.size(); ++index) preset.files.push_back(file_plan(files[index], source, index));
  return preset;
}

OrgPreset load_org_preset(const std::string& name_or_path) {
  for (const OrgPresetText& preset : org_preset_texts())
    if (preset.name == name_or_path) return parse_org_preset(preset.text, name_or_path);
  std::error_code error;
  if (!std::filesystem::is_regular_file(name_or_path, error)) {
    throw Error(ErrorCode::not_found,
                "preset: '" + name_or_path + "' is neither a built-in preset (" + known_presets() + ") nor a file",
                "preset");
  }
  std::ifstream in(name_or_path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  if (!in && !in.eof()) throw Error(ErrorCode::io, "preset: cannot read '" + name_or_path + "'", "preset");
  return parse_org_preset(text.str(), name_or_path);
}

}  // namespace detail
}  // namespace crm
