#include "listings.hpp"

#include <map>
#include <string>
#include <utility>

#include "table.hpp"

namespace crm::cli {
namespace {

std::string first_phone(const Contact& contact) {
  return contact.phones.empty() ? "" : contact.phones.front().e164;
}

// Sums of one stage: deals, and per currency the amount and the
// probability-weighted amount in hundredths of minor units.
struct StageTotals {
  std::int64_t deals = 0;
  std::map<std::string, std::pair<std::int64_t, std::int64_t>> by_currency;
};

// "1200.00 EUR, 300.00 GBP": one amount per currency of `totals`; `weighted`
// picks the weighted sums.
std::string amounts(const StageTotals& totals, bool weighted) {
  std::string text;
  for (const auto& [currency, sums] : totals.by_currency) {
    const std::int64_t minor = weighted ? (sums.second + 50) / 100 : sums.first;  // weighted: rounded
    text += (text.empty() ? "" : ", ") + Money(minor, currency).to_string();
  }
  return text;
}

// The live deals of `pipeline` summed per stage, read page by page.
std::map<std::int64_t, StageTotals> totals_by_stage(Database& db, const Pipeline& pipeline) {
  std::map<std::int64_t, StageTotals> totals;
  ListQuery query{.sort = SortBy::id, .limit = kMaxPageSize};
  do {
    const TablePage page = db.opportunities().select({"stage_id", "currency", "amount_minor", "probability"}, query,
                                                     {.pipeline = pipeline.id});
    const crm::Table& rows = page.table;
    for (std::size_t row = 0; row < rows.row_count(); ++row) {
      StageTotals& stage = totals[rows.integer(row, 0)];
      auto& sums = stage.by_currency[std::string(rows.text(row, 1))];
      ++stage.deals;
      sums.first += rows.integer(row, 2);
      sums.second += rows.integer(row, 2) * rows.integer(row, 3);
    }
    query.after = page.next;
  } while (!query.after.empty());
  return totals;
}

}  // namespace

void print_contacts(Names& names, const std::vector<Contact>& contacts, std::ostream& out) {
  Table table({"id", "name", "account", "job title", "phone", "email", "lang"});
  for (const Contact& c : contacts)
    table.add({std::to_string(c.id.value()), person_name(c.first_name, c.last_name), names.account(c.account),
               c.job_title, first_phone(c), c.primary_email(), c.preferred_language});
  table.print(out);
}

void print_accounts(const std::vector<Account>& accounts, std::ostream& out) {
  Table table({"id", "name", "country", "city", "phone", "email", "owner", "ERP code"});
  for (const Account& a : accounts)
    table.add({std::to_string(a.id.value()), a.name, a.address.country, a.address.city, a.phone_e164, a.email,
               a.owner, a.external_ref});
  table.print(out);
}

void print_leads(const std::vector<Lead>& leads, std::ostream& out) {
  Table table({"id", "name", "company", "status", "email", "phone", "source", "owner"});
  for (const Lead& l : leads) {
    std::string status(lead_status_name(l.status));
    if (!l.disqualified_reason.empty()) status += ": " + l.disqualified_reason;
    if (l.converted_at) status += " (converted)";
    table.add({std::to_string(l.id.value()), person_name(l.first_name, l.last_name), l.company_name, status, l.email,
               l.phone_e164, l.source, l.owner});
  }
  table.print(out);
}

void print_deals(Names& names, const std::vector<Opportunity>& deals, std::ostream& out) {
  Table table({"id", "deal", "account", "stage", "amount", "prob", "close", "owner"});
  for (const Opportunity& d : deals) {
    const std::optional<Date>& close = d.closed() ? d.closed_on : d.expected_close;
    table.add({std::to_string(d.id.value()), d.name, names.account(d.account), names.stage(d.stage),
               d.amount.to_string(), std::to_string(d.probability) + "%", close ? format_date(*close) : "", d.owner});
  }
  table.print(out);
}

void print_summary(Database& db, std::ostream& out) {
  out << "Database " << db.path() << " (schema version " << db.schema_version() << ")\n";
  out << "Accounts: " << db.accounts().count() << "   Contacts: " << db.contacts().count()
      << "   Deals: " << db.opportunities().count() << "   Leads: " << db.leads().count()
      << "   Activities: " << db.activities().count() << "\n\n";
  Table by_country({"country", "accounts", "contacts"});
  for (const char* country : {"LV", "LT", "UA", "DE", "GB"})
    by_country.add({country, std::to_string(db.accounts().count({.country = country})),
                    std::to_string(db.contacts().count({.country = country}))});
  by_country.print(out);
  out << "\nFirst contacts by name:\n";
  Names names(db);
  print_contacts(names, db.contacts().list({.limit = 8}).items, out);
}

void print_pipeline(Database& db, const Pipeline& pipeline, std::ostream& out) {
  out << "Pipeline \"" << pipeline.name << "\"" << (pipeline.is_default ? " (default)" : "") << "\n";
  const auto totals = totals_by_stage(db, pipeline);
  static const StageTotals kEmpty;
  Table table({"stage", "kind", "prob", "deals", "amount", "weighted"});
  for (const Stage& stage : pipeline.stages) {
    const auto found = totals.find(stage.id.value());
    const StageTotals& sums = found == totals.end() ? kEmpty : found->second;
    table.add({stage.name, std::string(stage_kind_name(stage.kind)), std::to_string(stage.probability) + "%",
               std::to_string(sums.deals), amounts(sums, false), amounts(sums, true)});
  }
  table.print(out);
}

}  // namespace crm::cli
