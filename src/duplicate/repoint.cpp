#include "duplicate/repoint.hpp"

#include <string>

#include "duplicate/record_references.hpp"
#include "storage/session.hpp"

namespace crm::detail {
namespace {

std::string where_other(const RecordReference& reference) {
  std::string sql = " WHERE " + std::string(reference.column) + " = :other";
  if (!reference.scope.empty()) sql += " AND " + std::string(reference.scope);
  return sql;
}

// Runs `sql` with those of :survivor, :other and :now it names.
void run(Session& session, const std::string& sql, std::int64_t survivor, std::int64_t other,
         const std::string& now = {}) {
  auto statement = session.prepare(sql);
  if (statement->getIndex(":survivor")) statement->bind(":survivor", survivor);
  statement->bind(":other", other);
  if (statement->getIndex(":now")) statement->bind(":now", now);
  statement->exec();
}

void repoint(Session& session, const RecordReference& reference, std::int64_t survivor, std::int64_t other) {
  // The merge is allowed; the records that refer to the one it removes follow
  // it whoever owns them.
  CascadeWrites cascade(session);
  const std::string set = std::string(reference.table) + " SET " + std::string(reference.column) + " = :survivor";
  if (reference.on_merge == OnMerge::repoint_unique) {
    run(session, "UPDATE OR IGNORE main." + set + where_other(reference), survivor, other);
    run(session, "DELETE FROM main." + std::string(reference.table) + where_other(reference), survivor, other);
    return;
  }
  if (!reference.versioned) {
    run(session, "UPDATE main." + set + where_other(reference), survivor, other);
    return;
  }
  const std::string now = format_instant(session.now());
  run(session, "UPDATE main." + set + ", version = version + 1, updated_at = :now" + where_other(reference), survivor,
      other, now);
}

// Static lists of `kind` holding `other` change members: they get a new version.
void touch_lists_holding(Session& session, RecordKind kind, std::int64_t other) {
  auto statement = session.prepare(
      "UPDATE segments SET version = version + 1, updated_at = ? WHERE record_kind = ? AND kind = 'list' AND id IN "
      "(SELECT segment_id FROM segment_members WHERE record_id = ?)");
  statement->bind(1, format_instant(session.now()));
  statement->bind(2, std::string(record_kind_name(kind)));
  statement->bind(3, other);
  statement->exec();
}

}  // namespace

void repoint_references(Session& session, RecordKind kind, std::int64_t survivor, std::int64_t other) {
  touch_lists_holding(session, kind, other);
  for (const RecordReference& reference : kRecordReferences)
    if (reference.to == kind && reference.on_merge != OnMerge::unite) repoint(session, reference, survivor, other);
}

}  // namespace crm::detail
