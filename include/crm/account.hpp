// crmcore: accounts, the organizations a company sells to.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "crm/custom_field.hpp"
#include "crm/ids.hpp"
#include "crm/list.hpp"
#include "crm/table.hpp"
#include "crm/time.hpp"

namespace crm {

namespace detail {
class Session;
struct StoreAccess;
}

/// A postal address. Every part is optional; country is stored as ISO 3166-1 alpha-2.
struct Address {
  std::string street{};       ///< Street and house number.
  std::string city{};         ///< City or town.
  std::string postal_code{};  ///< Postal code as written locally ("LV-1050").
  std::string region{};       ///< State, county or district.
  std::string country{};      ///< ISO 3166-1 alpha-2 ("LV"); any case, alpha-3, numeric and names ("Latvia", "Latvija", "United States") are accepted and stored as alpha-2.

  friend bool operator==(const Address&, const Address&) = default;
};

/// The fields of an account that a caller sets. Text is UTF-8 and stored in
/// NFC with surrounding white space removed; an empty string means "not set".
struct AccountData {
  std::string name{};                 ///< Required: the organization's name.
  std::string registration_number{};  ///< Company register number.
  std::string vat_id{};               ///< VAT identification number ("LV40003000000").
  std::string industry{};             ///< Industry or sector, free text.
  std::string website{};              ///< Web address.
  std::string phone{};                ///< Main phone number as written; must parse as a phone number.
  std::string email{};                ///< Main email address.
  Address address{};                  ///< Postal address.
  AccountId parent{};                 ///< The parent organization (for subsidiaries), or none.
  std::string owner{};                ///< The user responsible for the account (login or code).
  /// How the account was found: a lead source by name ("web", "referral";
  /// see LeadSources), added to the list when new; empty for none.
  std::string lead_source{};
  /// The campaign that brought it, by name (see Campaigns); it must exist.
  std::string campaign{};
  std::string external_ref{};         ///< The embedding system's key (ERP customer code); unique when set.
  std::vector<std::string> tags{};    ///< Free labels; case-insensitively unique.
  std::string description{};          ///< Free text; may span lines.
  /// Values of the custom fields defined for this kind of record, by field
  /// name (see CustomFields); checked against the definitions on write.
  CustomValues custom{};
};

/// A stored account: its data plus what the library maintains.
struct Account : AccountData {
  AccountId id{};                       ///< Row id.
  std::string phone_e164;             ///< `phone` normalized to E.164, or empty.
  std::int64_t version = 0;           ///< Incremented by every change; update() checks it.
  Instant created_at{};                 ///< When created (UTC).
  Instant updated_at{};                 ///< When last changed (UTC).
  std::optional<Instant> deleted_at{};  ///< Set while soft-deleted.
};

/// The accounts of one Database; obtained from Database::accounts(). Every
/// write is one transaction and, on any error, writes nothing. Throws crm::Error.
class Accounts {
 public:

  /// Validates and stores a new account. Throws invalid_argument naming the
  /// bad field (empty name, bad email, phone, country), not_found for a
  /// missing parent, already_exists for a taken external_ref.
  Account create(const AccountData& data);

  /// The account with `id`, also when soft-deleted (see deleted_at).
  /// Throws not_found when there is none.
  Account get(AccountId id) const;

  /// Saves the data fields of `account`, provided account.version is still
  /// the stored version; otherwise throws conflict and writes nothing. A
  /// soft-deleted account must be restored first (conflict). Returns the
  /// stored account with its new version.
  Account update(const Account& account);

  /// Soft-deletes: hidden from lists and lookups, restorable. Returns the
  /// account as stored. Throws not_found, or conflict when already deleted.
  Account remove(AccountId id);

  /// Undoes remove(). Throws not_found, or conflict when not deleted.
  Account restore(AccountId id);

  /// Deletes the account for good with its tags and employment links;
  /// subsidiaries lose their parent. Throws not_found.
  void purge(AccountId id);

  /// One page of accounts; country filters on the address country.
  /// Throws invalid_argument for a bad limit, token or country.
  Page<Account> list(const ListQuery& query = {}) const;

  /// One page of chosen columns of the accounts matching `query`, in its order:
  /// the fast way to read many accounts for reports and exports. Columns:
  /// id, name, registration_number, vat_id, industry, website, phone, phone_e164,
  /// email, street, city, postal_code, region, country, parent_id, owner, lead_source
  /// and campaign (their names), external_ref, description, tags (comma-separated), created_at, updated_at,
  /// deleted_at, version.
  /// Throws invalid_argument naming an unknown column.
  TablePage select(const std::vector<std::string>& columns, const ListQuery& query = {}) const;

  /// The columns select() can read, with their types.
  static std::vector<Column> selectable_columns();

  /// How many accounts match the filters of `query` (owner, tag, country,
  /// deleted); its paging and sort fields are ignored.
  std::int64_t count(const ListQuery& query = {}) const;

  /// The live account with this external_ref, if any.
  std::optional<Account> find_by_external_ref(const std::string& external_ref) const;

  /// Live accounts whose main email equals `email` ignoring case (Unicode-aware).
  std::vector<Account> find_by_email(const std::string& email) const;

  /// Live accounts whose main phone is the same number as `phone`, written in
  /// any form the default region understands. Throws invalid_argument when
  /// `phone` is not a phone number.
  std::vector<Account> find_by_phone(const std::string& phone) const;

  /// Live direct subsidiaries of `parent`, by name.
  std::vector<Account> subsidiaries(AccountId parent) const;

 private:
  friend struct detail::StoreAccess;  // constructs stores: Database and the implementation
  explicit Accounts(detail::Session& session) : session_(session) {}
  detail::Session& session_;
};

}  // namespace crm
