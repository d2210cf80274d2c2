// List queries and cursors.
#include <cstring>

#include "c_handles.hpp"

using namespace crm::capi;

namespace {

// The filters crm_query_set_filter() and crm_query_set_filter_text() know.
constexpr const char* kIntegerFilters[] = {"account", "contact", "opportunity", "lead", "pipeline", "stage", "open"};
constexpr const char* kTextFilters[] = {"kind", "status"};

template <std::size_t N>
bool is_one_of(const char* name, const char* const (&names)[N]) {
  for (const char* known : names)
    if (std::strcmp(known, name) == 0) return true;
  return false;
}

template <std::size_t N>
std::string list_of(const char* const (&names)[N]) {
  std::string text;
  for (const char* name : names) text += std::string(text.empty() ? "" : ", ") + name;
  return text;
}

// Throws invalid_argument for the first filter of `query` that a list of `kind` does not know.
template <class Known>
void check_filters(const crm_query* query, const char* kind, Known known) {
  if (!query) return;
  auto refuse = [&](const std::string& name) {
    throw crm::Error(crm::ErrorCode::invalid_argument,
                     "filter '" + name + "': a list of " + kind + " has no such filter", name);
  };
  for (const auto& [name, value] : query->integer_filters)
    if (!known(name)) refuse(name);
  for (const auto& [name, value] : query->text_filters)
    if (!known(name)) refuse(name);
}

template <class Id>
Id id_filter(const crm_query* query, const char* name) {
  const auto found = query->integer_filters.find(name);
  return found == query->integer_filters.end() ? Id() : Id(found->second);
}

}  // namespace

namespace crm::capi {

crm::ListQuery plain_query(const crm_query* query, const char* kind) {
  check_filters(query, kind, [](const std::string&) { return false; });
  return list_query(query);
}

crm::OpportunityFilter opportunity_filter(const crm_query* query) {
  crm::OpportunityFilter filter;
  if (!query) return filter;
  check_filters(query, "opportunities", [](const std::string& name) {
    return name == "account" || name == "pipeline" || name == "stage" || name == "open";
  });
  filter.account = id_filter<crm::AccountId>(query, "account");
  filter.pipeline = id_filter<crm::PipelineId>(query, "pipeline");
  filter.stage = id_filter<crm::StageId>(query, "stage");
  if (const auto open = query->integer_filters.find("open"); open != query->integer_filters.end())
    filter.open = open->second != 0;
  return filter;
}

crm::ActivityFilter activity_filter(const crm_query* query) {
  crm::ActivityFilter filter;
  if (!query) return filter;
  check_filters(query, "activities", [](const std::string& name) {
    return name == "account" || name == "contact" || name == "opportunity" || name == "lead" || name == "kind" ||
           name == "status";
  });
  filter.account = id_filter<crm::AccountId>(query, "account");
  filter.contact = id_filter<crm::ContactId>(query, "contact");
  filter.opportunity = id_filter<crm::OpportunityId>(query, "opportunity");
  filter.lead = id_filter<crm::LeadId>(query, "lead");
  if (const auto kind = query->text_filters.find("kind"); kind != query->text_filters.end())
    filter.kind = crm::activity_kind_from_name(kind->second);  // checked when set
  if (const auto status = query->text_filters.find("status"); status != query->text_filters.end())
    filter.status = crm::activity_status_from_name(status->second);
  return filter;
}

}  // namespace crm::capi

extern "C" {

crm_status crm_query_new(crm_query** out_query) {
  CRM_REQUIRE(out_query);
  *out_query = nullptr;
  return guard([&] {
    *out_query = new crm_query();
    return CRM_OK;
  });
}

void crm_query_free(crm_query* query) { delete query; }

crm_status crm_query_set_owner(crm_query* query, const char* owner) {
  CRM_REQUIRE(query);
  return guard([&] {
    query->query.owner = text(owner);
    return CRM_OK;
  });
}

crm_status crm_query_set_tag(crm_query* query, const char* tag) {
  CRM_REQUIRE(query);
  return guard([&] {
    query->query.tag = text(tag);
    return CRM_OK;
  });
}

crm_status crm_query_set_country(crm_query* query, const char* country) {
  CRM_REQUIRE(query);
  return guard([&] {
    query->query.country = text(country);
    return CRM_OK;
  });
}

crm_status crm_query_set_deleted(crm_query* query, crm_deleted_filter filter) {
  CRM_REQUIRE(query);
  const int value = c_enum_value(filter);
  switch (value) {
    case CRM_DELETED_EXCLUDE: query->query.deleted = crm::DeletedFilter::exclude; return CRM_OK;
    case CRM_DELETED_INCLUDE: query->query.deleted = crm::DeletedFilter::include; return CRM_OK;
    case CRM_DELETED_ONLY: query->query.deleted = crm::DeletedFilter::only; return CRM_OK;
  }
  return fail_with(CRM_INVALID_ARGUMENT,
                   [&] { return "deleted: " + std::to_string(value) + " is not a filter"; }, "deleted");
}

crm_status crm_query_set_sort(crm_query* query, crm_sort sort, int descending) {
  CRM_REQUIRE(query);
  const int value = c_enum_value(sort);
  switch (value) {
    case CRM_SORT_NAME: query->query.sort = crm::SortBy::name; break;
    case CRM_SORT_ID: query->query.sort = crm::SortBy::id; break;
    case CRM_SORT_UPDATED_AT: query->query.sort = crm::SortBy::updated_at; break;
    default:
      return fail_with(CRM_INVALID_ARGUMENT,
                       [&] { return "sort: " + std::to_string(value) + " is not a sort order"; },
                       "sort");
  }
  query->query.descending = descending != 0;
  return CRM_OK;
}

crm_status crm_query_set_page_size(crm_query* query, int page_size) {
  CRM_REQUIRE(query);
  return guard([&] {
    crm::check_page_size(page_size);
    query->query.limit = static_cast<std::size_t>(page_size);
    return CRM_OK;
  });
}

crm_status crm_query_set_offset(crm_query* query, int64_t offset) {
  CRM_REQUIRE(query);
  if (offset < 0)
    return fail_with(CRM_INVALID_ARGUMENT, [&] { return "offset: " + std::to_string(offset) + " is negative"; },
                     "offset");
  query->query.offset = static_cast<std::size_t>(offset);
  return CRM_OK;
}

crm_status crm_query_set_filter(crm_query* query, const char* name, int64_t value) {
  CRM_REQUIRE(query);
  CRM_REQUIRE(name);
  return guard([&] {
    require_utf8(name, "filter");
    const std::string filter = name;
    if (!is_one_of(name, kIntegerFilters))
      return fail(CRM_INVALID_ARGUMENT,
                  "filter '" + filter + "' is not an integer filter; filters: " + list_of(kIntegerFilters) +
                      (is_one_of(name, kTextFilters) ? " (use crm_query_set_filter_text)" : ""),
                  filter);
    const bool open = filter == "open";
    if (open ? value < -1 || value > 1 : value < 0)
      return fail(CRM_INVALID_ARGUMENT,
                  "filter '" + filter + "': " + std::to_string(value) +
                      (open ? " is not 1 (open), 0 (closed) or -1 (either, removes the filter)"
                            : " is not an id (0 removes the filter)"),
                  filter);
    if (value == (open ? -1 : 0))
      query->integer_filters.erase(filter);
    else
      query->integer_filters[filter] = value;
    return CRM_OK;
  });
}

crm_status crm_query_set_filter_text(crm_query* query, const char* name, const char* value) {
  CRM_REQUIRE(query);
  CRM_REQUIRE(name);
  return guard([&] {
    require_utf8(name, "filter");
    const std::string filter = name;
    const std::string given = text(value);
    if (!is_one_of(name, kTextFilters))
      return fail(CRM_INVALID_ARGUMENT,
                  "filter '" + filter + "' is not a text filter; filters: " + list_of(kTextFilters) +
                      (is_one_of(name, kIntegerFilters) ? " (use crm_query_set_filter)" : ""),
                  filter);
    if (given.empty()) {
      query->text_filters.erase(filter);
      return CRM_OK;
    }
    require_utf8(value, name);
    const bool known = filter == "kind" ? crm::activity_kind_from_name(given).has_value()
                                        : crm::activity_status_from_name(given).has_value();
    if (!known)
      return fail(CRM_INVALID_ARGUMENT,
                  "filter '" + filter + "': '" + given + "' is not an activity " + filter +
                      (filter == "kind" ? " (call, meeting, email, task, note, sms)" : " (planned, done, cancelled)"),
                  filter);
    query->text_filters[filter] = given;
    return CRM_OK;
  });
}

crm_status crm_query_set_where(crm_query* query, const char* filter) {
  CRM_REQUIRE(query);
  return guard([&] {
    require_utf8(filter, "where");
    std::string where = text(filter);
    if (!where.empty()) crm::Filter::parse(where);  // a syntax error is reported now and leaves the query as it was
    query->query.where = std::move(where);
    return CRM_OK;
  });
}

crm_status crm_query_set_segment(crm_query* query, int64_t segment_id) {
  CRM_REQUIRE(query);
  if (segment_id < 0)
    return fail_with(CRM_INVALID_ARGUMENT,
                     [&] { return "segment: " + std::to_string(segment_id) + " is not an id (0 removes the filter)"; },
                     "segment");
  query->query.segment = crm::SegmentId(segment_id);
  return CRM_OK;
}

crm_status crm_query_set_sort_field(crm_query* query, const char* field, int descending) {
  CRM_REQUIRE(query);
  return guard([&] {
    require_utf8(field, "sort_field");
    query->query.sort_field = text(field);
    query->query.descending = descending != 0;
    return CRM_OK;
  });
}

crm_status crm_cursor_next(crm_cursor* cursor) {
  CRM_REQUIRE(cursor);
  const crm_status status = guard([&] { return cursor->next(); });
  if (status != CRM_ROW && status != CRM_DONE) cursor->finish();
  return status;
}

void crm_cursor_free(crm_cursor* cursor) { delete cursor; }

}  // extern "C"
