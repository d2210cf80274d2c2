// Merging one account into another: the merged fields, tags united, the
// references (subsidiaries, people, deals, ...) moved, the other deleted and
// the merge recorded.
#include <string>

#include "account/account_table.hpp"
#include "crm/account.hpp"
#include "crm/error.hpp"
#include "duplicate/field_picker.hpp"
#include "duplicate/merge_history.hpp"
#include "duplicate/merge_snapshot.hpp"
#include "duplicate/record_merge.hpp"
#include "duplicate/repoint.hpp"
#include "storage/session.hpp"
#include "storage/store_access.hpp"

namespace crm::detail {
namespace {

constexpr std::string_view kChosen[] = {"name",        "registration_number", "vat_id",       "industry",
                                        "website",     "phone",               "email",        "address",
                                        "parent",      "owner",               "lead_source",  "campaign",
                                        "external_ref", "description"};
constexpr std::string_view kUnited[] = {"tags"};
constexpr MergeFields kAccountFields{kChosen, kUnited};

// The merged parent: the other is about to go, so a survivor under it takes
// its place (the other's parent), and nothing is its own parent.
AccountId merged_parent(const Account& survivor, const Account& other, const FieldPicker& pick) {
  AccountId parent = pick.pick("parent", survivor.parent, other.parent);
  if (parent == other.id) parent = other.parent;
  return parent == survivor.id ? AccountId() : parent;
}

// `current` (the survivor as stored now) with the fields of the merge.
Account merged_account(const Account& current, const Account& survivor, const Account& other,
                       const FieldPicker& pick) {
  Account merged = current;
  merged.name = pick.pick("name", current.name, other.name);
  merged.registration_number = pick.pick("registration_number", current.registration_number, other.registration_number);
  merged.vat_id = pick.pick("vat_id", current.vat_id, other.vat_id);
  merged.industry = pick.pick("industry", current.industry, other.industry);
  merged.website = pick.pick("website", current.website, other.website);
  merged.phone = pick.pick("phone", current.phone, other.phone);
  merged.email = pick.pick("email", current.email, other.email);
  merged.address = pick.pick("address", current.address, other.address);
  merged.parent = merged_parent(survivor, other, pick);
  merged.owner = pick.pick("owner", current.owner, other.owner);
  merged.lead_source = pick.pick("lead_source", current.lead_source, other.lead_source);
  merged.campaign = pick.pick("campaign", current.campaign, other.campaign);
  merged.external_ref = pick.pick("external_ref", current.external_ref, other.external_ref);
  merged.description = pick.pick("description", current.description, other.description);
  merged.tags.insert(merged.tags.end(), other.tags.begin(), other.tags.end());  // update() drops repeats
  merged.custom = pick.pick_custom(current.custom, other.custom);
  return merged;
}

// The other's subsidiaries moved to the survivor may include an account
// the survivor itself belongs to: refuse the loop that would make.
void refuse_parent_loop(Session& session, AccountId survivor, AccountId other) {
  auto statement = session.prepare(
      "WITH RECURSIVE up(id) AS (SELECT parent_id FROM accounts WHERE id = ?1 AND parent_id IS NOT NULL UNION "
      "SELECT a.parent_id FROM accounts a JOIN up ON a.id = up.id WHERE a.parent_id IS NOT NULL) "
      "SELECT 1 FROM up WHERE id = ?1");
  statement->bind(1, survivor.value());
  if (!statement->executeStep()) return;
  const std::string s = "account " + std::to_string(survivor.value());
  throw Error(ErrorCode::invalid_argument,
              "merge.parent: " + s + " is under a subsidiary of account " + std::to_string(other.value()) +
                  "; moving that subsidiary to " + s + " would make " + s + " its own parent. Choose the " +
                  "other's parent for " + s + " (\"parent\": \"other\") or move the subsidiaries first",
              "merge.parent");
}

}  // namespace

Account merge_accounts(Session& session, AccountId survivor_id, AccountId other_id, const MergeChoices& choices) {
  WriteScope scope(session);
  require_mergeable(session, kAccountTable, survivor_id.value(), other_id.value());
  const FieldPicker pick(session, RecordKind::account, kAccountFields, choices);
  Accounts accounts = detail::StoreAccess::make<Accounts>(session);
  const Account survivor = accounts.get(survivor_id);
  const Account other = accounts.get(other_id);
  repoint_references(session, RecordKind::account, survivor_id.value(), other_id.value());
  delete_merged(session, kAccountTable, other_id.value());  // frees its external_ref for the survivor
  Account stored = accounts.update(merged_account(accounts.get(survivor_id), survivor, other, pick));
  refuse_parent_loop(session, survivor_id, other_id);
  record_merge(session, RecordKind::account, survivor_id.value(), other_id.value(), pick.choices_json(),
               account_snapshot(other));
  scope.commit();
  return stored;
}

}  // namespace crm::detail
