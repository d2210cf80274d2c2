// Renaming a field inside filter trees, so that saved segments follow a
// renamed custom field.
#pragma once

#include <string_view>

#include "crm/custom_field.hpp"
#include "crm/filter.hpp"

namespace crm::detail {

/// `filter` over records of `scope` with every reference to the field `from`
/// (ignoring case) of records of `owner` renamed to `to`: plain names where
/// the scope is `owner`, "account.<from>" where it reaches accounts, and
/// names inside has ...(...) and activity_count(...) of the related kind.
Filter rename_field(const Filter& filter, RecordKind scope, RecordKind owner, std::string_view from,
                    std::string_view to);

}  // namespace crm::detail
