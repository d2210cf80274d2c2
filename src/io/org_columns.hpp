// The columns of an org's export file that no crmcore column takes: which of
// them hold anything and what type all their cells read as, so that
// Imports::read_org keeps them as custom fields instead of dropping them.
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "crm/custom_field.hpp"

namespace crm::detail {

/// The header line of the CSV file at `path`, each name trimmed of spaces and
/// tabs as the import trims it. Throws Error(io) when it cannot be opened.
std::vector<std::string> org_file_headers(const std::string& path);

/// For each of `headers` (names of the file's header line) with at least one
/// non-blank cell in the CSV file at `path`: the narrowest custom field type
/// every non-blank cell reads as — integer (digits, no leading zero, so
/// postal codes and phone numbers with one stay text), decimal, an ISO date
/// (YYYY-MM-DD), else text. Headers whose cells are all blank are absent.
/// Reads the file once, a record at a time.
std::map<std::string, CustomFieldType> survey_org_columns(const std::string& path,
                                                          const std::vector<std::string>& headers);

/// The custom field name a header becomes: ASCII letters and digits kept
/// (lower case), every other run of characters one "_", "f_" in front when
/// it would not start with a letter, at most 64 characters
/// ("External_id__c" -> "external_id_c", "2nd Phone" -> "f_2nd_phone").
/// Throws Error(invalid_argument) for a header with no letter or digit.
std::string custom_field_name_for_header(std::string_view header);

}  // namespace crm::detail
