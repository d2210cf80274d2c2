// Writing prepared import rows: links resolved, an existing record found by
// the upsert key or as a duplicate, then a create or an update.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <optional>
#include <vector>

#include "crm/import.hpp"
#include "io/reference_resolver.hpp"
#include "io/row_mapper.hpp"

namespace crm::detail {

class Session;

/// Writes the rows of one import on the connection's thread and keeps its
/// counts and issues in `result`.
class RowWriter {
 public:
  RowWriter(Session& session, const ImportOptions& options, const RowMapper& mapper, ImportResult& result);

  /// Writes `row` whole or not at all. A row the data refuses is counted and
  /// reported; errors of the database itself (busy, io, corrupt) are thrown.
  void write(PreparedRow& row);

  /// Counts a row refused before writing and keeps its issue (the first 1000).
  void refuse(const ImportIssue& issue);

 private:
  // Counts a cell left out of an imported row and keeps its warning (the first 1000).
  void warn(const ImportIssue& issue);
  // Under CellPolicy::lenient, flags the contact phone named by `field` (a
  // store's "contact.phones[i]") unreadable to keep it as written, noting
  // `issue` in `kept`; false when that is not what the row needs.
  bool keep_unreadable_phone(PreparedRow& row, const std::string& field, const ImportIssue& issue,
                             std::map<std::string, ImportIssue>& kept);
  // Flags the phones of `data` the row keeps as written, and remembers the
  // phones handed to the store, whose refusals name them by position.
  void before_store(RecordData& data, const PreparedRow& row);
  // Adds the user a record's owner names when it is no user yet and the
  // options say to; otherwise leaves the refusal to the store.
  void provide_owner(const RecordData& data);
  void write_valid(PreparedRow& row);
  // The stored records the row's upsert key names (none when the key cell is empty).
  std::vector<std::int64_t> stored_by_key(const RecordDraft& draft) const;
  // The stored record the row duplicates, when options_.on_duplicate asks to look.
  std::optional<DuplicateMatch> stored_duplicate(const RecordDraft& draft) const;
  // Throws Error(invalid_argument) naming the column for a stamp in the future or out of order.
  void check_stamps(const RecordStamps& stamps) const;
  void insert(RecordDraft& draft);
  void update(std::int64_t id, const PreparedRow& row);

  Session& session_;
  const ImportOptions& options_;
  const RowMapper& mapper_;
  ImportResult& result_;
  ReferenceResolver resolver_;
  std::string key_header_;  // the header of the upsert key, which is never left out
  std::vector<Phone> attempted_phones_;  // a contact's phones as last handed to its store
};

}  // namespace crm::detail
