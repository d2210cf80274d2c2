#include "common/enum_names.hpp"
#include "common/fields.hpp"
#include <unordered_map>

#include "crm/account.hpp"
#include "crm/contact.hpp"
#include "crm/error.hpp"
#include "listing/record_list.hpp"
#include "model/custom_field_store.hpp"
#include "model/plain_columns.hpp"
#include "crm/lead.hpp"
#include "crm/opportunity.hpp"
#include "lead/lead_table.hpp"
#include "account/account_table.hpp"
#include "campaign/origin_links.hpp"
#include "contact/contact_table.hpp"
#include "storage/errors.hpp"
#include "storage/session.hpp"
#include "storage/sql_values.hpp"
#include "text/latin_key.hpp"
#include "text/unicode.hpp"
#include "storage/store_access.hpp"
#include "storage/record_lookup.hpp"
#include "model/select_columns.hpp"

namespace crm {
namespace {

constexpr detail::EnumName<LeadStatus> kStatuses[] = {{LeadStatus::fresh, "new"},
                                                      {LeadStatus::contacted, "contacted"},
                                                      {LeadStatus::qualified, "qualified"},
                                                      {LeadStatus::disqualified, "disqualified"}};

}  // namespace

std::string_view lead_status_name(LeadStatus status) noexcept { return detail::name_of<LeadStatus>(kStatuses, status); }
std::optional<LeadStatus> lead_status_from_name(std::string_view name) noexcept {
  return detail::from_name<LeadStatus>(kStatuses, name);
}

namespace {

using namespace detail;

struct LeadRow {
  LeadData data;
  std::string name_key;
  std::string latin_key;
  std::string email_key;
  std::string phone_e164;
  std::string custom_json;
  Origin origin;
};

// A lead that becomes disqualified needs a reason; recorded history (a lead
// created disqualified, as imports bring them, or one already disqualified)
// may lack it.
void require_disqualified_reason(const LeadData& lead, LeadStatus stored_status) {
  if (lead.status == LeadStatus::disqualified && stored_status != LeadStatus::disqualified &&
      lead.disqualified_reason.empty())
    throw Error(ErrorCode::invalid_argument, "lead.disqualified_reason: a disqualified lead needs a reason",
                "lead.disqualified_reason");
}

LeadRow normalize(Session& session, const LeadData& in, bool creating) {
  LeadRow row;
  LeadData& out = row.data;
  model::clean_plain_fields(in, out, "lead", session.today());
  if (out.first_name.empty() && out.last_name.empty() && out.company_name.empty())
    throw Error(ErrorCode::invalid_argument, "lead: give a person's name or a company name", "lead.last_name");
  out.email = clean_email(in.email, "lead.email");
  out.phone = clean_line(in.phone, "lead.phone");
  if (!out.phone.empty()) row.phone_e164 = session.phones_in(out.country).require_e164(out.phone, "lead.phone");
  if (!out.email.empty()) row.email_key = casefold(out.email);
  if (out.status != LeadStatus::disqualified) out.disqualified_reason.clear();
  out.tags = clean_tags(in.tags, "lead.tags");
  const std::string name = out.last_name + " " + out.first_name + " " + out.company_name;
  row.name_key = match_key(name);
  row.latin_key = distinct_latin_key(name);
  EncodedCustom custom = encode_custom(session, RecordKind::lead, in.custom, creating);
  out.custom = std::move(custom.values);
  row.custom_json = std::move(custom.json);
  out.source = in.source;
  out.campaign = in.campaign;
  row.origin = resolve_origin(session, out.source, out.campaign, "lead", "source");
  return row;
}

// The plain columns (from the descriptors), then what the store derives; custom last.
const std::string& data_columns() {
  static const std::string columns =
      model::plain_column_list<LeadData>() +
      ", name_key, latin_key, email_key, phone_e164, lead_source_id, campaign_id, custom";
  return columns;
}

void bind_data(SQLite::Statement& s, const LeadRow& row) {
  int index = model::bind_plain_columns(s, 1, row.data);
  s.bind(index++, row.name_key);
  for (const std::string* text : {&row.latin_key, &row.email_key, &row.phone_e164})
    bind_text_or_null(s, index++, *text);
  bind_origin_id(s, index++, row.origin.lead_source_id);
  bind_origin_id(s, index++, row.origin.campaign_id);
  bind_text_or_null(s, index, row.custom_json);
}

std::vector<Lead> load_leads(Session& session, const std::vector<std::int64_t>& ids) {
  if (ids.empty()) return {};
  const std::string json = ids_json(ids);
  static const std::string sql = std::string("SELECT ") + kRecordMetaColumns + ", " +
                                 with_origin_names(data_columns(), "leads") +
                                 ", converted_at, converted_account_id, converted_contact_id, "
                                 "converted_opportunity_id FROM leads WHERE id IN (SELECT value FROM json_each(?))";
  auto statement = session.prepare(sql);
  statement->bind(1, json);
  std::unordered_map<std::int64_t, Lead> by_id;
  CustomDecoder custom(session, RecordKind::lead);
  while (statement->executeStep()) {
    Lead lead;
    read_record_meta(*statement, 0, lead);
    int i = model::read_plain_columns<LeadData>(*statement, 5, lead);
    i += 3;  // name_key, latin_key, email_key
    lead.phone_e164 = column_text(*statement, i++);
    lead.source = column_text(*statement, i++);
    lead.campaign = column_text(*statement, i++);
    lead.custom = custom.decode(column_text(*statement, i++));
    lead.converted_at = column_optional_instant(*statement, i++);
    lead.converted_account = column_id<AccountId>(*statement, i++);
    lead.converted_contact = column_id<ContactId>(*statement, i++);
    lead.converted_opportunity = column_id<OpportunityId>(*statement, i++);
    by_id.emplace(lead.id.value(), std::move(lead));
  }
  auto tags = load_tags(session, kLeadTable, json);
  return in_order(ids, by_id, &tags);
}

Lead load_one(Session& session, LeadId id) {
  auto leads = load_leads(session, {id.value()});
  if (leads.empty()) throw Error(ErrorCode::not_found, "lead " + std::to_string(id.value()) + " does not exist", "lead");
  return std::move(leads.front());
}

std::string person_name(const Lead& lead) {
  return lead.first_name.empty() ? lead.last_name : lead.first_name + " " + lead.last_name;
}

// The lead's source and campaign for a record made from it that has none.
template <class Data>
void take_origin(const Lead& lead, Data& data) {
  if (data.lead_source.empty()) data.lead_source = lead.source;
  if (data.campaign.empty()) data.campaign = lead.campaign;
}

Account account_for(Session& session, const Lead& lead, const LeadConversion& how) {
  Accounts accounts = detail::StoreAccess::make<Accounts>(session);
  if (how.account) return accounts.get(how.account);
  AccountData data = how.new_account.value_or(AccountData{});
  if (!how.new_account) {
    data.name = lead.company_name.empty() ? person_name(lead) : lead.company_name;
    data.industry = lead.industry;
    data.address.country = lead.country;
    data.owner = lead.owner;
  }
  take_origin(lead, data);
  return accounts.create(data);
}

Contact contact_for(Session& session, const Lead& lead, const LeadConversion& how, const Account& account) {
  Contacts contacts = detail::StoreAccess::make<Contacts>(session);
  if (how.contact) return contacts.get(how.contact);
  ContactData data = how.new_contact.value_or(ContactData{});
  if (!how.new_contact) {
    data.first_name = lead.first_name;
    data.last_name = lead.last_name.empty() ? lead.company_name : lead.last_name;
    if (!lead.email.empty()) data.emails = {{lead.email, true}};
    if (!lead.phone.empty()) data.phones = {{PhoneKind::mobile, lead.phone, ""}};
    data.job_title = lead.job_title;
    data.country = lead.country;
    data.owner = lead.owner;
  }
  take_origin(lead, data);
  if (!data.account) data.account = account.id;
  return contacts.create(data);
}

}  // namespace

Lead Leads::create(const LeadData& data) {
  return guarded([&] {
    WriteScope scope(session_, creation_atomicity(session_, data.source));
    LeadRow row = normalize(session_, data, true);
    static const std::string insert_sql = record_insert_sql("leads", data_columns());
    auto insert = session_.prepare(insert_sql);
    bind_data(*insert, row);
    const std::int64_t id =
        write_record(session_, kLeadTable, *insert, data_columns(), session_.now(), 0, row.data.external_ref);
    scope.added_root("leads", id);
    store_tags(session_, kLeadTable, id, row.data.tags, true);
    return scope.commit_returning([&] { return load_one(session_, LeadId(id)); });
  });
}

Lead Leads::get(LeadId id) const {
  return guarded_read(session_, [&] { return load_one(session_, id); });
}

Lead Leads::update(const Lead& lead) {
  return guarded([&] {
    WriteScope scope(session_);
    LeadRow row = normalize(session_, lead, false);
    require_version(session_, kLeadTable, lead.id.value(), lead.version);
    const Lead stored = load_one(session_, lead.id);
    require_disqualified_reason(row.data, stored.status);
    if (stored.converted_at && row.data.status != stored.status)
      throw Error(ErrorCode::conflict, "lead " + std::to_string(lead.id.value()) +
                                           " has been converted; its status stays '" +
                                           std::string(lead_status_name(stored.status)) + "'",
                  "lead.status");
    static const std::string update_sql = record_update_sql("leads", data_columns());
    auto update = session_.prepare(update_sql);
    bind_data(*update, row);
    write_record(session_, kLeadTable, *update, data_columns(), session_.now(), lead.id.value(), row.data.external_ref);
    store_tags(session_, kLeadTable, lead.id.value(), row.data.tags, false);
    return scope.commit_returning([&] { return load_one(session_, lead.id); });
  });
}

Lead Leads::remove(LeadId id) {
  return guarded([&] {
    WriteScope scope(session_);
    set_deleted(session_, kLeadTable, id.value(), true);
    return scope.commit_returning([&] { return get(id); });
  });
}

Lead Leads::restore(LeadId id) {
  return guarded([&] {
    WriteScope scope(session_);
    set_deleted(session_, kLeadTable, id.value(), false);
    return scope.commit_returning([&] { return get(id); });
  });
}

void Leads::purge(LeadId id) {
  guarded([&] { detail::purge(session_, kLeadTable, id.value()); });
}

Page<Lead> Leads::list(const ListQuery& query) const {
  return guarded_read(session_, [&] {
    IdPage ids = list_ids(session_, RecordKind::lead, query);
    return Page<Lead>{load_leads(session_, ids.ids), std::move(ids.next)};
  });
}

std::int64_t Leads::count(const ListQuery& query) const {
  return guarded_read(session_, [&] { return count_rows(session_, RecordKind::lead, query); });
}

namespace {

// The select() columns: the plain fields', from the record descriptors.
const std::vector<SelectableColumn>& select_columns() {
  static const std::vector<model::SelectColumn> plain = model::plain_select_columns(RecordKind::lead, "leads");
  static const std::vector<SelectableColumn> all = model::column_views<SelectableColumn>(plain);
  return all;
}

}  // namespace

TablePage Leads::select(const std::vector<std::string>& columns, const ListQuery& query) const {
  return guarded_read(session_, [&] { return select_page(session_, RecordKind::lead, query, select_columns(), columns); });
}

std::vector<Column> Leads::selectable_columns() { return column_list(select_columns()); }

std::optional<Lead> Leads::find_by_external_ref(const std::string& external_ref) const {
  return guarded_read(session_,
                      [&] { return find_live_by_external_ref(session_, kLeadTable, external_ref, load_leads); });
}

std::vector<Lead> Leads::find_by_email(const std::string& email) const {
  return guarded_read(session_, [&] {
    return load_leads(session_, live_ids_where(session_, kLeadTable, "email_key", casefold(clean_line(email, "email"))));
  });
}

std::vector<Lead> Leads::find_by_phone(const std::string& phone) const {
  return guarded_read(session_, [&] {
    const std::string e164 = session_.phones().require_e164(clean_line(phone, "phone"), "phone");
    return load_leads(session_, live_ids_where(session_, kLeadTable, "phone_e164", e164));
  });
}

LeadConversionResult Leads::convert(LeadId id, const LeadConversion& how) {
  return guarded([&] {
    WriteScope scope(session_);
    const Lead lead = load_one(session_, id);
    const std::string which = "lead " + std::to_string(id.value());
    if (lead.deleted_at) throw Error(ErrorCode::conflict, which + " is deleted; restore it first");
    if (lead.converted_at) throw Error(ErrorCode::conflict, which + " has already been converted");
    if (lead.status == LeadStatus::disqualified) throw Error(ErrorCode::conflict, which + " is disqualified");
    const Account account = account_for(session_, lead, how);
    if (account.deleted_at) throw Error(ErrorCode::not_found, "conversion.account: account is deleted", "account");
    const Contact contact = contact_for(session_, lead, how, account);
    if (contact.deleted_at) throw Error(ErrorCode::not_found, "conversion.contact: contact is deleted", "contact");
    std::optional<Opportunity> deal;
    if (how.opportunity) {
      OpportunityData data = *how.opportunity;
      data.account = account.id;
      if (!data.primary_contact) data.primary_contact = contact.id;
      take_origin(lead, data);
      deal = detail::StoreAccess::make<Opportunities>(session_).create(data);
    }
    auto update = session_.prepare(
        "UPDATE main.leads SET status = 'qualified', disqualified_reason = NULL, converted_at = ?, converted_account_id = ?, "
        "converted_contact_id = ?, converted_opportunity_id = ?, updated_at = ?, version = version + 1 WHERE id = ?");
    const std::string now = format_instant(session_.now());
    update->bind(1, now);
    update->bind(2, account.id.value());
    update->bind(3, contact.id.value());
    bind_id_or_null(*update, 4, deal ? deal->id : OpportunityId());
    update->bind(5, now);
    update->bind(6, id.value());
    update->exec();
    return scope.commit_returning([&] { return LeadConversionResult{load_one(session_, id), account, contact, deal}; });
  });
}

}  // namespace crm
