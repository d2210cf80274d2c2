// crmcore: activities, the history of every interaction (calls, meetings,
// emails, tasks, notes, sms) and the work planned next.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "crm/custom_field.hpp"
#include "crm/ids.hpp"
#include "crm/list.hpp"
#include "crm/time.hpp"

namespace crm {

namespace detail {
class Session;
struct StoreAccess;
}

/// What kind of interaction an activity is.
enum class ActivityKind { call, meeting, email, task, note, sms };
/// Whether it is still to happen.
enum class ActivityStatus { planned, done, cancelled };
/// Who started a call, email or sms.
enum class Direction { none, inbound, outbound };
/// The step of a recurrence.
enum class RecurrenceUnit { day, week, month };

/// "call", "meeting", "email", "task", "note" or "sms".
std::string_view activity_kind_name(ActivityKind kind) noexcept;
/// The kind named `name`, or nullopt.
std::optional<ActivityKind> activity_kind_from_name(std::string_view name) noexcept;
/// "planned", "done" or "cancelled".
std::string_view activity_status_name(ActivityStatus status) noexcept;
/// The status named `name`, or nullopt.
std::optional<ActivityStatus> activity_status_from_name(std::string_view name) noexcept;
/// "", "inbound" or "outbound".
std::string_view direction_name(Direction direction) noexcept;
/// The direction named `name` ("" is none), or nullopt.
std::optional<Direction> direction_from_name(std::string_view name) noexcept;
/// "day", "week" or "month".
std::string_view recurrence_unit_name(RecurrenceUnit unit) noexcept;
/// The unit named `name`, or nullopt.
std::optional<RecurrenceUnit> recurrence_unit_from_name(std::string_view name) noexcept;

/// How a task repeats: every `interval` days, weeks or months. With
/// `business_days_only`, days count business days of `calendar`'s country
/// and weekly or monthly dates move to the next business day.
struct Recurrence {
  RecurrenceUnit unit = RecurrenceUnit::week;
  int interval = 1;                 ///< At least 1.
  bool business_days_only = false;
  std::string calendar{};           ///< Country (ISO 3166-1) of the business-day calendar.

  friend bool operator==(const Recurrence&, const Recurrence&) = default;
};

/// What a caller sets on an activity.
struct ActivityData {
  ActivityKind kind = ActivityKind::task;
  std::string subject{};
  std::string body{};
  ActivityStatus status = ActivityStatus::planned;
  /// When it starts (call, meeting) or is due (task); unset: now.
  Instant starts_at{};
  std::int64_t duration_seconds = 0;     ///< Not negative.
  Direction direction = Direction::none; ///< Only for calls, emails and sms.
  std::string outcome{};                 ///< What came of it ("reached", "voicemail", ...).
  std::string phone{};                   ///< The number used, as written (calls, sms).
  std::string email{};                   ///< The address used (emails).
  std::string owner{};                   ///< Owner or assignee.
  /// When to remind the owner; not after starts_at, and only on planned activities.
  std::optional<Instant> reminder_at{};
  /// Tasks only: the next occurrence is created when this one is completed.
  std::optional<Recurrence> recurrence{};
  AccountId account{};                   ///< Links; at least one is needed, except for
  ContactId contact{};                   ///< calls from unknown numbers (see Telephony).
  OpportunityId opportunity{};
  LeadId lead{};
  /// The embedding system's key (a Salesforce Task or Event id); unique when set.
  std::string external_ref{};
  /// Values of the custom fields defined for this kind of record, by field
  /// name (see CustomFields); checked against the definitions on write.
  CustomValues custom{};
};

/// A stored activity.
struct Activity : ActivityData {
  ActivityId id{};
  std::string phone_e164{};             ///< `phone` in E.164 when it is a number, else empty.
  std::optional<Instant> completed_at{}; ///< When it was marked done.
  ActivityId previous{};                ///< The occurrence this one recurs from.
  std::int64_t version = 0;
  Instant created_at{};
  Instant updated_at{};
  std::optional<Instant> deleted_at{};
};

/// What completing an activity did.
struct Completion {
  Activity completed;
  std::optional<Activity> next;  ///< The next occurrence of a recurring task.
};

/// Filters of activity lists (ListQuery gives owner, paging and order; its
/// name order is by subject). Unset fields do not filter.
struct ActivityFilter {
  std::optional<ActivityKind> kind{};
  std::optional<ActivityStatus> status{};
  AccountId account{};
  ContactId contact{};
  OpportunityId opportunity{};
  LeadId lead{};
};

/// A user's planned work, in the user's time zone.
struct Agenda {
  std::vector<Activity> overdue;   ///< Planned, due before today.
  std::vector<Activity> today;     ///< Planned, due today.
  std::vector<Activity> upcoming;  ///< Planned, due in the requested date range.
};

/// The activities of a Database (db.activities()). Throws crm::Error.
class Activities {
 public:

  /// Validates and stores an activity: invalid_argument for a direction on a
  /// meeting, a recurrence on anything but a task, a reminder after the start
  /// or on a finished activity, no link; not_found for a missing linked
  /// record; already_exists for a taken external_ref.
  Activity create(const ActivityData& data);
  /// The activity with `id`, also when soft-deleted. Throws not_found.
  Activity get(ActivityId id) const;
  /// Saves it if its version is current (else conflict); a deleted activity
  /// must be restored first (conflict).
  Activity update(const Activity& activity);
  /// Marks it done (at `completed_at`, default now) with an optional outcome;
  /// for a recurring task, creates the next occurrence (with no external_ref:
  /// that names the occurrence it was given to). conflict unless planned.
  Completion complete(ActivityId id, const std::string& outcome = {}, std::optional<Instant> completed_at = {});
  /// Marks a planned activity cancelled. conflict unless planned.
  Activity cancel(ActivityId id);
  /// Links an activity (such as a call from an unknown number) to a contact
  /// and the account the contact works for.
  Activity attach_to_contact(ActivityId id, ContactId contact);
  /// Soft-deletes (restorable); its reminder no longer fires.
  Activity remove(ActivityId id);
  /// Undoes remove().
  Activity restore(ActivityId id);
  /// Deletes for good.
  void purge(ActivityId id);
  /// One page of activities; ListQuery's country and tag must be empty.
  Page<Activity> list(const ListQuery& query = {}, const ActivityFilter& filter = {}) const;
  /// How many activities match.
  std::int64_t count(const ListQuery& query = {}, const ActivityFilter& filter = {}) const;
  /// The live activity with this external_ref, if any.
  std::optional<Activity> find_by_external_ref(const std::string& external_ref) const;

  /// The planned activities of `owner`: overdue (due before today), due
  /// today, and due from `from` to `to` inclusive (when given), where days are
  /// those of `time_zone`: an IANA name ("Europe/Riga"), each day cut by the
  /// offset and daylight-saving rule the zone had on that day (its whole
  /// history, from the system's tzdata, /usr/share/zoneinfo); a POSIX TZ rule
  /// ("EET-2EEST,M3.5.0/3,M10.5.0/4"), one rule for every year; or "UTC".
  /// Throws invalid_argument for a zone that is neither.
  Agenda agenda(const std::string& owner, const std::string& time_zone = "UTC",
                std::optional<Date> from = std::nullopt, std::optional<Date> to = std::nullopt) const;
  /// Planned, live activities whose reminder is due at `at`: reminder_at in
  /// (`since`, `at`] (all up to `at` when `since` is unset), earliest first.
  std::vector<Activity> reminders_due(const Instant& at, std::optional<Instant> since = std::nullopt) const;

 private:
  friend struct detail::StoreAccess;  // constructs stores: Database and the implementation
  explicit Activities(detail::Session& session) : session_(session) {}
  detail::Session& session_;
};

}  // namespace crm
