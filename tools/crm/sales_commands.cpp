// The commands on deals: lists with filters and the pipeline by stage.
#include <iostream>
#include <utility>

#include "commands.hpp"
#include "listings.hpp"

namespace crm::cli {
namespace {

// The pipeline named by --pipeline, or the default one.
Pipeline chosen_pipeline(Database& db, const Arguments& args) {
  if (auto pipeline = pipeline_option(db, args)) return std::move(*pipeline);
  return db.pipelines().default_pipeline();
}

}  // namespace

int run_deals(const Arguments& args) {
  check_options(args, {"owner", "tag", "account", "pipeline", "stage", "open", "where", "sort", "limit"});
  Database db = open_database(args);
  OpportunityFilter filter;
  filter.account = record_option<AccountId>(args, "account",
                                            [&](const std::string& ref) { return db.accounts().find_by_external_ref(ref); });
  filter.open = yes_no_option(args, "open");
  if (!option(args, "pipeline").empty() || !option(args, "stage").empty()) {
    const Pipeline pipeline = chosen_pipeline(db, args);
    filter.pipeline = pipeline.id;
    if (!option(args, "stage").empty()) filter.stage = pipeline.stage(option(args, "stage")).id;
  }
  ListQuery query = list_query(args);
  const auto page = db.opportunities().list(query, filter);
  Names names(db);
  print_deals(names, page.items, std::cout);
  note_more(page.next, "deals", std::cout);
  return 0;
}

int run_pipeline(const Arguments& args) {
  check_options(args, {"pipeline"});
  Database db = open_database(args);
  print_pipeline(db, chosen_pipeline(db, args), std::cout);
  return 0;
}

}  // namespace crm::cli
