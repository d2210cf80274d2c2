// The names of the list enumerations and the page-size rule (crm/list.hpp),
// shared by the C++ API, the C ABI, the Python module and the crm program.
#include "crm/list.hpp"

#include <string>

#include "common/enum_names.hpp"
#include "crm/error.hpp"

namespace crm {
namespace {

using detail::EnumName;

constexpr EnumName<DeletedFilter> kDeletedFilters[] = {
    {DeletedFilter::exclude, "exclude"}, {DeletedFilter::include, "include"}, {DeletedFilter::only, "only"}};
constexpr EnumName<SortBy> kSorts[] = {{SortBy::name, "name"}, {SortBy::id, "id"}, {SortBy::updated_at, "updated_at"}};

// "'a', 'b', 'c'": the names of `table`, for error messages.
template <class Enum, std::size_t N>
std::string quoted_names(const EnumName<Enum> (&table)[N]) {
  std::string text;
  for (const auto& [value, name] : table) text += (text.empty() ? "'" : ", '") + std::string(name) + "'";
  return text;
}

template <class Enum, std::size_t N>
Enum parse_name(const EnumName<Enum> (&table)[N], std::string_view name, const char* field) {
  if (const auto value = detail::from_name<Enum>(table, name)) return *value;
  throw Error(ErrorCode::invalid_argument,
              std::string(field) + ": '" + std::string(name) + "' is not one of " + quoted_names(table), field);
}

}  // namespace

std::string_view deleted_filter_name(DeletedFilter filter) noexcept {
  return detail::name_of<DeletedFilter>(kDeletedFilters, filter);
}
std::optional<DeletedFilter> deleted_filter_from_name(std::string_view name) noexcept {
  return detail::from_name<DeletedFilter>(kDeletedFilters, name);
}
DeletedFilter parse_deleted_filter(std::string_view name) { return parse_name(kDeletedFilters, name, "deleted"); }

std::string_view sort_by_name(SortBy sort) noexcept { return detail::name_of<SortBy>(kSorts, sort); }
std::optional<SortBy> sort_by_from_name(std::string_view name) noexcept {
  return detail::from_name<SortBy>(kSorts, name);
}
SortBy parse_sort_by(std::string_view name) { return parse_name(kSorts, name, "sort"); }

void check_page_size(std::int64_t page_size, std::string_view field) {
  if (page_size < 1 || page_size > static_cast<std::int64_t>(kMaxPageSize))
    throw Error(ErrorCode::invalid_argument,
                std::string(field) + ": " + std::to_string(page_size) + " is outside 1.." +
                    std::to_string(kMaxPageSize),
                std::string(field));
}

}  // namespace crm
