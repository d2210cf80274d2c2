// Schema version 1: accounts and contacts with their emails, phones, tags,
// marketing consents and employment history. Frozen once released: later
// changes are new migrations, never edits here.
//
// Conventions an analyst reading the file with SQL can rely on: dates are
// 'YYYY-MM-DD' text, instants 'YYYY-MM-DDTHH:MM:SS.ffffffZ' (UTC), unset
// optional text is NULL, `*_key` columns hold case- and diacritic-folded
// copies for lookups, `deleted_at` marks soft-deleted rows.
#pragma once

#include <string_view>

namespace crm::detail {

inline constexpr std::string_view kSchemaV1 = R"sql(
CREATE TABLE crm_migrations (
  version    INTEGER PRIMARY KEY,
  summary    TEXT NOT NULL,
  applied_at TEXT NOT NULL
);

CREATE TABLE accounts (
  id                  INTEGER PRIMARY KEY,
  name                TEXT NOT NULL,
  name_key            TEXT NOT NULL,
  registration_number TEXT,
  vat_id              TEXT,
  industry            TEXT,
  website             TEXT,
  phone               TEXT,
  phone_e164          TEXT,
  email               TEXT,
  email_key           TEXT,
  street              TEXT,
  city                TEXT,
  postal_code         TEXT,
  region              TEXT,
  country             TEXT CHECK (country IS NULL OR length(country) = 2),
  parent_id           INTEGER REFERENCES accounts(id) ON DELETE SET NULL,
  owner               TEXT,
  lead_source         TEXT,
  external_ref        TEXT,
  description         TEXT,
  created_at          TEXT NOT NULL,
  updated_at          TEXT NOT NULL,
  deleted_at          TEXT,
  version             INTEGER NOT NULL DEFAULT 1
);
CREATE UNIQUE INDEX accounts_external_ref ON accounts(external_ref) WHERE external_ref IS NOT NULL;
CREATE INDEX accounts_name_key ON accounts(name_key);
CREATE INDEX accounts_updated_at ON accounts(updated_at);
CREATE INDEX accounts_email_key ON accounts(email_key) WHERE email_key IS NOT NULL;
CREATE INDEX accounts_phone_e164 ON accounts(phone_e164) WHERE phone_e164 IS NOT NULL;
CREATE INDEX accounts_owner ON accounts(owner) WHERE owner IS NOT NULL;
CREATE INDEX accounts_country ON accounts(country) WHERE country IS NOT NULL;
CREATE INDEX accounts_parent ON accounts(parent_id) WHERE parent_id IS NOT NULL;

CREATE TABLE account_tags (
  account_id INTEGER NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
  tag_key    TEXT NOT NULL,
  tag        TEXT NOT NULL,
  PRIMARY KEY (account_id, tag_key)
) WITHOUT ROWID;
CREATE INDEX account_tags_tag_key ON account_tags(tag_key);

CREATE TABLE contacts (
  id                 INTEGER PRIMARY KEY,
  first_name         TEXT NOT NULL DEFAULT '',
  last_name          TEXT NOT NULL,
  name_key           TEXT NOT NULL,
  job_title          TEXT,
  birthday           TEXT,
  preferred_language TEXT,
  country            TEXT CHECK (country IS NULL OR length(country) = 2),
  owner              TEXT,
  lead_source        TEXT,
  external_ref       TEXT,
  description        TEXT,
  created_at         TEXT NOT NULL,
  updated_at         TEXT NOT NULL,
  deleted_at         TEXT,
  version            INTEGER NOT NULL DEFAULT 1
);
CREATE UNIQUE INDEX contacts_external_ref ON contacts(external_ref) WHERE external_ref IS NOT NULL;
CREATE INDEX contacts_name_key ON contacts(name_key);
CREATE INDEX contacts_updated_at ON contacts(updated_at);
CREATE INDEX contacts_owner ON contacts(owner) WHERE owner IS NOT NULL;
CREATE INDEX contacts_country ON contacts(country) WHERE country IS NOT NULL;

CREATE TABLE contact_emails (
  contact_id  INTEGER NOT NULL REFERENCES contacts(id) ON DELETE CASCADE,
  position    INTEGER NOT NULL,
  address     TEXT NOT NULL,
  address_key TEXT NOT NULL,
  is_primary  INTEGER NOT NULL CHECK (is_primary IN (0, 1)),
  PRIMARY KEY (contact_id, position)
) WITHOUT ROWID;
CREATE INDEX contact_emails_address_key ON contact_emails(address_key);

CREATE TABLE contact_phones (
  contact_id INTEGER NOT NULL REFERENCES contacts(id) ON DELETE CASCADE,
  position   INTEGER NOT NULL,
  kind       TEXT NOT NULL CHECK (kind IN ('mobile', 'work', 'home', 'other')),
  raw        TEXT NOT NULL,
  e164       TEXT NOT NULL,
  PRIMARY KEY (contact_id, position)
) WITHOUT ROWID;
CREATE INDEX contact_phones_e164 ON contact_phones(e164);

CREATE TABLE contact_tags (
  contact_id INTEGER NOT NULL REFERENCES contacts(id) ON DELETE CASCADE,
  tag_key    TEXT NOT NULL,
  tag        TEXT NOT NULL,
  PRIMARY KEY (contact_id, tag_key)
) WITHOUT ROWID;
CREATE INDEX contact_tags_tag_key ON contact_tags(tag_key);

CREATE TABLE contact_consents (
  contact_id INTEGER NOT NULL REFERENCES contacts(id) ON DELETE CASCADE,
  channel    TEXT NOT NULL CHECK (channel IN ('email', 'phone', 'sms', 'post')),
  granted    INTEGER NOT NULL CHECK (granted IN (0, 1)),
  changed_at TEXT NOT NULL,
  PRIMARY KEY (contact_id, channel)
) WITHOUT ROWID;

CREATE TABLE employments (
  id         INTEGER PRIMARY KEY,
  contact_id INTEGER NOT NULL REFERENCES contacts(id) ON DELETE CASCADE,
  account_id INTEGER NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
  title      TEXT,
  started_on TEXT,
  ended_on   TEXT,
  CHECK (ended_on IS NULL OR started_on IS NULL OR ended_on >= started_on)
);
CREATE INDEX employments_contact ON employments(contact_id);
CREATE INDEX employments_account ON employments(account_id);
)sql";

}  // namespace crm::detail
