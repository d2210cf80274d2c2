// Schema version 4: saved segments. A dynamic segment keeps its filter text
// (the segment language) and is evaluated on each read; a static list keeps
// its members in segment_members (record ids of the segment's record kind;
// members whose record was purged are skipped on read). Frozen once released.
#pragma once

#include <string_view>

namespace crm::detail {

inline constexpr std::string_view kSchemaV4 = R"sql(
CREATE TABLE segments (
  id          INTEGER PRIMARY KEY AUTOINCREMENT,
  record_kind TEXT NOT NULL CHECK (record_kind IN ('account', 'contact', 'lead', 'opportunity', 'activity')),
  name        TEXT NOT NULL,
  name_key    TEXT NOT NULL,
  kind        TEXT NOT NULL CHECK (kind IN ('dynamic', 'list')),
  filter      TEXT,
  created_at  TEXT NOT NULL,
  updated_at  TEXT NOT NULL,
  version     INTEGER NOT NULL DEFAULT 1,
  CHECK ((kind = 'dynamic') = (filter IS NOT NULL)),
  UNIQUE (record_kind, name_key)
);

CREATE TABLE segment_members (
  segment_id INTEGER NOT NULL REFERENCES segments(id) ON DELETE CASCADE,
  record_id  INTEGER NOT NULL,
  added_at   TEXT NOT NULL,
  PRIMARY KEY (segment_id, record_id)
) WITHOUT ROWID;
)sql";

}  // namespace crm::detail
