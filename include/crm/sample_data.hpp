// crmcore: a built-in, deterministic sample data set for demos and trials.
#pragma once

#include <cstdint>

namespace crm {

class Database;

/// How much sample data to generate.
struct SampleOptions {
  /// Seed of the generator: the same seed gives the same records.
  std::uint64_t seed = 2025;
  /// Number of accounts (organizations), 1 to 100000.
  int accounts = 120;
  /// Number of contacts (people), 0 to 1000000; spread over the accounts.
  int contacts = 360;
};

/// What load_sample_data() did.
struct SampleSummary {
  int accounts_created = 0;      ///< Accounts added by this call.
  int contacts_created = 0;      ///< Contacts added by this call.
  int job_changes = 0;           ///< Contacts given an earlier employer in their history.
  int opportunities_created = 0; ///< Deals added, in every stage of the default pipeline.
  int activities_created = 0;    ///< Calls, emails, meetings and tasks added, done and planned.
  int leads_created = 0;         ///< Leads added.
  int campaigns_created = 0;     ///< Campaigns added.
  int users_created = 0;         ///< Users added (the sales people, "admin", "analyst").
  int exchange_rates_created = 0;  ///< Monthly rates USD, GBP and UAH to EUR added.
  bool already_loaded = false;   ///< True when the sample was present and nothing was added.
};

/// Fills `db` with realistic accounts and contacts from Latvia, Lithuania,
/// Ukraine, Germany and the United Kingdom: Latvian, Lithuanian, Ukrainian,
/// Russian, German and English names in their own scripts, phones written in
/// the forms people use, emails, addresses, birthdays, consents, tags and
/// employment histories with job changes. First the people who own them:
/// teams "Sales" with "Baltics" and "International" below it, six sales
/// people (a sales manager and reps per team), "admin" (administrator) and
/// "analyst" (users already present are kept). Then the marketing side: five
/// campaigns ("Spring webinar", "Search ads", "Partner newsletter", "Trade
/// fair follow-up", "Cold calling week UK") on several channels in the half
/// year before today, one with a budget, one paid in GBP; and monthly
/// exchange rates USD, GBP and UAH to EUR from a year before today (days
/// that already have a rate keep it). Every record names a lead source
/// ("web", "referral", "trade fair", ...); about half of those found through
/// a source with campaigns name one of them. Then the sales side: eight
/// products (SKUs "SAMPLE-P-01" ...); 0 to 3 deals per account (1.5 on
/// average) in the default pipeline, in the account country's currency (EUR,
/// GBP or UAH; every third deal of a British or German account in USD), with
/// the account's lead source and campaign, owned by the account's owner,
/// with a primary contact from its staff and a stage history (most open,
/// some won, some lost with a lost reason); about two done calls, emails or
/// meetings per contact in the last half year; planned tasks, calls and
/// meetings (overdue, today and in the next three weeks, some with
/// reminders) for the deals' and contacts' owners; and one lead per four
/// accounts in every status, with job titles and industries. Dates are
/// relative to db.now(), everything else is fixed by the seed. All in one
/// transaction. Records carry external_refs "SAMPLE-A-<n>", "SAMPLE-C-<n>",
/// "SAMPLE-O-<n>" and "SAMPLE-L-<n>"; when the first account already exists
/// nothing is added. Phone numbers written without a country code are
/// Latvian, so the connection needs default region "LV" or none (then
/// international forms are used throughout). Throws crm::Error (already_exists
/// when a campaign of the sample's names exists).
SampleSummary load_sample_data(Database& db, const SampleOptions& options = {});

}  // namespace crm
