// crmcore: saved segments — named dynamic filters, evaluated on each read,
// and static lists whose members are kept — plus counting and checking any
// filter against a database.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "crm/custom_field.hpp"
#include "crm/filter.hpp"
#include "crm/ids.hpp"
#include "crm/list.hpp"
#include "crm/table.hpp"
#include "crm/time.hpp"

namespace crm {

namespace detail {
class Session;
struct StoreAccess;
}  // namespace detail

/// A dynamic segment or a static list.
enum class SegmentKind {
  dynamic,  ///< A filter, evaluated on each read: members come and go as records change.
  list,     ///< A snapshot: members added and removed by hand (or frozen from a segment).
};
/// "dynamic" or "list".
std::string_view segment_kind_name(SegmentKind kind) noexcept;

/// A saved segment.
struct Segment {
  SegmentId id{};                               ///< Row id.
  RecordKind record_kind = RecordKind::contact; ///< What its members are.
  std::string name;                             ///< Unique per record kind, ignoring case and diacritics.
  SegmentKind kind = SegmentKind::dynamic;
  std::string filter;                           ///< dynamic: the filter text as saved (Filter::to_string()); list: empty.
  std::int64_t version = 0;                     ///< Incremented by each change.
  Instant created_at{};
  Instant updated_at{};
};

/// The saved segments of a Database (db.segments()), and filters run against
/// it. Members are live (not soft-deleted) records of the segment's record
/// kind; listing them with sort and paging, selecting columns for export,
/// and counting also go through the record stores with ListQuery::segment
/// (db.contacts().list({.segment = id})). Every change is one transaction.
/// Throws crm::Error: parse_error for a filter that does not parse or names
/// an unknown field, invalid_argument for bad names or a record of the wrong
/// kind, not_found, already_exists for a name in use.
class Segments {
 public:

  /// Checks that `filter` runs on records of `kind` here: its fields exist
  /// and its values fit their types. Throws Error(parse_error) with the
  /// position and the nearest valid names.
  void check(RecordKind kind, const Filter& filter) const;
  /// Filter::parse() then check().
  Filter parse(RecordKind kind, std::string_view text) const;
  /// How many live records of `kind` `filter` selects.
  std::int64_t count(RecordKind kind, const Filter& filter) const;

  /// Saves a dynamic segment. The filter is checked first (parse_error).
  Segment create(RecordKind kind, std::string_view name, const Filter& filter);
  /// Saves an empty static list.
  Segment create_list(RecordKind kind, std::string_view name);
  /// A new static list named `name` holding the current members of segment
  /// `id` (dynamic or list).
  Segment freeze(SegmentId id, std::string_view name);

  /// The segment with `id`; throws not_found.
  Segment get(SegmentId id) const;
  /// The segment of `kind` called `name` (ignoring case and diacritics), if any.
  std::optional<Segment> find(RecordKind kind, std::string_view name) const;
  /// All segments, or those of one record kind, by name.
  std::vector<Segment> list(std::optional<RecordKind> kind = std::nullopt) const;

  /// Renames a segment.
  Segment rename(SegmentId id, std::string_view name);
  /// Replaces a dynamic segment's filter (checked first); invalid_argument for a list.
  Segment set_filter(SegmentId id, const Filter& filter);
  /// Removes the segment (a list's memberships with it); records stay.
  void remove(SegmentId id);

  /// Adds records to a static list; records already in it stay once.
  /// Throws not_found naming the first id that is not a live record of the
  /// list's kind, invalid_argument for a dynamic segment; nothing is added then.
  void add_members(SegmentId list, const std::vector<std::int64_t>& record_ids);
  /// Removes records from a static list (ids not in it are ignored).
  void remove_members(SegmentId list, const std::vector<std::int64_t>& record_ids);

  /// How many live records are members now.
  std::int64_t count(SegmentId id) const;
  /// True when the record with `record_id` is a live member now.
  bool contains(SegmentId id, std::int64_t record_id) const;
  /// One page of member ids in the query's order (its filters, sort and
  /// paging apply; its segment is replaced by `id`).
  Page<std::int64_t> members(SegmentId id, const ListQuery& query = {}) const;
  /// One page of the members' `columns` (those the record kind's select()
  /// offers, custom fields by name) for export.
  TablePage select(SegmentId id, const std::vector<std::string>& columns, const ListQuery& query = {}) const;

 private:
  friend struct detail::StoreAccess;  // constructs stores: Database and the implementation
  explicit Segments(detail::Session& session) : session_(session) {}
  detail::Session& session_;
};

}  // namespace crm
