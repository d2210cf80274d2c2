// The fields of accounts (AccountData, Account), in declaration order (CSV export puts the keys first). The
// parts of the address are fields of their own ("address_street", ...).
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
/// An address part: chosen with the whole address on a merge.
constexpr FieldRoles kPart = kQuery | kCsv | kAudited;
}  // namespace

template <>
const std::vector<RecordField<AccountData>>& record_fields<AccountData>() {
  static const std::vector<RecordField<AccountData>> fields = {
      {{.name = "name", .roles = kChosen, .doc = "Required: the organization's name.", .csv = {{"name", with(kCompanyHeaders, {"Name", "Customer", "Customer Name"})}}, .sql = {.column = "name", .key_column = "name_key", .not_null = true}, .required = true}, &AccountData::name},
      {{.name = "registration_number", .roles = kChosen, .doc = "Company register number.", .csv = {{"registration_number", {"Registration Number", "Registration No", "Reg No", "Company Number", "Company Registration Number"}}}, .sql = {.column = "registration_number"}}, &AccountData::registration_number},
      {{.name = "vat_id", .roles = kChosen, .doc = "VAT identification number.", .csv = {{"vat_id", {"VAT", "VAT ID", "VAT Number", "VAT No", "Tax ID"}}}, .sql = {.column = "vat_id"}}, &AccountData::vat_id},
      {{.name = "industry", .roles = kChosen, .doc = "Industry or sector, free text.", .csv = {{"industry", {"Industry", "Sector"}}}, .sql = {.column = "industry"}}, &AccountData::industry},
      {{.name = "website", .roles = kChosen, .doc = "Web address.", .csv = {{"website", {"Web Site", "Web", "URL", "Homepage", "Home Page"}}}, .sql = {.column = "website"}}, &AccountData::website},
      {{.name = "phone", .roles = kChosen, .doc = "Main phone number as written.", .csv = {{"phone", with(kPhoneHeaders, {"Phone", "Main Phone", "Office Phone"})}}, .sql = {.column = "phone", .compare = "phone_e164", .key_column = "phone_e164", .normalize = N::phone}}, &AccountData::phone},
      {{.name = "email", .roles = kChosen, .doc = "Main email address.", .csv = {{"email", with(kEmailHeaders, {"Email"})}}, .sql = {.column = "email", .compare = "email_key", .key_column = "email_key", .normalize = N::casefold}}, &AccountData::email},
      {{.name = "address", .type = T::address, .roles = kAudited | R::merge_choose, .doc = "Postal address (its parts follow)."}, &AccountData::address},
      {{.name = "address_street", .roles = kPart, .doc = "Street and house number.", .filter_name = "street", .csv = {{"address_street", {"Street", "Address", "Street Address", "Address Line 1", "Address 1", "Billing Street"}}}, .sql = {.column = "street"}}, &AccountData::address, &Address::street},
      {{.name = "address_city", .roles = kPart, .doc = "City or town.", .filter_name = "city", .csv = {{"address_city", {"City", "Town", "Billing City"}}}, .sql = {.column = "city"}}, &AccountData::address, &Address::city},
      {{.name = "address_postal_code", .roles = kPart, .doc = "Postal code as written locally.", .filter_name = "postal_code", .csv = {{"address_postal_code", {"Postal Code", "Postcode", "Zip", "Zip Code", "ZIP/Postal Code", "Billing Postal Code"}}}, .sql = {.column = "postal_code"}}, &AccountData::address, &Address::postal_code},
      {{.name = "address_region", .roles = kPart, .doc = "State, county or district.", .filter_name = "region", .csv = {{"address_region", {"Region", "State", "County", "Province", "State/Province", "Billing State"}}}, .sql = {.column = "region"}}, &AccountData::address, &Address::region},
      {{.name = "address_country", .roles = kPart, .doc = "ISO 3166-1 alpha-2; a name (\"Latvia\", \"Latvija\", \"USA\") or another ISO code is accepted.", .filter_name = "country", .csv = {{"address_country", {"Country", "Country Code", "Billing Country"}}}, .sql = {.column = "country", .normalize = N::country}}, &AccountData::address, &Address::country},
      {{.name = "parent", .type = T::reference, .roles = R::select | kCsv | kAudited | R::merge_choose, .doc = "The parent organization (for subsidiaries), or none.",
        .csv = {{"parent_ref", {"Parent External Ref"}, CsvCell::external_ref}, {"parent", {"Parent Account", "Parent Name", "Parent Company", "Subsidiary Of"}, CsvCell::name}},
        .sql = {.column = "parent_id", .table = "accounts"}, .target = "account"}, &AccountData::parent},
      {{.name = "owner", .roles = kChosen, .doc = "The user responsible for the account.", .csv = {{"owner", kOwnerHeaders}}, .sql = {.column = "owner"}}, &AccountData::owner},
      {{.name = "lead_source", .roles = kChosen, .doc = "How the account was found: a lead source by name.", .csv = {{"lead_source", with(kSourceHeaders, {"Account Source"})}}, .sql = {.column = "lead_source_id", .table = "lead_sources"}}, &AccountData::lead_source},
      {{.name = "campaign", .roles = kChosen, .doc = "The campaign that brought it, by name.", .csv = {{"campaign", kCampaignHeaders}}, .sql = {.column = "campaign_id", .table = "campaigns"}}, &AccountData::campaign},
      {{.name = "external_ref", .roles = kChosen | R::key, .doc = "The embedding system's key (ERP customer code); unique when set.", .csv = {{"external_ref", with(kExternalRefHeaders, {"Customer Id", "Customer Code", "Customer Number", "Account Number"})}}, .sql = {.column = "external_ref"}}, &AccountData::external_ref},
      {{.name = "tags", .type = T::tags, .storage = S::side_table, .roles = R::select | kCsv | kAudited | R::merge_unite, .doc = "Free labels; case-insensitively unique.", .csv = {{"tags", kTagHeaders}}, .sql = {.column = "tag", .table = "account_tags", .link = "account_id"}}, &AccountData::tags},
      {{.name = "description", .roles = kChosen, .doc = "Free text; may span lines.", .csv = {{"description", kDescriptionHeaders}}, .sql = {.column = "description"}, .multiline = true}, &AccountData::description},
      {{.name = "custom", .type = T::custom, .storage = S::custom_json, .roles = kAudited | R::merge_choose, .doc = "Values of the custom fields, by field name.", .sql = {.column = "custom"}}, &AccountData::custom},
  };
  return fields;
}

template <>
const std::vector<RecordField<Account>>& record_fields<Account>() {
  static const std::vector<RecordField<Account>> fields = [] {
    std::vector<RecordField<Account>> rest = {
        {{.name = "phone_e164", .type = T::text, .storage = S::computed, .roles = kMaintained | R::select, .doc = "`phone` normalized to E.164, or empty.", .sql = {.column = "phone_e164"}}, &Account::phone_e164},
    };
    for (auto& stamp : stamps<Account>()) rest.push_back(std::move(stamp));
    return stored_table(id_field<Account>("account"), record_fields<AccountData>(), std::move(rest));
  }();
  return fields;
}

}  // namespace crm
