#include "crm/duplicates.hpp"

#include "common/fields.hpp"
#include "duplicate/merge_history.hpp"
#include "duplicate/pair_search.hpp"
#include "duplicate/record_merge.hpp"
#include "account/account_table.hpp"
#include "contact/contact_row.hpp"
#include "contact/contact_table.hpp"
#include "duplicate/duplicate_keys.hpp"
#include "storage/errors.hpp"
#include "storage/session.hpp"
#include "text/latin_key.hpp"
#include "text/unicode.hpp"
#include "user/acting_user.hpp"

namespace crm {
namespace {

using namespace detail;

void set_name_keys(NewRecordKeys& keys, const std::string& name) {
  keys.name_key = match_key(name);
  keys.latin_key = latin_key(name);
}

// The keys of a new contact, validated as Contacts::create validates them.
NewRecordKeys contact_keys(Session& session, const ContactData& data) {
  NewRecordKeys keys;
  auto& emails = keys.values[DuplicateReason::same_email];
  for (std::size_t i = 0; i < data.emails.size(); ++i)
    emails.push_back(casefold(clean_email(data.emails[i].address, "contact.emails[" + std::to_string(i) + "]")));
  auto& phones = keys.values[DuplicateReason::same_phone];
  if (!data.phones.empty()) {
    const PhoneNormalizer& normalizer = session.phones_in(contact_phone_country(data, session));
    for (std::size_t i = 0; i < data.phones.size(); ++i) {
      const std::string field = "contact.phones[" + std::to_string(i) + "]";
      const std::string raw = require_line(data.phones[i].raw, field);
      if (!data.phones[i].unreadable) {
        phones.push_back(normalizer.require_e164(raw, field));
      } else if (auto e164 = normalizer.to_e164(raw)) {
        phones.push_back(std::move(*e164));  // a flagged number that can be read is stored as one
      }
    }
  }
  set_name_keys(keys, clean_line(data.last_name, "contact.last_name") + " " +
                         clean_line(data.first_name, "contact.first_name"));
  return keys;
}

// The keys of a new account, validated as Accounts::create validates them.
NewRecordKeys account_keys(Session& session, const AccountData& data) {
  NewRecordKeys keys;
  if (const std::string email = clean_email(data.email, "account.email"); !email.empty())
    keys.values[DuplicateReason::same_email] = {casefold(email)};
  if (const std::string phone = clean_line(data.phone, "account.phone"); !phone.empty())
    keys.values[DuplicateReason::same_phone] = {
        session.phones_in(clean_country(data.address.country, "account.address.country")).require_e164(phone, "account.phone")};
  keys.values[DuplicateReason::same_registration_number] = {
      clean_line(data.registration_number, "account.registration_number")};
  keys.values[DuplicateReason::same_vat_id] = {clean_line(data.vat_id, "account.vat_id")};
  set_name_keys(keys, clean_line(data.name, "account.name"));
  return keys;
}

}  // namespace

std::vector<DuplicatePair> Duplicates::find(RecordKind kind, const DuplicateQuery& query) const {
  return guarded_read(session_, [&] { return find_duplicate_pairs(session_, kind, query); });
}

std::vector<DuplicateMatch> Duplicates::matches(const ContactData& data, const DuplicateQuery& query) const {
  return guarded_read(session_, [&] {
    return find_duplicate_matches(session_, RecordKind::contact, contact_keys(session_, data), query);
  });
}

std::vector<DuplicateMatch> Duplicates::matches(const AccountData& data, const DuplicateQuery& query) const {
  return guarded_read(session_, [&] {
    return find_duplicate_matches(session_, RecordKind::account, account_keys(session_, data), query);
  });
}

Contact Duplicates::merge(ContactId survivor, ContactId other, const MergeChoices& choices) {
  return guarded([&] {
    require_action(session_, RecordKind::contact, Action::merge);
    return merge_contacts(session_, survivor, other, choices);
  });
}

Account Duplicates::merge(AccountId survivor, AccountId other, const MergeChoices& choices) {
  return guarded([&] {
    require_action(session_, RecordKind::account, Action::merge);
    return merge_accounts(session_, survivor, other, choices);
  });
}

std::vector<MergeRecord> Duplicates::history(RecordKind kind, std::int64_t survivor_id) const {
  return guarded_read(session_, [&] {
    duplicate_keys(kind, "merge.kind");  // accounts and contacts only
    require_exists(session_, kind == RecordKind::account ? kAccountTable : kContactTable, survivor_id);
    return load_merge_history(session_, kind, survivor_id);
  });
}

}  // namespace crm
