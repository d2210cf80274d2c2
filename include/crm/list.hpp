// crmcore: paging, sorting and filtering of record lists.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

namespace crm {

/// Which records a list shows with respect to soft deletion.
enum class DeletedFilter {
  exclude,  ///< Only live records (the default).
  include,  ///< Live and soft-deleted records.
  only,     ///< Only soft-deleted records (the recycle bin).
};

/// The order of a list. Ties are broken by id, so the order is total.
enum class SortBy {
  name,        ///< Case- and diacritic-insensitive name (contacts: last, then first name).
  id,          ///< Creation order.
  updated_at,  ///< Time of the last change.
};

/// What to list and which page of it. Filters combine with "and".
struct ListQuery {
  std::string owner{};    ///< Only records of this owner (exact match); empty: any.
  std::string tag{};      ///< Only records with this tag (case-insensitive); empty: any.
  std::string country{};  ///< Only records in this ISO 3166-1 alpha-2 country; empty: any.
  DeletedFilter deleted = DeletedFilter::exclude;
  SortBy sort = SortBy::name;
  bool descending = false;
  /// Page size, 1 to 10000.
  std::size_t limit = 100;
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
