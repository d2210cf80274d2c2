// The fields of activities (ActivityData, Activity), in declaration order (CSV export puts the keys first).
#include "model/field_aliases.hpp"
#include "model/field_table.hpp"

namespace crm {
using namespace model;
using T = RecordFieldType;
using R = FieldRole;
using N = TextNormalization;

namespace {
constexpr FieldRoles kPlain = R::filter | R::sort | kCsv | kAudited;
/// A link to another record, named in CSV by its external_ref or name.
constexpr FieldRoles kLink = kCsv | kAudited;
}  // namespace

template <>
const std::vector<RecordField<ActivityData>>& record_fields<ActivityData>() {
  static const std::vector<RecordField<ActivityData>> fields = {
      {{.name = "kind", .type = T::enumeration, .roles = kPlain, .doc = "Call, meeting, email, task, note or sms.", .csv = {{"kind", {"Type", "Activity Type", "Activity Kind", "Task Subtype"}}}, .sql = {.column = "kind"}, .values = {"call", "meeting", "email", "task", "note", "sms"}}, &ActivityData::kind},
      {{.name = "subject", .roles = kPlain, .doc = "What it is about.", .csv = {{"subject", {"Title"}}}, .sql = {.column = "subject", .key_column = "subject_key", .not_null = true}}, &ActivityData::subject},
      {{.name = "status", .type = T::enumeration, .roles = kPlain, .doc = "Planned, done or cancelled.", .csv = {{"status", {}}}, .sql = {.column = "status"}, .values = {"planned", "done", "cancelled"}}, &ActivityData::status},
      {{.name = "starts_at", .type = T::instant, .roles = kPlain, .doc = "When it starts (call, meeting) or is due (task).", .filter_name = "start", .csv = {{"starts_at", {"Start", "Starts", "Start Date", "Start Time", "Date", "Due Date", "Due", "Activity Date", "Timestamp", "When", "Date Time"}}}, .sql = {.column = "starts_at"}}, &ActivityData::starts_at},
      {{.name = "duration_seconds", .type = T::duration, .roles = kPlain, .doc = "Not negative.", .filter_name = "duration", .csv = {{"duration_seconds", {"Duration", "Call Duration", "Call Duration In Seconds"}}}, .sql = {.column = "duration_seconds"}}, &ActivityData::duration_seconds},
      {{.name = "direction", .type = T::enumeration, .roles = kPlain, .doc = "Inbound or outbound; only for calls, emails and sms.", .csv = {{"direction", {"Call Type"}}}, .sql = {.column = "direction"}, .values = {"inbound", "outbound"}}, &ActivityData::direction},
      {{.name = "outcome", .roles = kPlain, .doc = "What came of it (\"reached\", \"voicemail\", ...).", .csv = {{"outcome", {"Result", "Call Disposition", "Call Result"}}}, .sql = {.column = "outcome"}}, &ActivityData::outcome},
      {{.name = "phone", .roles = kPlain | R::personal, .doc = "The number used, as written (calls, sms).", .csv = {{"phone", {"Phone Number", "Number"}}}, .sql = {.column = "phone", .compare = "phone_e164", .key_column = "phone_e164", .normalize = N::phone}}, &ActivityData::phone},
      {{.name = "email", .roles = kPlain | R::personal, .doc = "The address used (emails).", .csv = {{"email", {"Email Address", "E-mail"}}}, .sql = {.column = "email"}}, &ActivityData::email},
      {{.name = "owner", .roles = kPlain, .doc = "Owner or assignee.", .csv = {{"owner", kOwnerHeaders}}, .sql = {.column = "owner"}}, &ActivityData::owner},
      {{.name = "reminder_at", .type = T::instant, .roles = kPlain, .doc = "When to remind the owner.", .csv = {{"reminder_at", {"Reminder", "Reminder Date Time"}}}, .sql = {.column = "reminder_at"}}, &ActivityData::reminder_at},
      {{.name = "recurrence", .type = T::recurrence, .roles = kCsv | kAudited, .doc = "Tasks only: how it repeats.", .csv = {{"recurrence", {"Repeat", "Repeats"}}}, .sql = {.column = "recurrence"}}, &ActivityData::recurrence},
      {{.name = "account", .type = T::reference, .roles = kLink, .doc = "The account it concerns.", .csv = {{"account_ref", {}, CsvCell::external_ref}, {"account", {"Account Name", "Company"}, CsvCell::name}, {"what_ref", {}, CsvCell::either_ref, false}}, .sql = {.column = "account_id", .table = "accounts"}, .target = "account"}, &ActivityData::account},
      {{.name = "contact", .type = T::reference, .roles = kLink, .doc = "The contact it concerns.", .csv = {{"contact_ref", {}, CsvCell::external_ref}, {"contact_email", {"Contact E-mail"}, CsvCell::email}, {"who_ref", {}, CsvCell::either_ref, false}}, .sql = {.column = "contact_id", .table = "contacts"}, .target = "contact"}, &ActivityData::contact},
      {{.name = "opportunity", .type = T::reference, .roles = kLink, .doc = "The deal it concerns.", .csv = {{"opportunity_ref", {"Opportunity Id", "Deal Ref"}, CsvCell::external_ref}, {"opportunity", {"Opportunity Name", "Deal", "Deal Name"}, CsvCell::name}}, .sql = {.column = "opportunity_id", .table = "opportunities"}, .target = "opportunity"}, &ActivityData::opportunity},
      {{.name = "lead", .type = T::reference, .roles = kLink, .doc = "The lead it concerns.", .csv = {{"lead_ref", {}, CsvCell::external_ref}}, .sql = {.column = "lead_id", .table = "leads"}, .target = "lead"}, &ActivityData::lead},
      {{.name = "body", .roles = kPlain, .doc = "Free text.", .csv = {{"body", with(kDescriptionHeaders, {"Details"})}}, .sql = {.column = "body"}, .multiline = true}, &ActivityData::body},
      {{.name = "external_ref", .roles = kPlain | R::key, .doc = "The embedding system's key; unique when set.", .csv = {{"external_ref", with(kExternalRefHeaders, {"Activity Id", "Task Id", "Event Id"})}}, .sql = {.column = "external_ref"}}, &ActivityData::external_ref},
      {{.name = "custom", .type = T::custom, .storage = FieldStorage::custom_json, .roles = kAudited, .doc = "Values of the custom fields, by field name.", .sql = {.column = "custom"}}, &ActivityData::custom},
  };
  return fields;
}

template <>
const std::vector<RecordField<Activity>>& record_fields<Activity>() {
  static const std::vector<RecordField<Activity>> fields = [] {
    std::vector<RecordField<Activity>> rest = {
        {{.name = "phone_e164", .storage = FieldStorage::computed, .roles = kMaintained, .doc = "`phone` in E.164 when it is a number, else empty.", .sql = {.column = "phone_e164"}}, &Activity::phone_e164},
        {{.name = "completed_at", .type = T::instant, .roles = kMaintained | R::filter | R::sort, .doc = "When it was marked done.", .sql = {.column = "completed_at"}}, &Activity::completed_at},
        {{.name = "previous", .type = T::reference, .roles = kMaintained, .doc = "The occurrence this one recurs from.", .sql = {.column = "previous_id", .table = "activities"}, .target = "activity"}, &Activity::previous},
    };
    for (auto& stamp : stamps<Activity>(false)) rest.push_back(std::move(stamp));
    return stored_table(id_field<Activity>("activity", false), record_fields<ActivityData>(), std::move(rest));
  }();
  return fields;
}

}  // namespace crm
