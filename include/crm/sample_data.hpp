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
  bool already_loaded = false;   ///< True when the sample was present and nothing was added.
};

/// Fills `db` with realistic accounts and contacts from Latvia, Lithuania,
/// Ukraine, Germany and the United Kingdom: Latvian, Lithuanian, Ukrainian,
/// Russian, German and English names in their own scripts, phones written in
/// the forms people use, emails, addresses, birthdays, consents, tags and
/// employment histories with job changes. All in one transaction. Records
/// carry external_refs "SAMPLE-A-<n>" and "SAMPLE-C-<n>"; when the first
/// account already exists nothing is added. Phone numbers written without a
/// country code are Latvian, so the connection needs default region "LV" or
/// none (then international forms are used throughout). Throws crm::Error.
SampleSummary load_sample_data(Database& db, const SampleOptions& options = {});

}  // namespace crm
