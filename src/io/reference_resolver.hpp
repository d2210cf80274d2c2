// Turning the text by which an import row names other records (an account's
// external_ref or name, a contact's email, a stage's name) into their ids.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <unordered_map>
#include <utility>

#include "crm/pipeline.hpp"
#include "io/record_columns.hpp"

namespace crm::detail {

class Session;

/// Resolves RecordDraft::refs against the live records of one database,
/// remembering names and keys already found during the import.
class ReferenceResolver {
 public:
  explicit ReferenceResolver(Session& session) : session_(session) {}

  /// Sets the links of draft.data that draft.refs names (others are left as
  /// they are). Throws Error(invalid_argument) with field() = the import
  /// column ("account_ref", "account", "parent", "contact_email", "stage",
  /// ..., "who_ref", "what_ref") when nothing or more than one record
  /// answers to the text.
  void resolve(RecordDraft& draft);

 private:
  AccountId account(const RecordRefs& refs, const char* ref_column, const char* name_column);
  ContactId contact(const RecordRefs& refs);
  OpportunityId opportunity(const RecordRefs& refs);
  LeadId lead(const RecordRefs& refs);
  // who_ref (a contact or a lead) or what_ref (an account or a deal): the
  // one live record of the two kinds whose external_ref is `ref`, set on `activity`.
  void either(const std::string& ref, const char* column, RecordKind first, RecordKind second,
              ActivityData& activity);
  void place_in_pipeline(const RecordRefs& refs, OpportunityData& deal);
  // The pipeline named `name`; unnamed: `current` (a stored deal's), else the default one.
  const Pipeline& pipeline(const std::string& name, PipelineId current);
  // The one live row of `table` whose name_key is match_key(name).
  std::int64_t unique_by_name(const char* table, const std::string& name, const char* what, const char* column);

  Session& session_;
  std::unordered_map<std::string, std::int64_t> found_;  // "<kind>:<ref|name>:<text>" -> id
  std::unordered_map<std::string, std::pair<RecordKind, std::int64_t>> either_found_;  // "<column>:<ref>"
  std::map<std::string, Pipeline> pipelines_;           // by the name as written, "#id", or "" (default)
};

}  // namespace crm::detail
