#include <SQLiteCpp/Statement.h>

#include "common/fields.hpp"
#include "crm/account.hpp"
#include "crm/contact.hpp"
#include "crm/error.hpp"
#include "listing/record_list.hpp"
#include "crm/lead.hpp"
#include "crm/opportunity.hpp"
#include "crm/segment.hpp"
#include "query/catalog.hpp"
#include "query/compiler.hpp"
#include "segment/segment_store.hpp"
#include "storage/errors.hpp"
#include "storage/raw_statement.hpp"
#include "storage/record_table.hpp"
#include "storage/session.hpp"
#include "text/unicode.hpp"
#include "storage/store_access.hpp"

namespace crm {
namespace {

using namespace detail;

[[noreturn]] void refuse(const std::string& field, const std::string& problem) {
  throw Error(ErrorCode::invalid_argument, field + ": " + problem, field);
}

// Segments hold accounts, contacts, leads or opportunities.
RecordKind segment_kind(RecordKind kind) {
  if (kind == RecordKind::activity || !record_kind_from_name(record_kind_name(kind)))
    refuse("segment.record_kind", "segments hold accounts, contacts, leads or opportunities");
  return kind;
}

std::string checked_name(std::string_view name) { return require_line(name, "segment.name"); }

void name_taken(RecordKind kind, const std::string& name) {
  throw Error(ErrorCode::already_exists,
              "segment.name: there is already a segment of " + std::string(record_table_name(kind)) + " called " +
                  quote(name),
              "segment.name");
}

// Runs an INSERT or UPDATE that may hit the unique name.
void write_named(SQLite::Statement& statement, RecordKind kind, const std::string& name) {
  try {
    statement.exec();
  } catch (...) {
    if (is_unique_violation("segments.record_kind")) name_taken(kind, name);
    throw;
  }
}

SegmentId insert_segment(Session& session, RecordKind kind, const std::string& name, const std::string* filter) {
  auto insert = session.prepare(
      "INSERT INTO segments (record_kind, name, name_key, kind, filter, created_at, updated_at) "
      "VALUES (?, ?, ?, ?, ?, ?, ?6)");
  insert->bind(1, std::string(record_kind_name(kind)));
  insert->bind(2, name);
  insert->bind(3, match_key(name));
  insert->bind(4, filter ? "dynamic" : "list");
  if (filter) insert->bind(5, *filter);
  insert->bind(6, format_instant(session.now()));
  write_named(*insert, kind, name);
  return SegmentId(session.last_insert_id());
}

void touch_segment(Session& session, SegmentId id) {
  auto touch = session.prepare("UPDATE segments SET updated_at = ?, version = version + 1 WHERE id = ?");
  touch->bind(1, format_instant(session.now()));
  touch->bind(2, id.value());
  touch->exec();
}

Segment require_list(Session& session, SegmentId id) {
  Segment segment = load_segment(session, id);
  if (segment.kind != SegmentKind::list)
    refuse("segment", quote(segment.name) + " is a dynamic segment; members can be added to static lists only");
  return segment;
}

// A JSON array of the ids, for json_each().
std::string id_array(const std::vector<std::int64_t>& ids) {
  std::string text = "[";
  for (std::size_t i = 0; i < ids.size(); ++i) text += (i ? "," : "") + std::to_string(ids[i]);
  return text + "]";
}

}  // namespace

std::string_view segment_kind_name(SegmentKind kind) noexcept {
  return kind == SegmentKind::list ? "list" : "dynamic";
}

void Segments::check(RecordKind kind, const Filter& filter) const {
  guarded_read(session_, [&] { compile_filter(session_, kind, filter, record_table_name(kind)); });
}

Filter Segments::parse(RecordKind kind, std::string_view text) const {
  Filter filter = guarded([&] { return Filter::parse(text); });
  check(kind, filter);
  return filter;
}

std::int64_t Segments::count(RecordKind kind, const Filter& filter) const {
  return guarded_read(session_, [&] {
    const std::string table(record_table_name(kind));
    const CompiledFilter compiled = compile_filter(session_, kind, filter, table);
    RawStatement statement(session_, "SELECT count(*) FROM " + table + " WHERE " + table +
                                         ".deleted_at IS NULL AND " + compiled.sql);
    bind_parameters(statement, compiled.parameters);
    statement.step();
    return static_cast<std::int64_t>(sqlite3_column_int64(statement.handle(), 0));
  });
}

Segment Segments::create(RecordKind kind, std::string_view name, const Filter& filter) {
  return guarded([&] {
    const std::string clean = checked_name(name);
    segment_kind(kind);
    WriteScope scope(session_);
    check(kind, filter);
    const std::string text = filter.to_string();
    const SegmentId id = insert_segment(session_, kind, clean, &text);
    return scope.commit_returning([&] { return get(id); });
  });
}

Segment Segments::create_list(RecordKind kind, std::string_view name) {
  return guarded([&] {
    const std::string clean = checked_name(name);
    segment_kind(kind);
    WriteScope scope(session_);
    const SegmentId id = insert_segment(session_, kind, clean, nullptr);
    return scope.commit_returning([&] { return get(id); });
  });
}

Segment Segments::freeze(SegmentId id, std::string_view name) {
  return guarded([&] {
    const std::string clean = checked_name(name);
    WriteScope scope(session_);
    const Segment source = load_segment(session_, id);
    const SegmentId list = insert_segment(session_, source.record_kind, clean, nullptr);
    const std::string table(record_table_name(source.record_kind));
    const CompiledFilter members = segment_condition(session_, source.record_kind, id, table);
    RawStatement copy(session_, "INSERT INTO segment_members (segment_id, record_id, added_at) SELECT :list, " +
                                    table + ".id, :now FROM " + table + " WHERE " + table +
                                    ".deleted_at IS NULL AND " + members.sql);
    copy.bind(":list", list.value());
    copy.bind(":now", format_instant(session_.now()));
    bind_parameters(copy, members.parameters);
    copy.step();
    return scope.commit_returning([&] { return get(list); });
  });
}

Segment Segments::get(SegmentId id) const {
  return guarded_read(session_, [&] { return load_segment(session_, id); });
}

std::optional<Segment> Segments::find(RecordKind kind, std::string_view name) const {
  return guarded_read(session_, [&]() -> std::optional<Segment> {
    auto statement = session_.prepare("SELECT id FROM segments WHERE record_kind = ? AND name_key = ?");
    statement->bind(1, std::string(record_kind_name(kind)));
    statement->bind(2, match_key(name));
    if (!statement->executeStep()) return std::nullopt;
    return load_segment(session_, SegmentId(statement->getColumn(0).getInt64()));
  });
}

std::vector<Segment> Segments::list(std::optional<RecordKind> kind) const {
  return guarded_read(session_, [&] {
    auto statement = session_.prepare(
        "SELECT id FROM segments WHERE ?1 IS NULL OR record_kind = ?1 ORDER BY record_kind, name_key, id");
    if (kind) statement->bind(1, std::string(record_kind_name(*kind)));
    std::vector<Segment> segments;
    while (statement->executeStep())
      segments.push_back(load_segment(session_, SegmentId(statement->getColumn(0).getInt64())));
    return segments;
  });
}

Segment Segments::rename(SegmentId id, std::string_view name) {
  return guarded([&] {
    const std::string clean = checked_name(name);
    WriteScope scope(session_);
    const Segment segment = load_segment(session_, id);
    auto update = session_.prepare("UPDATE segments SET name = ?, name_key = ? WHERE id = ?");
    update->bind(1, clean);
    update->bind(2, match_key(clean));
    update->bind(3, id.value());
    write_named(*update, segment.record_kind, clean);
    touch_segment(session_, id);
    return scope.commit_returning([&] { return get(id); });
  });
}

Segment Segments::set_filter(SegmentId id, const Filter& filter) {
  return guarded([&] {
    WriteScope scope(session_);
    const Segment segment = load_segment(session_, id);
    if (segment.kind != SegmentKind::dynamic)
      refuse("segment", quote(segment.name) + " is a static list; it has members, not a filter");
    check(segment.record_kind, filter);
    auto update = session_.prepare("UPDATE segments SET filter = ? WHERE id = ?");
    update->bind(1, filter.to_string());
    update->bind(2, id.value());
    update->exec();
    touch_segment(session_, id);
    return scope.commit_returning([&] { return get(id); });
  });
}

void Segments::remove(SegmentId id) {
  guarded([&] {
    WriteScope scope(session_);
    load_segment(session_, id);
    auto erase = session_.prepare("DELETE FROM segments WHERE id = ?");
    erase->bind(1, id.value());
    erase->exec();
    scope.commit();
  });
}

void Segments::add_members(SegmentId list, const std::vector<std::int64_t>& record_ids) {
  guarded([&] {
    WriteScope scope(session_);
    const Segment segment = require_list(session_, list);
    const RecordTable& table = record_table_of(segment_kind(segment.record_kind));
    for (std::int64_t id : record_ids) require_live(session_, table, id, "segment.members");
    auto insert = session_.prepare(
        "INSERT OR IGNORE INTO segment_members (segment_id, record_id, added_at) "
        "SELECT ?, value, ? FROM json_each(?)");
    insert->bind(1, list.value());
    insert->bind(2, format_instant(session_.now()));
    insert->bind(3, id_array(record_ids));
    insert->exec();
    touch_segment(session_, list);
    scope.commit();
  });
}

void Segments::remove_members(SegmentId list, const std::vector<std::int64_t>& record_ids) {
  guarded([&] {
    WriteScope scope(session_);
    require_list(session_, list);
    auto erase = session_.prepare(
        "DELETE FROM segment_members WHERE segment_id = ? AND record_id IN (SELECT value FROM json_each(?))");
    erase->bind(1, list.value());
    erase->bind(2, id_array(record_ids));
    erase->exec();
    touch_segment(session_, list);
    scope.commit();
  });
}

std::int64_t Segments::count(SegmentId id) const {
  return guarded_read(session_, [&] {
    const Segment segment = load_segment(session_, id);
    return count_rows(session_, segment_kind(segment.record_kind), ListQuery{.segment = id});
  });
}

bool Segments::contains(SegmentId id, std::int64_t record_id) const {
  return guarded_read(session_, [&] {
    const Segment segment = load_segment(session_, id);
    return count_rows(session_, segment_kind(segment.record_kind), ListQuery{.segment = id},
                      [&] {
                        ExtraFilter only;
                        only.add(std::string(record_table_name(segment.record_kind)) + ".id = :record", ":record",
                                 record_id);
                        return only;
                      }()) > 0;
  });
}

Page<std::int64_t> Segments::members(SegmentId id, const ListQuery& query) const {
  return guarded_read(session_, [&] {
    const Segment segment = load_segment(session_, id);
    ListQuery members = query;
    members.segment = id;
    IdPage page = list_ids(session_, segment_kind(segment.record_kind), members);
    return Page<std::int64_t>{std::move(page.ids), std::move(page.next)};
  });
}

TablePage Segments::select(SegmentId id, const std::vector<std::string>& columns, const ListQuery& query) const {
  const Segment segment = get(id);
  ListQuery members = query;
  members.segment = id;
  switch (segment.record_kind) {
    case RecordKind::account: return detail::StoreAccess::make<Accounts>(session_).select(columns, members);
    case RecordKind::contact: return detail::StoreAccess::make<Contacts>(session_).select(columns, members);
    case RecordKind::lead: return detail::StoreAccess::make<Leads>(session_).select(columns, members);
    case RecordKind::opportunity: return detail::StoreAccess::make<Opportunities>(session_).select(columns, members);
    case RecordKind::activity: break;
  }
  refuse("segment.record_kind", "segments hold accounts, contacts, leads or opportunities");
}

}  // namespace crm
