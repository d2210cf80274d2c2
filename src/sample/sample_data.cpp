#include "crm/sample_data.hpp"

#include <algorithm>
#include <map>
#include <span>

#include "crm/crm.hpp"
#include "sample/sample_activities.hpp"
#include "sample/sample_campaigns.hpp"
#include "sample/sample_deals.hpp"
#include "sample/sample_names.hpp"
#include "sample/sample_scene.hpp"
#include "sample/sample_users.hpp"
#include "storage/errors.hpp"
#include "text/unicode.hpp"

namespace crm {
namespace {

using detail::sample::Country;
using detail::sample::Culture;
using detail::sample::Random;
using detail::sample::sample_ref;
using detail::sample::SampleAccount;
using detail::sample::StaffMember;
using std::string_view;

constexpr string_view kIndustries[] = {"Manufacturing", "Retail", "Logistics", "Construction", "Food & Beverage",
                                       "IT services", "Energy", "Agriculture", "Finance", "Healthcare"};
constexpr string_view kLeadSources[] = {"web", "referral", "trade fair", "cold call", "partner", "email campaign"};
constexpr string_view kTitles[] = {"CEO", "CFO", "Sales manager", "Procurement manager", "Chief accountant",
                                   "IT manager", "Marketing manager", "Office manager", "Project manager",
                                   "Logistics manager"};
// Accounts per 20: 7 Latvian, 4 Lithuanian, 3 Ukrainian, 3 German, 3 British.
constexpr int kCountryCycle[] = {0, 1, 0, 2, 3, 0, 4, 1, 0, 2, 3, 0, 4, 1, 0, 2, 3, 4, 1, 0};
constexpr LeadStatus kLeadStatuses[] = {LeadStatus::fresh,     LeadStatus::contacted, LeadStatus::fresh,
                                        LeadStatus::qualified, LeadStatus::contacted, LeadStatus::disqualified,
                                        LeadStatus::fresh,     LeadStatus::contacted};
constexpr string_view kDisqualifiedReasons[] = {"No budget this year", "Student project", "Outside our market",
                                                "Already served by a partner"};

// The country of the sample's `index`-th account (or lead), and who looks after it.
const Country& country_of(int index) {
  return detail::sample::countries()[static_cast<std::size_t>(kCountryCycle[index % 20])];
}
std::string owner_of(int index) {
  const auto& owners = detail::sample::sample_owner_logins();
  return std::string(owners[static_cast<std::size_t>(kCountryCycle[index % 20]) % owners.size()]);
}

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

class Generator {
 public:
  Generator(Database& db, const SampleOptions& options)
      : db_(db), options_(options), random_(options.seed), now_(db.now()), today_(now_.date()),
        region_(db.default_region()) {}

  SampleSummary run() {
    SampleSummary summary;
    Transaction transaction(db_);
    summary.users_created = detail::sample::make_users(db_);
    summary.campaigns_created = static_cast<int>(detail::sample::make_campaigns(db_, today_).size());
    summary.exchange_rates_created = detail::sample::make_exchange_rates(db_, today_);
    for (int i = 0; i < options_.accounts; ++i) accounts_.push_back(make_account(i));
    for (int i = 0; i < options_.contacts; ++i) summary.job_changes += make_contact(i) ? 1 : 0;
    detail::sample::SampleScene scene{db_, random_, now_, accounts_};
    const std::vector<Product> products = detail::sample::make_products(scene);
    const std::vector<Opportunity> deals = detail::sample::make_deals(scene, products);
    std::vector<Lead> leads;
    for (int i = 0; i < (options_.accounts + 3) / 4; ++i) leads.push_back(make_lead(i));
    summary.activities_created =
        detail::sample::make_activities(scene, deals) + detail::sample::make_lead_activities(scene, leads);
    transaction.commit();
    summary.accounts_created = options_.accounts;
    summary.contacts_created = options_.contacts;
    summary.opportunities_created = static_cast<int>(deals.size());
    summary.leads_created = static_cast<int>(leads.size());
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

  // A company of `country` not named before: its place among the country's
  // companies, its name and its internet domain.
  struct Company {
    int nth;
    std::string name;
    std::string domain;
  };
  Company next_company(const Country& country) {
    const int nth = per_country_[country.code]++;
    const std::string words = company_words(country, nth);
    std::string slug = ascii_slug(words, '-');
    if (slug.empty()) slug = "tov-" + std::to_string(nth + 1);
    return {nth, fill(country.name_pattern, words), slug + "." + std::string(country.domain)};
  }

  // A person of one of the country's cultures, with the Latin spelling of
  // the names that email addresses use.
  struct Person {
    std::string first_name;
    std::string last_name;
    std::string email_name;  // "first.last"
    string_view language;
  };
  Person make_person(const Country& country) {
    const Culture& culture = *random_.pick(country.cultures);
    const bool female = random_.chance(50);
    const auto& given = random_.pick(female ? culture.female_names : culture.male_names);
    const auto& surname = random_.pick(culture.surnames);
    Person person{std::string(given.name), std::string(female ? surname.female : surname.male), {}, culture.language};
    const std::string latin_first = given.latin.empty() ? ascii_slug(given.name, '-') : std::string(given.latin);
    const string_view latin_last = female ? surname.latin_female : surname.latin_male;
    person.email_name =
        latin_first + "." + (latin_last.empty() ? ascii_slug(person.last_name, '-') : std::string(latin_last));
    return person;
  }

  SampleAccount make_account(int index) {
    const Country& country = country_of(index);
    const Company company = next_company(country);
    const int nth = company.nth;
    const std::string& domain = company.domain;
    const std::string ref = sample_ref('A', index + 1, 4);

    AccountData data;
    data.name = company.name;
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
    data.owner = owner_of(index);
    data.lead_source = random_.pick<string_view>(kLeadSources);
    data.campaign = detail::sample::campaign_for(data.lead_source, index);
    data.external_ref = ref;
    if (random_.chance(15)) data.tags.push_back("vip");
    if (random_.chance(10)) data.tags.push_back("partner");
    if (nth > 0 && nth % 6 == 0) data.parent = last_of_country_[country.code];
    if (random_.chance(20)) data.description = "Customer since " + std::to_string(2005 + random_.below(19)) + ".";
    SampleAccount made{db_.accounts().create(data), &country, domain, {}};
    last_of_country_[country.code] = made.account.id;
    return made;
  }

  // Returns true when the contact got an earlier employer in its history.
  bool make_contact(int index) {
    SampleAccount& home = accounts_[static_cast<std::size_t>(index % options_.accounts)];
    const Country& country = *home.country;
    const Person person = make_person(country);
    const std::string ref = sample_ref('C', index + 1, 5);

    ContactData data;
    data.first_name = person.first_name;
    data.last_name = person.last_name;
    data.emails.push_back({person.email_name + "@" + home.domain, true});
    if (random_.chance(30))
      data.emails.push_back({person.email_name + std::to_string(10 + random_.below(90)) + "@gmail.com", false});
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
    data.preferred_language = person.language;
    data.country = country.code;
    data.owner = home.account.owner;
    data.lead_source = random_.pick<string_view>(kLeadSources);
    data.campaign = detail::sample::campaign_for(data.lead_source, index);
    data.external_ref = ref;
    const Instant consent_time(today_ - boost::gregorian::days(30 + random_.below(900)), boost::posix_time::hours(9));
    data.consents.push_back({ConsentChannel::email, random_.chance(70), consent_time});
    if (random_.chance(40)) data.consents.push_back({ConsentChannel::sms, random_.chance(50), consent_time});
    if (data.consents.front().granted) data.tags.push_back("newsletter");
    if (random_.chance(20)) data.tags.push_back("decision maker");
    const Contact contact = db_.contacts().create(data);
    home.staff.push_back({contact.id, contact.owner, contact.phones.front().raw, contact.primary_email()});
    return employ(contact, home, index);
  }

  // Interest from people and companies not yet customers, in every status.
  Lead make_lead(int index) {
    const Country& country = country_of(index);
    const Person person = make_person(country);
    const std::string ref = sample_ref('L', index + 1, 4);

    LeadData data;
    data.first_name = person.first_name;
    data.last_name = person.last_name;
    std::string domain = "gmail.com";
    if (random_.chance(80)) {
      Company company = next_company(country);
      data.company_name = std::move(company.name);
      domain = std::move(company.domain);
    }
    data.email = person.email_name + "@" + domain;
    data.phone = written_phone(random_, country, mobile_number(random_, country), dialling(country));
    data.source = random_.pick<string_view>(kLeadSources);
    data.campaign = detail::sample::campaign_for(data.source, index);
    data.job_title = random_.pick<string_view>(kTitles);
    if (!data.company_name.empty()) data.industry = random_.pick<string_view>(kIndustries);
    data.status = kLeadStatuses[static_cast<std::size_t>(index) % std::size(kLeadStatuses)];
    if (data.status == LeadStatus::disqualified) data.disqualified_reason = random_.pick<string_view>(kDisqualifiedReasons);
    data.country = country.code;
    data.owner = owner_of(index);
    data.external_ref = ref;
    if (random_.chance(30)) data.tags.push_back("webinar");
    return db_.leads().create(data);
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
    const int step = 7 % options_.accounts == 0 ? 1 : 7;  // never back to the same account
    const SampleAccount& before = accounts_[static_cast<std::size_t>((index + step) % options_.accounts)];
    db_.employments().start(contact.id, before.account.id, std::string(random_.pick<string_view>(kTitles)), started);
    const int days_since_start = static_cast<int>((today_ - started).days());
    const Date moved = today_ - boost::gregorian::days(random_.below(days_since_start));
    db_.employments().move(contact.id, home.account.id, contact.job_title, moved);
    return true;
  }

  Database& db_;
  SampleOptions options_;
  Random random_;
  Instant now_;
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
    if (db.accounts().find_by_external_ref("SAMPLE-A-0001")) return SampleSummary{.already_loaded = true};
    return Generator(db, options).run();
  });
}

}  // namespace crm
