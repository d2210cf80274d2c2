#include "segment/segment_store.hpp"

#include <SQLiteCpp/Statement.h>

#include "crm/error.hpp"
#include "storage/session.hpp"
#include "storage/sql_values.hpp"

namespace crm::detail {

Segment load_segment(Session& session, SegmentId id) {
  auto statement = session.prepare(
      "SELECT record_kind, name, kind, filter, version, created_at, updated_at FROM segments WHERE id = ?");
  statement->bind(1, id.value());
  if (!statement->executeStep())
    throw Error(ErrorCode::not_found, "segment " + std::to_string(id.value()) + " does not exist", "segment");
  Segment segment;
  segment.id = id;
  segment.record_kind = *record_kind_from_name(statement->getColumn(0).getString());
  segment.name = statement->getColumn(1).getString();
  segment.kind = statement->getColumn(2).getString() == "list" ? SegmentKind::list : SegmentKind::dynamic;
  segment.filter = column_text(*statement, 3);
  segment.version = statement->getColumn(4).getInt64();
  segment.created_at = parse_instant(statement->getColumn(5).getString());
  segment.updated_at = parse_instant(statement->getColumn(6).getString());
  return segment;
}

CompiledFilter segment_condition(Session& session, RecordKind kind, SegmentId id, std::string_view alias) {
  const Segment segment = load_segment(session, id);
  if (segment.record_kind != kind)
    throw Error(ErrorCode::invalid_argument,
                "segment: '" + segment.name + "' holds " + std::string(record_kind_name(segment.record_kind)) +
                    " records, not " + std::string(record_kind_name(kind)) + " records",
                "segment");
  if (segment.kind == SegmentKind::dynamic) {
    try {
      return compile_filter(session, kind, Filter::parse(segment.filter), alias, "s");
    } catch (const Error& e) {
      if (e.code() != ErrorCode::parse_error) throw;
      throw Error::parse("segment '" + segment.name + "': " + e.what(), e.line(), e.column(), "segment");
    }
  }
  return {std::string(alias) + ".id IN (SELECT record_id FROM segment_members WHERE segment_id = :s0)",
          {{":s0", id.value()}}};
}

}  // namespace crm::detail
