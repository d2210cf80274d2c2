// The record descriptors: every member of every record struct has one, and
// each descriptor's names are what the surfaces derived from it use.
#include "crm/record_fields.hpp"

#include <gtest/gtest.h>

#include "crm/account.hpp"
#include "crm/lead.hpp"
#include "io/record_columns.hpp"
#include "query/catalog.hpp"

#include <algorithm>
#include <set>
#include <type_traits>

namespace crm {
namespace {

// ---- Counting an aggregate's members at compile time.

/// Converts to any member type, for brace-initialization probes.
struct AnyMember {
  template <class T>
  operator T&() const;  // NOLINT: implicit on purpose
  template <class T>
  operator T&&() const;  // NOLINT: implicit on purpose
};

template <class Aggregate, class... Probes>
constexpr std::size_t count_initializers() {
  if constexpr (requires { Aggregate{Probes{}..., AnyMember{}}; })
    return count_initializers<Aggregate, Probes..., AnyMember>();
  else
    return sizeof...(Probes);
}

/// The number of members of aggregate `Aggregate` without a base class.
template <class Aggregate>
constexpr std::size_t member_count() {
  static_assert(std::is_aggregate_v<Aggregate>);
  return count_initializers<Aggregate>();
}

/// The number of members `Derived` adds to its single base `Base` (the
/// first initializer is the base itself).
template <class Derived, class Base>
constexpr std::size_t own_member_count() {
  static_assert(std::is_aggregate_v<Derived> && std::is_base_of_v<Base, Derived>);
  return count_initializers<Derived, Base>() - 1;
}

// The probes themselves, checked on structs of known shape.
struct Plain {
  std::string a;
  std::optional<Instant> b;
  std::vector<std::string> c;
};
struct Derived : Plain {
  int d = 0;
  std::optional<int> e;
};
static_assert(member_count<Plain>() == 3);
static_assert(own_member_count<Derived, Plain>() == 2);
static_assert(member_count<Address>() == 5);

/// The distinct members of `Record` the descriptors point to.
template <class Record>
std::size_t described_members() {
  std::set<std::string> members;
  for (const RecordField<Record>& field : record_fields<Record>())
    std::visit(
        [&](auto pointer) {
          const Record probe{};
          members.insert(std::to_string(reinterpret_cast<const char*>(&(probe.*pointer)) -
                                        reinterpret_cast<const char*>(&probe)));
        },
        field.member);
  return members.size();
}

/// The address parts described.
std::size_t described_address_parts() {
  const Address probe{};
  std::set<const std::string*> parts;
  for (const auto& field : record_fields<AccountData>())
    if (field.address_part) parts.insert(&(probe.*field.address_part));
  return parts.size();
}

/// The members of stored struct `Stored`: those of `Data` and its own.
template <class Stored, class Data>
constexpr std::size_t stored_member_count() {
  return member_count<Data>() + own_member_count<Stored, Data>();
}

TEST(RecordFields, EveryMemberOfEveryDataStructHasADescriptor) {
  EXPECT_EQ(described_members<AccountData>(), member_count<AccountData>());
  EXPECT_EQ(described_members<ContactData>(), member_count<ContactData>());
  EXPECT_EQ(described_members<LeadData>(), member_count<LeadData>());
  EXPECT_EQ(described_members<OpportunityData>(), member_count<OpportunityData>());
  EXPECT_EQ(described_members<ActivityData>(), member_count<ActivityData>());
  EXPECT_EQ(described_address_parts(), member_count<Address>());
}

TEST(RecordFields, EveryMemberOfEveryStoredStructHasADescriptor) {
  EXPECT_EQ(described_members<Account>(), (stored_member_count<Account, AccountData>()));
  EXPECT_EQ(described_members<Contact>(), (stored_member_count<Contact, ContactData>()));
  EXPECT_EQ(described_members<Lead>(), (stored_member_count<Lead, LeadData>()));
  EXPECT_EQ(described_members<Opportunity>(), (stored_member_count<Opportunity, OpportunityData>()));
  EXPECT_EQ(described_members<Activity>(), (stored_member_count<Activity, ActivityData>()));
}

constexpr RecordKind kKinds[] = {RecordKind::account, RecordKind::contact, RecordKind::lead, RecordKind::opportunity,
                                 RecordKind::activity};

TEST(RecordFields, NamesAreUniqueAndDocumented) {
  for (RecordKind kind : kKinds) {
    std::set<std::string_view> names, filter_names, columns;
    for (const FieldInfo& field : record_fields(kind)) {
      EXPECT_TRUE(names.insert(field.name).second) << field.name;
      EXPECT_FALSE(field.doc.empty()) << field.name;
      if (field.has(FieldRole::filter)) {
        EXPECT_TRUE(filter_names.insert(field.filter_field()).second) << field.name;
      }
      for (const CsvColumn& column : field.csv) EXPECT_TRUE(columns.insert(column.name).second) << column.name;
      EXPECT_EQ(field.has(FieldRole::csv_read), !field.csv.empty()) << field.name;
      EXPECT_EQ(find_record_field(kind, field.name), &field);
    }
  }
}

TEST(RecordFields, MaintainedFieldsAreTheStoredStructsOwn) {
  const auto data_names = [](const auto& fields) {
    std::set<std::string_view> names;
    for (const auto& field : fields) names.insert(field.info.name);
    return names;
  };
  const std::set<std::string_view> contact_data = data_names(record_fields<ContactData>());
  for (const auto& field : record_fields<Contact>())
    EXPECT_EQ(field.info.has(FieldRole::maintained), !contact_data.count(field.info.name)) << field.info.name;
  for (const auto& field : record_fields<ContactData>()) EXPECT_FALSE(field.info.has(FieldRole::maintained));
}

TEST(RecordFields, ReadAndWriteAMemberByName) {
  Contact contact;
  contact.job_title = "Buyer";
  contact.id = ContactId(7);
  for (const auto& field : record_fields<Contact>()) {
    if (field.info.name == "job_title") {
      field.apply(contact, [](auto& value) {
        if constexpr (std::is_same_v<std::remove_cvref_t<decltype(value)>, std::string>) value += " (senior)";
      });
    }
    if (field.info.name == "id") {
      field.apply(std::as_const(contact), [](const auto& value) {
        if constexpr (std::is_same_v<std::remove_cvref_t<decltype(value)>, ContactId>) {
          EXPECT_EQ(value.value(), 7);
        }
      });
    }
  }
  EXPECT_EQ(contact.job_title, "Buyer (senior)");

  Account account;
  account.address.city = "Riga";
  std::string city;
  for (const auto& field : record_fields<Account>())
    if (field.info.name == "address_city")
      field.apply(account, [&](auto& value) {
        if constexpr (std::is_same_v<std::remove_cvref_t<decltype(value)>, std::string>) city = value;
      });
  EXPECT_EQ(city, "Riga");
}

/// The names select() of `kind` reads, or nullopt for a kind without select().
std::optional<std::set<std::string>> select_names(RecordKind kind) {
  std::vector<Column> columns;
  switch (kind) {
    case RecordKind::account: columns = Accounts::selectable_columns(); break;
    case RecordKind::contact: columns = Contacts::selectable_columns(); break;
    case RecordKind::lead: columns = Leads::selectable_columns(); break;
    case RecordKind::opportunity: columns = Opportunities::selectable_columns(); break;
    case RecordKind::activity: return std::nullopt;
  }
  std::set<std::string> names;
  for (const Column& column : columns) names.insert(column.name);
  return names;
}

TEST(RecordFields, EachRoleIsTakenByItsSurface) {
  for (RecordKind kind : kKinds) {
    std::set<std::string> catalog;
    for (const detail::FieldSpec& spec : detail::builtin_fields(kind)) catalog.insert(spec.name);
    const std::vector<std::string> exported = detail::column_names(kind);
    const auto selected = select_names(kind);
    for (const FieldInfo& field : record_fields(kind)) {
      const std::string name(field.filter_field());
      EXPECT_EQ(catalog.count(name), field.has(FieldRole::filter) ? 1u : 0u) << record_kind_name(kind) << " " << name;
      for (const CsvColumn& column : field.csv) {
        EXPECT_TRUE(detail::is_column(kind, column.name)) << column.name;
        const bool written =
            std::find(exported.begin(), exported.end(), column.name) != exported.end();
        EXPECT_EQ(written, column.exported && field.has(FieldRole::csv_write)) << column.name;
        for (std::string_view alias : column.aliases) {
          EXPECT_EQ(detail::column_for_header(kind, alias).has_value(), true) << alias;
        }
        EXPECT_EQ(detail::column_for_header(kind, column.name), std::string(column.name));
      }
      if (!selected) {
        EXPECT_FALSE(field.has(FieldRole::select)) << field.name;
        continue;
      }
      // A field select() reads under its name, its segment name or its id column ("parent_id").
      const bool readable = selected->count(std::string(field.name)) || selected->count(name) ||
                            (field.type == RecordFieldType::reference && selected->count(std::string(field.sql.column)));
      if (field.has(FieldRole::select)) {
        EXPECT_TRUE(readable) << record_kind_name(kind) << " " << field.name;
      }
    }
    std::size_t csv_columns = 0;
    for (const FieldInfo& field : record_fields(kind))
      for (const CsvColumn& column : field.csv) csv_columns += column.exported ? 1 : 0;
    EXPECT_EQ(exported.size(), csv_columns) << record_kind_name(kind);
  }
}

}  // namespace
}  // namespace crm
