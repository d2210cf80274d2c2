// Schema version 3: custom fields. Their definitions per record kind, and a
// `custom` column on accounts, contacts, leads, opportunities and activities
// holding the record's values as a JSON object keyed by field id (so that
// renaming a field touches no record):
//   text, choice, date ("YYYY-MM-DD"), decimal ("12.5")  -> JSON string
//   integer -> number, boolean -> true/false, money -> [minor_units, "EUR"],
//   choices -> array of strings.
// An indexed field has an expression index "custom_field_<id>_values" on its
// table. Frozen once released.
#pragma once

#include <string_view>

namespace crm::detail {

inline constexpr std::string_view kSchemaV3 = R"sql(
CREATE TABLE custom_fields (
  id            INTEGER PRIMARY KEY AUTOINCREMENT,  -- never reused: values are keyed by id
  record_kind   TEXT NOT NULL CHECK (record_kind IN ('account', 'contact', 'lead', 'opportunity', 'activity')),
  name          TEXT NOT NULL,
  name_key      TEXT NOT NULL,
  type          TEXT NOT NULL
                CHECK (type IN ('text', 'integer', 'decimal', 'money', 'date', 'boolean', 'choice', 'choices')),
  choices       TEXT CHECK (choices IS NULL OR json_valid(choices)),
  required      INTEGER NOT NULL DEFAULT 0 CHECK (required IN (0, 1)),
  default_value TEXT CHECK (default_value IS NULL OR json_valid(default_value)),
  indexed       INTEGER NOT NULL DEFAULT 0 CHECK (indexed IN (0, 1)),
  position      INTEGER NOT NULL,
  created_at    TEXT NOT NULL
);
CREATE UNIQUE INDEX custom_fields_name ON custom_fields(record_kind, name_key);

ALTER TABLE accounts ADD COLUMN custom TEXT CHECK (custom IS NULL OR json_valid(custom));
ALTER TABLE contacts ADD COLUMN custom TEXT CHECK (custom IS NULL OR json_valid(custom));
ALTER TABLE leads ADD COLUMN custom TEXT CHECK (custom IS NULL OR json_valid(custom));
ALTER TABLE opportunities ADD COLUMN custom TEXT CHECK (custom IS NULL OR json_valid(custom));
ALTER TABLE activities ADD COLUMN custom TEXT CHECK (custom IS NULL OR json_valid(custom));
)sql";

}  // namespace crm::detail
