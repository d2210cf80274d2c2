// The legal holds on persons (schema version 13's legal_holds table).
#pragma once

#include <cstdint>
#include <optional>

#include "crm/privacy.hpp"

namespace crm::detail {

class Session;

/// invalid_argument unless `kind` is a person's kind (contact or lead).
void require_person_kind(RecordKind kind);

/// The hold on the person `record_id` of `kind`, if one is placed.
std::optional<LegalHold> read_legal_hold(Session& session, RecordKind kind, std::int64_t record_id);

/// conflict, naming the person and the hold's reason, when one is placed.
void require_no_legal_hold(Session& session, RecordKind kind, std::int64_t record_id);

}  // namespace crm::detail
