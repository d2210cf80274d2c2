// Test support: what a database file holds, read with plain SQLite, and the
// checks a file must pass after a failure (crash, I/O error, no memory).
#pragma once

#include <map>
#include <string>
#include <vector>

namespace crm::test {

/// Every table of a file (sqlite_schema included) with its rows as text,
/// sorted, so two files with the same content compare equal whatever their
/// page layout. Read through a connection of its own.
using FileContents = std::map<std::string, std::vector<std::string>>;

/// The contents of the database at `path`.
FileContents file_contents(const std::string& path);

/// `contents` with every instant (ISO 8601 UTC text) replaced by "<instant>":
/// for comparing files written at different times by the wall clock
/// (migrations stamp rows and their own log with it).
FileContents without_instants(FileContents contents);

/// A line naming the first difference between two contents ("" when equal).
std::string first_difference(const FileContents& before, const FileContents& after);

/// Problems of the file at `path` that crmcore's own invariants rule out:
/// the library's integrity_check() (SQLite's and the foreign keys), the
/// full-text index's own check, an empty search queue, and the search index
/// equal to what the records say (search_documents) for up to `sample`
/// entries. Empty when the file is sound.
std::vector<std::string> file_problems(const std::string& path, int sample = 200);

}  // namespace crm::test
