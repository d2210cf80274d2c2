// What every record table (accounts, contacts, ...) shares: existence and
// version checks, soft delete, restore, purge, external_ref uniqueness and
// tags. Listing pages is src/listing/record_list.hpp.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include <span>

#include <SQLiteCpp/Statement.h>

#include "crm/list.hpp"
#include "crm/time.hpp"
#include "crm/table.hpp"

namespace crm::detail {

class Session;

/// Names of one record table and its companions. The table has the columns
/// id, version, created_at, updated_at, deleted_at, owner and external_ref
/// (when `has_external_ref`); its tag table has (<owner_column>, tag_key, tag).
struct RecordTable {
  std::string_view table;           ///< "accounts"
  std::string_view entity;          ///< "account", for messages
  std::string_view tag_table;       ///< "account_tags"; empty when the records have no tags
  std::string_view owner_column;    ///< "account_id", the tag table's link column
  std::string_view country_column;  ///< column ListQuery::country filters on; empty: no country
  std::string_view name_column = "name_key";  ///< column of SortBy::name
};

/// "INSERT INTO <table> (<columns>, created_at, updated_at, version) VALUES
/// (?, ..., ?, 1)" for the comma-separated data `columns`.
std::string record_insert_sql(std::string_view table, std::string_view columns);

/// "UPDATE <table> SET <column> = ?, ..., updated_at = ?, version = version + 1
/// WHERE id = ?" for the comma-separated data `columns`.
std::string record_update_sql(std::string_view table, std::string_view columns);

/// Runs a statement made by record_insert_sql() (`id` 0) or
/// record_update_sql() (`id` of the row), whose data parameters are bound:
/// binds the time stamp (and id) after them and turns a taken external_ref
/// into already_exists. Returns the id of the row.
std::int64_t write_record(Session& session, const RecordTable& table, SQLite::Statement& statement,
                          std::string_view columns, const Instant& now, std::int64_t id,
                          const std::string& external_ref);

/// Throws not_found unless row `id` exists; returns whether it is soft-deleted.
bool require_exists(Session& session, const RecordTable& table, std::int64_t id);

/// Throws not_found unless row `id` exists and is not soft-deleted; `field`
/// names the input that referred to it ("account.parent").
void require_live(Session& session, const RecordTable& table, std::int64_t id, std::string_view field);

/// Inside a write: throws not_found, conflict when `id` is soft-deleted, or
/// conflict when its stored version is not `expected`.
void require_version(Session& session, const RecordTable& table, std::int64_t id, std::int64_t expected);

/// Inside a write: increments the version and stamps updated_at.
void touch(Session& session, const RecordTable& table, std::int64_t id);

/// Inside a write: sets created_at and/or updated_at of row `id` of `table`
/// (the dates an imported record had in the system it comes from); nullopt
/// leaves that stamp as it is.
void set_stamps(Session& session, std::string_view table, std::int64_t id, const std::optional<Instant>& created_at,
                const std::optional<Instant>& updated_at);

/// Soft-deletes (deleted = true) or restores a row, bumping its version.
/// Throws not_found, or conflict when it is already in the requested state.
void set_deleted(Session& session, const RecordTable& table, std::int64_t id, bool deleted);

/// Deletes the row for good (companion rows follow by ON DELETE rules).
void purge(Session& session, const RecordTable& table, std::int64_t id);

/// Call inside a catch block around an INSERT or UPDATE: when the exception
/// is the external_ref uniqueness violation, throws already_exists naming the
/// record that holds `external_ref`; otherwise returns.
void rethrow_if_external_ref_taken(Session& session, const RecordTable& table, const std::string& external_ref);

/// Ids of live rows where `column` = `value`, in id order.
std::vector<std::int64_t> live_ids_where(Session& session, const RecordTable& table, std::string_view column,
                                         const std::string& value);

/// Replaces the tags of row `id` (tags already cleaned). `fresh` skips the
/// delete for a row created in this same write.
void store_tags(Session& session, const RecordTable& table, std::int64_t id, const std::vector<std::string>& tags,
                bool fresh);

/// The tags of the rows in `ids_json`, keyed by row id, sorted by folded tag.
std::unordered_map<std::int64_t, std::vector<std::string>> load_tags(Session& session, const RecordTable& table,
                                                                      const std::string& ids_json);

/// The records of `by_id` in the order of `ids` (missing ones skipped), each
/// given its tags from `tags` when that is not null. Moves out of `by_id`.
template <class Record>
std::vector<Record> in_order(const std::vector<std::int64_t>& ids, std::unordered_map<std::int64_t, Record>& by_id,
                             std::unordered_map<std::int64_t, std::vector<std::string>>* tags = nullptr) {
  std::vector<Record> records;
  records.reserve(ids.size());
  for (std::int64_t id : ids) {
    auto it = by_id.find(id);
    if (it == by_id.end()) continue;
    if constexpr (requires(Record& record) { record.tags; }) {
      if (tags)
        if (auto t = tags->find(id); t != tags->end()) it->second.tags = std::move(t->second);
    }
    records.push_back(std::move(it->second));
  }
  return records;
}

}  // namespace crm::detail
