#include "io/date_order.hpp"

#include <array>
#include <cstring>
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

bool holds_slash_after_header(std::istream& in, std::istream::pos_type start) {
  std::array<char, 1 << 16> chunk;
  bool past_header = false;
  bool found = false;
  in.clear();
  in.seekg(start);
  while (!found && in) {
    in.read(chunk.data(), chunk.size());
    const std::size_t size = static_cast<std::size_t>(in.gcount());
    if (size == 0) break;
    const char* from = chunk.data();
    const char* end = chunk.data() + size;
    if (!past_header) {
      const void* line_end = std::memchr(from, '\n', size);
      if (!line_end) continue;
      past_header = true;
      from = static_cast<const char*>(line_end) + 1;
    }
    found = std::memchr(from, '/', static_cast<std::size_t>(end - from)) != nullptr;
  }
  in.clear();
  in.seekg(start);
  return found;
}

}  // namespace crm::detail
