// Numbered schema migrations, recorded in PRAGMA user_version.
#pragma once

#include <functional>

#include <span>
#include <string_view>

namespace crm::detail {

class Session;

/// One step of the schema: the SQL that takes a file from version-1 to version.
struct Migration {
  int version;
  std::string_view summary;
  std::string_view sql;
  /// What SQL alone cannot do, run after `sql` in the same transaction; may be null.
  void (*then)(Session&) = nullptr;
};

/// The library's migrations in order, version 1 first.
std::span<const Migration> schema_migrations() noexcept;

/// Applies, in one transaction, every migration whose version is above the
/// file's, logging each in crm_migrations and setting PRAGMA user_version.
/// Then, still in that transaction and with the session at the new version,
/// runs `before_commit` (may be empty): what the connection needs of the new
/// schema (the audit trail's triggers), so that a failure there leaves the
/// file unmigrated too. On any failure nothing is changed, the session keeps
/// its old version and the error is thrown. Refuses a file from a newer
/// library (unsupported) and a foreign SQLite file (corrupt).
void migrate(Session& session, std::span<const Migration> migrations,
             const std::function<void(Session&)>& before_commit = {});

/// Throws unless the file at `session` can be used by this library: a newer
/// schema is `unsupported`, a SQLite file with tables but no crmcore schema
/// is `corrupt`.
void check_schema_compatible(Session& session, std::span<const Migration> migrations);

}  // namespace crm::detail
