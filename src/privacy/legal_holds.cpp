// Legal holds: placed and released by an administrator (the setup guards of
// user/acting_user.cpp refuse others), read by anyone; schema version 13's
// triggers refuse to purge a held person, the erasure checks first.
#include "privacy/legal_holds.hpp"

#include "crm/error.hpp"
#include "listing/record_list.hpp"
#include "storage/session.hpp"
#include "user/acting_user.hpp"

namespace crm {
namespace {

constexpr std::size_t kMaxReasonLength = 1000;

constexpr const char* kHoldColumns = "SELECT kind, record_id, reason, placed_at, coalesce(placed_by, '') FROM main.legal_holds";

LegalHold read_hold_row(SQLite::Statement& row) {
  LegalHold hold;
  hold.kind = *record_kind_from_name(row.getColumn(0).getString());
  hold.record_id = row.getColumn(1).getInt64();
  hold.reason = row.getColumn(2).getString();
  hold.placed_at = parse_instant(row.getColumn(3).getString());
  hold.placed_by = row.getColumn(4).getString();
  return hold;
}

// The hold on the person where `condition` (" AND ...") holds too.
std::optional<LegalHold> hold_where(detail::Session& session, RecordKind kind, std::int64_t record_id,
                                    const std::string& condition) {
  auto row = session.prepare(std::string(kHoldColumns) + " WHERE kind = ? AND record_id = ?" + condition);
  row->bind(1, std::string(record_kind_name(kind)));
  row->bind(2, record_id);
  std::optional<LegalHold> hold;
  if (row->executeStep()) hold = read_hold_row(*row);
  row->reset();
  return hold;
}

std::string person_name(RecordKind kind, std::int64_t record_id) {
  return std::string(record_kind_name(kind)) + " " + std::to_string(record_id);
}

void check_reason(const std::string& reason) {
  if (reason.empty() || reason.size() > kMaxReasonLength || reason.find_first_of("\r\n") != std::string::npos)
    throw Error(ErrorCode::invalid_argument,
                "legal_hold.reason: give one line of at most " + std::to_string(kMaxReasonLength) + " bytes",
                "reason");
}

}  // namespace

namespace detail {

void require_person_kind(RecordKind kind) {
  if (kind != RecordKind::contact && kind != RecordKind::lead)
    throw Error(ErrorCode::invalid_argument,
                "kind: a person is a contact or a lead, not an " + std::string(record_kind_name(kind)), "kind");
}

std::optional<LegalHold> read_legal_hold(Session& session, RecordKind kind, std::int64_t record_id) {
  return hold_where(session, kind, record_id, "");
}

void require_no_legal_hold(Session& session, RecordKind kind, std::int64_t record_id) {
  if (const auto hold = read_legal_hold(session, kind, record_id))
    throw Error(ErrorCode::conflict,
                person_name(kind, record_id) + ": under a legal hold (" + hold->reason +
                    "), which keeps it from being erased or purged; release the hold first",
                "id");
}

}  // namespace detail

Table legal_hold_table(const std::vector<LegalHold>& holds) {
  Table table({{"kind", ColumnType::text},
               {"record_id", ColumnType::integer},
               {"reason", ColumnType::text},
               {"placed_at", ColumnType::text},
               {"placed_by", ColumnType::text}});
  table.reserve(holds.size());
  for (const LegalHold& hold : holds) {
    table.add_row();
    table.set_text(0, record_kind_name(hold.kind));
    table.set_integer(1, hold.record_id);
    table.set_text(2, hold.reason);
    table.set_text(3, format_instant(hold.placed_at));
    table.set_text(4, hold.placed_by);
  }
  return table;
}

void Privacy::place_hold(RecordKind kind, std::int64_t record_id, const std::string& reason) {
  detail::guarded([&] {
    detail::require_person_kind(kind);
    check_reason(reason);
    detail::WriteScope scope(session_);
    auto exists = session_.prepare("SELECT 1 FROM main." + std::string(detail::record_table_of(kind).table) +
                                   " WHERE id = ?");
    exists->bind(1, record_id);
    const bool found = exists->executeStep();
    exists->reset();
    if (!found) throw Error(ErrorCode::not_found, person_name(kind, record_id) + " does not exist", "id");
    auto place = session_.prepare(
        "INSERT INTO main.legal_holds (kind, record_id, reason, placed_at, placed_by) VALUES (?, ?, ?, ?, ?) "
        "ON CONFLICT (kind, record_id) DO UPDATE SET reason = excluded.reason");
    place->bind(1, std::string(record_kind_name(kind)));
    place->bind(2, record_id);
    place->bind(3, reason);
    place->bind(4, format_instant(session_.now()));
    if (session_.user().empty()) place->bind(5); else place->bind(5, session_.user());
    place->exec();
    place->reset();
    scope.commit();
  });
}

void Privacy::release_hold(RecordKind kind, std::int64_t record_id) {
  detail::guarded([&] {
    detail::require_person_kind(kind);
    detail::WriteScope scope(session_);
    auto release = session_.prepare("DELETE FROM main.legal_holds WHERE kind = ? AND record_id = ?");
    release->bind(1, std::string(record_kind_name(kind)));
    release->bind(2, record_id);
    const int released = release->exec();
    release->reset();
    if (released == 0)
      throw Error(ErrorCode::not_found, person_name(kind, record_id) + ": no legal hold is placed", "id");
    scope.commit();
  });
}

std::optional<LegalHold> Privacy::hold(RecordKind kind, std::int64_t record_id) const {
  return detail::guarded_read(session_, [&] {
    detail::require_person_kind(kind);
    return hold_where(session_, kind, record_id, detail::readable_record_condition(session_, "kind", "record_id"));
  });
}

std::vector<LegalHold> Privacy::holds() const {
  return detail::guarded_read(session_, [&] {
    auto rows = session_.prepare(std::string(kHoldColumns) + " WHERE 1" +
                                 detail::readable_record_condition(session_, "kind", "record_id") +
                                 " ORDER BY kind, record_id");
    std::vector<LegalHold> holds;
    while (rows->executeStep()) holds.push_back(read_hold_row(*rows));
    rows->reset();
    return holds;
  });
}

}  // namespace crm
