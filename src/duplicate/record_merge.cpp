#include "duplicate/record_merge.hpp"

#include <string>

#include "crm/error.hpp"
#include "storage/session.hpp"

namespace crm::detail {
namespace {

// Throws not_found or (for a soft-deleted record) conflict, naming `role`.
void require_live_for_merge(Session& session, const RecordTable& table, std::int64_t id, const char* role) {
  const std::string field = "merge." + std::string(role);
  const std::string record = std::string(table.entity) + " " + std::to_string(id);
  auto statement = session.prepare("SELECT deleted_at IS NOT NULL FROM " + std::string(table.table) + " WHERE id = ?");
  statement->bind(1, id);
  if (!statement->executeStep())
    throw Error(ErrorCode::not_found, field + ": " + record + " does not exist", field);
  if (statement->getColumn(0).getInt() != 0)
    throw Error(ErrorCode::conflict, field + ": " + record + " is deleted; restore it before merging", field);
}

}  // namespace

void require_mergeable(Session& session, const RecordTable& table, std::int64_t survivor, std::int64_t other) {
  if (survivor == other)
    throw Error(ErrorCode::invalid_argument,
                "merge.other: " + std::string(table.entity) + " " + std::to_string(other) +
                    " cannot be merged into itself",
                "merge.other");
  require_live_for_merge(session, table, survivor, "survivor");
  require_live_for_merge(session, table, other, "other");
}

void delete_merged(Session& session, const RecordTable& table, std::int64_t id) {
  auto statement = session.prepare("DELETE FROM main." + std::string(table.table) + " WHERE id = ?");
  statement->bind(1, id);
  statement->exec();
}

}  // namespace crm::detail
