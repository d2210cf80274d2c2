#include "activity/activity_row.hpp"
#include "activity/activity_store.hpp"
#include "common/fields.hpp"
#include "contact/contact_table.hpp"
#include "crm/error.hpp"
#include "crm/telephony.hpp"
#include "employment/employment_links.hpp"
#include "storage/errors.hpp"
#include "storage/session.hpp"
#include "storage/store_access.hpp"

namespace crm {
namespace {

using namespace detail;

// The live contact with this number most recently updated, if any.
std::optional<Contact> caller(Session& session, const std::string& e164) {
  auto statement = session.prepare(
      "SELECT c.id FROM contact_phones p JOIN contacts c ON c.id = p.contact_id WHERE p.e164 = ? AND "
      "c.deleted_at IS NULL ORDER BY c.updated_at DESC, c.id DESC LIMIT 1");
  statement->bind(1, e164);
  if (!statement->executeStep()) return std::nullopt;
  return detail::StoreAccess::make<Contacts>(session).get(ContactId(statement->getColumn(0).getInt64()));
}

}  // namespace

LoggedCall Telephony::record_call(const CallReport& call) {
  return guarded([&] {
    if (call.direction == Direction::none)
      throw Error(ErrorCode::invalid_argument, "call.direction: say inbound or outbound", "call.direction");
    const std::string number = require_line(call.number, "call.number");
    const std::optional<std::string> e164 = session_.phones().to_e164(number);
    WriteScope scope(session_);
    std::optional<Contact> contact = e164 ? caller(session_, *e164) : std::nullopt;
    std::optional<Account> account;
    if (contact && contact->account) account = detail::StoreAccess::make<Accounts>(session_).get(contact->account);
    if (!contact && e164) {
      auto accounts = detail::StoreAccess::make<Accounts>(session_).find_by_phone(*e164);
      if (!accounts.empty()) account = accounts.front();
    }
    ActivityData data;
    data.kind = ActivityKind::call;
    data.status = ActivityStatus::done;
    data.subject = call.subject.empty() ? (call.direction == Direction::inbound ? "Inbound call" : "Outbound call")
                                        : call.subject;
    data.body = call.notes;
    data.starts_at = call.started_at;
    data.duration_seconds = call.duration_seconds;
    data.direction = call.direction;
    data.outcome = call.outcome;
    data.phone = number;
    data.owner = call.owner;
    if (contact) data.contact = contact->id;
    if (account) data.account = account->id;
    const ActivityRow row = normalize_activity(session_, data, nullptr, true);
    const Instant now = session_.now();
    const std::int64_t id = insert_activity(session_, row, now, ActivityId(), now);
    return scope.commit_returning([&] { return LoggedCall{load_activities(session_, {id}).front(), contact, account}; });
  });
}

std::vector<Activity> Telephony::attach_unmatched(ContactId contact) {
  return guarded([&] {
    WriteScope scope(session_);
    require_live(session_, kContactTable, contact.value(), "contact");
    const AccountId employer = current_account(session_, contact.value());
    const std::vector<std::int64_t> ids = activity_ids(
        session_,
        "SELECT a.id FROM activities a JOIN contact_phones p ON p.e164 = a.phone_e164 WHERE p.contact_id = ? "
        "AND a.contact_id IS NULL AND a.deleted_at IS NULL ORDER BY a.starts_at, a.id",
        {std::to_string(contact.value())});
    auto attach = session_.prepare(
        "UPDATE main.activities SET contact_id = ?, account_id = COALESCE(account_id, ?), updated_at = ?, "
        "version = version + 1 WHERE id = ?");
    const std::string now = format_instant(session_.now());
    for (std::int64_t id : ids) {
      attach->bind(1, contact.value());
      if (employer)
        attach->bind(2, employer.value());
      else
        attach->bind(2);
      attach->bind(3, now);
      attach->bind(4, id);
      attach->exec();
      attach->reset();
    }
    return scope.commit_returning([&] { return load_activities(session_, ids); });
  });
}

}  // namespace crm
