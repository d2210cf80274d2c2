// SQL that turns minor units into major units per currency.
#pragma once

#include <string>
#include <string_view>

namespace crm::detail {

/// "(CASE <currency_column> WHEN 'JPY' THEN 1 ... ELSE 100 END)": the number
/// of minor units in one major unit, for every currency not using two digits.
std::string minor_unit_divisor_sql(std::string_view currency_column);

}  // namespace crm::detail
