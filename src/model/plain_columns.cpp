#include "model/plain_columns.hpp"

#include <stdexcept>
#include <type_traits>

#include "common/fields.hpp"
#include "crm/error.hpp"
#include "storage/sql_values.hpp"

namespace crm::model {
namespace {

template <class T>
struct IsId : std::false_type {};
template <class Tag>
struct IsId<Id<Tag>> : std::true_type {};

template <class Data>
const std::vector<const RecordField<Data>*>& plain_fields() {
  static const std::vector<const RecordField<Data>*> fields = [] {
    std::vector<const RecordField<Data>*> plain;
    for (const RecordField<Data>& field : record_fields<Data>())
      if (is_plain_column(field.info)) plain.push_back(&field);
    return plain;
  }();
  return fields;
}

// "account.address.city" for the address part "address_city", else "contact.job_title".
template <class Data>
std::string error_field(const RecordField<Data>& field, std::string_view kind) {
  std::string name = std::string(kind) + "." + std::string(field.info.name);
  if (field.address_part) name[kind.size() + 1 + name.substr(kind.size() + 1).find('_')] = '.';
  return name;
}

std::string clean_text_value(const FieldInfo& info, const std::string& value, const std::string& field) {
  if (info.sql.normalize == TextNormalization::country) return detail::clean_country(value, field);
  if (info.multiline) return detail::clean_text(value, field);
  if (info.has(FieldRole::key)) return detail::clean_ref(value, field);
  return info.required ? detail::require_line(value, field) : detail::clean_line(value, field);
}

// The cells of the current row of a statement used through SQLite's C API.
struct RawCells {
  sqlite3_stmt* row;
  bool null(int i) const { return sqlite3_column_type(row, i) == SQLITE_NULL; }
  std::int64_t integer(int i) const { return sqlite3_column_int64(row, i); }
  std::string text(int i) const {
    const auto* value = reinterpret_cast<const char*>(sqlite3_column_text(row, i));
    return value ? std::string(value, static_cast<std::size_t>(sqlite3_column_bytes(row, i))) : std::string();
  }
};

// The cells of the current row of a SQLiteCpp statement.
struct StatementCells {
  SQLite::Statement& statement;
  bool null(int i) const { return statement.isColumnNull(i); }
  std::int64_t integer(int i) const { return statement.getColumn(i).getInt64(); }
  std::string text(int i) const { return null(i) ? std::string() : statement.getColumn(i).getString(); }
};

[[noreturn]] void no_column_for(std::string_view field) {
  throw std::logic_error("record field " + std::string(field) + " is not a plain column");
}

// Reads the plain fields of `data` from `cells` (RawCells or StatementCells).
template <class Data, class Cells>
int read_cells(const Cells& cells, int first, Data& data) {
  int index = first;
  for (const RecordField<Data>* field : plain_fields<Data>()) {
    field->apply(data, [&](auto& value) {
      using V = std::remove_cvref_t<decltype(value)>;
      if constexpr (std::is_same_v<V, std::string>) {
        value = cells.text(index);
      } else if constexpr (std::is_same_v<V, Money>) {
        value = Money(cells.integer(index), cells.text(index + 1));
        ++index;
      } else if constexpr (std::is_same_v<V, std::optional<Date>>) {
        value = cells.null(index) ? std::nullopt : std::optional<Date>(parse_date(cells.text(index)));
      } else if constexpr (std::is_same_v<V, Instant>) {
        value = parse_instant(cells.text(index));
      } else if constexpr (std::is_same_v<V, std::optional<Instant>>) {
        value = cells.null(index) ? std::nullopt : std::optional<Instant>(parse_instant(cells.text(index)));
      } else if constexpr (std::is_same_v<V, std::optional<Birthday>>) {
        value = cells.null(index) ? std::nullopt : std::optional<Birthday>(Birthday::parse(cells.text(index)));
      } else if constexpr (std::is_same_v<V, std::optional<int>>) {
        value = cells.null(index) ? std::nullopt : std::optional<int>(static_cast<int>(cells.integer(index)));
      } else if constexpr (std::is_same_v<V, std::int64_t> || std::is_same_v<V, int>) {
        value = static_cast<V>(cells.integer(index));
      } else if constexpr (std::is_enum_v<V>) {
        value = enum_value_from_name(cells.text(index), static_cast<V*>(nullptr)).value_or(value);
      } else if constexpr (IsId<V>::value) {
        value = cells.null(index) ? V() : V(cells.integer(index));
      } else {
        no_column_for(field->info.name);
      }
    });
    ++index;
  }
  return index;
}

}  // namespace

bool is_plain_column(const FieldInfo& field) noexcept {
  if (field.storage != FieldStorage::column || field.sql.column.empty()) return false;
  switch (field.type) {
    case RecordFieldType::custom:
    case RecordFieldType::recurrence:
    case RecordFieldType::address:
      return false;
    case RecordFieldType::text:
      return field.sql.table.empty();  // else a name looked up in another table
    default:
      return true;
  }
}

template <class Data>
const std::string& plain_column_list() {
  static const std::string list = [] {
    std::string columns;
    for (const RecordField<Data>* field : plain_fields<Data>()) {
      if (!columns.empty()) columns += ", ";
      columns += field->info.sql.column;
      if (field->info.type == RecordFieldType::money) columns += ", " + std::string(field->info.sql.currency);
    }
    return columns;
  }();
  return list;
}

template <class Data>
int bind_plain_columns(SQLite::Statement& statement, int first, const Data& data) {
  int index = first;
  for (const RecordField<Data>* field : plain_fields<Data>()) {
    const bool not_null = field->info.sql.not_null;
    field->apply(data, [&](const auto& value) {
      using V = std::remove_cvref_t<decltype(value)>;
      if constexpr (std::is_same_v<V, std::string>) {
        if (not_null)
          statement.bind(index, value);
        else
          detail::bind_text_or_null(statement, index, value);
      } else if constexpr (std::is_same_v<V, Money>) {
        detail::bind_money(statement, index, index + 1, value);
        ++index;
      } else if constexpr (std::is_same_v<V, std::optional<Date>>) {
        detail::bind_date_or_null(statement, index, value);
      } else if constexpr (std::is_same_v<V, Instant>) {
        statement.bind(index, format_instant(value));
      } else if constexpr (std::is_same_v<V, std::optional<Instant>>) {
        detail::bind_text_or_null(statement, index, value ? format_instant(*value) : std::string());
      } else if constexpr (std::is_same_v<V, std::optional<Birthday>>) {
        detail::bind_text_or_null(statement, index, value ? value->to_string() : std::string());
      } else if constexpr (std::is_same_v<V, std::optional<int>>) {
        if (value)
          statement.bind(index, *value);
        else
          statement.bind(index);
      } else if constexpr (std::is_same_v<V, std::int64_t> || std::is_same_v<V, int>) {
        statement.bind(index, value);
      } else if constexpr (std::is_enum_v<V>) {
        detail::bind_text_or_null(statement, index, std::string(enum_value_name(value)));
      } else if constexpr (IsId<V>::value) {
        detail::bind_id_or_null(statement, index, value);
      } else {
        no_column_for(field->info.name);
      }
    });
    ++index;
  }
  return index;
}

template <class Data>
int read_plain_columns(sqlite3_stmt* row, int first, Data& data) {
  return read_cells(RawCells{row}, first, data);
}

template <class Data>
int read_plain_columns(SQLite::Statement& statement, int first, Data& data) {
  return read_cells(StatementCells{statement}, first, data);
}

template <class Data>
void clean_plain_fields(const Data& in, Data& out, std::string_view kind, const Date& today) {
  for (const RecordField<Data>* field : plain_fields<Data>()) {
    const FieldInfo& info = field->info;
    field->apply(out, [&](auto& target) {
      using V = std::remove_cvref_t<decltype(target)>;
      field->apply(in, [&](const auto& source) {
        if constexpr (std::is_same_v<std::remove_cvref_t<decltype(source)>, V>) {
          if constexpr (std::is_same_v<V, std::string>) {
            const bool cleaned_here = info.sql.normalize == TextNormalization::nfc ||
                                      info.sql.normalize == TextNormalization::country;
            target = cleaned_here ? clean_text_value(info, source, error_field(*field, kind)) : source;
          } else if constexpr (std::is_same_v<V, std::optional<Birthday>>) {
            if (source) source->validate(today, error_field(*field, kind));
            target = source;
          } else if constexpr (std::is_enum_v<V>) {
            if (!enum_value_from_name(enum_value_name(source), static_cast<V*>(nullptr))) {
              const std::string name = error_field(*field, kind);
              throw Error(ErrorCode::invalid_argument, name + ": unknown " + std::string(info.name), name);
            }
            target = source;
          } else {
            target = source;
          }
        }
      });
    });
  }
}

#define CRM_PLAIN_COLUMNS(Data)                                                            \
  template const std::string& plain_column_list<Data>();                                   \
  template int bind_plain_columns<Data>(SQLite::Statement&, int, const Data&);             \
  template int read_plain_columns<Data>(SQLite::Statement&, int, Data&);                   \
  template int read_plain_columns<Data>(sqlite3_stmt*, int, Data&);                        \
  template void clean_plain_fields<Data>(const Data&, Data&, std::string_view, const Date&);
CRM_PLAIN_COLUMNS(AccountData)
CRM_PLAIN_COLUMNS(ContactData)
CRM_PLAIN_COLUMNS(LeadData)
CRM_PLAIN_COLUMNS(OpportunityData)
CRM_PLAIN_COLUMNS(ActivityData)
#undef CRM_PLAIN_COLUMNS

}  // namespace crm::model
