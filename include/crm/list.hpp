// crmcore: paging, sorting and filtering of record lists.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "crm/ids.hpp"

namespace crm {

/// Which records a list shows with respect to soft deletion.
enum class DeletedFilter {
  exclude,  ///< Only live records (the default).
  include,  ///< Live and soft-deleted records.
  only,     ///< Only soft-deleted records (the recycle bin).
};

/// "exclude", "include" or "only": the name every surface (C, Python, the
/// crm program) uses for `filter`.
std::string_view deleted_filter_name(DeletedFilter filter) noexcept;
/// The filter named `name` (as deleted_filter_name() writes it), or nullopt.
std::optional<DeletedFilter> deleted_filter_from_name(std::string_view name) noexcept;
/// The filter named `name`; throws Error(invalid_argument) naming "deleted"
/// and listing the names when there is none.
DeletedFilter parse_deleted_filter(std::string_view name);

/// The order of a list. Ties are broken by id, so the order is total.
enum class SortBy {
  name,        ///< Case- and diacritic-insensitive name (contacts: last, then first name).
  id,          ///< Creation order.
  updated_at,  ///< Time of the last change.
};

/// "name", "id" or "updated_at": the name every surface uses for `sort`.
std::string_view sort_by_name(SortBy sort) noexcept;
/// The order named `name` (as sort_by_name() writes it), or nullopt.
std::optional<SortBy> sort_by_from_name(std::string_view name) noexcept;
/// The order named `name`; throws Error(invalid_argument) naming "sort" and
/// listing the names when there is none.
SortBy parse_sort_by(std::string_view name);

/// The page size of a list when none is given, on every surface.
inline constexpr std::size_t kDefaultPageSize = 100;
/// The largest page size a list accepts (the smallest is 1).
inline constexpr std::size_t kMaxPageSize = 10000;
/// Throws Error(invalid_argument) naming `field` unless `page_size` is
/// 1..kMaxPageSize. Every surface checks page sizes with it.
void check_page_size(std::int64_t page_size, std::string_view field = "page_size");

/// What to list and which page of it. Filters combine with "and".
struct ListQuery {
  std::string owner{};    ///< Only records of this owner (exact match); empty: any.
  std::string tag{};      ///< Only records with this tag (case-insensitive); empty: any.
  std::string country{};  ///< Only records in this ISO 3166-1 alpha-2 country; empty: any.
  /// Only records this segment-language filter selects, e.g.
  /// `country in ("LV", "LT") and tagged "vip"` (see crm/filter.hpp). Read
  /// when the list runs: bad text throws Error(parse_error) with its line,
  /// column and the nearest field names. Empty: any.
  std::string where{};
  /// Only members of this saved segment, which must be of the same record
  /// kind (invalid_argument otherwise; not_found when it does not exist).
  /// Unset: any.
  SegmentId segment{};
  DeletedFilter deleted = DeletedFilter::exclude;
  SortBy sort = SortBy::name;
  /// Sort by this field instead of `sort`: a custom field or a built-in
  /// field the segment language names on this record kind ("country",
  /// "last_activity_at"). Records without a value come first for text and
  /// dates, last for numbers. Throws invalid_argument for an unknown or
  /// multi-valued field. Empty: `sort` applies.
  std::string sort_field{};
  bool descending = false;
  /// Page size, 1 to kMaxPageSize (check_page_size()).
  std::size_t limit = kDefaultPageSize;
  /// Continue after the page that returned this token (Page::next). Stable
  /// under concurrent inserts, and fast at any depth. Empty: the first page.
  std::string after{};
  /// Skip this many records first; cannot be combined with `after`. Cost
  /// grows with the offset: prefer `after` for walking a long list.
  std::size_t offset = 0;
};

/// One page of a list.
template <class Record>
struct Page {
  /// The records of this page, in the requested order.
  std::vector<Record> items{};
  /// Token for ListQuery::after to fetch the following page; empty when this
  /// is the last page.
  std::string next{};
};

}  // namespace crm
