// List queries and cursors.
#include "c_handles.hpp"

using namespace crm::capi;

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
  switch (filter) {
    case CRM_DELETED_EXCLUDE: query->query.deleted = crm::DeletedFilter::exclude; return CRM_OK;
    case CRM_DELETED_INCLUDE: query->query.deleted = crm::DeletedFilter::include; return CRM_OK;
    case CRM_DELETED_ONLY: query->query.deleted = crm::DeletedFilter::only; return CRM_OK;
  }
  return fail_with(CRM_INVALID_ARGUMENT,
                   [&] { return "deleted: " + std::to_string(static_cast<int>(filter)) + " is not a filter"; }, "deleted");
}

crm_status crm_query_set_sort(crm_query* query, crm_sort sort, int descending) {
  CRM_REQUIRE(query);
  switch (sort) {
    case CRM_SORT_NAME: query->query.sort = crm::SortBy::name; break;
    case CRM_SORT_ID: query->query.sort = crm::SortBy::id; break;
    case CRM_SORT_UPDATED_AT: query->query.sort = crm::SortBy::updated_at; break;
    default:
      return fail_with(CRM_INVALID_ARGUMENT,
                       [&] { return "sort: " + std::to_string(static_cast<int>(sort)) + " is not a sort order"; },
                       "sort");
  }
  query->query.descending = descending != 0;
  return CRM_OK;
}

crm_status crm_query_set_page_size(crm_query* query, int page_size) {
  CRM_REQUIRE(query);
  if (page_size < 1 || page_size > 10000)
    return fail_with(CRM_INVALID_ARGUMENT,
                     [&] { return "page_size: " + std::to_string(page_size) + " is outside 1..10000"; }, "page_size");
  query->query.limit = static_cast<std::size_t>(page_size);
  return CRM_OK;
}

crm_status crm_query_set_offset(crm_query* query, int64_t offset) {
  CRM_REQUIRE(query);
  if (offset < 0)
    return fail_with(CRM_INVALID_ARGUMENT, [&] { return "offset: " + std::to_string(offset) + " is negative"; },
                     "offset");
  query->query.offset = static_cast<std::size_t>(offset);
  return CRM_OK;
}

crm_status crm_cursor_next(crm_cursor* cursor) {
  CRM_REQUIRE(cursor);
  const crm_status status = guard([&] { return cursor->next(); });
  if (status != CRM_ROW && status != CRM_DONE) cursor->finish();
  return status;
}

void crm_cursor_free(crm_cursor* cursor) { delete cursor; }

}  // extern "C"
