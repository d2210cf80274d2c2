// Finding a store's live record by its external_ref, the one way every kind does it.
#pragma once

#include <optional>
#include <string>
#include <utility>

#include "common/fields.hpp"
#include "storage/record_table.hpp"

namespace crm::detail {

/// The live record of `table` whose external_ref is `external_ref` (cleaned
/// as it is stored: trimmed, NFC, at most kMaxExternalRefBytes), read with
/// `load(session, ids)`; nullopt when there is none. Run it in a read scope.
template <class Load>
auto find_live_by_external_ref(Session& session, const RecordTable& table, const std::string& external_ref,
                               Load load) {
  auto found = load(session, live_ids_where(session, table, "external_ref", clean_ref(external_ref, "external_ref")));
  using Record = typename decltype(found)::value_type;
  if (found.empty()) return std::optional<Record>();
  return std::optional<Record>(std::move(found.front()));
}

}  // namespace crm::detail
