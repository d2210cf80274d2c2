#include "duplicate/pair_search.hpp"

#include <nlohmann/json.hpp>

#include "crm/error.hpp"
#include "duplicate/duplicate_keys.hpp"
#include "storage/session.hpp"

namespace crm::detail {
namespace {

static_assert(reason_bit(DuplicateReason::same_name) == 16, "the SQL below writes the name bit as 16");

constexpr std::size_t kMaxLimit = 100000;

std::string text(std::string_view view) { return std::string(view); }

// The ASCII Latin spelling of the name of the record `r`: schema version
// 9's latin_key, which is NULL where it would equal name_key.
std::string spelling_sql(const std::string& r) { return "coalesce(" + r + ".latin_key, " + r + ".name_key)"; }

// SQL true when two names, each given by its name_key and its spelling, are
// the same: the same name_key, or the same ASCII Latin spelling ("Kozlowski"
// and "Kozłowski", "Mueller" and "Müller", "Ivanov" and "Иванов").
std::string same_name_sql(const std::string& name_a, const std::string& spelling_a, const std::string& name_b,
                          const std::string& spelling_b) {
  return "((" + name_a + " = " + name_b + " OR " + spelling_a + " = " + spelling_b + ") AND " + name_a + " <> '')";
}

// Pairs (a < b) of records sharing the strong `key`: the key values held
// more than once are found by grouping the key's index, and only their
// holders are joined.
std::string shared_key_sql(const DuplicateKey& key) {
  const std::string t(key.table), owner(key.owner), column(key.column);
  return "SELECT x." + owner + " AS a, y." + owner + " AS b, " + std::to_string(reason_bit(key.reason)) +
         " AS bit FROM (SELECT " + column + " AS k FROM " + t + " WHERE " + column + " IS NOT NULL AND " + column + " <> '' GROUP BY " +
         column + " HAVING count(*) > 1) g JOIN " + t + " x ON x." + column + " = g.k JOIN " + t + " y ON y." +
         column + " = g.k AND y." + owner + " > x." + owner;
}

// Every pair of live records sharing a strong key, with its reasons (the
// name too when it is the same), scored, best first.
std::string strong_pairs_sql(const DuplicateKeys& keys) {
  const std::string records(keys.records);
  std::string shared;
  for (const DuplicateKey& key : keys.strong) shared += (shared.empty() ? "" : " UNION ALL ") + shared_key_sql(key);
  return "WITH shared(a, b, bit) AS (" + shared +
         "), pairs(a, b, mask) AS (SELECT a, b, " + mask_aggregate_sql("bit") + " FROM shared GROUP BY a, b), "
         "named(a, b, mask) AS (SELECT p.a, p.b, p.mask + CASE WHEN " +
         same_name_sql("ra.name_key", spelling_sql("ra"), "rb.name_key", spelling_sql("rb")) +
         " THEN 16 ELSE 0 END FROM pairs p JOIN " + records + " ra ON ra.id = p.a JOIN " + records +
         " rb ON rb.id = p.b WHERE ra.deleted_at IS NULL AND rb.deleted_at IS NULL), "
         "scored(a, b, mask, score) AS (SELECT a, b, mask, " + score_sql("mask") +
         " FROM named) SELECT a, b, mask, score FROM scored WHERE score >= :min "
         "ORDER BY score DESC, a, b LIMIT :limit";
}

// SQL true when the records `a` and `b` share no strong key.
std::string unshared_sql(const DuplicateKeys& keys) {
  std::string unshared;
  for (const DuplicateKey& key : keys.strong) {
    const std::string t(key.table), owner(key.owner), column(key.column);
    unshared += " AND NOT EXISTS (SELECT 1 FROM " + t + " x JOIN " + t + " y ON y." + column + " = x." + column +
                " WHERE x." + column + " <> '' AND x." + owner + " = a.id AND y." + owner + " = b.id)";
  }
  return unshared;
}

// Pairs of live records that share a name_key and no strong key, by name and
// ids. Reading the names held more than once first (the name index alone),
// and walking them in order, lets SQLite stop at the limit: a name shared
// by thousands never costs more pairs than are asked for.
std::string name_pairs_sql(const DuplicateKeys& keys) {
  const std::string records(keys.records);
  const std::string unshared = unshared_sql(keys);
  return "SELECT a.id, b.id FROM " + records + " a CROSS JOIN " + records +
         " b ON b.name_key = a.name_key AND b.id > a.id WHERE a.name_key IN (SELECT name_key FROM " + records +
         " WHERE name_key <> '' GROUP BY name_key HAVING count(*) > 1) AND a.deleted_at IS NULL AND b.deleted_at IS "
         "NULL" + unshared + " ORDER BY a.name_key, a.id, b.id LIMIT :limit";
}

// Pairs of live records whose names differ but are spelled the same in ASCII
// Latin (same_name_sql()), sharing no strong key, by that spelling and ids.
// Only records with a latin_key start a pair (the index on latin_key holds
// just those): the other one has the same latin_key, or none and that
// spelling as its name_key. Only spellings shared by two different names
// are walked (found from the latin_key index and the name_key index alone),
// so that the many records of one common name spelled one way never meet
// each other.
std::string latin_pairs_sql(const DuplicateKeys& keys) {
  const std::string records(keys.records);
  const std::string spelled = "SELECT latin_key FROM " + records + " WHERE latin_key IS NOT NULL";
  return "SELECT min(a.id, b.id), max(a.id, b.id) FROM " + records + " a CROSS JOIN " + records +
         " b ON (b.latin_key = a.latin_key AND b.id > a.id) OR (b.latin_key IS NULL AND b.name_key = a.latin_key) "
         "WHERE a.latin_key IN (SELECT k FROM (SELECT latin_key AS k, name_key FROM " + records +
         " WHERE latin_key IS NOT NULL UNION SELECT name_key, name_key FROM " + records +
         " WHERE latin_key IS NULL AND name_key IN (" + spelled + ")) GROUP BY k HAVING count(*) > 1) "
         "AND b.name_key <> a.name_key AND a.deleted_at IS NULL AND b.deleted_at IS NULL" + unshared_sql(keys) +
         " ORDER BY a.latin_key, 1, 2 LIMIT :limit";
}

// The SQL `Build` makes for the keys of `kind`, made once per kind.
template <std::string (*Build)(const DuplicateKeys&)>
const std::string& sql_of(RecordKind kind) {
  static const std::string contacts = Build(duplicate_keys(RecordKind::contact, "kind"));
  static const std::string accounts = Build(duplicate_keys(RecordKind::account, "kind"));
  return kind == RecordKind::account ? accounts : contacts;
}

void read_strong_pairs(Session& session, RecordKind kind, const DuplicateQuery& query,
                       std::vector<DuplicatePair>& out) {
  auto statement = session.prepare(sql_of<strong_pairs_sql>(kind));
  statement->bind(":min", query.min_score);
  statement->bind(":limit", static_cast<std::int64_t>(query.limit));
  while (statement->executeStep())
    out.push_back({kind, statement->getColumn(0).getInt64(), statement->getColumn(1).getInt64(),
                   statement->getColumn(3).getInt(), reasons_of(statement->getColumn(2).getInt())});
}

template <std::string (*Build)(const DuplicateKeys&)>
void read_name_pairs(Session& session, RecordKind kind, std::size_t limit, std::vector<DuplicatePair>& out) {
  const std::vector<DuplicateReason> reasons{DuplicateReason::same_name};
  const int score = duplicate_score(reasons);
  auto statement = session.prepare(sql_of<Build>(kind));
  statement->bind(":limit", static_cast<std::int64_t>(limit));
  while (statement->executeStep())
    out.push_back({kind, statement->getColumn(0).getInt64(), statement->getColumn(1).getInt64(), score, reasons});
}

// The records holding one of the values bound to `parameter` (a JSON array)
// in the strong `key`, with the key's bit.
std::string key_hits_sql(const DuplicateKey& key, const std::string& parameter) {
  const std::string value = key.identifier ? identifier_key_sql("value") : "value";
  return "SELECT " + text(key.owner) + " AS id, " + std::to_string(reason_bit(key.reason)) + " AS bit FROM " +
         text(key.table) + " WHERE " + text(key.column) + " IN (SELECT " + value + " FROM json_each(" + parameter +
         "))";
}

// The live records sharing a strong key with the new record, or only its
// name when :names is 1 (names alone score too little for a higher
// min_score, so a common name then costs no lookup). The name counts for
// every record found.
std::string matches_sql(const DuplicateKeys& keys) {
  const std::string records(keys.records);
  std::string hits;
  for (std::size_t i = 0; i < keys.strong.size(); ++i)
    hits += key_hits_sql(keys.strong[i], ":k" + std::to_string(i)) + " UNION ALL ";
  hits += "SELECT id, 16 FROM " + records + " WHERE name_key = :name AND :name <> '' AND :names UNION ALL ";
  // The same spelling: a record's latin_key, or its name_key where it has no
  // latin_key (looked up only when the new name's spelling is not its name_key,
  // which the lookup above found already).
  hits += "SELECT id, 16 FROM " + records + " WHERE latin_key = :latin AND :latin <> '' AND :names UNION ALL ";
  hits += "SELECT id, 16 FROM " + records + " WHERE name_key = :latin AND latin_key IS NULL AND :latin <> :name AND "
          ":latin <> '' AND :names";
  const std::string bits = "(h.bit | CASE WHEN " +
                           same_name_sql("r.name_key", spelling_sql("r"), ":name", ":latin") + " THEN 16 ELSE 0 END)";
  return "WITH hits(id, bit) AS (" + hits + "), found(id, mask) AS (SELECT h.id, " + mask_aggregate_sql(bits) +
         " FROM hits h JOIN " + records +
         " r ON r.id = h.id WHERE r.deleted_at IS NULL GROUP BY h.id), scored(id, mask, score) AS "
         "(SELECT id, mask, " + score_sql("mask") + " FROM found) SELECT id, mask, score FROM scored WHERE score >= "
         ":min ORDER BY score DESC, id LIMIT :limit";
}

std::string json_array(const std::vector<std::string>& values) {
  nlohmann::json array = nlohmann::json::array();
  for (const std::string& value : values)
    if (!value.empty()) array.push_back(value);
  return array.dump();
}

}  // namespace

void check_duplicate_query(const DuplicateQuery& query) {
  if (query.limit < 1 || query.limit > kMaxLimit)
    throw Error(ErrorCode::invalid_argument,
                "duplicates.limit: " + std::to_string(query.limit) + " is not from 1 to " + std::to_string(kMaxLimit),
                "duplicates.limit");
  if (query.min_score < 1 || query.min_score > 100)
    throw Error(ErrorCode::invalid_argument,
                "duplicates.min_score: " + std::to_string(query.min_score) + " is not from 1 to 100",
                "duplicates.min_score");
}

std::vector<DuplicatePair> find_duplicate_pairs(Session& session, RecordKind kind, const DuplicateQuery& query) {
  duplicate_keys(kind, "duplicates.kind");  // accounts and contacts only
  check_duplicate_query(query);
  std::vector<DuplicatePair> pairs;
  read_strong_pairs(session, kind, query, pairs);
  const int name_score = duplicate_score({DuplicateReason::same_name});
  if (pairs.size() < query.limit && name_score >= query.min_score)
    read_name_pairs<name_pairs_sql>(session, kind, query.limit - pairs.size(), pairs);
  if (pairs.size() < query.limit && name_score >= query.min_score)
    read_name_pairs<latin_pairs_sql>(session, kind, query.limit - pairs.size(), pairs);
  return pairs;
}

std::vector<DuplicateMatch> find_duplicate_matches(Session& session, RecordKind kind, const NewRecordKeys& keys,
                                                   const DuplicateQuery& query) {
  const DuplicateKeys& sources = duplicate_keys(kind, "duplicates.kind");
  check_duplicate_query(query);
  auto statement = session.prepare(sql_of<matches_sql>(kind));
  for (std::size_t i = 0; i < sources.strong.size(); ++i) {
    const auto found = keys.values.find(sources.strong[i].reason);
    statement->bind(":k" + std::to_string(i), json_array(found == keys.values.end() ? std::vector<std::string>()
                                                                                     : found->second));
  }
  statement->bind(":name", keys.name_key);
  statement->bind(":latin", keys.latin_key);
  statement->bind(":names", duplicate_score({DuplicateReason::same_name}) >= query.min_score ? 1 : 0);
  statement->bind(":min", query.min_score);
  statement->bind(":limit", static_cast<std::int64_t>(query.limit));
  std::vector<DuplicateMatch> matches;
  while (statement->executeStep())
    matches.push_back({statement->getColumn(0).getInt64(), statement->getColumn(2).getInt(),
                       reasons_of(statement->getColumn(1).getInt())});
  return matches;
}

}  // namespace crm::detail
