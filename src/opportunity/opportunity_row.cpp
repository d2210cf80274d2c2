#include "opportunity/opportunity_row.hpp"

#include <algorithm>
#include <unordered_set>

#include "account/account_table.hpp"
#include "common/fields.hpp"
#include "contact/contact_table.hpp"
#include "crm/error.hpp"
#include "model/custom_field_store.hpp"
#include "model/plain_columns.hpp"
#include "crm/product.hpp"
#include "pipeline/pipeline_store.hpp"
#include "storage/session.hpp"
#include "text/unicode.hpp"
#include "storage/store_access.hpp"

namespace crm::detail {
namespace {

[[noreturn]] void refuse(const std::string& field, const std::string& problem) {
  throw Error(ErrorCode::invalid_argument, field + ": " + problem, field);
}


void check_people(Session& session, const OpportunityData& in, const Opportunity* stored, OpportunityData& out) {
  if (in.account && (!stored || stored->account != in.account))
    require_live(session, kAccountTable, in.account.value(), "opportunity.account");
  out.account = in.account;
  if (in.primary_contact && (!stored || stored->primary_contact != in.primary_contact))
    require_live(session, kContactTable, in.primary_contact.value(), "opportunity.primary_contact");
  out.primary_contact = in.primary_contact;
  std::unordered_set<std::int64_t> seen;
  for (std::size_t i = 0; i < in.contacts.size(); ++i) {
    const std::string field = "opportunity.contacts[" + std::to_string(i) + "]";
    const OpportunityContact& c = in.contacts[i];
    if (!c.contact) refuse(field, "names no contact");
    if (!seen.insert(c.contact.value()).second) refuse(field, "contact " + std::to_string(c.contact.value()) + " is listed twice");
    const bool known = stored && std::any_of(stored->contacts.begin(), stored->contacts.end(),
                                             [&](const OpportunityContact& s) { return s.contact == c.contact; });
    if (!known) require_live(session, kContactTable, c.contact.value(), field + ".contact");
    out.contacts.push_back({c.contact, require_line(c.role, field + ".role")});
  }
}

Stage resolve_stage(Session& session, const OpportunityData& in, const Opportunity* stored) {
  if (!in.stage) {
    const Pipeline pipeline = in.pipeline ? require_pipeline(session, in.pipeline, "opportunity.pipeline")
                                          : default_pipeline(session);
    return pipeline.first_open_stage();
  }
  const Stage stage = require_stage(session, in.stage, "opportunity.stage");
  if (stage.removed && (!stored || stored->stage != stage.id))
    refuse("opportunity.stage", "stage '" + stage.name + "' has been removed from its pipeline");
  if (in.pipeline && in.pipeline != stage.pipeline)
    refuse("opportunity.stage", "stage '" + stage.name + "' belongs to pipeline " +
                                    std::to_string(stage.pipeline.value()) + ", not to pipeline " +
                                    std::to_string(in.pipeline.value()));
  return stage;
}

// unit x quantity less the discount, rounded half away from zero.
Money line_total(const Money& unit, std::int64_t quantity, int discount, const std::string& field) {
  std::int64_t gross = 0;
  std::int64_t numerator = 0;
  if (__builtin_mul_overflow(unit.minor_units(), quantity, &gross) ||
      __builtin_mul_overflow(gross, static_cast<std::int64_t>(100 - discount), &numerator))
    refuse(field, "the total is out of range");
  const std::int64_t half = numerator < 0 ? -50 : 50;
  return Money(numerator / 100 + (numerator % 100 + half) / 100, unit.currency());
}

void price_line_items(Session& session, const OpportunityData& in, const Opportunity* stored, OpportunityData& out) {
  out.amount = in.amount;
  if (in.line_items.empty()) return;
  const std::string currency(in.amount.currency());
  Money sum(0, currency);
  for (std::size_t i = 0; i < in.line_items.size(); ++i) {
    const std::string field = "opportunity.line_items[" + std::to_string(i) + "]";
    LineItem item = in.line_items[i];
    if (item.quantity < 1) refuse(field + ".quantity", std::to_string(item.quantity) + " is not a positive quantity");
    if (item.discount_percent < 0 || item.discount_percent > 100)
      refuse(field + ".discount_percent", std::to_string(item.discount_percent) + " is outside 0..100");
    const Product product = detail::StoreAccess::make<Products>(session).get(item.product);
    const bool already_on_deal =
        stored && std::any_of(stored->line_items.begin(), stored->line_items.end(),
                              [&](const LineItem& s) { return s.product == item.product; });
    if (!product.active && !already_on_deal)
      refuse(field + ".product", "product '" + product.sku + "' is not active");
    const Money unit = item.unit_price.value_or(product.list_price);
    if (unit.currency() != currency)
      refuse(field + ".unit_price", unit.to_string() + " is not in the deal's currency " + currency +
                                        " (the currency of its amount)");
    if (unit.minor_units() < 0) refuse(field + ".unit_price", unit.to_string() + " is negative");
    item.unit_price = unit;
    item.total = line_total(unit, item.quantity, item.discount_percent, field);
    sum = sum + item.total;
    out.line_items.push_back(item);
  }
  out.amount = sum;
}

void decide_closing(Session& session, const OpportunityData& in, const Opportunity* stored, const Stage& stage,
                    OpportunityData& out) {
  if (stage.kind == StageKind::lost && !in.lost_reason) {
    // Recorded history (a deal created lost, as imports bring them) may lack
    // the reason; a deal that becomes lost here must give one.
    const bool becomes_lost = stored && stored->stage_kind != StageKind::lost;
    if (becomes_lost) refuse("opportunity.lost_reason", "a deal that becomes lost needs a lost reason");
  } else if (stage.kind == StageKind::lost) {
    const LostReason reason = require_lost_reason(session, in.lost_reason, "opportunity.lost_reason");
    if (!reason.active && (!stored || stored->lost_reason != in.lost_reason))
      refuse("opportunity.lost_reason", "lost reason '" + reason.name + "' is no longer in use");
    out.lost_reason = in.lost_reason;
  }
  if (stage.kind == StageKind::open) return;  // lost reason and close date are cleared
  if (in.closed_on) {
    if (*in.closed_on > session.today())
      refuse("opportunity.closed_on", "'" + format_date(*in.closed_on) + "' is in the future");
    out.closed_on = in.closed_on;
  } else if (stored && stored->closed() && stored->closed_on && stored->stage_kind == stage.kind) {
    out.closed_on = stored->closed_on;
  } else {
    out.closed_on = session.today();
  }
}

}  // namespace

OpportunityRow normalize_opportunity(Session& session, const OpportunityData& in, const Opportunity* stored) {
  OpportunityRow row;
  OpportunityData& out = row.data;
  model::clean_plain_fields(in, out, "opportunity", session.today());
  out.tags = clean_tags(in.tags, "opportunity.tags");
  check_people(session, in, stored, out);
  row.stage = resolve_stage(session, in, stored);
  out.stage = row.stage.id;
  out.pipeline = row.stage.pipeline;
  if (in.probability_override) {
    if (*in.probability_override < 0 || *in.probability_override > 100)
      refuse("opportunity.probability_override", std::to_string(*in.probability_override) + " is outside 0..100");
    out.probability_override = in.probability_override;
    row.probability = *in.probability_override;
  } else if (stored && stored->stage == row.stage.id && !stored->probability_override) {
    row.probability = stored->probability;  // stays what it was when the deal entered the stage
  } else {
    row.probability = row.stage.probability;
  }
  price_line_items(session, in, stored, out);
  if (out.amount.minor_units() < 0) refuse("opportunity.amount", out.amount.to_string() + " is negative");
  decide_closing(session, in, stored, row.stage, out);
  row.name_key = match_key(out.name);
  EncodedCustom custom = encode_custom(session, RecordKind::opportunity, in.custom, stored == nullptr);
  out.custom = std::move(custom.values);
  row.custom_json = std::move(custom.json);
  out.lead_source = in.lead_source;
  out.campaign = in.campaign;
  row.origin = resolve_origin(session, out.lead_source, out.campaign, "opportunity");
  return row;
}

}  // namespace crm::detail
