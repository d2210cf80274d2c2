// Merging one contact into another: the merged fields, united collections,
// the references moved, the other deleted and the merge recorded.
#include <unordered_set>

#include "contact/contact_table.hpp"
#include "crm/contact.hpp"
#include "duplicate/field_picker.hpp"
#include "duplicate/merge_history.hpp"
#include "duplicate/merge_snapshot.hpp"
#include "duplicate/record_merge.hpp"
#include "duplicate/repoint.hpp"
#include "storage/session.hpp"
#include "text/unicode.hpp"
#include "storage/store_access.hpp"

namespace crm::detail {
namespace {

constexpr std::string_view kChosen[] = {"first_name", "last_name",   "job_title",    "birthday",
                                        "preferred_language", "country", "owner", "lead_source",
                                        "campaign",   "external_ref", "description"};
constexpr std::string_view kUnited[] = {"emails", "phones", "tags", "consents", "account"};
constexpr MergeFields kContactFields{kChosen, kUnited};

// The survivor's addresses (its primary stays primary), then the other's
// that it lacks.
std::vector<Email> united_emails(const std::vector<Email>& survivor, const std::vector<Email>& other) {
  if (survivor.empty()) return other;
  std::vector<Email> emails = survivor;
  std::unordered_set<std::string> seen;
  for (const Email& email : survivor) seen.insert(casefold(email.address));
  for (const Email& email : other)
    if (seen.insert(casefold(email.address)).second) emails.push_back({email.address, false});
  return emails;
}

// The survivor's numbers, then the other's that it lacks (same E.164).
std::vector<Phone> united_phones(const std::vector<Phone>& survivor, const std::vector<Phone>& other) {
  std::vector<Phone> phones = survivor;
  std::unordered_set<std::string> seen;
  for (const Phone& phone : survivor) seen.insert(phone.e164);
  for (const Phone& phone : other)
    if (seen.insert(phone.e164).second) phones.push_back(phone);
  return phones;
}

// One answer per channel; where both answered, the later answer holds (a
// withdrawal is never lost to an older consent), the survivor's on a tie.
std::vector<Consent> united_consents(const std::vector<Consent>& survivor, const std::vector<Consent>& other) {
  std::vector<Consent> consents = survivor;
  for (const Consent& answer : other) {
    auto same = std::find_if(consents.begin(), consents.end(),
                             [&](const Consent& c) { return c.channel == answer.channel; });
    if (same == consents.end())
      consents.push_back(answer);
    else if (answer.changed_at > same->changed_at)
      *same = answer;
  }
  return consents;
}

// The tags of both; Contacts::update drops those repeated ignoring case.
std::vector<std::string> united_tags(const std::vector<std::string>& survivor, const std::vector<std::string>& other) {
  std::vector<std::string> tags = survivor;
  tags.insert(tags.end(), other.begin(), other.end());
  return tags;
}

// `current` (the survivor as stored now) with the fields of the merge.
Contact merged_contact(Contact current, const Contact& other, const FieldPicker& pick) {
  Contact merged = current;
  merged.first_name = pick.pick("first_name", current.first_name, other.first_name);
  merged.last_name = pick.pick("last_name", current.last_name, other.last_name);
  merged.job_title = pick.pick("job_title", current.job_title, other.job_title);
  merged.birthday = pick.pick("birthday", current.birthday, other.birthday);
  merged.preferred_language = pick.pick("preferred_language", current.preferred_language, other.preferred_language);
  merged.country = pick.pick("country", current.country, other.country);
  merged.owner = pick.pick("owner", current.owner, other.owner);
  merged.lead_source = pick.pick("lead_source", current.lead_source, other.lead_source);
  merged.campaign = pick.pick("campaign", current.campaign, other.campaign);
  merged.external_ref = pick.pick("external_ref", current.external_ref, other.external_ref);
  merged.description = pick.pick("description", current.description, other.description);
  merged.emails = united_emails(current.emails, other.emails);
  merged.phones = united_phones(current.phones, other.phones);
  merged.consents = united_consents(current.consents, other.consents);
  merged.tags = united_tags(current.tags, other.tags);
  merged.custom = pick.pick_custom(current.custom, other.custom);
  return merged;
}

}  // namespace

Contact merge_contacts(Session& session, ContactId survivor_id, ContactId other_id, const MergeChoices& choices) {
  WriteScope scope(session);
  require_mergeable(session, kContactTable, survivor_id.value(), other_id.value());
  const FieldPicker pick(session, RecordKind::contact, kContactFields, choices);
  Contacts contacts = detail::StoreAccess::make<Contacts>(session);
  const Contact other = contacts.get(other_id);
  repoint_references(session, RecordKind::contact, survivor_id.value(), other_id.value());
  delete_merged(session, kContactTable, other_id.value());  // frees its external_ref for the survivor
  // Read after the move: the current employer now follows the moved employments.
  Contact stored = contacts.update(merged_contact(contacts.get(survivor_id), other, pick));
  record_merge(session, RecordKind::contact, survivor_id.value(), other_id.value(), pick.choices_json(),
               contact_snapshot(other));
  scope.commit();
  return stored;
}

}  // namespace crm::detail
