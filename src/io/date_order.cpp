#include "io/date_order.hpp"

#include <optional>
#include <vector>

#include "io/cell_text.hpp"

namespace crm::detail {

bool decide_slash_dates(CsvReader& reader, RowMapper& mapper, DateOrder order) {
  const std::vector<ColumnBinding>& bindings = mapper.bindings();
  std::vector<std::size_t> undecided;
  for (std::size_t position = 0; position < bindings.size(); ++position) {
    if (!bindings[position].dated) continue;
    if (order == DateOrder::detect)
      undecided.push_back(position);
    else
      mapper.set_slash_dates(position, order == DateOrder::day_first ? SlashDates::day_first : SlashDates::month_first);
  }
  if (undecided.empty()) return false;
  CsvRecord record;
  while (!undecided.empty() && reader.next(record)) {
    if (!record.error.empty()) continue;  // the import reports it
    std::erase_if(undecided, [&](std::size_t position) {
      const std::size_t index = bindings[position].index;
      if (index >= record.fields.size()) return false;
      const std::optional<SlashDates> found = slash_order_of(record.fields[index]);
      if (found) mapper.set_slash_dates(position, *found);
      return found.has_value();
    });
  }
  return true;
}

}  // namespace crm::detail
