// The search command: full-text search over every kind of record.
#include <algorithm>
#include <iostream>

#include "commands.hpp"
#include "table.hpp"

namespace crm::cli {
namespace {

constexpr std::int64_t kMaxLimit = 1000;

// --kind KIND[,KIND...]: the record kinds to search, none for all.
std::vector<RecordKind> kinds_option(const Arguments& args) {
  std::vector<RecordKind> kinds;
  const std::string text = option(args, "kind");
  for (std::size_t start = 0; start < text.size();) {
    const std::size_t end = std::min(text.find(',', start), text.size());
    const std::string name = text.substr(start, end - start);
    kinds.push_back(record_kind_named(name, "--kind: "));
    start = end + 1;
  }
  return kinds;
}

void print_hits(const std::vector<SearchHit>& hits, std::ostream& out) {
  Table table({"kind", "id", "title"});
  for (const SearchHit& hit : hits) table.add({std::string(record_kind_name(hit.kind)), std::to_string(hit.id), hit.title});
  table.print(out);
}

}  // namespace

int run_search(const Arguments& args) {
  check_options(args, {"kind", "limit"});
  const std::string& text = positional(args, 1, "text");
  SearchQuery query{.kinds = kinds_option(args)};
  if (const auto limit = number_option(args, "limit", 1, kMaxLimit)) query.limit = static_cast<std::size_t>(*limit);
  Database db = open_database(args);
  const std::vector<SearchHit> hits = db.search().find(text, query);
  if (hits.empty()) {
    std::cout << "Nothing found for '" << text << "'.\n";
    return 1;
  }
  print_hits(hits, std::cout);
  return 0;
}

}  // namespace crm::cli
