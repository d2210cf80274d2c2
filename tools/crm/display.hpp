// How the crm program shows records: names looked up once, times to the
// minute, local days of a time zone.
#pragma once

#include <cstdint>
#include <map>
#include <ostream>
#include <string>
#include <vector>

#include "crm/crm.hpp"

namespace crm::cli {

/// "YYYY-MM-DD HH:MM" of `at` (whatever zone it is in).
std::string format_minute(const Instant& at);

/// "First Last", or the one that is set.
std::string person_name(const std::string& first, const std::string& last);

/// "a, b or c" with `conjunction` "or" ("a" alone, "a or b" for two).
std::string spoken_list(const std::vector<std::string>& items, const std::string& conjunction);

/// "USD->EUR 0.92 from 2025-03-01".
std::string rate_text(const ExchangeRate& rate);

/// Tells the user that a list goes on after this page when `next` is set.
void note_more(const std::string& next, const char* what, std::ostream& out);

/// Local dates and times of one time zone, as the C library reads it from
/// the TZ rules: an IANA name ("Europe/Riga"), a POSIX rule or "UTC", the
/// same forms the library's agendas take. Sets the process's TZ variable,
/// so one zone is in use at a time.
class ZoneClock {
 public:
  /// Uses `zone` from now on.
  explicit ZoneClock(const std::string& zone);
  /// The local wall-clock time at the UTC instant `utc`.
  Instant local(const Instant& utc) const;
};

/// Names of the records a listing refers to, each looked up once.
class Names {
 public:
  /// Looks names up in `db`, which must outlive this object.
  explicit Names(Database& db) : db_(db) {}

  /// The account's name, or "" for none.
  std::string account(AccountId id);
  /// The contact's full name, or "" for none.
  std::string contact(ContactId id);
  /// The lead's name (the person, else the company), or "" for none.
  std::string lead(LeadId id);
  /// The deal's name, or "" for none.
  std::string deal(OpportunityId id);
  /// The stage's name (also of a removed stage), or "" for none.
  std::string stage(StageId id);
  /// The lost reason's name, or "" for none.
  std::string lost_reason(LostReasonId id);
  /// Whom an activity is with: its contact, else its lead, else its account.
  std::string party(const Activity& activity);

 private:
  template <class IdType, class Lookup>
  std::string remembered(std::map<std::int64_t, std::string>& cache, IdType id, Lookup lookup);

  Database& db_;
  std::map<std::int64_t, std::string> accounts_, contacts_, leads_, deals_, stages_, lost_reasons_;
};

}  // namespace crm::cli
