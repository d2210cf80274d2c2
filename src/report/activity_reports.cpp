// Reports over the work with customers: activities per week, overdue tasks,
// accounts nobody talked to lately, upcoming birthdays.
#include <algorithm>
#include <array>
#include <map>
#include <set>

#include <nlohmann/json.hpp>

#include "crm/error.hpp"
#include "report/deal_subject.hpp"
#include "report/periods.hpp"
#include "report/report_registry.hpp"
#include "report/report_result.hpp"
#include "storage/session.hpp"

namespace crm {

using namespace detail;

namespace {

using boost::gregorian::days;

constexpr std::array<std::string_view, 6> kActivityKinds{"call", "meeting", "email", "task", "note", "sms"};

ReportSubject activity_subject(std::string_view report) {
  return {report,
          "a.owner",
          "",
          {{RecordKind::account, "a.account_id"},
           {RecordKind::contact, "a.contact_id"},
           {RecordKind::opportunity, "a.opportunity_id"},
           {RecordKind::lead, "a.lead_id"}}};
}

using KindCounts = std::array<std::int64_t, kActivityKinds.size()>;

std::size_t kind_index(const std::string& kind) {
  return static_cast<std::size_t>(std::find(kActivityKinds.begin(), kActivityKinds.end(), kind) - kActivityKinds.begin());
}

struct RiskLine {
  std::int64_t id = 0;
  std::string name;
  std::optional<std::string> owner;
  std::optional<Date> last;
  std::int64_t open_deals = 0;
  MoneySum open_amount;
};

std::vector<RiskLine> quiet_accounts(Session& session, const ReportOptions& options, std::string_view report,
                                     const Date& today, int quiet_days) {
  SqlConditions where = scope_conditions(session, options, {report, "acc.owner", "", {{RecordKind::account, "acc.id"}}});
  where.parameters.push_back({":after_day", format_date(today + days(1))});
  where.parameters.push_back({":quiet_since", format_date(today - days(quiet_days - 1))});
  const std::string counted = "a.deleted_at IS NULL AND a.status <> 'cancelled' AND a.starts_at < :after_day";
  const std::string sql =
      "WITH touches(account_id, at) AS ("
      "SELECT a.account_id, a.starts_at FROM activities a WHERE a.account_id IS NOT NULL AND " + counted +
      " UNION ALL SELECT o.account_id, a.starts_at FROM activities a JOIN opportunities o ON o.id = a.opportunity_id "
      "WHERE " + counted +
      " UNION ALL SELECT e.account_id, a.starts_at FROM activities a JOIN employments e ON e.contact_id = a.contact_id "
      "WHERE e.ended_on IS NULL AND " + counted +
      "), last AS (SELECT account_id, max(at) AS at FROM touches GROUP BY account_id) "
      "SELECT acc.id, acc.name, acc.owner, last.at FROM accounts acc LEFT JOIN last ON last.account_id = acc.id "
      "WHERE acc.deleted_at IS NULL AND (last.at IS NULL OR last.at < :quiet_since)" + where.and_terms();
  std::vector<RiskLine> lines;
  for_each_row(session.prepare(sql), where.parameters, [&](SQLite::Statement& row) {
    RiskLine line{row.getColumn(0).getInt64(), row.getColumn(1).getString(), optional_text(row, 2), std::nullopt, 0, {}};
    if (!row.getColumn(3).isNull()) line.last = day_column(row, 3);
    lines.push_back(std::move(line));
  });
  return lines;
}

void add_open_deals(Session& session, const ReportOptions& options, BaseCurrency& base, std::vector<RiskLine>& lines) {
  std::map<std::int64_t, RiskLine*> by_id;
  for (RiskLine& line : lines) by_id[line.id] = &line;
  SqlConditions where;
  where.parameters = {base.parameter(), {":as_of", format_date(report_day(session, options))}};
  const std::string sql = deal_totals_sql(base, "o.account_id", "opportunities o JOIN stages s ON s.id = o.stage_id",
                                          where, " AND s.kind = 'open'");
  for_each_row(session.prepare(sql), where.parameters, [&](SQLite::Statement& row) {
    const auto line = by_id.find(row.getColumn(0).getInt64());
    if (line == by_id.end()) return;
    DealTotals open;
    open.add(row, 1);
    line->second->open_deals += open.deals;
    line->second->open_amount.add(open.amount);
  });
}

// The next day on or after `today` that a birthday on "MM-DD" falls on (28
// February for 29 February in a common year).
Date next_birthday(std::string_view month_day, const Date& today) {
  const int month = std::stoi(std::string(month_day.substr(0, 2)));
  const int day = std::stoi(std::string(month_day.substr(3, 2)));
  auto in_year = [&](int year) {
    const bool leap = boost::gregorian::gregorian_calendar::is_leap_year(static_cast<unsigned short>(year));
    return Date(year, month, month == 2 && day == 29 && !leap ? 28 : day);
  };
  const Date this_year = in_year(today.year());
  return this_year >= today ? this_year : in_year(today.year() + 1);
}

}  // namespace

Report Reports::activities_per_week(const ReportOptions& options) const {
  return guarded_read(session_, [&] {
    const ReportInfo& report = checked_report(session_, &Reports::activities_per_week, options);
    const std::string_view name = report.name;
    BaseCurrency base(session_);
    SqlConditions where = scope_conditions(session_, options, activity_subject(name));
    add_instant_range(where, options, "a.starts_at");
    const std::string sql =
        "SELECT substr(a.starts_at, 1, 10) AS day, a.owner, a.kind, count(*) FROM activities a WHERE a.deleted_at IS "
        "NULL AND a.status <> 'cancelled'" + where.and_terms() + " GROUP BY day, a.owner, a.kind";
    std::map<std::pair<Date, std::optional<std::string>>, KindCounts> counts;
    std::set<std::optional<std::string>> owners;
    for_each_row(session_.prepare(sql), where.parameters, [&](SQLite::Statement& row) {
      const std::optional<std::string> owner = optional_text(row, 1);
      owners.insert(owner);
      counts[{day_column(row, 0), owner}][kind_index(row.getColumn(2).getString())] += row.getColumn(3).getInt64();
    });
    Table table(report.table_columns());
    std::array<std::size_t, kActivityKinds.size()> kind_columns{};  // each kind's column, found by its name
    for (std::size_t k = 0; k < kActivityKinds.size(); ++k) kind_columns[k] = table.column_index(kActivityKinds[k]);
    const std::size_t total_column = table.column_index("total");
    const auto range = report_range(options, counts.empty() ? std::nullopt : std::optional(counts.begin()->first.first),
                                    counts.empty() ? std::nullopt : std::optional(counts.rbegin()->first.first));
    if (!range) return finished_report(name, base, std::move(table));
    for (const ReportPeriod& week : periods_between(range->first, range->last, ReportInterval::week)) {
      std::map<std::optional<std::string>, KindCounts> cells;
      for (auto it = counts.lower_bound({week.first, std::nullopt}); it != counts.end() && it->first.first <= week.last; ++it)
        for (std::size_t k = 0; k < kActivityKinds.size(); ++k) cells[it->first.second][k] += it->second[k];
      for (const auto& owner : owners) {
        const KindCounts& kinds = cells[owner];
        table.add_row();
        table.set_text(0, week.label);
        table.set_text(1, format_date(week.first));
        set_optional_text(table, 2, owner);
        std::int64_t total = 0;
        for (std::size_t k = 0; k < kinds.size(); ++k) {
          table.set_integer(kind_columns[k], kinds[k]);
          total += kinds[k];
        }
        table.set_integer(total_column, total);
      }
    }
    return finished_report(name, base, std::move(table));
  });
}

Report Reports::overdue_tasks(const ReportOptions& options) const {
  return guarded_read(session_, [&] {
    const ReportInfo& report = checked_report(session_, &Reports::overdue_tasks, options);
    const std::string_view name = report.name;
    BaseCurrency base(session_);
    const Date today = report_day(session_, options);
    SqlConditions where = scope_conditions(session_, options, activity_subject(name));
    add_instant_range(where, options, "a.starts_at");
    where.add("a.starts_at < :today", ":today", format_date(today));
    const std::string sql =
        "SELECT a.owner, count(*), min(a.starts_at) AS oldest FROM activities a WHERE a.deleted_at IS NULL AND "
        "a.kind = 'task' AND a.status = 'planned'" + where.and_terms() + " GROUP BY a.owner ORDER BY oldest, a.owner";
    Table table(report.table_columns());
    for_each_row(session_.prepare(sql), where.parameters, [&](SQLite::Statement& row) {
      const Date oldest = day_column(row, 2);
      table.add_row();
      set_optional_text(table, 0, optional_text(row, 0));
      table.set_integer(1, row.getColumn(1).getInt64());
      table.set_text(2, format_date(oldest));
      table.set_integer(3, (today - oldest).days());
    });
    return finished_report(name, base, std::move(table));
  });
}

Report Reports::at_risk_accounts(const ReportOptions& options) const {
  return guarded_read(session_, [&] {
    const ReportInfo& report = checked_report(session_, &Reports::at_risk_accounts, options);
    const std::string_view name = report.name;
    BaseCurrency base(session_);
    const Date today = report_day(session_, options);
    std::vector<RiskLine> lines = quiet_accounts(session_, options, name, today, report_days(report, options));
    add_open_deals(session_, options, base, lines);
    std::stable_sort(lines.begin(), lines.end(), [](const RiskLine& a, const RiskLine& b) {
      if (a.last.has_value() != b.last.has_value()) return !a.last.has_value();
      if (a.last && *a.last != *b.last) return *a.last < *b.last;
      return a.name < b.name;
    });
    Table table(report.table_columns());
    for (const RiskLine& line : lines) {
      table.add_row();
      table.set_integer(0, line.id);
      table.set_text(1, line.name);
      set_optional_text(table, 2, line.owner);
      if (line.last) {
        table.set_text(3, format_date(*line.last));
        table.set_integer(4, (today - *line.last).days());
      }
      table.set_integer(5, line.open_deals);
      table.set_money(6, base.money(base.total(line.open_amount)));
    }
    return finished_report(name, base, std::move(table));
  });
}

Report Reports::upcoming_birthdays(const ReportOptions& options) const {
  return guarded_read(session_, [&] {
    const ReportInfo& report = checked_report(session_, &Reports::upcoming_birthdays, options);
    const std::string_view name = report.name;
    BaseCurrency base(session_);
    const Date today = report_day(session_, options);
    const std::string employer =
        "(SELECT e.account_id FROM employments e JOIN accounts ea ON ea.id = e.account_id WHERE e.contact_id = c.id "
        "AND e.ended_on IS NULL AND ea.deleted_at IS NULL ORDER BY e.started_on DESC, e.id DESC LIMIT 1)";
    SqlConditions where = scope_conditions(session_, options,
                                           {name, "c.owner", "", {{RecordKind::contact, "c.id"}, {RecordKind::account, employer}}});
    where.add("substr(c.birthday, -5) IN (SELECT value FROM json_each(:birthday_days))", ":birthday_days",
              nlohmann::json(birthday_days(today, report_days(report, options))).dump());
    const std::string sql = "SELECT c.id, trim(c.first_name || ' ' || c.last_name), (SELECT name FROM accounts WHERE id = " +
                            employer + "), c.birthday FROM contacts c WHERE c.deleted_at IS NULL AND c.birthday IS NOT "
                            "NULL" + where.and_terms();
    struct Line {
      std::int64_t id;
      std::string name;
      std::optional<std::string> account;
      Date next;
      std::optional<int> turns;
    };
    std::vector<Line> lines;
    for_each_row(session_.prepare(sql), where.parameters, [&](SQLite::Statement& row) {
      const Birthday birthday = Birthday::parse(row.getColumn(3).getString());
      const std::string month_day = row.getColumn(3).getString().substr(row.getColumn(3).getString().size() - 5);
      const Date next = next_birthday(month_day, today);
      std::optional<int> turns;
      if (birthday.year) turns = static_cast<int>(next.year()) - *birthday.year;
      lines.push_back({row.getColumn(0).getInt64(), row.getColumn(1).getString(), optional_text(row, 2), next, turns});
    });
    std::stable_sort(lines.begin(), lines.end(), [](const Line& a, const Line& b) {
      return a.next != b.next ? a.next < b.next : a.name < b.name;
    });
    Table table(report.table_columns());
    for (const Line& line : lines) {
      table.add_row();
      table.set_integer(0, line.id);
      table.set_text(1, line.name);
      set_optional_text(table, 2, line.account);
      table.set_text(3, format_date(line.next));
      if (line.turns) table.set_integer(4, *line.turns);
      table.set_integer(5, (line.next - today).days());
    }
    return finished_report(name, base, std::move(table));
  });
}

}  // namespace crm
