// What an erasure takes from a person, derived from the record descriptors'
// `personal` role: the personal fields of a record, the strings that
// identify the person in free text (their emails and phone numbers), and
// text and JSON with those strings taken out.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "crm/contact.hpp"
#include "crm/lead.hpp"
#include "crm/custom_field.hpp"

namespace crm::detail {

class PhoneNormalizer;

/// The emails and phone numbers (as written, in E.164 and E.164 without its
/// "+") of a person, lower-cased, each at least 5 characters, without
/// repeats: what an erasure looks for in other records' texts.
std::vector<std::string> person_identifiers(const ContactData& person, const PhoneNormalizer& phones);
/// As above, for a lead.
std::vector<std::string> person_identifiers(const LeadData& person, const PhoneNormalizer& phones);

/// True when `text` holds one of `identifiers` (ASCII case-insensitive).
bool holds_identifier(std::string_view text, const std::vector<std::string>& identifiers);

/// `text` with every occurrence of each of `identifiers` (ASCII
/// case-insensitive) replaced by kErasedText.
std::string without_identifiers(std::string_view text, const std::vector<std::string>& identifiers);

/// `value` with the identifiers taken out of every string in it, and the
/// members named like one of `personal_fields` nulled in every object.
void scrub_json(nlohmann::json& value, const std::vector<std::string>& identifiers,
                const std::vector<std::string_view>& personal_fields);

/// The names of the fields of `kind` with the personal role that an
/// erasure blanks: all of them except consents, which are kept as proof.
std::vector<std::string_view> erased_fields(RecordKind kind);

/// Clears the erased fields of `person` (erased_fields()); the name the
/// record needs becomes kErasedText (a required personal text field, else
/// the last personal text field stored NOT NULL: the family name). Its
/// other text fields lose `identifiers` (without_identifiers()). Returns the
/// names of the erased fields that held a value.
std::vector<std::string> clear_personal_fields(ContactData& person, const std::vector<std::string>& identifiers);
/// As above, for a lead.
std::vector<std::string> clear_personal_fields(LeadData& person, const std::vector<std::string>& identifiers);

}  // namespace crm::detail
