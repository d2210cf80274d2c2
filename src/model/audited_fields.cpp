#include "model/audited_fields.hpp"

#include <array>

namespace crm::model {
namespace {

// True when the field refers to a record (an account, a contact), which the
// trail shows by id, rather than to a named row (a stage, a lead source).
bool refers_to_record(const FieldInfo& info) {
  return info.type == RecordFieldType::reference && record_kind_from_name(info.target).has_value();
}

AuditedField audited_field(const FieldInfo& info, std::string_view name) {
  AuditedField field{&info, std::string(name)};
  switch (info.storage) {
    case FieldStorage::side_table:
      field.shape = AuditedShape::side;
      field.side_table = info.sql.table;
      field.link = info.sql.link;
      break;
    case FieldStorage::custom_json:
      field.shape = AuditedShape::custom;
      field.columns = {std::string(info.sql.column)};
      break;
    default:
      field.columns = {std::string(info.sql.column)};
      if (info.type == RecordFieldType::recurrence) {
        // how a recurrence is stored: one column per part of crm::Recurrence
        field.shape = AuditedShape::parts;
        const std::string prefix(info.sql.column);
        field.columns = {prefix + "_unit", prefix + "_interval", prefix + "_business", prefix + "_calendar"};
      } else if (info.type == RecordFieldType::money) {
        field.shape = AuditedShape::money;
        field.columns.emplace_back(info.sql.currency);
      } else if (!info.sql.table.empty() && !refers_to_record(info)) {
        field.name_table = info.sql.table;
      }
  }
  return field;
}

template <class Stored>
std::vector<AuditedField> derive() {
  std::vector<AuditedField> fields;
  for (const RecordField<Stored>& field : record_fields<Stored>()) {
    const FieldInfo& info = field.info;
    if (info.has(FieldRole::audited) && info.storage != FieldStorage::computed &&
        !(info.storage == FieldStorage::column && info.sql.column.empty()))  // an address: through its parts
      fields.push_back(audited_field(info, surface_field_name(field)));
  }
  return fields;
}

std::vector<AuditedField> derive(RecordKind kind) {
  switch (kind) {
    case RecordKind::account: return derive<Account>();
    case RecordKind::contact: return derive<Contact>();
    case RecordKind::lead: return derive<Lead>();
    case RecordKind::opportunity: return derive<Opportunity>();
    case RecordKind::activity: return derive<Activity>();
  }
  return {};
}

}  // namespace

const std::vector<AuditedField>& audited_fields(RecordKind kind) {
  static const auto fields = [] {
    std::array<std::vector<AuditedField>, 5> all;
    for (RecordKind each : all_record_kinds()) all[static_cast<std::size_t>(each)] = derive(each);
    return all;
  }();
  return fields[static_cast<std::size_t>(kind)];
}

}  // namespace crm::model
