// The built-in org presets' JSON text, compiled in from presets/*.json
// (cmake/CrmOrgPresets.cmake generates the definition).
#pragma once

#include <string_view>
#include <vector>

namespace crm::detail {

/// One built-in preset: its name (the file's name without ".json") and text.
struct OrgPresetText {
  std::string_view name;  ///< "salesforce"
  std::string_view text;  ///< The JSON, as in presets/salesforce.json.
};

/// The built-in presets, by name.
const std::vector<OrgPresetText>& org_preset_texts();

}  // namespace crm::detail
