#include "query/catalog.hpp"

namespace crm::detail {
namespace {

std::string replace_all(std::string text, std::string_view from, std::string_view to) {
  for (std::size_t at = text.find(from); at != std::string::npos; at = text.find(from, at + to.size()))
    text.replace(at, from.size(), to);
  return text;
}

FieldSpec text(std::string name, std::string column, std::string key = {}, Normalize normalize = Normalize::nfc) {
  return {.name = std::move(name), .type = FieldType::text, .sql = "{t}." + column,
          .key_sql = key.empty() ? std::string() : "{t}." + key, .normalize = normalize};
}

// A text field holding the name of the row `id_column` points to in
// `table` (lead sources, campaigns), matched by that row's name_key.
FieldSpec named(std::string name, std::string_view table, std::string_view id_column) {
  const std::string row = " FROM " + std::string(table) + " WHERE " + std::string(table) + ".id = {t}." +
                          std::string(id_column) + ")";
  return {.name = std::move(name), .type = FieldType::text, .sql = "(SELECT name" + row,
          .key_sql = "(SELECT name_key" + row};
}

// Where a record came from, by name: its lead source (called "source" on
// leads) and its campaign.
FieldSpec source_field(std::string name = "lead_source") {
  return named(std::move(name), "lead_sources", "lead_source_id");
}
FieldSpec campaign_field() { return named("campaign", "campaigns", "campaign_id"); }

FieldSpec typed(std::string name, FieldType type, std::string sql) {
  return {.name = std::move(name), .type = type, .sql = std::move(sql)};
}

FieldSpec enumeration(std::string name, std::string column, std::vector<std::string> values) {
  return {.name = std::move(name), .type = FieldType::enumeration, .sql = "{t}." + column, .values = std::move(values)};
}

FieldSpec lookup(std::string name, std::string id_column, std::string table, std::string key,
                 std::vector<std::string> values = {}) {
  const bool named = values.empty();
  return {.name = std::move(name), .type = named ? FieldType::lookup : FieldType::enumeration,
          .sql = "{t}." + id_column, .values = std::move(values), .lookup_table = table, .lookup_key = std::move(key),
          .lookup_names = named ? "SELECT DISTINCT name FROM " + table : std::string()};
}

FieldSpec collection(std::string name, std::string from, std::string element, Normalize normalize) {
  return {.name = std::move(name), .type = FieldType::text, .sql = {}, .key_sql = "{r}." + element,
          .normalize = normalize, .collection = std::move(from), .element = "{r}." + element};
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

std::vector<FieldSpec> stamps(std::vector<FieldSpec> fields) {
  fields.push_back(text("owner", "owner"));
  fields.push_back(typed("created_at", FieldType::instant, "{t}.created_at"));
  fields.push_back(typed("updated_at", FieldType::instant, "{t}.updated_at"));
  return fields;
}

std::vector<FieldSpec> account_fields() {
  return stamps({text("name", "name", "name_key"), text("registration_number", "registration_number"),
                 text("vat_id", "vat_id"), text("industry", "industry"), text("website", "website"),
                 text("phone", "phone_e164", "phone_e164", Normalize::phone),
                 text("email", "email_key", "email_key", Normalize::casefold), text("street", "street"),
                 text("city", "city"), text("postal_code", "postal_code"), text("region", "region"),
                 text("country", "country", {}, Normalize::country), source_field(), campaign_field(),
                 text("external_ref", "external_ref"), text("description", "description"),
                 deal_sum("won_revenue", RecordKind::account, "won"),
                 deal_sum("open_pipeline", RecordKind::account, "open"), last_activity(RecordKind::account)});
}

std::vector<FieldSpec> contact_fields() {
  return stamps({text("first_name", "first_name"), text("last_name", "last_name"),
                 collection("email", "FROM contact_emails {r} WHERE {r}.contact_id = {t}.id", "address_key",
                            Normalize::casefold),
                 collection("phone", "FROM contact_phones {r} WHERE {r}.contact_id = {t}.id", "e164", Normalize::phone),
                 text("job_title", "job_title"), typed("birthday", FieldType::birthday, "{t}.birthday"),
                 text("preferred_language", "preferred_language"), text("country", "country", {}, Normalize::country),
                 source_field(), campaign_field(), text("external_ref", "external_ref"),
                 text("description", "description"), deal_sum("won_revenue", RecordKind::contact, "won"),
                 deal_sum("open_pipeline", RecordKind::contact, "open"), last_activity(RecordKind::contact)});
}

std::vector<FieldSpec> lead_fields() {
  return stamps({text("first_name", "first_name"), text("last_name", "last_name"),
                 text("company_name", "company_name"), text("email", "email_key", "email_key", Normalize::casefold),
                 text("phone", "phone_e164", "phone_e164", Normalize::phone), source_field("source"),
                 campaign_field(), text("job_title", "job_title"), text("industry", "industry"),
                 enumeration("status", "status", {"new", "contacted", "qualified", "disqualified"}),
                 text("disqualified_reason", "disqualified_reason"), text("country", "country", {}, Normalize::country),
                 text("external_ref", "external_ref"), text("description", "description"),
                 typed("converted_at", FieldType::instant, "{t}.converted_at"), last_activity(RecordKind::lead)});
}

std::vector<FieldSpec> opportunity_fields() {
  return stamps({text("name", "name", "name_key"),
                 {.name = "amount", .type = FieldType::money, .sql = "{t}.amount_minor", .currency_sql = "{t}.currency"},
                 typed("expected_close", FieldType::date, "{t}.expected_close"),
                 typed("closed", FieldType::date, "{t}.closed_on"), lookup("stage", "stage_id", "stages", "name_key"),
                 lookup("status", "stage_id", "stages", "kind", {"open", "won", "lost"}),
                 lookup("pipeline", "pipeline_id", "pipelines", "name_key"),
                 lookup("lost_reason", "lost_reason_id", "lost_reasons", "name_key"),
                 typed("probability", FieldType::number, "{t}.probability"), source_field(),
                 campaign_field(), text("next_step", "next_step"), text("external_ref", "external_ref"),
                 text("description", "description"), last_activity(RecordKind::opportunity)});
}

std::vector<FieldSpec> activity_fields() {
  return stamps({enumeration("kind", "kind", {"call", "meeting", "email", "task", "note", "sms"}),
                 text("subject", "subject", "subject_key"), text("body", "body"),
                 enumeration("status", "status", {"planned", "done", "cancelled"}),
                 typed("start", FieldType::instant, "{t}.starts_at"),
                 typed("duration", FieldType::number, "{t}.duration_seconds"),
                 enumeration("direction", "direction", {"inbound", "outbound"}), text("outcome", "outcome"),
                 text("phone", "phone_e164", "phone_e164", Normalize::phone), text("email", "email"),
                 typed("reminder_at", FieldType::instant, "{t}.reminder_at"),
                 typed("completed_at", FieldType::instant, "{t}.completed_at")});
}

}  // namespace

const std::vector<FieldSpec>& builtin_fields(RecordKind kind) {
  static const std::vector<FieldSpec> all[] = {account_fields(), contact_fields(), lead_fields(), opportunity_fields(),
                                               activity_fields()};
  return all[static_cast<std::size_t>(kind)];
}

std::string_view record_table_name(RecordKind kind) {
  static constexpr std::string_view names[] = {"accounts", "contacts", "leads", "opportunities", "activities"};
  return names[static_cast<std::size_t>(kind)];
}

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
