#include "display.hpp"

#include <cstdlib>
#include <ctime>

#include <boost/date_time/posix_time/conversion.hpp>

namespace crm::cli {

std::string format_minute(const Instant& at) {
  std::string text = format_instant(at).substr(0, 16);
  text[10] = ' ';
  return text;
}

std::string person_name(const std::string& first, const std::string& last) {
  if (first.empty() || last.empty()) return first + last;
  return first + " " + last;
}

std::string spoken_list(const std::vector<std::string>& items, const std::string& conjunction) {
  std::string text;
  for (std::size_t i = 0; i < items.size(); ++i)
    text += (i == 0 ? "" : i + 1 == items.size() ? " " + conjunction + " " : ", ") + items[i];
  return text;
}

std::string rate_text(const ExchangeRate& rate) {
  return rate.from + "->" + rate.to + " " + rate.rate + " from " + format_date(rate.valid_from);
}

void note_more(const std::string& next, const char* what, std::ostream& out) {
  if (!next.empty()) out << "(more " << what << " follow; raise --limit to see them)\n";
}

ZoneClock::ZoneClock(const std::string& zone) {
  ::setenv("TZ", zone.empty() ? "UTC" : zone.c_str(), 1);
  ::tzset();
}

Instant ZoneClock::local(const Instant& utc) const {
  const std::time_t seconds = boost::posix_time::to_time_t(utc);
  std::tm parts{};
  ::localtime_r(&seconds, &parts);
  return Instant(Date(static_cast<unsigned short>(parts.tm_year + 1900), static_cast<unsigned short>(parts.tm_mon + 1),
                      static_cast<unsigned short>(parts.tm_mday)),
                 boost::posix_time::time_duration(parts.tm_hour, parts.tm_min, parts.tm_sec));
}

template <class IdType, class Lookup>
std::string Names::remembered(std::map<std::int64_t, std::string>& cache, IdType id, Lookup lookup) {
  if (!id) return "";
  const auto found = cache.find(id.value());
  if (found != cache.end()) return found->second;
  return cache.emplace(id.value(), lookup(id)).first->second;
}

std::string Names::account(AccountId id) {
  return remembered(accounts_, id, [&](AccountId a) { return db_.accounts().get(a).name; });
}

std::string Names::contact(ContactId id) {
  return remembered(contacts_, id, [&](ContactId c) {
    const Contact contact = db_.contacts().get(c);
    return person_name(contact.first_name, contact.last_name);
  });
}

std::string Names::lead(LeadId id) {
  return remembered(leads_, id, [&](LeadId l) {
    const Lead lead = db_.leads().get(l);
    const std::string person = person_name(lead.first_name, lead.last_name);
    return person.empty() ? lead.company_name : person;
  });
}

std::string Names::deal(OpportunityId id) {
  return remembered(deals_, id, [&](OpportunityId o) { return db_.opportunities().get(o).name; });
}

std::string Names::stage(StageId id) {
  return remembered(stages_, id, [&](StageId s) { return db_.pipelines().stage(s).name; });
}

std::string Names::lost_reason(LostReasonId id) {
  return remembered(lost_reasons_, id, [&](LostReasonId wanted) {
    for (const LostReason& reason : db_.pipelines().lost_reasons(true))
      if (reason.id == wanted) return reason.name;
    return std::string();
  });
}

std::string Names::party(const Activity& activity) {
  if (activity.contact) return contact(activity.contact);
  if (activity.lead) return lead(activity.lead);
  return account(activity.account);
}

}  // namespace crm::cli
