// The commands on duplicates: listing pairs of accounts or contacts that
// look like one, and merging two records.
#include <iostream>
#include <sstream>

#include "commands.hpp"
#include "display.hpp"
#include "table.hpp"

namespace crm::cli {
namespace {

// "accounts"/"account" or "contacts"/"contact"; invalid_argument otherwise.
RecordKind kind_argument(const Arguments& args, std::size_t index) {
  const std::string& text = positional(args, index, "accounts or contacts");
  if (text == "accounts" || text == "account") return RecordKind::account;
  if (text == "contacts" || text == "contact") return RecordKind::contact;
  throw Error(ErrorCode::invalid_argument, "'" + text + "' is neither accounts nor contacts", "kind");
}

// The record's name as a listing shows it.
std::string record_name(Names& names, RecordKind kind, std::int64_t id) {
  return kind == RecordKind::account ? names.account(AccountId(id)) : names.contact(ContactId(id));
}

std::string reason_list(const std::vector<DuplicateReason>& reasons) {
  std::string text;
  for (DuplicateReason reason : reasons)
    text += (text.empty() ? "" : ", ") + std::string(duplicate_reason_name(reason));
  return text;
}

// The FIELD,FIELD... of --take, each taken from the other record.
MergeChoices take_option(const Arguments& args) {
  MergeChoices choices;
  std::stringstream fields(option(args, "take"));
  for (std::string field; std::getline(fields, field, ',');)
    if (!field.empty()) choices.fields[field] = MergeSide::other;
  return choices;
}

}  // namespace

int run_duplicates(const Arguments& args) {
  check_options(args, {"limit", "min-score"});
  Database db = open_database(args);
  const RecordKind kind = kind_argument(args, 1);
  DuplicateQuery query;
  query.limit = static_cast<std::size_t>(number_option(args, "limit", 1, 100000).value_or(100));
  query.min_score = static_cast<int>(number_option(args, "min-score", 1, 100).value_or(1));
  const auto pairs = db.duplicates().find(kind, query);
  if (pairs.empty()) {
    std::cout << "No duplicate " << (kind == RecordKind::account ? "accounts" : "contacts") << " found.\n";
    return 0;
  }
  Names names(db);
  Table table({"score", "first", "name", "second", "name", "reasons"});
  for (const DuplicatePair& pair : pairs)
    table.add({std::to_string(pair.score), std::to_string(pair.first_id), record_name(names, kind, pair.first_id),
               std::to_string(pair.second_id), record_name(names, kind, pair.second_id), reason_list(pair.reasons)});
  table.print(std::cout);
  std::cout << pairs.size() << " pairs, best first. Merge one with: crm merge DB "
            << record_kind_name(kind) << " KEEP OTHER [--take FIELD,...]\n";
  return 0;
}

int run_merge(const Arguments& args) {
  check_options(args, {"take"});
  Database db = open_database(args);
  const RecordKind kind = kind_argument(args, 1);
  const std::int64_t keep = record_argument(db, kind, args, 2, "record to keep");
  const std::int64_t other = record_argument(db, kind, args, 3, "record to merge into it");
  const MergeChoices choices = take_option(args);
  std::string name;
  if (kind == RecordKind::account) {
    const Account merged = db.duplicates().merge(AccountId(keep), AccountId(other), choices);
    name = merged.name;
  } else {
    const Contact merged = db.duplicates().merge(ContactId(keep), ContactId(other), choices);
    name = person_name(merged.first_name, merged.last_name);
  }
  std::cout << "Merged " << record_kind_name(kind) << " " << other << " into " << record_kind_name(kind) << " "
            << keep << " (" << name << "); " << other << " is deleted and everything that referred to it now "
            << "refers to " << keep << ".\n";
  return 0;
}

}  // namespace crm::cli
