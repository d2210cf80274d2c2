#include "crm/search.hpp"

#include <SQLiteCpp/Statement.h>

#include "crm/error.hpp"
#include "crm/limits.hpp"
#include "search/match_expression.hpp"
#include "storage/errors.hpp"
#include "storage/search_indexing.hpp"
#include "storage/session.hpp"
#include "text/unicode.hpp"
#include "user/acting_user.hpp"

namespace crm {
namespace {

using namespace detail;

[[noreturn]] void refuse(const char* field, const std::string& problem) {
  throw Error(ErrorCode::invalid_argument, std::string(field) + ": " + problem, field);
}

void check_query(const SearchQuery& query) {
  check_search_limit(static_cast<std::int64_t>(query.limit));
  for (RecordKind kind : query.kinds)
    if (!record_kind_from_name(record_kind_name(kind)))
      refuse("kinds", "unknown record kind " + std::to_string(static_cast<int>(kind)));
}

// The text, valid and in NFC, without surrounding white space.
std::string checked_text(std::string_view text) {
  if (!is_valid_utf8(text)) refuse("text", "is not valid UTF-8");
  std::string nfc = to_nfc(trim(text), "text");
  if (nfc.empty()) refuse("text", "must not be empty");
  check_length("text", nfc.size(), kMaxSearchTextBytes);
  return nfc;
}

// Re-indexes records whose entries wait in the queue, so that the search
// sees every change: those of the caller's open transaction, and those of a
// writer that committed in deferred mode. A read-only connection cannot;
// it searches the index as it is.
void bring_index_up_to_date(Session& session) {
  if (!search_queue_pending(session)) return;
  if (session.in_transaction()) {
    flush_search_queue(session);
  } else if (!session.read_only()) {
    WriteScope scope(session);  // commit() re-indexes the queue
    scope.commit();
  }
}

// `readable`: the acting user's condition on the hits' records (see
// readable_record_condition()), "" for the system session.
std::string search_sql(std::size_t kinds, const std::string& readable) {
  std::string sql =
      "SELECT kind, record_id, title, snippet(search_index, 3, '[', ']', '…', 16), "
      "-bm25(search_index, 0.0, 0.0, 10.0, 1.0, 10.0) AS score FROM search_index WHERE search_index MATCH ?";
  if (kinds > 0) {
    sql += " AND kind IN (?";
    for (std::size_t i = 1; i < kinds; ++i) sql += ", ?";
    sql += ")";
  }
  return sql + readable + " ORDER BY score DESC, search_index.rowid LIMIT ?";
}

SearchHit read_hit(SQLite::Statement& statement) {
  SearchHit hit;
  hit.kind = record_kind_from_name(statement.getColumn(0).getString()).value_or(RecordKind::contact);
  hit.id = statement.getColumn(1).getInt64();
  hit.title = statement.getColumn(2).getString();
  hit.snippet = statement.getColumn(3).getString();
  hit.score = statement.getColumn(4).getDouble();
  return hit;
}

std::vector<SearchHit> run_search(Session& session, const std::string& expression, const SearchQuery& query) {
  auto statement = session.prepare(search_sql(query.kinds.size(), readable_record_condition(session, "kind", "record_id")));
  int index = 1;
  statement->bind(index++, expression);
  for (RecordKind kind : query.kinds) statement->bind(index++, std::string(record_kind_name(kind)));
  statement->bind(index, static_cast<std::int64_t>(query.limit));
  std::vector<SearchHit> hits;
  while (statement->executeStep()) hits.push_back(read_hit(*statement));
  return hits;
}

}  // namespace

void check_search_limit(std::int64_t limit) {
  if (limit < 1 || limit > static_cast<std::int64_t>(kMaxSearchHits))
    refuse("limit", std::to_string(limit) + " is not from 1 to " + std::to_string(kMaxSearchHits));
}

std::vector<SearchHit> Search::find(std::string_view text, const SearchQuery& query) const {
  return guarded([&] {
    check_query(query);
    const std::string expression = match_expression(checked_text(text), session_.phones());
    if (expression.empty()) return std::vector<SearchHit>{};
    bring_index_up_to_date(session_);
    ReadScope snapshot(session_);
    return run_search(session_, expression, query);
  });
}

}  // namespace crm
