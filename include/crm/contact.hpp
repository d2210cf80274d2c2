// crmcore: contacts, the people a company deals with.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
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

/// An email address of a contact.
struct Email {
  std::string address{};   ///< The address as written (NFC); looked up case-insensitively.
  bool primary = false;  ///< At most one per contact; with none marked, the first is primary.

  friend bool operator==(const Email&, const Email&) = default;
};

/// What a phone number is for.
enum class PhoneKind { mobile, work, home, other };

/// "mobile", "work", "home" or "other".
std::string_view phone_kind_name(PhoneKind kind) noexcept;
/// The kind named `name` (as phone_kind_name() writes it), or nullopt.
std::optional<PhoneKind> phone_kind_from_name(std::string_view name) noexcept;

/// A phone number of a contact.
struct Phone {
  PhoneKind kind = PhoneKind::mobile;  ///< Mobile, work, home or other.
  std::string raw{};                     ///< As written by the user; kept as given.
  std::string e164{};                  ///< Set by the library: the E.164 form ("+37126123456"); empty when unreadable.
  /// True for a number kept as written although it cannot be read as a phone
  /// number ("555-4246-7492" from an old CRM; CellPolicy::lenient imports set
  /// it): stored without E.164, so calls, duplicates and phone lookups do not
  /// find it. When false a number that cannot be read is refused. Storing a
  /// flagged number that can be read clears the flag and sets e164.
  bool unreadable = false;

  friend bool operator==(const Phone&, const Phone&) = default;
};

/// A channel a contact can agree or refuse to receive marketing on.
enum class ConsentChannel { email, phone, sms, post };

/// "email", "phone", "sms" or "post".
std::string_view consent_channel_name(ConsentChannel channel) noexcept;
/// The channel named `name` (as consent_channel_name() writes it), or nullopt.
std::optional<ConsentChannel> consent_channel_from_name(std::string_view name) noexcept;

/// A contact's marketing consent on one channel and when it was given or withdrawn.
struct Consent {
  ConsentChannel channel = ConsentChannel::email;
  bool granted = false;  ///< True: agreed; false: refused or withdrawn.
  /// When the answer was given. Left unset (not_a_date_time), the library
  /// stamps the current time when the answer is new or changed and keeps the
  /// stored time when it is unchanged.
  Instant changed_at{};

  friend bool operator==(const Consent&, const Consent&) = default;
};

/// The fields of a contact that a caller sets. Text is UTF-8, stored in NFC
/// with surrounding white space removed; an empty string means "not set".
struct ContactData {
  std::string first_name{};              ///< Given name(s).
  std::string last_name{};               ///< Required: family name (or the only name).
  std::vector<Email> emails{};           ///< Email addresses, primary first on read.
  std::vector<Phone> phones{};           ///< Phone numbers in any written form.
  std::string job_title{};               ///< Current job title.
  std::optional<Birthday> birthday{};    ///< Birthday, year optional; not in the future.
  std::string preferred_language{};      ///< Language tag such as "lv", "ru", "de", "en-GB".
  std::string country{};                 ///< Country of residence, ISO 3166-1 alpha-2 (names and other codes accepted).
  std::string owner{};                   ///< The user responsible for the contact.
  /// How the contact was found: a lead source by name, added when new (see
  /// LeadSources); empty for none.
  std::string lead_source{};
  /// The campaign that brought them, by name (see Campaigns); it must exist.
  std::string campaign{};
  std::string external_ref{};            ///< The embedding system's key; unique when set.
  std::vector<Consent> consents{};       ///< Marketing consent, at most one per channel.
  std::vector<std::string> tags{};       ///< Free labels; case-insensitively unique.
  std::string description{};             ///< Free text.
  /// The current employer. On create, a set account starts an employment
  /// (with job_title, from today). On update, a different account moves the
  /// contact (ends the current employment today, starts a new one) and an
  /// unset one ends the current employment; history is always kept. Read
  /// back, it is the account of the most recently started current employment.
  AccountId account{};
  /// Values of the custom fields defined for this kind of record, by field
  /// name (see CustomFields); checked against the definitions on write.
  CustomValues custom{};
};

/// A stored contact: its data plus what the library maintains.
struct Contact : ContactData {
  ContactId id{};                       ///< Row id.
  std::int64_t version = 0;           ///< Incremented by every change; update() checks it.
  Instant created_at{};                 ///< When created (UTC).
  Instant updated_at{};                 ///< When last changed (UTC).
  std::optional<Instant> deleted_at{};  ///< Set while soft-deleted.

  /// The primary email address, or empty when there is none.
  std::string primary_email() const;
};

/// The contacts of one Database; obtained from Database::contacts(). Every
/// write is one transaction and, on any error, writes nothing. Throws crm::Error.
class Contacts {
 public:

  /// Validates and stores a new contact. Throws invalid_argument naming the
  /// field (empty last name, bad email, unparseable phone, unknown country,
  /// birthday in the future, two primary emails, one channel twice),
  /// not_found for a missing account, already_exists for a taken external_ref.
  Contact create(const ContactData& data);

  /// The contact with `id`, also when soft-deleted. Throws not_found.
  Contact get(ContactId id) const;

  /// Saves the data fields of `contact` if contact.version is the stored
  /// version, otherwise throws conflict and writes nothing. Emails, phones,
  /// tags and consents are replaced by the given lists. Returns the stored contact.
  Contact update(const Contact& contact);

  /// Soft-deletes (restorable). Throws not_found, or conflict when already deleted.
  Contact remove(ContactId id);

  /// Undoes remove(). Throws not_found, or conflict when not deleted.
  Contact restore(ContactId id);

  /// Deletes the contact for good with its emails, phones, tags, consents and
  /// employment links. Throws not_found.
  void purge(ContactId id);

  /// One page of contacts; country filters on the contact's own country.
  Page<Contact> list(const ListQuery& query = {}) const;

  /// One page of chosen columns of the contacts matching `query`, in its order:
  /// the fast way to read many contacts for reports and exports. Columns:
  /// id, first_name, last_name, job_title, birthday, preferred_language, country,
  /// owner, lead_source and campaign (their names), external_ref, description,
  /// email (primary), phone (first,
  /// E.164), account_id and account_name (current employer), tags (comma-separated),
  /// created_at, updated_at, deleted_at, version.
  /// Throws invalid_argument naming an unknown column.
  TablePage select(const std::vector<std::string>& columns, const ListQuery& query = {}) const;

  /// The columns select() can read, with their types.
  static std::vector<Column> selectable_columns();

  /// How many contacts match the filters of `query` (owner, tag, country,
  /// deleted); its paging and sort fields are ignored.
  std::int64_t count(const ListQuery& query = {}) const;

  /// The live contact with this external_ref, if any.
  std::optional<Contact> find_by_external_ref(const std::string& external_ref) const;

  /// Live contacts with this email address, ignoring case (Unicode-aware).
  std::vector<Contact> find_by_email(const std::string& email) const;

  /// Live contacts with this phone number written in any form the default
  /// region understands: the incoming-call lookup. Throws invalid_argument
  /// when `phone` is not a phone number.
  std::vector<Contact> find_by_phone(const std::string& phone) const;

 private:
  friend struct detail::StoreAccess;  // constructs stores: Database and the implementation
  explicit Contacts(detail::Session& session) : session_(session) {}
  detail::Session& session_;
};

}  // namespace crm
