// Schema version 9: names as people type them on a Latin keyboard.
//
// Accounts, contacts and leads get `latin_key`: the ASCII Latin spelling of
// the text their name_key folds (text/latin_key.hpp: "Kozłowski" ->
// "kozlowski", "Müller" -> "mueller", "Иванов" -> "ivanov"), or NULL when it
// equals name_key (every ASCII name: they cost nothing). The library writes
// it with the names it is made from, so the update triggers of schema
// version 5, which watch the names, re-index it; a writer with plain SQL
// that leaves it NULL only loses these spellings. Duplicates compare names
// by name_key and by coalesce(latin_key, name_key).
//
// The search index gains the column `latin` (the record's latin_key; NULL
// for deals and activities), weighted as the title, so "kozlowski" finds
// Kozłowski, "mueller" Müller and "ivanov" Иванов. The index, its views and
// the two triggers that fill it are made again with the new column, and the
// index is rebuilt from the records. Frozen once released.
#pragma once

#include <string_view>

namespace crm::detail {

inline constexpr std::string_view kSchemaV9 = R"sql(
ALTER TABLE accounts ADD COLUMN latin_key TEXT;
ALTER TABLE contacts ADD COLUMN latin_key TEXT;
ALTER TABLE leads ADD COLUMN latin_key TEXT;
UPDATE accounts SET latin_key = nullif(crm_latin_key(name), '');
UPDATE contacts SET latin_key = nullif(crm_latin_key(last_name || ' ' || first_name), '');
UPDATE leads SET latin_key = nullif(crm_latin_key(last_name || ' ' || first_name || ' ' || coalesce(company_name, '')),
                                    '');
CREATE INDEX accounts_latin_key ON accounts(latin_key) WHERE latin_key IS NOT NULL;
CREATE INDEX contacts_latin_key ON contacts(latin_key) WHERE latin_key IS NOT NULL;

DROP TRIGGER search_queue_apply;
DROP TRIGGER search_control_resume;
DROP VIEW search_documents;
DROP VIEW search_account_documents;
DROP VIEW search_contact_documents;
DROP VIEW search_lead_documents;
DROP VIEW search_opportunity_documents;
DROP VIEW search_activity_documents;
DROP TABLE search_index;
DELETE FROM search_queue;

CREATE VIRTUAL TABLE search_index USING fts5(
  kind UNINDEXED, record_id UNINDEXED, title, body, latin,
  tokenize = 'unicode61 remove_diacritics 2'
);
INSERT INTO search_index (search_index, rank) VALUES ('rank', 'bm25(0.0, 0.0, 10.0, 1.0, 10.0)');

CREATE VIEW search_account_documents (entry, kind, record_id, title, body, latin) AS
SELECT id * 8 + 1, 'account', id, name,
       substr(coalesce(' · ' || registration_number, '') || coalesce(' · ' || vat_id, '') ||
              coalesce(' · ' || email, '') || coalesce(' · ' || phone, '') || coalesce(' · ' || phone_e164, '') ||
              coalesce(' · ' || website, '') || coalesce(' · ' || city, '') || coalesce(' · ' || external_ref, ''), 4),
       latin_key
FROM accounts WHERE deleted_at IS NULL;

CREATE VIEW search_contact_documents (entry, kind, record_id, title, body, latin) AS
SELECT id * 8 + 2, 'contact', id, trim(first_name || ' ' || last_name),
       substr(coalesce((SELECT ' · ' || group_concat(address, ' · ') FROM contact_emails e
                        WHERE e.contact_id = contacts.id), '') ||
              coalesce((SELECT ' · ' || group_concat(raw || CASE WHEN e164 = raw THEN '' ELSE ' ' || e164 END, ' · ')
                        FROM contact_phones p WHERE p.contact_id = contacts.id), '') ||
              coalesce(' · ' || job_title, '') || coalesce(' · ' || external_ref, ''), 4),
       latin_key
FROM contacts WHERE deleted_at IS NULL;

CREATE VIEW search_lead_documents (entry, kind, record_id, title, body, latin) AS
SELECT id * 8 + 3, 'lead', id, coalesce(nullif(trim(first_name || ' ' || last_name), ''), company_name, ''),
       substr(coalesce(' · ' || company_name, '') || coalesce(' · ' || email, '') || coalesce(' · ' || phone, '') ||
              coalesce(' · ' || phone_e164, '') || coalesce(' · ' || external_ref, ''), 4),
       latin_key
FROM leads WHERE deleted_at IS NULL;

CREATE VIEW search_opportunity_documents (entry, kind, record_id, title, body, latin) AS
SELECT id * 8 + 4, 'opportunity', id, name,
       substr(coalesce(' · ' || description, '') || coalesce(' · ' || external_ref, ''), 4), NULL
FROM opportunities WHERE deleted_at IS NULL;

CREATE VIEW search_activity_documents (entry, kind, record_id, title, body, latin) AS
SELECT id * 8 + 5, 'activity', id, subject, coalesce(body, ''), NULL
FROM activities WHERE deleted_at IS NULL;

CREATE VIEW search_documents AS
SELECT * FROM search_account_documents UNION ALL SELECT * FROM search_contact_documents
UNION ALL SELECT * FROM search_lead_documents UNION ALL SELECT * FROM search_opportunity_documents
UNION ALL SELECT * FROM search_activity_documents;

CREATE TRIGGER search_queue_apply AFTER INSERT ON search_queue
WHEN (SELECT deferred FROM search_control WHERE id = 1) = 0 BEGIN
  DELETE FROM search_index WHERE rowid = NEW.entry;
  INSERT INTO search_index (rowid, kind, record_id, title, body, latin)
    SELECT * FROM search_documents
    WHERE kind = CASE NEW.entry & 7 WHEN 1 THEN 'account' WHEN 2 THEN 'contact' WHEN 3 THEN 'lead'
                                    WHEN 4 THEN 'opportunity' WHEN 5 THEN 'activity' END
      AND record_id = NEW.entry >> 3;
  DELETE FROM search_queue WHERE entry = NEW.entry;
END;

CREATE TRIGGER search_control_resume AFTER UPDATE OF deferred ON search_control
WHEN OLD.deferred = 1 AND NEW.deferred = 0 AND EXISTS (SELECT 1 FROM search_queue) BEGIN
  DELETE FROM search_index WHERE rowid IN (SELECT entry FROM search_queue);
  INSERT INTO search_index (rowid, kind, record_id, title, body, latin) SELECT * FROM search_account_documents
    WHERE record_id IN (SELECT entry >> 3 FROM search_queue WHERE entry & 7 = 1);
  INSERT INTO search_index (rowid, kind, record_id, title, body, latin) SELECT * FROM search_contact_documents
    WHERE record_id IN (SELECT entry >> 3 FROM search_queue WHERE entry & 7 = 2);
  INSERT INTO search_index (rowid, kind, record_id, title, body, latin) SELECT * FROM search_lead_documents
    WHERE record_id IN (SELECT entry >> 3 FROM search_queue WHERE entry & 7 = 3);
  INSERT INTO search_index (rowid, kind, record_id, title, body, latin) SELECT * FROM search_opportunity_documents
    WHERE record_id IN (SELECT entry >> 3 FROM search_queue WHERE entry & 7 = 4);
  INSERT INTO search_index (rowid, kind, record_id, title, body, latin) SELECT * FROM search_activity_documents
    WHERE record_id IN (SELECT entry >> 3 FROM search_queue WHERE entry & 7 = 5);
  DELETE FROM search_queue;
END;

INSERT INTO search_index (rowid, kind, record_id, title, body, latin) SELECT * FROM search_documents;
)sql";

}  // namespace crm::detail
