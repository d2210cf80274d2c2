// Reading the records an export covers, a page at a time, as drafts.
#pragma once

#include <cstddef>
#include <vector>

#include "crm/list.hpp"
#include "io/record_columns.hpp"

namespace crm::detail {

class Session;

/// The records of one kind that a ListQuery selects, read page by page
/// through the kind's list() (keyset paging, in the query's order), so that
/// only one page is in memory at a time.
class ExportPages {
 public:
  /// Records per page.
  static constexpr std::size_t kPageSize = 500;

  /// Pages of the records of `kind` that `query` selects; its paging fields
  /// are replaced. `session` must outlive this object.
  ExportPages(Session& session, RecordKind kind, const ListQuery& query);

  /// The next page as drafts (data with links as ids, id, custom values;
  /// refs empty); an empty vector after the last page. Throws what the
  /// kind's list() throws (a bad filter, a segment of another kind, ...).
  std::vector<RecordDraft> next();

 private:
  /// The drafts of `page`; remembers where the next page starts.
  template <class Data, class Record>
  std::vector<RecordDraft> take(Page<Record> page);

  Session& session_;
  RecordKind kind_;
  ListQuery query_;
  bool done_ = false;
};

}  // namespace crm::detail
