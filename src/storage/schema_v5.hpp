// Schema version 5: full-text search over accounts, contacts, leads, deals
// (opportunities) and activities. Frozen once released.
//
// search_index is an FTS5 table (tokenizer unicode61 with diacritics removed,
// so "berzina" matches "Bērziņa" and "КОВАЛЬЧУК" matches "Ковальчук") with
// one entry per live record. Its rowid, the entry, is the record's id * 8
// plus a code of its kind (1 account, 2 contact, 3 lead, 4 opportunity,
// 5 activity), so an entry is found, replaced and deleted by rowid. Columns:
//   kind, record_id  the record ('account', 'contact', ...), not searchable
//   title            the record's name (a deal's name, an activity's subject)
//   body             the other searchable fields, separated by " · "
// "ORDER BY rank" ranks by bm25 with the title weighted above the body.
//
// The views search_<kind>_documents say what each record contributes, and
// search_documents is all of them: search_index always equals it. Triggers
// on the record tables (and on contact_emails and contact_phones, which feed
// a contact's entry) keep it so on every write, by the library or by anyone
// with plain SQL: soft-deleted records have no entry, a restored one gets it
// back, purged ones lose it. Changes to fields that are not indexed do not
// touch the index. The triggers use only SQL built into SQLite.
//
// The triggers put the changed entries in search_queue, and while
// search_control.deferred is 0 each is re-indexed (and taken off the queue)
// at once. A writer of many rows sets deferred to 1 at the start of its
// transaction and back to 0 before it commits: the queued entries are then
// re-indexed together in one pass, which is several times faster (SQLite's
// FTS5 writes its pending index data to the file at every statement that
// follows a change to it; a contact with an email and a phone otherwise
// re-indexes three times). crmcore does this in every transaction it writes.
#pragma once

#include <string_view>

namespace crm::detail {

inline constexpr std::string_view kSchemaV5 = R"sql(
CREATE VIRTUAL TABLE search_index USING fts5(
  kind UNINDEXED, record_id UNINDEXED, title, body,
  tokenize = 'unicode61 remove_diacritics 2'
);
INSERT INTO search_index (search_index, rank) VALUES ('rank', 'bm25(0.0, 0.0, 10.0, 1.0)');

CREATE VIEW search_account_documents (entry, kind, record_id, title, body) AS
SELECT id * 8 + 1, 'account', id, name,
       substr(coalesce(' · ' || registration_number, '') || coalesce(' · ' || vat_id, '') ||
              coalesce(' · ' || email, '') || coalesce(' · ' || phone, '') || coalesce(' · ' || phone_e164, '') ||
              coalesce(' · ' || website, '') || coalesce(' · ' || city, '') || coalesce(' · ' || external_ref, ''), 4)
FROM accounts WHERE deleted_at IS NULL;

CREATE VIEW search_contact_documents (entry, kind, record_id, title, body) AS
SELECT id * 8 + 2, 'contact', id, trim(first_name || ' ' || last_name),
       substr(coalesce((SELECT ' · ' || group_concat(address, ' · ') FROM contact_emails e
                        WHERE e.contact_id = contacts.id), '') ||
              coalesce((SELECT ' · ' || group_concat(raw || CASE WHEN e164 = raw THEN '' ELSE ' ' || e164 END, ' · ')
                        FROM contact_phones p WHERE p.contact_id = contacts.id), '') ||
              coalesce(' · ' || job_title, '') || coalesce(' · ' || external_ref, ''), 4)
FROM contacts WHERE deleted_at IS NULL;

CREATE VIEW search_lead_documents (entry, kind, record_id, title, body) AS
SELECT id * 8 + 3, 'lead', id, coalesce(nullif(trim(first_name || ' ' || last_name), ''), company_name, ''),
       substr(coalesce(' · ' || company_name, '') || coalesce(' · ' || email, '') || coalesce(' · ' || phone, '') ||
              coalesce(' · ' || phone_e164, '') || coalesce(' · ' || external_ref, ''), 4)
FROM leads WHERE deleted_at IS NULL;

CREATE VIEW search_opportunity_documents (entry, kind, record_id, title, body) AS
SELECT id * 8 + 4, 'opportunity', id, name,
       substr(coalesce(' · ' || description, '') || coalesce(' · ' || external_ref, ''), 4)
FROM opportunities WHERE deleted_at IS NULL;

CREATE VIEW search_activity_documents (entry, kind, record_id, title, body) AS
SELECT id * 8 + 5, 'activity', id, subject, coalesce(body, '')
FROM activities WHERE deleted_at IS NULL;

CREATE VIEW search_documents AS
SELECT * FROM search_account_documents UNION ALL SELECT * FROM search_contact_documents
UNION ALL SELECT * FROM search_lead_documents UNION ALL SELECT * FROM search_opportunity_documents
UNION ALL SELECT * FROM search_activity_documents;

CREATE TABLE search_queue (entry INTEGER PRIMARY KEY);
CREATE TABLE search_control (
  id       INTEGER PRIMARY KEY CHECK (id = 1),
  deferred INTEGER NOT NULL CHECK (deferred IN (0, 1))
);
INSERT INTO search_control (id, deferred) VALUES (1, 0);

CREATE TRIGGER search_queue_apply AFTER INSERT ON search_queue
WHEN (SELECT deferred FROM search_control WHERE id = 1) = 0 BEGIN
  DELETE FROM search_index WHERE rowid = NEW.entry;
  INSERT INTO search_index (rowid, kind, record_id, title, body)
    SELECT * FROM search_documents
    WHERE kind = CASE NEW.entry & 7 WHEN 1 THEN 'account' WHEN 2 THEN 'contact' WHEN 3 THEN 'lead'
                                    WHEN 4 THEN 'opportunity' WHEN 5 THEN 'activity' END
      AND record_id = NEW.entry >> 3;
  DELETE FROM search_queue WHERE entry = NEW.entry;
END;

CREATE TRIGGER search_control_resume AFTER UPDATE OF deferred ON search_control
WHEN OLD.deferred = 1 AND NEW.deferred = 0 AND EXISTS (SELECT 1 FROM search_queue) BEGIN
  DELETE FROM search_index WHERE rowid IN (SELECT entry FROM search_queue);
  INSERT INTO search_index (rowid, kind, record_id, title, body) SELECT * FROM search_account_documents
    WHERE record_id IN (SELECT entry >> 3 FROM search_queue WHERE entry & 7 = 1);
  INSERT INTO search_index (rowid, kind, record_id, title, body) SELECT * FROM search_contact_documents
    WHERE record_id IN (SELECT entry >> 3 FROM search_queue WHERE entry & 7 = 2);
  INSERT INTO search_index (rowid, kind, record_id, title, body) SELECT * FROM search_lead_documents
    WHERE record_id IN (SELECT entry >> 3 FROM search_queue WHERE entry & 7 = 3);
  INSERT INTO search_index (rowid, kind, record_id, title, body) SELECT * FROM search_opportunity_documents
    WHERE record_id IN (SELECT entry >> 3 FROM search_queue WHERE entry & 7 = 4);
  INSERT INTO search_index (rowid, kind, record_id, title, body) SELECT * FROM search_activity_documents
    WHERE record_id IN (SELECT entry >> 3 FROM search_queue WHERE entry & 7 = 5);
  DELETE FROM search_queue;
END;

CREATE TRIGGER search_accounts_insert AFTER INSERT ON accounts WHEN NEW.deleted_at IS NULL BEGIN
  INSERT OR IGNORE INTO search_queue (entry) VALUES (NEW.id * 8 + 1);
END;
CREATE TRIGGER search_accounts_update
AFTER UPDATE OF id, name, registration_number, vat_id, email, phone, phone_e164, website, city, external_ref,
                deleted_at ON accounts
WHEN OLD.id IS NOT NEW.id OR OLD.name IS NOT NEW.name OR OLD.registration_number IS NOT NEW.registration_number
  OR OLD.vat_id IS NOT NEW.vat_id OR OLD.email IS NOT NEW.email OR OLD.phone IS NOT NEW.phone
  OR OLD.phone_e164 IS NOT NEW.phone_e164 OR OLD.website IS NOT NEW.website OR OLD.city IS NOT NEW.city
  OR OLD.external_ref IS NOT NEW.external_ref OR (OLD.deleted_at IS NULL) <> (NEW.deleted_at IS NULL)
BEGIN
  INSERT OR IGNORE INTO search_queue (entry) SELECT OLD.id * 8 + 1 UNION SELECT NEW.id * 8 + 1;
END;
CREATE TRIGGER search_accounts_delete AFTER DELETE ON accounts WHEN OLD.deleted_at IS NULL BEGIN
  INSERT OR IGNORE INTO search_queue (entry) VALUES (OLD.id * 8 + 1);
END;

CREATE TRIGGER search_contacts_insert AFTER INSERT ON contacts WHEN NEW.deleted_at IS NULL BEGIN
  INSERT OR IGNORE INTO search_queue (entry) VALUES (NEW.id * 8 + 2);
END;
CREATE TRIGGER search_contacts_update
AFTER UPDATE OF id, first_name, last_name, job_title, external_ref, deleted_at ON contacts
WHEN OLD.id IS NOT NEW.id OR OLD.first_name IS NOT NEW.first_name OR OLD.last_name IS NOT NEW.last_name
  OR OLD.job_title IS NOT NEW.job_title OR OLD.external_ref IS NOT NEW.external_ref
  OR (OLD.deleted_at IS NULL) <> (NEW.deleted_at IS NULL)
BEGIN
  INSERT OR IGNORE INTO search_queue (entry) SELECT OLD.id * 8 + 2 UNION SELECT NEW.id * 8 + 2;
END;
CREATE TRIGGER search_contacts_delete AFTER DELETE ON contacts WHEN OLD.deleted_at IS NULL BEGIN
  INSERT OR IGNORE INTO search_queue (entry) VALUES (OLD.id * 8 + 2);
END;

CREATE TRIGGER search_contact_emails_insert AFTER INSERT ON contact_emails BEGIN
  INSERT OR IGNORE INTO search_queue (entry) VALUES (NEW.contact_id * 8 + 2);
END;
CREATE TRIGGER search_contact_emails_update AFTER UPDATE OF contact_id, address ON contact_emails
WHEN OLD.contact_id IS NOT NEW.contact_id OR OLD.address IS NOT NEW.address BEGIN
  INSERT OR IGNORE INTO search_queue (entry) SELECT OLD.contact_id * 8 + 2 UNION SELECT NEW.contact_id * 8 + 2;
END;
CREATE TRIGGER search_contact_emails_delete AFTER DELETE ON contact_emails BEGIN
  INSERT OR IGNORE INTO search_queue (entry) VALUES (OLD.contact_id * 8 + 2);
END;

CREATE TRIGGER search_contact_phones_insert AFTER INSERT ON contact_phones BEGIN
  INSERT OR IGNORE INTO search_queue (entry) VALUES (NEW.contact_id * 8 + 2);
END;
CREATE TRIGGER search_contact_phones_update AFTER UPDATE OF contact_id, raw, e164 ON contact_phones
WHEN OLD.contact_id IS NOT NEW.contact_id OR OLD.raw IS NOT NEW.raw OR OLD.e164 IS NOT NEW.e164 BEGIN
  INSERT OR IGNORE INTO search_queue (entry) SELECT OLD.contact_id * 8 + 2 UNION SELECT NEW.contact_id * 8 + 2;
END;
CREATE TRIGGER search_contact_phones_delete AFTER DELETE ON contact_phones BEGIN
  INSERT OR IGNORE INTO search_queue (entry) VALUES (OLD.contact_id * 8 + 2);
END;

CREATE TRIGGER search_leads_insert AFTER INSERT ON leads WHEN NEW.deleted_at IS NULL BEGIN
  INSERT OR IGNORE INTO search_queue (entry) VALUES (NEW.id * 8 + 3);
END;
CREATE TRIGGER search_leads_update
AFTER UPDATE OF id, first_name, last_name, company_name, email, phone, phone_e164, external_ref, deleted_at ON leads
WHEN OLD.id IS NOT NEW.id OR OLD.first_name IS NOT NEW.first_name OR OLD.last_name IS NOT NEW.last_name
  OR OLD.company_name IS NOT NEW.company_name OR OLD.email IS NOT NEW.email OR OLD.phone IS NOT NEW.phone
  OR OLD.phone_e164 IS NOT NEW.phone_e164 OR OLD.external_ref IS NOT NEW.external_ref
  OR (OLD.deleted_at IS NULL) <> (NEW.deleted_at IS NULL)
BEGIN
  INSERT OR IGNORE INTO search_queue (entry) SELECT OLD.id * 8 + 3 UNION SELECT NEW.id * 8 + 3;
END;
CREATE TRIGGER search_leads_delete AFTER DELETE ON leads WHEN OLD.deleted_at IS NULL BEGIN
  INSERT OR IGNORE INTO search_queue (entry) VALUES (OLD.id * 8 + 3);
END;

CREATE TRIGGER search_opportunities_insert AFTER INSERT ON opportunities WHEN NEW.deleted_at IS NULL BEGIN
  INSERT OR IGNORE INTO search_queue (entry) VALUES (NEW.id * 8 + 4);
END;
CREATE TRIGGER search_opportunities_update
AFTER UPDATE OF id, name, description, external_ref, deleted_at ON opportunities
WHEN OLD.id IS NOT NEW.id OR OLD.name IS NOT NEW.name OR OLD.description IS NOT NEW.description
  OR OLD.external_ref IS NOT NEW.external_ref OR (OLD.deleted_at IS NULL) <> (NEW.deleted_at IS NULL)
BEGIN
  INSERT OR IGNORE INTO search_queue (entry) SELECT OLD.id * 8 + 4 UNION SELECT NEW.id * 8 + 4;
END;
CREATE TRIGGER search_opportunities_delete AFTER DELETE ON opportunities WHEN OLD.deleted_at IS NULL BEGIN
  INSERT OR IGNORE INTO search_queue (entry) VALUES (OLD.id * 8 + 4);
END;

CREATE TRIGGER search_activities_insert AFTER INSERT ON activities WHEN NEW.deleted_at IS NULL BEGIN
  INSERT OR IGNORE INTO search_queue (entry) VALUES (NEW.id * 8 + 5);
END;
CREATE TRIGGER search_activities_update AFTER UPDATE OF id, subject, body, deleted_at ON activities
WHEN OLD.id IS NOT NEW.id OR OLD.subject IS NOT NEW.subject OR OLD.body IS NOT NEW.body
  OR (OLD.deleted_at IS NULL) <> (NEW.deleted_at IS NULL)
BEGIN
  INSERT OR IGNORE INTO search_queue (entry) SELECT OLD.id * 8 + 5 UNION SELECT NEW.id * 8 + 5;
END;
CREATE TRIGGER search_activities_delete AFTER DELETE ON activities WHEN OLD.deleted_at IS NULL BEGIN
  INSERT OR IGNORE INTO search_queue (entry) VALUES (OLD.id * 8 + 5);
END;

INSERT INTO search_index (rowid, kind, record_id, title, body) SELECT * FROM search_documents;
)sql";

}  // namespace crm::detail
