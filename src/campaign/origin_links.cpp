#include "campaign/origin_links.hpp"

#include "common/fields.hpp"
#include "crm/error.hpp"
#include "storage/sql_values.hpp"
#include "text/unicode.hpp"

namespace crm::detail {
namespace {

std::optional<OriginRef> find_named(Session& session, const char* sql, const std::string& key) {
  auto statement = session.prepare(sql);
  statement->bind(1, key);
  if (!statement->executeStep()) return std::nullopt;
  return OriginRef{statement->getColumn(0).getInt64(), statement->getColumn(1).getString()};
}

std::optional<OriginRef> find_lead_source(Session& session, const std::string& clean_name) {
  return find_named(session, "SELECT id, name FROM lead_sources WHERE name_key = ?", match_key(clean_name));
}

// How many rows point to an origin: in all, and per table ("1 account, 2 leads").
struct Usage {
  std::int64_t total = 0;
  std::string parts;
};

Usage usage_of(Session& session, const std::string& column, std::int64_t id, bool campaigns_too) {
  struct Referrer {
    const char* table;
    const char* one;
    const char* many;
  };
  static constexpr Referrer kReferrers[] = {{"accounts", "account", "accounts"},
                                            {"contacts", "contact", "contacts"},
                                            {"leads", "lead", "leads"},
                                            {"opportunities", "opportunity", "opportunities"},
                                            {"campaigns", "campaign", "campaigns"}};
  Usage usage;
  for (const Referrer& referrer : kReferrers) {
    if (!campaigns_too && std::string_view(referrer.table) == "campaigns") continue;
    auto count = session.prepare("SELECT count(*) FROM " + std::string(referrer.table) + " WHERE " + column + " = ?");
    count->bind(1, id);
    count->executeStep();
    const std::int64_t n = count->getColumn(0).getInt64();
    if (n == 0) continue;
    usage.total += n;
    usage.parts += (usage.parts.empty() ? "" : ", ") + std::to_string(n) + " " + (n == 1 ? referrer.one : referrer.many);
  }
  return usage;
}

std::string field_name(std::string_view entity, std::string_view member) {
  return std::string(entity) + "." + std::string(member);
}

}  // namespace

std::optional<OriginRef> lead_source_for(Session& session, std::string_view name, std::string_view field) {
  const std::string clean = clean_line(name, field);
  if (clean.empty()) return std::nullopt;
  if (auto found = find_lead_source(session, clean)) return found;
  auto insert = session.prepare("INSERT INTO lead_sources (name, name_key, created_at) VALUES (?, ?, ?)");
  insert->bind(1, clean);
  insert->bind(2, match_key(clean));
  insert->bind(3, format_instant(session.now()));
  insert->exec();
  return OriginRef{session.last_insert_id(), clean};
}

std::optional<OriginRef> campaign_for(Session& session, std::string_view name, std::string_view field) {
  const std::string clean = clean_line(name, field);
  if (clean.empty()) return std::nullopt;
  if (auto found = find_named(session, "SELECT id, name FROM campaigns WHERE name_key = ?", match_key(clean)))
    return found;
  throw Error(ErrorCode::not_found, std::string(field) + ": no campaign " + quote(clean), std::string(field));
}

Origin resolve_origin(Session& session, std::string& lead_source, std::string& campaign, std::string_view entity,
                      std::string_view source_member) {
  Origin origin;
  const auto found_campaign = campaign_for(session, campaign, field_name(entity, "campaign"));
  campaign = found_campaign ? found_campaign->name : std::string();
  origin.campaign_id = found_campaign ? found_campaign->id : 0;
  const auto source = lead_source_for(session, lead_source, field_name(entity, source_member));
  lead_source = source ? source->name : std::string();
  origin.lead_source_id = source ? source->id : 0;
  return origin;
}

void bind_origin_id(SQLite::Statement& statement, int index, std::int64_t id) {
  if (id != 0)
    statement.bind(index, id);
  else
    statement.bind(index);
}

Atomicity creation_atomicity(Session& session, std::string_view lead_source) {
  // Outside a transaction the scope is the transaction, and ROLLBACK undoes all.
  if (!session.in_transaction()) return Atomicity::added_rows;
  try {
    const std::string clean = clean_line(lead_source, "lead_source");
    return clean.empty() || find_lead_source(session, clean) ? Atomicity::added_rows : Atomicity::savepoint;
  } catch (const Error&) {
    return Atomicity::savepoint;  // normalizing the record refuses it; any scope will do
  }
}

void delete_unused(Session& session, OriginTable table, std::int64_t id, const std::string& what) {
  const bool source = table == OriginTable::lead_sources;
  const Usage usage = usage_of(session, source ? "lead_source_id" : "campaign_id", id, source);
  if (usage.total > 0)
    throw Error(ErrorCode::conflict,
                what + ": " + std::to_string(usage.total) +
                    (usage.total == 1 ? " record still points" : " records still point") + " to it (" + usage.parts +
                    ", deleted ones included); point them elsewhere first",
                source ? "lead_source" : "campaign");
  auto erase = session.prepare(source ? "DELETE FROM lead_sources WHERE id = ?" : "DELETE FROM campaigns WHERE id = ?");
  erase->bind(1, id);
  erase->exec();
}

std::string lead_source_name_sql(std::string_view table) {
  return "(SELECT name FROM lead_sources WHERE lead_sources.id = " + std::string(table) + ".lead_source_id)";
}

std::string campaign_name_sql(std::string_view table) {
  return "(SELECT name FROM campaigns WHERE campaigns.id = " + std::string(table) + ".campaign_id)";
}

std::string with_origin_names(std::string_view columns, std::string_view table) {
  std::string result;
  std::size_t start = 0;
  while (start <= columns.size()) {
    const std::size_t comma = std::min(columns.find(',', start), columns.size());
    std::string_view column = trim(columns.substr(start, comma - start));
    if (!result.empty()) result += ", ";
    if (column == "lead_source_id")
      result += lead_source_name_sql(table);
    else if (column == "campaign_id")
      result += campaign_name_sql(table);
    else
      result += column;
    start = comma + 1;
  }
  return result;
}

}  // namespace crm::detail
