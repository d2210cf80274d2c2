// Merging one account into another: the merged fields, tags united, the
// references (subsidiaries, people, deals, ...) moved, the other deleted and
// the merge recorded.
#include <string>

#include "crm/audit.hpp"
#include "account/account_table.hpp"
#include "crm/account.hpp"
#include "crm/audit.hpp"
#include "crm/error.hpp"
#include "duplicate/field_picker.hpp"
#include "duplicate/merge_fields.hpp"
#include "duplicate/merge_history.hpp"
#include "duplicate/merge_snapshot.hpp"
#include "duplicate/record_merge.hpp"
#include "duplicate/repoint.hpp"
#include "storage/session.hpp"
#include "storage/store_access.hpp"

namespace crm::detail {
namespace {

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
  merge_fields_into(merged, other, pick);
  merged.parent = merged_parent(survivor, other, pick);
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
  AuditOperationScope merging(session, audit_operation_name(AuditOperation::merge));
  require_mergeable(session, kAccountTable, survivor_id.value(), other_id.value());
  const FieldPicker pick(session, RecordKind::account, merge_fields<Account>(), choices);
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
