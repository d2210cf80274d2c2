// Schema version 6: merging duplicate accounts and contacts.
//
// `merges` keeps one row per merge: which record survived, which one was
// merged into it (and deleted for good), when and by whom, the field
// choices given ({"job_title": "other", ...}) and a JSON snapshot of the
// merged-away record as it was just before the merge. survivor_id and
// merged_id are plain ids, not foreign keys: the history outlives the
// merged record, and when a survivor is itself merged later its history
// moves on to the new survivor.
//
// Accounts get two generated lookup keys for finding duplicates: the
// registration number and the VAT id in lower case without spaces and
// punctuation ("LV 4000-300.0000" and "lv40003000000" share a key); empty
// keys are NULL. Frozen once released.
#pragma once

#include <string_view>

namespace crm::detail {

inline constexpr std::string_view kSchemaV6 = R"sql(
CREATE TABLE merges (
  id            INTEGER PRIMARY KEY,
  record_kind   TEXT NOT NULL CHECK (record_kind IN ('account', 'contact')),
  survivor_id   INTEGER NOT NULL,
  merged_id     INTEGER NOT NULL,
  merged_at     TEXT NOT NULL,
  merged_by     TEXT,
  choices       TEXT NOT NULL CHECK (json_valid(choices)),
  merged_record TEXT NOT NULL CHECK (json_valid(merged_record)),
  CHECK (survivor_id <> merged_id)
);
CREATE INDEX merges_survivor ON merges(record_kind, survivor_id);

ALTER TABLE accounts ADD COLUMN registration_key TEXT GENERATED ALWAYS AS (
  nullif(lower(replace(replace(replace(replace(replace(replace(replace(replace(
    registration_number, ' ', ''), char(160), ''), '-', ''), '.', ''), '/', ''), '_', ''), ',', ''), ':', '')), '')
) VIRTUAL;
ALTER TABLE accounts ADD COLUMN vat_key TEXT GENERATED ALWAYS AS (
  nullif(lower(replace(replace(replace(replace(replace(replace(replace(replace(
    vat_id, ' ', ''), char(160), ''), '-', ''), '.', ''), '/', ''), '_', ''), ',', ''), ':', '')), '')
) VIRTUAL;
CREATE INDEX accounts_registration_key ON accounts(registration_key) WHERE registration_key IS NOT NULL;
CREATE INDEX accounts_vat_key ON accounts(vat_key) WHERE vat_key IS NOT NULL;
)sql";

}  // namespace crm::detail
