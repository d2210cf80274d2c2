#include "common/fields.hpp"
#include "crm/error.hpp"
#include "listing/record_list.hpp"
#include "crm/opportunity.hpp"
#include "opportunity/opportunity_row.hpp"
#include "opportunity/opportunity_store.hpp"
#include "opportunity/opportunity_table.hpp"
#include "storage/errors.hpp"
#include "model/select_columns.hpp"
#include "storage/session.hpp"
#include "storage/record_lookup.hpp"

namespace crm {
namespace {

using namespace detail;

// Every select() column: the plain fields' (from the record descriptors), then
// what only select() offers: the account's name and the weighted amount, in
// minor units rounded half away from zero (amount = 100q + r: q * p plus r * p
// / 100 rounded, exact in 64-bit integers) with the deal's currency.
const std::vector<SelectableColumn>& columns() {
  static const std::string q = "(opportunities.amount_minor / 100 * opportunities.probability)";
  static const std::string rp = "(opportunities.amount_minor % 100 * opportunities.probability)";
  static const std::string weighted =
      "(" + q + " + (CASE WHEN " + rp + " >= 0 THEN " + rp + " + 50 ELSE " + rp + " - 50 END) / 100)";
  static const std::vector<SelectableColumn> own = {
      {"account_name", "deal_account.name", ColumnType::text,
       "LEFT JOIN accounts deal_account ON deal_account.id = opportunities.account_id"},
      {"weighted_amount", weighted, ColumnType::decimal, "", "opportunities.currency"},
  };
  static const std::vector<model::SelectColumn> plain =
      model::plain_select_columns(RecordKind::opportunity, "opportunities");
  static const std::vector<SelectableColumn> all = [] {
    std::vector<SelectableColumn> list = model::column_views<SelectableColumn>(plain);
    list.insert(list.end(), own.begin(), own.end());
    return list;
  }();
  return all;
}

ExtraFilter filter_sql(const OpportunityFilter& filter) {
  ExtraFilter extra;
  if (filter.account) extra.add("opportunities.account_id = :f_account", ":f_account", filter.account.value());
  if (filter.pipeline) extra.add("opportunities.pipeline_id = :f_pipeline", ":f_pipeline", filter.pipeline.value());
  if (filter.stage) extra.add("opportunities.stage_id = :f_stage", ":f_stage", filter.stage.value());
  if (filter.open)
    extra.add(std::string("opportunities.stage_id ") + (*filter.open ? "IN" : "NOT IN") +
              " (SELECT id FROM stages WHERE kind = 'open')");
  return extra;
}

Opportunity load_one(Session& session, OpportunityId id) {
  auto deals = load_opportunities(session, {id.value()});
  if (deals.empty())
    throw Error(ErrorCode::not_found, "opportunity " + std::to_string(id.value()) + " does not exist", "opportunity");
  return std::move(deals.front());
}

// Saves `changed` over the stored deal in the caller's write scope.
void save(Session& session, const Opportunity& changed) {
  require_version(session, kOpportunityTable, changed.id.value(), changed.version);
  const Opportunity stored = load_one(session, changed.id);
  const OpportunityRow row = normalize_opportunity(session, changed, &stored);
  update_opportunity(session, stored, row, session.now());
}

}  // namespace

Opportunity Opportunities::create(const OpportunityData& data) {
  return guarded([&] {
    // A savepoint, not Atomicity::added_rows: insert_opportunity() writes the
    // deal's children and first stage change before its id could be registered.
    WriteScope scope(session_);
    const OpportunityRow row = normalize_opportunity(session_, data, nullptr);
    const std::int64_t id = insert_opportunity(session_, row, session_.now());
    return scope.commit_returning([&] { return load_one(session_, OpportunityId(id)); });
  });
}

Opportunity Opportunities::get(OpportunityId id) const {
  return guarded_read(session_, [&] { return load_one(session_, id); });
}

Opportunity Opportunities::update(const Opportunity& opportunity) {
  return guarded([&] {
    WriteScope scope(session_);
    save(session_, opportunity);
    return scope.commit_returning([&] { return load_one(session_, opportunity.id); });
  });
}

Opportunity Opportunities::move_to_stage(OpportunityId id, StageId stage, const StageMove& how) {
  return guarded([&] {
    WriteScope scope(session_);
    Opportunity changed = load_one(session_, id);
    if (changed.deleted_at)
      throw Error(ErrorCode::conflict, "opportunity " + std::to_string(id.value()) + " is deleted; restore it first");
    changed.stage = stage;
    changed.lost_reason = how.lost_reason;
    changed.closed_on = how.closed_on;
    save(session_, changed);
    return scope.commit_returning([&] { return load_one(session_, id); });
  });
}

std::vector<StageChange> Opportunities::stage_history(OpportunityId id) const {
  return guarded_read(session_, [&] {
    require_exists(session_, kOpportunityTable, id.value());
    return load_stage_history(session_, id);
  });
}

Opportunity Opportunities::remove(OpportunityId id) {
  return guarded([&] {
    WriteScope scope(session_);
    set_deleted(session_, kOpportunityTable, id.value(), true);
    return scope.commit_returning([&] { return get(id); });
  });
}

Opportunity Opportunities::restore(OpportunityId id) {
  return guarded([&] {
    WriteScope scope(session_);
    set_deleted(session_, kOpportunityTable, id.value(), false);
    return scope.commit_returning([&] { return get(id); });
  });
}

void Opportunities::purge(OpportunityId id) {
  guarded([&] { detail::purge(session_, kOpportunityTable, id.value()); });
}

Page<Opportunity> Opportunities::list(const ListQuery& query, const OpportunityFilter& filter) const {
  return guarded_read(session_, [&] {
    IdPage ids = list_ids(session_, RecordKind::opportunity, query, filter_sql(filter));
    return Page<Opportunity>{load_opportunities(session_, ids.ids), std::move(ids.next)};
  });
}

std::int64_t Opportunities::count(const ListQuery& query, const OpportunityFilter& filter) const {
  return guarded_read(session_, [&] { return count_rows(session_, RecordKind::opportunity, query, filter_sql(filter)); });
}

TablePage Opportunities::select(const std::vector<std::string>& wanted, const ListQuery& query,
                                const OpportunityFilter& filter) const {
  return guarded_read(session_, [&] {
    return select_page(session_, RecordKind::opportunity, query, columns(), wanted, filter_sql(filter));
  });
}

std::vector<Column> Opportunities::selectable_columns() { return column_list(columns()); }

std::optional<Opportunity> Opportunities::find_by_external_ref(const std::string& external_ref) const {
  return guarded_read(session_, [&] {
    return find_live_by_external_ref(session_, kOpportunityTable, external_ref, load_opportunities);
  });
}

Page<Opportunity> Opportunities::without_next_activity(const ListQuery& query) const {
  return guarded_read(session_, [&] {
    ExtraFilter extra = filter_sql({.open = true});
    extra.add(
        "NOT EXISTS (SELECT 1 FROM activities a WHERE a.opportunity_id = opportunities.id AND a.status = 'planned' "
        "AND a.deleted_at IS NULL)");
    IdPage ids = list_ids(session_, RecordKind::opportunity, query, extra);
    return Page<Opportunity>{load_opportunities(session_, ids.ids), std::move(ids.next)};
  });
}

}  // namespace crm
