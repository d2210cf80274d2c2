#include "io/reference_resolver.hpp"

#include "crm/account.hpp"
#include "crm/contact.hpp"
#include "crm/error.hpp"
#include "crm/lead.hpp"
#include "common/fields.hpp"
#include "crm/opportunity.hpp"
#include "listing/record_list.hpp"
#include "storage/record_table.hpp"
#include "storage/session.hpp"
#include "text/unicode.hpp"
#include "storage/store_access.hpp"

namespace crm::detail {
namespace {

[[noreturn]] void refuse(const std::string& column, const std::string& message) {
  throw Error(ErrorCode::invalid_argument, column + ": " + message, column);
}

std::string quoted(const std::string& text) { return "'" + text + "'"; }

// How a message names a record kind.
std::string kind_word(RecordKind kind) { return kind == RecordKind::opportunity ? "deal" : std::string(record_kind_name(kind)); }

}  // namespace

std::int64_t ReferenceResolver::unique_by_name(const char* table, const std::string& name, const char* what,
                                               const char* column) {
  auto statement = session_.prepare(std::string("SELECT id FROM ") + table +
                                    " WHERE name_key = ? AND deleted_at IS NULL ORDER BY id LIMIT 2");
  statement->bind(1, match_key(name));
  if (!statement->executeStep()) refuse(column, std::string("no ") + what + " is named " + quoted(name));
  const std::int64_t id = statement->getColumn(0).getInt64();
  const bool ambiguous = statement->executeStep();
  statement->reset();
  if (ambiguous)
    refuse(column, std::string("more than one ") + what + " is named " + quoted(name) +
                       "; give its external reference instead");
  return id;
}

AccountId ReferenceResolver::account(const RecordRefs& refs, const char* ref_column, const char* name_column) {
  const bool by_ref = !refs.account_ref.empty();
  const std::string key = std::string(by_ref ? "a:r:" : "a:n:") + (by_ref ? refs.account_ref : refs.account_name);
  if (auto hit = found_.find(key); hit != found_.end()) return AccountId(hit->second);
  std::int64_t id = 0;
  if (by_ref) {
    auto account = detail::StoreAccess::make<Accounts>(session_).find_by_external_ref(refs.account_ref);
    if (!account) refuse(ref_column, "no account has the external reference " + quoted(refs.account_ref));
    id = account->id.value();
  } else {
    id = unique_by_name("accounts", refs.account_name, "account", name_column);
  }
  found_.emplace(key, id);
  return AccountId(id);
}

ContactId ReferenceResolver::contact(const RecordRefs& refs) {
  if (!refs.contact_ref.empty()) {
    auto contact = detail::StoreAccess::make<Contacts>(session_).find_by_external_ref(refs.contact_ref);
    if (!contact) refuse("contact_ref", "no contact has the external reference " + quoted(refs.contact_ref));
    return contact->id;
  }
  auto contacts = detail::StoreAccess::make<Contacts>(session_).find_by_email(refs.contact_email);
  if (contacts.empty()) refuse("contact_email", "no contact has the email address " + quoted(refs.contact_email));
  if (contacts.size() > 1)
    refuse("contact_email", std::to_string(contacts.size()) + " contacts have the email address " +
                                quoted(refs.contact_email) + "; give contact_ref instead");
  return contacts.front().id;
}

OpportunityId ReferenceResolver::opportunity(const RecordRefs& refs) {
  if (refs.opportunity_ref.empty())
    return OpportunityId(unique_by_name("opportunities", refs.opportunity_name, "deal", "opportunity"));
  auto deal = detail::StoreAccess::make<Opportunities>(session_).find_by_external_ref(refs.opportunity_ref);
  if (!deal) refuse("opportunity_ref", "no deal has the external reference " + quoted(refs.opportunity_ref));
  return deal->id;
}

LeadId ReferenceResolver::lead(const RecordRefs& refs) {
  auto found = detail::StoreAccess::make<Leads>(session_).find_by_external_ref(refs.lead_ref);
  if (!found) refuse("lead_ref", "no lead has the external reference " + quoted(refs.lead_ref));
  return found->id;
}

void ReferenceResolver::either(const std::string& ref, const char* column, RecordKind first, RecordKind second,
                               ActivityData& activity) {
  const std::string key = std::string(column) + ":" + ref;
  auto hit = either_found_.find(key);
  if (hit == either_found_.end()) {
    const std::string cleaned = clean_ref(ref, column);
    std::vector<std::pair<RecordKind, std::int64_t>> holders;
    for (const RecordKind kind : {first, second})
      for (const std::int64_t id : live_ids_where(session_, record_table_of(kind), "external_ref", cleaned))
        holders.emplace_back(kind, id);
    if (holders.empty())
      refuse(column, "no " + kind_word(first) + " or " + kind_word(second) + " has the external reference " + quoted(ref));
    if (holders.size() > 1)
      refuse(column, quoted(ref) + " is the external reference of " + kind_word(holders[0].first) + " " +
                         std::to_string(holders[0].second) + " and of " + kind_word(holders[1].first) + " " +
                         std::to_string(holders[1].second) + "; name the record by its own column instead");
    hit = either_found_.emplace(key, holders.front()).first;
  }
  const auto [kind, id] = hit->second;
  switch (kind) {
    case RecordKind::account: activity.account = AccountId(id); break;
    case RecordKind::contact: activity.contact = ContactId(id); break;
    case RecordKind::lead: activity.lead = LeadId(id); break;
    case RecordKind::opportunity: activity.opportunity = OpportunityId(id); break;
    case RecordKind::activity: break;
  }
}

const Pipeline& ReferenceResolver::pipeline(const std::string& name, PipelineId current) {
  const std::string key = name.empty() && current ? "#" + std::to_string(current.value()) : name;
  if (auto hit = pipelines_.find(key); hit != pipelines_.end()) return hit->second;
  Pipelines pipelines = detail::StoreAccess::make<Pipelines>(session_);
  std::optional<Pipeline> found = !name.empty() ? pipelines.find(name)
                                  : current     ? pipelines.get(current)
                                                : pipelines.default_pipeline();
  if (!found) refuse("pipeline", "no pipeline is named " + quoted(name));
  return pipelines_.emplace(key, std::move(*found)).first->second;
}

void ReferenceResolver::place_in_pipeline(const RecordRefs& refs, OpportunityData& deal) {
  if (!refs.pipeline.empty() || !refs.stage.empty()) {
    const Pipeline& chosen = pipeline(refs.pipeline, deal.pipeline);
    deal.pipeline = chosen.id;
    if (!refs.stage.empty()) {
      try {
        deal.stage = chosen.stage(refs.stage).id;
      } catch (const Error& error) {
        refuse("stage", error.what());
      }
    }
  }
  if (!refs.lost_reason.empty()) {
    auto reason = detail::StoreAccess::make<Pipelines>(session_).find_lost_reason(refs.lost_reason);
    if (!reason) refuse("lost_reason", "no lost reason is named " + quoted(refs.lost_reason));
    deal.lost_reason = reason->id;
  }
}

void ReferenceResolver::resolve(RecordDraft& draft) {
  const RecordRefs& refs = draft.refs;
  const bool has_account = !refs.account_ref.empty() || !refs.account_name.empty();
  const bool has_contact = !refs.contact_ref.empty() || !refs.contact_email.empty();
  const bool has_deal = !refs.opportunity_ref.empty() || !refs.opportunity_name.empty();
  std::visit(
      [&](auto& data) {
        using Data = std::decay_t<decltype(data)>;
        if constexpr (std::is_same_v<Data, AccountData>) {
          if (has_account) data.parent = account(refs, "parent_ref", "parent");
        } else if constexpr (std::is_same_v<Data, ContactData>) {
          if (has_account) data.account = account(refs, "account_ref", "account");
        } else if constexpr (std::is_same_v<Data, OpportunityData>) {
          if (has_account) data.account = account(refs, "account_ref", "account");
          if (has_contact) data.primary_contact = contact(refs);
          place_in_pipeline(refs, data);
        } else if constexpr (std::is_same_v<Data, ActivityData>) {
          if (has_account) data.account = account(refs, "account_ref", "account");
          if (has_contact) data.contact = contact(refs);
          if (has_deal) data.opportunity = opportunity(refs);
          if (!refs.lead_ref.empty()) data.lead = lead(refs);
          if (!refs.who_ref.empty()) either(refs.who_ref, "who_ref", RecordKind::contact, RecordKind::lead, data);
          if (!refs.what_ref.empty())
            either(refs.what_ref, "what_ref", RecordKind::account, RecordKind::opportunity, data);
        }
      },
      draft.data);
}

}  // namespace crm::detail
