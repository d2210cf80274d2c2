#include "contact/contact_store.hpp"

#include <unordered_map>

#include "common/enum_names.hpp"
#include "contact/contact_table.hpp"
#include "crm/error.hpp"
#include "model/custom_field_store.hpp"
#include "model/plain_columns.hpp"
#include "employment/employment_links.hpp"
#include "storage/session.hpp"
#include "storage/sql_values.hpp"

namespace crm {
namespace {

using detail::EnumName;

constexpr EnumName<PhoneKind> kPhoneKinds[] = {
    {PhoneKind::mobile, "mobile"}, {PhoneKind::work, "work"}, {PhoneKind::home, "home"}, {PhoneKind::other, "other"}};
constexpr EnumName<ConsentChannel> kChannels[] = {{ConsentChannel::email, "email"},
                                                  {ConsentChannel::phone, "phone"},
                                                  {ConsentChannel::sms, "sms"},
                                                  {ConsentChannel::post, "post"}};

}  // namespace

std::string_view phone_kind_name(PhoneKind kind) noexcept { return detail::name_of<PhoneKind>(kPhoneKinds, kind); }
std::optional<PhoneKind> phone_kind_from_name(std::string_view name) noexcept {
  return detail::from_name<PhoneKind>(kPhoneKinds, name);
}
std::string_view consent_channel_name(ConsentChannel channel) noexcept {
  return detail::name_of<ConsentChannel>(kChannels, channel);
}
std::optional<ConsentChannel> consent_channel_from_name(std::string_view name) noexcept {
  return detail::from_name<ConsentChannel>(kChannels, name);
}

std::string Contact::primary_email() const {
  for (const Email& email : emails)
    if (email.primary) return email.address;
  return emails.empty() ? std::string() : emails.front().address;
}

namespace detail {
namespace {

// The plain columns (from the descriptors), then what the store derives; custom last.
const std::string& data_columns() {
  static const std::string columns =
      model::plain_column_list<ContactData>() + ", name_key, latin_key, lead_source_id, campaign_id, custom";
  return columns;
}

void bind_data(SQLite::Statement& statement, const ContactRow& row) {
  int index = model::bind_plain_columns(statement, 1, row.data);
  statement.bind(index++, row.name_key);
  bind_text_or_null(statement, index++, row.latin_key);
  bind_origin_id(statement, index++, row.origin.lead_source_id);
  bind_origin_id(statement, index++, row.origin.campaign_id);
  bind_text_or_null(statement, index, row.custom_json);
}

Contact read_contact(SQLite::Statement& statement) {
  Contact contact;
  read_record_meta(statement, 0, contact);
  int i = model::read_plain_columns<ContactData>(statement, 5, contact);
  i += 2;  // name_key, latin_key
  contact.lead_source = column_text(statement, i++);
  contact.campaign = column_text(statement, i++);
  return contact;
}

// Runs a "... WHERE contact_id IN (SELECT value FROM json_each(?)) ..." query
// and hands each row with its contact to `read`.
template <class Read>
void for_each_child(Session& session, const std::string& sql, const std::string& json,
                    std::unordered_map<std::int64_t, Contact>& contacts, Read read) {
  auto statement = session.prepare(sql);
  statement->bind(1, json);
  while (statement->executeStep()) {
    auto it = contacts.find(statement->getColumn(0).getInt64());
    if (it != contacts.end()) read(*statement, it->second);
  }
}

std::unordered_map<int, Instant> stored_consent_times(Session& session, std::int64_t id,
                                                      const std::vector<Consent>& wanted) {
  std::unordered_map<int, Instant> kept;
  auto statement = session.prepare("SELECT channel, granted, changed_at FROM contact_consents WHERE contact_id = ?");
  statement->bind(1, id);
  while (statement->executeStep()) {
    const auto channel = consent_channel_from_name(statement->getColumn(0).getString());
    const bool granted = statement->getColumn(1).getInt() != 0;
    for (const Consent& consent : wanted)
      if (channel && consent.channel == *channel && consent.granted == granted)
        kept[static_cast<int>(*channel)] = column_instant(*statement, 2);
  }
  return kept;
}

void delete_children(Session& session, std::int64_t id) {
  for (const char* sql : {"DELETE FROM contact_emails WHERE contact_id = ?",
                          "DELETE FROM contact_phones WHERE contact_id = ?",
                          "DELETE FROM contact_consents WHERE contact_id = ?"}) {
    auto statement = session.prepare(sql);
    statement->bind(1, id);
    statement->exec();
  }
}

}  // namespace

std::int64_t insert_contact_row(Session& session, const ContactRow& row, const Instant& now) {
  static const std::string sql = record_insert_sql("contacts", data_columns());
  auto insert = session.prepare(sql);
  bind_data(*insert, row);
  return write_record(session, kContactTable, *insert, data_columns(), now, 0, row.data.external_ref);
}

void update_contact_row(Session& session, std::int64_t id, const ContactRow& row, const Instant& now) {
  static const std::string sql = record_update_sql("contacts", data_columns());
  auto update = session.prepare(sql);
  bind_data(*update, row);
  write_record(session, kContactTable, *update, data_columns(), now, id, row.data.external_ref);
}

void store_contact_children(Session& session, std::int64_t id, ContactRow& row, const Instant& now, bool fresh) {
  ContactData& d = row.data;
  std::unordered_map<int, Instant> kept;
  if (!fresh) {
    kept = stored_consent_times(session, id, d.consents);
    delete_children(session, id);
  }
  auto email = session.prepare(
      "INSERT INTO contact_emails (contact_id, position, address, address_key, is_primary) VALUES (?, ?, ?, ?, ?)");
  for (std::size_t i = 0; i < d.emails.size(); ++i) {
    email->bind(1, id);
    email->bind(2, static_cast<int>(i));
    email->bind(3, d.emails[i].address);
    email->bind(4, row.email_keys[i]);
    email->bind(5, d.emails[i].primary ? 1 : 0);
    email->exec();
    email->reset();
  }
  auto phone =
      session.prepare("INSERT INTO contact_phones (contact_id, position, kind, raw, e164) VALUES (?, ?, ?, ?, ?)");
  for (std::size_t i = 0; i < d.phones.size(); ++i) {
    phone->bind(1, id);
    phone->bind(2, static_cast<int>(i));
    phone->bind(3, std::string(phone_kind_name(d.phones[i].kind)));
    phone->bind(4, d.phones[i].raw);
    phone->bind(5, d.phones[i].e164);
    phone->exec();
    phone->reset();
  }
  auto consent = session.prepare(
      "INSERT INTO contact_consents (contact_id, channel, granted, changed_at) VALUES (?, ?, ?, ?)");
  for (Consent& c : d.consents) {
    if (c.changed_at.is_special()) {
      auto it = kept.find(static_cast<int>(c.channel));
      c.changed_at = it != kept.end() ? it->second : now;
    }
    consent->bind(1, id);
    consent->bind(2, std::string(consent_channel_name(c.channel)));
    consent->bind(3, c.granted ? 1 : 0);
    consent->bind(4, format_instant(c.changed_at));
    consent->exec();
    consent->reset();
  }
  store_tags(session, kContactTable, id, d.tags, fresh);
}

std::vector<Contact> load_contacts(Session& session, const std::vector<std::int64_t>& ids) {
  if (ids.empty()) return {};
  const std::string json = ids_json(ids);
  std::unordered_map<std::int64_t, Contact> by_id;
  {
    static const std::string sql = std::string("SELECT ") + kRecordMetaColumns + ", " +
                                   with_origin_names(data_columns(), "contacts") +
                                   " FROM contacts WHERE id IN (SELECT value FROM json_each(?))";
    auto statement = session.prepare(sql);
    statement->bind(1, json);
    CustomDecoder custom(session, RecordKind::contact);
    while (statement->executeStep()) {
      Contact contact = read_contact(*statement);
      contact.custom = custom.decode(column_text(*statement, statement->getColumnCount() - 1));  // custom is last
      by_id.emplace(contact.id.value(), std::move(contact));
    }
  }
  for_each_child(session,
                 "SELECT contact_id, address, is_primary FROM contact_emails WHERE contact_id IN "
                 "(SELECT value FROM json_each(?)) ORDER BY contact_id, position",
                 json, by_id, [](SQLite::Statement& s, Contact& c) {
                   c.emails.push_back({s.getColumn(1).getString(), s.getColumn(2).getInt() != 0});
                 });
  for_each_child(session,
                 "SELECT contact_id, kind, raw, e164 FROM contact_phones WHERE contact_id IN "
                 "(SELECT value FROM json_each(?)) ORDER BY contact_id, position",
                 json, by_id, [](SQLite::Statement& s, Contact& c) {
                   std::string e164 = s.getColumn(3).getString();
                   const bool unreadable = e164.empty();
                   c.phones.push_back({phone_kind_from_name(s.getColumn(1).getString()).value_or(PhoneKind::other),
                                       s.getColumn(2).getString(), std::move(e164), unreadable});
                 });
  for_each_child(session,
                 "SELECT contact_id, channel, granted, changed_at FROM contact_consents WHERE contact_id IN "
                 "(SELECT value FROM json_each(?)) ORDER BY contact_id, channel",
                 json, by_id, [](SQLite::Statement& s, Contact& c) {
                   auto channel = consent_channel_from_name(s.getColumn(1).getString());
                   if (channel) c.consents.push_back({*channel, s.getColumn(2).getInt() != 0, column_instant(s, 3)});
                 });
  auto tags = load_tags(session, kContactTable, json);
  auto accounts = current_accounts(session, json);
  std::vector<Contact> contacts;
  contacts.reserve(ids.size());
  for (std::int64_t id : ids) {
    auto it = by_id.find(id);
    if (it == by_id.end()) continue;
    if (auto t = tags.find(id); t != tags.end()) it->second.tags = std::move(t->second);
    if (auto a = accounts.find(id); a != accounts.end()) it->second.account = a->second;
    contacts.push_back(std::move(it->second));
  }
  return contacts;
}

}  // namespace detail
}  // namespace crm
