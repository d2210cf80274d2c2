// Names, emails and lookups in every language the CRM's users write in.
#include <gtest/gtest.h>

#include "crm/crm.hpp"
#include "support/test_database.hpp"

namespace crm {
namespace {

struct Person {
  const char* language;
  const char* first_name;
  const char* last_name;
  const char* email;
  const char* email_shouted;  // the same address in other case
  const char* last_name_shouted;
};

const Person kPeople[] = {
    {"lv", "Jānis", "Bērziņš", "jānis.bērziņš@pasts.lv", "JĀNIS.BĒRZIŅŠ@PASTS.LV", "BĒRZIŅŠ"},
    {"lt", "Ona", "Kazlauskienė", "ona.kazlauskienė@delfi.lt", "ONA.KAZLAUSKIENĖ@DELFI.LT", "KAZLAUSKIENĖ"},
    {"uk", "Олена", "Ковальчук", "олена@укр.net", "ОЛЕНА@УКР.NET", "КОВАЛЬЧУК"},
    {"ru", "Пётр", "Смирнов", "пётр.смирнов@почта.рф", "ПЁТР.СМИРНОВ@ПОЧТА.РФ", "СМИРНОВ"},
    {"de", "Jürgen", "Müller", "jürgen.müller@firma.de", "JÜRGEN.MÜLLER@FIRMA.DE", "MÜLLER"},
    {"en", "Sarah", "O'Connor", "sarah.oconnor@example.co.uk", "Sarah.OConnor@Example.CO.UK", "O'CONNOR"},
};

TEST(Multilingual, NamesRoundTripExactly) {
  Database db = Database::open_in_memory();
  for (const Person& p : kPeople) {
    ContactData data;
    data.first_name = p.first_name;
    data.last_name = p.last_name;
    data.preferred_language = p.language;
    data.emails = {{p.email, true}};
    const Contact contact = db.contacts().create(data);
    const Contact read = db.contacts().get(contact.id);
    EXPECT_EQ(read.first_name, p.first_name);
    EXPECT_EQ(read.last_name, p.last_name);
    EXPECT_EQ(read.primary_email(), p.email);
  }
}

TEST(Multilingual, EmailLookupIgnoresCaseInEveryScript) {
  Database db = Database::open_in_memory();
  for (const Person& p : kPeople) {
    ContactData data;
    data.last_name = p.last_name;
    data.emails = {{p.email, true}};
    db.contacts().create(data);
  }
  for (const Person& p : kPeople) {
    const auto found = db.contacts().find_by_email(p.email_shouted);
    ASSERT_EQ(found.size(), 1u) << p.email_shouted;
    EXPECT_EQ(found[0].last_name, p.last_name);
  }
}

TEST(Multilingual, DecomposedInputIsStoredAsNfc) {
  Database db = Database::open_in_memory();
  ContactData data;
  data.last_name = "Be\xCC\x84rzin\xCC\xA7\xC5\xA1";  // "Bērziņš" with combining marks
  data.emails = {{"ja\xCC\x84nis@pasts.lv", true}};
  const Contact contact = db.contacts().create(data);
  EXPECT_EQ(db.contacts().get(contact.id).last_name, "Bērziņš");
  EXPECT_EQ(db.contacts().find_by_email("jānis@pasts.lv").size(), 1u);
}

TEST(Multilingual, NameSortIgnoresCaseAndDiacritics) {
  Database db = Database::open_in_memory();
  for (const char* name : {"Šmits", "Ābols", "zariņš", "Ozols", "Čakste"}) {
    ContactData data;
    data.last_name = name;
    db.contacts().create(data);
  }
  std::vector<std::string> order;
  for (const Contact& c : db.contacts().list().items) order.push_back(c.last_name);
  EXPECT_EQ(order, (std::vector<std::string>{"Ābols", "Čakste", "Ozols", "Šmits", "zariņš"}));
}

}  // namespace
}  // namespace crm
