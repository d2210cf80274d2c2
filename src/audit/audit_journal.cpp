// From the triggers' notes to the entries of audit_log, right before the
// outermost transaction commits (audit/audit_notes.hpp says what a note is).
#include "audit/audit_journal.hpp"

#include <algorithm>
#include <map>
#include <optional>
#include <set>
#include <utility>
#include <variant>

#include <nlohmann/json.hpp>
#include <sqlite3.h>

#include "audit/audit_notes.hpp"
#include "crm/audit.hpp"
#include "crm/database.hpp"
#include "crm/money.hpp"
#include "listing/record_list.hpp"
#include "model/custom_field_store.hpp"
#include "storage/settings.hpp"

namespace crm::detail {
namespace {

using model::AuditedField;
using model::AuditedShape;
using nlohmann::json;

/// A noted column value; an empty text is no value, as NULL is (NOT NULL
/// text columns hold '').
using Value = std::variant<std::monostate, std::int64_t, double, std::string>;

Value read_value(const SQLite::Column& column) {
  switch (column.getType()) {
    case SQLITE_INTEGER: return column.getInt64();
    case SQLITE_FLOAT: return column.getDouble();
    case SQLITE_NULL: return std::monostate{};
    default: {
      std::string text = column.getString();
      if (text.empty()) return std::monostate{};
      return text;
    }
  }
}

using Text = std::optional<std::string>;

Text value_text(const Value& value) {
  if (const auto* number = std::get_if<std::int64_t>(&value)) return std::to_string(*number);
  if (const auto* real = std::get_if<double>(&value)) return json(*real).dump();
  if (const auto* text = std::get_if<std::string>(&value)) return *text;
  return std::nullopt;
}

Text json_text(const json& value) {
  if (value.is_null()) return std::nullopt;
  if (value.is_string()) return value.get<std::string>();
  return value.dump();
}

// One field's change, its values as text.
struct Change {
  std::string field;
  Text old_value, new_value;
};

// `text` as a JSON string, appended to `out`.
void append_json_string(std::string& out, std::string_view text) {
  out += '"';
  for (const char c : text) {
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      default:
        if (static_cast<unsigned char>(c) < 0x20) {
          static constexpr char kHex[] = "0123456789abcdef";
          out += "\\u00";
          out += kHex[(c >> 4) & 0xf];
          out += kHex[c & 0xf];
        } else {
          out += c;
        }
    }
  }
  out += '"';
}

void append_json_text(std::string& out, const Text& text) {
  if (text) append_json_string(out, *text);
  else out += "null";
}

// The changes as the `changes` column holds them: [[field, old, new], ...].
std::string changes_json(const std::vector<Change>& changes) {
  std::string out = "[";
  for (const Change& change : changes) {
    if (out.size() > 1) out += ',';
    out += '[';
    append_json_string(out, change.field);
    out += ',';
    append_json_text(out, change.old_value);
    out += ',';
    append_json_text(out, change.new_value);
    out += ']';
  }
  return out + "]";
}

// A side row as noted: the whole row (JSON text) and what it shows alone.
struct SideRow {
  std::string row;
  std::optional<std::string> shown;  // none: the whole row
  friend bool operator==(const SideRow& a, const SideRow& b) { return a.row == b.row; }
  std::string text() const { return shown.value_or(row); }
};

// The position of v0 in the notes read by read_notes().
constexpr int kFirstValue = 8;

SideRow side_row(SQLite::Statement& notes, int row, int shown) {
  SideRow side{notes.getColumn(row).getString(), std::nullopt};
  const SQLite::Column value = notes.getColumn(shown);
  if (value.getType() == SQLITE_INTEGER) side.shown = std::to_string(value.getInt64());
  else if (!value.isNull()) side.shown = value.getString();
  return side;
}

// One record's change within the transaction, as the notes tell it.
struct PendingEntry {
  RecordKind kind = RecordKind::contact;
  std::int64_t id = 0;
  std::string operation{};
  std::vector<Value> before{}, after{};  // the noted columns, in note_columns() order
  // per audited field (by index in audited_fields()): the side rows removed and added, as JSON text
  std::vector<std::vector<SideRow>> removed{}, added{};
};

PendingEntry new_entry(RecordKind kind, std::int64_t id, std::string operation) {
  PendingEntry entry{kind, id, std::move(operation)};
  entry.before.resize(noted_column_count(kind));
  entry.after.resize(noted_column_count(kind));
  entry.removed.resize(model::audited_fields(kind).size());
  entry.added.resize(model::audited_fields(kind).size());
  return entry;
}

RecordKind kind_of_table(std::string_view table) {
  for (RecordKind kind : all_record_kinds())
    if (record_table_of(kind).table == table) return kind;
  throw Error(ErrorCode::corrupt, "audit: a note of an unknown table '" + std::string(table) + "'");
}

std::size_t field_index(RecordKind kind, std::string_view name) {
  const auto& fields = model::audited_fields(kind);
  for (std::size_t i = 0; i < fields.size(); ++i)
    if (fields[i].name == name) return i;
  throw Error(ErrorCode::corrupt, "audit: a note of an unknown field '" + std::string(name) + "'");
}

// Reads the notes into entries: a record's update joins its change before
// it in the transaction (a create, an update, a merge), so that each record
// has one entry per operation.
std::vector<PendingEntry> read_notes(Session& session) {
  std::string sql = "SELECT tbl, record_id, operation, field, side_old, side_new, shown_old, shown_new";
  for (std::size_t i = 0; i < note_value_columns(); ++i) sql += ", v" + std::to_string(i);
  auto notes = session.prepare(sql + " FROM " + kAuditNotesTable + " ORDER BY rowid");
  std::vector<PendingEntry> entries;
  std::map<std::pair<RecordKind, std::int64_t>, std::size_t> last;
  while (notes->executeStep()) {
    const RecordKind kind = kind_of_table(notes->getColumn(0).getText());
    const std::int64_t id = notes->getColumn(1).getInt64();
    std::string operation = notes->getColumn(2).getString();
    auto found = last.find({kind, id});
    PendingEntry* entry = found == last.end() ? nullptr : &entries[found->second];
    const bool side = !notes->getColumn(3).isNull();
    const bool joins = entry && (side || (operation == entry->operation ? operation == "update" || operation == "merge" ||
                                                                              operation == "erase"
                                                                          : operation == "update" &&
                                                                                (entry->operation == "create" ||
                                                                                 entry->operation == "merge")));
    if (!joins) {
      last[{kind, id}] = entries.size();
      entries.push_back(new_entry(kind, id, std::move(operation)));
      entry = &entries.back();
    }
    if (side) {
      const std::size_t field = field_index(kind, notes->getColumn(3).getText());
      if (!notes->getColumn(4).isNull()) entry->removed[field].push_back(side_row(*notes, 4, 6));
      if (!notes->getColumn(5).isNull()) entry->added[field].push_back(side_row(*notes, 5, 7));
      continue;
    }
    for (std::size_t c = 0; c < entry->after.size(); ++c) {
      if (!joins) entry->before[c] = read_value(notes->getColumn(static_cast<int>(kFirstValue + 2 * c)));
      entry->after[c] = read_value(notes->getColumn(static_cast<int>(kFirstValue + 1 + 2 * c)));
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

// Turns an entry's values into [field, old, new] triples, as text.
class ChangeWriter {
 public:
  explicit ChangeWriter(Session& session) : session_(session) {}

  std::vector<Change> changes(const PendingEntry& entry) {
    std::vector<Change> triples;
    const auto& fields = model::audited_fields(entry.kind);
    std::size_t next_noted = 0;
    const auto& noted = note_columns(entry.kind);
    for (std::size_t i = 0; i < fields.size(); ++i) {
      const AuditedField& field = fields[i];
      if (field.shape == AuditedShape::side) {
        side_changes(field, entry.removed[i], entry.added[i], triples);
        continue;
      }
      const std::size_t first = noted[next_noted++].first;
      const auto begin = static_cast<std::ptrdiff_t>(first);
      const auto end = static_cast<std::ptrdiff_t>(first + field.columns.size());
      if (std::equal(entry.before.begin() + begin, entry.before.begin() + end, entry.after.begin() + begin)) continue;
      if (field.shape == AuditedShape::custom) {
        custom_changes(entry.kind, entry.before[first], entry.after[first], triples);
        continue;
      }
      triples.push_back({field.name, shown(field, entry.before, first), shown(field, entry.after, first)});
    }
    return triples;
  }

 private:
  Text shown(const AuditedField& field, const std::vector<Value>& values, std::size_t first) {
    const Value& value = values[first];
    if (std::holds_alternative<std::monostate>(value)) return std::nullopt;
    switch (field.shape) {
      case AuditedShape::money:
        if (const auto* currency = std::get_if<std::string>(&values[first + 1]))
          if (const auto* minor = std::get_if<std::int64_t>(&value)) return Money(*minor, *currency).to_string();
        break;
      case AuditedShape::parts: {  // {"unit": "week", "interval": 2, ...}
        json parts = json::object();
        for (std::size_t i = 0; i < field.columns.size(); ++i)
          if (!std::holds_alternative<std::monostate>(values[first + i]))
            parts[field.columns[i].substr(field.columns[i].find('_') + 1)] = *value_text(values[first + i]);
        return parts.dump();
      }
      default:
        break;
    }
    if (const auto* number = std::get_if<std::int64_t>(&value)) {
      if (field.info->type == RecordFieldType::boolean) return *number != 0 ? "true" : "false";
      if (!field.name_table.empty()) {
        auto name = session_.prepare("SELECT name FROM main." + field.name_table + " WHERE id = ?");
        name->bind(1, *number);
        if (name->executeStep()) return name->getColumn(0).getString();
      }
    }
    return value_text(value);
  }

  // The name of custom field `id` of `kind` (the column keys values by id).
  std::string custom_name(RecordKind kind, const std::string& id) {
    for (const CustomField& field : *current_custom_fields(session_, kind))
      if (std::to_string(field.id.value()) == id) return field.name;
    return "custom field " + id;  // defined and dropped in the same transaction
  }

  static json parsed_object(const Value& text) {
    const auto* json_text = std::get_if<std::string>(&text);
    json parsed = json_text ? json::parse(*json_text, nullptr, false) : json::object();
    return parsed.is_object() ? parsed : json::object();
  }

  void custom_changes(RecordKind kind, const Value& before_text, const Value& after_text, std::vector<Change>& triples) {
    const json before = parsed_object(before_text), after = parsed_object(after_text);
    std::map<std::string, std::pair<json, json>> by_id;
    for (const auto& [id, value] : before.items()) by_id[id].first = value;
    for (const auto& [id, value] : after.items()) by_id[id].second = value;
    for (const auto& [id, values] : by_id)
      if (values.first != values.second)
        triples.push_back({custom_name(kind, id), json_text(values.first), json_text(values.second)});
  }

  static void side_changes(const AuditedField& field, std::vector<SideRow> removed, std::vector<SideRow> added,
                           std::vector<Change>& triples) {
    if (removed.empty() && added.empty()) return;
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
    for (const SideRow& gone : removed) {
      auto same = std::find_if(added.begin(), added.end(), [&](const SideRow& row) { return row.text() == gone.text(); });
      if (same != added.end()) {  // the same value with other details (a primary flag)
        triples.push_back({field.name, gone.row, same->row});
        added.erase(same);
      } else {
        triples.push_back({field.name, gone.text(), std::nullopt});
      }
    }
    for (const SideRow& row : added) triples.push_back({field.name, std::nullopt, row.text()});
  }

  Session& session_;
};

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
std::string refined_operation(const PendingEntry& entry, const std::vector<Change>& changes) {
  if (entry.operation != "update") return entry.operation;
  bool added = false, removed = false, other = false;
  for (const Change& change : changes) {
    if (entry.kind == RecordKind::opportunity && change.field == "stage")
      return std::string(audit_operation_name(AuditOperation::stage_change));
    if (!is_link_field(entry.kind, change.field)) other = true;
    else if (!change.old_value) added = true;
    else if (!change.new_value) removed = true;
    else other = true;
  }
  if (other || added == removed) return entry.operation;
  return std::string(audit_operation_name(added ? AuditOperation::link : AuditOperation::unlink));
}

// An erasure's changes: each field it blanked once, with no values (the
// values are what the erasure takes away).
std::vector<Change> without_values(std::vector<Change> changes) {
  std::vector<Change> fields;
  for (Change& change : changes)
    if (std::none_of(fields.begin(), fields.end(), [&](const Change& seen) { return seen.field == change.field; }))
      fields.push_back({std::move(change.field), std::nullopt, std::nullopt});
  return fields;
}

void write_entries(Session& session) {
  std::vector<PendingEntry> entries = read_notes(session);
  session.execute(std::string("DELETE FROM ") + kAuditNotesTable);
  if (entries.empty()) return;
  auto next = session.prepare("SELECT seq FROM main.sqlite_sequence WHERE name = 'audit_log'");
  const std::int64_t tx = (next->executeStep() ? next->getColumn(0).getInt64() : 0) + 1;
  next->reset();
  const std::string at = format_instant(session.now());
  auto insert = session.prepare(
      "INSERT INTO main.audit_log (tx, at, user, origin, kind, record_id, operation, changes) "
      "VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
  ChangeWriter writer(session);
  for (const PendingEntry& entry : entries) {
    std::vector<Change> changes = writer.changes(entry);
    if ((entry.operation == "update" || entry.operation == "erase") && changes.empty()) continue;
    if (entry.operation == "erase") changes = without_values(std::move(changes));
    insert->bind(1, tx);
    insert->bind(2, at);
    if (session.user().empty()) insert->bind(3); else insert->bind(3, session.user());
    if (session.origin().empty()) insert->bind(4); else insert->bind(4, session.origin());
    insert->bind(5, std::string(record_kind_name(entry.kind)));
    insert->bind(6, entry.id);
    insert->bind(7, refined_operation(entry, changes));
    insert->bind(8, changes_json(changes));
    insert->exec();
    insert->reset();
  }
}

struct TrailSettings : SessionState {
  bool steps_added = false;
  AuditRetention retention{};
};

// The trail's switch and retention, in one read of the settings.
void begin_transaction(Session& session) {
  auto settings = session.prepare("SELECT key, value FROM main.settings WHERE key IN (?, ?, ?)");
  settings->bind(1, std::string(kAuditTrailSetting));
  settings->bind(2, std::string(kAuditRetentionSetting));
  settings->bind(3, std::string(kAuditRetentionEntriesSetting));
  bool on = true;
  AuditRetention retention;
  while (settings->executeStep()) {
    const std::string key = settings->getColumn(0).getString();
    const std::string value = settings->getColumn(1).getString();
    if (key == kAuditTrailSetting) on = value != "off";
    else if (key == kAuditRetentionSetting) retention.days = std::stoi(value);
    else retention.entries = std::stoll(value);
  }
  settings->reset();
  session.set_audit_on(on);
  session.state<TrailSettings>().retention = retention;
}

void before_commit(Session& session) {
  if (!session.audit_on()) {
    session.execute(std::string("DELETE FROM ") + kAuditNotesTable);
    return;
  }
  write_entries(session);
  expire_audit_entries(session, session.state<TrailSettings>().retention);
}

}  // namespace

AuditRetention read_audit_retention(Session& session) {
  AuditRetention retention;
  if (const auto days = read_setting(session, kAuditRetentionSetting)) retention.days = std::stoi(*days);
  if (const auto entries = read_setting(session, kAuditRetentionEntriesSetting)) retention.entries = std::stoll(*entries);
  return retention;
}

std::int64_t audit_expired_through(Session& session) {
  const auto through = read_setting(session, kAuditExpiredThroughSetting);
  return through ? std::stoll(*through) : 0;
}

void expire_audit_entries(Session& session, const AuditRetention& retention) {
  if (retention.days <= 0 && retention.entries <= 0) return;
  // the greatest seq either limit removes: entries are removed oldest first
  std::int64_t through = 0;
  if (retention.days > 0) {
    auto oldest_kept = session.prepare("SELECT max(seq) FROM main.audit_log WHERE at < ?");
    oldest_kept->bind(1, format_instant(session.now() - boost::posix_time::hours(24 * retention.days)));
    if (oldest_kept->executeStep() && !oldest_kept->getColumn(0).isNull())
      through = oldest_kept->getColumn(0).getInt64();
    oldest_kept->reset();
  }
  if (retention.entries > 0) {
    auto newest = session.prepare("SELECT max(seq) FROM main.audit_log");
    if (newest->executeStep() && !newest->getColumn(0).isNull())
      through = std::max(through, newest->getColumn(0).getInt64() - retention.entries);
    newest->reset();
  }
  if (through <= 0) return;
  auto expire = session.prepare("DELETE FROM main.audit_log WHERE seq <= ?");
  expire->bind(1, through);
  const int expired = expire->exec();
  expire->reset();
  if (expired > 0 && through > audit_expired_through(session)) {
    const CascadeWrites bookkeeping(session);  // any user's commit may expire entries
    write_setting(session, kAuditExpiredThroughSetting, std::to_string(through));
  }
}

void install_audit_journal(Session& session) {
  if (session.read_only() || session.schema_version() != Database::latest_schema_version()) return;
  // the notes' table is made with the triggers, in one transaction: when it
  // is there, so are they (a rolled-back migration takes both back)
  bool installed = false;
  {  // the lease ends before forget_statements() drops the cache
    auto made = session.prepare("SELECT 1 FROM temp.sqlite_master WHERE type = 'table' AND name = ?");
    made->bind(1, std::string(kAuditNotesTable));
    installed = made->executeStep();
    made->reset();
  }
  if (!installed) {
    session.execute("SAVEPOINT crm_audit_install");
    try {
      add_audit_triggers(session);
      session.execute("RELEASE crm_audit_install");
    } catch (...) {
      try {
        session.execute("ROLLBACK TO crm_audit_install");
        session.execute("RELEASE crm_audit_install");
      } catch (...) {  // the connection is broken; the first error says why
      }
      throw;
    }
    session.forget_statements();
  }
  auto& settings = session.state<TrailSettings>();
  if (settings.steps_added) return;
  session.add_transaction_steps({[&session] { begin_transaction(session); }, [&session] { before_commit(session); }});
  settings.steps_added = true;
}

}  // namespace crm::detail
