// crmcore: leads, unqualified interest, and their conversion into an
// account, a contact and optionally a deal.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "crm/custom_field.hpp"
#include "crm/account.hpp"
#include "crm/contact.hpp"
#include "crm/ids.hpp"
#include "crm/list.hpp"
#include "crm/table.hpp"
#include "crm/opportunity.hpp"
#include "crm/time.hpp"

namespace crm {

namespace detail {
class Session;
struct StoreAccess;
}

/// Where a lead stands.
enum class LeadStatus { fresh, contacted, qualified, disqualified };

/// "new", "contacted", "qualified" or "disqualified".
std::string_view lead_status_name(LeadStatus status) noexcept;
/// The status named `name`, or nullopt.
std::optional<LeadStatus> lead_status_from_name(std::string_view name) noexcept;

/// What a caller sets on a lead. A person's name or a company name is required.
struct LeadData {
  std::string first_name{};
  std::string last_name{};
  std::string company_name{};
  std::string email{};
  std::string phone{};                    ///< As written; normalized to E.164 when stored.
  /// Where the interest came from: a lead source by name ("web form",
  /// "fair"), added when new (see LeadSources); empty for none.
  std::string source{};
  /// The campaign that brought the lead, by name (see Campaigns); it must exist.
  std::string campaign{};
  std::string job_title{};                ///< The person's job title.
  std::string industry{};                 ///< The company's industry.
  LeadStatus status = LeadStatus::fresh;  ///< New, contacted, qualified or disqualified.
  std::string disqualified_reason{};      ///< Required when disqualified, refused otherwise.
  std::string country{};                  ///< ISO 3166-1 alpha-2; a name or other code is accepted and stored as alpha-2.
  std::string owner{};
  std::string external_ref{};             ///< The embedding system's key; unique when set.
  std::string description{};
  std::vector<std::string> tags{};
  /// Values of the custom fields defined for this kind of record, by field
  /// name (see CustomFields); checked against the definitions on write.
  CustomValues custom{};
};

/// A stored lead.
struct Lead : LeadData {
  LeadId id{};
  std::string phone_e164{};                  ///< Set by the library.
  std::optional<Instant> converted_at{};     ///< When converted.
  AccountId converted_account{};             ///< What it became.
  ContactId converted_contact{};
  OpportunityId converted_opportunity{};
  std::int64_t version = 0;
  Instant created_at{};
  Instant updated_at{};
  std::optional<Instant> deleted_at{};
};

/// How to convert a lead. Unset parts are made from the lead. The account,
/// contact and deal it makes take the lead's source and campaign when they
/// name none.
struct LeadConversion {
  /// An existing account to attach to; unset: a new account, from `new_account`
  /// when given, else named after the lead's company (or the person), with
  /// its industry.
  AccountId account{};
  std::optional<AccountData> new_account{};
  /// An existing contact; unset: a new contact from `new_contact` when given,
  /// else from the lead's name, email, phone, job title and country,
  /// employed at the account.
  ContactId contact{};
  std::optional<ContactData> new_contact{};
  /// When set, a deal is created for the account and contact (which this
  /// function fills in).
  std::optional<OpportunityData> opportunity{};
};

/// What a conversion made.
struct LeadConversionResult {
  Lead lead;
  Account account;
  Contact contact;
  std::optional<Opportunity> opportunity;
};

/// The leads of a Database (db.leads()). Throws crm::Error.
class Leads {
 public:

  /// Validates and stores a new lead.
  Lead create(const LeadData& data);
  /// The lead with `id`, also when soft-deleted. Throws not_found.
  Lead get(LeadId id) const;
  /// Saves the lead if its version is current (else conflict). A converted
  /// lead cannot change status.
  Lead update(const Lead& lead);
  /// Soft-deletes (restorable).
  Lead remove(LeadId id);
  /// Undoes remove().
  Lead restore(LeadId id);
  /// Deletes for good (what it was converted into stays).
  void purge(LeadId id);
  /// One page of leads; country filters the lead's country.
  Page<Lead> list(const ListQuery& query = {}) const;
  /// How many leads match.
  std::int64_t count(const ListQuery& query = {}) const;
  /// One page of chosen columns of the leads matching `query`, in its order,
  /// for reports and exports. Columns: id, first_name, last_name,
  /// company_name, email, phone (E.164), source and campaign (their names),
  /// job_title, industry, status, disqualified_reason,
  /// country, owner, external_ref, description, tags (comma-separated),
  /// converted_at, converted_account_id, converted_contact_id,
  /// converted_opportunity_id, created_at, updated_at, deleted_at, version;
  /// and custom fields by name. Throws invalid_argument naming an unknown column.
  TablePage select(const std::vector<std::string>& columns, const ListQuery& query = {}) const;
  /// The built-in columns select() can read, with their types.
  static std::vector<Column> selectable_columns();
  /// The live lead with this external_ref, if any.
  std::optional<Lead> find_by_external_ref(const std::string& external_ref) const;
  /// Live leads with this email, ignoring case.
  std::vector<Lead> find_by_email(const std::string& email) const;
  /// Live leads with this phone number in any written form.
  std::vector<Lead> find_by_phone(const std::string& phone) const;
  /// Turns the lead into an account, a contact and optionally a deal, in one
  /// transaction, marks it qualified and keeps links to what it became.
  /// conflict when already converted or disqualified or deleted.
  LeadConversionResult convert(LeadId id, const LeadConversion& how = {});

 private:
  friend struct detail::StoreAccess;  // constructs stores: Database and the implementation
  explicit Leads(detail::Session& session) : session_(session) {}
  detail::Session& session_;
};

}  // namespace crm
