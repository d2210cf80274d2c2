#include "arguments.hpp"

#include <algorithm>
#include <charconv>
#include <cstdlib>

#include "display.hpp"

namespace crm::cli {
namespace {

// Options that take no value.
constexpr std::string_view kFlags[] = {"--csv"};

bool is_flag(std::string_view word) { return std::find(std::begin(kFlags), std::end(kFlags), word) != std::end(kFlags); }

// parse(text), its crm::Error prefixed with `what`.
template <class Parse>
auto parsed(const std::string& what, const std::string& text, Parse parse) {
  try {
    return parse(text);
  } catch (const Error& error) {
    throw Error(error.code(), what + ": " + error.what(), what);
  }
}

bool is_row_id(const std::string& text) {
  return !text.empty() && text.find_first_not_of("0123456789") == std::string::npos;
}

// "segments of account (id 3) and contact (id 7) records".
std::string segment_kinds(const std::vector<Segment>& segments) {
  std::vector<std::string> kinds;
  for (const Segment& segment : segments)
    kinds.push_back(std::string(record_kind_name(segment.record_kind)) + " (id " + std::to_string(segment.id.value()) +
                    ")");
  return "segments of " + spoken_list(kinds, "and") + " records";
}

}  // namespace

std::int64_t whole_number(const std::string& what, const std::string& text, std::int64_t minimum,
                          std::int64_t maximum) {
  std::int64_t value = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc() || end != text.data() + text.size() || text.empty())
    throw Error(ErrorCode::invalid_argument, what + ": '" + text + "' is not a whole number", what);
  if (value < minimum)
    throw Error(ErrorCode::invalid_argument, what + ": " + text + " is less than " + std::to_string(minimum), what);
  if (value > maximum)
    throw Error(ErrorCode::invalid_argument, what + ": " + text + " is more than " + std::to_string(maximum), what);
  return value;
}

Arguments parse_arguments(int argc, char** argv) {
  Arguments args;
  for (int i = 1; i < argc; ++i) {
    std::string word = argv[i];
    if (is_flag(word)) {
      args.options[word.substr(2)] = "yes";
    } else if (word.rfind("--", 0) == 0) {
      if (i + 1 >= argc) throw Error(ErrorCode::invalid_argument, word + ": needs a value");
      std::string value = argv[++i];
      if (word == "--region")
        args.region = value;
      else if (word == "--user")
        args.user = value;
      else if (word == "--origin")
        args.origin = value;
      else
        args.options[word.substr(2)] = value;
    } else if (args.command.empty()) {
      args.command = word;
    } else {
      args.positional.push_back(word);
    }
  }
  return args;
}

void check_options(const Arguments& args, const std::vector<std::string_view>& allowed) {
  for (const auto& [name, value] : args.options) {
    if (std::find(allowed.begin(), allowed.end(), name) != allowed.end()) continue;
    std::string known;
    for (std::string_view each : allowed) known += (known.empty() ? "--" : ", --") + std::string(each);
    throw Error(ErrorCode::invalid_argument, args.command + ": unknown option --" + name + " (" +
                                                 (known.empty() ? "it takes none" : "it takes " + known) + ")");
  }
}

const std::string& positional(const Arguments& args, std::size_t index, const char* what) {
  if (index >= args.positional.size())
    throw Error(ErrorCode::invalid_argument, std::string("missing argument: ") + what + "\n\n" + kUsage);
  return args.positional[index];
}

std::string option(const Arguments& args, const std::string& name) {
  const auto it = args.options.find(name);
  return it == args.options.end() ? std::string() : it->second;
}

std::optional<std::int64_t> number_option(const Arguments& args, const std::string& name, std::int64_t minimum,
                                          std::int64_t maximum) {
  const auto it = args.options.find(name);
  if (it == args.options.end()) return std::nullopt;
  return whole_number("--" + name, it->second, minimum, maximum);
}

Instant instant_option(const Arguments& args, const std::string& name) {
  return parsed("--" + name, option(args, name), parse_instant);
}

Date calendar_date(const std::string& what, const std::string& text) { return parsed(what, text, parse_date); }

std::optional<Date> date_option(const Arguments& args, const std::string& name) {
  const auto it = args.options.find(name);
  if (it == args.options.end()) return std::nullopt;
  return calendar_date("--" + name, it->second);
}

std::optional<Money> money_option(const Arguments& args, const std::string& name) {
  const auto it = args.options.find(name);
  if (it == args.options.end()) return std::nullopt;
  return parsed("--" + name, it->second, Money::parse);
}

SegmentId segment_option(Database& db, const Arguments& args, const std::vector<RecordKind>& kinds) {
  const std::string name = option(args, "segment");
  if (name.empty()) return SegmentId();
  if (is_row_id(name)) return SegmentId(whole_number("--segment", name, 1));
  std::vector<Segment> found;
  for (RecordKind kind : kinds)
    if (auto segment = db.segments().find(kind, name)) found.push_back(std::move(*segment));
  if (found.size() == 1) return found.front().id;
  if (found.size() > 1)
    throw Error(ErrorCode::invalid_argument,
                "--segment: '" + name + "' names " + segment_kinds(found) + "; give the id of one", "segment");
  const std::string of = kinds.size() == 1 ? " of " + std::string(record_kind_name(kinds.front())) + " records" : "";
  throw Error(ErrorCode::not_found, "--segment: no segment" + of + " is called '" + name + "'", "segment");
}

std::optional<Pipeline> pipeline_option(Database& db, const Arguments& args) {
  const std::string name = option(args, "pipeline");
  if (name.empty()) return std::nullopt;
  const auto found = db.pipelines().find(name);
  if (!found) throw Error(ErrorCode::not_found, "--pipeline: there is no pipeline named '" + name + "'", "pipeline");
  return found;
}

Database open_database(const Arguments& args) {
  OpenOptions options;
  options.default_region = args.region;
  options.user = args.user;
  options.origin = args.origin;
  return Database::open(positional(args, 0, "database file"), options);
}

ListQuery list_query(const Arguments& args) {
  ListQuery query;
  query.owner = option(args, "owner");
  query.tag = option(args, "tag");
  query.country = option(args, "country");
  query.where = option(args, "where");
  query.sort_field = option(args, "sort");
  if (const std::string deleted = option(args, "deleted"); !deleted.empty())
    query.deleted = parse_deleted_filter(deleted);
  if (const auto limit = number_option(args, "limit", 1)) {
    check_page_size(*limit, "limit");
    query.limit = static_cast<std::size_t>(*limit);
  }
  return query;
}

std::optional<bool> yes_no_option(const Arguments& args, const std::string& name) {
  const std::string text = option(args, name);
  if (text.empty()) return std::nullopt;
  if (text == "yes") return true;
  if (text == "no") return false;
  throw Error(ErrorCode::invalid_argument, "--" + name + ": '" + text + "' is neither yes nor no", name);
}

namespace {

std::string record_kind_names() {
  std::string kinds;
  for (RecordKind kind : all_record_kinds()) kinds += (kinds.empty() ? "" : ", ") + std::string(record_kind_name(kind));
  return kinds;
}

}  // namespace

RecordKind record_kind_named(const std::string& text, const std::string& what) {
  if (const auto found = record_kind_from_name(text)) return *found;
  throw Error(ErrorCode::invalid_argument, what + "'" + text + "' is not a record kind (" + record_kind_names() + ")",
              "kind");
}

RecordKind record_kind_argument(const Arguments& args, std::size_t index) {
  return record_kind_named(positional(args, index, ("the record kind (" + record_kind_names() + ")").c_str()), "");
}

std::int64_t record_argument(Database& db, RecordKind kind, const Arguments& args, std::size_t index,
                             const char* what) {
  const std::string& text = positional(args, index, what);
  switch (kind) {
    case RecordKind::account:
      return record_id<AccountId>(what, text, [&](const std::string& ref) { return db.accounts().find_by_external_ref(ref); }).value();
    case RecordKind::contact:
      return record_id<ContactId>(what, text, [&](const std::string& ref) { return db.contacts().find_by_external_ref(ref); }).value();
    case RecordKind::lead:
      return record_id<LeadId>(what, text, [&](const std::string& ref) { return db.leads().find_by_external_ref(ref); }).value();
    case RecordKind::opportunity:
      return record_id<OpportunityId>(what, text, [&](const std::string& ref) {
               return db.opportunities().find_by_external_ref(ref);
             }).value();
    case RecordKind::activity: break;
  }
  return record_id<ActivityId>(what, text, [&](const std::string& ref) { return db.activities().find_by_external_ref(ref); }).value();
}

}  // namespace crm::cli
