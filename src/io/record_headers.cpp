// column_for_header(): which column a header of a spreadsheet or of another
// CRM's export fills, by its name.
#include <map>
#include <string>
#include <vector>

#include "io/record_columns.hpp"
#include "text/unicode.hpp"

namespace crm::detail {
namespace {

/// Headers (as people write them) that fill one column.
struct Alias {
  std::string_view column;
  std::vector<std::string_view> headers;
};
using Aliases = std::vector<Alias>;

// Shared by several kinds.
const std::vector<std::string_view> kOwner = {
    "Owner", "Owner Name", "Sales Agent", "Sales Rep", "Sales Representative", "Salesperson", "Sales Person",
    "Account Manager", "Assigned To", "Responsible", "Account Owner", "Contact Owner", "Lead Owner",
    "Opportunity Owner", "Deal Owner"};
const std::vector<std::string_view> kExternalRef = {"External Ref", "External Reference", "External Id",
                                                    "External_id__c", "Ext Ref"};
const std::vector<std::string_view> kDescription = {"Description", "Notes", "Note", "Comments", "Comment"};
const std::vector<std::string_view> kTags = {"Tag", "Labels", "Label"};
const std::vector<std::string_view> kFirstName = {"First Name", "Given Name", "Forename", "First"};
const std::vector<std::string_view> kLastName = {"Last Name", "Surname", "Family Name", "Last"};
const std::vector<std::string_view> kCompany = {"Company", "Company Name", "Account", "Account Name", "Organization",
                                                "Organisation", "Organization Name", "Business Name"};
const std::vector<std::string_view> kEmail = {"E-mail", "Email Address", "E-mail Address", "Mail"};
const std::vector<std::string_view> kPhone = {"Phone 1", "Phone Number", "Telephone", "Tel"};
const std::vector<std::string_view> kSource = {"Lead Source", "Source"};
const std::vector<std::string_view> kCampaign = {"Campaign", "Campaign Name", "Marketing Campaign",
                                                 "Primary Campaign Source"};

std::vector<std::string_view> with(std::vector<std::string_view> list, std::initializer_list<std::string_view> more) {
  list.insert(list.end(), more);
  return list;
}

Aliases account_aliases() {
  return {
      {"name", with(kCompany, {"Name", "Customer", "Customer Name"})},
      {"external_ref", with(kExternalRef, {"Customer Id", "Customer Code", "Customer Number", "Account Number"})},
      {"registration_number", {"Registration Number", "Registration No", "Reg No", "Company Number",
                               "Company Registration Number"}},
      {"vat_id", {"VAT", "VAT ID", "VAT Number", "VAT No", "Tax ID"}},
      {"industry", {"Industry", "Sector"}},
      {"website", {"Web Site", "Web", "URL", "Homepage", "Home Page"}},
      {"phone", with(kPhone, {"Phone", "Main Phone", "Office Phone"})},
      {"email", with(kEmail, {"Email"})},
      {"address_street", {"Street", "Address", "Street Address", "Address Line 1", "Address 1", "Billing Street"}},
      {"address_city", {"City", "Town", "Billing City"}},
      {"address_postal_code", {"Postal Code", "Postcode", "Zip", "Zip Code", "ZIP/Postal Code", "Billing Postal Code"}},
      {"address_region", {"Region", "State", "County", "Province", "State/Province", "Billing State"}},
      {"address_country", {"Country", "Country Code", "Billing Country"}},
      {"parent", {"Parent Account", "Parent Name", "Parent Company", "Subsidiary Of"}},
      {"parent_ref", {"Parent External Ref"}},
      {"owner", kOwner},
      {"lead_source", with(kSource, {"Account Source"})},
      {"campaign", kCampaign},
      {"tags", kTags},
      {"description", kDescription},
  };
}

Aliases contact_aliases() {
  return {
      {"first_name", kFirstName},
      {"last_name", kLastName},
      {"external_ref", with(kExternalRef, {"Customer Id", "Customer Code"})},
      {"emails", with(kEmail, {"Email", "Email 1", "Email 2", "Email 3", "Work Email", "Personal Email", "Other Email"})},
      {"phones", with(kPhone, {"Phone", "Phone 2", "Phone 3"})},
      {"phones_mobile", {"Mobile", "Mobile Phone", "Cell", "Cell Phone", "Cellphone", "Mobile Number"}},
      {"phones_work", {"Work Phone", "Business Phone", "Office Phone", "Direct Phone"}},
      {"phones_home", {"Home Phone", "Private Phone"}},
      {"phones_other", {"Other Phone"}},
      {"job_title", {"Job Title", "Title", "Position", "Designation", "Contact Title", "Job"}},
      {"account", with(kCompany, {"Employer"})},
      {"account_ref", {"Account External Ref", "Company Ref"}},
      {"birthday", {"Birthdate", "Birth Date", "Date of Birth", "DOB"}},
      {"preferred_language", {"Language", "Preferred Language"}},
      {"country", {"Country Code", "Mailing Country"}},
      {"lead_source", kSource},
      {"campaign", kCampaign},
      {"consents", {"Consent"}},
      {"owner", kOwner},
      {"tags", kTags},
      {"description", kDescription},
  };
}

Aliases lead_aliases() {
  return {
      {"first_name", kFirstName},
      {"last_name", kLastName},
      {"external_ref", kExternalRef},
      {"company_name", kCompany},
      {"email", with(kEmail, {"Email"})},
      {"phone", with(kPhone, {"Phone"})},
      {"source", kSource},
      {"campaign", kCampaign},
      {"job_title", {"Job Title", "Title", "Position", "Designation", "Job"}},
      {"industry", {"Industry", "Sector"}},
      {"status", {"Lead Status"}},
      {"disqualified_reason", {"Disqualification Reason", "Reason"}},
      {"country", {"Country Code"}},
      {"owner", kOwner},
      {"tags", kTags},
      {"description", kDescription},
  };
}

Aliases opportunity_aliases() {
  return {
      {"name", {"Opportunity", "Opportunity Name", "Deal", "Deal Name"}},
      {"external_ref", with(kExternalRef, {"Opportunity Id", "Deal Id"})},
      {"account", {"Account Name", "Company", "Company Name", "Customer", "Customer Name"}},
      {"account_ref", {"Account External Ref", "Customer Id", "Customer Code"}},
      {"contact_email", {"Email", "Contact E-mail"}},
      {"amount", {"Value", "Deal Value", "Deal Amount", "Close Value", "Opportunity Amount"}},
      {"currency", {"Currency Code", "CurrencyIsoCode"}},
      {"pipeline", {"Sales Pipeline"}},
      {"stage", {"Deal Stage", "Stage Name", "Sales Stage"}},
      {"probability", {"Probability (%)", "Win Probability", "probability_override"}},
      {"expected_close", {"Expected Close Date", "Expected Closing Date"}},
      {"closed_on", {"Closed Date", "Date Closed"}},
      {"close_date", {"Closing Date"}},
      {"lost_reason", {"Loss Reason", "Reason Lost"}},
      {"lead_source", kSource},
      {"campaign", kCampaign},
      {"owner", kOwner},
      {"tags", kTags},
      {"description", kDescription},
  };
}

Aliases activity_aliases() {
  return {
      {"kind", {"Type", "Activity Type", "Activity Kind", "Task Subtype"}},
      {"subject", {"Title"}},
      {"body", with(kDescription, {"Details"})},
      {"starts_at", {"Start", "Starts", "Start Date", "Start Time", "Date", "Due Date", "Due", "Activity Date",
                     "Timestamp", "When", "Date Time"}},
      {"duration_seconds", {"Duration", "Call Duration", "Call Duration In Seconds"}},
      {"direction", {"Call Type"}},
      {"outcome", {"Result", "Call Disposition", "Call Result"}},
      {"phone", {"Phone Number", "Number"}},
      {"email", {"Email Address", "E-mail"}},
      {"reminder_at", {"Reminder", "Reminder Date Time"}},
      {"recurrence", {"Repeat", "Repeats"}},
      {"account", {"Account Name", "Company"}},
      {"contact_email", {"Contact E-mail"}},
      {"opportunity", {"Opportunity Name", "Deal", "Deal Name"}},
      {"opportunity_ref", {"Opportunity Id", "Deal Ref"}},
      {"owner", kOwner},
  };
}

/// A header as compared: case-folded, with ASCII punctuation and spaces
/// left out ("E-mail Address" and "email_address" are both "emailaddress").
std::string header_key(std::string_view header) {
  std::string key;
  const std::string folded = is_valid_utf8(header) ? casefold(trim(header)) : std::string();
  for (char c : folded) {
    const auto byte = static_cast<unsigned char>(c);
    if (byte >= 0x80 || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) key += c;
  }
  return key;
}

/// Header key to column for `kind`: its own column names first, then the aliases.
std::map<std::string, std::string> header_table(RecordKind kind, const Aliases& aliases) {
  std::map<std::string, std::string> table;
  for (const std::string& column : column_names(kind)) table.emplace(header_key(column), column);
  for (const Alias& alias : aliases) {
    table.emplace(header_key(alias.column), std::string(alias.column));
    for (std::string_view header : alias.headers) table.emplace(header_key(header), std::string(alias.column));
  }
  return table;
}

const std::map<std::string, std::string>& header_table(RecordKind kind) {
  static const std::map<std::string, std::string> tables[] = {
      header_table(RecordKind::account, account_aliases()),
      header_table(RecordKind::contact, contact_aliases()),
      header_table(RecordKind::lead, lead_aliases()),
      header_table(RecordKind::opportunity, opportunity_aliases()),
      header_table(RecordKind::activity, activity_aliases()),
  };
  return tables[static_cast<std::size_t>(kind)];
}

}  // namespace

std::optional<std::string> column_for_header(RecordKind kind, std::string_view header) {
  const auto& table = header_table(kind);
  const auto found = table.find(header_key(header));
  if (found == table.end()) return std::nullopt;
  return found->second;
}

}  // namespace crm::detail
