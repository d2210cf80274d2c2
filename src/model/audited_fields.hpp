// What the audit trail records of each record kind, derived from the record
// descriptors: every field with the `audited` role, with where its value is
// stored (audit/audit_journal.cpp makes its triggers and reads its notes
// from this).
#pragma once

#include <string>
#include <vector>

#include "crm/record_fields.hpp"

namespace crm::model {

/// How the audit trail reads one audited field.
enum class AuditedShape {
  column,  ///< One column of the record's table.
  money,   ///< Two columns: the amount in minor units and its currency.
  parts,   ///< Several columns named after the field's column (a recurrence: recurrence_unit, ...).
  custom,  ///< The custom-values JSON column: one change per custom field.
  side,    ///< Rows of another table linked to the record: one change per row removed or added.
};

/// One audited field of a record kind.
struct AuditedField {
  const FieldInfo* info = nullptr;   ///< Its descriptor.
  std::string name{};                ///< Its name on every surface (an address part's own: "city").
  AuditedShape shape = AuditedShape::column;  ///< How it is stored.
  std::vector<std::string> columns{};  ///< column, money, custom: the record table's columns, in order.
  /// column: a table of names (stages, lead_sources) its id is shown by; "" otherwise.
  std::string name_table{};
  std::string side_table{};            ///< side: the linked table.
  std::string link{};                  ///< side: its column holding the record's id.
};

/// The audited fields of records of `kind`, in descriptor order. Computed
/// fields are audited through the stored field they come from (a deal's
/// probability override through `probability`), a whole address through
/// its parts.
const std::vector<AuditedField>& audited_fields(RecordKind kind);

}  // namespace crm::model
