// The user a connection acts as, and how their rights become the
// connection's SQL: temporary views that shadow each record table with the
// rows the user may read (owner and team closure), and temporary triggers
// that refuse writes outside the user's scopes, on every write path.
#pragma once

#include <string>
#include <string_view>

#include "crm/access.hpp"

namespace crm::detail {

class Session;

/// Makes `session` act as the active user `login`, or as the system (every
/// right, no views, no triggers) for "". Replaces what it acted as before.
/// not_found for an unknown login, invalid_argument for an inactive user or
/// inside a transaction.
void act_as(Session& session, std::string_view login);

/// The login `session` acts as; "" for the system session.
const std::string& acting_login(Session& session);

/// The scope the session's user has for `action` on records of `kind`
/// (all for the system session).
Scope acting_scope(Session& session, RecordKind kind, Action action);

/// The SQL condition on `owner_column` true for the records the session's
/// user reaches for `action` on `kind` ("1" for the system session); shares
/// are not in it.
std::string acting_reach(Session& session, RecordKind kind, Action action, std::string_view owner_column);

/// Throws permission_denied ("import contact: your scope is none") unless
/// the session's user has a scope other than none for `action` on `kind`.
void require_action(Session& session, RecordKind kind, Action action);

/// For a query over rows that name a record by kind and id (the search
/// index): " AND (...)", true where the session's user may read the record
/// (`kind_column` holds record_kind_name(), `id_column` its id); "" for the
/// system session. The record tables it names resolve to the user's views.
/// With `purged_for_scope_all`, rows of kinds the user reads with scope all
/// pass even when their record no longer exists (the audit trail of a purge).
std::string readable_record_condition(Session& session, std::string_view kind_column, std::string_view id_column,
                                      bool purged_for_scope_all = false);

/// The SQL condition on `owner_column` true for the records `login` reaches
/// with `scope`; records without an owner are in it when `with_unassigned`
/// (and scope is not none). `login` is put into the text as a literal.
std::string scope_condition(Scope scope, std::string_view login, std::string_view owner_column,
                            bool with_unassigned);

/// The stored setting (UnassignedVisibility::everyone when never set).
UnassignedVisibility stored_unassigned_visibility(Session& session);

}  // namespace crm::detail
