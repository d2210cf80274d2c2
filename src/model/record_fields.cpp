// The untyped view of the descriptor tables: every field of a stored record
// of each kind.
#include "crm/record_fields.hpp"

#include "model/field_table.hpp"

namespace crm {

const std::vector<FieldInfo>& record_fields(RecordKind kind) {
  static const std::vector<FieldInfo> all[] = {
      model::infos(record_fields<Account>()), model::infos(record_fields<Contact>()), model::infos(record_fields<Lead>()),
      model::infos(record_fields<Opportunity>()), model::infos(record_fields<Activity>())};
  return all[static_cast<std::size_t>(kind)];
}

const FieldInfo* find_record_field(RecordKind kind, std::string_view name) noexcept {
  for (const FieldInfo& field : record_fields(kind))
    if (field.name == name) return &field;
  return nullptr;
}

}  // namespace crm
