// The command line of the crm program: the command, its positional
// arguments and its --options, read into the values the library takes.
#pragma once

#include <cstdint>
#include <climits>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "crm/crm.hpp"

namespace crm::cli {

/// The usage text printed by "crm help" and after a missing argument.
extern const char* const kUsage;

/// A parsed command line.
struct Arguments {
  std::string region{};                         ///< --region: default country of phone numbers; none, as in the library.
  std::string user;                             ///< --user: the CRM user to act as; empty: the system.
  std::string origin{};                         ///< --origin: the tag the audit trail keeps with the changes.
  std::string command;                          ///< The first word that is not an option.
  std::vector<std::string> positional;          ///< The words after the command.
  std::map<std::string, std::string> options;   ///< --name value pairs, without the dashes.
};

/// Reads argv. Every option takes a value except the flags (--csv), which
/// read as "yes"; throws crm::Error(invalid_argument) for an option at the end
/// without one.
Arguments parse_arguments(int argc, char** argv);

/// Throws crm::Error(invalid_argument) naming the first option that is not
/// among `allowed` (names without the dashes) and the ones that are.
void check_options(const Arguments& args, const std::vector<std::string_view>& allowed);

/// The positional argument at `index`; throws invalid_argument naming `what`
/// (followed by the usage) when it is missing.
const std::string& positional(const Arguments& args, std::size_t index, const char* what);

/// The value of --name, or "" when it was not given.
std::string option(const Arguments& args, const std::string& name);

/// The largest number an option may be unless it says otherwise.
inline constexpr std::int64_t kNoMaximum = INT64_MAX;

/// The value of --name as a whole number from `minimum` to `maximum`, or
/// nullopt when not given. Throws invalid_argument naming the option and the text.
std::optional<std::int64_t> number_option(const Arguments& args, const std::string& name, std::int64_t minimum,
                                          std::int64_t maximum = kNoMaximum);


/// The value of --name as yes (true) or no (false), or nullopt when not
/// given. Throws invalid_argument naming the option for anything else.
std::optional<bool> yes_no_option(const Arguments& args, const std::string& name);

/// The value of --name as an ISO 8601 instant (see crm::parse_instant);
/// throws invalid_argument naming the option.
Instant instant_option(const Arguments& args, const std::string& name);

/// The value of --name as a date "YYYY-MM-DD", or nullopt when not given.
/// Throws invalid_argument naming the option.
std::optional<Date> date_option(const Arguments& args, const std::string& name);

/// `text` as a date "YYYY-MM-DD"; throws invalid_argument naming `what`.
Date calendar_date(const std::string& what, const std::string& text);

/// The value of --name as an amount "1200.00 EUR", or nullopt when not
/// given. Throws invalid_argument naming the option.
std::optional<Money> money_option(const Arguments& args, const std::string& name);

/// The value of --name read by `from_name` (a library's *_from_name, which
/// returns an optional), or nullopt when not given. Throws invalid_argument
/// naming the option, the text and `choices` ("csv or json") when
/// `from_name` does not know it.
template <class FromName>
auto choice_option(const Arguments& args, const std::string& name, FromName from_name, const std::string& choices)
    -> decltype(from_name(std::string_view())) {
  const std::string text = option(args, name);
  if (text.empty()) return std::nullopt;
  if (auto value = from_name(text)) return value;
  throw Error(ErrorCode::invalid_argument, "--" + name + ": '" + text + "' is not " + choices, name);
}

/// The saved segment --segment names: a row id, or a name among the
/// segments of `kinds`; an unset id when the option is absent. Throws
/// not_found when no segment has the name, invalid_argument listing them
/// when segments of several kinds do.
SegmentId segment_option(Database& db, const Arguments& args, const std::vector<RecordKind>& kinds);

/// The pipeline named by --pipeline, or nullopt when not given; throws
/// not_found for an unknown name.
std::optional<Pipeline> pipeline_option(Database& db, const Arguments& args);

/// `text` as a whole number from `minimum` to `maximum`; throws
/// invalid_argument naming `what` and the text.
std::int64_t whole_number(const std::string& what, const std::string& text, std::int64_t minimum,
                          std::int64_t maximum = kNoMaximum);

/// The record `text` refers to: a row id, or an external_ref that `find` (a
/// find_by_external_ref of the record's collection) looks up. Throws
/// not_found naming `what` for an unknown external_ref.
template <class IdType, class Find>
IdType record_id(const std::string& what, const std::string& text, Find find) {
  if (!text.empty() && text.find_first_not_of("0123456789") == std::string::npos)
    return IdType(whole_number(what, text, 1));
  const auto found = find(text);
  if (!found) throw Error(ErrorCode::not_found, what + ": nothing has the external_ref '" + text + "'", what);
  return found->id;
}

/// The record --name refers to (see record_id), or an unset id when the
/// option is absent.
template <class IdType, class Find>
IdType record_option(const Arguments& args, const std::string& name, Find find) {
  const std::string text = option(args, name);
  return text.empty() ? IdType() : record_id<IdType>("--" + name, text, find);
}

/// The record kind called `text` ("contact"); throws invalid_argument,
/// its message starting with `what` ("--kind: "), naming the kinds otherwise.
RecordKind record_kind_named(const std::string& text, const std::string& what);

/// The record kind named by positional argument `index` ("contact"); throws
/// invalid_argument naming the kinds otherwise.
RecordKind record_kind_argument(const Arguments& args, std::size_t index);

/// The id of the record of `kind` that positional argument `index` names:
/// a row id or an external_ref (see record_id); `what` names it in errors.
std::int64_t record_argument(Database& db, RecordKind kind, const Arguments& args, std::size_t index,
                             const char* what);

/// Opens (or creates) the database named by the first positional argument,
/// with the --region default phone region, acting as --user.
Database open_database(const Arguments& args);

/// The list filters --owner, --tag, --country, --where (segment language),
/// --sort (a field to sort by) and --limit.
ListQuery list_query(const Arguments& args);

}  // namespace crm::cli
