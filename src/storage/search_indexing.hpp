// The search index's deferred mode (schema version 5, see schema_v5.hpp):
// while one of the library's write transactions runs, the triggers only
// queue the entries of the records it changes, and they are re-indexed
// together before it commits.
#pragma once

namespace crm::detail {

class Session;

/// The first schema version with the search index.
inline constexpr int kSearchIndexSchemaVersion = 5;

/// In the open write transaction, makes the triggers queue changed entries
/// instead of re-indexing each at once. Returns false (and does nothing)
/// when the file predates the search index. Throws SQLite's errors.
bool defer_search_indexing(Session& session);

/// Re-indexes the queued entries in one pass and leaves deferred mode; call
/// before committing a transaction defer_search_indexing() started.
void resume_search_indexing(Session& session);

/// True when entries wait in the queue: changed records whose entries are
/// not yet re-indexed (inside a deferred transaction, or left by a writer
/// that committed in deferred mode).
bool search_queue_pending(Session& session);

/// Re-indexes the queued entries now, inside the open write transaction,
/// and stays in deferred mode if it was in it, so that a search in the
/// transaction sees its own writes.
void flush_search_queue(Session& session);

}  // namespace crm::detail
