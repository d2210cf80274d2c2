// The text by which exported records name the records they link to: the
// export's side of what ReferenceResolver does on import.
#pragma once

#include <cstdint>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "io/record_columns.hpp"

namespace crm::detail {

class Session;

/// Fills RecordDraft::refs of exported records from the links (ids) in their
/// data: an account as its external_ref and name, a contact as its
/// external_ref and primary email, a deal as its external_ref and name, a
/// lead as its external_ref, a deal's pipeline, stage and lost reason by
/// name. Linked records are looked up a page at a time; soft-deleted ones are
/// named too. Reads only: use it inside the export's read snapshot.
class ReferenceNames {
 public:
  /// Works on `session`, which must outlive it.
  explicit ReferenceNames(Session& session) : session_(session) {}

  /// Sets the refs of every draft in `page` from its data's links.
  void fill(std::vector<RecordDraft>& page);

 private:
  /// A linked record's external_ref and its second name (name or email).
  using Names = std::unordered_map<std::int64_t, std::pair<std::string, std::string>>;

  /// The names of rows `ids` of `sql` ("SELECT id, ref, name ... json_each(?)").
  Names load(const char* sql, const std::vector<std::int64_t>& ids);
  /// The name of pipeline, stage and lost reason ids (loaded once, all of them).
  const std::string& pipeline_name(std::int64_t id);
  const std::string& stage_name(std::int64_t id);
  const std::string& lost_reason_name(std::int64_t id);
  void load_pipelines();

  Session& session_;
  bool pipelines_loaded_ = false;
  std::unordered_map<std::int64_t, std::string> pipelines_, stages_, lost_reasons_;
};

}  // namespace crm::detail
