#include "query/catalog.hpp"

#include "model/custom_field_store.hpp"

#include "crm/error.hpp"
#include "crm/record_fields.hpp"

namespace crm::detail {
namespace {

std::string replace_all(std::string text, std::string_view from, std::string_view to) {
  for (std::size_t at = text.find(from); at != std::string::npos; at = text.find(from, at + to.size()))
    text.replace(at, from.size(), to);
  return text;
}

FieldSpec text(std::string name, std::string_view column, std::string_view key, Normalize normalize) {
  return {.name = std::move(name), .type = FieldType::text, .sql = "{t}." + std::string(column),
          .key_sql = key.empty() ? std::string() : "{t}." + std::string(key), .normalize = normalize};
}

// A text field holding the name of the row `id_column` points to in
// `table` (lead sources, campaigns), matched by that row's name_key.
FieldSpec named(std::string name, std::string_view table, std::string_view id_column) {
  const std::string row = " FROM " + std::string(table) + " WHERE " + std::string(table) + ".id = {t}." +
                          std::string(id_column) + ")";
  return {.name = std::move(name), .type = FieldType::text, .sql = "(SELECT name" + row,
          .key_sql = "(SELECT name_key" + row};
}

FieldSpec typed(std::string name, FieldType type, std::string sql) {
  return {.name = std::move(name), .type = type, .sql = std::move(sql)};
}

std::vector<std::string> value_names(const FieldInfo& field) {
  return {field.values.begin(), field.values.end()};
}

// A field whose id column names a row of `table`: compared by that row's
// `key` column, as a name (stage, pipeline) or from a fixed list (stage kind).
FieldSpec lookup(std::string name, std::string_view id_column, std::string_view table, std::string_view key,
                 std::vector<std::string> values = {}) {
  const bool named = values.empty();
  return {.name = std::move(name), .type = named ? FieldType::lookup : FieldType::enumeration,
          .sql = "{t}." + std::string(id_column), .values = std::move(values), .lookup_table = std::string(table),
          .lookup_key = std::string(key),
          .lookup_names = named ? "SELECT DISTINCT name FROM " + std::string(table) : std::string()};
}

Normalize normalization(TextNormalization normalize) {
  switch (normalize) {
    case TextNormalization::casefold: return Normalize::casefold;
    case TextNormalization::country: return Normalize::country;
    case TextNormalization::phone: return Normalize::phone;
    case TextNormalization::nfc: break;
  }
  return Normalize::nfc;
}

// The catalog entry of a record field the segment language names, built
// from its descriptor's type and SQL storage.
FieldSpec from_descriptor(const FieldInfo& field) {
  std::string name(field.filter_field());
  const FieldSql& sql = field.sql;
  const std::string column = "{t}." + std::string(sql.column);
  switch (field.type) {
    case RecordFieldType::emails:
    case RecordFieldType::phones: {
      const std::string element = "{r}." + std::string(sql.key_column);
      return {.name = std::move(name), .type = FieldType::text, .sql = {}, .key_sql = element,
              .normalize = normalization(sql.normalize),
              .collection = "FROM " + std::string(sql.table) + " {r} WHERE {r}." + std::string(sql.link) + " = {t}.id",
              .element = element};
    }
    case RecordFieldType::enumeration:
      if (!sql.table.empty()) return lookup(std::move(name), sql.column, sql.table, sql.lookup_key, value_names(field));
      return {.name = std::move(name), .type = FieldType::enumeration, .sql = column, .values = value_names(field)};
    case RecordFieldType::reference: return lookup(std::move(name), sql.column, sql.table, sql.lookup_key);
    case RecordFieldType::money:
      return {.name = std::move(name), .type = FieldType::money, .sql = column,
              .currency_sql = "{t}." + std::string(sql.currency)};
    case RecordFieldType::date: return typed(std::move(name), FieldType::date, column);
    case RecordFieldType::instant: return typed(std::move(name), FieldType::instant, column);
    case RecordFieldType::integer:
    case RecordFieldType::duration:
    case RecordFieldType::percent: return typed(std::move(name), FieldType::number, column);
    case RecordFieldType::boolean: return typed(std::move(name), FieldType::boolean, column);
    case RecordFieldType::birthday: return typed(std::move(name), FieldType::birthday, column);
    case RecordFieldType::text:
      if (!sql.table.empty()) return named(std::move(name), sql.table, sql.column);
      return text(std::move(name), sql.compare.empty() ? sql.column : sql.compare, sql.key_column,
                  normalization(sql.normalize));
    default: break;
  }
  throw Error(ErrorCode::unsupported, std::string(name) + ": a field of this type cannot be filtered", std::string(name));
}

// The related opportunities' amounts in one currency, by stage kind.
FieldSpec deal_sum(std::string name, RecordKind kind, std::string_view stage_kind) {
  const std::string link = replace_all(*relation_link(kind, RecordKind::opportunity), "{r}", "agg_o");
  return {.name = std::move(name), .type = FieldType::money,
          .sql = "(SELECT coalesce(sum(agg_o.amount_minor), 0) FROM opportunities agg_o WHERE " + link +
                 " AND agg_o.deleted_at IS NULL AND agg_o.currency = {currency} AND agg_o.stage_id IN "
                 "(SELECT id FROM stages WHERE kind = '" + std::string(stage_kind) + "'))",
          .currency_in_sql = true};
}

FieldSpec last_activity(RecordKind kind) {
  const std::string link = replace_all(*relation_link(kind, RecordKind::activity), "{r}", "agg_a");
  return typed("last_activity_at", FieldType::instant,
               "(SELECT max(agg_a.starts_at) FROM activities agg_a WHERE " + link +
                   " AND agg_a.deleted_at IS NULL AND agg_a.status = 'done')");
}

// The fields of `kind` the segment language names (from the record
// descriptors), then the aggregates over related records.
std::vector<FieldSpec> fields_of(RecordKind kind) {
  std::vector<FieldSpec> fields;
  for (const FieldInfo& field : record_fields(kind))
    if (field.has(FieldRole::filter)) fields.push_back(from_descriptor(field));
  if (kind == RecordKind::account || kind == RecordKind::contact) {
    fields.push_back(deal_sum("won_revenue", kind, "won"));
    fields.push_back(deal_sum("open_pipeline", kind, "open"));
  }
  if (kind != RecordKind::activity) fields.push_back(last_activity(kind));
  return fields;
}

}  // namespace

const std::vector<FieldSpec>& builtin_fields(RecordKind kind) {
  static const std::vector<FieldSpec> all[] = {fields_of(RecordKind::account), fields_of(RecordKind::contact),
                                               fields_of(RecordKind::lead), fields_of(RecordKind::opportunity),
                                               fields_of(RecordKind::activity)};
  return all[static_cast<std::size_t>(kind)];
}

std::string_view record_table_name(RecordKind kind) { return custom_table(kind); }

std::optional<std::pair<std::string_view, std::string_view>> tag_table(RecordKind kind) {
  switch (kind) {
    case RecordKind::account: return std::pair{"account_tags", "account_id"};
    case RecordKind::contact: return std::pair{"contact_tags", "contact_id"};
    case RecordKind::lead: return std::pair{"lead_tags", "lead_id"};
    case RecordKind::opportunity: return std::pair{"opportunity_tags", "opportunity_id"};
    case RecordKind::activity: break;
  }
  return std::nullopt;
}

RecordKind related_kind(Relation relation) {
  switch (relation) {
    case Relation::opportunity: return RecordKind::opportunity;
    case Relation::contact: return RecordKind::contact;
    case Relation::activity: break;
  }
  return RecordKind::activity;
}

std::optional<std::string> relation_link(RecordKind kind, RecordKind related) {
  using K = RecordKind;
  if (related == K::activity) {
    static constexpr std::string_view columns[] = {"account_id", "contact_id", "lead_id", "opportunity_id"};
    if (kind == K::activity) return std::nullopt;
    return "{r}." + std::string(columns[static_cast<std::size_t>(kind)]) + " = {t}.id";
  }
  if (related == K::opportunity) {
    if (kind == K::account) return "{r}.account_id = {t}.id";
    if (kind == K::contact)
      return "({r}.primary_contact_id = {t}.id OR {r}.id IN "
             "(SELECT opportunity_id FROM opportunity_contacts WHERE contact_id = {t}.id))";
    if (kind == K::lead) return "{r}.id = {t}.converted_opportunity_id";
    if (kind == K::activity) return "{r}.id = {t}.opportunity_id";
  }
  if (related == K::contact) {
    if (kind == K::account)
      return "{r}.id IN (SELECT contact_id FROM employments WHERE account_id = {t}.id AND ended_on IS NULL)";
    if (kind == K::opportunity)
      return "({r}.id = {t}.primary_contact_id OR {r}.id IN "
             "(SELECT contact_id FROM opportunity_contacts WHERE opportunity_id = {t}.id))";
    if (kind == K::lead) return "{r}.id = {t}.converted_contact_id";
    if (kind == K::activity) return "{r}.id = {t}.contact_id";
  }
  if (related == K::account) {
    if (kind == K::contact)
      return "{r}.id IN (SELECT account_id FROM employments WHERE contact_id = {t}.id AND ended_on IS NULL)";
    if (kind == K::opportunity || kind == K::activity) return "{r}.id = {t}.account_id";
    if (kind == K::lead) return "{r}.id = {t}.converted_account_id";
  }
  return std::nullopt;
}

std::string fill_aliases(std::string_view sql, std::string_view alias, std::string_view related) {
  std::string text = replace_all(std::string(sql), "{t}", alias);
  return related.empty() ? text : replace_all(std::move(text), "{r}", related);
}

}  // namespace crm::detail
