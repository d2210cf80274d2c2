// Helpers for the descriptor tables of src/model/: role sets used by many
// fields, and how a stored struct's table is made from its data struct's.
#pragma once

#include <vector>

#include "crm/record_fields.hpp"

namespace crm::model {

/// Named by the segment language, sortable, a select() column.
inline constexpr FieldRoles kQuery = FieldRole::filter | FieldRole::sort | FieldRole::select;
/// Read by CSV import and written by export.
inline constexpr FieldRoles kCsv = FieldRole::csv_read | FieldRole::csv_write;
/// A field a caller sets, recorded when it changes.
inline constexpr FieldRoles kAudited = static_cast<FieldRoles>(FieldRole::audited);
/// A field the library maintains: read-only for callers.
inline constexpr FieldRoles kMaintained = static_cast<FieldRoles>(FieldRole::maintained);

/// Converts a field of `Data` to one of `Stored` (a struct derived from Data).
template <class Stored, class Data>
RecordField<Stored> widened(const RecordField<Data>& field) {
  return {field.info, std::visit([](auto pointer) -> FieldMember<Stored> { return pointer; }, field.member),
          field.address_part};
}

/// The table of a stored struct: `first` (its id), the fields of its data
/// struct, then `rest` (what the library maintains).
template <class Stored, class Data>
std::vector<RecordField<Stored>> stored_table(RecordField<Stored> first, const std::vector<RecordField<Data>>& data,
                                              std::vector<RecordField<Stored>> rest) {
  std::vector<RecordField<Stored>> fields{std::move(first)};
  for (const RecordField<Data>& field : data) fields.push_back(widened<Stored>(field));
  for (RecordField<Stored>& field : rest) fields.push_back(std::move(field));
  return fields;
}

/// The untyped infos of `fields`.
template <class Record>
std::vector<FieldInfo> infos(const std::vector<RecordField<Record>>& fields) {
  std::vector<FieldInfo> result;
  for (const RecordField<Record>& field : fields) result.push_back(field.info);
  return result;
}

/// The "version", "created_at", "updated_at" and "deleted_at" fields every
/// stored struct has; `select`: the kind has select().
template <class Stored>
std::vector<RecordField<Stored>> stamps(bool select = true) {
  using T = RecordFieldType;
  const FieldRoles queried = kQuery & (select ? ~0u : ~static_cast<FieldRoles>(FieldRole::select));
  const FieldRoles selected = select ? static_cast<FieldRoles>(FieldRole::select) : 0u;
  return {
      {{.name = "version", .type = T::integer, .roles = kMaintained | selected,
        .doc = "Incremented by every change; update() checks it.", .sql = {.column = "version"}},
       &Stored::version},
      {{.name = "created_at", .type = T::instant, .roles = kMaintained | queried | FieldRole::csv_read,
        .doc = "When created (UTC); an import may give it (an old CRM's history).",
        .csv = {{"created_at", {"CreatedDate", "Created Date", "Create Date", "Date Created", "Created On", "Created"},
                 CsvCell::value, false}},
        .sql = {.column = "created_at"}},
       &Stored::created_at},
      {{.name = "updated_at", .type = T::instant, .roles = kMaintained | queried | FieldRole::csv_read,
        .doc = "When last changed (UTC); an import may give it (an old CRM's history).",
        .csv = {{"updated_at", {"LastModifiedDate", "Last Modified Date", "Modified Date", "Last Modified",
                                "Date Modified", "Modified On", "Updated"},
                 CsvCell::value, false}},
        .sql = {.column = "updated_at"}},
       &Stored::updated_at},
      {{.name = "deleted_at", .type = T::instant, .roles = kMaintained | selected,
        .doc = "Set while soft-deleted.", .sql = {.column = "deleted_at"}},
       &Stored::deleted_at},
  };
}

/// The "id" field of a stored struct: its row id, the CSV "id" column;
/// `select`: the kind has select().
template <class Stored>
RecordField<Stored> id_field(std::string_view target, bool select = true) {
  const FieldRoles selected = select ? static_cast<FieldRoles>(FieldRole::select) : 0u;
  return {{.name = "id", .type = RecordFieldType::reference, .roles = kMaintained | FieldRole::key | selected | kCsv,
           .doc = "Row id.", .csv = {{"id", {}}}, .sql = {.column = "id"}, .target = target},
          &Stored::id};
}

}  // namespace crm::model
