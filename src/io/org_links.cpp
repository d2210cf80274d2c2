// Campaigns, campaign members and employments of an org export.
#include "io/org_links.hpp"

#include <algorithm>
#include <fstream>

#include "crm/campaign.hpp"
#include "crm/contact.hpp"
#include "crm/currency.hpp"
#include "crm/employment.hpp"
#include "crm/error.hpp"
#include "crm/account.hpp"
#include "crm/lead.hpp"
#include "crm/product.hpp"
#include "io/csv_reader.hpp"
#include "io/import_owners.hpp"
#include "query/catalog.hpp"
#include "storage/record_table.hpp"
#include "storage/store_access.hpp"
#include "storage/session.hpp"
#include "text/unicode.hpp"

namespace crm::detail {
namespace {

constexpr std::size_t kListedIssues = 1000;  // as ImportResult lists errors

// One row: field -> its cell (values applied, trimmed); blank cells absent.
using RowFields = std::map<std::string, std::string>;

// The header a field came from, for errors.
using FieldHeaders = std::map<std::string, std::string>;

const std::string* cell(const RowFields& row, const std::string& field) {
  const auto found = row.find(field);
  return found == row.end() ? nullptr : &found->second;
}

std::optional<Date> date_cell(const RowFields& row, const std::string& field) {
  const std::string* text = cell(row, field);
  if (!text) return std::nullopt;
  try {
    return parse_date(*text);
  } catch (const Error& error) {
    throw Error(ErrorCode::invalid_argument, error.what(), field);
  }
}

// An amount as a Salesforce export writes it: "1200", "1200.50", or with its currency.
Money money_cell(const std::string& text, const std::string& base_currency, const std::string& field) {
  try {
    if (text.find_first_of("ABCDEFGHIJKLMNOPQRSTUVWXYZ") != std::string::npos) return Money::parse(text);
    return Money::from_decimal(text, base_currency);
  } catch (const Error& error) {
    throw Error(ErrorCode::invalid_argument, error.what(), field);
  }
}

// Whether `tags` holds `tag`, ignoring case.
bool has_tag(const std::vector<std::string>& tags, const std::string& tag) {
  const std::string wanted = casefold(tag);
  return std::any_of(tags.begin(), tags.end(), [&](const std::string& held) { return casefold(held) == wanted; });
}

// Campaign rows: created, updated when different, else unchanged.
struct CampaignRows {
  Session& session;
  CampaignNames& names;
  const std::string& base;  // the database's base currency, for bare amounts

  void write(const RowFields& row, ImportResult& result) {
    const std::string* name = cell(row, "name");
    if (!name) throw Error(ErrorCode::invalid_argument, "a campaign needs a name", "name");
    Campaigns campaigns = StoreAccess::make<Campaigns>(session);
    CampaignData data;
    data.name = *name;
    // Campaign names are unique; a second campaign of the export with a name
    // another one took in this run is told apart by its id (the same on every run).
    const std::string* id = cell(row, "id");
    if (id && taken_by_other(data.name, *id)) data.name += " (" + *id + ")";
    if (const std::string* channel = cell(row, "channel")) {
      const auto parsed = campaign_channel_from_name(casefold(*channel));
      data.channel = parsed.value_or(CampaignChannel::other);
    }
    data.starts_on = date_cell(row, "starts_on");
    data.ends_on = date_cell(row, "ends_on");
    if (const std::string* cost = cell(row, "cost")) data.cost = money_cell(*cost, base, "cost");
    else data.cost = Money::from_decimal("0", base);
    if (const std::string* budget = cell(row, "budget"))
      data.budget = money_cell(*budget, std::string(data.cost.currency()), "budget");
    if (const std::string* text = cell(row, "description")) data.description = *text;
    if (const std::string* owner = cell(row, "owner")) {
      data.owner = *owner;
      provide_owner(session, *owner, result.users_created);
    }
    if (const std::string* source = cell(row, "lead_source")) data.lead_source = *source;
    if (std::optional<Campaign> stored = campaigns.find(data.name)) {
      Campaign changed = *stored;
      static_cast<CampaignData&>(changed) = data;
      changed.name = stored->name;
      if (static_cast<const CampaignData&>(changed) == static_cast<const CampaignData&>(*stored)) {
        ++result.unchanged;
      } else {
        campaigns.update(changed);
        ++result.updated;
      }
    } else {
      campaigns.create(data);
      ++result.inserted;
    }
    if (id) names[*id] = data.name;
  }

  // Whether a row with another id than `id` wrote the campaign `name` in this run.
  bool taken_by_other(const std::string& name, const std::string& id) const {
    const std::string wanted = casefold(name);
    return std::any_of(names.begin(), names.end(), [&](const auto& entry) {
      return entry.first != id && casefold(entry.second) == wanted;
    });
  }
};

// Saves `record` and gives it back the updated_at it had: a link the old
// CRM held is no change made here, and the record's next import then finds
// it unchanged.
template <class Store, class Record>
void update_keeping_stamp(Session& session, Store& store, const Record& record, RecordKind kind) {
  WriteScope scope(session);
  store.update(record);
  set_stamps(session, record_table_name(kind), record.id.value(), std::nullopt, record.updated_at);
  scope.commit();
}

// Adds `campaign` to a contact or lead: the one that brought it when it has
// none, and a tag. Returns whether anything changed.
template <class Record>
bool join(Record& record, const std::string& campaign) {
  bool changed = false;
  if (record.campaign.empty()) {
    record.campaign = campaign;
    changed = true;
  }
  const std::string tag = "Campaign: " + campaign;
  if (!has_tag(record.tags, tag)) {
    record.tags.push_back(tag);
    changed = true;
  }
  return changed;
}

// Joins the contact or lead (Store) with external_ref `ref` to `campaign`
// and counts it updated or unchanged; not_found naming `field` when none has it.
template <class Store>
void join_record(Session& session, const std::string& ref, const std::string& campaign, RecordKind kind,
                 const std::string& field, ImportResult& result) {
  Store store = StoreAccess::make<Store>(session);
  auto record = store.find_by_external_ref(ref);
  if (!record)
    throw Error(ErrorCode::not_found,
                "no " + std::string(record_kind_name(kind)) + " has the external reference '" + ref + "'", field);
  if (!join(*record, campaign)) {
    ++result.unchanged;
    return;
  }
  update_keeping_stamp(session, store, *record, kind);
  ++result.updated;
}

void write_member(Session& session, const CampaignNames& names, const RowFields& row, ImportResult& result) {
  const std::string* campaign_ref = cell(row, "campaign_ref");
  if (!campaign_ref) throw Error(ErrorCode::invalid_argument, "a campaign member needs its campaign", "campaign_ref");
  const auto known = names.find(*campaign_ref);
  const std::string campaign = known != names.end() ? known->second : *campaign_ref;
  if (!StoreAccess::make<Campaigns>(session).find(campaign))
    throw Error(ErrorCode::not_found, "no campaign has the id or name '" + *campaign_ref + "'", "campaign_ref");
  if (const std::string* contact_ref = cell(row, "contact_ref")) {
    join_record<Contacts>(session, *contact_ref, campaign, RecordKind::contact, "contact_ref", result);
    return;
  }
  const std::string* lead_ref = cell(row, "lead_ref");
  if (!lead_ref) throw Error(ErrorCode::invalid_argument, "a campaign member needs a contact or a lead", "contact_ref");
  join_record<Leads>(session, *lead_ref, campaign, RecordKind::lead, "lead_ref", result);
}

void write_employment(Session& session, const RowFields& row, ImportResult& result) {
  const std::string* contact_ref = cell(row, "contact_ref");
  const std::string* account_ref = cell(row, "account_ref");
  if (!contact_ref) throw Error(ErrorCode::invalid_argument, "an employment needs its contact", "contact_ref");
  if (!account_ref) throw Error(ErrorCode::invalid_argument, "an employment needs its account", "account_ref");
  const std::optional<Contact> contact = StoreAccess::make<Contacts>(session).find_by_external_ref(*contact_ref);
  if (!contact) throw Error(ErrorCode::not_found, "no contact has the external reference '" + *contact_ref + "'", "contact_ref");
  const std::optional<Account> account = StoreAccess::make<Accounts>(session).find_by_external_ref(*account_ref);
  if (!account) throw Error(ErrorCode::not_found, "no account has the external reference '" + *account_ref + "'", "account_ref");
  const std::string* title = cell(row, "title");
  const std::optional<Date> started_on = date_cell(row, "started_on");
  const std::optional<Date> ended_on = date_cell(row, "ended_on");
  Employments employments = StoreAccess::make<Employments>(session);
  for (const Employment& held : employments.history(contact->id))
    if (held.account == account->id && held.started_on == started_on) {
      ++result.unchanged;
      return;
    }
  WriteScope scope(session);
  const Employment started = employments.start(contact->id, account->id, title ? *title : std::string(), started_on);
  if (ended_on) employments.end(started.id, *ended_on);
  set_stamps(session, record_table_name(RecordKind::contact), contact->id.value(), std::nullopt, contact->updated_at);
  scope.commit();
  ++result.inserted;
}

void write_product(Session& session, const RowFields& row, const std::string& base, ImportResult& result) {
  const std::string* sku = cell(row, "sku");
  if (!sku) throw Error(ErrorCode::invalid_argument, "a product needs its SKU", "sku");
  ProductData data;
  data.sku = *sku;
  const std::string* name = cell(row, "name");
  data.name = name ? *name : *sku;
  const std::string* price = cell(row, "list_price");
  data.list_price = price ? money_cell(*price, base, "list_price") : Money::from_decimal("0", base);
  if (const std::string* active = cell(row, "active")) {
    const std::string flag = casefold(*active);
    if (flag == "false" || flag == "no" || flag == "0") data.active = false;
    else if (flag != "true" && flag != "yes" && flag != "1")
      throw Error(ErrorCode::invalid_argument, "active: '" + *active + "' is not true or false", "active");
  }
  Products products = StoreAccess::make<Products>(session);
  std::optional<Product> stored = products.find_by_sku(data.sku);
  if (!stored) {
    products.create(data);
    ++result.inserted;
    return;
  }
  Product changed = *stored;
  static_cast<ProductData&>(changed) = data;
  changed.sku = stored->sku;
  if (changed.name == stored->name && changed.list_price == stored->list_price && changed.active == stored->active) {
    ++result.unchanged;
    return;
  }
  products.update(changed);
  ++result.updated;
}

}  // namespace

std::string_view org_link_kind_name(OrgLinkKind kind) noexcept {
  switch (kind) {
    case OrgLinkKind::campaign: return "campaign";
    case OrgLinkKind::campaign_member: return "campaign_member";
    case OrgLinkKind::employment: return "employment";
    case OrgLinkKind::product: return "product";
  }
  return "";
}

std::optional<OrgLinkKind> org_link_kind_from_name(std::string_view name) noexcept {
  for (OrgLinkKind kind :
       {OrgLinkKind::campaign, OrgLinkKind::campaign_member, OrgLinkKind::employment, OrgLinkKind::product})
    if (org_link_kind_name(kind) == name) return kind;
  return std::nullopt;
}

const std::vector<std::string>& org_link_fields(OrgLinkKind kind) {
  static const std::vector<std::string> campaign = {"id",   "name",   "channel",     "starts_on", "ends_on",
                                                    "cost", "budget", "description", "owner",     "lead_source"};
  static const std::vector<std::string> member = {"campaign_ref", "contact_ref", "lead_ref"};
  static const std::vector<std::string> employment = {"contact_ref", "account_ref", "title", "started_on", "ended_on"};
  static const std::vector<std::string> product = {"sku", "name", "list_price", "active"};
  switch (kind) {
    case OrgLinkKind::campaign: return campaign;
    case OrgLinkKind::campaign_member: return member;
    case OrgLinkKind::employment: return employment;
    case OrgLinkKind::product: return product;
  }
  return employment;
}

ImportResult import_org_links(Session& session, OrgLinkKind kind, const std::string& path,
                              const std::map<std::string, std::string>& columns,
                              const std::map<std::string, std::map<std::string, std::string>>& values,
                              CampaignNames& campaign_names) {
  const std::vector<std::string>& fields = org_link_fields(kind);
  for (const auto& [header, field] : columns)
    if (!field.empty() && std::find(fields.begin(), fields.end(), field) == fields.end()) {
      std::string known;
      for (const std::string& name : fields) known += (known.empty() ? "" : ", ") + name;
      throw Error(ErrorCode::invalid_argument,
                  "import_org: '" + field + "' (for header '" + header + "') is not a field of a " +
                      std::string(org_link_kind_name(kind)) + " file; fields: " + known,
                  "columns");
    }
  std::ifstream in(path, std::ios::binary);
  if (!in) throw Error(ErrorCode::io, "import_org: cannot open '" + path + "'", "path");
  CsvReader reader(in, CsvOptions{});
  CsvRecord record;
  ImportResult result;
  if (!reader.next(record)) return result;
  std::vector<std::string> bound(record.fields.size());  // position -> field, "" for none
  FieldHeaders headers;
  for (std::size_t index = 0; index < record.fields.size(); ++index) {
    const std::string header(trim(record.fields[index]));
    const auto found = columns.find(header);
    if (found != columns.end() && !found->second.empty()) {
      bound[index] = found->second;
      headers[found->second] = header;
      result.mapping[header] = found->second;
    } else if (!header.empty()) {
      result.ignored_headers.push_back(header);
    }
  }
  // Per position: ImportOptions::values of its header, keyed by the cell case-folded, as RowMapper keys them.
  std::vector<std::map<std::string, std::string>> folded_values(bound.size());
  for (std::size_t index = 0; index < bound.size(); ++index)
    if (!bound[index].empty())
      if (const auto found = values.find(headers[bound[index]]); found != values.end())
        for (const auto& [from, to] : found->second) folded_values[index][casefold(trim(from))] = to;
  const std::string base_currency = StoreAccess::make<Currencies>(session).base();
  CampaignRows campaigns{session, campaign_names, base_currency};
  auto refuse = [&](std::int64_t line, const std::string& column, const std::string& message) {
    ++result.failed;
    if (result.errors.size() < kListedIssues) result.errors.push_back({line, column, message});
  };
  while (reader.next(record)) {
    ++result.rows;
    if (!record.error.empty()) {
      refuse(record.line, "", record.error);
      continue;
    }
    RowFields row;
    for (std::size_t index = 0; index < record.fields.size() && index < bound.size(); ++index) {
      if (bound[index].empty()) continue;
      std::string text(trim(record.fields[index]));
      if (!folded_values[index].empty() && !text.empty())
        if (const auto found = folded_values[index].find(casefold(text)); found != folded_values[index].end())
          text = found->second;
      if (!text.empty()) row[bound[index]] = text;
    }
    try {
      switch (kind) {
        case OrgLinkKind::campaign: campaigns.write(row, result); break;
        case OrgLinkKind::campaign_member: write_member(session, campaign_names, row, result); break;
        case OrgLinkKind::employment: write_employment(session, row, result); break;
        case OrgLinkKind::product: write_product(session, row, base_currency, result); break;
      }
    } catch (const Error& error) {
      const auto header = headers.find(error.field());
      refuse(record.line, header != headers.end() ? header->second : error.field(), error.what());
    }
  }
  result.committed = true;  // each row was written on its own; the refused ones are listed
  return result;
}

}  // namespace crm::detail
