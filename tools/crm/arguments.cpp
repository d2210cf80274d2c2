#include "arguments.hpp"

#include <algorithm>
#include <charconv>
#include <cstdlib>

namespace crm::cli {

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
  if (const char* login = std::getenv("USER")) args.user = login;
  for (int i = 1; i < argc; ++i) {
    std::string word = argv[i];
    if (word.rfind("--", 0) == 0) {
      if (i + 1 >= argc) throw Error(ErrorCode::invalid_argument, word + ": needs a value");
      std::string value = argv[++i];
      if (word == "--region")
        args.region = value;
      else if (word == "--user")
        args.user = value;
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
  try {
    return parse_instant(option(args, name));
  } catch (const Error& error) {
    throw Error(error.code(), "--" + name + ": " + error.what(), name);
  }
}

Database open_database(const Arguments& args) {
  OpenOptions options;
  options.default_region = args.region;
  options.user = args.user;
  return Database::open(positional(args, 0, "database file"), options);
}

ListQuery list_query(const Arguments& args) {
  ListQuery query;
  query.owner = option(args, "owner");
  query.tag = option(args, "tag");
  query.country = option(args, "country");
  query.where = option(args, "where");
  query.sort_field = option(args, "sort");
  if (const auto limit = number_option(args, "limit", 1)) query.limit = static_cast<std::size_t>(*limit);
  return query;
}

std::optional<bool> yes_no_option(const Arguments& args, const std::string& name) {
  const std::string text = option(args, name);
  if (text.empty()) return std::nullopt;
  if (text == "yes") return true;
  if (text == "no") return false;
  throw Error(ErrorCode::invalid_argument, "--" + name + ": '" + text + "' is neither yes nor no", name);
}

}  // namespace crm::cli
