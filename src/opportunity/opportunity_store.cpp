#include "opportunity/opportunity_store.hpp"

#include <unordered_map>

#include "crm/error.hpp"
#include "opportunity/opportunity_table.hpp"
#include "pipeline/pipeline_store.hpp"
#include "storage/errors.hpp"
#include "storage/session.hpp"
#include "storage/sql_values.hpp"
#include "model/custom_field_store.hpp"
#include "model/plain_columns.hpp"

namespace crm::detail {
namespace {

// The plain columns (from the descriptors), then what the store derives; custom last.
const std::string& data_columns() {
  static const std::string columns =
      model::plain_column_list<OpportunityData>() +
      ", name_key, probability, probability_overridden, lead_source_id, campaign_id, custom";
  return columns;
}

void bind_data(SQLite::Statement& s, const OpportunityRow& row) {
  int index = model::bind_plain_columns(s, 1, row.data);
  s.bind(index++, row.name_key);
  s.bind(index++, row.probability);
  s.bind(index++, row.data.probability_override ? 1 : 0);
  bind_origin_id(s, index++, row.origin.lead_source_id);
  bind_origin_id(s, index++, row.origin.campaign_id);
  bind_text_or_null(s, index, row.custom_json);
}

void record_stage_change(Session& session, std::int64_t id, StageId from, const OpportunityRow& row,
                         const Instant& now) {
  auto insert = session.prepare(
      "INSERT INTO stage_changes (opportunity_id, from_stage_id, to_stage_id, changed_at, changed_by, amount_minor, "
      "currency, probability, lost_reason_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)");
  insert->bind(1, id);
  bind_id_or_null(*insert, 2, from);
  insert->bind(3, row.data.stage.value());
  insert->bind(4, format_instant(now));
  bind_text_or_null(*insert, 5, session.user());
  bind_money(*insert, 6, 7, row.data.amount);
  insert->bind(8, row.probability);
  bind_id_or_null(*insert, 9, row.data.lost_reason);
  insert->exec();
}

void store_children(Session& session, std::int64_t id, const OpportunityData& d, bool fresh) {
  if (!fresh) {
    for (const char* sql : {"DELETE FROM opportunity_contacts WHERE opportunity_id = ?",
                            "DELETE FROM line_items WHERE opportunity_id = ?"}) {
      auto clear = session.prepare(sql);
      clear->bind(1, id);
      clear->exec();
    }
  }
  auto contact = session.prepare("INSERT INTO opportunity_contacts (opportunity_id, contact_id, role) VALUES (?, ?, ?)");
  for (const OpportunityContact& c : d.contacts) {
    contact->bind(1, id);
    contact->bind(2, c.contact.value());
    contact->bind(3, c.role);
    contact->exec();
    contact->reset();
  }
  auto item = session.prepare(
      "INSERT INTO line_items (opportunity_id, position, product_id, quantity, unit_price_minor, discount_percent, "
      "total_minor) VALUES (?, ?, ?, ?, ?, ?, ?)");
  for (std::size_t i = 0; i < d.line_items.size(); ++i) {
    const LineItem& li = d.line_items[i];
    item->bind(1, id);
    item->bind(2, static_cast<int>(i));
    item->bind(3, li.product.value());
    item->bind(4, li.quantity);
    item->bind(5, li.unit_price->minor_units());
    item->bind(6, li.discount_percent);
    item->bind(7, li.total.minor_units());
    item->exec();
    item->reset();
  }
  store_tags(session, kOpportunityTable, id, d.tags, fresh);
}

Opportunity read_opportunity(SQLite::Statement& s) {
  Opportunity o;
  read_record_meta(s, 0, o);
  int i = model::read_plain_columns<OpportunityData>(s, 5, o);
  ++i;  // name_key
  o.probability = s.getColumn(i++).getInt();
  if (s.getColumn(i++).getInt() != 0) o.probability_override = o.probability;
  o.lead_source = column_text(s, i++);
  o.campaign = column_text(s, i++);
  ++i;  // custom
  o.stage_kind = stage_kind_from_name(s.getColumn(i).getString()).value_or(StageKind::open);
  return o;
}

StageChange read_stage_change(SQLite::Statement& s) {
  StageChange c;
  c.id = StageChangeId(s.getColumn(0).getInt64());
  c.opportunity = OpportunityId(s.getColumn(1).getInt64());
  c.from = column_id<StageId>(s, 2);
  c.to = StageId(s.getColumn(3).getInt64());
  c.at = column_instant(s, 4);
  c.by = column_text(s, 5);
  c.amount = column_money(s, 6, 7);
  c.probability = s.getColumn(8).getInt();
  c.lost_reason = column_id<LostReasonId>(s, 9);
  return c;
}

constexpr const char* kStageChangeColumns =
    "id, opportunity_id, from_stage_id, to_stage_id, changed_at, changed_by, amount_minor, currency, probability, "
    "lost_reason_id";

}  // namespace

std::int64_t insert_opportunity(Session& session, const OpportunityRow& row, const Instant& now) {
  static const std::string sql = record_insert_sql("opportunities", data_columns());
  auto insert = session.prepare(sql);
  bind_data(*insert, row);
  const std::int64_t id = write_record(session, kOpportunityTable, *insert, data_columns(), now, 0, row.data.external_ref);
  store_children(session, id, row.data, true);
  record_stage_change(session, id, StageId(), row, now);
  return id;
}

void update_opportunity(Session& session, const Opportunity& stored, const OpportunityRow& row, const Instant& now) {
  static const std::string sql = record_update_sql("opportunities", data_columns());
  auto update = session.prepare(sql);
  bind_data(*update, row);
  write_record(session, kOpportunityTable, *update, data_columns(), now, stored.id.value(), row.data.external_ref);
  store_children(session, stored.id.value(), row.data, false);
  if (stored.stage != row.data.stage) record_stage_change(session, stored.id.value(), stored.stage, row, now);
}

std::vector<Opportunity> load_opportunities(Session& session, const std::vector<std::int64_t>& ids) {
  if (ids.empty()) return {};
  const std::string json = ids_json(ids);
  static const std::string select =
      std::string("SELECT ") + kRecordMetaColumns + ", " + with_origin_names(data_columns(), "opportunities") +
      ", (SELECT kind FROM stages WHERE stages.id = opportunities.stage_id) FROM opportunities "
      "WHERE id IN (SELECT value FROM json_each(?))";
  std::unordered_map<std::int64_t, Opportunity> by_id;
  {
    auto statement = session.prepare(select);
    statement->bind(1, json);
    CustomDecoder custom(session, RecordKind::opportunity);
    while (statement->executeStep()) {
      Opportunity o = read_opportunity(*statement);
      o.custom = custom.decode(column_text(*statement, statement->getColumnCount() - 2));  // custom before the stage kind
      by_id.emplace(o.id.value(), std::move(o));
    }
  }
  {
    auto statement = session.prepare(
        "SELECT opportunity_id, contact_id, role FROM opportunity_contacts WHERE opportunity_id IN "
        "(SELECT value FROM json_each(?)) ORDER BY opportunity_id, contact_id");
    statement->bind(1, json);
    while (statement->executeStep())
      if (auto it = by_id.find(statement->getColumn(0).getInt64()); it != by_id.end())
        it->second.contacts.push_back({ContactId(statement->getColumn(1).getInt64()), statement->getColumn(2).getString()});
  }
  {
    auto statement = session.prepare(
        "SELECT li.opportunity_id, li.product_id, li.quantity, li.unit_price_minor, li.discount_percent, li.total_minor, "
        "o.currency FROM line_items li JOIN opportunities o ON o.id = li.opportunity_id WHERE li.opportunity_id IN "
        "(SELECT value FROM json_each(?)) ORDER BY li.opportunity_id, li.position");
    statement->bind(1, json);
    while (statement->executeStep()) {
      auto it = by_id.find(statement->getColumn(0).getInt64());
      if (it == by_id.end()) continue;
      const std::string currency = statement->getColumn(6).getString();
      LineItem item;
      item.product = ProductId(statement->getColumn(1).getInt64());
      item.quantity = statement->getColumn(2).getInt64();
      item.unit_price = Money(statement->getColumn(3).getInt64(), currency);
      item.discount_percent = statement->getColumn(4).getInt();
      item.total = Money(statement->getColumn(5).getInt64(), currency);
      it->second.line_items.push_back(item);
    }
  }
  auto tags = load_tags(session, kOpportunityTable, json);
  return in_order(ids, by_id, &tags);
}

std::vector<StageChange> load_stage_history(Session& session, OpportunityId id) {
  auto statement = session.prepare(std::string("SELECT ") + kStageChangeColumns +
                                   " FROM stage_changes WHERE opportunity_id = ? ORDER BY changed_at, id");
  statement->bind(1, id.value());
  std::vector<StageChange> changes;
  while (statement->executeStep()) changes.push_back(read_stage_change(*statement));
  return changes;
}

std::vector<StageChange> load_stage_changes(Session& session, const std::vector<std::int64_t>& ids) {
  if (ids.empty()) return {};
  auto statement = session.prepare(std::string("SELECT ") + kStageChangeColumns +
                                   " FROM stage_changes WHERE id IN (SELECT value FROM json_each(?))");
  statement->bind(1, ids_json(ids));
  std::unordered_map<std::int64_t, StageChange> by_id;
  while (statement->executeStep()) {
    StageChange change = read_stage_change(*statement);
    by_id.emplace(change.id.value(), change);
  }
  std::vector<StageChange> result;
  for (std::int64_t id : ids)
    if (auto it = by_id.find(id); it != by_id.end()) result.push_back(it->second);
  return result;
}

void move_deals_between_stages(Session& session, const Stage& from, const Stage& to) {
  auto select = session.prepare("SELECT id FROM opportunities WHERE stage_id = ?");
  select->bind(1, from.id.value());
  std::vector<std::int64_t> ids;
  while (select->executeStep()) ids.push_back(select->getColumn(0).getInt64());
  const Instant now = session.now();
  for (Opportunity& deal : load_opportunities(session, ids)) {
    OpportunityRow row;
    row.data = deal;
    row.data.stage = to.id;
    row.stage = to;
    row.probability = deal.probability_override ? *deal.probability_override : to.probability;
    auto update = session.prepare(
        "UPDATE main.opportunities SET stage_id = ?, probability = ?, updated_at = ?, version = version + 1 WHERE id = ?");
    update->bind(1, to.id.value());
    update->bind(2, row.probability);
    update->bind(3, format_instant(now));
    update->bind(4, deal.id.value());
    update->exec();
    record_stage_change(session, deal.id.value(), from.id, row, now);
  }
}

}  // namespace crm::detail
