#include "io/record_columns.hpp"

#include <algorithm>
#include <charconv>
#include <functional>
#include <type_traits>

#include "crm/error.hpp"
#include "crm/money.hpp"
#include "crm/record_fields.hpp"
#include "io/cell_text.hpp"
#include "text/unicode.hpp"

namespace crm::detail {
namespace {

/// One column: how its cell is read into a draft and written from one.
struct ColumnSpec {
  std::string_view name;
  std::function<void(RecordDraft& draft, std::string_view text, std::string_view column)> read;
  std::function<std::string(const RecordDraft& draft)> write;  ///< empty: read on import only, not exported
  bool required = false;  ///< The record is refused without a value (FieldInfo::required).
  bool dated = false;     ///< Holds dates or instants, read as RecordDraft::slash_dates says.
};

template <class Data>
Data& data(RecordDraft& draft) {
  return std::get<Data>(draft.data);
}
template <class Data>
const Data& data(const RecordDraft& draft) {
  return std::get<Data>(draft.data);
}

std::string join(const std::vector<std::string>& items) {
  std::string text;
  for (const std::string& item : items) text += (text.empty() ? "" : "; ") + item;
  return text;
}

std::string upper_ascii(std::string_view text) {
  std::string out(text);
  for (char& c : out)
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
  return out;
}

/// The "id" column: a row id as exported. Other systems' ids ("003Ec00000Cy")
/// are not ours and are left out rather than refused: the importer ignores ids.
void read_id(RecordDraft& draft, std::string_view text, std::string_view) {
  const std::string_view t = trim(text);
  std::int64_t id = 0;
  const auto [end, error] = std::from_chars(t.data(), t.data() + t.size(), id);
  draft.id = error == std::errc() && end == t.data() + t.size() && id > 0 ? id : 0;
}
std::string write_id(const RecordDraft& draft) { return draft.id ? std::to_string(draft.id) : std::string(); }
/// Money of `decimal` in `currency`: refuses an unknown currency (naming
/// `currency_column`) and more decimals than it has (naming `amount_column`).
Money make_money(const std::string& decimal, const std::string& currency, std::string_view amount_column,
                 std::string_view currency_column) {
  if (!is_currency_code(currency))
    throw Error(ErrorCode::invalid_argument,
                std::string(currency_column) + ": '" + currency +
                    "' is not a currency code (ISO 4217, such as EUR, USD or GBP)",
                std::string(currency_column));
  const std::string exact = without_trailing_zeros(decimal);
  const std::size_t point = exact.find('.');
  const std::size_t decimals = point == std::string::npos ? 0 : exact.size() - point - 1;
  const int digits = currency_minor_digits(currency);
  if (decimals > static_cast<std::size_t>(digits))
    throw Error(ErrorCode::invalid_argument,
                std::string(amount_column) + ": " + decimal + " " + currency + " has " + std::to_string(decimals) +
                    " decimal places, more than " + currency + " has (" + std::to_string(digits) +
                    "); amounts are never rounded",
                std::string(amount_column));
  try {
    return Money::from_decimal(exact, currency);
  } catch (const Error& error) {
    throw Error(error.code(), std::string(amount_column) + ": " + error.what(), std::string(amount_column));
  }
}

void set_currency(RecordDraft& draft, const std::string& code, std::string_view column, std::string_view text) {
  if (!draft.currency.empty() && draft.currency != code)
    refuse_cell(column, text, "in " + draft.currency + ", the currency given in another column");
  draft.currency = code;
}

void read_amount_cell(RecordDraft& draft, std::string_view text, std::string_view column) {
  AmountText amount = read_amount(text, column);
  draft.amount_text = std::move(amount.decimal);
  if (!amount.currency.empty()) set_currency(draft, amount.currency, column, text);
}
// ---- Cells of one value, read and written by the member's C++ type.

/// What a cell reader needs besides the text.
struct CellContext {
  const FieldInfo& field;   ///< The field the cell belongs to.
  CsvCell cell;             ///< What the cell holds.
  std::string_view column;  ///< The column's name, for errors.
  SlashDates slashes;       ///< How dates with slashes are read.
};

/// A single-line text (trimmed), or a free text kept as written (multiline).
void read_value(std::string& value, std::string_view text, const CellContext& c) {
  value = c.field.multiline ? std::string(text) : std::string(trim(text));
}
std::string write_value(const std::string& value, const FieldInfo&) { return value; }

/// Tags "vip; newsletter".
void read_value(std::vector<std::string>& tags, std::string_view text, const CellContext&) {
  for (std::string_view tag : split_items(text)) tags.emplace_back(tag);
}
std::string write_value(const std::vector<std::string>& tags, const FieldInfo&) { return join(tags); }

void read_value(std::optional<Date>& date, std::string_view text, const CellContext& c) {
  date = read_date(text, c.slashes, c.column);
}
std::string write_value(const std::optional<Date>& date, const FieldInfo&) {
  return date ? format_date(*date) : std::string();
}

void read_value(Instant& at, std::string_view text, const CellContext& c) { at = read_instant(text, c.slashes, c.column); }
std::string write_value(const Instant& at, const FieldInfo&) {
  return at.is_special() ? std::string() : format_instant_cell(at);
}

void read_value(std::optional<Instant>& at, std::string_view text, const CellContext& c) {
  at = read_instant(text, c.slashes, c.column);
}
std::string write_value(const std::optional<Instant>& at, const FieldInfo&) {
  return at ? format_instant_cell(*at) : std::string();
}

/// Whole seconds ("125", "2:05") for a duration, else an integer.
void read_value(std::int64_t& number, std::string_view text, const CellContext& c) {
  number = c.field.type == RecordFieldType::duration ? read_duration(text, c.column) : read_integer(trim(text), c.column);
}
std::string write_value(const std::int64_t& number, const FieldInfo&) { return std::to_string(number); }

/// A percentage 0..100 ("40", "40 %").
void read_value(std::optional<int>& percent, std::string_view text, const CellContext& c) {
  std::string_view t = trim(text);
  if (t.ends_with('%')) t = trim(t.substr(0, t.size() - 1));
  const std::int64_t value = read_integer(t, c.column);
  if (value < 0 || value > 100) refuse_cell(c.column, text, "a probability from 0 to 100");
  percent = static_cast<int>(value);
}
std::string write_value(const std::optional<int>& percent, const FieldInfo&) {
  return percent ? std::to_string(*percent) : std::string();
}

/// Emails "a@x.lv; b@y.lv", also separated by ","; the first is primary.
void read_value(std::vector<Email>& emails, std::string_view text, const CellContext&) {
  for (std::string_view address : split_items(text, ";,")) emails.push_back(Email{std::string(address), emails.empty()});
}
std::string write_value(const std::vector<Email>& all, const FieldInfo&) {
  std::vector<Email> emails = all;
  std::stable_partition(emails.begin(), emails.end(), [](const Email& email) { return email.primary; });
  std::vector<std::string> addresses;
  for (const Email& email : emails) addresses.push_back(email.address);
  return join(addresses);
}

std::optional<PhoneKind> phone_kind_named(std::string_view word) {
  const std::string key = name_key(word);
  if (const auto kind = phone_kind_from_name(key)) return kind;
  constexpr std::pair<std::string_view, PhoneKind> kSynonyms[] = {
      {"cell", PhoneKind::mobile}, {"office", PhoneKind::work}, {"business", PhoneKind::work}, {"private", PhoneKind::home}};
  for (const auto& [name, kind] : kSynonyms)
    if (name == key) return kind;
  return std::nullopt;
}

/// The kind of the phones of a column of one kind ("phones_work"), mobile otherwise.
PhoneKind phone_kind_of(CsvCell cell) {
  switch (cell) {
    case CsvCell::work: return PhoneKind::work;
    case CsvCell::home: return PhoneKind::home;
    case CsvCell::other: return PhoneKind::other;
    default: return PhoneKind::mobile;
  }
}

/// Phones "mobile: +371 26 123 456; 67000000": a known kind before ':' sets
/// the kind, otherwise the item is the number of the column's kind.
void read_value(std::vector<Phone>& phones, std::string_view text, const CellContext& c) {
  for (std::string_view item : split_items(text)) {
    Phone phone{phone_kind_of(c.cell), std::string(item), {}};
    const std::size_t colon = item.find(':');
    const auto kind = colon == std::string_view::npos ? std::nullopt : phone_kind_named(item.substr(0, colon));
    if (kind) {
      phone.kind = *kind;
      phone.raw = std::string(trim(item.substr(colon + 1)));
      if (phone.raw.empty()) refuse_cell(c.column, item, "a phone number after its kind ('work: 67000000')");
    }
    phones.push_back(std::move(phone));
  }
}
std::string write_value(const std::vector<Phone>& phones, const FieldInfo&) {
  std::vector<std::string> items;
  for (const Phone& phone : phones) items.push_back(std::string(phone_kind_name(phone.kind)) + ": " + phone.raw);
  return join(items);
}

/// Consents "email: yes 2025-01-02T10:00:00Z; sms: no".
void read_value(std::vector<Consent>& consents, std::string_view text, const CellContext& c) {
  constexpr std::string_view expected = "a consent such as 'email: yes 2025-01-02T10:00:00Z' or 'sms: no'";
  for (std::string_view item : split_items(text)) {
    const std::size_t colon = item.find(':');
    if (colon == std::string_view::npos) refuse_cell(c.column, item, expected);
    const ConsentChannel channel =
        read_enum<ConsentChannel>(item.substr(0, colon), consent_channel_from_name, {{"e mail", ConsentChannel::email}},
                                  "a consent channel (email, phone, sms or post)", c.column);
    const std::string_view answer = trim(item.substr(colon + 1));
    const std::size_t space = answer.find(' ');
    Consent consent{channel, read_boolean(answer.substr(0, space), c.column), {}};
    if (space != std::string_view::npos) consent.changed_at = read_instant(answer.substr(space + 1), c.slashes, c.column);
    consents.push_back(consent);
  }
}
std::string write_value(const std::vector<Consent>& consents, const FieldInfo&) {
  std::vector<std::string> items;
  for (const Consent& consent : consents)
    items.push_back(std::string(consent_channel_name(consent.channel)) + ": " + (consent.granted ? "yes" : "no") +
                    (consent.changed_at.is_special() ? "" : " " + format_instant_cell(consent.changed_at)));
  return join(items);
}

void read_value(std::optional<Birthday>& birthday, std::string_view text, const CellContext& c) {
  birthday = read_birthday(text, c.slashes, c.column);
}
std::string write_value(const std::optional<Birthday>& birthday, const FieldInfo&) {
  return birthday ? birthday->to_string() : std::string();
}

void read_value(LeadStatus& status, std::string_view text, const CellContext& c) {
  status = read_enum<LeadStatus>(text, lead_status_from_name, {{"fresh", LeadStatus::fresh}, {"open", LeadStatus::fresh}},
                                 "a lead status (new, contacted, qualified or disqualified)", c.column);
}
std::string write_value(const LeadStatus& status, const FieldInfo&) { return std::string(lead_status_name(status)); }

void read_value(ActivityKind& kind, std::string_view text, const CellContext& c) {
  kind = read_enum<ActivityKind>(
      text, activity_kind_from_name,
      {{"phone call", ActivityKind::call}, {"e mail", ActivityKind::email}, {"text", ActivityKind::sms},
       {"text message", ActivityKind::sms}, {"appointment", ActivityKind::meeting}, {"visit", ActivityKind::meeting},
       {"to do", ActivityKind::task}, {"todo", ActivityKind::task}, {"comment", ActivityKind::note}},
      "an activity kind (call, meeting, email, task, note or sms)", c.column);
}
std::string write_value(const ActivityKind& kind, const FieldInfo&) { return std::string(activity_kind_name(kind)); }

void read_value(ActivityStatus& status, std::string_view text, const CellContext& c) {
  status = read_enum<ActivityStatus>(
      text, activity_status_from_name,
      {{"scheduled", ActivityStatus::planned}, {"not started", ActivityStatus::planned},
       {"open", ActivityStatus::planned}, {"in progress", ActivityStatus::planned},
       {"completed", ActivityStatus::done}, {"complete", ActivityStatus::done}, {"finished", ActivityStatus::done},
       {"canceled", ActivityStatus::cancelled}},
      "an activity status (planned, done or cancelled)", c.column);
}
std::string write_value(const ActivityStatus& status, const FieldInfo&) {
  return std::string(activity_status_name(status));
}

void read_value(Direction& direction, std::string_view text, const CellContext& c) {
  direction = read_enum<Direction>(
      text, direction_from_name,
      {{"none", Direction::none}, {"incoming", Direction::inbound}, {"in", Direction::inbound},
       {"outgoing", Direction::outbound}, {"out", Direction::outbound}},
      "a direction (inbound or outbound)", c.column);
}
std::string write_value(const Direction& direction, const FieldInfo&) { return std::string(direction_name(direction)); }

/// The recurrence unit a word names ("week", "weeks", "weekly"), if any.
std::optional<RecurrenceUnit> recurrence_unit_word(std::string_view word) {
  for (RecurrenceUnit unit : {RecurrenceUnit::day, RecurrenceUnit::week, RecurrenceUnit::month}) {
    const std::string name(recurrence_unit_name(unit));
    if (word == name || word == name + "s") return unit;
  }
  return std::nullopt;
}

/// "every 2 weeks on business days in LV", "every day", "monthly".
void read_value(std::optional<Recurrence>& recurrence, std::string_view text, const CellContext& c) {
  constexpr std::string_view expected =
      "a recurrence such as 'every 2 weeks', 'every day on business days in LV' or 'monthly'";
  const std::string_view column = c.column;
  const std::string key = name_key(text);
  const std::vector<std::string_view> words = split_items(key, " ");
  Recurrence rule;
  std::size_t at = 0;
  auto word = [&](std::string_view expected_word) { return at < words.size() && words[at] == expected_word; };
  if (word("daily") || word("weekly") || word("monthly")) {
    rule.unit = words[at] == "daily" ? RecurrenceUnit::day : words[at] == "weekly" ? RecurrenceUnit::week : RecurrenceUnit::month;
    ++at;
  } else {
    if (word("every")) ++at;
    if (at < words.size() && std::all_of(words[at].begin(), words[at].end(), [](char ch) { return ch >= '0' && ch <= '9'; })) {
      if (words[at].size() > 6) refuse_cell(column, text, expected);
      rule.interval = std::stoi(std::string(words[at++]));
    }
    const auto unit = at < words.size() ? recurrence_unit_word(words[at]) : std::nullopt;
    if (!unit) refuse_cell(column, text, expected);
    rule.unit = *unit;
    ++at;
  }
  if (word("on") && at + 2 < words.size() && words[at + 1] == "business" && words[at + 2] == "days") {
    rule.business_days_only = true;
    at += 3;
  }
  if (word("in") && at + 1 < words.size()) {
    rule.calendar = upper_ascii(words[at + 1]);
    at += 2;
  }
  if (at != words.size()) refuse_cell(column, text, expected);
  recurrence = rule;
}
std::string write_value(const std::optional<Recurrence>& rule, const FieldInfo&) {
  if (!rule) return {};
  const std::string unit(recurrence_unit_name(rule->unit));
  std::string text = rule->interval == 1 ? "every " + unit : "every " + std::to_string(rule->interval) + " " + unit + "s";
  if (rule->business_days_only) text += " on business days";
  if (!rule->calendar.empty()) text += " in " + rule->calendar;
  return text;
}

/// Members of other types have no cell format: their descriptors list no CSV column.
template <class Value>
void read_value(Value&, std::string_view, const CellContext& c) {
  throw Error(ErrorCode::unsupported, std::string(c.column) + ": a field without a cell format", std::string(c.column));
}
template <class Value>
std::string write_value(const Value&, const FieldInfo& field) {
  throw Error(ErrorCode::unsupported, std::string(field.name) + ": a field without a cell format",
              std::string(field.name));
}

// ---- Links to other records: text in RecordRefs, resolved by the importer.

/// The RecordRefs member a cell of a reference to `target` fills.
std::string RecordRefs::*refs_member(std::string_view target, CsvCell cell) {
  const bool by_ref = cell == CsvCell::external_ref;
  if (cell == CsvCell::either_ref) {
    if (target == "contact") return &RecordRefs::who_ref;
    if (target == "account") return &RecordRefs::what_ref;
  }
  if (target == "account") return by_ref ? &RecordRefs::account_ref : &RecordRefs::account_name;
  if (target == "contact") return by_ref ? &RecordRefs::contact_ref : &RecordRefs::contact_email;
  if (target == "opportunity") return by_ref ? &RecordRefs::opportunity_ref : &RecordRefs::opportunity_name;
  if (target == "lead") return &RecordRefs::lead_ref;
  if (target == "pipeline") return &RecordRefs::pipeline;
  if (target == "stage") return &RecordRefs::stage;
  if (target == "lost_reason") return &RecordRefs::lost_reason;
  throw Error(ErrorCode::unsupported, std::string(target) + ": records no CSV column can name", std::string(target));
}

// ---- The columns of each kind, from the record descriptors.

/// The column of `cell` of field `field` of Data.
template <class Data>
ColumnSpec column_of(const RecordField<Data>& field, const CsvColumn& csv) {
  const RecordField<Data>* f = &field;  // the tables are static: the pointer stays valid
  const CsvCell cell = csv.cell;
  ColumnSpec spec{csv.name, {}, {}};
  if (field.info.type == RecordFieldType::reference) {
    const auto member = refs_member(field.info.target, cell);
    spec.read = [member](RecordDraft& draft, std::string_view text, std::string_view) {
      draft.refs.*member = std::string(trim(text));
    };
    spec.write = [member](const RecordDraft& draft) { return draft.refs.*member; };
  } else if (field.info.type == RecordFieldType::money) {
    // The amount and currency are kept as text until finish_draft() knows both.
    if (cell == CsvCell::currency) {
      spec.read = [](RecordDraft& draft, std::string_view text, std::string_view column) {
        set_currency(draft, upper_ascii(trim(text)), column, text);
      };
    } else {
      spec.read = read_amount_cell;
    }
    spec.write = [f, cell](const RecordDraft& draft) {
      const Data& record = data<Data>(draft);
      return f->apply(record, [&](const auto& value) -> std::string {
        if constexpr (std::is_same_v<std::remove_cvref_t<decltype(value)>, Money>)
          return cell == CsvCell::currency ? std::string(value.currency()) : value.amount_string();
        else
          return write_value(value, f->info);
      });
    };
  } else {
    // A cell that also sets the field named by `also` (a deal's "close_date").
    const RecordField<Data>* also = nullptr;
    if (cell == CsvCell::both_dates)
      for (const RecordField<Data>& other : record_fields<Data>())
        if (other.info.name == field.info.also) also = &other;
    spec.read = [f, cell, also](RecordDraft& draft, std::string_view text, std::string_view column) {
      Data& record = data<Data>(draft);
      f->apply(record, [&](auto& value) {
        read_value(value, text, CellContext{f->info, cell, column, draft.slash_dates});
        if (also)
          also->apply(record, [&](auto& other) {
            if constexpr (std::is_same_v<decltype(other), decltype(value)>) other = value;
          });
      });
    };
    spec.write = [f](const RecordDraft& draft) {
      return f->apply(data<Data>(draft), [&](const auto& value) -> std::string { return write_value(value, f->info); });
    };
  }
  if (!csv.exported) spec.write = nullptr;
  spec.required = field.info.required;
  const RecordFieldType type = field.info.type;
  spec.dated = type == RecordFieldType::date || type == RecordFieldType::instant || type == RecordFieldType::birthday;
  return spec;
}

/// The columns of records of Data stored as `kind`: the row id, the key
/// fields, then the other fields in descriptor order; input-only ones included.
template <class Data>
std::vector<ColumnSpec> columns_for(RecordKind kind) {
  std::vector<ColumnSpec> columns;
  // The maintained fields with a column: the row id, kept in RecordDraft::id,
  // and the dates of an old CRM's history, kept in RecordDraft::stamps.
  for (const FieldInfo& field : record_fields(kind))
    if (field.has(FieldRole::maintained))
      for (const CsvColumn& csv : field.csv) {
        if (field.name == "id") {
          columns.push_back({csv.name, read_id, write_id});
          continue;
        }
        auto member = field.name == "created_at" ? &RecordStamps::created_at : &RecordStamps::updated_at;
        ColumnSpec spec{csv.name,
                        [member](RecordDraft& draft, std::string_view text, std::string_view column) {
                          draft.stamps.*member = read_instant(text, draft.slash_dates, column);
                        },
                        nullptr};
        spec.dated = true;
        columns.push_back(std::move(spec));
      }
  for (const bool keys : {true, false})
    for (const RecordField<Data>& field : record_fields<Data>())
      if (field.info.has(FieldRole::key) == keys)
        for (const CsvColumn& csv : field.info.csv) columns.push_back(column_of(field, csv));
  return columns;
}

const std::vector<ColumnSpec>& columns_of(RecordKind kind) {
  static const std::vector<ColumnSpec> all[] = {
      columns_for<AccountData>(RecordKind::account), columns_for<ContactData>(RecordKind::contact),
      columns_for<LeadData>(RecordKind::lead), columns_for<OpportunityData>(RecordKind::opportunity),
      columns_for<ActivityData>(RecordKind::activity)};
  return all[static_cast<std::size_t>(kind)];
}

const ColumnSpec* find_column(RecordKind kind, std::string_view name) {
  for (const ColumnSpec& spec : columns_of(kind))
    if (spec.name == name) return &spec;
  return nullptr;
}

const ColumnSpec& require_column(RecordKind kind, std::string_view name) {
  if (const ColumnSpec* spec = find_column(kind, name)) return *spec;
  std::string known;
  for (const ColumnSpec& spec : columns_of(kind)) known += (known.empty() ? "" : ", ") + std::string(spec.name);
  throw Error(ErrorCode::invalid_argument,
              std::string(name) + ": not a column of " + std::string(record_kind_name(kind)) + " records (" + known + ")",
              std::string(name));
}

// ---- Custom fields.

/// Runs `read`, giving any error it throws the field `column`.
template <class Read>
CustomValue for_column(std::string_view column, Read read) {
  try {
    return read();
  } catch (const Error& error) {
    if (error.field() == column) throw;
    throw Error(error.code(), std::string(column) + ": " + error.what(), std::string(column));
  }
}

CustomValue read_custom(const CustomField& field, std::string_view text, SlashDates slashes) {
  const std::string_view name = field.name;
  const std::string_view t = trim(text);
  return for_column(name, [&]() -> CustomValue {
    switch (field.type) {
      case CustomFieldType::text: return CustomValue(std::string(text));
      case CustomFieldType::choice: return CustomValue(std::string(t));
      case CustomFieldType::date: return CustomValue(read_date(t, slashes, name));
      case CustomFieldType::boolean: return CustomValue(read_boolean(t, name));
      case CustomFieldType::decimal: {
        const AmountText number = read_amount(t, name);
        if (!number.currency.empty()) refuse_cell(name, text, "a decimal number such as 12.50");
        return CustomValue::decimal(number.decimal);
      }
      case CustomFieldType::money: {
        const AmountText amount = read_amount(t, name);
        if (amount.currency.empty()) refuse_cell(name, text, "an amount with its currency, such as 1200.00 EUR");
        return CustomValue(make_money(amount.decimal, amount.currency, name, name));
      }
      default: return CustomValue::parse(field.type, t, name);
    }
  });
}

}  // namespace

RecordDraft new_draft(RecordKind kind, std::string_view base_currency) {
  if (kind == RecordKind::opportunity && !base_currency.empty()) {
    OpportunityData deal;
    deal.amount = Money(0, base_currency);
    return RecordDraft{std::move(deal), {}};
  }
  switch (kind) {
    case RecordKind::account: return RecordDraft{AccountData{}, {}};
    case RecordKind::contact: return RecordDraft{ContactData{}, {}};
    case RecordKind::lead: return RecordDraft{LeadData{}, {}};
    case RecordKind::opportunity: return RecordDraft{OpportunityData{}, {}};
    case RecordKind::activity: return RecordDraft{ActivityData{}, {}};
  }
  throw Error(ErrorCode::invalid_argument, "record kind: unknown", "kind");
}

RecordKind kind_of(const RecordDraft& draft) noexcept { return static_cast<RecordKind>(draft.data.index()); }

std::vector<std::string> column_names(RecordKind kind) {
  std::vector<std::string> names;
  for (const ColumnSpec& spec : columns_of(kind))
    if (spec.write) names.emplace_back(spec.name);
  return names;
}

bool is_column(RecordKind kind, std::string_view column) { return find_column(kind, column) != nullptr; }

bool is_required_column(RecordKind kind, std::string_view column) {
  const ColumnSpec* spec = find_column(kind, column);
  return spec && spec->required;
}

bool is_dated_column(RecordKind kind, std::string_view column) {
  const ColumnSpec* spec = find_column(kind, column);
  return spec && spec->dated;
}

void apply_column(RecordDraft& draft, std::string_view column, std::string_view text) {
  const ColumnSpec& spec = require_column(kind_of(draft), column);
  if (trim(text).empty()) return;
  spec.read(draft, text, spec.name);
}

void apply_custom(RecordDraft& draft, const CustomField& field, std::string_view text) {
  if (trim(text).empty()) return;
  CustomValue value = read_custom(field, text, draft.slash_dates);
  std::visit([&](auto& record) { record.custom[field.name] = std::move(value); }, draft.data);
}

void finish_draft(RecordDraft& draft) {
  auto* deal = std::get_if<OpportunityData>(&draft.data);
  if (!deal || (draft.amount_text.empty() && draft.currency.empty())) return;
  const std::string currency = draft.currency.empty() ? std::string(deal->amount.currency()) : draft.currency;
  const std::string decimal = draft.amount_text.empty() ? deal->amount.amount_string() : draft.amount_text;
  deal->amount = make_money(decimal, currency, "amount", "currency");
}

std::string format_column(const RecordDraft& draft, std::string_view column) {
  const ColumnSpec& spec = require_column(kind_of(draft), column);
  if (!spec.write)
    throw Error(ErrorCode::invalid_argument, std::string(column) + ": a column read on import only, never written",
                std::string(column));
  return spec.write(draft);
}

std::string format_custom(const CustomValue& value) { return value.to_string(); }

std::string format_instant_cell(const Instant& instant) {
  std::string text = format_instant(instant);
  constexpr std::string_view kNoFraction = ".000000Z";
  if (text.ends_with(kNoFraction)) text.replace(text.size() - kNoFraction.size(), kNoFraction.size(), "Z");
  return text;
}

}  // namespace crm::detail
