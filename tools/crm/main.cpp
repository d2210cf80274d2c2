// crm: the command-line program over crmcore. Run "crm help" for usage.
#include <iostream>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "crm/crm.hpp"
#include "table.hpp"

namespace {

using namespace crm;

constexpr const char* kUsage = R"(usage: crm [--region CC] <command> <database> [arguments]

commands:
  demo DB                 create DB if needed, load the built-in sample data, print a summary
  init DB                 create an empty database, or migrate an existing one
  summary DB              counts by country and a few contacts
  accounts DB [filters]   list accounts   (filters: --owner U --tag T --country CC --limit N)
  contacts DB [filters]   list contacts
  find-phone DB NUMBER    who is calling? finds contacts and accounts by a number in any written form
  find-email DB EMAIL     finds contacts and accounts by email, ignoring case
  backup DB FILE          copies DB to FILE while it stays usable
  check DB                integrity check; exit status 1 when problems are found
  version                 library and schema version

--region CC sets the country for phone numbers written without a country code (default LV).
)";

struct Arguments {
  std::string region = "LV";
  std::string command;
  std::vector<std::string> positional;
  std::map<std::string, std::string> options;
};

Arguments parse_arguments(int argc, char** argv) {
  Arguments args;
  for (int i = 1; i < argc; ++i) {
    std::string word = argv[i];
    if (word.rfind("--", 0) == 0) {
      if (i + 1 >= argc) throw Error(ErrorCode::invalid_argument, word + ": needs a value");
      std::string value = argv[++i];
      if (word == "--region")
        args.region = value;
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

const std::string& positional(const Arguments& args, std::size_t index, const char* what) {
  if (index >= args.positional.size())
    throw Error(ErrorCode::invalid_argument, std::string("missing argument: ") + what + "\n\n" + kUsage);
  return args.positional[index];
}

Database open_database(const Arguments& args) {
  OpenOptions options;
  options.default_region = args.region;
  return Database::open(positional(args, 0, "database file"), options);
}

ListQuery list_query(const Arguments& args) {
  ListQuery query;
  auto option = [&](const char* name) {
    auto it = args.options.find(name);
    return it == args.options.end() ? std::string() : it->second;
  };
  query.owner = option("owner");
  query.tag = option("tag");
  query.country = option("country");
  if (!option("limit").empty()) query.limit = std::stoul(option("limit"));
  return query;
}

std::string account_name(Database& db, AccountId id) {
  if (!id) return "";
  return db.accounts().get(id).name;
}

std::string first_phone(const Contact& contact) {
  return contact.phones.empty() ? "" : contact.phones.front().e164;
}

void print_contacts(Database& db, const std::vector<Contact>& contacts, std::ostream& out) {
  cli::Table table({"id", "name", "account", "job title", "phone", "email", "lang"});
  for (const Contact& c : contacts)
    table.add({std::to_string(c.id.value()), c.first_name + " " + c.last_name, account_name(db, c.account),
               c.job_title, first_phone(c), c.primary_email(), c.preferred_language});
  table.print(out);
}

void print_accounts(const std::vector<Account>& accounts, std::ostream& out) {
  cli::Table table({"id", "name", "country", "city", "phone", "email", "owner", "ERP code"});
  for (const Account& a : accounts)
    table.add({std::to_string(a.id.value()), a.name, a.address.country, a.address.city, a.phone_e164, a.email,
               a.owner, a.external_ref});
  table.print(out);
}

void print_summary(Database& db, std::ostream& out) {
  out << "Database " << db.path() << " (schema version " << db.schema_version() << ")\n";
  out << "Accounts: " << db.accounts().count() << "   Contacts: " << db.contacts().count() << "\n\n";
  cli::Table by_country({"country", "accounts", "contacts"});
  for (const char* country : {"LV", "LT", "UA", "DE", "GB"})
    by_country.add({country, std::to_string(db.accounts().count({.country = country})),
                    std::to_string(db.contacts().count({.country = country}))});
  by_country.print(out);
  out << "\nFirst contacts by name:\n";
  print_contacts(db, db.contacts().list({.limit = 8}).items, out);
}

// Shows the incoming-call lookup on a sample number written in another form.
void demonstrate_call_lookup(Database& db, std::ostream& out) {
  for (const Contact& contact : db.contacts().list({.country = "LV", .limit = 50}).items) {
    if (contact.phones.empty() || contact.phones.front().e164.rfind("+371", 0) != 0 ||
        contact.phones.front().raw == contact.phones.front().e164)
      continue;
    const std::string dialled = "00" + contact.phones.front().e164.substr(1);
    const auto found = db.contacts().find_by_phone(dialled);
    if (found.empty()) continue;
    out << "\nIncoming call from " << dialled << " (stored as \"" << contact.phones.front().raw << "\"): "
        << found.front().first_name << " " << found.front().last_name;
    if (found.front().account) out << ", " << account_name(db, found.front().account);
    out << "\n";
    return;
  }
}

int run_demo(const Arguments& args) {
  Database db = open_database(args);
  const SampleSummary loaded = load_sample_data(db);
  if (loaded.already_loaded)
    std::cout << "Sample data already present in " << db.path() << "; nothing added.\n\n";
  else
    std::cout << "Loaded sample data: " << loaded.accounts_created << " accounts, " << loaded.contacts_created
              << " contacts (" << loaded.job_changes << " changed jobs).\n\n";
  print_summary(db, std::cout);
  demonstrate_call_lookup(db, std::cout);
  return 0;
}

int run_find_phone(const Arguments& args) {
  Database db = open_database(args);
  const std::string& number = positional(args, 1, "phone number");
  const auto contacts = db.contacts().find_by_phone(number);
  const auto accounts = db.accounts().find_by_phone(number);
  if (contacts.empty() && accounts.empty()) {
    std::cout << "No contact or account has the number " << number << ".\n";
    return 1;
  }
  if (!contacts.empty()) print_contacts(db, contacts, std::cout);
  if (!accounts.empty()) print_accounts(accounts, std::cout);
  return 0;
}

int run_find_email(const Arguments& args) {
  Database db = open_database(args);
  const std::string& email = positional(args, 1, "email address");
  const auto contacts = db.contacts().find_by_email(email);
  const auto accounts = db.accounts().find_by_email(email);
  if (contacts.empty() && accounts.empty()) {
    std::cout << "No contact or account has the address " << email << ".\n";
    return 1;
  }
  if (!contacts.empty()) print_contacts(db, contacts, std::cout);
  if (!accounts.empty()) print_accounts(accounts, std::cout);
  return 0;
}

int run_check(const Arguments& args) {
  Database db = open_database(args);
  const auto problems = db.integrity_check();
  for (const auto& problem : problems) std::cout << problem << "\n";
  std::cout << (problems.empty() ? "ok\n" : "problems found\n");
  return problems.empty() ? 0 : 1;
}

int dispatch(const Arguments& args) {
  const std::string& c = args.command;
  if (c == "demo") return run_demo(args);
  if (c == "init") {
    Database db = open_database(args);
    std::cout << "Ready: " << db.path() << " (schema version " << db.schema_version() << ")\n";
    return 0;
  }
  if (c == "summary") {
    Database db = open_database(args);
    print_summary(db, std::cout);
    return 0;
  }
  if (c == "accounts") {
    Database db = open_database(args);
    print_accounts(db.accounts().list(list_query(args)).items, std::cout);
    return 0;
  }
  if (c == "contacts") {
    Database db = open_database(args);
    print_contacts(db, db.contacts().list(list_query(args)).items, std::cout);
    return 0;
  }
  if (c == "find-phone") return run_find_phone(args);
  if (c == "find-email") return run_find_email(args);
  if (c == "backup") {
    Database db = open_database(args);
    db.backup_to(positional(args, 1, "backup file"));
    std::cout << "Backed up " << db.path() << " to " << args.positional[1] << "\n";
    return 0;
  }
  if (c == "check") return run_check(args);
  if (c == "version") {
    std::cout << "crmcore " << kVersionString << ", schema version " << Database::latest_schema_version() << "\n";
    return 0;
  }
  if (c.empty() || c == "help") {
    std::cout << kUsage;
    return c.empty() ? 2 : 0;
  }
  std::cerr << "crm: unknown command '" << c << "'\n\n" << kUsage;
  return 2;
}

}  // namespace

int main(int argc, char** argv) {
  try {
    return dispatch(parse_arguments(argc, argv));
  } catch (const crm::Error& error) {
    std::cerr << "crm: " << error.what() << " [" << crm::error_code_name(error.code()) << "]\n";
    return 1;
  } catch (const std::exception& error) {
    std::cerr << "crm: " << error.what() << "\n";
    return 1;
  }
}
