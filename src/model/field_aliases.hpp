// Spreadsheet and CRM-export headers that several kinds' CSV columns share.
#pragma once

#include <initializer_list>
#include <string_view>
#include <vector>

namespace crm::model {

/// Headers as people write them.
using Headers = std::vector<std::string_view>;

/// `list` followed by `more`.
inline Headers with(Headers list, std::initializer_list<std::string_view> more) {
  list.insert(list.end(), more);
  return list;
}

/// The responsible user.
inline const Headers kOwnerHeaders = {
    "Owner", "Owner Name", "Sales Agent", "Sales Rep", "Sales Representative", "Salesperson", "Sales Person",
    "Account Manager", "Assigned To", "Responsible", "Account Owner", "Contact Owner", "Lead Owner",
    "Opportunity Owner", "Deal Owner"};
/// The embedding system's key.
inline const Headers kExternalRefHeaders = {"External Ref", "External Reference", "External Id", "External_id__c",
                                            "Ext Ref"};
/// Free text.
inline const Headers kDescriptionHeaders = {"Description", "Notes", "Note", "Comments", "Comment"};
/// Labels.
inline const Headers kTagHeaders = {"Tag", "Labels", "Label"};
/// Given names.
inline const Headers kFirstNameHeaders = {"First Name", "Given Name", "Forename", "First"};
/// Family names.
inline const Headers kLastNameHeaders = {"Last Name", "Surname", "Family Name", "Last"};
/// An organization's name.
inline const Headers kCompanyHeaders = {"Company",      "Company Name", "Account",           "Account Name",
                                        "Organization", "Organisation", "Organization Name", "Business Name"};
/// An email address.
inline const Headers kEmailHeaders = {"E-mail", "Email Address", "E-mail Address", "Mail"};
/// A phone number.
inline const Headers kPhoneHeaders = {"Phone 1", "Phone Number", "Telephone", "Tel"};
/// A lead source.
inline const Headers kSourceHeaders = {"Lead Source", "Source"};
/// A campaign.
inline const Headers kCampaignHeaders = {"Campaign", "Campaign Name", "Marketing Campaign", "Primary Campaign Source"};

}  // namespace crm::model
