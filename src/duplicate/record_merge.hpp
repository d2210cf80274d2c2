// Merging one account or contact into another, below the public API.
#pragma once

#include "crm/duplicates.hpp"
#include "storage/record_table.hpp"

namespace crm::detail {

class Session;

/// Inside a write: throws invalid_argument when `survivor` and `other` are
/// the same id, not_found when either does not exist, conflict when either
/// is soft-deleted.
void require_mergeable(Session& session, const RecordTable& table, std::int64_t survivor, std::int64_t other);

/// Inside a write: deletes record `id` of `table` for good, after its
/// references have moved (its companion rows follow by ON DELETE CASCADE).
void delete_merged(Session& session, const RecordTable& table, std::int64_t id);

/// Merges contact `other` into `survivor` in one write (Duplicates::merge).
Contact merge_contacts(Session& session, ContactId survivor, ContactId other, const MergeChoices& choices);

/// Merges account `other` into `survivor` in one write (Duplicates::merge).
Account merge_accounts(Session& session, AccountId survivor, AccountId other, const MergeChoices& choices);

}  // namespace crm::detail
