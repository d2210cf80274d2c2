// What the segment language can name on each kind of record: built-in fields
// with their SQL, aggregates over related records, and how kinds relate.
// SQL templates write {t} for the record's table alias and {r} for the
// related record's alias.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "crm/custom_field.hpp"
#include "crm/filter.hpp"

namespace crm::detail {

/// How a field's values compare.
enum class FieldType {
  text,         ///< Text; = exact (NFC), ~ / contains / starts with on the match key.
  enumeration,  ///< Text from a fixed list (`values`), compared ignoring case.
  lookup,       ///< A name looked up by id (stage, pipeline, lost reason), compared ignoring case and diacritics.
  number,       ///< Integer or real.
  money,        ///< Minor units in `sql` and the currency in `currency_sql`.
  date,         ///< 'YYYY-MM-DD' text.
  instant,      ///< 'YYYY-MM-DDTHH:MM:SS.ffffffZ' text; compared by its UTC day.
  boolean,      ///< 1/0.
  birthday,     ///< A contact's birthday; only `is empty` and `birthday within`.
};

/// How a text literal is normalized before it is bound.
enum class Normalize { nfc, casefold, country, phone };

/// One field of the catalog.
struct FieldSpec {
  std::string name;            ///< As the language names it.
  FieldType type = FieldType::text;
  std::string sql;             ///< Value expression ({t}); for money the amount in minor units.
  std::string key_sql{};       ///< Match-key expression for ~, contains, starts with; empty: crm_match_key(sql).
  std::string currency_sql{};  ///< money: the currency expression; empty for aggregates (see currency_in_sql).
  std::vector<std::string> values{};  ///< enumeration: the allowed values, lower-case.
  /// When set, `sql` is an id column and the value is read from this table's
  /// `lookup_key` column: "{t}.stage_id IN (SELECT id FROM stages WHERE kind = ?)".
  std::string lookup_table{};
  std::string lookup_key{};
  std::string lookup_names{};  ///< lookup: SQL listing every name, for "did you mean".
  Normalize normalize = Normalize::nfc;
  /// Set when the field has several values per record (emails, phones,
  /// multiple choice): `sql` then is "FROM ... WHERE ..." over alias {r} and
  /// `element` the value of one; a condition holds when one value meets it.
  std::string collection{};
  std::string element{};
  /// money aggregates: `sql` holds {currency}, where the literal's currency is bound.
  bool currency_in_sql = false;
};

/// The built-in fields and aggregates of `kind` (not custom fields).
const std::vector<FieldSpec>& builtin_fields(RecordKind kind);

/// The SQL table of `kind` ("contacts").
std::string_view record_table_name(RecordKind kind);

/// The tag table and its link column for `kind`, or nullopt when it has no tags.
std::optional<std::pair<std::string_view, std::string_view>> tag_table(RecordKind kind);

/// The kind of record `has <relation>(...)` looks for.
RecordKind related_kind(Relation relation);

/// How records of `related` belong to one of `kind`: SQL true when the row
/// {r} of `related` is related to the row {t} of `kind`, or nullopt when the
/// two do not relate. `related` account reads "the record's account".
std::optional<std::string> relation_link(RecordKind kind, RecordKind related);

/// Replaces every "{t}" with `alias` and "{r}" with `related`.
std::string fill_aliases(std::string_view sql, std::string_view alias, std::string_view related = {});

}  // namespace crm::detail
