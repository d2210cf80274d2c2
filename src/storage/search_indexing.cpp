#include "storage/search_indexing.hpp"

#include "storage/session.hpp"

namespace crm::detail {
namespace {

bool deferred(Session& session) {
  auto statement = session.prepare("SELECT deferred FROM search_control WHERE id = 1");
  return statement->executeStep() && statement->getColumn(0).getInt() != 0;
}

}  // namespace

bool defer_search_indexing(Session& session) {
  if (session.schema_version() < kSearchIndexSchemaVersion) return false;
  session.execute("UPDATE search_control SET deferred = 1 WHERE id = 1");
  return true;
}

void resume_search_indexing(Session& session) {
  // The search_control_resume trigger re-indexes the queue and empties it.
  session.execute("UPDATE search_control SET deferred = 0 WHERE id = 1");
}

bool search_queue_pending(Session& session) {
  auto statement = session.prepare("SELECT EXISTS (SELECT 1 FROM search_queue)");
  return statement->executeStep() && statement->getColumn(0).getInt() != 0;
}

void flush_search_queue(Session& session) {
  const bool was_deferred = deferred(session);
  if (!was_deferred) session.execute("UPDATE search_control SET deferred = 1 WHERE id = 1");
  resume_search_indexing(session);
  if (was_deferred) session.execute("UPDATE search_control SET deferred = 1 WHERE id = 1");
}

}  // namespace crm::detail
