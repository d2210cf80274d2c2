// crmcore: full-text search over accounts, contacts, leads, deals and
// activities, ignoring case and diacritics, ranked by relevance.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "crm/custom_field.hpp"

namespace crm {

namespace detail {
class Session;
struct StoreAccess;
}

/// One record Search::find() found.
struct SearchHit {
  RecordKind kind = RecordKind::contact;  ///< What the record is.
  std::int64_t id = 0;                    ///< Its row id: an AccountId, ContactId, LeadId, OpportunityId or ActivityId value as `kind` says.
  std::string title;                      ///< Its name: a person's or company's, a deal's, an activity's subject.
  std::string snippet;                    ///< An extract of its other indexed text (emails, phones, description, ...) with the words that matched between '[' and ']'; "" when it has none.
  double score = 0;                       ///< Relevance, higher is better (bm25; words in the title count more than words elsewhere). Compare scores of one search only.
};

/// The hits a search returns when no limit is given, on every surface.
inline constexpr std::size_t kDefaultSearchHits = 20;
/// The most hits a search returns (the fewest is 1).
inline constexpr std::size_t kMaxSearchHits = 1000;
/// Throws Error(invalid_argument) naming "limit" unless `limit` is
/// 1..kMaxSearchHits. Every surface checks search limits with it.
void check_search_limit(std::int64_t limit);

/// Which records Search::find() looks through and how many it returns.
struct SearchQuery {
  std::vector<RecordKind> kinds{};            ///< Only records of these kinds; empty: every kind.
  std::size_t limit = kDefaultSearchHits;     ///< At most this many hits, best first: 1..kMaxSearchHits.
};

/// Full-text search over the live (not soft-deleted) records of a Database
/// (db.search()). What is searched, per kind:
///   account      name; registration number, VAT id, email, phone (as
///                written and E.164), website, city, external_ref
///   contact      first and last name; every email, every phone (as written
///                and E.164), job title, external_ref
///   lead         first and last name (else the company); company, email,
///                phone (as written and E.164), external_ref
///   opportunity  name; description, external_ref
///   activity     subject; body
/// The names of accounts, contacts and leads are also indexed in their ASCII
/// Latin spelling (made with ICU's transliterator, schema version 9), so
/// they are found as people type them on a Latin keyboard (see find()).
/// The index follows every change, also those made with plain SQL by other
/// programs (schema version 5 keeps it with triggers; a name written with
/// plain SQL is found by its Latin spelling once the library rewrites it).
class Search {
 public:

  /// The records matching `text`, best first. `text` is plain words, never
  /// query syntax: quotes, AND/OR/NOT/NEAR, "column:" prefixes and
  /// parentheses are ordinary characters. Every word must occur in the
  /// record, in any of its indexed fields, ignoring case and diacritics
  /// ("berzina" finds "Bērziņa", "КОВАЛЬЧУК" finds "Ковальчук", "muller"
  /// finds "Müller"; ß and ss, ё and е, й and и, ї and і, ў and у are also
  /// taken as the same). Names of accounts, contacts and leads are also
  /// found by their ASCII Latin spelling: letters without a decomposition
  /// as their plain letters ("kozlowski" finds "Kozłowski", "yilmaz"
  /// "Yılmaz", "zolkiewska" "Żółkiewska"; also ø, đ and æ as o, d, ae),
  /// German umlauts also written out ("mueller" finds "Müller", as "muller"
  /// does) and Cyrillic transliterated (BGN/PCGN: "ivanov" finds "Иванов",
  /// "kovalchuk" "Ковальчук"); a word in Cyrillic or with such letters also
  /// searches for its Latin spelling ("шевченко" finds "Shevchenko",
  /// "Kozłowski" finds "Kozlowski"). A word ending in '*' matches the words it begins ("kov*").
  /// A word with punctuation inside matches its parts in sequence, so an
  /// email address matches as written. Text that is a phone number (digits
  /// with + ( ) - . and spaces, at least 6 digits) matches the records with
  /// that number in any written form: it is normalized to E.164 with the
  /// connection's default region. Words with no letter or digit are
  /// ignored; when none is left the result is empty.
  /// Throws Error(invalid_argument) naming the field for blank or invalid
  /// UTF-8 text, text longer than kMaxSearchTextBytes or of more than
  /// kMaxSearchTerms words (crm/limits.hpp) ("text"), a limit outside
  /// 1..1000 ("limit") or an unknown record kind ("kinds").
  std::vector<SearchHit> find(std::string_view text, const SearchQuery& query = {}) const;

 private:
  friend struct detail::StoreAccess;  // constructs stores: Database and the implementation
  explicit Search(detail::Session& session) : session_(session) {}
  detail::Session& session_;
};

}  // namespace crm
