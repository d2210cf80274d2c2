// Duplicates and merging through the C ABI: pairs and matches on cursors,
// merges with field choices set on an options handle, the merge history.
#include "c_records.hpp"

using namespace crm::capi;

/// A pair of duplicates, or a match (second_id 0), on a cursor.
struct crm_duplicate {
  crm::DuplicatePair record;
  FormattedText formatted;
};

/// One merge of the history, on a cursor.
struct crm_merge {
  crm::MergeRecord record;
  FormattedText formatted;
};

/// The field choices of a merge.
struct crm_merge_options {
  crm::MergeChoices choices;
};

namespace {

// limit and min_score from C, where 0 means the default.
crm::DuplicateQuery duplicate_query(size_t limit, int min_score) {
  crm::DuplicateQuery query;
  if (limit != 0) query.limit = limit;
  if (min_score != 0) query.min_score = min_score;
  return query;
}

// Matches as pairs whose second record is none.
std::vector<crm::DuplicatePair> as_pairs(crm::RecordKind kind, std::vector<crm::DuplicateMatch> matches) {
  std::vector<crm::DuplicatePair> pairs;
  for (crm::DuplicateMatch& match : matches)
    pairs.push_back({kind, match.id, 0, match.score, std::move(match.reasons)});
  return pairs;
}

const crm::MergeChoices& choices_of(const crm_merge_options* options) {
  static const crm::MergeChoices none;
  return options ? options->choices : none;
}

// Hands a merged record to C as a new handle (out may be NULL to skip it).
template <class Handle>
crm_status give(decltype(Handle::record) record, Handle** out) {
  if (out) *out = new Handle{std::move(record), {}};
  return CRM_OK;
}

const char* kind_text(const FormattedText& formatted, crm::RecordKind kind) {
  return formatted.keep("record_kind", std::string(crm::record_kind_name(kind)));
}

}  // namespace

extern "C" {

crm_status crm_duplicate_find(crm_db* db, const char* record_kind, size_t limit, int min_score,
                              crm_cursor** out_cursor) {
  CRM_REQUIRE(out_cursor);
  *out_cursor = nullptr;
  CRM_REQUIRE(record_kind);
  CRM_WITH_DB(db, {
    const crm::RecordKind kind = record_kind_of(record_kind);
    *out_cursor = cursor_over<crm_duplicate>(db, database.duplicates().find(kind, duplicate_query(limit, min_score)));
    return CRM_OK;
  });
}

crm_status crm_duplicate_match_contact(crm_db* db, const crm_contact* data, size_t limit, int min_score,
                                       crm_cursor** out_cursor) {
  CRM_REQUIRE(out_cursor);
  *out_cursor = nullptr;
  CRM_REQUIRE(data);
  CRM_WITH_DB(db, {
    auto matches = database.duplicates().matches(data->record, duplicate_query(limit, min_score));
    *out_cursor = cursor_over<crm_duplicate>(db, as_pairs(crm::RecordKind::contact, std::move(matches)));
    return CRM_OK;
  });
}

crm_status crm_duplicate_match_account(crm_db* db, const crm_account* data, size_t limit, int min_score,
                                       crm_cursor** out_cursor) {
  CRM_REQUIRE(out_cursor);
  *out_cursor = nullptr;
  CRM_REQUIRE(data);
  CRM_WITH_DB(db, {
    auto matches = database.duplicates().matches(data->record, duplicate_query(limit, min_score));
    *out_cursor = cursor_over<crm_duplicate>(db, as_pairs(crm::RecordKind::account, std::move(matches)));
    return CRM_OK;
  });
}

crm_status crm_cursor_duplicate(const crm_cursor* cursor, const crm_duplicate** out_duplicate) {
  CRM_REQUIRE(cursor);
  CRM_REQUIRE(out_duplicate);
  return cursor_record(cursor, out_duplicate, __func__);
}

crm_status crm_duplicate_record_kind(const crm_duplicate* duplicate, const char** out_kind) {
  CRM_REQUIRE(duplicate);
  CRM_REQUIRE(out_kind);
  return guard([&] {
    *out_kind = kind_text(duplicate->formatted, duplicate->record.kind);
    return CRM_OK;
  });
}

crm_status crm_duplicate_ids(const crm_duplicate* duplicate, int64_t* out_first_id, int64_t* out_second_id) {
  CRM_REQUIRE(duplicate);
  CRM_REQUIRE(out_first_id);
  CRM_REQUIRE(out_second_id);
  *out_first_id = duplicate->record.first_id;
  *out_second_id = duplicate->record.second_id;
  return CRM_OK;
}

crm_status crm_duplicate_score(const crm_duplicate* duplicate, int* out_score) {
  CRM_REQUIRE(duplicate);
  CRM_REQUIRE(out_score);
  *out_score = duplicate->record.score;
  return CRM_OK;
}

crm_status crm_duplicate_reason_count(const crm_duplicate* duplicate, size_t* out_count) {
  CRM_REQUIRE(duplicate);
  CRM_REQUIRE(out_count);
  *out_count = duplicate->record.reasons.size();
  return CRM_OK;
}

crm_status crm_duplicate_reason(const crm_duplicate* duplicate, size_t index, const char** out_reason) {
  CRM_REQUIRE(duplicate);
  CRM_REQUIRE(out_reason);
  const crm::DuplicateReason* reason = nullptr;
  const crm_status status = element(duplicate->record.reasons, index, &reason, __func__);
  if (status == CRM_OK) *out_reason = crm::duplicate_reason_name(*reason).data();  // static, NUL-terminated
  return status;
}

crm_status crm_merge_options_new(crm_merge_options** out_options) {
  CRM_REQUIRE(out_options);
  *out_options = nullptr;
  return guard([&] {
    *out_options = new crm_merge_options{};
    return CRM_OK;
  });
}

void crm_merge_options_free(crm_merge_options* options) { delete options; }

crm_status crm_merge_options_take(crm_merge_options* options, const char* field, crm_merge_side side) {
  CRM_REQUIRE(options);
  CRM_REQUIRE(field);
  return guard([&] {
    require_utf8(field, "field");
    const int value = c_enum_value(side);
    if (value != CRM_MERGE_SURVIVOR && value != CRM_MERGE_OTHER)
      return fail(CRM_INVALID_ARGUMENT,
                  "crm_merge_options_take: side " + std::to_string(value) +
                      " is neither CRM_MERGE_SURVIVOR nor CRM_MERGE_OTHER",
                  "side");
    options->choices.fields[field] = value == CRM_MERGE_OTHER ? crm::MergeSide::other : crm::MergeSide::survivor;
    return CRM_OK;
  });
}

crm_status crm_contact_merge(crm_db* db, int64_t survivor_id, int64_t other_id, const crm_merge_options* options,
                             crm_contact** out_contact) {
  if (out_contact) *out_contact = nullptr;
  CRM_WITH_DB(db, {
    crm::Contact merged =
        database.duplicates().merge(crm::ContactId(survivor_id), crm::ContactId(other_id), choices_of(options));
    return give(std::move(merged), out_contact);
  });
}

crm_status crm_account_merge(crm_db* db, int64_t survivor_id, int64_t other_id, const crm_merge_options* options,
                             crm_account** out_account) {
  if (out_account) *out_account = nullptr;
  CRM_WITH_DB(db, {
    crm::Account merged =
        database.duplicates().merge(crm::AccountId(survivor_id), crm::AccountId(other_id), choices_of(options));
    return give(std::move(merged), out_account);
  });
}

crm_status crm_merge_history(crm_db* db, const char* record_kind, int64_t survivor_id, crm_cursor** out_cursor) {
  CRM_REQUIRE(out_cursor);
  *out_cursor = nullptr;
  CRM_REQUIRE(record_kind);
  CRM_WITH_DB(db, {
    const crm::RecordKind kind = record_kind_of(record_kind);
    *out_cursor = cursor_over<crm_merge>(db, database.duplicates().history(kind, survivor_id));
    return CRM_OK;
  });
}

crm_status crm_cursor_merge(const crm_cursor* cursor, const crm_merge** out_merge) {
  CRM_REQUIRE(cursor);
  CRM_REQUIRE(out_merge);
  return cursor_record(cursor, out_merge, __func__);
}

crm_status crm_merge_id(const crm_merge* merge, int64_t* out_id) {
  CRM_REQUIRE(merge);
  CRM_REQUIRE(out_id);
  *out_id = merge->record.id;
  return CRM_OK;
}

crm_status crm_merge_record_kind(const crm_merge* merge, const char** out_kind) {
  CRM_REQUIRE(merge);
  CRM_REQUIRE(out_kind);
  return guard([&] {
    *out_kind = kind_text(merge->formatted, merge->record.kind);
    return CRM_OK;
  });
}

crm_status crm_merge_ids(const crm_merge* merge, int64_t* out_survivor_id, int64_t* out_merged_id) {
  CRM_REQUIRE(merge);
  CRM_REQUIRE(out_survivor_id);
  CRM_REQUIRE(out_merged_id);
  *out_survivor_id = merge->record.survivor_id;
  *out_merged_id = merge->record.merged_id;
  return CRM_OK;
}

crm_status crm_merge_merged_at(const crm_merge* merge, const char** out_instant) {
  CRM_REQUIRE(merge);
  CRM_REQUIRE(out_instant);
  return guard([&] {
    *out_instant = merge->formatted.keep("merged_at", instant_text(merge->record.merged_at));
    return CRM_OK;
  });
}

crm_status crm_merge_merged_by(const crm_merge* merge, const char** out_user) {
  CRM_REQUIRE(merge);
  CRM_REQUIRE(out_user);
  *out_user = merge->record.merged_by.c_str();
  return CRM_OK;
}

crm_status crm_merge_choices(const crm_merge* merge, const char** out_json) {
  CRM_REQUIRE(merge);
  CRM_REQUIRE(out_json);
  *out_json = merge->record.choices_json.c_str();
  return CRM_OK;
}

crm_status crm_merge_merged_record(const crm_merge* merge, const char** out_json) {
  CRM_REQUIRE(merge);
  CRM_REQUIRE(out_json);
  *out_json = merge->record.merged_record_json.c_str();
  return CRM_OK;
}

}  // extern "C"
