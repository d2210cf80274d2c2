// What an ERP does when its PBX reports a call: find who is calling.
//   incoming_call DATABASE NUMBER
// Creates DATABASE with one customer on first use, then looks NUMBER up in
// any written form ("+371 26 123 456", "0037126123456", "26 123 456").
#include <iostream>

#include <crm/crm.hpp>

int main(int argc, char** argv) {
  if (argc != 3) {
    std::cerr << "usage: incoming_call DATABASE NUMBER\n";
    return 2;
  }
  try {
    crm::OpenOptions options;
    options.default_region = "LV";
    crm::Database db = crm::Database::open(argv[1], options);
    if (!db.accounts().find_by_external_ref("ERP-1001")) {
      crm::Transaction transaction(db);
      crm::AccountData customer;
      customer.name = "SIA Koka Nams";
      customer.external_ref = "ERP-1001";
      customer.address.country = "LV";
      const crm::Account account = db.accounts().create(customer);
      crm::ContactData person;
      person.first_name = "Anna";
      person.last_name = "Bērziņa";
      person.phones = {{crm::PhoneKind::mobile, "+371 26 123 456", ""}};
      person.account = account.id;
      db.contacts().create(person);
      transaction.commit();
    }
    const auto callers = db.contacts().find_by_phone(argv[2]);
    if (callers.empty()) {
      std::cout << "Unknown caller " << argv[2] << "\n";
      return 1;
    }
    for (const crm::Contact& caller : callers) {
      std::cout << "Caller: " << caller.first_name << " " << caller.last_name;
      if (caller.account) std::cout << " of " << db.accounts().get(caller.account).name;
      std::cout << "\n";
    }
    return 0;
  } catch (const crm::Error& error) {
    std::cerr << "error: " << error.what() << " [" << crm::error_code_name(error.code()) << "]\n";
    return 1;
  }
}
