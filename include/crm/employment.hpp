// crmcore: employment history, the links between people and organizations
// over time.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "crm/ids.hpp"
#include "crm/time.hpp"

namespace crm {

namespace detail {
class Session;
struct StoreAccess;
}

/// A contact working (or having worked) for an account.
struct Employment {
  EmploymentId id{};                 ///< Row id.
  ContactId contact{};               ///< The person.
  AccountId account{};               ///< The organization.
  std::string title{};               ///< Job title in this position.
  std::optional<Date> started_on{};  ///< First day, when known.
  std::optional<Date> ended_on{};    ///< Last day; unset while current.

  /// True while the employment has not ended.
  bool current() const noexcept { return !ended_on.has_value(); }

  friend bool operator==(const Employment&, const Employment&) = default;
};

/// Employment links of one Database; obtained from Database::employments().
/// Changing a contact's employment also bumps the contact's version. Throws crm::Error.
class Employments {
 public:

  /// Adds a current employment of `contact` at `account` beside any others
  /// (a person may hold two positions). Throws not_found for a missing or
  /// deleted contact or account, invalid_argument for a start in the future.
  Employment start(ContactId contact, AccountId account, const std::string& title,
                   std::optional<Date> started_on = std::nullopt);

  /// Ends a current employment on `ended_on` (its last day). Throws not_found,
  /// conflict when it has already ended, invalid_argument when `ended_on` is
  /// before the start or in the future.
  Employment end(EmploymentId id, const Date& ended_on);

  /// Moves a person to a new employer on `on`: every current employment ends
  /// on `on`, a new one starts on `on` with `title`, and the contact's job
  /// title follows. Past links stay. Throws not_found for a missing or
  /// deleted contact or account, invalid_argument for a date in the future
  /// or before the start of a current employment.
  Employment move(ContactId contact, AccountId account, const std::string& title, const Date& on);

  /// The employment with `id`. Throws not_found.
  Employment get(EmploymentId id) const;

  /// Every employment of `contact`, current first, then newest start first.
  std::vector<Employment> history(ContactId contact) const;

  /// Employments at `account` (only current ones when `current_only`),
  /// newest start first; deleted contacts left out.
  std::vector<Employment> of_account(AccountId account, bool current_only = true) const;

 private:
  friend struct detail::StoreAccess;  // constructs stores: Database and the implementation
  explicit Employments(detail::Session& session) : session_(session) {}
  detail::Session& session_;
};

}  // namespace crm
