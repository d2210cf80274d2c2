#include "account/account_table.hpp"
#include "campaign/origin_links.hpp"
#include "common/fields.hpp"
#include "contact/contact_store.hpp"
#include "contact/contact_table.hpp"
#include "crm/contact.hpp"
#include "crm/error.hpp"
#include "listing/record_list.hpp"
#include "employment/employment_links.hpp"
#include "storage/errors.hpp"
#include "storage/session.hpp"
#include "storage/record_lookup.hpp"
#include "text/unicode.hpp"
#include "model/select_columns.hpp"

namespace crm {
namespace {

using namespace detail;

// Moves the contact to `account` (or out of any employment) when it differs
// from `current`, keeping every past link.
void follow_account(Session& session, std::int64_t contact, AccountId current, const ContactRow& row) {
  if (current == row.data.account) return;
  const Date today = session.today();
  if (current) end_current_employments(session, contact, today);
  if (row.data.account) insert_employment(session, contact, row.data.account.value(), row.data.job_title, today);
}

// The current employer: the most recently started employment that has not ended.
#define CRM_CURRENT_EMPLOYMENT                                                                     \
  "FROM employments WHERE contact_id = contacts.id AND ended_on IS NULL ORDER BY started_on DESC " \
  "NULLS LAST, id DESC LIMIT 1"

// Columns select() reads that are not a plain field's: the primary email, the first
// phone and the current employer.
const SelectableColumn kOwnColumns[] = {
    {"email", "primary_email.address", ColumnType::text,
     "LEFT JOIN contact_emails primary_email ON primary_email.contact_id = contacts.id AND primary_email.position = 0"},
    {"phone", "first_phone.e164", ColumnType::text,
     "LEFT JOIN contact_phones first_phone ON first_phone.contact_id = contacts.id AND first_phone.position = 0"},
    {"account_id", "(SELECT account_id " CRM_CURRENT_EMPLOYMENT ")", ColumnType::integer},
    {"account_name", "(SELECT name FROM accounts WHERE id = (SELECT account_id " CRM_CURRENT_EMPLOYMENT "))",
     ColumnType::text},
};

// Every select() column: the plain fields' (from the record descriptors), then kOwnColumns.
const std::vector<SelectableColumn>& select_columns() {
  static const std::vector<model::SelectColumn> plain = model::plain_select_columns(RecordKind::contact, "contacts");
  static const std::vector<SelectableColumn> all = [] {
    std::vector<SelectableColumn> list = model::column_views<SelectableColumn>(plain);
    list.insert(list.end(), std::begin(kOwnColumns), std::end(kOwnColumns));
    return list;
  }();
  return all;
}

#undef CRM_CURRENT_EMPLOYMENT

}  // namespace

Contact Contacts::create(const ContactData& data) {
  return guarded([&] {
    WriteScope scope(session_, creation_atomicity(session_, data.lead_source));
    ContactRow row = normalize_contact(data, session_, true);
    if (row.data.account) require_live(session_, kAccountTable, row.data.account.value(), "contact.account");
    const Instant now = session_.now();
    const std::int64_t id = insert_contact_row(session_, row, now);
    scope.added_root("contacts", id);
    store_contact_children(session_, id, row, now, true);
    if (row.data.account) insert_employment(session_, id, row.data.account.value(), row.data.job_title, now.date());
    scope.commit();
    Contact contact;
    static_cast<ContactData&>(contact) = std::move(row.data);
    contact.id = ContactId(id);
    contact.version = 1;
    contact.created_at = contact.updated_at = now;
    return contact;
  });
}

Contact Contacts::get(ContactId id) const {
  return guarded_read(session_, [&] {
    auto contacts = load_contacts(session_, {id.value()});
    if (contacts.empty())
      throw Error(ErrorCode::not_found, "contact " + std::to_string(id.value()) + " does not exist", "contact");
    return std::move(contacts.front());
  });
}

Contact Contacts::update(const Contact& contact) {
  return guarded([&] {
    WriteScope scope(session_);
    ContactRow row = normalize_contact(contact, session_, false);
    const std::int64_t id = contact.id.value();
    require_version(session_, kContactTable, id, contact.version);
    // Only a new employer must be live: a deleted current one does not block edits.
    const AccountId current = current_account(session_, id);
    if (row.data.account && row.data.account != current)
      require_live(session_, kAccountTable, row.data.account.value(), "contact.account");
    const Instant now = session_.now();
    update_contact_row(session_, id, row, now);
    store_contact_children(session_, id, row, now, false);
    follow_account(session_, id, current, row);
    return scope.commit_returning([&] { return get(contact.id); });
  });
}

Contact Contacts::remove(ContactId id) {
  return guarded([&] {
    WriteScope scope(session_);
    set_deleted(session_, kContactTable, id.value(), true);
    return scope.commit_returning([&] { return get(id); });
  });
}

Contact Contacts::restore(ContactId id) {
  return guarded([&] {
    WriteScope scope(session_);
    set_deleted(session_, kContactTable, id.value(), false);
    return scope.commit_returning([&] { return get(id); });
  });
}

void Contacts::purge(ContactId id) {
  guarded([&] { detail::purge(session_, kContactTable, id.value()); });
}

Page<Contact> Contacts::list(const ListQuery& query) const {
  return guarded_read(session_, [&] {
    IdPage ids = list_ids(session_, RecordKind::contact, query);
    return Page<Contact>{load_contacts(session_, ids.ids), std::move(ids.next)};
  });
}

TablePage Contacts::select(const std::vector<std::string>& columns, const ListQuery& query) const {
  return guarded_read(session_, [&] { return select_page(session_, RecordKind::contact, query, select_columns(), columns); });
}

std::vector<Column> Contacts::selectable_columns() { return column_list(select_columns()); }

std::int64_t Contacts::count(const ListQuery& query) const {
  return guarded_read(session_, [&] { return count_rows(session_, RecordKind::contact, query); });
}

std::optional<Contact> Contacts::find_by_external_ref(const std::string& external_ref) const {
  return guarded_read(session_,
                      [&] { return find_live_by_external_ref(session_, kContactTable, external_ref, load_contacts); });
}

namespace {

// Ids of live contacts with a companion row where `column` = `value`.
std::vector<std::int64_t> live_contacts_with(Session& session, const char* sql, const std::string& value) {
  auto statement = session.prepare(sql);
  statement->bind(1, value);
  std::vector<std::int64_t> ids;
  while (statement->executeStep()) ids.push_back(statement->getColumn(0).getInt64());
  return ids;
}

}  // namespace

std::vector<Contact> Contacts::find_by_email(const std::string& email) const {
  return guarded_read(session_, [&] {
    const std::string key = casefold(clean_line(email, "email"));
    return load_contacts(session_, live_contacts_with(session_,
                                                      "SELECT DISTINCT c.id FROM contact_emails e JOIN contacts c "
                                                      "ON c.id = e.contact_id WHERE e.address_key = ? AND "
                                                      "c.deleted_at IS NULL ORDER BY c.id",
                                                      key));
  });
}

std::vector<Contact> Contacts::find_by_phone(const std::string& phone) const {
  return guarded_read(session_, [&] {
    const std::string e164 = session_.phones().require_e164(clean_line(phone, "phone"), "phone");
    return load_contacts(session_, live_contacts_with(session_,
                                                      "SELECT DISTINCT c.id FROM contact_phones p JOIN contacts c "
                                                      "ON c.id = p.contact_id WHERE p.e164 = ? AND "
                                                      "c.deleted_at IS NULL ORDER BY c.id",
                                                      e164));
  });
}

}  // namespace crm
