// The commands on customer records: summary, accounts, contacts, leads and
// the lookups by phone and email.
#include <iostream>

#include "commands.hpp"
#include "listings.hpp"

namespace crm::cli {
namespace {

// A list command: checks the filters, opens the database and lets
// `print_page` print the first page, returning the token of the next one.
template <class PrintPage>
int list_records(const Arguments& args, const char* what, PrintPage print_page) {
  check_options(args, {"owner", "tag", "country", "where", "sort", "deleted", "limit"});
  Database db = open_database(args);
  note_more(print_page(db, list_query(args), std::cout), what, std::cout);
  return 0;
}

// Prints what was found, or says nothing was and returns 1.
int print_found(Database& db, const std::vector<Contact>& contacts, const std::vector<Account>& accounts,
                const std::string& what) {
  if (contacts.empty() && accounts.empty()) {
    std::cout << "No contact or account has the " << what << ".\n";
    return 1;
  }
  Names names(db);
  if (!contacts.empty()) print_contacts(names, contacts, std::cout);
  if (!accounts.empty()) print_accounts(accounts, std::cout);
  return 0;
}

}  // namespace

int run_summary(const Arguments& args) {
  check_options(args, {});
  Database db = open_database(args);
  print_summary(db, std::cout);
  return 0;
}

int run_accounts(const Arguments& args) {
  return list_records(args, "accounts", [](Database& db, const ListQuery& query, std::ostream& out) {
    const auto page = db.accounts().list(query);
    print_accounts(page.items, out);
    return page.next;
  });
}

int run_contacts(const Arguments& args) {
  return list_records(args, "contacts", [](Database& db, const ListQuery& query, std::ostream& out) {
    Names names(db);
    const auto page = db.contacts().list(query);
    print_contacts(names, page.items, out);
    return page.next;
  });
}

int run_leads(const Arguments& args) {
  return list_records(args, "leads", [](Database& db, const ListQuery& query, std::ostream& out) {
    const auto page = db.leads().list(query);
    print_leads(page.items, out);
    return page.next;
  });
}

int run_find_phone(const Arguments& args) {
  check_options(args, {});
  Database db = open_database(args);
  const std::string& number = positional(args, 1, "phone number");
  return print_found(db, db.contacts().find_by_phone(number), db.accounts().find_by_phone(number),
                     "number " + number);
}

int run_find_email(const Arguments& args) {
  check_options(args, {});
  Database db = open_database(args);
  const std::string& email = positional(args, 1, "email address");
  return print_found(db, db.contacts().find_by_email(email), db.accounts().find_by_email(email),
                     "address " + email);
}

}  // namespace crm::cli
