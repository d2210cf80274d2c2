// The fields of contacts (ContactData, Contact), in declaration order (CSV export puts the keys first).
#include "model/field_aliases.hpp"
#include "model/field_table.hpp"

namespace crm {
using namespace model;
using T = RecordFieldType;
using S = FieldStorage;
using R = FieldRole;
using N = TextNormalization;

namespace {
constexpr FieldRoles kChosen = kQuery | kCsv | kAudited | R::merge_choose;
constexpr FieldRoles kPersonal = kChosen | R::personal;
}  // namespace

template <>
const std::vector<RecordField<ContactData>>& record_fields<ContactData>() {
  static const std::vector<RecordField<ContactData>> fields = {
      {{.name = "first_name", .roles = kPersonal, .doc = "Given name(s).", .csv = {{"first_name", kFirstNameHeaders}}, .sql = {.column = "first_name", .not_null = true}}, &ContactData::first_name},
      {{.name = "last_name", .roles = kPersonal, .doc = "Required: family name (or the only name).", .csv = {{"last_name", kLastNameHeaders}}, .sql = {.column = "last_name", .not_null = true}, .required = true}, &ContactData::last_name},
      {{.name = "emails", .type = T::emails, .storage = S::side_table, .roles = R::filter | R::select | kCsv | kAudited | R::merge_unite | R::personal, .doc = "Email addresses, primary first on read.", .filter_name = "email",
        .csv = {{"emails", with(kEmailHeaders, {"Email", "Email 1", "Email 2", "Email 3", "Work Email", "Personal Email", "Other Email"})}},
        .sql = {.column = "address", .key_column = "address_key", .table = "contact_emails", .link = "contact_id", .normalize = N::casefold}}, &ContactData::emails},
      {{.name = "phones", .type = T::phones, .storage = S::side_table, .roles = R::filter | R::select | kCsv | kAudited | R::merge_unite | R::personal, .doc = "Phone numbers in any written form.", .filter_name = "phone",
        .csv = {{"phones", with(kPhoneHeaders, {"Phone", "Phone 2", "Phone 3"})},
                {"phones_mobile", {"Mobile", "Mobile Phone", "Cell", "Cell Phone", "Cellphone", "Mobile Number"}, CsvCell::mobile, false},
                {"phones_work", {"Work Phone", "Business Phone", "Office Phone", "Direct Phone"}, CsvCell::work, false},
                {"phones_home", {"Home Phone", "Private Phone"}, CsvCell::home, false},
                {"phones_other", {"Other Phone"}, CsvCell::other, false}},
        .sql = {.column = "e164", .key_column = "e164", .table = "contact_phones", .link = "contact_id", .normalize = N::phone}}, &ContactData::phones},
      {{.name = "job_title", .roles = kChosen, .doc = "Current job title.", .csv = {{"job_title", {"Job Title", "Title", "Position", "Designation", "Contact Title", "Job"}}}, .sql = {.column = "job_title"}}, &ContactData::job_title},
      {{.name = "account", .type = T::reference, .storage = S::side_table, .roles = R::select | kCsv | kAudited | R::merge_unite, .doc = "The current employer (an employment is kept for every change).",
        .csv = {{"account_ref", {"Account External Ref", "Company Ref"}, CsvCell::external_ref}, {"account", with(kCompanyHeaders, {"Employer"}), CsvCell::name}},
        .sql = {.column = "account_id", .table = "employments", .link = "contact_id"}, .target = "account"}, &ContactData::account},
      {{.name = "birthday", .type = T::birthday, .roles = kPersonal, .doc = "Birthday, year optional; not in the future.", .csv = {{"birthday", {"Birthdate", "Birth Date", "Date of Birth", "DOB"}}}, .sql = {.column = "birthday"}}, &ContactData::birthday},
      {{.name = "preferred_language", .roles = kChosen, .doc = "Language tag such as \"lv\", \"ru\", \"de\", \"en-GB\".", .csv = {{"preferred_language", {"Language", "Preferred Language"}}}, .sql = {.column = "preferred_language"}}, &ContactData::preferred_language},
      {{.name = "country", .roles = kChosen, .doc = "Country of residence, ISO 3166-1 alpha-2; a name or another ISO code is accepted.", .csv = {{"country", {"Country Code", "Mailing Country"}}}, .sql = {.column = "country", .normalize = N::country}}, &ContactData::country},
      {{.name = "owner", .roles = kChosen, .doc = "The user responsible for the contact.", .csv = {{"owner", kOwnerHeaders}}, .sql = {.column = "owner"}}, &ContactData::owner},
      {{.name = "lead_source", .roles = kChosen, .doc = "How the contact was found: a lead source by name.", .csv = {{"lead_source", kSourceHeaders}}, .sql = {.column = "lead_source_id", .table = "lead_sources"}}, &ContactData::lead_source},
      {{.name = "campaign", .roles = kChosen, .doc = "The campaign that brought them, by name.", .csv = {{"campaign", kCampaignHeaders}}, .sql = {.column = "campaign_id", .table = "campaigns"}}, &ContactData::campaign},
      {{.name = "external_ref", .roles = kChosen | R::key, .doc = "The embedding system's key; unique when set.", .csv = {{"external_ref", with(kExternalRefHeaders, {"Customer Id", "Customer Code"})}}, .sql = {.column = "external_ref"}}, &ContactData::external_ref},
      {{.name = "consents", .type = T::consents, .storage = S::side_table, .roles = kCsv | kAudited | R::merge_unite | R::personal, .doc = "Marketing consent, at most one per channel.", .csv = {{"consents", {"Consent"}}}, .sql = {.table = "contact_consents", .link = "contact_id"}}, &ContactData::consents},
      {{.name = "tags", .type = T::tags, .storage = S::side_table, .roles = R::select | kCsv | kAudited | R::merge_unite, .doc = "Free labels; case-insensitively unique.", .csv = {{"tags", kTagHeaders}}, .sql = {.column = "tag", .table = "contact_tags", .link = "contact_id"}}, &ContactData::tags},
      {{.name = "description", .roles = kChosen, .doc = "Free text.", .csv = {{"description", kDescriptionHeaders}}, .sql = {.column = "description"}, .multiline = true}, &ContactData::description},
      {{.name = "custom", .type = T::custom, .storage = S::custom_json, .roles = kAudited | R::merge_choose, .doc = "Values of the custom fields, by field name.", .sql = {.column = "custom"}}, &ContactData::custom},
  };
  return fields;
}

template <>
const std::vector<RecordField<Contact>>& record_fields<Contact>() {
  static const std::vector<RecordField<Contact>> fields =
      stored_table(id_field<Contact>("contact"), record_fields<ContactData>(), stamps<Contact>());
  return fields;
}

}  // namespace crm
