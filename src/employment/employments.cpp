#include "account/account_table.hpp"
#include "common/fields.hpp"
#include "contact/contact_table.hpp"
#include "crm/employment.hpp"
#include "crm/error.hpp"
#include "employment/employment_links.hpp"
#include "storage/errors.hpp"
#include "storage/session.hpp"
#include "storage/sql_values.hpp"

namespace crm {
namespace detail {
namespace {

constexpr const char* kColumns = "id, contact_id, account_id, title, started_on, ended_on";

Employment read_employment(SQLite::Statement& statement) {
  Employment employment;
  employment.id = EmploymentId(statement.getColumn(0).getInt64());
  employment.contact = ContactId(statement.getColumn(1).getInt64());
  employment.account = AccountId(statement.getColumn(2).getInt64());
  employment.title = column_text(statement, 3);
  employment.started_on = column_optional_date(statement, 4);
  employment.ended_on = column_optional_date(statement, 5);
  return employment;
}

std::vector<Employment> query_employments(Session& session, const std::string& where_and_order, std::int64_t key) {
  auto statement = session.prepare(std::string("SELECT ") + kColumns + " FROM employments " + where_and_order);
  statement->bind(1, key);
  std::vector<Employment> result;
  while (statement->executeStep()) result.push_back(read_employment(*statement));
  return result;
}

void require_not_future(const Session& session, const Date& date, const char* field) {
  if (date > session.today())
    throw Error(ErrorCode::invalid_argument, std::string(field) + ": '" + format_date(date) + "' is in the future",
                field);
}

// Current employments first, then the newest start first (unknown starts last).
constexpr const char* kHistoryOrder = " ORDER BY ended_on IS NOT NULL, started_on DESC NULLS LAST, id DESC";

}  // namespace

std::unordered_map<std::int64_t, AccountId> current_accounts(Session& session, const std::string& ids_json) {
  auto statement = session.prepare(
      "SELECT contact_id, account_id FROM employments WHERE contact_id IN (SELECT value FROM json_each(?)) "
      "AND ended_on IS NULL ORDER BY contact_id, started_on DESC NULLS LAST, id DESC");
  statement->bind(1, ids_json);
  std::unordered_map<std::int64_t, AccountId> accounts;
  while (statement->executeStep())
    accounts.emplace(statement->getColumn(0).getInt64(), AccountId(statement->getColumn(1).getInt64()));
  return accounts;
}

AccountId current_account(Session& session, std::int64_t contact) {
  auto accounts = current_accounts(session, "[" + std::to_string(contact) + "]");
  auto it = accounts.find(contact);
  return it == accounts.end() ? AccountId() : it->second;
}

void end_current_employments(Session& session, std::int64_t contact, const Date& on) {
  const std::string day = format_date(on);
  auto late = session.prepare(
      "SELECT id FROM employments WHERE contact_id = ? AND ended_on IS NULL AND started_on > ? LIMIT 1");
  late->bind(1, contact);
  late->bind(2, day);
  if (late->executeStep())
    throw Error(ErrorCode::invalid_argument,
                "ended_on: '" + day + "' is before the start of employment " +
                    std::to_string(late->getColumn(0).getInt64()),
                "ended_on");
  auto end = session.prepare("UPDATE employments SET ended_on = ? WHERE contact_id = ? AND ended_on IS NULL");
  end->bind(1, day);
  end->bind(2, contact);
  end->exec();
}

std::int64_t insert_employment(Session& session, std::int64_t contact, std::int64_t account,
                               const std::string& title, const std::optional<Date>& started_on) {
  auto insert = session.prepare(
      "INSERT INTO employments (contact_id, account_id, title, started_on) VALUES (?, ?, ?, ?)");
  insert->bind(1, contact);
  insert->bind(2, account);
  bind_text_or_null(*insert, 3, title);
  bind_date_or_null(*insert, 4, started_on);
  insert->exec();
  return session.last_insert_id();
}

}  // namespace detail

using namespace detail;

Employment Employments::start(ContactId contact, AccountId account, const std::string& title,
                              std::optional<Date> started_on) {
  return guarded([&] {
    const std::string clean_title = clean_line(title, "employment.title");
    if (started_on) require_not_future(session_, *started_on, "employment.started_on");
    WriteScope scope(session_);
    require_live(session_, kContactTable, contact.value(), "employment.contact");
    require_live(session_, kAccountTable, account.value(), "employment.account");
    const std::int64_t id = insert_employment(session_, contact.value(), account.value(), clean_title, started_on);
    touch(session_, kContactTable, contact.value());
    return scope.commit_returning([&] { return get(EmploymentId(id)); });
  });
}

Employment Employments::end(EmploymentId id, const Date& ended_on) {
  return guarded([&] {
    require_not_future(session_, ended_on, "employment.ended_on");
    WriteScope scope(session_);
    const Employment employment = get(id);
    if (!employment.current())
      throw Error(ErrorCode::conflict, "employment " + std::to_string(id.value()) + " already ended on " +
                                           format_date(*employment.ended_on));
    if (employment.started_on && ended_on < *employment.started_on)
      throw Error(ErrorCode::invalid_argument,
                  "employment.ended_on: '" + format_date(ended_on) + "' is before the start '" +
                      format_date(*employment.started_on) + "'",
                  "employment.ended_on");
    auto update = session_.prepare("UPDATE employments SET ended_on = ? WHERE id = ?");
    update->bind(1, format_date(ended_on));
    update->bind(2, id.value());
    update->exec();
    touch(session_, kContactTable, employment.contact.value());
    return scope.commit_returning([&] { return get(id); });
  });
}

Employment Employments::move(ContactId contact, AccountId account, const std::string& title, const Date& on) {
  return guarded([&] {
    const std::string clean_title = clean_line(title, "employment.title");
    require_not_future(session_, on, "employment.started_on");
    WriteScope scope(session_);
    require_live(session_, kContactTable, contact.value(), "employment.contact");
    require_live(session_, kAccountTable, account.value(), "employment.account");
    end_current_employments(session_, contact.value(), on);
    const std::int64_t id = insert_employment(session_, contact.value(), account.value(), clean_title, on);
    auto retitle = session_.prepare("UPDATE main.contacts SET job_title = ? WHERE id = ?");
    bind_text_or_null(*retitle, 1, clean_title);
    retitle->bind(2, contact.value());
    retitle->exec();
    touch(session_, kContactTable, contact.value());
    return scope.commit_returning([&] { return get(EmploymentId(id)); });
  });
}

Employment Employments::get(EmploymentId id) const {
  return guarded_read(session_, [&] {
    auto found = query_employments(session_, "WHERE id = ?", id.value());
    if (found.empty())
      throw Error(ErrorCode::not_found, "employment " + std::to_string(id.value()) + " does not exist",
                  "employment");
    return found.front();
  });
}

std::vector<Employment> Employments::history(ContactId contact) const {
  return guarded_read(session_, [&] {
    require_exists(session_, kContactTable, contact.value());
    return query_employments(session_, std::string("WHERE contact_id = ?") + kHistoryOrder, contact.value());
  });
}

std::vector<Employment> Employments::of_account(AccountId account, bool current_only) const {
  return guarded_read(session_, [&] {
    require_exists(session_, kAccountTable, account.value());
    std::string where =
        "WHERE account_id = ? AND contact_id IN (SELECT id FROM contacts WHERE deleted_at IS NULL)";
    if (current_only) where += " AND ended_on IS NULL";
    return query_employments(session_, where + kHistoryOrder, account.value());
  });
}

}  // namespace crm
