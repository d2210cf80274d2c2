#include "duplicate/merge_history.hpp"

#include "storage/session.hpp"
#include "storage/sql_values.hpp"

namespace crm::detail {

void record_merge(Session& session, RecordKind kind, std::int64_t survivor, std::int64_t merged,
                  const std::string& choices_json, const std::string& snapshot_json) {
  auto insert = session.prepare(
      "INSERT INTO merges (record_kind, survivor_id, merged_id, merged_at, merged_by, choices, merged_record) "
      "VALUES (?, ?, ?, ?, ?, ?, ?)");
  insert->bind(1, std::string(record_kind_name(kind)));
  insert->bind(2, survivor);
  insert->bind(3, merged);
  insert->bind(4, format_instant(session.now()));
  bind_text_or_null(*insert, 5, session.user());
  insert->bind(6, choices_json);
  insert->bind(7, snapshot_json);
  insert->exec();
}

std::vector<MergeRecord> load_merge_history(Session& session, RecordKind kind, std::int64_t survivor) {
  auto select = session.prepare(
      "SELECT id, survivor_id, merged_id, merged_at, merged_by, choices, merged_record FROM merges "
      "WHERE record_kind = ? AND survivor_id = ? ORDER BY merged_at DESC, id DESC");
  select->bind(1, std::string(record_kind_name(kind)));
  select->bind(2, survivor);
  std::vector<MergeRecord> history;
  while (select->executeStep())
    history.push_back({select->getColumn(0).getInt64(), kind, select->getColumn(1).getInt64(),
                       select->getColumn(2).getInt64(), column_instant(*select, 3), column_text(*select, 4),
                       column_text(*select, 5), column_text(*select, 6)});
  return history;
}

}  // namespace crm::detail
