// Schema version 7: where customers come from, and money across currencies.
//
// `lead_sources` and `campaigns` become records of their own: accounts,
// contacts, leads and opportunities point to them by lead_source_id and
// campaign_id, replacing the free-text columns lead_source (leads: source)
// and opportunities.campaign. The migration turns each distinct text
// (ignoring case and diacritics, as crm_match_key folds it) into one lead
// source or one campaign (channel 'other', no dates, zero cost in the base
// currency) and points the records to it.
//
// Leads gain a job title and an industry. `settings` holds the base currency
// (EUR until changed); `exchange_rates` the dated rates: one unit of
// from_currency buys `rate` (an exact decimal, as text) units of
// to_currency from valid_from until the pair's next rate. Frozen once released.
#pragma once

#include <string_view>

namespace crm::detail {

inline constexpr std::string_view kSchemaV7 = R"sql(
CREATE TABLE settings (
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL
) WITHOUT ROWID;
INSERT INTO settings (key, value) VALUES ('base_currency', 'EUR');

CREATE TABLE exchange_rates (
  id            INTEGER PRIMARY KEY,
  from_currency TEXT NOT NULL CHECK (length(from_currency) = 3),
  to_currency   TEXT NOT NULL CHECK (length(to_currency) = 3),
  valid_from    TEXT NOT NULL,
  rate          TEXT NOT NULL,
  CHECK (from_currency <> to_currency)
);
CREATE UNIQUE INDEX exchange_rates_pair_day ON exchange_rates(from_currency, to_currency, valid_from);

CREATE TABLE lead_sources (
  id         INTEGER PRIMARY KEY,
  name       TEXT NOT NULL,
  name_key   TEXT NOT NULL UNIQUE,
  created_at TEXT NOT NULL
);

CREATE TABLE campaigns (
  id             INTEGER PRIMARY KEY,
  name           TEXT NOT NULL,
  name_key       TEXT NOT NULL UNIQUE,
  channel        TEXT NOT NULL CHECK (channel IN ('web', 'email', 'sms', 'event', 'banner', 'referral',
                                                  'cold_call', 'social', 'print', 'partner', 'other')),
  starts_on      TEXT,
  ends_on        TEXT,
  cost_minor     INTEGER NOT NULL DEFAULT 0 CHECK (cost_minor >= 0),
  budget_minor   INTEGER CHECK (budget_minor IS NULL OR budget_minor >= 0),
  currency       TEXT NOT NULL CHECK (length(currency) = 3),
  lead_source_id INTEGER REFERENCES lead_sources(id),
  owner          TEXT,
  description    TEXT,
  created_at     TEXT NOT NULL,
  updated_at     TEXT NOT NULL,
  version        INTEGER NOT NULL DEFAULT 1,
  CHECK (ends_on IS NULL OR starts_on IS NULL OR ends_on >= starts_on)
);
CREATE INDEX campaigns_lead_source ON campaigns(lead_source_id) WHERE lead_source_id IS NOT NULL;

INSERT OR IGNORE INTO lead_sources (name, name_key, created_at)
  SELECT trim(text), crm_match_key(trim(text)), strftime('%Y-%m-%dT%H:%M:%f000Z', 'now')
  FROM (SELECT lead_source AS text, 1 AS part, id FROM accounts
        UNION ALL SELECT lead_source, 2, id FROM contacts
        UNION ALL SELECT source, 3, id FROM leads
        UNION ALL SELECT lead_source, 4, id FROM opportunities)
  WHERE trim(coalesce(text, '')) <> ''
  ORDER BY part, id;

INSERT OR IGNORE INTO campaigns (name, name_key, channel, currency, created_at, updated_at)
  SELECT trim(campaign), crm_match_key(trim(campaign)), 'other', 'EUR',
         strftime('%Y-%m-%dT%H:%M:%f000Z', 'now'), strftime('%Y-%m-%dT%H:%M:%f000Z', 'now')
  FROM opportunities WHERE trim(coalesce(campaign, '')) <> '' ORDER BY id;

ALTER TABLE accounts ADD COLUMN lead_source_id INTEGER REFERENCES lead_sources(id);
ALTER TABLE accounts ADD COLUMN campaign_id INTEGER REFERENCES campaigns(id);
ALTER TABLE contacts ADD COLUMN lead_source_id INTEGER REFERENCES lead_sources(id);
ALTER TABLE contacts ADD COLUMN campaign_id INTEGER REFERENCES campaigns(id);
ALTER TABLE leads ADD COLUMN lead_source_id INTEGER REFERENCES lead_sources(id);
ALTER TABLE leads ADD COLUMN campaign_id INTEGER REFERENCES campaigns(id);
ALTER TABLE leads ADD COLUMN job_title TEXT;
ALTER TABLE leads ADD COLUMN industry TEXT;
ALTER TABLE opportunities ADD COLUMN lead_source_id INTEGER REFERENCES lead_sources(id);
ALTER TABLE opportunities ADD COLUMN campaign_id INTEGER REFERENCES campaigns(id);

UPDATE accounts SET lead_source_id = (SELECT id FROM lead_sources WHERE name_key = crm_match_key(trim(lead_source)))
  WHERE trim(coalesce(lead_source, '')) <> '';
UPDATE contacts SET lead_source_id = (SELECT id FROM lead_sources WHERE name_key = crm_match_key(trim(lead_source)))
  WHERE trim(coalesce(lead_source, '')) <> '';
UPDATE leads SET lead_source_id = (SELECT id FROM lead_sources WHERE name_key = crm_match_key(trim(source)))
  WHERE trim(coalesce(source, '')) <> '';
UPDATE opportunities SET
  lead_source_id = (SELECT id FROM lead_sources WHERE name_key = crm_match_key(trim(lead_source))),
  campaign_id = (SELECT id FROM campaigns WHERE name_key = crm_match_key(trim(campaign)))
  WHERE trim(coalesce(lead_source, '')) <> '' OR trim(coalesce(campaign, '')) <> '';

ALTER TABLE accounts DROP COLUMN lead_source;
ALTER TABLE contacts DROP COLUMN lead_source;
ALTER TABLE leads DROP COLUMN source;
ALTER TABLE opportunities DROP COLUMN lead_source;
ALTER TABLE opportunities DROP COLUMN campaign;

CREATE INDEX accounts_lead_source ON accounts(lead_source_id) WHERE lead_source_id IS NOT NULL;
CREATE INDEX accounts_campaign ON accounts(campaign_id) WHERE campaign_id IS NOT NULL;
CREATE INDEX contacts_lead_source ON contacts(lead_source_id) WHERE lead_source_id IS NOT NULL;
CREATE INDEX contacts_campaign ON contacts(campaign_id) WHERE campaign_id IS NOT NULL;
CREATE INDEX leads_lead_source ON leads(lead_source_id) WHERE lead_source_id IS NOT NULL;
CREATE INDEX leads_campaign ON leads(campaign_id) WHERE campaign_id IS NOT NULL;
CREATE INDEX leads_created_at ON leads(created_at);
CREATE INDEX opportunities_lead_source ON opportunities(lead_source_id) WHERE lead_source_id IS NOT NULL;
CREATE INDEX opportunities_campaign ON opportunities(campaign_id) WHERE campaign_id IS NOT NULL;
CREATE INDEX opportunities_closed_on ON opportunities(closed_on) WHERE closed_on IS NOT NULL;
)sql";

}  // namespace crm::detail
