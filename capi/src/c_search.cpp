// Full-text search through the C ABI: options by setters, hits on a cursor
// over columns (the crm_cursor_* cell readers of selects).
#include "c_select.hpp"

using namespace crm::capi;

/// Options for crm_db_search().
struct crm_search_options {
  crm::SearchQuery query;
};

namespace {

// The hits as a table with the columns of crm_search_column.
crm::TablePage hit_table(const std::vector<crm::SearchHit>& hits) {
  using crm::ColumnType;
  crm::TablePage page{crm::Table({{"kind", ColumnType::text},
                                  {"id", ColumnType::integer},
                                  {"title", ColumnType::text},
                                  {"snippet", ColumnType::text},
                                  {"score", ColumnType::real}}),
                      {}};
  page.table.reserve(hits.size());
  for (const crm::SearchHit& hit : hits) {
    page.table.add_row();
    page.table.set_text(CRM_SEARCH_KIND, crm::record_kind_name(hit.kind));
    page.table.set_integer(CRM_SEARCH_ID, hit.id);
    page.table.set_text(CRM_SEARCH_TITLE, hit.title);
    page.table.set_text(CRM_SEARCH_SNIPPET, hit.snippet);
    page.table.set_real(CRM_SEARCH_SCORE, hit.score);
  }
  return page;
}

}  // namespace

extern "C" {

crm_status crm_search_options_new(crm_search_options** out_options) {
  CRM_REQUIRE(out_options);
  *out_options = nullptr;
  return guard([&] {
    *out_options = new crm_search_options{};
    return CRM_OK;
  });
}

void crm_search_options_free(crm_search_options* options) { delete options; }

crm_status crm_search_options_add_kind(crm_search_options* options, const char* record_kind) {
  CRM_REQUIRE(options);
  CRM_REQUIRE(record_kind);
  return guard([&] {
    options->query.kinds.push_back(record_kind_of(record_kind));
    return CRM_OK;
  });
}

crm_status crm_search_options_set_limit(crm_search_options* options, int limit) {
  CRM_REQUIRE(options);
  return guard([&] {
    crm::check_search_limit(limit);
    options->query.limit = static_cast<std::size_t>(limit);
    return CRM_OK;
  });
}

crm_status crm_db_search(crm_db* db, const char* text, const crm_search_options* options, crm_cursor** out_cursor) {
  CRM_REQUIRE(out_cursor);
  *out_cursor = nullptr;
  CRM_REQUIRE(text);
  CRM_WITH_DB(db, {
    auto hits = std::make_shared<crm::TablePage>(
        hit_table(database.search().find(text, options ? options->query : crm::SearchQuery{})));
    *out_cursor = select_cursor(db, "kind, id, title, snippet, score", {},
                                [hits](crm::Database&, const auto&, const auto&) { return std::move(*hits); });
    return CRM_OK;
  });
}

}  // extern "C"
