#include "io/record_columns.hpp"

#include <algorithm>
#include <charconv>
#include <span>

#include "crm/error.hpp"
#include "crm/money.hpp"
#include "io/cell_text.hpp"
#include "text/unicode.hpp"

namespace crm::detail {
namespace {

/// One column: how its cell is read into a draft and written from one.
struct ColumnSpec {
  std::string_view name;
  void (*read)(RecordDraft& draft, std::string_view text, std::string_view column);
  std::string (*write)(const RecordDraft& draft);  ///< nullptr: read on import only, not exported
};

template <class T>
struct MemberOf;
template <class C, class M>
struct MemberOf<M C::*> {
  using Class = C;
};
/// The record data type a pointer to member belongs to.
template <auto Member>
using ClassOf = typename MemberOf<decltype(Member)>::Class;

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

// ---- Generic columns: text, references, addresses, tags, dates, the id.

template <auto Member>
void read_line(RecordDraft& draft, std::string_view text, std::string_view) {
  data<ClassOf<Member>>(draft).*Member = std::string(trim(text));
}
template <auto Member>
void read_free_text(RecordDraft& draft, std::string_view text, std::string_view) {
  data<ClassOf<Member>>(draft).*Member = std::string(text);
}
template <auto Member>
std::string write_text(const RecordDraft& draft) {
  return data<ClassOf<Member>>(draft).*Member;
}
/// A single-line text field (trimmed).
template <auto Member>
constexpr ColumnSpec line(std::string_view name) {
  return {name, read_line<Member>, write_text<Member>};
}
/// A free-text field, kept as written (descriptions, bodies).
template <auto Member>
constexpr ColumnSpec free_text(std::string_view name) {
  return {name, read_free_text<Member>, write_text<Member>};
}

template <auto Member>
void read_ref(RecordDraft& draft, std::string_view text, std::string_view) {
  draft.refs.*Member = std::string(trim(text));
}
template <auto Member>
std::string write_ref(const RecordDraft& draft) {
  return draft.refs.*Member;
}
/// Text naming another record (RecordRefs).
template <auto Member>
constexpr ColumnSpec ref(std::string_view name) {
  return {name, read_ref<Member>, write_ref<Member>};
}

template <auto Part>
void read_address(RecordDraft& draft, std::string_view text, std::string_view) {
  data<AccountData>(draft).address.*Part = std::string(trim(text));
}
template <auto Part>
std::string write_address(const RecordDraft& draft) {
  return data<AccountData>(draft).address.*Part;
}
/// A part of an account's address.
template <auto Part>
constexpr ColumnSpec address(std::string_view name) {
  return {name, read_address<Part>, write_address<Part>};
}

template <class Data>
void read_tags(RecordDraft& draft, std::string_view text, std::string_view) {
  for (std::string_view tag : split_items(text)) data<Data>(draft).tags.emplace_back(tag);
}
template <class Data>
std::string write_tags(const RecordDraft& draft) {
  return join(data<Data>(draft).tags);
}
/// The tags of records of Data, "vip; newsletter".
template <class Data>
constexpr ColumnSpec tags() {
  return {"tags", read_tags<Data>, write_tags<Data>};
}

template <auto Member>
void read_optional_date(RecordDraft& draft, std::string_view text, std::string_view column) {
  data<ClassOf<Member>>(draft).*Member = read_date(text, draft.slash_dates, column);
}
template <auto Member>
std::string write_optional_date(const RecordDraft& draft) {
  const std::optional<Date>& date = data<ClassOf<Member>>(draft).*Member;
  return date ? format_date(*date) : std::string();
}
/// An optional date field.
template <auto Member>
constexpr ColumnSpec optional_date(std::string_view name) {
  return {name, read_optional_date<Member>, write_optional_date<Member>};
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
constexpr ColumnSpec kId{"id", read_id, write_id};

// ---- Contacts: emails, phones, consents, birthday.

void read_emails(RecordDraft& draft, std::string_view text, std::string_view) {
  auto& emails = data<ContactData>(draft).emails;
  for (std::string_view address : split_items(text, ";,")) emails.push_back(Email{std::string(address), emails.empty()});
}
std::string write_emails(const RecordDraft& draft) {
  std::vector<Email> emails = data<ContactData>(draft).emails;
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

/// Phones "mobile: +371 26 123 456; 67000000": a known kind before ':' sets
/// the kind, otherwise the item is the number and `Kind` its kind.
template <PhoneKind Kind>
void read_phones(RecordDraft& draft, std::string_view text, std::string_view column) {
  for (std::string_view item : split_items(text)) {
    Phone phone{Kind, std::string(item), {}};
    const std::size_t colon = item.find(':');
    const auto kind = colon == std::string_view::npos ? std::nullopt : phone_kind_named(item.substr(0, colon));
    if (kind) {
      phone.kind = *kind;
      phone.raw = std::string(trim(item.substr(colon + 1)));
      if (phone.raw.empty()) refuse_cell(column, item, "a phone number after its kind ('work: 67000000')");
    }
    data<ContactData>(draft).phones.push_back(std::move(phone));
  }
}
std::string write_phones(const RecordDraft& draft) {
  std::vector<std::string> items;
  for (const Phone& phone : data<ContactData>(draft).phones)
    items.push_back(std::string(phone_kind_name(phone.kind)) + ": " + phone.raw);
  return join(items);
}

/// Consents "email: yes 2025-01-02T10:00:00Z; sms: no".
void read_consents(RecordDraft& draft, std::string_view text, std::string_view column) {
  constexpr std::string_view expected = "a consent such as 'email: yes 2025-01-02T10:00:00Z' or 'sms: no'";
  for (std::string_view item : split_items(text)) {
    const std::size_t colon = item.find(':');
    if (colon == std::string_view::npos) refuse_cell(column, item, expected);
    const ConsentChannel channel =
        read_enum<ConsentChannel>(item.substr(0, colon), consent_channel_from_name, {{"e mail", ConsentChannel::email}},
                                  "a consent channel (email, phone, sms or post)", column);
    const std::string_view answer = trim(item.substr(colon + 1));
    const std::size_t space = answer.find(' ');
    Consent consent{channel, read_boolean(answer.substr(0, space), column), {}};
    if (space != std::string_view::npos) consent.changed_at = read_instant(answer.substr(space + 1), draft.slash_dates, column);
    data<ContactData>(draft).consents.push_back(consent);
  }
}
std::string write_consents(const RecordDraft& draft) {
  std::vector<std::string> items;
  for (const Consent& consent : data<ContactData>(draft).consents)
    items.push_back(std::string(consent_channel_name(consent.channel)) + ": " + (consent.granted ? "yes" : "no") +
                    (consent.changed_at.is_special() ? "" : " " + format_instant_cell(consent.changed_at)));
  return join(items);
}

void read_birthday_cell(RecordDraft& draft, std::string_view text, std::string_view column) {
  data<ContactData>(draft).birthday = read_birthday(text, draft.slash_dates, column);
}
std::string write_birthday(const RecordDraft& draft) {
  const auto& birthday = data<ContactData>(draft).birthday;
  return birthday ? birthday->to_string() : std::string();
}

// ---- Leads.

void read_lead_status(RecordDraft& draft, std::string_view text, std::string_view column) {
  data<LeadData>(draft).status =
      read_enum<LeadStatus>(text, lead_status_from_name, {{"fresh", LeadStatus::fresh}, {"open", LeadStatus::fresh}},
                            "a lead status (new, contacted, qualified or disqualified)", column);
}
std::string write_lead_status(const RecordDraft& draft) {
  return std::string(lead_status_name(data<LeadData>(draft).status));
}

// ---- Opportunities: amount and currency, probability, close date.

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
std::string write_amount(const RecordDraft& draft) { return data<OpportunityData>(draft).amount.amount_string(); }

void read_currency(RecordDraft& draft, std::string_view text, std::string_view column) {
  set_currency(draft, upper_ascii(trim(text)), column, text);
}
std::string write_currency(const RecordDraft& draft) {
  return std::string(data<OpportunityData>(draft).amount.currency());
}

void read_probability(RecordDraft& draft, std::string_view text, std::string_view column) {
  std::string_view t = trim(text);
  if (t.ends_with('%')) t = trim(t.substr(0, t.size() - 1));
  const std::int64_t percent = read_integer(t, column);
  if (percent < 0 || percent > 100) refuse_cell(column, text, "a probability from 0 to 100");
  data<OpportunityData>(draft).probability_override = static_cast<int>(percent);
}
std::string write_probability(const RecordDraft& draft) {
  const auto& percent = data<OpportunityData>(draft).probability_override;
  return percent ? std::to_string(*percent) : std::string();
}

/// "close_date" (input only): the expected close of an open deal and the
/// close date of a won or lost one, as most CRMs keep one date for both.
void read_close_date(RecordDraft& draft, std::string_view text, std::string_view column) {
  const Date date = read_date(text, draft.slash_dates, column);
  data<OpportunityData>(draft).expected_close = date;
  data<OpportunityData>(draft).closed_on = date;
}

// ---- Activities: kind, status, direction, times, duration, recurrence.

void read_activity_kind(RecordDraft& draft, std::string_view text, std::string_view column) {
  data<ActivityData>(draft).kind = read_enum<ActivityKind>(
      text, activity_kind_from_name,
      {{"phone call", ActivityKind::call}, {"e mail", ActivityKind::email}, {"text", ActivityKind::sms},
       {"text message", ActivityKind::sms}, {"appointment", ActivityKind::meeting}, {"visit", ActivityKind::meeting},
       {"to do", ActivityKind::task}, {"todo", ActivityKind::task}, {"comment", ActivityKind::note}},
      "an activity kind (call, meeting, email, task, note or sms)", column);
}
std::string write_activity_kind(const RecordDraft& draft) {
  return std::string(activity_kind_name(data<ActivityData>(draft).kind));
}

void read_activity_status(RecordDraft& draft, std::string_view text, std::string_view column) {
  data<ActivityData>(draft).status = read_enum<ActivityStatus>(
      text, activity_status_from_name,
      {{"scheduled", ActivityStatus::planned}, {"not started", ActivityStatus::planned},
       {"open", ActivityStatus::planned}, {"in progress", ActivityStatus::planned},
       {"completed", ActivityStatus::done}, {"complete", ActivityStatus::done}, {"finished", ActivityStatus::done},
       {"canceled", ActivityStatus::cancelled}},
      "an activity status (planned, done or cancelled)", column);
}
std::string write_activity_status(const RecordDraft& draft) {
  return std::string(activity_status_name(data<ActivityData>(draft).status));
}

void read_direction(RecordDraft& draft, std::string_view text, std::string_view column) {
  data<ActivityData>(draft).direction = read_enum<Direction>(
      text, direction_from_name,
      {{"none", Direction::none}, {"incoming", Direction::inbound}, {"in", Direction::inbound},
       {"outgoing", Direction::outbound}, {"out", Direction::outbound}},
      "a direction (inbound or outbound)", column);
}
std::string write_direction(const RecordDraft& draft) {
  return std::string(direction_name(data<ActivityData>(draft).direction));
}

void read_starts_at(RecordDraft& draft, std::string_view text, std::string_view column) {
  data<ActivityData>(draft).starts_at = read_instant(text, draft.slash_dates, column);
}
std::string write_starts_at(const RecordDraft& draft) {
  const Instant& at = data<ActivityData>(draft).starts_at;
  return at.is_special() ? std::string() : format_instant_cell(at);
}

void read_reminder(RecordDraft& draft, std::string_view text, std::string_view column) {
  data<ActivityData>(draft).reminder_at = read_instant(text, draft.slash_dates, column);
}
std::string write_reminder(const RecordDraft& draft) {
  const auto& at = data<ActivityData>(draft).reminder_at;
  return at ? format_instant_cell(*at) : std::string();
}

void read_duration_cell(RecordDraft& draft, std::string_view text, std::string_view column) {
  data<ActivityData>(draft).duration_seconds = read_duration(text, column);
}
std::string write_duration(const RecordDraft& draft) {
  return std::to_string(data<ActivityData>(draft).duration_seconds);
}

/// The recurrence unit a word names ("week", "weeks", "weekly"), if any.
std::optional<RecurrenceUnit> recurrence_unit_word(std::string_view word) {
  for (RecurrenceUnit unit : {RecurrenceUnit::day, RecurrenceUnit::week, RecurrenceUnit::month}) {
    const std::string name(recurrence_unit_name(unit));
    if (word == name || word == name + "s") return unit;
  }
  return std::nullopt;
}

/// "every 2 weeks on business days in LV", "every day", "monthly".
void read_recurrence(RecordDraft& draft, std::string_view text, std::string_view column) {
  constexpr std::string_view expected =
      "a recurrence such as 'every 2 weeks', 'every day on business days in LV' or 'monthly'";
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
    if (at < words.size() && std::all_of(words[at].begin(), words[at].end(), [](char c) { return c >= '0' && c <= '9'; })) {
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
  data<ActivityData>(draft).recurrence = rule;
}
std::string write_recurrence(const RecordDraft& draft) {
  const auto& rule = data<ActivityData>(draft).recurrence;
  if (!rule) return {};
  const std::string unit(recurrence_unit_name(rule->unit));
  std::string text = rule->interval == 1 ? "every " + unit : "every " + std::to_string(rule->interval) + " " + unit + "s";
  if (rule->business_days_only) text += " on business days";
  if (!rule->calendar.empty()) text += " in " + rule->calendar;
  return text;
}

// ---- The columns of each kind, in export order; input-only ones last.

constexpr ColumnSpec kAccountColumns[] = {
    kId,
    line<&AccountData::external_ref>("external_ref"),
    line<&AccountData::name>("name"),
    line<&AccountData::registration_number>("registration_number"),
    line<&AccountData::vat_id>("vat_id"),
    line<&AccountData::industry>("industry"),
    line<&AccountData::website>("website"),
    line<&AccountData::phone>("phone"),
    line<&AccountData::email>("email"),
    address<&Address::street>("address_street"),
    address<&Address::city>("address_city"),
    address<&Address::postal_code>("address_postal_code"),
    address<&Address::region>("address_region"),
    address<&Address::country>("address_country"),
    ref<&RecordRefs::account_ref>("parent_ref"),
    ref<&RecordRefs::account_name>("parent"),
    line<&AccountData::owner>("owner"),
    line<&AccountData::lead_source>("lead_source"),
    line<&AccountData::campaign>("campaign"),
    tags<AccountData>(),
    free_text<&AccountData::description>("description"),
};

constexpr ColumnSpec kContactColumns[] = {
    kId,
    line<&ContactData::external_ref>("external_ref"),
    line<&ContactData::first_name>("first_name"),
    line<&ContactData::last_name>("last_name"),
    {"emails", read_emails, write_emails},
    {"phones", read_phones<PhoneKind::mobile>, write_phones},
    line<&ContactData::job_title>("job_title"),
    ref<&RecordRefs::account_ref>("account_ref"),
    ref<&RecordRefs::account_name>("account"),
    {"birthday", read_birthday_cell, write_birthday},
    line<&ContactData::preferred_language>("preferred_language"),
    line<&ContactData::country>("country"),
    line<&ContactData::owner>("owner"),
    line<&ContactData::lead_source>("lead_source"),
    line<&ContactData::campaign>("campaign"),
    {"consents", read_consents, write_consents},
    tags<ContactData>(),
    free_text<&ContactData::description>("description"),
    {"phones_mobile", read_phones<PhoneKind::mobile>, nullptr},
    {"phones_work", read_phones<PhoneKind::work>, nullptr},
    {"phones_home", read_phones<PhoneKind::home>, nullptr},
    {"phones_other", read_phones<PhoneKind::other>, nullptr},
};

constexpr ColumnSpec kLeadColumns[] = {
    kId,
    line<&LeadData::external_ref>("external_ref"),
    line<&LeadData::first_name>("first_name"),
    line<&LeadData::last_name>("last_name"),
    line<&LeadData::company_name>("company_name"),
    line<&LeadData::email>("email"),
    line<&LeadData::phone>("phone"),
    line<&LeadData::source>("source"),
    line<&LeadData::campaign>("campaign"),
    line<&LeadData::job_title>("job_title"),
    line<&LeadData::industry>("industry"),
    {"status", read_lead_status, write_lead_status},
    line<&LeadData::disqualified_reason>("disqualified_reason"),
    line<&LeadData::country>("country"),
    line<&LeadData::owner>("owner"),
    tags<LeadData>(),
    free_text<&LeadData::description>("description"),
};

constexpr ColumnSpec kOpportunityColumns[] = {
    kId,
    line<&OpportunityData::external_ref>("external_ref"),
    line<&OpportunityData::name>("name"),
    ref<&RecordRefs::account_ref>("account_ref"),
    ref<&RecordRefs::account_name>("account"),
    ref<&RecordRefs::contact_ref>("contact_ref"),
    ref<&RecordRefs::contact_email>("contact_email"),
    {"amount", read_amount_cell, write_amount},
    {"currency", read_currency, write_currency},
    ref<&RecordRefs::pipeline>("pipeline"),
    ref<&RecordRefs::stage>("stage"),
    {"probability", read_probability, write_probability},
    optional_date<&OpportunityData::expected_close>("expected_close"),
    optional_date<&OpportunityData::closed_on>("closed_on"),
    ref<&RecordRefs::lost_reason>("lost_reason"),
    line<&OpportunityData::owner>("owner"),
    line<&OpportunityData::lead_source>("lead_source"),
    line<&OpportunityData::campaign>("campaign"),
    line<&OpportunityData::next_step>("next_step"),
    tags<OpportunityData>(),
    free_text<&OpportunityData::description>("description"),
    {"close_date", read_close_date, nullptr},
};

constexpr ColumnSpec kActivityColumns[] = {
    kId,
    {"kind", read_activity_kind, write_activity_kind},
    line<&ActivityData::subject>("subject"),
    {"status", read_activity_status, write_activity_status},
    {"starts_at", read_starts_at, write_starts_at},
    {"duration_seconds", read_duration_cell, write_duration},
    {"direction", read_direction, write_direction},
    line<&ActivityData::outcome>("outcome"),
    line<&ActivityData::phone>("phone"),
    line<&ActivityData::email>("email"),
    line<&ActivityData::owner>("owner"),
    {"reminder_at", read_reminder, write_reminder},
    {"recurrence", read_recurrence, write_recurrence},
    ref<&RecordRefs::account_ref>("account_ref"),
    ref<&RecordRefs::account_name>("account"),
    ref<&RecordRefs::contact_ref>("contact_ref"),
    ref<&RecordRefs::contact_email>("contact_email"),
    ref<&RecordRefs::opportunity_ref>("opportunity_ref"),
    ref<&RecordRefs::opportunity_name>("opportunity"),
    ref<&RecordRefs::lead_ref>("lead_ref"),
    free_text<&ActivityData::body>("body"),
};

std::span<const ColumnSpec> columns_of(RecordKind kind) {
  switch (kind) {
    case RecordKind::account: return kAccountColumns;
    case RecordKind::contact: return kContactColumns;
    case RecordKind::lead: return kLeadColumns;
    case RecordKind::opportunity: return kOpportunityColumns;
    case RecordKind::activity: return kActivityColumns;
  }
  throw Error(ErrorCode::invalid_argument, "record kind: unknown", "kind");
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

RecordDraft new_draft(RecordKind kind) {
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
