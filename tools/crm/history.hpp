// The tables the crm program prints for activities: agendas, timelines and
// logged calls, with times shown in one time zone.
#pragma once

#include <ostream>
#include <vector>

#include "crm/crm.hpp"
#include "display.hpp"

namespace crm::cli {

/// when (local), kind, status, subject, with whom, the deal and the owner,
/// one activity per row.
void print_activities(Names& names, const ZoneClock& clock, const std::vector<Activity>& activities,
                      std::ostream& out);

/// The overdue, today and upcoming sections of `agenda`, each with a heading
/// and "nothing" when empty.
void print_agenda(Names& names, const ZoneClock& clock, const Agenda& agenda, std::ostream& out);

/// when (local), what (an activity's kind and status, "stage", or a logged
/// change's operation), the subject, the stage move with its amount and
/// probability, or the changed fields, with whom (or the deal, or a change's
/// origin), and who.
void print_timeline(Names& names, const ZoneClock& clock, const std::vector<TimelineEntry>& entries,
                    std::ostream& out);

/// One line on a call recorded from a telephone system's report: whose number
/// it was, or that nobody's yet.
void print_logged_call(const LoggedCall& logged, std::ostream& out);

}  // namespace crm::cli
