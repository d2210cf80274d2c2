// The notes the audit triggers leave for the journal: one row of the
// connection's temporary table `crm_audit_pending` per changed row, in the
// order the changes were made.
//
// A record row's note has `field` NULL and the audited columns' values in
// v0, v1, ...: for the record's columns in note_columns() order, the old
// value then the new one (NULL where there is none: a create's old, a
// purge's new). A side row's note (an email, a tag, an employment) names the
// field and holds the row as JSON text in side_old (removed) or side_new
// (added), and what it shows alone (its value column: an email's address)
// in shown_old or shown_new (NULL: the whole row).
#pragma once

#include <string>
#include <vector>

#include "crm/custom_field.hpp"
#include "model/audited_fields.hpp"
#include "storage/session.hpp"

namespace crm::detail {

/// The notes' table (temporary: the triggers name it unqualified, which
/// finds the temporary schema first).
inline constexpr const char* kAuditNotesTable = "crm_audit_pending";

/// Where one audited field stored in the record's own table sits in a note.
struct NoteColumns {
  const model::AuditedField* field = nullptr;  ///< The field.
  std::size_t index = 0;    ///< Its index in model::audited_fields(kind).
  std::size_t first = 0;    ///< Its first column's position among the record's noted columns.
};

/// The fields of `kind` stored in its own table, in note order.
const std::vector<NoteColumns>& note_columns(RecordKind kind);

/// How many record columns `kind`'s notes hold (two values each).
std::size_t noted_column_count(RecordKind kind);

/// The most values a note holds, over every kind (the v columns of the table).
std::size_t note_value_columns();

/// Creates the notes' table and the triggers of every record table and side
/// table of an audited field on `session` (temporary: this connection only).
void add_audit_triggers(Session& session);

}  // namespace crm::detail
