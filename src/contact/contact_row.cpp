#include "contact/contact_row.hpp"

#include <algorithm>
#include <unordered_set>

#include "common/fields.hpp"
#include "crm/error.hpp"
#include "model/custom_field_store.hpp"
#include "model/plain_columns.hpp"
#include "storage/session.hpp"
#include "text/latin_key.hpp"
#include "text/unicode.hpp"

namespace crm::detail {
namespace {

[[noreturn]] void refuse(const std::string& field, const std::string& problem) {
  throw Error(ErrorCode::invalid_argument, field + ": " + problem, field);
}

void normalize_emails(const std::vector<Email>& in, ContactRow& row) {
  std::unordered_set<std::string> seen;
  int primaries = 0;
  for (std::size_t i = 0; i < in.size(); ++i) {
    const std::string field = "contact.emails[" + std::to_string(i) + "]";
    Email email{clean_email(in[i].address, field), in[i].primary};
    if (email.address.empty()) refuse(field, "must not be empty");
    std::string key = casefold(email.address);
    if (!seen.insert(key).second) refuse(field, quote(email.address) + " is listed twice");
    primaries += email.primary ? 1 : 0;
    row.data.emails.push_back(std::move(email));
  }
  if (primaries > 1) refuse("contact.emails", "more than one address is marked primary");
  if (primaries == 0 && !row.data.emails.empty()) row.data.emails.front().primary = true;
  std::stable_partition(row.data.emails.begin(), row.data.emails.end(), [](const Email& e) { return e.primary; });
  for (const Email& email : row.data.emails) row.email_keys.push_back(casefold(email.address));
}

void normalize_phones(const std::vector<Phone>& in, const PhoneNormalizer& phones, ContactRow& row) {
  std::unordered_set<std::string> seen;
  for (std::size_t i = 0; i < in.size(); ++i) {
    const std::string field = "contact.phones[" + std::to_string(i) + "]";
    Phone phone{in[i].kind, require_line(in[i].raw, field), {}};
    if (!in[i].unreadable) {
      phone.e164 = phones.require_e164(phone.raw, field);
    } else if (auto e164 = phones.to_e164(phone.raw)) {
      phone.e164 = std::move(*e164);
    } else {
      phone.unreadable = true;
    }
    if (!seen.insert(phone.unreadable ? phone.raw : phone.e164).second)
      refuse(field, quote(phone.raw) + " is listed twice");
    if (!phone_kind_from_name(phone_kind_name(phone.kind))) refuse(field, "unknown phone kind");
    row.data.phones.push_back(std::move(phone));
  }
}

void normalize_consents(const std::vector<Consent>& in, const Instant& now, ContactRow& row) {
  std::unordered_set<int> channels;
  for (std::size_t i = 0; i < in.size(); ++i) {
    const std::string field = "contact.consents[" + std::to_string(i) + "]";
    if (!consent_channel_from_name(consent_channel_name(in[i].channel))) refuse(field, "unknown channel");
    if (!in[i].changed_at.is_special() && in[i].changed_at > now)
      refuse(field, "changed_at '" + format_instant(in[i].changed_at) + "' is in the future");
    if (!channels.insert(static_cast<int>(in[i].channel)).second)
      refuse(field, "channel '" + std::string(consent_channel_name(in[i].channel)) + "' is listed twice");
    row.data.consents.push_back(in[i]);
  }
}

}  // namespace

std::string contact_phone_country(const ContactData& data, Session& session) {
  std::string country = clean_country(data.country, "contact.country");
  if (!country.empty() || !data.account) return country;
  Statement query = session.prepare("SELECT country FROM accounts WHERE id = ?");
  query->bind(1, data.account.value());
  if (query->executeStep() && !query->getColumn(0).isNull()) country = query->getColumn(0).getString();
  return country;
}

ContactRow normalize_contact(const ContactData& in, Session& session, bool creating) {
  ContactRow row;
  ContactData& out = row.data;
  model::clean_plain_fields(in, out, "contact", session.today());
  out.preferred_language = clean_language(in.preferred_language, "contact.preferred_language");
  normalize_emails(in.emails, row);
  if (!in.phones.empty()) normalize_phones(in.phones, session.phones_in(contact_phone_country(in, session)), row);
  normalize_consents(in.consents, session.now(), row);
  out.tags = clean_tags(in.tags, "contact.tags");
  out.account = in.account;
  const std::string name = out.last_name + " " + out.first_name;
  row.name_key = match_key(name);
  row.latin_key = distinct_latin_key(name);
  EncodedCustom custom = encode_custom(session, RecordKind::contact, in.custom, creating);
  out.custom = std::move(custom.values);
  row.custom_json = std::move(custom.json);
  out.lead_source = in.lead_source;
  out.campaign = in.campaign;
  row.origin = resolve_origin(session, out.lead_source, out.campaign, "contact");
  return row;
}

}  // namespace crm::detail
