// Cursors over selected columns (crm_*_select()), shared by the record kinds
// and by saved segments.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "c_handles.hpp"

namespace crm::capi {

/// Reads one page of `columns` for `query` (Accounts::select(), ...).
using SelectPage =
    std::function<crm::TablePage(crm::Database&, const std::vector<std::string>& columns, const crm::ListQuery&)>;

/// A cursor over the rows `page` reads, page by page, of the comma-separated
/// `columns` (blanks around names ignored). Reads the first page now, so
/// that unknown columns and bad filters are reported by the call that makes
/// the cursor (throws crm::Error).
crm_cursor* select_cursor(const crm_db* owner, const char* columns, crm::ListQuery query, SelectPage page);

/// A cursor over the rows of `table`, which no connection backs: it stays
/// usable whatever becomes of the database it was read from.
crm_cursor* table_cursor(crm::Table table);

}  // namespace crm::capi
