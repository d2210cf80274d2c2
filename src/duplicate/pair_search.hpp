// Finding duplicate pairs among the stored records, and the stored records
// that new data would duplicate, in set-based SQL over the indexed keys.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "crm/duplicates.hpp"

namespace crm::detail {

class Session;

/// The values of one new record's keys: for each strong reason the values
/// as its key column holds them (folded emails, E.164 phones; registration
/// numbers and VAT ids raw, SQL folds them), match_key() of the name and
/// its latin_key() (its ASCII Latin spelling).
struct NewRecordKeys {
  std::map<DuplicateReason, std::vector<std::string>> values;
  std::string name_key;
  std::string latin_key;
};

/// Throws Error(invalid_argument) unless `query` has a limit of 1..100000
/// and a min_score of 1..100.
void check_duplicate_query(const DuplicateQuery& query);

/// Pairs of live records of `kind` (account or contact) sharing a key, best
/// score first, then by ids: those with a strong key scored and sorted in
/// SQL, then those that share only a name, by name. Inside a read.
std::vector<DuplicatePair> find_duplicate_pairs(Session& session, RecordKind kind, const DuplicateQuery& query);

/// The live records of `kind` sharing a key with `keys`, best score first,
/// then by id. Inside a read.
std::vector<DuplicateMatch> find_duplicate_matches(Session& session, RecordKind kind, const NewRecordKeys& keys,
                                                   const DuplicateQuery& query);

}  // namespace crm::detail
