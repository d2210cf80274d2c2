// Schema version 2: the sales pipeline and the history of every interaction.
// Pipelines and their stages, lost reasons, products, opportunities with
// contacts, line items, tags and stage history, leads, activities (calls,
// meetings, emails, tasks, notes, sms) with recurrence, and the holiday
// calendars business days are counted with. Frozen once released.
//
// Money is two columns: *_minor (integer minor units) and currency (ISO 4217).
// Stages are never deleted, only marked removed, so history keeps its names.
#pragma once

#include <string_view>

namespace crm::detail {

inline constexpr std::string_view kSchemaV2 = R"sql(
CREATE TABLE pipelines (
  id         INTEGER PRIMARY KEY,
  name       TEXT NOT NULL,
  name_key   TEXT NOT NULL UNIQUE,
  is_default INTEGER NOT NULL DEFAULT 0 CHECK (is_default IN (0, 1)),
  created_at TEXT NOT NULL
);
CREATE UNIQUE INDEX pipelines_one_default ON pipelines(is_default) WHERE is_default = 1;

CREATE TABLE stages (
  id          INTEGER PRIMARY KEY,
  pipeline_id INTEGER NOT NULL REFERENCES pipelines(id),
  name        TEXT NOT NULL,
  name_key    TEXT NOT NULL,
  position    INTEGER NOT NULL,
  probability INTEGER NOT NULL CHECK (probability BETWEEN 0 AND 100),
  kind        TEXT NOT NULL CHECK (kind IN ('open', 'won', 'lost')),
  removed_at  TEXT
);
CREATE UNIQUE INDEX stages_active_name ON stages(pipeline_id, name_key) WHERE removed_at IS NULL;
CREATE INDEX stages_pipeline ON stages(pipeline_id, position);

CREATE TABLE lost_reasons (
  id       INTEGER PRIMARY KEY,
  name     TEXT NOT NULL,
  name_key TEXT NOT NULL UNIQUE,
  active   INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1))
);

CREATE TABLE products (
  id               INTEGER PRIMARY KEY,
  sku              TEXT NOT NULL,
  sku_key          TEXT NOT NULL UNIQUE,
  name             TEXT NOT NULL,
  name_key         TEXT NOT NULL,
  list_price_minor INTEGER NOT NULL,
  currency         TEXT NOT NULL CHECK (length(currency) = 3),
  active           INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
  created_at       TEXT NOT NULL,
  updated_at       TEXT NOT NULL,
  version          INTEGER NOT NULL DEFAULT 1
);

CREATE TABLE opportunities (
  id                     INTEGER PRIMARY KEY,
  account_id             INTEGER NOT NULL REFERENCES accounts(id),
  primary_contact_id     INTEGER REFERENCES contacts(id) ON DELETE SET NULL,
  name                   TEXT NOT NULL,
  name_key               TEXT NOT NULL,
  amount_minor           INTEGER NOT NULL,
  currency               TEXT NOT NULL CHECK (length(currency) = 3),
  expected_close         TEXT,
  pipeline_id            INTEGER NOT NULL REFERENCES pipelines(id),
  stage_id               INTEGER NOT NULL REFERENCES stages(id),
  probability            INTEGER NOT NULL CHECK (probability BETWEEN 0 AND 100),
  probability_overridden INTEGER NOT NULL DEFAULT 0 CHECK (probability_overridden IN (0, 1)),
  closed_on              TEXT,
  lost_reason_id         INTEGER REFERENCES lost_reasons(id),
  owner                  TEXT,
  lead_source            TEXT,
  campaign               TEXT,
  next_step              TEXT,
  description            TEXT,
  external_ref           TEXT,
  created_at             TEXT NOT NULL,
  updated_at             TEXT NOT NULL,
  deleted_at             TEXT,
  version                INTEGER NOT NULL DEFAULT 1
);
CREATE UNIQUE INDEX opportunities_external_ref ON opportunities(external_ref) WHERE external_ref IS NOT NULL;
CREATE INDEX opportunities_account ON opportunities(account_id);
CREATE INDEX opportunities_stage ON opportunities(stage_id);
CREATE INDEX opportunities_name_key ON opportunities(name_key);
CREATE INDEX opportunities_updated_at ON opportunities(updated_at);
CREATE INDEX opportunities_owner ON opportunities(owner) WHERE owner IS NOT NULL;
CREATE INDEX opportunities_expected_close ON opportunities(expected_close);
CREATE INDEX opportunities_primary_contact ON opportunities(primary_contact_id) WHERE primary_contact_id IS NOT NULL;

CREATE TABLE opportunity_contacts (
  opportunity_id INTEGER NOT NULL REFERENCES opportunities(id) ON DELETE CASCADE,
  contact_id     INTEGER NOT NULL REFERENCES contacts(id) ON DELETE CASCADE,
  role           TEXT NOT NULL,
  PRIMARY KEY (opportunity_id, contact_id)
) WITHOUT ROWID;
CREATE INDEX opportunity_contacts_contact ON opportunity_contacts(contact_id);

CREATE TABLE opportunity_tags (
  opportunity_id INTEGER NOT NULL REFERENCES opportunities(id) ON DELETE CASCADE,
  tag_key        TEXT NOT NULL,
  tag            TEXT NOT NULL,
  PRIMARY KEY (opportunity_id, tag_key)
) WITHOUT ROWID;
CREATE INDEX opportunity_tags_tag_key ON opportunity_tags(tag_key);

CREATE TABLE line_items (
  opportunity_id   INTEGER NOT NULL REFERENCES opportunities(id) ON DELETE CASCADE,
  position         INTEGER NOT NULL,
  product_id       INTEGER NOT NULL REFERENCES products(id),
  quantity         INTEGER NOT NULL CHECK (quantity > 0),
  unit_price_minor INTEGER NOT NULL,
  discount_percent INTEGER NOT NULL DEFAULT 0 CHECK (discount_percent BETWEEN 0 AND 100),
  total_minor      INTEGER NOT NULL,
  PRIMARY KEY (opportunity_id, position)
) WITHOUT ROWID;
CREATE INDEX line_items_product ON line_items(product_id);

CREATE TABLE stage_changes (
  id             INTEGER PRIMARY KEY,
  opportunity_id INTEGER NOT NULL REFERENCES opportunities(id) ON DELETE CASCADE,
  from_stage_id  INTEGER REFERENCES stages(id),
  to_stage_id    INTEGER NOT NULL REFERENCES stages(id),
  changed_at     TEXT NOT NULL,
  changed_by     TEXT,
  amount_minor   INTEGER NOT NULL,
  currency       TEXT NOT NULL,
  probability    INTEGER NOT NULL,
  lost_reason_id INTEGER REFERENCES lost_reasons(id)
);
CREATE INDEX stage_changes_opportunity ON stage_changes(opportunity_id, changed_at);

CREATE TABLE leads (
  id                       INTEGER PRIMARY KEY,
  first_name               TEXT NOT NULL DEFAULT '',
  last_name                TEXT NOT NULL DEFAULT '',
  company_name             TEXT,
  name_key                 TEXT NOT NULL,
  email                    TEXT,
  email_key                TEXT,
  phone                    TEXT,
  phone_e164               TEXT,
  source                   TEXT,
  status                   TEXT NOT NULL CHECK (status IN ('new', 'contacted', 'qualified', 'disqualified')),
  disqualified_reason      TEXT,
  country                  TEXT CHECK (country IS NULL OR length(country) = 2),
  owner                    TEXT,
  external_ref             TEXT,
  description              TEXT,
  converted_at             TEXT,
  converted_account_id     INTEGER REFERENCES accounts(id) ON DELETE SET NULL,
  converted_contact_id     INTEGER REFERENCES contacts(id) ON DELETE SET NULL,
  converted_opportunity_id INTEGER REFERENCES opportunities(id) ON DELETE SET NULL,
  created_at               TEXT NOT NULL,
  updated_at               TEXT NOT NULL,
  deleted_at               TEXT,
  version                  INTEGER NOT NULL DEFAULT 1
);
CREATE UNIQUE INDEX leads_external_ref ON leads(external_ref) WHERE external_ref IS NOT NULL;
CREATE INDEX leads_name_key ON leads(name_key);
CREATE INDEX leads_updated_at ON leads(updated_at);
CREATE INDEX leads_email_key ON leads(email_key) WHERE email_key IS NOT NULL;
CREATE INDEX leads_phone_e164 ON leads(phone_e164) WHERE phone_e164 IS NOT NULL;
CREATE INDEX leads_owner ON leads(owner) WHERE owner IS NOT NULL;

CREATE TABLE lead_tags (
  lead_id INTEGER NOT NULL REFERENCES leads(id) ON DELETE CASCADE,
  tag_key TEXT NOT NULL,
  tag     TEXT NOT NULL,
  PRIMARY KEY (lead_id, tag_key)
) WITHOUT ROWID;
CREATE INDEX lead_tags_tag_key ON lead_tags(tag_key);

CREATE TABLE activities (
  id                  INTEGER PRIMARY KEY,
  kind                TEXT NOT NULL CHECK (kind IN ('call', 'meeting', 'email', 'task', 'note', 'sms')),
  subject             TEXT NOT NULL DEFAULT '',
  subject_key         TEXT NOT NULL DEFAULT '',
  body                TEXT,
  status              TEXT NOT NULL CHECK (status IN ('planned', 'done', 'cancelled')),
  starts_at           TEXT NOT NULL,
  duration_seconds    INTEGER NOT NULL DEFAULT 0 CHECK (duration_seconds >= 0),
  direction           TEXT CHECK (direction IN ('inbound', 'outbound')),
  outcome             TEXT,
  phone               TEXT,
  phone_e164          TEXT,
  email               TEXT,
  owner               TEXT,
  reminder_at         TEXT,
  recurrence_unit     TEXT CHECK (recurrence_unit IN ('day', 'week', 'month')),
  recurrence_interval INTEGER CHECK (recurrence_interval IS NULL OR recurrence_interval >= 1),
  recurrence_business INTEGER NOT NULL DEFAULT 0 CHECK (recurrence_business IN (0, 1)),
  recurrence_calendar TEXT,
  previous_id         INTEGER REFERENCES activities(id) ON DELETE SET NULL,
  completed_at        TEXT,
  account_id          INTEGER REFERENCES accounts(id) ON DELETE CASCADE,
  contact_id          INTEGER REFERENCES contacts(id) ON DELETE CASCADE,
  opportunity_id      INTEGER REFERENCES opportunities(id) ON DELETE CASCADE,
  lead_id             INTEGER REFERENCES leads(id) ON DELETE CASCADE,
  created_at          TEXT NOT NULL,
  updated_at          TEXT NOT NULL,
  deleted_at          TEXT,
  version             INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX activities_account ON activities(account_id, starts_at) WHERE account_id IS NOT NULL;
CREATE INDEX activities_contact ON activities(contact_id, starts_at) WHERE contact_id IS NOT NULL;
CREATE INDEX activities_opportunity ON activities(opportunity_id, starts_at) WHERE opportunity_id IS NOT NULL;
CREATE INDEX activities_lead ON activities(lead_id, starts_at) WHERE lead_id IS NOT NULL;
CREATE INDEX activities_agenda ON activities(owner, status, starts_at);
CREATE INDEX activities_reminders ON activities(reminder_at) WHERE reminder_at IS NOT NULL AND status = 'planned';
CREATE INDEX activities_unmatched_calls ON activities(phone_e164) WHERE contact_id IS NULL AND phone_e164 IS NOT NULL;
CREATE INDEX activities_updated_at ON activities(updated_at);
CREATE INDEX activities_subject_key ON activities(subject_key);

CREATE TABLE holidays (
  country TEXT NOT NULL CHECK (length(country) = 2),
  day     TEXT NOT NULL,
  name    TEXT,
  PRIMARY KEY (country, day)
) WITHOUT ROWID;

CREATE TABLE weekends (
  country  TEXT PRIMARY KEY CHECK (length(country) = 2),
  weekdays INTEGER NOT NULL CHECK (weekdays BETWEEN 0 AND 127)
) WITHOUT ROWID;

INSERT INTO pipelines (id, name, name_key, is_default, created_at)
  VALUES (1, 'Sales', 'sales', 1, strftime('%Y-%m-%dT%H:%M:%f000Z', 'now'));
INSERT INTO stages (pipeline_id, name, name_key, position, probability, kind) VALUES
  (1, 'Prospecting', 'prospecting', 1, 10, 'open'),
  (1, 'Qualification', 'qualification', 2, 20, 'open'),
  (1, 'Proposal', 'proposal', 3, 50, 'open'),
  (1, 'Negotiation', 'negotiation', 4, 75, 'open'),
  (1, 'Won', 'won', 5, 100, 'won'),
  (1, 'Lost', 'lost', 6, 0, 'lost');
INSERT INTO lost_reasons (name, name_key) VALUES
  ('Price', 'price'), ('Competitor', 'competitor'), ('No budget', 'no budget'),
  ('No decision', 'no decision'), ('Timing', 'timing'), ('Other', 'other');
)sql";

}  // namespace crm::detail
