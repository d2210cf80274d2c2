#include "audit/audit_journal.hpp"

#include <algorithm>
#include <map>
#include <set>
#include <optional>
#include <utility>

#include <nlohmann/json.hpp>

#include "crm/audit.hpp"
#include "crm/database.hpp"
#include "crm/money.hpp"
#include "listing/record_list.hpp"
#include "model/audited_fields.hpp"
#include "model/custom_field_store.hpp"
#include "storage/record_table.hpp"
#include "storage/settings.hpp"

namespace crm::detail {
namespace {

using model::AuditedField;
using model::AuditedShape;
using nlohmann::json;

// The notes' table (a temporary one: a trigger names it unqualified, which
// finds the temporary schema first).
constexpr const char* kPendingTable = "crm_audit_pending";

struct JournalInstalled : SessionState {
  bool done = false;
};

// The audited fields of `kind` stored in the record's own table.
std::vector<const AuditedField*> column_fields(RecordKind kind) {
  std::vector<const AuditedField*> fields;
  for (const AuditedField& field : model::audited_fields(kind))
    if (field.shape != AuditedShape::side) fields.push_back(&field);
  return fields;
}

// "json_array(<old of column 1>, <new of column 1>, ...)" over the record's
// audited columns, `before`/`after` being "OLD", "NEW" or "" (NULL).
std::string value_pairs(RecordKind kind, std::string_view before, std::string_view after) {
  std::string sql = "json_array(";
  bool first = true;
  for (const AuditedField* field : column_fields(kind))
    for (const std::string& column : field->columns) {
      if (!first) sql += ", ";
      first = false;
      sql += before.empty() ? std::string("NULL") : std::string(before) + "." + column;
      sql += ", ";
      sql += after.empty() ? std::string("NULL") : std::string(after) + "." + column;
    }
  return sql + ")";
}

std::string note_sql(std::string_view table, std::string_view id, std::string_view operation,
                     std::string_view field, const std::string& values) {
  return std::string("INSERT INTO ") + kPendingTable + " (tbl, record_id, operation, field, vals) VALUES ('" +
         std::string(table) + "', " + std::string(id) + ", " + std::string(operation) + ", " +
         (field.empty() ? std::string("NULL") : "'" + std::string(field) + "'") + ", " + values + ");";
}

void add_record_triggers(Session& session, RecordKind kind) {
  const std::string table(record_table_of(kind).table);
  std::string changed = "OLD.deleted_at IS NOT NEW.deleted_at";
  for (const AuditedField* field : column_fields(kind))
    for (const std::string& column : field->columns) changed += " OR OLD." + column + " IS NOT NEW." + column;
  const std::string prefix = "CREATE TEMP TRIGGER IF NOT EXISTS crm_audit_" + table;
  session.db().exec(prefix + "_insert AFTER INSERT ON main." + table + " WHEN crm_audit_on() BEGIN " +
                    note_sql(table, "NEW.id", "coalesce(crm_audit_operation(), 'create')", "",
                             value_pairs(kind, "", "NEW")) +
                    " END");
  session.db().exec(prefix + "_update AFTER UPDATE ON main." + table + " WHEN crm_audit_on() AND (" + changed +
                    ") BEGIN " +
                    note_sql(table, "NEW.id",
                             "coalesce(crm_audit_operation(), CASE WHEN OLD.deleted_at IS NULL AND NEW.deleted_at "
                             "IS NOT NULL THEN 'delete' WHEN OLD.deleted_at IS NOT NULL AND NEW.deleted_at IS NULL "
                             "THEN 'restore' ELSE 'update' END)",
                             "", value_pairs(kind, "OLD", "NEW")) +
                    " END");
  session.db().exec(prefix + "_delete AFTER DELETE ON main." + table + " WHEN crm_audit_on() BEGIN " +
                    note_sql(table, "OLD.id", "coalesce(crm_audit_operation(), 'purge')", "",
                             value_pairs(kind, "OLD", "")) +
                    " END");
}

// "json_object('a', <row>.a, ...)" over what a side table's row says: its
// columns but the row's id, the link, its position and match keys. A table
// that keeps history (an `ended_on` column: employments) counts only its
// rows in force; an ended row is NULL, no value.
std::string side_value(Session& session, const AuditedField& field, std::string_view row) {
  auto columns = session.prepare("SELECT name FROM pragma_table_info(?)");
  columns->bind(1, field.side_table);
  std::string sql = "json_object(";
  bool first = true, keeps_history = false;
  while (columns->executeStep()) {
    const std::string name = columns->getColumn(0).getString();
    if (name == "ended_on") keeps_history = true;
    if (name == "id" || name == "ended_on" || name == field.link || name == "position" || name.ends_with("_key"))
      continue;
    if (!first) sql += ", ";
    first = false;
    sql += "'" + name + "', " + std::string(row) + "." + name;
  }
  sql += ")";
  return keeps_history ? "CASE WHEN " + std::string(row) + ".ended_on IS NULL THEN " + sql + " END" : sql;
}

void add_side_triggers(Session& session, RecordKind kind, const AuditedField& field) {
  const std::string table(record_table_of(kind).table);
  const std::string& name = field.name;
  const std::string before = side_value(session, field, "OLD");
  const std::string after = side_value(session, field, "NEW");
  const std::string old_id = "OLD." + field.link;
  const std::string new_id = "NEW." + field.link;
  const std::string operation = "coalesce(crm_audit_operation(), 'update')";
  const std::string prefix = "CREATE TEMP TRIGGER IF NOT EXISTS crm_audit_" + field.side_table + "_" + name;
  // A row that goes with its record (a purge's cascade) is not a change of a field.
  const std::string record_lives = "EXISTS (SELECT 1 FROM main." + table + " WHERE id = " + old_id + ")";
  session.db().exec(prefix + "_insert AFTER INSERT ON main." + field.side_table + " WHEN crm_audit_on() BEGIN " +
                    note_sql(table, new_id, operation, name, "json_array(NULL, " + after + ")") + " END");
  session.db().exec(prefix + "_update AFTER UPDATE ON main." + field.side_table + " WHEN crm_audit_on() BEGIN " +
                    note_sql(table, old_id, operation, name, "json_array(" + before + ", NULL)") + " " +
                    note_sql(table, new_id, operation, name, "json_array(NULL, " + after + ")") + " END");
  session.db().exec(prefix + "_delete AFTER DELETE ON main." + field.side_table + " WHEN crm_audit_on() AND " +
                    record_lives + " BEGIN " +
                    note_sql(table, old_id, operation, name, "json_array(" + before + ", NULL)") + " END");
}

// ---- from notes to entries ----

// One record's change within the transaction, as the notes tell it.
struct PendingEntry {
  RecordKind kind = RecordKind::contact;
  std::int64_t id = 0;
  std::string operation;
  // per audited field: the column values before and after (an array per field)
  std::vector<json> before{}, after{};
  // per audited field: the side rows removed and added
  std::vector<std::vector<json>> removed{}, added{};
};

std::optional<std::string> scalar_text(const json& value) {
  if (value.is_null()) return std::nullopt;
  if (value.is_string()) return value.get<std::string>();
  return value.dump();
}

class EntryWriter {
 public:
  explicit EntryWriter(Session& session) : session_(session) {}

  // The fields' changes of `entry` as [field, old, new] triples.
  json changes(const PendingEntry& entry) {
    json triples = json::array();
    const auto& fields = model::audited_fields(entry.kind);
    for (std::size_t i = 0; i < fields.size(); ++i) {
      const AuditedField& field = fields[i];
      if (field.shape == AuditedShape::side) {
        side_changes(field, entry.removed[i], entry.added[i], triples);
      } else if (field.shape == AuditedShape::custom) {
        custom_changes(entry.kind, entry.before[i][0], entry.after[i][0], triples);
      } else if (entry.before[i] != entry.after[i]) {
        triples.push_back({field.name, shown(field, entry.before[i]), shown(field, entry.after[i])});
      }
    }
    return triples;
  }

 private:
  static json text_or_null(const std::optional<std::string>& text) { return text ? json(*text) : json(nullptr); }

  json shown(const AuditedField& field, const json& columns) {
    const json& value = columns[0];
    if (value.is_null()) return nullptr;
    if (field.shape == AuditedShape::parts) {  // {"unit": "week", "interval": 2, ...}
      json parts = json::object();
      for (std::size_t i = 0; i < columns.size(); ++i)
        if (!columns[i].is_null()) parts[field.columns[i].substr(field.columns[i].find('_') + 1)] = columns[i];
      return parts.dump();
    }
    if (field.shape == AuditedShape::money && columns[1].is_string())
      return Money(value.get<std::int64_t>(), columns[1].get<std::string>()).to_string();
    if (field.info->type == RecordFieldType::boolean) return value.get<std::int64_t>() != 0 ? "true" : "false";
    if (!field.name_table.empty() && value.is_number_integer()) {
      auto name = session_.prepare("SELECT name FROM main." + field.name_table + " WHERE id = ?");
      name->bind(1, value.get<std::int64_t>());
      if (name->executeStep()) return name->getColumn(0).getString();
    }
    return text_or_null(scalar_text(value));
  }

  // The name of custom field `id` of `kind` (the column keys values by id).
  std::string custom_name(RecordKind kind, const std::string& id) {
    for (const CustomField& field : *current_custom_fields(session_, kind))
      if (std::to_string(field.id.value()) == id) return field.name;
    return "custom field " + id;  // defined and dropped in the same transaction
  }

  void custom_changes(RecordKind kind, const json& before_text, const json& after_text, json& triples) {
    const json before = before_text.is_string() ? json::parse(before_text.get<std::string>(), nullptr, false) : json::object();
    const json after = after_text.is_string() ? json::parse(after_text.get<std::string>(), nullptr, false) : json::object();
    std::map<std::string, std::pair<json, json>> by_name;
    if (before.is_object())
      for (const auto& [name, value] : before.items()) by_name[name].first = value;
    if (after.is_object())
      for (const auto& [name, value] : after.items()) by_name[name].second = value;
    for (const auto& [name, values] : by_name)
      if (values.first != values.second)
        triples.push_back({custom_name(kind, name), text_or_null(scalar_text(values.first)),
                           text_or_null(scalar_text(values.second))});
  }

  // What a side row shows alone: its value column (an email's address), or the whole row.
  static json side_shown(const AuditedField& field, const json& row) {
    const std::string column(field.info->sql.column);
    if (!column.empty() && row.contains(column)) return text_or_null(scalar_text(row[column]));
    return row.dump();
  }

  static void side_changes(const AuditedField& field, std::vector<json> removed, std::vector<json> added,
                           json& triples) {
    // a row deleted and written again unchanged (stores rewrite their rows) is no change
    for (auto gone = removed.begin(); gone != removed.end();) {
      auto back = std::find(added.begin(), added.end(), *gone);
      if (back == added.end()) {
        ++gone;
        continue;
      }
      added.erase(back);
      gone = removed.erase(gone);
    }
    for (const json& gone : removed) {
      auto same = std::find_if(added.begin(), added.end(),
                               [&](const json& row) { return side_shown(field, row) == side_shown(field, gone); });
      if (same != added.end()) {  // the same value with other details (a primary flag, an end date)
        triples.push_back({field.name, gone.dump(), same->dump()});
        added.erase(same);
      } else {
        triples.push_back({field.name, side_shown(field, gone), nullptr});
      }
    }
    for (const json& row : added) triples.push_back({field.name, nullptr, side_shown(field, row)});
  }

  Session& session_;
};

RecordKind kind_of_table(std::string_view table) {
  for (RecordKind kind : all_record_kinds())
    if (record_table_of(kind).table == table) return kind;
  throw Error(ErrorCode::corrupt, "audit: a note of an unknown table '" + std::string(table) + "'");
}

// An empty text is no value, as NULL is (NOT NULL text columns hold '').
json no_value_as_null(const json& value) {
  return value.is_string() && value.get_ref<const std::string&>().empty() ? json(nullptr) : value;
}

PendingEntry new_entry(RecordKind kind, std::int64_t id, std::string operation) {
  const auto& fields = model::audited_fields(kind);
  PendingEntry entry{kind, id, std::move(operation)};
  entry.before.resize(fields.size(), json::array({nullptr}));
  entry.after = entry.before;
  entry.removed.resize(fields.size());
  entry.added.resize(fields.size());
  return entry;
}

// Reads the notes into entries: a record's update joins its change before
// it in the transaction (a create, an update, a merge), so that each record
// has one entry per operation.
std::vector<PendingEntry> read_notes(Session& session) {
  std::vector<PendingEntry> entries;
  std::map<std::pair<RecordKind, std::int64_t>, std::size_t> last;
  auto notes = session.prepare(std::string("SELECT tbl, record_id, operation, field, vals FROM ") + kPendingTable +
                               " ORDER BY rowid");
  while (notes->executeStep()) {
    const RecordKind kind = kind_of_table(notes->getColumn(0).getString());
    const std::int64_t id = notes->getColumn(1).getInt64();
    const std::string operation = notes->getColumn(2).getString();
    const json values = json::parse(notes->getColumn(4).getString());
    const auto& fields = model::audited_fields(kind);
    auto found = last.find({kind, id});
    PendingEntry* entry = found == last.end() ? nullptr : &entries[found->second];
    const bool joins = entry && operation == entry->operation ? operation == "update" || operation == "merge"
                                                               : entry && operation == "update" &&
                                                                     (entry->operation == "create" || entry->operation == "merge");
    if (!notes->getColumn(3).isNull()) {  // a side row of field `field`
      const std::string field = notes->getColumn(3).getString();
      if (!entry) {
        last[{kind, id}] = entries.size();
        entries.push_back(new_entry(kind, id, operation));
        entry = &entries.back();
      }
      for (std::size_t i = 0; i < fields.size(); ++i)
        if (fields[i].name == field) {
          if (!values[0].is_null()) entry->removed[i].push_back(values[0]);
          if (!values[1].is_null()) entry->added[i].push_back(values[1]);
        }
      continue;
    }
    if (!joins) {
      last[{kind, id}] = entries.size();
      entries.push_back(new_entry(kind, id, operation));
      entry = &entries.back();
    }
    std::size_t at = 0;
    for (std::size_t i = 0; i < fields.size(); ++i) {
      if (fields[i].shape == AuditedShape::side) continue;
      json before = json::array(), after = json::array();
      for (std::size_t c = 0; c < fields[i].columns.size(); ++c, at += 2) {
        before.push_back(no_value_as_null(values[at]));
        after.push_back(no_value_as_null(values[at + 1]));
      }
      if (!joins) entry->before[i] = std::move(before);
      entry->after[i] = std::move(after);
    }
  }
  // a record made and purged in one transaction never existed for anyone else
  std::set<std::pair<RecordKind, std::int64_t>> born, purged;
  for (const PendingEntry& entry : entries) {
    if (entry.operation == "create") born.insert({entry.kind, entry.id});
    if (entry.operation == "purge") purged.insert({entry.kind, entry.id});
  }
  if (purged.empty()) return entries;
  std::vector<PendingEntry> kept;
  for (PendingEntry& entry : entries)
    if (!born.contains({entry.kind, entry.id}) || !purged.contains({entry.kind, entry.id}))
      kept.push_back(std::move(entry));
  return kept;
}

// True when `field` of `kind` links the record to other records (side rows
// naming them: an employer, a deal's further contacts).
bool is_link_field(RecordKind kind, std::string_view field) {
  for (const AuditedField& audited : model::audited_fields(kind))
    if (audited.name == field)
      return audited.shape == AuditedShape::side && (audited.info->type == RecordFieldType::reference ||
                                                     audited.info->type == RecordFieldType::deal_contacts);
  return false;
}

// What an update really was: a deal's stage change, or only links added or
// only links removed.
std::string refined_operation(const PendingEntry& entry, const json& changes) {
  if (entry.operation != "update") return entry.operation;
  bool added = false, removed = false, other = false;
  for (const json& change : changes) {
    if (entry.kind == RecordKind::opportunity && change[0] == "stage")
      return std::string(audit_operation_name(AuditOperation::stage_change));
    if (!is_link_field(entry.kind, change[0].get<std::string>())) other = true;
    else if (change[1].is_null()) added = true;
    else if (change[2].is_null()) removed = true;
    else other = true;
  }
  if (other || added == removed) return entry.operation;
  return std::string(audit_operation_name(added ? AuditOperation::link : AuditOperation::unlink));
}

void write_entries(Session& session) {
  std::vector<PendingEntry> entries = read_notes(session);
  if (entries.empty()) return;
  session.execute(std::string("DELETE FROM ") + kPendingTable);
  auto next = session.prepare("SELECT seq FROM main.sqlite_sequence WHERE name = 'audit_log'");
  const std::int64_t tx = (next->executeStep() ? next->getColumn(0).getInt64() : 0) + 1;
  const std::string at = format_instant(session.now());
  auto insert = session.prepare(
      "INSERT INTO main.audit_log (tx, at, user, origin, kind, record_id, operation, changes) "
      "VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
  EntryWriter writer(session);
  for (const PendingEntry& entry : entries) {
    const json changes = writer.changes(entry);
    if (entry.operation == "update" && changes.empty()) continue;
    const std::string operation = refined_operation(entry, changes);
    insert->bind(1, tx);
    insert->bind(2, at);
    if (session.user().empty()) insert->bind(3); else insert->bind(3, session.user());
    if (session.origin().empty()) insert->bind(4); else insert->bind(4, session.origin());
    insert->bind(5, std::string(record_kind_name(entry.kind)));
    insert->bind(6, entry.id);
    insert->bind(7, operation);
    insert->bind(8, changes.dump());
    insert->exec();
    insert->reset();
  }
}

struct TrailSettings : SessionState {
  int retention_days = 0;
};

void begin_transaction(Session& session) {
  session.set_audit_on(read_setting(session, kAuditTrailSetting).value_or("on") != "off");
  const auto days = read_setting(session, kAuditRetentionSetting);
  session.state<TrailSettings>().retention_days = days ? std::stoi(*days) : 0;
}

void before_commit(Session& session) {
  if (!session.audit_on()) {
    session.execute(std::string("DELETE FROM ") + kPendingTable);
    return;
  }
  write_entries(session);
  expire_audit_entries(session, session.state<TrailSettings>().retention_days);
}

}  // namespace

void expire_audit_entries(Session& session, int days) {
  if (days <= 0) return;
  auto expire = session.prepare("DELETE FROM main.audit_log WHERE at < ?");
  expire->bind(1, format_instant(session.now() - boost::posix_time::hours(24 * days)));
  expire->exec();
}

void install_audit_journal(Session& session) {
  auto& installed = session.state<JournalInstalled>();
  if (installed.done || session.read_only() || session.schema_version() != Database::latest_schema_version()) return;
  session.execute(std::string("CREATE TEMP TABLE IF NOT EXISTS ") +
                  "crm_audit_pending (tbl TEXT NOT NULL, record_id INTEGER NOT NULL, operation TEXT NOT NULL, "
                  "field TEXT, vals TEXT NOT NULL)");
  for (RecordKind kind : all_record_kinds()) {
    add_record_triggers(session, kind);
    for (const AuditedField& field : model::audited_fields(kind))
      if (field.shape == AuditedShape::side) add_side_triggers(session, kind, field);
  }
  session.add_transaction_steps({[&session] { begin_transaction(session); }, [&session] { before_commit(session); }});
  session.forget_statements();
  installed.done = true;
}

}  // namespace crm::detail
