// The links from accounts, contacts, leads and deals to the lead source and
// the campaign that brought them: records name them, the tables keep ids.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "storage/session.hpp"

namespace crm::detail {

/// A lead source or campaign a record points to: its row id and its name as stored.
struct OriginRef {
  std::int64_t id = 0;
  std::string name{};
};

/// The lead source called `name` (cleaned as a line; found ignoring case and
/// diacritics), added when there is none yet; nullopt for an empty name.
/// Call inside a WriteScope. Throws invalid_argument naming `field`.
std::optional<OriginRef> lead_source_for(Session& session, std::string_view name, std::string_view field);

/// The campaign called `name` (found ignoring case and diacritics); nullopt
/// for an empty name. Throws not_found naming `field` and the name when
/// there is no such campaign ("opportunity.campaign: no campaign 'Spring'").
std::optional<OriginRef> campaign_for(Session& session, std::string_view name, std::string_view field);

/// What a record's lead source and campaign resolved to: the ids to store
/// (0 for none).
struct Origin {
  std::int64_t lead_source_id = 0;
  std::int64_t campaign_id = 0;
};

/// Resolves a record's lead source and campaign names (the campaign first,
/// so an unknown one adds no lead source), replacing each with the stored
/// spelling. `entity` and `source_member` name the fields in errors
/// ("lead" and "source" give "lead.source", "lead.campaign").
Origin resolve_origin(Session& session, std::string& lead_source, std::string& campaign, std::string_view entity,
                      std::string_view source_member = "lead_source");

/// Binds a resolved id, or NULL for 0.
void bind_origin_id(SQLite::Statement& statement, int index, std::int64_t id);

/// How a WriteScope creating a record that names `lead_source` must undo
/// itself: a savepoint when the name is new (the lead source added with the
/// record does not hang off it), else Atomicity::added_rows.
Atomicity creation_atomicity(Session& session, std::string_view lead_source);

/// Where a record's origin is kept: the lead sources or the campaigns table.
enum class OriginTable { lead_sources, campaigns };

/// Deletes row `id` of `table` unless something points to it: throws
/// conflict when any account, contact, lead or deal (deleted ones included)
/// or, for a lead source, any campaign does, naming `what` ("campaign
/// 'Spring'") and how many of each point to it. Call inside a WriteScope.
void delete_unused(Session& session, OriginTable table, std::int64_t id, const std::string& what);

/// SQL for the name of the lead source row `table`.lead_source_id points
/// to (NULL for none); `table` is a table name or alias.
std::string lead_source_name_sql(std::string_view table);

/// SQL for the name of the campaign row `table`.campaign_id points to.
std::string campaign_name_sql(std::string_view table);

/// The comma-separated `columns` of table (or alias) `table` with the
/// columns lead_source_id and campaign_id replaced by the names they point
/// to (NULL for none), for reading records back.
std::string with_origin_names(std::string_view columns, std::string_view table);

}  // namespace crm::detail
