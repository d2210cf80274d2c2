#include <algorithm>
#include <array>
#include <set>

#include "common/fields.hpp"
#include "crm/custom_field.hpp"
#include "crm/lead.hpp"
#include "crm/record_fields.hpp"
#include "crm/error.hpp"
#include "model/custom_field_store.hpp"
#include "query/catalog.hpp"
#include "query/parser.hpp"
#include "query/rename.hpp"
#include "storage/errors.hpp"
#include "storage/session.hpp"
#include "storage/sql_values.hpp"
#include "text/unicode.hpp"

namespace crm {
namespace {

using namespace detail;

[[noreturn]] void refuse(const std::string& field, const std::string& problem) {
  throw Error(ErrorCode::invalid_argument, field + ": " + problem, field);
}

// The columns select() reads on records of `kind` (activities have no select()).
std::vector<Column> selectable_columns(RecordKind kind) {
  switch (kind) {
    case RecordKind::account: return Accounts::selectable_columns();
    case RecordKind::contact: return Contacts::selectable_columns();
    case RecordKind::lead: return Leads::selectable_columns();
    case RecordKind::opportunity: return Opportunities::selectable_columns();
    case RecordKind::activity: break;
  }
  return {};
}

// Names a custom field cannot take on records of `kind`: every name of a
// built-in field (its member name, its segment-language name, its CSV
// columns and its id column), the columns of the kind's select(), the
// catalog's aggregates, the record kinds and the words of the segment language.
const std::set<std::string>& reserved_names(RecordKind kind) {
  // Words of the segment language beyond filter_keywords(), and the count every kind has.
  static const std::set<std::string> kWords = {"days", "activity_count"};
  // Words people use for a built-in field that are none of its names; on
  // activities also the names the other kinds' records all have built in.
  static const std::set<std::string> kByKind[] = {
      {}, {"name", "language"}, {"name"}, {}, {"due", "description", "external_ref", "tags"}};
  static const auto merged = [] {
    std::array<std::set<std::string>, 5> all;
    for (std::size_t i = 0; i < all.size(); ++i) {
      const auto of = static_cast<RecordKind>(i);
      all[i] = kWords;
      all[i].insert(kByKind[i].begin(), kByKind[i].end());
      for (const FieldInfo& field : record_fields(of)) {
        all[i].emplace(field.name);
        all[i].emplace(field.filter_field());
        for (const CsvColumn& column : field.csv) all[i].emplace(column.name);
        if (field.type == RecordFieldType::reference && field.storage == FieldStorage::column)
          all[i].emplace(field.sql.column);
        if (field.type == RecordFieldType::money) all[i].insert({std::string(field.sql.column), std::string(field.sql.currency)});
      }
      for (const Column& column : selectable_columns(of)) all[i].insert(column.name);
      for (const auto& field : builtin_fields(of)) all[i].insert(field.name);
      for (RecordKind other : {RecordKind::account, RecordKind::contact, RecordKind::lead, RecordKind::opportunity,
                               RecordKind::activity})
        all[i].emplace(record_kind_name(other));
      all[i].insert(filter_keywords().begin(), filter_keywords().end());
    }
    return all;
  }();
  return merged[static_cast<std::size_t>(kind)];
}

std::string checked_name(RecordKind kind, const std::string& name) {
  check_custom_field_name(name);
  if (reserved_names(kind).count(casefold(name)))
    refuse("custom_field.name", quote(name) + " is a built-in field or a word of the segment language on " +
                                    std::string(custom_table(kind)));
  return name;
}

std::vector<std::string> checked_choices(const CustomFieldData& data) {
  const bool has_choices = data.type == CustomFieldType::choice || data.type == CustomFieldType::choices;
  if (!has_choices) {
    if (!data.choices.empty()) refuse("custom_field.choices", "only choice and choices fields have choices");
    return {};
  }
  if (data.choices.empty()) refuse("custom_field.choices", "a choice field needs at least one choice");
  std::vector<std::string> choices;
  std::set<std::string> keys;
  for (std::size_t i = 0; i < data.choices.size(); ++i) {
    const std::string field = "custom_field.choices[" + std::to_string(i) + "]";
    std::string choice = require_line(data.choices[i], field);
    if (choice.find(';') != std::string::npos) refuse(field, quote(choice) + " contains ';', which separates choices");
    if (!keys.insert(match_key(choice)).second) refuse(field, quote(choice) + " is listed twice");
    choices.push_back(std::move(choice));
  }
  return choices;
}

// `data` checked for a field of `kind` with the given id (unset for a new one).
CustomField checked_field(RecordKind kind, const CustomFieldData& data, CustomFieldId id) {
  CustomField field;
  field.id = id;
  field.record_kind = kind;
  field.name = checked_name(kind, data.name);
  if (!custom_field_type_from_name(custom_field_type_name(data.type))) refuse("custom_field.type", "unknown type");
  field.type = data.type;
  field.choices = checked_choices(data);
  field.required = data.required;
  field.indexed = data.indexed;
  if (data.default_value && !is_empty_custom_value(*data.default_value))
    field.default_value = check_custom_value(field, *data.default_value, "custom_field.default_value");
  return field;
}

std::string index_name(CustomFieldId id) { return "custom_field_" + std::to_string(id.value()) + "_values"; }

void set_index(Session& session, const CustomField& field, bool wanted) {
  if (wanted)
    session.execute("CREATE INDEX IF NOT EXISTS main." + index_name(field.id) + " ON " +
                    std::string(custom_table(field.record_kind)) + " (" +
                    custom_value_sql(field, "") + ")");
  else
    session.execute("DROP INDEX IF EXISTS main." + index_name(field.id));
}

// How many records of the field's kind hold `choice`.
std::int64_t records_with_choice(Session& session, const CustomField& field, const std::string& choice) {
  const std::string table(custom_table(field.record_kind));
  const std::string path = "'$.\"" + std::to_string(field.id.value()) + "\"'";
  const std::string condition = field.type == CustomFieldType::choice
                                    ? "json_extract(custom, " + path + ") = ?"
                                    : "EXISTS (SELECT 1 FROM json_each(custom, " + path + ") WHERE value = ?)";
  auto statement = session.prepare("SELECT count(*) FROM " + table + " WHERE custom IS NOT NULL AND " + condition);
  statement->bind(1, choice);
  statement->executeStep();
  return statement->getColumn(0).getInt64();
}

void bind_field(SQLite::Statement& statement, const CustomField& field) {
  statement.bind(1, field.name);
  statement.bind(2, match_key(field.name));
  bind_text_or_null(statement, 3, field.choices.empty() ? std::string() : custom_value_json(CustomValue(field.choices)));
  statement.bind(4, field.required ? 1 : 0);
  bind_text_or_null(statement, 5, field.default_value ? custom_value_json(*field.default_value) : std::string());
  statement.bind(6, field.indexed ? 1 : 0);
}

void name_taken(RecordKind kind, const std::string& name) {
  throw Error(ErrorCode::already_exists,
              "custom_field.name: " + std::string(custom_table(kind)) + " already have a field " + quote(name),
              "custom_field.name");
}

// Saved dynamic segments name custom fields; a rename rewrites their filters.
void rename_in_segments(Session& session, RecordKind kind, const std::string& from, const std::string& to) {
  auto segments = session.prepare("SELECT id, record_kind, filter FROM segments WHERE kind = 'dynamic'");
  std::vector<std::pair<std::int64_t, std::string>> changed;
  while (segments->executeStep()) {
    const std::string text = segments->getColumn(2).getString();
    const RecordKind scope = *record_kind_from_name(segments->getColumn(1).getString());
    const Filter filter = Filter::parse(text);
    const Filter renamed = rename_field(filter, scope, kind, from, to);
    if (renamed.to_string() != filter.to_string()) changed.emplace_back(segments->getColumn(0).getInt64(), renamed.to_string());
  }
  auto update = session.prepare("UPDATE segments SET filter = ?, version = version + 1 WHERE id = ?");
  for (const auto& [id, text] : changed) {
    update->bind(1, text);
    update->bind(2, id);
    update->exec();
    update->reset();
  }
}

}  // namespace

CustomField CustomFields::define(RecordKind kind, const CustomFieldData& data) {
  return guarded([&] {
    if (!record_kind_from_name(record_kind_name(kind))) refuse("custom_field.record_kind", "unknown record kind");
    CustomField field = checked_field(kind, data, CustomFieldId());
    WriteScope scope(session_);
    auto insert = session_.prepare(
        "INSERT INTO custom_fields (name, name_key, choices, required, default_value, indexed, record_kind, type, "
        "position, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, "
        "(SELECT coalesce(max(position), 0) + 1 FROM custom_fields WHERE record_kind = ?7), ?)");
    bind_field(*insert, field);
    insert->bind(7, std::string(record_kind_name(kind)));
    insert->bind(8, std::string(custom_field_type_name(field.type)));
    insert->bind(9, format_instant(session_.now()));
    try {
      insert->exec();
    } catch (...) {
      if (is_unique_violation("custom_fields.name_key")) name_taken(kind, field.name);
      throw;
    }
    field.id = CustomFieldId(session_.last_insert_id());
    if (field.indexed) set_index(session_, field, true);
    session_.forget_cached_definitions();
    return scope.commit_returning([&] { return get(field.id); });
  });
}

CustomField CustomFields::get(CustomFieldId id) const {
  return guarded_read(session_, [&] {
    auto statement = session_.prepare(std::string("SELECT ") + kCustomFieldColumns + " FROM custom_fields WHERE id = ?");
    statement->bind(1, id.value());
    if (!statement->executeStep())
      throw Error(ErrorCode::not_found, "custom field " + std::to_string(id.value()) + " does not exist", "custom_field");
    return read_custom_field(*statement);
  });
}

std::optional<CustomField> CustomFields::find(RecordKind kind, std::string_view name) const {
  return guarded_read(session_, [&]() -> std::optional<CustomField> {
    const std::string key = match_key(name);
    for (CustomField& field : load_custom_fields(session_, kind))
      if (match_key(field.name) == key) return std::move(field);
    return std::nullopt;
  });
}

std::vector<CustomField> CustomFields::list(RecordKind kind) const {
  return guarded_read(session_, [&] { return load_custom_fields(session_, kind); });
}

CustomField CustomFields::update(CustomFieldId id, const CustomFieldData& data) {
  return guarded([&] {
    WriteScope scope(session_);
    const CustomField stored = get(id);
    if (data.type != stored.type)
      refuse("custom_field.type", "the type of " + quote(stored.name) + " is " +
                                      std::string(custom_field_type_name(stored.type)) + " and cannot change");
    const CustomField field = checked_field(stored.record_kind, data, id);
    for (const std::string& choice : stored.choices) {
      // Exact spelling: records store the choice as spelt, so a respelt choice is a dropped one.
      if (std::find(field.choices.begin(), field.choices.end(), choice) != field.choices.end()) continue;
      if (const std::int64_t used = records_with_choice(session_, stored, choice))
        throw Error(ErrorCode::conflict,
                    "custom_field.choices: " + quote(choice) + " is still chosen by " + std::to_string(used) + " " +
                        std::string(record_kind_name(stored.record_kind)) + (used == 1 ? "" : "s"),
                    "custom_field.choices");
    }
    auto update = session_.prepare(
        "UPDATE custom_fields SET name = ?, name_key = ?, choices = ?, required = ?, default_value = ?, indexed = ? "
        "WHERE id = ?");
    bind_field(*update, field);
    update->bind(7, id.value());
    try {
      update->exec();
    } catch (...) {
      if (is_unique_violation("custom_fields.name_key")) name_taken(stored.record_kind, field.name);
      throw;
    }
    if (field.indexed != stored.indexed) set_index(session_, field, field.indexed);
    if (field.name != stored.name) rename_in_segments(session_, stored.record_kind, stored.name, field.name);
    session_.forget_cached_definitions();
    return scope.commit_returning([&] { return get(id); });
  });
}

void CustomFields::remove(CustomFieldId id) {
  guarded([&] {
    WriteScope scope(session_);
    const CustomField field = get(id);
    set_index(session_, field, false);
    const std::string path = "'$.\"" + std::to_string(id.value()) + "\"'";
    session_.execute("UPDATE main." + std::string(custom_table(field.record_kind)) +
                     " SET custom = nullif(json_remove(custom, " + path + "), '{}') WHERE json_type(custom, " + path +
                     ") IS NOT NULL");
    auto erase = session_.prepare("DELETE FROM custom_fields WHERE id = ?");
    erase->bind(1, id.value());
    erase->exec();
    session_.forget_cached_definitions();
    scope.commit();
  });
}

}  // namespace crm
