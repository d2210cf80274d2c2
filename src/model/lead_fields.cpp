// The fields of leads (LeadData, Lead), in declaration order (CSV export puts the keys first).
#include "model/field_aliases.hpp"
#include "model/field_table.hpp"

namespace crm {
using namespace model;
using T = RecordFieldType;
using S = FieldStorage;
using R = FieldRole;
using N = TextNormalization;

namespace {
constexpr FieldRoles kPlain = kQuery | kCsv | kAudited;
constexpr FieldRoles kPersonal = kPlain | R::personal;
}  // namespace

template <>
const std::vector<RecordField<LeadData>>& record_fields<LeadData>() {
  static const std::vector<RecordField<LeadData>> fields = {
      {{.name = "first_name", .roles = kPersonal, .doc = "The person's given name(s).", .csv = {{"first_name", kFirstNameHeaders}}, .sql = {.column = "first_name", .not_null = true}}, &LeadData::first_name},
      {{.name = "last_name", .roles = kPersonal, .doc = "The person's family name.", .csv = {{"last_name", kLastNameHeaders}}, .sql = {.column = "last_name", .not_null = true}}, &LeadData::last_name},
      {{.name = "company_name", .roles = kPlain, .doc = "The company's name.", .csv = {{"company_name", kCompanyHeaders}}, .sql = {.column = "company_name"}}, &LeadData::company_name},
      {{.name = "email", .roles = kPersonal, .doc = "Email address.", .csv = {{"email", with(kEmailHeaders, {"Email"})}}, .sql = {.column = "email", .compare = "email_key", .key_column = "email_key", .normalize = N::casefold}}, &LeadData::email},
      {{.name = "phone", .roles = kPersonal, .doc = "Phone number as written; normalized to E.164 when stored.", .csv = {{"phone", with(kPhoneHeaders, {"Phone"})}}, .sql = {.column = "phone", .compare = "phone_e164", .key_column = "phone_e164", .selected = "phone_e164", .normalize = N::phone}}, &LeadData::phone},
      {{.name = "source", .roles = kPlain, .doc = "Where the interest came from: a lead source by name.", .csv = {{"source", kSourceHeaders}}, .sql = {.column = "lead_source_id", .table = "lead_sources"}}, &LeadData::source},
      {{.name = "campaign", .roles = kPlain, .doc = "The campaign that brought the lead, by name.", .csv = {{"campaign", kCampaignHeaders}}, .sql = {.column = "campaign_id", .table = "campaigns"}}, &LeadData::campaign},
      {{.name = "job_title", .roles = kPersonal, .doc = "The person's job title.", .csv = {{"job_title", {"Job Title", "Title", "Position", "Designation", "Job"}}}, .sql = {.column = "job_title"}}, &LeadData::job_title},
      {{.name = "industry", .roles = kPlain, .doc = "The company's industry.", .csv = {{"industry", {"Industry", "Sector"}}}, .sql = {.column = "industry"}}, &LeadData::industry},
      {{.name = "status", .type = T::enumeration, .roles = kPlain, .doc = "New, contacted, qualified or disqualified.", .csv = {{"status", {"Lead Status"}}}, .sql = {.column = "status"}, .values = {"new", "contacted", "qualified", "disqualified"}}, &LeadData::status},
      {{.name = "disqualified_reason", .roles = kPlain, .doc = "Required when disqualified, refused otherwise.", .csv = {{"disqualified_reason", {"Disqualification Reason", "Reason"}}}, .sql = {.column = "disqualified_reason"}}, &LeadData::disqualified_reason},
      {{.name = "country", .roles = kPlain, .doc = "ISO 3166-1 alpha-2; a name (\"Latvia\", \"Latvija\", \"USA\") or another ISO code is accepted.", .csv = {{"country", {"Country Code"}}}, .sql = {.column = "country", .normalize = N::country}}, &LeadData::country},
      {{.name = "owner", .roles = kPlain, .doc = "The responsible user.", .csv = {{"owner", kOwnerHeaders}}, .sql = {.column = "owner"}}, &LeadData::owner},
      {{.name = "external_ref", .roles = kPlain | R::key, .doc = "The embedding system's key; unique when set.", .csv = {{"external_ref", kExternalRefHeaders}}, .sql = {.column = "external_ref"}}, &LeadData::external_ref},
      {{.name = "tags", .type = T::tags, .storage = S::side_table, .roles = R::select | kCsv | kAudited, .doc = "Free labels; case-insensitively unique.", .csv = {{"tags", kTagHeaders}}, .sql = {.column = "tag", .table = "lead_tags", .link = "lead_id"}}, &LeadData::tags},
      {{.name = "description", .roles = kPlain, .doc = "Free text.", .csv = {{"description", kDescriptionHeaders}}, .sql = {.column = "description"}, .multiline = true}, &LeadData::description},
      {{.name = "custom", .type = T::custom, .storage = S::custom_json, .roles = kAudited, .doc = "Values of the custom fields, by field name.", .sql = {.column = "custom"}}, &LeadData::custom},
  };
  return fields;
}

template <>
const std::vector<RecordField<Lead>>& record_fields<Lead>() {
  static const std::vector<RecordField<Lead>> fields = [] {
    std::vector<RecordField<Lead>> rest = {
        {{.name = "phone_e164", .storage = S::computed, .roles = kMaintained, .doc = "`phone` in E.164; set by the library.", .sql = {.column = "phone_e164"}}, &Lead::phone_e164},
        {{.name = "converted_at", .type = T::instant, .roles = kMaintained | kQuery, .doc = "When converted.", .sql = {.column = "converted_at"}}, &Lead::converted_at},
        {{.name = "converted_account", .type = T::reference, .roles = kMaintained | R::select, .doc = "The account it became.", .sql = {.column = "converted_account_id", .table = "accounts"}, .target = "account"}, &Lead::converted_account},
        {{.name = "converted_contact", .type = T::reference, .roles = kMaintained | R::select, .doc = "The contact it became.", .sql = {.column = "converted_contact_id", .table = "contacts"}, .target = "contact"}, &Lead::converted_contact},
        {{.name = "converted_opportunity", .type = T::reference, .roles = kMaintained | R::select, .doc = "The deal it became.", .sql = {.column = "converted_opportunity_id", .table = "opportunities"}, .target = "opportunity"}, &Lead::converted_opportunity},
    };
    for (auto& stamp : stamps<Lead>()) rest.push_back(std::move(stamp));
    return stored_table(id_field<Lead>("lead"), record_fields<LeadData>(), std::move(rest));
  }();
  return fields;
}

}  // namespace crm
