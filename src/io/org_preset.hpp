// Org presets: how the files of another CRM's export folder map onto
// crmcore (Imports::read_org), read from their JSON form.
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "crm/import.hpp"
#include "io/org_links.hpp"

namespace crm::detail {

/// One file of an export and how it is imported.
struct OrgFilePlan {
  /// Its name in the folder, compared ignoring case ("Account.csv"); "*"
  /// stands for any text ("hubspot-crm-exports-*-contacts-*.csv"), and every
  /// file it matches that no earlier plan took is imported, in name order.
  std::string file{};
  RecordKind kind = RecordKind::account;  ///< The kind of its rows, unless `link` is set.
  /// Set for a file of campaigns, campaign members or employments
  /// (import_org_links()); `key`, `then` and `compose` do not apply to it.
  std::optional<OrgLinkKind> link{};
  ImportKey key = ImportKey::external_ref;  ///< What finds a row's record again (every pass upserts).
  std::map<std::string, std::string> columns{};  ///< ImportOptions::columns of the first pass.
  std::map<std::string, std::map<std::string, std::string>> values{};  ///< ImportOptions::values.
  std::map<std::string, std::string> compose{};  ///< ImportOptions::compose of the first pass.
  /// Header to column of a second pass over the file, after the whole file
  /// is in: links to records later in it (an account's parent). Empty: none.
  std::map<std::string, std::string> then{};
};

/// A preset: the files in the order they are imported.
struct OrgPreset {
  std::string name{};              ///< "salesforce", or the file's own name.
  std::vector<OrgFilePlan> files{};  ///< In import order.
};

/// Reads a preset from its JSON `text`; `source` (a preset name or a path)
/// names it in errors. Throws Error(invalid_argument) naming what is wrong:
/// not JSON, no "files" list, a file without a name or with an unknown
/// kind, key or column map.
OrgPreset parse_org_preset(std::string_view text, std::string_view source);

/// The built-in preset named `name_or_path`, else the preset file at that
/// path. Throws not_found when neither exists and invalid_argument as
/// parse_org_preset() does.
OrgPreset load_org_preset(const std::string& name_or_path);

}  // namespace crm::detail
