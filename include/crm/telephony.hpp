// crmcore: what a PBX reports, recorded as a call in one step.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "crm/account.hpp"
#include "crm/activity.hpp"
#include "crm/contact.hpp"

namespace crm {

namespace detail {
class Session;
struct StoreAccess;
}

/// A call as the telephone system reports it.
struct CallReport {
  std::string number{};                  ///< The other party's number in any written form; may be unknown text.
  Instant started_at{};                  ///< Unset: now.
  std::int64_t duration_seconds = 0;
  Direction direction = Direction::inbound;  ///< Inbound or outbound.
  std::string owner{};                   ///< The user (extension) who took or made the call.
  std::string subject{};                 ///< Unset: "Inbound call" / "Outbound call".
  std::string outcome{};                 ///< "answered", "missed", "voicemail", ...
  std::string notes{};                   ///< The manager's comment.
};

/// What recording a call found and stored.
struct LoggedCall {
  Activity activity;                     ///< The call, status done.
  std::optional<Contact> contact;        ///< The contact whose number it was, when known.
  std::optional<Account> account;        ///< That contact's current employer (or an account with the number).
};

/// Calls from the telephone system (db.telephony()). Throws crm::Error.
class Telephony {
 public:

  /// Finds the contact by the number (any written form) and its current
  /// account, and records a done call linked to them. An unknown number is
  /// still recorded, with the number, for attach_unmatched() later. When
  /// several live contacts share the number, the most recently updated one is used.
  LoggedCall record_call(const CallReport& call);
  /// Links every recorded call without a contact whose number is one of the
  /// contact's numbers to the contact (and its current account); returns them.
  std::vector<Activity> attach_unmatched(ContactId contact);

 private:
  friend struct detail::StoreAccess;  // constructs stores: Database and the implementation
  explicit Telephony(detail::Session& session) : session_(session) {}
  detail::Session& session_;
};

}  // namespace crm
