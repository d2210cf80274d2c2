// Checking an import's options before any row is read.
#pragma once

#include "crm/import.hpp"

namespace crm::detail {

/// Throws Error(invalid_argument) naming the option when `options` cannot
/// work: an upsert key the kind does not have, a batch size out of range, a
/// delimiter other than ',', ';' or tab.
void check_import_options(const ImportOptions& options);

/// The import column the upsert key `key` of `kind` is read from
/// ("external_ref"; a contact's "emails" and "phones").
std::string key_column(RecordKind kind, ImportKey key);

}  // namespace crm::detail
