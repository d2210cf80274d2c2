// The fields of opportunities (OpportunityData, Opportunity), in declaration order (CSV export puts the keys first).
#include "model/field_aliases.hpp"
#include "model/field_table.hpp"

namespace crm {
using namespace model;
using T = RecordFieldType;
using S = FieldStorage;
using R = FieldRole;

namespace {
constexpr FieldRoles kPlain = kQuery | kCsv | kAudited;
/// A link read and written by name in CSV, filtered by the linked row's name.
constexpr FieldRoles kNamedLink = R::filter | R::select | kCsv | kAudited;
}  // namespace

template <>
const std::vector<RecordField<OpportunityData>>& record_fields<OpportunityData>() {
  static const std::vector<RecordField<OpportunityData>> fields = {
      {{.name = "name", .roles = kPlain, .doc = "Required: the deal's name.", .csv = {{"name", {"Opportunity", "Opportunity Name", "Deal", "Deal Name"}}}, .sql = {.column = "name", .key_column = "name_key", .not_null = true}, .required = true}, &OpportunityData::name},
      {{.name = "account", .type = T::reference, .roles = R::select | kCsv | kAudited, .doc = "The customer, or none.",
        .csv = {{"account_ref", {"Account External Ref", "Customer Id", "Customer Code"}, CsvCell::external_ref}, {"account", {"Account Name", "Company", "Company Name", "Customer", "Customer Name"}, CsvCell::name}},
        .sql = {.column = "account_id", .table = "accounts"}, .target = "account"}, &OpportunityData::account},
      {{.name = "primary_contact", .type = T::reference, .roles = R::select | kCsv | kAudited, .doc = "The main person, or none.",
        .csv = {{"contact_ref", {}, CsvCell::external_ref}, {"contact_email", {"Email", "Contact E-mail"}, CsvCell::email}},
        .sql = {.column = "primary_contact_id", .table = "contacts"}, .target = "contact"}, &OpportunityData::primary_contact},
      {{.name = "amount", .type = T::money, .roles = kPlain, .doc = "The value of the deal; with line items their sum.",
        .csv = {{"amount", {"Value", "Deal Value", "Deal Amount", "Close Value", "Opportunity Amount"}}, {"currency", {"Currency Code", "CurrencyIsoCode"}, CsvCell::currency}},
        .sql = {.column = "amount_minor", .currency = "currency"}}, &OpportunityData::amount},
      {{.name = "pipeline", .type = T::reference, .roles = kNamedLink, .doc = "Unset: the default pipeline.", .csv = {{"pipeline", {"Sales Pipeline"}, CsvCell::name}}, .sql = {.column = "pipeline_id", .table = "pipelines", .lookup_key = "name_key"}, .target = "pipeline"}, &OpportunityData::pipeline},
      {{.name = "stage", .type = T::reference, .roles = kNamedLink, .doc = "Unset: the pipeline's first open stage.", .csv = {{"stage", {"Deal Stage", "Stage Name", "Sales Stage"}, CsvCell::name}}, .sql = {.column = "stage_id", .table = "stages", .lookup_key = "name_key"}, .target = "stage"}, &OpportunityData::stage},
      {{.name = "probability_override", .type = T::percent, .storage = S::computed, .roles = kCsv | kAudited, .doc = "Win probability 0..100 overriding the stage's default.", .csv = {{"probability", {"Probability (%)", "Win Probability", "probability_override"}}}, .sql = {.column = "probability_overridden"}}, &OpportunityData::probability_override},
      {{.name = "expected_close", .type = T::date, .roles = kPlain, .doc = "When it is expected to close.", .csv = {{"expected_close", {"Expected Close Date", "Expected Closing Date"}}}, .sql = {.column = "expected_close"}}, &OpportunityData::expected_close},
      {{.name = "closed_on", .type = T::date, .roles = kPlain, .doc = "The close date of a won or lost deal.", .filter_name = "closed",
        .csv = {{"closed_on", {"Closed Date", "Date Closed"}}, {"close_date", {"Closing Date"}, CsvCell::both_dates, false}},
        .sql = {.column = "closed_on"}, .also = "expected_close"}, &OpportunityData::closed_on},
      {{.name = "lost_reason", .type = T::reference, .roles = kNamedLink, .doc = "Why it was lost; required when a deal becomes lost (a deal created lost, as history, may lack it).", .csv = {{"lost_reason", {"Loss Reason", "Reason Lost"}, CsvCell::name}}, .sql = {.column = "lost_reason_id", .table = "lost_reasons", .lookup_key = "name_key"}, .target = "lost_reason"}, &OpportunityData::lost_reason},
      {{.name = "owner", .roles = kPlain, .doc = "The responsible user.", .csv = {{"owner", kOwnerHeaders}}, .sql = {.column = "owner"}}, &OpportunityData::owner},
      {{.name = "lead_source", .roles = kPlain, .doc = "How the deal came in: a lead source by name.", .csv = {{"lead_source", kSourceHeaders}}, .sql = {.column = "lead_source_id", .table = "lead_sources"}}, &OpportunityData::lead_source},
      {{.name = "campaign", .roles = kPlain, .doc = "The campaign that brought it, by name.", .csv = {{"campaign", kCampaignHeaders}}, .sql = {.column = "campaign_id", .table = "campaigns"}}, &OpportunityData::campaign},
      {{.name = "next_step", .roles = kPlain, .doc = "What happens next.", .csv = {{"next_step", {}}}, .sql = {.column = "next_step"}}, &OpportunityData::next_step},
      {{.name = "external_ref", .roles = kPlain | R::key, .doc = "The embedding system's key; unique when set.", .csv = {{"external_ref", with(kExternalRefHeaders, {"Opportunity Id", "Deal Id"})}}, .sql = {.column = "external_ref"}}, &OpportunityData::external_ref},
      {{.name = "tags", .type = T::tags, .storage = S::side_table, .roles = R::select | kCsv | kAudited, .doc = "Labels.", .csv = {{"tags", kTagHeaders}}, .sql = {.column = "tag", .table = "opportunity_tags", .link = "opportunity_id"}}, &OpportunityData::tags},
      {{.name = "description", .roles = R::filter | R::sort | kCsv | kAudited, .doc = "Free text.", .csv = {{"description", kDescriptionHeaders}}, .sql = {.column = "description"}, .multiline = true}, &OpportunityData::description},
      {{.name = "contacts", .type = T::deal_contacts, .storage = S::side_table, .roles = kAudited, .doc = "Further people and their roles.", .sql = {.table = "opportunity_contacts", .link = "opportunity_id"}}, &OpportunityData::contacts},
      {{.name = "line_items", .type = T::line_items, .storage = S::side_table, .roles = kAudited, .doc = "Products sold.", .sql = {.table = "line_items", .link = "opportunity_id"}}, &OpportunityData::line_items},
      {{.name = "custom", .type = T::custom, .storage = S::custom_json, .roles = kAudited, .doc = "Values of the custom fields, by field name.", .sql = {.column = "custom"}}, &OpportunityData::custom},
  };
  return fields;
}

template <>
const std::vector<RecordField<Opportunity>>& record_fields<Opportunity>() {
  static const std::vector<RecordField<Opportunity>> fields = [] {
    std::vector<RecordField<Opportunity>> rest = {
        {{.name = "stage_kind", .type = T::enumeration, .storage = S::computed, .roles = kMaintained | R::filter | R::select, .doc = "The kind of its stage: open, won or lost.", .filter_name = "status", .sql = {.column = "stage_id", .table = "stages", .lookup_key = "kind"}, .values = {"open", "won", "lost"}}, &Opportunity::stage_kind},
        {{.name = "probability", .type = T::integer, .roles = kMaintained | kQuery | kAudited, .doc = "The win probability in force (audited: an override changes it).", .sql = {.column = "probability"}}, &Opportunity::probability},
    };
    for (auto& stamp : stamps<Opportunity>()) rest.push_back(std::move(stamp));
    return stored_table(id_field<Opportunity>("opportunity"), record_fields<OpportunityData>(), std::move(rest));
  }();
  return fields;
}

}  // namespace crm
