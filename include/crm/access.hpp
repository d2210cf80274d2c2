// crmcore: what a user may do — the actions on records, the scopes of
// records an action reaches, and what the built-in roles grant.
//
// A Database acting as a user (Database::as_user(), Database::act_as())
// enforces it on every read and write: records outside the user's read scope
// are absent (not found, not counted, not summed, not searched), and a write
// outside the action's scope fails with permission_denied naming the action,
// the record kind and the scope the user has. The system session (a Database
// acting as nobody, which is what Database::open() gives) may do everything.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "crm/custom_field.hpp"
#include "crm/ids.hpp"
#include "crm/time.hpp"
#include "crm/user.hpp"

namespace crm {

/// What a user does to records of one kind.
enum class Action {
  read,     ///< "read": get, list, count, select, search, timelines, reports.
  create,   ///< "create": add a record (with the owner it names).
  update,   ///< "update": change a record's fields.
  delete_,  ///< "delete": delete, restore or purge a record.
  assign,   ///< "assign": give a record to another owner (the new owner must be in scope).
  import,   ///< "import": bring records in from a file.
  export_,  ///< "export": write records out to a file.
  merge,    ///< "merge": merge duplicates into one record.
};

/// The name of `action` ("delete").
std::string_view action_name(Action action) noexcept;
/// The action called `name`; invalid_argument naming every action otherwise.
Action action_from_name(std::string_view name);
/// Every action, in declaration order.
const std::vector<Action>& all_actions();

/// Which records of a kind an action reaches, from narrowest to widest.
enum class Scope {
  none,            ///< "none": no record.
  own,             ///< "own": the records the user owns.
  team,            ///< "team": those owned by anyone in the user's team.
  team_and_below,  ///< "team_and_below": those of the user's team and every team below it.
  all,             ///< "all": every record.
};

/// The name of `scope` ("team_and_below").
std::string_view scope_name(Scope scope) noexcept;
/// The scope called `name`; invalid_argument naming every scope otherwise.
Scope scope_from_name(std::string_view name);

/// The scope the built-in `role` grants for `action` on records of `kind`:
///
/// | role | read | create, update, delete, merge | assign | import | export |
/// |---|---|---|---|---|---|
/// | administrator | all | all | all | all | all |
/// | sales_manager | team_and_below | team_and_below | team_and_below | team_and_below | team_and_below |
/// | sales_rep | own | own | none | own | none |
/// | analyst | all | none | none | none | all |
Scope role_scope(Role role, RecordKind kind, Action action) noexcept;

/// The scope `roles` grant together: the widest any of them grants (roles add
/// up); none for no role.
Scope granted_scope(const std::vector<Role>& roles, RecordKind kind, Action action) noexcept;

/// Whether a user sees records that have no owner (and may write them within
/// the action's scope). The default is `everyone`; Database::set_unassigned_visibility()
/// changes it for the whole database.
enum class UnassignedVisibility {
  everyone,     ///< "everyone": every user whose scope for the action is not none.
  all_scope,    ///< "all_scope": only users whose scope for the action is all.
};

/// The name of `visibility` ("all_scope").
std::string_view unassigned_visibility_name(UnassignedVisibility visibility) noexcept;
/// The setting called `name`; invalid_argument otherwise.
UnassignedVisibility unassigned_visibility_from_name(std::string_view name);

/// How far a share lets its users go with one record.
enum class ShareLevel {
  read,  ///< "read": see it everywhere the owner's team would.
  edit,  ///< "edit": see it and change its fields (not delete it or give it away).
};

/// The name of `level` ("edit").
std::string_view share_level_name(ShareLevel level) noexcept;
/// The level called `name`; invalid_argument otherwise.
ShareLevel share_level_from_name(std::string_view name);

/// One record shared explicitly, beyond what roles reach: with a user, or
/// with the members of a team and of every team below it.
struct Share {
  RecordKind kind = RecordKind::contact;  ///< The record's kind.
  std::int64_t record_id = 0;             ///< The record's id.
  std::string user{};                     ///< The user's login; empty for a team share.
  std::optional<TeamId> team{};           ///< The team; none for a user share.
  ShareLevel level = ShareLevel::read;    ///< What the share allows.
  Instant created_at{};                   ///< When it was made (or its level last changed).

  /// Equal when every field is.
  friend bool operator==(const Share&, const Share&) = default;
};

namespace detail {
class Session;
struct StoreAccess;
}  // namespace detail

/// Rights in a Database (db.access()): what users may do, and the
/// database-wide settings of access.
class Access {
 public:
  /// The scope the active user `login` has for `action` on records of
  /// `kind`, from their roles (granted_scope()); none for an inactive user;
  /// not_found for an unknown login.
  Scope scope(std::string_view login, RecordKind kind, Action action) const;
  /// Who sees records without an owner (UnassignedVisibility::everyone until set).
  UnassignedVisibility unassigned_visibility() const;
  /// Changes who sees records without an owner, for the whole database; a
  /// session already acting as a user keeps the setting it started with
  /// until it acts as someone again. Only the system session or an
  /// administrator may (permission_denied otherwise).
  void set_unassigned_visibility(UnassignedVisibility visibility);

  /// Shares record `record_id` of `kind` with the active user `login` at
  /// `level` (an existing share of theirs takes the new level). Whoever may
  /// update the record may share it (the system session, its owner, their
  /// manager): permission_denied otherwise; not_found for a record the
  /// session does not see or an unknown user; invalid_argument for an
  /// inactive one.
  Share share_with_user(RecordKind kind, std::int64_t record_id, const std::string& login,
                        ShareLevel level = ShareLevel::read);
  /// Shares the record with the members of `team` and of the teams below it;
  /// as share_with_user() otherwise (not_found for an unknown team).
  Share share_with_team(RecordKind kind, std::int64_t record_id, TeamId team, ShareLevel level = ShareLevel::read);
  /// Ends the record's share with `login`; false when there was none. The
  /// same rights as sharing.
  bool unshare_with_user(RecordKind kind, std::int64_t record_id, const std::string& login);
  /// Ends the record's share with `team`; false when there was none.
  bool unshare_with_team(RecordKind kind, std::int64_t record_id, TeamId team);
  /// The record's shares (not_found for a record the session does not see):
  /// users by login, then teams by id.
  std::vector<Share> shares(RecordKind kind, std::int64_t record_id) const;

 private:
  friend struct detail::StoreAccess;
  explicit Access(detail::Session& session) : session_(session) {}
  detail::Session& session_;
};

}  // namespace crm
