// The history of interactions: activities, agendas and reminders, timelines,
// calls from the telephone system, and business-day calendars.
#include <pybind11/operators.h>

#include "crm/crm.hpp"
#include "py_enums.hpp"
#include "py_fields.hpp"
#include "py_stores.hpp"

namespace py = pybind11;

namespace crm::python {
namespace {

ActivityKind activity_kind(const std::string& name) {
  return enum_from_name(name, activity_kind_from_name, "activity.kind",
                        "'call', 'meeting', 'email', 'task', 'note', 'sms'");
}

ActivityStatus activity_status(const std::string& name) {
  return enum_from_name(name, activity_status_from_name, "activity.status", "'planned', 'done', 'cancelled'");
}

Direction direction(const std::string& name) {
  return enum_from_name(name, direction_from_name, "direction", "'', 'inbound', 'outbound'");
}

RecurrenceUnit recurrence_unit(const std::string& name) {
  return enum_from_name(name, recurrence_unit_from_name, "recurrence.unit", "'day', 'week', 'month'");
}

struct ActivityTraits {
  using Record = Activity;
  using Id = ActivityId;
  using Filter = ActivityFilter;
  static constexpr const char* noun = "activity";
  static constexpr const char* plural = "activities";
  static constexpr const char* extra_filter_doc =
      "; kind ('call', 'meeting', ...), status ('planned', 'done', 'cancelled'), account, contact, opportunity, "
      "lead (ids or records). 'name' sorts by subject; tag and country are not filters of activities";
  static Activities& store(Database& d) { return d.activities(); }
  static Filter filter(const py::kwargs& extra, const char* method) {
    refuse_unknown(extra, method, {"kind", "status", "account", "contact", "opportunity", "lead"});
    Filter filter;
    if (auto kind = keyword<std::string>(extra, "kind")) filter.kind = activity_kind(*kind);
    if (auto status = keyword<std::string>(extra, "status")) filter.status = activity_status(*status);
    filter.account = keyword<AccountId>(extra, "account").value_or(AccountId());
    filter.contact = keyword<ContactId>(extra, "contact").value_or(ContactId());
    filter.opportunity = keyword<OpportunityId>(extra, "opportunity").value_or(OpportunityId());
    filter.lead = keyword<LeadId>(extra, "lead").value_or(LeadId());
    return filter;
  }
  static Page<Record> list(Database& d, const ListQuery& q, const Filter& f) { return d.activities().list(q, f); }
  static std::int64_t count(Database& d, const ListQuery& q, const Filter& f) { return d.activities().count(q, f); }
};

struct PyTimelines {
  SharedDatabase db;
};

struct PyTelephony {
  SharedDatabase db;
};

struct PyCalendars {
  SharedDatabase db;
};

void bind_activity(py::module_& m) {
  py::class_<Recurrence>(m, "Recurrence",
                         "How a task repeats: every `interval` days, weeks or months; with business_days_only, "
                         "days are business days of the `calendar` country.")
      .def(py::init([](const std::string& unit, IntArg<int> interval, bool business_days_only, std::string calendar) {
             return Recurrence{recurrence_unit(unit), interval, business_days_only, std::move(calendar)};
           }),
           py::arg("unit") = "week", py::arg("interval") = 1, py::arg("business_days_only") = false,
           py::arg("calendar") = "", "unit is 'day', 'week' or 'month'; calendar an ISO 3166-1 country.")
      .def_property(
          "unit", [](const Recurrence& r) { return std::string(recurrence_unit_name(r.unit)); },
          [](Recurrence& r, const std::string& unit) { r.unit = recurrence_unit(unit); }, "'day', 'week' or 'month'.")
      .def_readwrite("interval", &Recurrence::interval, "At least 1.")
      .def_readwrite("business_days_only", &Recurrence::business_days_only,
                     "Count business days; weekly and monthly dates move to the next business day.")
      .def_readwrite("calendar", &Recurrence::calendar, "Country of the business-day calendar.")
      .def("__repr__",
           [](const Recurrence& r) {
             return "Recurrence('" + std::string(recurrence_unit_name(r.unit)) + "', " + std::to_string(r.interval) +
                    (r.business_days_only ? ", business_days_only=True" : "") +
                    (r.calendar.empty() ? "" : ", calendar=" + quoted(r.calendar)) + ")";
           })
      .def(py::self == py::self);

  py::class_<Activity> activity(m, "Activity",
                                "A call, meeting, email, task, note or sms, done or planned. Set fields as "
                                "attributes or keyword arguments to Activities.create()/update().");
  activity.def(py::init<>(), "An empty activity (a planned task); fill it and pass it to db.activities.create().")
      .def("__repr__", [](const Activity& a) {
        return "<Activity " + id_label(a.id) + " " + std::string(activity_kind_name(a.kind)) + " " +
               quoted(a.subject) + " " + std::string(activity_status_name(a.status)) + " v" +
               std::to_string(a.version) + (a.deleted_at ? " deleted" : "") + ">";
      });
  bind_record_fields(activity, RecordKind::activity);

  py::class_<Completion>(m, "Completion", "What Activities.complete() did.")
      .def_readonly("completed", &Completion::completed, "The activity, now done.")
      .def_readonly("next", &Completion::next, "The next occurrence of a recurring task, or None.")
      .def("__repr__", [](const Completion& c) {
        return "<Completion " + id_label(c.completed.id) + (c.next ? " next " + id_label(c.next->id) : "") + ">";
      });

  py::class_<Agenda>(m, "Agenda", "A user's planned work, by day of the user's time zone.")
      .def_readonly("overdue", &Agenda::overdue, "Planned, due before today.")
      .def_readonly("today", &Agenda::today, "Planned, due today.")
      .def_readonly("upcoming", &Agenda::upcoming, "Planned, due in the requested date range.")
      .def("__repr__", [](const Agenda& a) {
        return "<Agenda overdue " + std::to_string(a.overdue.size()) + ", today " + std::to_string(a.today.size()) +
               ", upcoming " + std::to_string(a.upcoming.size()) + ">";
      });
}

void bind_activities_store(py::module_& m) {
  using Store = PyStore<ActivityTraits>;
  auto store = bind_record_store<ActivityTraits>(m, "Activities", "Calls, meetings, emails, tasks: db.activities.");
  store
      .def(
          "complete",
          [](Store& self, ActivityId id, const std::string& outcome, std::optional<Instant> completed_at) {
            return self.db->run([&](Database& d) { return d.activities().complete(id, outcome, completed_at); });
          },
          py::arg("activity"), py::arg("outcome") = "", py::kw_only(), py::arg("completed_at") = py::none(),
          "Marks a planned activity done (at completed_at, default now); a recurring task gets its next "
          "occurrence. Returns a Completion.")
      .def(
          "cancel",
          [](Store& self, ActivityId id) { return self.db->run([&](Database& d) { return d.activities().cancel(id); }); },
          py::arg("activity"), "Marks a planned activity cancelled.")
      .def(
          "attach_to_contact",
          [](Store& self, ActivityId id, ContactId contact) {
            return self.db->run([&](Database& d) { return d.activities().attach_to_contact(id, contact); });
          },
          py::arg("activity"), py::arg("contact"),
          "Links an activity (such as a call from an unknown number) to a contact and the contact's employer.")
      .def(
          "agenda",
          [](Store& self, const std::string& owner, const std::string& time_zone, std::optional<Date> start,
             std::optional<Date> end) {
            return self.db->run([&](Database& d) { return d.activities().agenda(owner, time_zone, start, end); });
          },
          py::arg("owner"), py::arg("time_zone") = "UTC", py::kw_only(), py::arg("start") = py::none(),
          py::arg("end") = py::none(),
          "The owner's planned activities: overdue, due today, and due from start to end (dates, inclusive), by "
          "the days of time_zone: an IANA name ('Europe/Riga'), whose days follow the rules the zone had on each "
          "day (the system's tzdata), a POSIX TZ rule (one rule for every year) or 'UTC'.")
      .def(
          "reminders_due",
          [](Store& self, Instant at, std::optional<Instant> since) {
            return self.db->run([&](Database& d) { return d.activities().reminders_due(at, since); });
          },
          py::arg("at"), py::arg("since") = py::none(),
          "Planned, live activities whose reminder_at is in (since, at] (all up to `at` without since), earliest "
          "first.");
}

std::string timeline_entry_kind(const TimelineEntry& e) {
  return e.activity ? "activity" : e.stage_change ? "stage_change" : "change";
}

void bind_timelines(py::module_& m) {
  py::class_<TimelineEntry>(m, "TimelineEntry",
                            "One event of a timeline: an activity, a stage change of a deal, or a logged change of "
                            "the record (include_changes=True).")
      .def_readonly("at", &TimelineEntry::at, "When it happened (UTC datetime).")
      .def_readonly("activity", &TimelineEntry::activity, "The activity, or None.")
      .def_readonly("stage_change", &TimelineEntry::stage_change, "The stage change, or None.")
      .def_readonly("changes", &TimelineEntry::changes,
                    "For a logged change: its fields, a list of AuditEntry (see db.audit); else [].")
      .def_property_readonly("kind", &timeline_entry_kind, "'activity', 'stage_change' or 'change'.")
      .def("to_dict", [](py::handle self) { return record_to_dict(self); }, "The fields as a dict.")
      .def("__repr__",
           [](const TimelineEntry& e) {
             const std::string what = e.activity       ? "activity " + id_label(e.activity->id)
                                      : e.stage_change ? "stage change " + id_label(e.stage_change->id)
                                                       : "change " + std::to_string(e.changes.front().seq);
             return "<TimelineEntry " + format_instant(e.at) + " " + what + ">";
           })
      .attr("_fields") = py::make_tuple("at", "kind", "activity", "stage_change", "changes");
}

// One timeline method: records(owner id) newest first, lazily.
template <class Id, Page<TimelineEntry> (Timelines::*Method)(Id, const TimelineQuery&) const>
void bind_timeline(py::class_<PyTimelines>& cls, const char* name, const char* doc) {
  cls.def(
      name,
      [](PyTimelines& self, Id id, bool include_deleted, bool include_changes, IntArg<std::size_t> page_size) {
        TimelineQuery query;
        query.limit = page_size;
        query.include_deleted = include_deleted;
        query.include_changes = include_changes;
        return records<TimelineEntry, TimelineQuery>(
            self.db, query, [id](Database& d, const TimelineQuery& q) { return (d.timelines().*Method)(id, q); });
      },
      py::arg("id"), py::kw_only(), py::arg("include_deleted") = false, py::arg("include_changes") = false,
      py::arg("page_size") = 50, doc);
}

void bind_timelines_store(py::module_& m) {
  py::class_<PyTimelines> timelines(m, "Timelines",
                                    "The history of a customer, person, deal or lead, newest first: db.timelines. "
                                    "Each method returns a lazy Records of TimelineEntry, page_size at a time; "
                                    "include_changes=True adds the record's own logged changes (db.audit).");
  bind_timeline<AccountId, &Timelines::account>(
      timelines, "account",
      "Activities linked to the account, activities of its contacts dated while they worked there, and stage "
      "changes of its deals.");
  bind_timeline<ContactId, &Timelines::contact>(
      timelines, "contact", "Activities linked to the contact and stage changes of deals it is the primary contact of.");
  bind_timeline<OpportunityId, &Timelines::opportunity>(timelines, "opportunity",
                                                        "Activities linked to the deal and its stage changes.");
  bind_timeline<LeadId, &Timelines::lead>(timelines, "lead", "Activities linked to the lead.");
  timelines.def("__repr__", [](PyTimelines&) { return std::string("<crmcore timelines>"); });
}

void bind_telephony(py::module_& m) {
  py::class_<LoggedCall>(m, "LoggedCall", "What Telephony.record_call() found and stored.")
      .def_readonly("activity", &LoggedCall::activity, "The call, status 'done'.")
      .def_readonly("contact", &LoggedCall::contact, "The contact whose number it was, or None.")
      .def_readonly("account", &LoggedCall::account, "That contact's current employer, or None.")
      .def("__repr__", [](const LoggedCall& c) {
        return "<LoggedCall activity " + id_label(c.activity.id) +
               (c.contact ? " contact " + id_label(c.contact->id) : std::string(" unknown number")) +
               (c.account ? " account " + id_label(c.account->id) : std::string()) + ">";
      });

  py::class_<PyTelephony>(m, "Telephony", "Calls reported by the telephone system: db.telephony.")
      .def(
          "record_call",
          [](PyTelephony& self, std::string number, const std::string& direction_name, std::optional<Instant> started_at,
             IntArg<std::int64_t> duration_seconds, std::string owner, std::string subject, std::string outcome,
             std::string notes) {
            const CallReport call{std::move(number), started_at.value_or(Instant()), duration_seconds,
                                  direction(direction_name), std::move(owner), std::move(subject),
                                  std::move(outcome), std::move(notes)};
            return self.db->run([&](Database& d) { return d.telephony().record_call(call); });
          },
          py::arg("number"), py::kw_only(), py::arg("direction") = "inbound", py::arg("started_at") = py::none(),
          py::arg("duration_seconds") = 0, py::arg("owner") = "", py::arg("subject") = "", py::arg("outcome") = "",
          py::arg("notes") = "",
          "Finds the contact by the number (any written form) and its current account, and records a done call "
          "linked to them; an unknown number is recorded too, for attach_unmatched(). Returns a LoggedCall.")
      .def(
          "attach_unmatched",
          [](PyTelephony& self, ContactId contact) {
            return self.db->run([&](Database& d) { return d.telephony().attach_unmatched(contact); });
          },
          py::arg("contact"),
          "Links every recorded call without a contact from one of the contact's numbers to it; returns them.")
      .def("__repr__", [](PyTelephony&) { return std::string("<crmcore telephony>"); });
}

void bind_calendars(py::module_& m) {
  py::class_<Holiday>(m, "Holiday", "A public holiday of a country.")
      .def_readonly("country", &Holiday::country, "ISO 3166-1 alpha-2.")
      .def_readonly("day", &Holiday::day, "The date.")
      .def_readonly("name", &Holiday::name, "Its name.")
      .def("__repr__",
           [](const Holiday& h) { return "<Holiday " + h.country + " " + format_date(h.day) + " " + quoted(h.name) + ">"; })
      .def(py::self == py::self);

  py::class_<PyCalendars>(m, "Calendars",
                          "Weekends and holidays per country, for business-day arithmetic: db.calendars. Countries "
                          "without a weekend set rest on Saturday and Sunday.")
      .def(
          "add_holiday",
          [](PyCalendars& self, const std::string& country, Date day, const std::string& name) {
            self.db->run([&](Database& d) { d.calendars().add_holiday(country, day, name); });
          },
          py::arg("country"), py::arg("day"), py::arg("name"), "Adds (or renames) a holiday.")
      .def(
          "remove_holiday",
          [](PyCalendars& self, const std::string& country, Date day) {
            self.db->run([&](Database& d) { d.calendars().remove_holiday(country, day); });
          },
          py::arg("country"), py::arg("day"), "Removes a holiday; NotFoundError when there is none that day.")
      .def(
          "holidays",
          [](PyCalendars& self, const std::string& country, Date start, Date end) {
            return self.db->run([&](Database& d) { return d.calendars().holidays(country, start, end); });
          },
          py::arg("country"), py::arg("start"), py::arg("end"), "The holidays from start to end inclusive, in order.")
      .def(
          "set_weekend",
          [](PyCalendars& self, const std::string& country, const std::vector<int>& weekdays) {
            self.db->run([&](Database& d) { d.calendars().set_weekend(country, weekdays); });
          },
          py::arg("country"), py::arg("weekdays"), "Sets the weekend days (0 = Sunday ... 6 = Saturday); may be empty.")
      .def(
          "weekend",
          [](PyCalendars& self, const std::string& country) {
            return self.db->run([&](Database& d) { return d.calendars().weekend(country); });
          },
          py::arg("country"), "The weekend days (0 = Sunday ... 6 = Saturday).")
      .def(
          "is_business_day",
          [](PyCalendars& self, const std::string& country, Date day) {
            return self.db->run([&](Database& d) { return d.calendars().is_business_day(country, day); });
          },
          py::arg("country"), py::arg("day"), "True when the day is neither a weekend day nor a holiday.")
      .def(
          "add_business_days",
          [](PyCalendars& self, const std::string& country, Date start, IntArg<int> days) {
            return self.db->run([&](Database& d) { return d.calendars().add_business_days(country, start, days); });
          },
          py::arg("country"), py::arg("start"), py::arg("days"),
          "The date `days` business days after start (before, when negative); 0 gives start itself when it is a "
          "business day, else the next one.")
      .def("__repr__", [](PyCalendars&) { return std::string("<crmcore calendars>"); });
}

}  // namespace

void register_activities(py::module_& m) {
  bind_activity(m);
  bind_activities_store(m);
  bind_timelines(m);
  bind_timelines_store(m);
  bind_telephony(m);
  bind_calendars(m);
  add_store_property<PyStore<ActivityTraits>>(m, "activities", "Calls, meetings, emails, tasks, notes and sms.");
  add_store_property<PyTimelines>(m, "timelines", "The history of a customer, person, deal or lead.");
  add_store_property<PyTelephony>(m, "telephony", "Calls reported by the telephone system.");
  add_store_property<PyCalendars>(m, "calendars", "Weekends and holidays per country.");
}

}  // namespace crm::python
