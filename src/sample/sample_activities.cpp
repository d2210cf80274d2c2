#include "sample/sample_activities.hpp"

#include <map>

namespace crm::detail::sample {
namespace {

using boost::gregorian::days;
using boost::posix_time::hours;
using boost::posix_time::minutes;
using std::string_view;

constexpr string_view kCallSubjects[] = {"Follow-up call", "Introduction call", "Price question", "Delivery status",
                                         "Contract questions"};
constexpr string_view kCallOutcomes[] = {"reached", "reached", "reached", "voicemail", "no answer", "call back later"};
constexpr string_view kEmailSubjects[] = {"Proposal sent", "Meeting notes", "Price list", "Invoice question",
                                          "Product information"};
constexpr string_view kMeetingSubjects[] = {"Product demo", "Quarterly review", "Site visit", "Contract negotiation"};
constexpr string_view kNotes[] = {"Interested in the spring offer; call back after their budget meeting.",
                                  "Asked for references from their industry.", "Prefers email; answers on Fridays.",
                                  "New procurement rules from next quarter.", "Happy with the support so far."};
constexpr string_view kDealTasks[] = {"Prepare the offer", "Send the contract draft", "Check the delivery date",
                                      "Update the price calculation"};
constexpr string_view kFollowUps[] = {"Check in after the delivery", "Ask for a referral", "Invite to the customer day",
                                      "Confirm the contact details"};
constexpr string_view kLeadTasks[] = {"Qualify the lead", "Send the product overview", "Find the decision maker"};
constexpr int kReminderMinutes[] = {15, 30, 60};

// Whom an activity is with and who does it.
struct Party {
  const std::string& phone;
  const std::string& email;
  const std::string& owner;
};

// Weekends move to the nearest weekday in the direction of `step` (+1 or -1 day).
Date weekday(Date day, int step) {
  while (day.day_of_week() == boost::date_time::Saturday || day.day_of_week() == boost::date_time::Sunday)
    day += days(step);
  return day;
}

class ActivityMaker {
 public:
  explicit ActivityMaker(SampleScene& scene) : scene_(scene), random_(scene.random), today_(scene.now.date()) {}

  // A done call, email or meeting within the last half year.
  ActivityData past(const Party& party) {
    ActivityData data;
    const int roll = random_.below(5);
    if (roll < 2 && !party.phone.empty()) {
      data = call(party, random_.chance(60) ? Direction::outbound : Direction::inbound);
      data.duration_seconds = 30 + random_.below(900);
      data.outcome = random_.pick<string_view>(kCallOutcomes);
    } else if (roll < 4 && !party.email.empty()) {
      data.kind = ActivityKind::email;
      data.direction = random_.chance(50) ? Direction::outbound : Direction::inbound;
      data.email = party.email;
      data.subject = random_.pick<string_view>(kEmailSubjects);
    } else {
      data = meeting();
    }
    if (random_.chance(30)) data.body = random_.pick<string_view>(kNotes);
    data.status = ActivityStatus::done;
    data.starts_at = office_time(today_ - days(1 + random_.below(180)));
    data.owner = party.owner;
    return data;
  }

  // A planned task, call or meeting due overdue, today or within three
  // weeks; half of them with a reminder.
  ActivityData planned(const Party& party, std::span<const string_view> tasks) {
    ActivityData data;
    const int roll = random_.below(4);
    if (roll == 2 && !party.phone.empty()) {
      data = call(party, Direction::outbound);
    } else if (roll == 3) {
      data = meeting();
    } else {
      data.subject = random_.pick(tasks);
    }
    data.starts_at = office_time(planned_day());
    if (random_.chance(50)) data.reminder_at = data.starts_at - minutes(random_.pick<int>(kReminderMinutes));
    data.owner = party.owner;
    return data;
  }

  Activity add(const ActivityData& data) { return scene_.db.activities().create(data); }

  Random& random() { return random_; }

 private:
  ActivityData call(const Party& party, Direction direction) {
    ActivityData data;
    data.kind = ActivityKind::call;
    data.direction = direction;
    data.phone = party.phone;
    data.subject = random_.pick<string_view>(kCallSubjects);
    return data;
  }

  ActivityData meeting() {
    ActivityData data;
    data.kind = ActivityKind::meeting;
    data.subject = random_.pick<string_view>(kMeetingSubjects);
    data.duration_seconds = 1800 * (1 + random_.below(4));
    return data;
  }

  // Quarter hours from 08:00 to 16:45 UTC.
  Instant office_time(const Date& day) {
    return Instant(day, hours(8 + random_.below(9)) + minutes(15 * random_.below(4)));
  }

  // Overdue (15%), today (15%) or a weekday within three weeks.
  Date planned_day() {
    const int roll = random_.below(100);
    if (roll < 15) return weekday(today_ - days(1 + random_.below(10)), -1);
    if (roll < 30) return today_;
    return weekday(today_ + days(1 + random_.below(21)), 1);
  }

  SampleScene& scene_;
  Random& random_;
  Date today_;
};

// The done history of one person, some of it about `deal` (when set).
int add_history(ActivityMaker& maker, const StaffMember& person, OpportunityId deal) {
  const Party party{person.phone, person.email, person.owner};
  const int count = 1 + maker.random().below(3);
  for (int i = 0; i < count; ++i) {
    ActivityData data = maker.past(party);
    data.contact = person.id;
    if (deal && maker.random().chance(50)) data.opportunity = deal;
    maker.add(data);
  }
  return count;
}

// Next steps on the person's open deals (most of them), else now and then a follow-up.
int add_planned(ActivityMaker& maker, const StaffMember& person, const std::vector<const Opportunity*>& deals) {
  const Party party{person.phone, person.email, person.owner};
  int count = 0;
  for (const Opportunity* deal : deals) {
    if (deal->closed() || !maker.random().chance(90)) continue;
    ActivityData data = maker.planned(party, kDealTasks);
    data.contact = person.id;
    data.opportunity = deal->id;
    maker.add(data);
    ++count;
  }
  if (count == 0 && maker.random().chance(20)) {
    ActivityData data = maker.planned(party, kFollowUps);
    data.contact = person.id;
    maker.add(data);
    ++count;
  }
  return count;
}

}  // namespace

int make_activities(SampleScene& scene, const std::vector<Opportunity>& deals) {
  std::map<ContactId, std::vector<const Opportunity*>> deals_of;
  for (const Opportunity& deal : deals)
    if (deal.primary_contact) deals_of[deal.primary_contact].push_back(&deal);
  static const std::vector<const Opportunity*> kNone;
  ActivityMaker maker(scene);
  int count = 0;
  for (const SampleAccount& account : scene.accounts) {
    for (const StaffMember& person : account.staff) {
      const auto found = deals_of.find(person.id);
      const auto& own = found == deals_of.end() ? kNone : found->second;
      count += add_history(maker, person, own.empty() ? OpportunityId() : own.front()->id);
      count += add_planned(maker, person, own);
    }
  }
  return count;
}

int make_lead_activities(SampleScene& scene, const std::vector<Lead>& leads) {
  ActivityMaker maker(scene);
  int count = 0;
  for (const Lead& lead : leads) {
    const Party party{lead.phone, lead.email, lead.owner};
    const bool fresh = lead.status == LeadStatus::fresh;
    if (fresh && !maker.random().chance(70)) continue;
    ActivityData data = fresh ? maker.planned(party, kLeadTasks) : maker.past(party);
    data.lead = lead.id;
    maker.add(data);
    ++count;
  }
  return count;
}

}  // namespace crm::detail::sample
