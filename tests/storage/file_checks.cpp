#include "storage/file_checks.hpp"

#include <algorithm>
#include <regex>

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>

#include "crm/database.hpp"

namespace crm::test {
namespace {

// One row as text: each value with its type, so NULL, '' and 0 differ.
std::string row_text(SQLite::Statement& rows) {
  std::string text;
  for (int i = 0; i < rows.getColumnCount(); ++i) {
    const SQLite::Column value = rows.getColumn(i);
    text += std::to_string(value.getType());
    text += ':';
    if (!value.isNull()) text += value.getString();
    text += '|';
  }
  return text;
}

// The rows of `table`, sorted.
std::vector<std::string> sorted_rows(SQLite::Database& db, const std::string& table) {
  SQLite::Statement rows(db, "SELECT * FROM \"" + table + "\"");
  std::vector<std::string> texts;
  while (rows.executeStep()) texts.push_back(row_text(rows));
  std::sort(texts.begin(), texts.end());
  return texts;
}

// The search index entries that differ from what the records say, for a
// random sample of the records' entries and for the entry counts.
void check_search_index(SQLite::Database& db, int sample, std::vector<std::string>& problems) {
  if (db.execAndGet("SELECT count(*) FROM sqlite_schema WHERE name = 'search_index'").getInt() == 0) return;
  const auto queued = db.execAndGet("SELECT count(*) FROM search_queue").getInt64();
  if (queued != 0) problems.push_back("search_queue holds " + std::to_string(queued) + " entries after commit");
  const auto indexed = db.execAndGet("SELECT count(*) FROM search_index").getInt64();
  const auto documents = db.execAndGet("SELECT count(*) FROM search_documents").getInt64();
  if (indexed != documents)
    problems.push_back("search_index has " + std::to_string(indexed) + " entries, the records " +
                       std::to_string(documents));
  SQLite::Statement entries(db,
                            "SELECT entry, kind, record_id, title, body, latin FROM search_documents "
                            "ORDER BY random() LIMIT ?");
  entries.bind(1, sample);
  SQLite::Statement indexed_entry(db,
                                  "SELECT rowid, kind, record_id, title, body, latin FROM search_index WHERE rowid = ?");
  while (entries.executeStep()) {
    indexed_entry.reset();
    indexed_entry.bind(1, entries.getColumn(0).getInt64());
    const std::string expected = row_text(entries);
    const std::string found = indexed_entry.executeStep() ? row_text(indexed_entry) : "(no entry)";
    if (found != expected) problems.push_back("search_index entry " + found + " differs from the record: " + expected);
  }
  try {
    db.exec("INSERT INTO search_index (search_index) VALUES ('integrity-check')");
  } catch (const SQLite::Exception& e) {
    problems.push_back(std::string("search_index integrity-check: ") + e.what());
  }
}

}  // namespace

FileContents file_contents(const std::string& path) {
  // Read-write: after a failed checkpoint a WAL may wait for recovery, which
  // a read-only connection cannot run.
  SQLite::Database db(path, SQLite::OPEN_READWRITE);
  FileContents contents;
  contents["sqlite_schema"] = sorted_rows(db, "sqlite_schema");
  SQLite::Statement tables(db, "SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name");
  while (tables.executeStep()) {
    const std::string table = tables.getColumn(0).getString();
    contents[table] = sorted_rows(db, table);
  }
  contents["user_version"] = {db.execAndGet("PRAGMA user_version").getString()};
  return contents;
}

FileContents without_instants(FileContents contents) {
  static const std::regex instant(R"(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z)");
  for (auto& table : contents) {
    for (std::string& row : table.second) row = std::regex_replace(row, instant, "<instant>");
    std::sort(table.second.begin(), table.second.end());
  }
  return contents;
}

std::string first_difference(const FileContents& before, const FileContents& after) {
  for (const auto& table : before) {
    const auto other = after.find(table.first);
    if (other == after.end()) return "table " + table.first + " is gone";
    if (other->second == table.second) continue;
    const auto& rows = table.second;
    const auto& changed = other->second;
    for (std::size_t i = 0; i < std::max(rows.size(), changed.size()); ++i) {
      const std::string was = i < rows.size() ? rows[i] : "(none)";
      const std::string now = i < changed.size() ? changed[i] : "(none)";
      if (was != now) return "table " + table.first + ": row " + was + " became " + now;
    }
  }
  for (const auto& table : after)
    if (before.count(table.first) == 0) return "table " + table.first + " appeared";
  return {};
}

std::vector<std::string> file_problems(const std::string& path, int sample) {
  OpenOptions options;
  options.create = false;
  options.migrate = false;
  std::vector<std::string> problems = Database::open(path, options).integrity_check();
  SQLite::Database db(path, SQLite::OPEN_READWRITE);
  check_search_index(db, sample, problems);
  return problems;
}

}  // namespace crm::test
