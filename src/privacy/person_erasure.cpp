// Privacy::erase(): a person's personal data taken out of every place the
// database keeps it, in one transaction. The person's own record goes
// through its store (so the duplicate keys, the name keys and the search
// index follow as on any update); what other records hold of them
// (activities' texts, the merge history, the audit trail) is rewritten here,
// as consequences (CascadeWrites) that the acting user's write checks let
// through. Every write is named "erase" in the audit trail, whose journal
// keeps only the names of the fields.
#include <algorithm>
#include <set>

#include <nlohmann/json.hpp>
#include <sqlite3.h>

#include "crm/audit.hpp"
#include "crm/contact.hpp"
#include "crm/error.hpp"
#include "crm/lead.hpp"
#include "crm/privacy.hpp"
#include "crm/record_fields.hpp"
#include "listing/record_list.hpp"
#include "privacy/legal_holds.hpp"
#include "privacy/personal_data.hpp"
#include "storage/search_indexing.hpp"
#include "storage/session.hpp"
#include "storage/store_access.hpp"
#include "text/unicode.hpp"
#include "user/acting_user.hpp"

namespace crm {
namespace {

using nlohmann::json;
using Person = std::pair<RecordKind, std::int64_t>;

// `values` as a JSON array text, to bind to json_each().
template <class Values>
std::string json_array(const Values& values) {
  return json(values).dump();
}

std::vector<std::int64_t> ids_of(const std::vector<Person>& persons, RecordKind kind) {
  std::vector<std::int64_t> ids;
  for (const auto& [person_kind, id] : persons)
    if (person_kind == kind) ids.push_back(id);
  return ids;
}

// The person asked for, and for a contact the leads converted into it.
std::vector<Person> persons_of(detail::Session& session, RecordKind kind, std::int64_t id) {
  std::vector<Person> persons{{kind, id}};
  if (kind != RecordKind::contact) return persons;
  auto leads = session.prepare("SELECT id FROM main.leads WHERE converted_contact_id = ? ORDER BY id");
  leads->bind(1, id);
  while (leads->executeStep()) persons.emplace_back(RecordKind::lead, leads->getColumn(0).getInt64());
  leads->reset();
  return persons;
}

// The person's record through its store; `read` and `write` of one kind.
class PersonRecords {
 public:
  explicit PersonRecords(detail::Session& session)
      : session_(session),
        contacts_(detail::StoreAccess::make<Contacts>(session)),
        leads_(detail::StoreAccess::make<Leads>(session)) {}

  std::vector<std::string> identifiers(const Person& person) {
    if (person.first == RecordKind::contact)
      return detail::person_identifiers(contacts_.get(ContactId(person.second)), session_.phones());
    return detail::person_identifiers(leads_.get(LeadId(person.second)), session_.phones());
  }

  std::vector<std::string> erase(const Person& person, const std::vector<std::string>& identifiers) {
    if (person.first == RecordKind::contact) return erase_in(contacts_, ContactId(person.second), person, identifiers);
    return erase_in(leads_, LeadId(person.second), person, identifiers);
  }

 private:
  // A soft-deleted person is made live while the store writes the erasure
  // (it changes only live records) and deleted again with the same time,
  // all in the erasure's transaction (a failure rolls the whole back).
  template <class Store, class IdType>
  std::vector<std::string> erase_in(Store& store, IdType id, const Person& person,
                                    const std::vector<std::string>& identifiers) {
    auto record = store.get(id);
    auto fields = detail::clear_personal_fields(record, identifiers);
    set_deleted_at(person, std::nullopt);
    store.update(record);
    set_deleted_at(person, record.deleted_at);
    return fields;
  }

  void set_deleted_at(const Person& person, const std::optional<Instant>& deleted_at) {
    const detail::CascadeWrites consequence(session_);
    auto update = session_.prepare("UPDATE main." + std::string(detail::record_table_of(person.first).table) +
                                   " SET deleted_at = ? WHERE id = ? AND deleted_at IS NOT ?");
    if (deleted_at) update->bind(1, format_instant(*deleted_at));
    else update->bind(1);
    update->bind(2, person.second);
    if (deleted_at) update->bind(3, format_instant(*deleted_at));
    else update->bind(3);
    update->exec();
    update->reset();
  }

  detail::Session& session_;
  Contacts contacts_;
  Leads leads_;
};

// The activities about the persons, or whose texts name their emails or
// numbers: the personal fields (number, address) are cleared on the ones
// about them and on those holding an identifier there; other texts lose the
// identifiers. Returns the activities changed and, among them, those about
// the persons.
struct ScrubbedActivities {
  std::int64_t changed = 0;
  std::vector<Person> about_them;
};

ScrubbedActivities scrub_activities(detail::Session& session, const std::vector<Person>& persons,
                                    const std::vector<std::string>& identifiers) {
  std::vector<const FieldInfo*> texts;
  for (const RecordField<ActivityData>& field : record_fields<ActivityData>())
    if (field.info.type == RecordFieldType::text && field.info.storage == FieldStorage::column)
      texts.push_back(&field.info);
  std::string columns, joined;
  for (const FieldInfo* text : texts) {
    columns += std::string(", a.") + std::string(text->sql.column);
    joined += (joined.empty() ? "coalesce(a." : " || ' ' || coalesce(a.") + std::string(text->sql.column) + ", '')";
  }
  auto rows = session.prepare(
      "SELECT a.id, a.contact_id IN (SELECT value FROM json_each(?1)) OR a.lead_id IN (SELECT value FROM "
      "json_each(?2))" + columns + " FROM main.activities a WHERE a.contact_id IN (SELECT value FROM json_each(?1)) "
      "OR a.lead_id IN (SELECT value FROM json_each(?2)) OR EXISTS (SELECT 1 FROM json_each(?3) i WHERE instr(lower(" +
      joined + "), i.value) > 0) ORDER BY a.id");
  rows->bind(1, json_array(ids_of(persons, RecordKind::contact)));
  rows->bind(2, json_array(ids_of(persons, RecordKind::lead)));
  rows->bind(3, json_array(identifiers));
  struct Rewrite {
    std::int64_t id;
    std::vector<std::pair<std::string, std::optional<std::string>>> columns;
  };
  std::vector<Rewrite> rewrites;
  ScrubbedActivities scrubbed;
  while (rows->executeStep()) {
    Rewrite rewrite{rows->getColumn(0).getInt64(), {}};
    const bool about_them = rows->getColumn(1).getInt() != 0;
    if (about_them) scrubbed.about_them.emplace_back(RecordKind::activity, rewrite.id);
    for (std::size_t i = 0; i < texts.size(); ++i) {
      const SQLite::Column value = rows->getColumn(static_cast<int>(i + 2));
      if (value.isNull()) continue;
      const std::string text = value.getString();
      if (text.empty()) continue;
      const FieldInfo& field = *texts[i];
      const bool holds = detail::holds_identifier(text, identifiers);
      if (field.has(FieldRole::personal)) {
        if (!about_them && !holds) continue;
        rewrite.columns.emplace_back(field.sql.column, field.sql.not_null ? std::optional<std::string>("")
                                                                          : std::nullopt);
        for (std::string_view derived : {field.sql.compare, field.sql.key_column})
          if (!derived.empty() && derived != field.sql.column) rewrite.columns.emplace_back(derived, std::nullopt);
        continue;
      }
      if (!holds) continue;
      std::string scrubbed = detail::without_identifiers(text, identifiers);
      if (!field.sql.key_column.empty()) rewrite.columns.emplace_back(field.sql.key_column, detail::match_key(scrubbed));
      rewrite.columns.emplace_back(field.sql.column, std::move(scrubbed));
    }
    if (!rewrite.columns.empty()) rewrites.push_back(std::move(rewrite));
  }
  rows->reset();
  const std::string now = format_instant(session.now());
  for (Rewrite& rewrite : rewrites) {
    std::sort(rewrite.columns.begin(), rewrite.columns.end());
    rewrite.columns.erase(std::unique(rewrite.columns.begin(), rewrite.columns.end(),
                                      [](const auto& a, const auto& b) { return a.first == b.first; }),
                          rewrite.columns.end());
    std::string sql = "UPDATE main.activities SET version = version + 1, updated_at = ?";
    for (const auto& column : rewrite.columns) sql += ", " + column.first + " = ?";
    auto update = session.prepare(sql + " WHERE id = ?");
    int index = 1;
    update->bind(index++, now);
    for (const auto& [column, value] : rewrite.columns) {
      if (value) update->bind(index++, *value);
      else update->bind(index++);
    }
    update->bind(index, rewrite.id);
    update->exec();
    update->reset();
  }
  scrubbed.changed = static_cast<std::int64_t>(rewrites.size());
  return scrubbed;
}

bool is_one_of(const std::vector<std::string_view>& names, const std::string& name) {
  return std::find(names.begin(), names.end(), name) != names.end();
}

// Every audit entry of `theirs` (the persons and the activities about them:
// their personal fields' values go) or holding one of the identifiers (taken
// out of the values; a personal field's value holding one goes). The entries
// stay. Returns how many changed.
std::int64_t scrub_audit(detail::Session& session, const std::vector<Person>& theirs,
                         const std::vector<std::string>& identifiers) {
  std::string sql = "SELECT seq, kind, record_id, changes FROM main.audit_log WHERE EXISTS (SELECT 1 FROM "
                    "json_each(?) i WHERE instr(lower(changes), i.value) > 0)";
  std::vector<std::string> id_lists;
  for (RecordKind kind : all_record_kinds()) {
    const std::vector<std::int64_t> ids = ids_of(theirs, kind);
    if (ids.empty()) continue;
    sql += " OR (kind = '" + std::string(record_kind_name(kind)) + "' AND record_id IN (SELECT value FROM json_each(?)))";
    id_lists.push_back(json_array(ids));
  }
  auto rows = session.prepare(sql + " ORDER BY seq");
  int index = 1;
  rows->bind(index++, json_array(identifiers));
  for (const std::string& ids : id_lists) rows->bind(index++, ids);
  std::vector<std::pair<std::int64_t, std::string>> rewrites;
  while (rows->executeStep()) {
    const RecordKind kind = *record_kind_from_name(rows->getColumn(1).getString());
    const Person record{kind, rows->getColumn(2).getInt64()};
    const bool of_them = std::find(theirs.begin(), theirs.end(), record) != theirs.end();
    const std::vector<std::string_view> personal = detail::erased_fields(kind);
    json changes = json::parse(rows->getColumn(3).getString(), nullptr, false);
    if (!changes.is_array()) continue;
    const json before = changes;
    for (json& change : changes) {
      if (!change.is_array() || change.size() != 3 || !change[0].is_string()) continue;
      const bool personal_field = is_one_of(personal, change[0].get<std::string>());
      for (std::size_t i = 1; i < 3; ++i) {
        if (!change[i].is_string()) continue;
        const std::string& text = change[i].get_ref<const std::string&>();
        const bool holds = detail::holds_identifier(text, identifiers);
        if (personal_field && (of_them || holds)) change[i] = nullptr;
        else if (holds) change[i] = detail::without_identifiers(text, identifiers);
      }
    }
    if (changes != before) rewrites.emplace_back(rows->getColumn(0).getInt64(), changes.dump());
  }
  rows->reset();
  auto update = session.prepare("UPDATE main.audit_log SET changes = ? WHERE seq = ?");
  for (const auto& [seq, changes] : rewrites) {
    update->bind(1, changes);
    update->bind(2, seq);
    update->exec();
    update->reset();
  }
  return static_cast<std::int64_t>(rewrites.size());
}

// The merge history rows of the persons (their snapshots lose the personal
// fields) or holding their identifiers (taken out). Returns how many changed.
std::int64_t scrub_merges(detail::Session& session, const std::vector<Person>& persons,
                          const std::vector<std::string>& identifiers) {
  auto rows = session.prepare(
      "SELECT id, record_kind, merged_record, choices, record_kind = 'contact' AND (survivor_id IN (SELECT value "
      "FROM json_each(?1)) OR merged_id IN (SELECT value FROM json_each(?1))) FROM main.merges WHERE "
      "(record_kind = 'contact' AND (survivor_id IN (SELECT value FROM json_each(?1)) OR merged_id IN (SELECT value "
      "FROM json_each(?1)))) OR EXISTS (SELECT 1 FROM json_each(?2) i WHERE instr(lower(merged_record || choices), "
      "i.value) > 0) ORDER BY id");
  rows->bind(1, json_array(ids_of(persons, RecordKind::contact)));
  rows->bind(2, json_array(identifiers));
  struct Rewrite {
    std::int64_t id;
    std::string record, choices;
  };
  std::vector<Rewrite> rewrites;
  while (rows->executeStep()) {
    const RecordKind kind = *record_kind_from_name(rows->getColumn(1).getString());
    const bool theirs = rows->getColumn(4).getInt() != 0;
    const std::vector<std::string_view> personal = theirs ? detail::erased_fields(kind) : std::vector<std::string_view>{};
    json record = json::parse(rows->getColumn(2).getString());
    json choices = json::parse(rows->getColumn(3).getString());
    detail::scrub_json(record, identifiers, personal);
    detail::scrub_json(choices, identifiers, {});
    rewrites.push_back({rows->getColumn(0).getInt64(), record.dump(), choices.dump()});
  }
  rows->reset();
  auto update = session.prepare("UPDATE main.merges SET merged_record = ?, choices = ? WHERE id = ?");
  for (const Rewrite& rewrite : rewrites) {
    update->bind(1, rewrite.record);
    update->bind(2, rewrite.choices);
    update->bind(3, rewrite.id);
    update->exec();
    update->reset();
  }
  return static_cast<std::int64_t>(rewrites.size());
}

// SQLite's secure_delete on for the erasure: the content it frees in the
// file is overwritten with zeros, not left in free pages.
class SecureDelete {
 public:
  explicit SecureDelete(detail::Session& session) : session_(session) {
    auto now = session_.prepare("PRAGMA secure_delete");
    now->executeStep();
    before_ = now->getColumn(0).getInt();
    now->reset();
    set(1);
  }
  SecureDelete(const SecureDelete&) = delete;
  SecureDelete& operator=(const SecureDelete&) = delete;
  ~SecureDelete() {
    try {
      set(before_);
    } catch (...) {  // the connection is closing or broken; the pragma dies with it
    }
  }

 private:
  void set(int value) {  // the pragma answers with the value it set
    auto pragma = session_.prepare("PRAGMA secure_delete = " + std::to_string(value));
    pragma->executeStep();
    pragma->reset();
  }

  detail::Session& session_;
  int before_ = 0;
};

}  // namespace

std::string erasure_report_json(const ErasureReport& report) {
  nlohmann::ordered_json out = nlohmann::ordered_json::object();
  out["persons"] = nlohmann::ordered_json::array();
  for (const auto& [kind, id] : report.persons)
    out["persons"].push_back({{"kind", std::string(record_kind_name(kind))}, {"id", id}});
  out["fields"] = report.fields;
  out["activities"] = report.activities;
  out["audit_entries"] = report.audit_entries;
  out["merges"] = report.merges;
  return out.dump();
}

ErasureReport Privacy::erase(RecordKind kind, std::int64_t record_id) {
  return detail::guarded([&] {
    detail::require_person_kind(kind);
    detail::require_action(session_, kind, Action::delete_);
    const SecureDelete secure(session_);
    detail::WriteScope scope(session_);
    const detail::AuditOperationScope naming(session_, audit_operation_name(AuditOperation::erase));
    ErasureReport report;
    report.persons = persons_of(session_, kind, record_id);
    PersonRecords records(session_);
    std::vector<std::string> identifiers;
    for (const Person& person : report.persons) {
      detail::require_no_legal_hold(session_, person.first, person.second);
      for (std::string& identifier : records.identifiers(person))  // not_found for a person the session does not read
        if (std::find(identifiers.begin(), identifiers.end(), identifier) == identifiers.end())
          identifiers.push_back(std::move(identifier));
    }
    std::set<std::string> fields;
    for (const Person& person : report.persons)
      for (std::string& field : records.erase(person, identifiers)) fields.insert(std::move(field));
    report.fields.assign(fields.begin(), fields.end());
    {
      const detail::CascadeWrites consequences(session_);
      ScrubbedActivities activities = scrub_activities(session_, report.persons, identifiers);
      report.activities = activities.changed;
      report.merges = scrub_merges(session_, report.persons, identifiers);
      std::vector<Person> theirs = report.persons;
      theirs.insert(theirs.end(), activities.about_them.begin(), activities.about_them.end());
      report.audit_entries = scrub_audit(session_, theirs, identifiers);
    }
    // the index without them: re-index what changed, then merge the index's
    // segments so that no older segment keeps their words
    detail::flush_search_queue(session_);
    session_.execute("INSERT INTO main.search_index (search_index) VALUES ('optimize')");
    scope.commit();
    return report;
  });
}

}  // namespace crm
