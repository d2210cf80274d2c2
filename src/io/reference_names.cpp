#include "io/reference_names.hpp"

#include <variant>

#include "crm/pipeline.hpp"
#include "storage/session.hpp"
#include "storage/store_access.hpp"

namespace crm::detail {
namespace {

// The SELECTs of a linked record's id, external_ref and second name.
constexpr const char* kAccountNames =
    "SELECT id, ifnull(external_ref, ''), name FROM accounts WHERE id IN (SELECT value FROM json_each(?))";
constexpr const char* kContactNames =
    "SELECT c.id, ifnull(c.external_ref, ''), ifnull((SELECT e.address FROM contact_emails e WHERE e.contact_id = c.id "
    "ORDER BY e.is_primary DESC, e.position LIMIT 1), '') FROM contacts c WHERE c.id IN (SELECT value FROM json_each(?))";
constexpr const char* kOpportunityNames =
    "SELECT id, ifnull(external_ref, ''), name FROM opportunities WHERE id IN (SELECT value FROM json_each(?))";
constexpr const char* kLeadNames =
    "SELECT id, ifnull(external_ref, ''), '' FROM leads WHERE id IN (SELECT value FROM json_each(?))";

/// The records one record links to (0: none).
struct Links {
  std::int64_t account = 0, contact = 0, opportunity = 0, lead = 0;
};

Links links_of(const AccountData& d) { return {d.parent.value()}; }
Links links_of(const ContactData& d) { return {d.account.value()}; }
Links links_of(const LeadData&) { return {}; }
Links links_of(const OpportunityData& d) { return {d.account.value(), d.primary_contact.value()}; }
Links links_of(const ActivityData& d) {
  return {d.account.value(), d.contact.value(), d.opportunity.value(), d.lead.value()};
}

Links links_of(const RecordDraft& draft) {
  return std::visit([](const auto& data) { return links_of(data); }, draft.data);
}

std::string ids_json(const std::vector<std::int64_t>& ids) {
  std::string json = "[";
  for (std::int64_t id : ids) json += (json.size() > 1 ? "," : "") + std::to_string(id);
  return json + "]";
}

}  // namespace

ReferenceNames::Names ReferenceNames::load(const char* sql, const std::vector<std::int64_t>& ids) {
  Names names;
  if (ids.empty()) return names;
  auto statement = session_.prepare(sql);
  statement->bind(1, ids_json(ids));
  while (statement->executeStep())
    names.emplace(statement->getColumn(0).getInt64(),
                  std::pair(statement->getColumn(1).getString(), statement->getColumn(2).getString()));
  return names;
}

void ReferenceNames::load_pipelines() {
  Pipelines pipelines = detail::StoreAccess::make<Pipelines>(session_);
  for (const Pipeline& pipeline : pipelines.list()) {
    pipelines_.emplace(pipeline.id.value(), pipeline.name);
    for (const Stage& stage : pipeline.stages) stages_.emplace(stage.id.value(), stage.name);
  }
  for (const LostReason& reason : pipelines.lost_reasons(true)) lost_reasons_.emplace(reason.id.value(), reason.name);
  pipelines_loaded_ = true;
}

const std::string& ReferenceNames::pipeline_name(std::int64_t id) {
  if (!pipelines_loaded_) load_pipelines();
  return pipelines_[id];
}

const std::string& ReferenceNames::stage_name(std::int64_t id) {
  if (!pipelines_loaded_) load_pipelines();
  auto found = stages_.find(id);
  if (found == stages_.end())  // a removed stage: not among the active ones
    found = stages_.emplace(id, detail::StoreAccess::make<Pipelines>(session_).stage(StageId(id)).name).first;
  return found->second;
}

const std::string& ReferenceNames::lost_reason_name(std::int64_t id) {
  if (!pipelines_loaded_) load_pipelines();
  return lost_reasons_[id];
}

void ReferenceNames::fill(std::vector<RecordDraft>& page) {
  std::vector<std::int64_t> accounts, contacts, opportunities, leads;
  for (const RecordDraft& draft : page) {
    const Links links = links_of(draft);
    if (links.account) accounts.push_back(links.account);
    if (links.contact) contacts.push_back(links.contact);
    if (links.opportunity) opportunities.push_back(links.opportunity);
    if (links.lead) leads.push_back(links.lead);
  }
  const Names account_names = load(kAccountNames, accounts);
  const Names contact_names = load(kContactNames, contacts);
  const Names opportunity_names = load(kOpportunityNames, opportunities);
  const Names lead_names = load(kLeadNames, leads);
  auto name = [](const Names& names, std::int64_t id, std::string& ref, std::string* second) {
    const auto found = names.find(id);
    if (found == names.end()) return;
    ref = found->second.first;
    if (second) *second = found->second.second;
  };
  for (RecordDraft& draft : page) {
    const Links links = links_of(draft);
    RecordRefs& refs = draft.refs;
    name(account_names, links.account, refs.account_ref, &refs.account_name);
    name(contact_names, links.contact, refs.contact_ref, &refs.contact_email);
    name(opportunity_names, links.opportunity, refs.opportunity_ref, &refs.opportunity_name);
    name(lead_names, links.lead, refs.lead_ref, nullptr);
    if (const auto* deal = std::get_if<OpportunityData>(&draft.data)) {
      if (deal->pipeline) refs.pipeline = pipeline_name(deal->pipeline.value());
      if (deal->stage) refs.stage = stage_name(deal->stage.value());
      if (deal->lost_reason) refs.lost_reason = lost_reason_name(deal->lost_reason.value());
    }
  }
}

}  // namespace crm::detail
