// Reading the audit trail (Audit): a record's history and queries by kind,
// user and period, limited to what the acting user reads; its settings.
#include "crm/audit.hpp"
#include "crm/changes.hpp"

#include <array>

#include <nlohmann/json.hpp>

#include "audit/audit_journal.hpp"
#include "audit/audit_reader.hpp"
#include "common/enum_names.hpp"
#include "crm/access.hpp"
#include "crm/error.hpp"
#include "listing/record_list.hpp"
#include "storage/errors.hpp"
#include "storage/session.hpp"
#include "storage/settings.hpp"
#include "user/acting_user.hpp"

namespace crm {
namespace {

using detail::EnumName;
using nlohmann::json;

constexpr std::array<EnumName<AuditOperation>, 10> kOperationNames{{{AuditOperation::create, "create"},
                                                                  {AuditOperation::update, "update"},
                                                                  {AuditOperation::delete_, "delete"},
                                                                  {AuditOperation::restore, "restore"},
                                                                  {AuditOperation::purge, "purge"},
                                                                  {AuditOperation::merge, "merge"},
                                                                  {AuditOperation::stage_change, "stage_change"},
                                                                  {AuditOperation::link, "link"},
                                                                  {AuditOperation::unlink, "unlink"},
                                                                  {AuditOperation::erase, "erase"}}};

constexpr int kMaxRetentionDays = 36500;
constexpr std::size_t kMaxLimit = 100000;

std::optional<std::string> optional_text(const json& value) {
  if (value.is_null()) return std::nullopt;
  return value.is_string() ? value.get<std::string>() : value.dump();
}

// Runs `sql` (selecting seq, tx, at, user, origin, kind, record_id,
// operation, changes) with `bind` and hands each row to `take` as a Change
// with its fields.
template <class Bind, class Take>
void read_changes(detail::Session& session, const std::string& sql, Bind&& bind, Take&& take) {
  auto statement = session.prepare(sql);
  bind(*statement);
  while (statement->executeStep()) {
    Change change;
    change.seq = statement->getColumn(0).getInt64();
    change.tx = statement->getColumn(1).getInt64();
    change.at = parse_instant(statement->getColumn(2).getString());
    change.user = statement->getColumn(3).getString();
    change.origin = statement->getColumn(4).getString();
    change.kind = record_kind_from_name(statement->getColumn(5).getString()).value_or(RecordKind::contact);
    change.record_id = statement->getColumn(6).getInt64();
    change.operation = audit_operation_from_name(statement->getColumn(7).getString());
    const json fields = json::parse(statement->getColumn(8).getString(), nullptr, false);
    if (fields.is_array()) {
      change.fields.reserve(fields.size());
      for (const json& field : fields)
        change.fields.push_back({field.at(0).get<std::string>(), optional_text(field.at(1)), optional_text(field.at(2))});
    }
    take(std::move(change));
  }
}

// As read_changes(), each change unfolded into one entry per field (one
// with no field for a change of none).
template <class Bind>
std::vector<AuditEntry> read_entries(detail::Session& session, const std::string& sql, Bind&& bind) {
  std::vector<AuditEntry> entries;
  read_changes(session, sql, std::forward<Bind>(bind), [&](Change change) { detail::unfold_change(change, entries); });
  return entries;
}

constexpr const char* kColumns =
    "SELECT seq, tx, at, coalesce(user, ''), coalesce(origin, ''), kind, record_id, operation, changes "
    "FROM main.audit_log a WHERE ";

}  // namespace

namespace detail {

std::vector<AuditEntry> audit_entries_with_seqs(Session& session, const std::vector<std::int64_t>& seqs) {
  if (seqs.empty()) return {};
  std::string ids = "[";
  for (std::int64_t seq : seqs) ids += (ids.size() > 1 ? "," : "") + std::to_string(seq);
  return read_entries(session, std::string(kColumns) + "a.seq IN (SELECT value FROM json_each(?)) ORDER BY a.seq",
                      [&](SQLite::Statement& s) { s.bind(1, ids + "]"); });
}

void unfold_change(const Change& change, std::vector<AuditEntry>& entries) {
  AuditEntry head{.seq = change.seq,
                  .tx = change.tx,
                  .at = change.at,
                  .user = change.user,
                  .origin = change.origin,
                  .kind = change.kind,
                  .record_id = change.record_id,
                  .operation = change.operation};
  if (change.fields.empty()) entries.push_back(std::move(head));
  for (const FieldChange& field : change.fields) {
    AuditEntry entry = head;
    entry.field = field.field;
    entry.old_value = field.old_value;
    entry.new_value = field.new_value;
    entries.push_back(std::move(entry));
  }
}

std::vector<Change> audit_changes_after(Session& session, std::int64_t after_seq, const std::vector<RecordKind>& kinds,
                                        std::size_t limit) {
  std::string names = "[";
  for (RecordKind kind : kinds) names += (names.size() > 1 ? ",\"" : "\"") + std::string(record_kind_name(kind)) + "\"";
  std::string sql = std::string(kColumns) + "a.seq > ?";
  if (!kinds.empty()) sql += " AND a.kind IN (SELECT value FROM json_each(?))";
  sql += readable_record_condition(session, "a.kind", "a.record_id", true) + " ORDER BY a.seq LIMIT ?";
  std::vector<Change> changes;
  changes.reserve(std::min<std::size_t>(limit, 10000));
  read_changes(
      session, sql,
      [&](SQLite::Statement& s) {
        int index = 1;
        s.bind(index++, after_seq);
        if (!kinds.empty()) s.bind(index++, names + "]");
        s.bind(index, static_cast<std::int64_t>(limit));
      },
      [&](Change change) { changes.push_back(std::move(change)); });
  return changes;
}

}  // namespace detail

std::string_view audit_operation_name(AuditOperation operation) noexcept {
  return detail::name_of<AuditOperation>(kOperationNames, operation);
}

AuditOperation audit_operation_from_name(std::string_view name) {
  return detail::require_from_name<AuditOperation>(kOperationNames, name, "audit operation", "operation");
}

Table audit_table(const std::vector<AuditEntry>& entries) {
  Table table({{"seq", ColumnType::integer},
               {"tx", ColumnType::integer},
               {"at", ColumnType::text},
               {"user", ColumnType::text},
               {"origin", ColumnType::text},
               {"kind", ColumnType::text},
               {"record_id", ColumnType::integer},
               {"operation", ColumnType::text},
               {"field", ColumnType::text},
               {"old", ColumnType::text},
               {"new", ColumnType::text}});
  table.reserve(entries.size());
  for (const AuditEntry& entry : entries) {
    table.add_row();
    table.set_integer(0, entry.seq);
    table.set_integer(1, entry.tx);
    table.set_text(2, format_instant(entry.at));
    table.set_text(3, entry.user);
    table.set_text(4, entry.origin);
    table.set_text(5, record_kind_name(entry.kind));
    table.set_integer(6, entry.record_id);
    table.set_text(7, audit_operation_name(entry.operation));
    table.set_text(8, entry.field);
    if (entry.old_value) table.set_text(9, *entry.old_value);
    if (entry.new_value) table.set_text(10, *entry.new_value);
  }
  return table;
}

std::vector<AuditEntry> Audit::history(RecordKind kind, std::int64_t record_id) const {
  return detail::guarded_read(session_, [&] {
    const std::string kind_name(record_kind_name(kind));
    const std::string table(detail::record_table_of(kind).table);
    auto exists = session_.prepare("SELECT 1 FROM main." + table + " WHERE id = ?");
    exists->bind(1, record_id);
    const bool stored = exists->executeStep();
    exists->reset();
    auto entries = read_entries(session_,
                                std::string(kColumns) + "a.kind = ? AND a.record_id = ?" +
                                    detail::readable_record_condition(session_, "a.kind", "a.record_id", true) +
                                    " ORDER BY seq",
                                [&](SQLite::Statement& s) {
                                  s.bind(1, kind_name);
                                  s.bind(2, record_id);
                                });
    if (entries.empty()) {
      // a record the session does not read is not found, as everywhere
      auto visible = session_.prepare("SELECT 1 FROM " + table + " WHERE id = ?");
      visible->bind(1, record_id);
      if (!stored || !visible->executeStep())
        throw Error(ErrorCode::not_found, kind_name + " " + std::to_string(record_id) + " does not exist", "id");
    }
    return entries;
  });
}

std::vector<AuditEntry> Audit::find(const AuditQuery& query) const {
  return detail::guarded_read(session_, [&] {
    if (query.limit < 1 || query.limit > kMaxLimit)
      throw Error(ErrorCode::invalid_argument,
                  "limit: " + std::to_string(query.limit) + " is not between 1 and " + std::to_string(kMaxLimit),
                  "limit");
    if (query.record_id && !query.kind)
      throw Error(ErrorCode::invalid_argument, "record_id: needs the record's kind", "record_id");
    std::string sql = std::string(kColumns) + "a.seq > :after";
    if (query.kind) sql += " AND a.kind = :kind";
    if (query.record_id) sql += " AND a.record_id = :record";
    if (query.user) sql += query.user->empty() ? " AND a.user IS NULL" : " AND a.user = :user";
    if (query.from) sql += " AND a.at >= :from";
    if (query.until) sql += " AND a.at < :until";
    sql += detail::readable_record_condition(session_, "a.kind", "a.record_id", true) + " ORDER BY a.seq LIMIT :limit";
    return read_entries(session_, sql, [&](SQLite::Statement& s) {
      s.bind(":after", query.after_seq);
      if (query.kind) s.bind(":kind", std::string(record_kind_name(*query.kind)));
      if (query.record_id) s.bind(":record", *query.record_id);
      if (query.user && !query.user->empty()) s.bind(":user", *query.user);
      if (query.from) s.bind(":from", format_instant(*query.from));
      if (query.until) s.bind(":until", format_instant(*query.until));
      s.bind(":limit", static_cast<std::int64_t>(query.limit));
    });
  });
}

bool Audit::enabled() const {
  return detail::guarded_read(session_, [&] {
    return detail::read_setting(session_, detail::kAuditTrailSetting).value_or("on") != "off";
  });
}

void Audit::set_enabled(bool enabled) {
  detail::guarded([&] {
    detail::WriteScope scope(session_);
    detail::write_setting(session_, detail::kAuditTrailSetting, enabled ? "on" : "off");
    scope.commit();
  });
}

int Audit::retention_days() const {
  return detail::guarded_read(session_, [&] {
    return detail::read_audit_retention(session_).days;
  });
}

void Audit::set_retention_days(int days) {
  detail::guarded([&] {
    if (days < 0 || days > kMaxRetentionDays)
      throw Error(ErrorCode::invalid_argument,
                  "retention_days: " + std::to_string(days) + " is not between 0 and " +
                      std::to_string(kMaxRetentionDays),
                  "retention_days");
    detail::WriteScope scope(session_);
    detail::write_setting(session_, detail::kAuditRetentionSetting, std::to_string(days));
    detail::expire_audit_entries(session_, detail::read_audit_retention(session_));
    scope.commit();
  });
}

std::int64_t Audit::retention_entries() const {
  return detail::guarded_read(session_, [&] { return detail::read_audit_retention(session_).entries; });
}

void Audit::set_retention_entries(std::int64_t entries) {
  detail::guarded([&] {
    if (entries < 0)
      throw Error(ErrorCode::invalid_argument,
                  "retention_entries: " + std::to_string(entries) + " is negative (0 keeps every entry)",
                  "retention_entries");
    detail::WriteScope scope(session_);
    detail::write_setting(session_, detail::kAuditRetentionEntriesSetting, std::to_string(entries));
    detail::expire_audit_entries(session_, detail::read_audit_retention(session_));
    scope.commit();
  });
}

}  // namespace crm
