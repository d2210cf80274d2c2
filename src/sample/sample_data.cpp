#include "crm/sample_data.hpp"

#include <algorithm>
#include <cstdio>
#include <map>
#include <span>

#include "crm/crm.hpp"
#include "sample/sample_names.hpp"
#include "storage/errors.hpp"
#include "text/unicode.hpp"

namespace crm {
namespace {

using detail::sample::Country;
using detail::sample::Culture;
using std::string_view;

// splitmix64: small, fast and the same on every platform.
class Random {
 public:
  explicit Random(std::uint64_t seed) : state_(seed) {}
  std::uint64_t next() {
    std::uint64_t z = (state_ += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
  }
  int below(int n) { return static_cast<int>(next() % static_cast<std::uint64_t>(n)); }
  bool chance(int percent) { return below(100) < percent; }
  template <class T>
  const T& pick(std::span<const T> items) { return items[static_cast<std::size_t>(below(static_cast<int>(items.size())))]; }
  std::string digits(int count) {
    std::string text;
    for (int i = 0; i < count; ++i) text.push_back(static_cast<char>('0' + below(10)));
    return text;
  }

 private:
  std::uint64_t state_;
};

constexpr string_view kIndustries[] = {"Manufacturing", "Retail", "Logistics", "Construction", "Food & Beverage",
                                       "IT services", "Energy", "Agriculture", "Finance", "Healthcare"};
constexpr string_view kLeadSources[] = {"web", "referral", "trade fair", "cold call", "partner", "email campaign"};
constexpr string_view kTitles[] = {"CEO", "CFO", "Sales manager", "Procurement manager", "Chief accountant",
                                   "IT manager", "Marketing manager", "Office manager", "Project manager",
                                   "Logistics manager"};
constexpr string_view kOwners[] = {"anna.berzina", "janis.kalnins", "ona.petrauskiene", "olena.melnyk",
                                   "max.weber", "sarah.taylor"};
// Accounts per 20: 7 Latvian, 4 Lithuanian, 3 Ukrainian, 3 German, 3 British.
constexpr int kCountryCycle[] = {0, 1, 0, 2, 3, 0, 4, 1, 0, 2, 3, 0, 4, 1, 0, 2, 3, 4, 1, 0};

std::string replace_all(std::string text, char mark, Random& random) {
  for (char& c : text)
    if (c == mark) c = static_cast<char>('0' + random.below(10));
  return text;
}

std::string fill(string_view pattern, const std::string& words) {
  std::string text(pattern);
  text.replace(text.find("{}"), 2, words);
  return text;
}

// Lower-case ASCII letters and digits of `text` (diacritics dropped).
std::string ascii_slug(string_view text, char separator) {
  std::string slug;
  for (char c : detail::match_key(text)) {
    if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'))
      slug.push_back(c);
    else if (c == ' ' && !slug.empty() && slug.back() != separator)
      slug.push_back(separator);
  }
  return slug;
}

std::vector<std::string> split(string_view list) {
  std::vector<std::string> parts;
  std::size_t start = 0;
  while (start <= list.size()) {
    const auto comma = std::min(list.find(',', start), list.size());
    parts.emplace_back(list.substr(start, comma - start));
    start = comma + 1;
  }
  return parts;
}

// How a number may be written given the connection's default region.
struct Dialling {
  bool international_prefix;  ///< "00" is understood (some default region is set)
  bool national;              ///< the number is in the default region
};

// A phone number written the way people write it: international with or
// without spaces, with the 00 prefix, or nationally.
std::string written_phone(Random& random, const Country& country, const std::string& national, Dialling dialling) {
  const std::string cc(country.calling_code);
  const int forms = dialling.national ? 4 : dialling.international_prefix ? 3 : 2;
  switch (random.below(forms)) {
    case 0: return "+" + cc + national;
    case 2: return "00" + cc + " " + national;
    case 1: {
      std::string spaced = "+" + cc + " ";
      for (std::size_t i = 0; i < national.size(); ++i) {
        if (i == 2 || (i > 2 && (i - 2) % 3 == 0)) spaced.push_back(' ');
        spaced.push_back(national[i]);
      }
      return spaced;
    }
    default: return national.substr(0, 2) + " " + national.substr(2, 3) + " " + national.substr(5);
  }
}

std::string mobile_number(Random& random, const Country& country) {
  const auto prefixes = split(country.mobile_prefixes);
  return prefixes[static_cast<std::size_t>(random.below(static_cast<int>(prefixes.size())))] +
         random.digits(country.mobile_digits);
}

struct SampleAccount {
  Account account;
  const Country* country;
  std::string domain;
};

class Generator {
 public:
  Generator(Database& db, const SampleOptions& options)
      : db_(db), options_(options), random_(options.seed), today_(db.now().date()),
        region_(db.default_region()) {}

  SampleSummary run() {
    SampleSummary summary;
    Transaction transaction(db_);
    for (int i = 0; i < options_.accounts; ++i) accounts_.push_back(make_account(i));
    for (int i = 0; i < options_.contacts; ++i) summary.job_changes += make_contact(i) ? 1 : 0;
    transaction.commit();
    summary.accounts_created = options_.accounts;
    summary.contacts_created = options_.contacts;
    return summary;
  }

 private:
  Dialling dialling(const Country& country) const {
    return {!region_.empty(), region_ == country.code && country.code == "LV"};
  }

  std::string company_words(const Country& country, int nth) {
    auto& order = name_order_[country.code];
    const int pairs = static_cast<int>(country.company_words.size() * country.company_nouns.size());
    if (order.empty()) {
      for (int i = 0; i < pairs; ++i) order.push_back(i);
      for (int i = pairs - 1; i > 0; --i) std::swap(order[static_cast<std::size_t>(i)], order[static_cast<std::size_t>(random_.below(i + 1))]);
    }
    const int pair = order[static_cast<std::size_t>(nth % pairs)];
    const int words = static_cast<int>(country.company_words.size());
    std::string text = std::string(country.company_words[static_cast<std::size_t>(pair % words)]) + " " +
                       std::string(country.company_nouns[static_cast<std::size_t>(pair / words)]);
    if (nth >= pairs) text += " " + std::to_string(nth / pairs + 1);
    return text;
  }

  SampleAccount make_account(int index) {
    const Country& country = detail::sample::countries()[static_cast<std::size_t>(kCountryCycle[index % 20])];
    const int nth = per_country_[country.code]++;
    const std::string words = company_words(country, nth);
    std::string slug = ascii_slug(words, '-');
    if (slug.empty()) slug = "tov-" + std::to_string(nth + 1);
    const std::string domain = slug + "." + std::string(country.domain);
    char ref[32];
    std::snprintf(ref, sizeof ref, "SAMPLE-A-%04d", index + 1);

    AccountData data;
    data.name = fill(country.name_pattern, words);
    data.registration_number = random_.digits(country.code == "UA" ? 8 : 9);
    if (country.code != "UA") data.vat_id = std::string(country.code == "GB" ? "GB" : country.code) + data.registration_number;
    data.industry = random_.pick<string_view>(kIndustries);
    data.website = "https://www." + domain;
    const std::string landline = std::string(country.landline_prefix) + random_.digits(country.landline_digits);
    data.phone = written_phone(random_, country, landline, dialling(country));
    data.email = "info@" + domain;
    data.address = {std::string(random_.pick(country.streets)) + " " + std::to_string(1 + random_.below(120)),
                    std::string(random_.pick(country.cities)), replace_all(std::string(country.postal_format), '#', random_),
                    "", std::string(country.code)};
    data.owner = kOwners[static_cast<std::size_t>(kCountryCycle[index % 20]) % std::size(kOwners)];
    data.lead_source = random_.pick<string_view>(kLeadSources);
    data.external_ref = ref;
    if (random_.chance(15)) data.tags.push_back("vip");
    if (random_.chance(10)) data.tags.push_back("partner");
    if (nth > 0 && nth % 6 == 0) data.parent = last_of_country_[country.code];
    if (random_.chance(20)) data.description = "Customer since " + std::to_string(2005 + random_.below(19)) + ".";
    SampleAccount made{db_.accounts().create(data), &country, domain};
    last_of_country_[country.code] = made.account.id;
    return made;
  }

  // Returns true when the contact got an earlier employer in its history.
  bool make_contact(int index) {
    const SampleAccount& home = accounts_[static_cast<std::size_t>(index % options_.accounts)];
    const Country& country = *home.country;
    const Culture& culture = *random_.pick(country.cultures);
    const bool female = random_.chance(50);
    const auto& given = random_.pick(female ? culture.female_names : culture.male_names);
    const auto& surname = random_.pick(culture.surnames);
    char ref[32];
    std::snprintf(ref, sizeof ref, "SAMPLE-C-%05d", index + 1);

    ContactData data;
    data.first_name = given.name;
    data.last_name = female ? surname.female : surname.male;
    const std::string latin_first = given.latin.empty() ? ascii_slug(given.name, '-') : std::string(given.latin);
    const string_view latin_last_raw = female ? surname.latin_female : surname.latin_male;
    const std::string latin_last = latin_last_raw.empty() ? ascii_slug(data.last_name, '-') : std::string(latin_last_raw);
    data.emails.push_back({latin_first + "." + latin_last + "@" + home.domain, true});
    if (random_.chance(30))
      data.emails.push_back({latin_first + "." + latin_last + std::to_string(10 + random_.below(90)) + "@gmail.com", false});
    const Dialling local = dialling(country);
    data.phones.push_back({PhoneKind::mobile, written_phone(random_, country, mobile_number(random_, country), local), {}});
    if (random_.chance(30)) {
      const std::string work = std::string(country.landline_prefix) + random_.digits(country.landline_digits);
      data.phones.push_back({PhoneKind::work, written_phone(random_, country, work, local), {}});
    }
    data.job_title = random_.pick<string_view>(kTitles);
    Birthday birthday{1955 + random_.below(46), 1 + random_.below(12), 1 + random_.below(28)};
    if (random_.chance(20)) birthday.year.reset();
    data.birthday = birthday;
    data.preferred_language = culture.language;
    data.country = country.code;
    data.owner = home.account.owner;
    data.lead_source = random_.pick<string_view>(kLeadSources);
    data.external_ref = ref;
    const Instant consent_time(today_ - boost::gregorian::days(30 + random_.below(900)), boost::posix_time::hours(9));
    data.consents.push_back({ConsentChannel::email, random_.chance(70), consent_time});
    if (random_.chance(40)) data.consents.push_back({ConsentChannel::sms, random_.chance(50), consent_time});
    if (data.consents.front().granted) data.tags.push_back("newsletter");
    if (random_.chance(20)) data.tags.push_back("decision maker");
    const Contact contact = db_.contacts().create(data);
    return employ(contact, home, index);
  }

  // Every sixth person worked somewhere else before; the rest started at
  // their employer a few years ago.
  bool employ(const Contact& contact, const SampleAccount& home, int index) {
    const Date started = today_ - boost::gregorian::days(200 + random_.below(3000));
    const bool changed_jobs = index % 6 == 5 && options_.accounts > 1;
    if (!changed_jobs) {
      db_.employments().start(contact.id, home.account.id, contact.job_title, started);
      return false;
    }
    const SampleAccount& before = accounts_[static_cast<std::size_t>((index + 7) % options_.accounts)];
    db_.employments().start(contact.id, before.account.id, std::string(random_.pick<string_view>(kTitles)), started);
    const int days_since_start = static_cast<int>((today_ - started).days());
    const Date moved = today_ - boost::gregorian::days(random_.below(days_since_start));
    db_.employments().move(contact.id, home.account.id, contact.job_title, moved);
    return true;
  }

  Database& db_;
  SampleOptions options_;
  Random random_;
  Date today_;
  std::string region_;
  std::vector<SampleAccount> accounts_;
  std::map<string_view, int> per_country_;
  std::map<string_view, std::vector<int>> name_order_;
  std::map<string_view, AccountId> last_of_country_;
};

}  // namespace

SampleSummary load_sample_data(Database& db, const SampleOptions& options) {
  return detail::guarded([&] {
    if (options.accounts < 1 || options.accounts > 100000)
      throw Error(ErrorCode::invalid_argument, "accounts: " + std::to_string(options.accounts) + " is outside 1..100000",
                  "accounts");
    if (options.contacts < 0 || options.contacts > 1000000)
      throw Error(ErrorCode::invalid_argument,
                  "contacts: " + std::to_string(options.contacts) + " is outside 0..1000000", "contacts");
    if (db.accounts().find_by_external_ref("SAMPLE-A-0001")) return SampleSummary{0, 0, 0, true};
    return Generator(db, options).run();
  });
}

}  // namespace crm
