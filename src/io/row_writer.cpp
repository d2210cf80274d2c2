#include "io/row_writer.hpp"

#include <algorithm>
#include <charconv>
#include <map>

#include "crm/account.hpp"
#include "crm/activity.hpp"
#include "crm/contact.hpp"
#include "crm/duplicates.hpp"
#include "crm/error.hpp"
#include "crm/lead.hpp"
#include "crm/opportunity.hpp"
#include "crm/record_fields.hpp"
#include "duplicate/duplicate_keys.hpp"
#include "io/import_options.hpp"
#include "io/import_owners.hpp"
#include "query/catalog.hpp"
#include "storage/record_table.hpp"
#include "storage/session.hpp"
#include "storage/store_access.hpp"

namespace crm::detail {
namespace {

constexpr std::size_t kMaxListed = 1000;

// A row duplicates a stored record when they share something that
// identifies one (email, phone, registration number, VAT id: scores 80 and
// up); two people with the same name alone are not taken for one.
constexpr int kIdentifyingScore = 80;

// The store, record and id types of each kind of record data.
template <class Data>
struct Kind;
template <>
struct Kind<AccountData> {
  using Store = Accounts;
  using Record = Account;
  using Id = AccountId;
};
template <>
struct Kind<ContactData> {
  using Store = Contacts;
  using Record = Contact;
  using Id = ContactId;
};
template <>
struct Kind<LeadData> {
  using Store = Leads;
  using Record = Lead;
  using Id = LeadId;
};
template <>
struct Kind<OpportunityData> {
  using Store = Opportunities;
  using Record = Opportunity;
  using Id = OpportunityId;
};
template <>
struct Kind<ActivityData> {
  using Store = Activities;
  using Record = Activity;
  using Id = ActivityId;
};

// Ids of records found by a lookup returning a list or an optional.
template <class Found>
std::vector<std::int64_t> ids_of(const Found& found) {
  std::vector<std::int64_t> ids;
  if constexpr (requires { found.has_value(); }) {
    if (found) ids.push_back(found->id.value());
  } else {
    for (const auto& record : found) ids.push_back(record.id.value());
  }
  return ids;
}

// The text of the row's upsert key, or "" when the row has none.
template <class Data>
std::string key_text(const Data& data, ImportKey key) {
  switch (key) {
    case ImportKey::external_ref:
      if constexpr (requires { data.external_ref; }) return data.external_ref;
      break;
    case ImportKey::email:
      if constexpr (requires { data.emails; }) return data.emails.empty() ? "" : data.emails.front().address;
      if constexpr (requires { data.email; }) return data.email;
      break;
    case ImportKey::phone:
      if constexpr (requires { data.phones; }) return data.phones.empty() ? "" : data.phones.front().raw;
      if constexpr (requires { data.phone; }) return data.phone;
      break;
    case ImportKey::registration_number:
      if constexpr (requires { data.registration_number; }) return data.registration_number;
      break;
  }
  return {};
}

// Live accounts with this registration number, compared as the duplicate
// search compares them (case, spaces and punctuation ignored), by its index.
std::vector<std::int64_t> accounts_by_registration(Session& session, const std::string& number) {
  static const std::string sql = "SELECT id FROM accounts WHERE registration_key = " + identifier_key_sql("?") +
                                 " AND deleted_at IS NULL ORDER BY id LIMIT 2";
  auto statement = session.prepare(sql);
  statement->bind(1, number);
  std::vector<std::int64_t> ids;
  while (statement->executeStep()) ids.push_back(statement->getColumn(0).getInt64());
  return ids;
}

// Stored records of `Data`'s kind whose `key` is `text`.
template <class Data>
std::vector<std::int64_t> find_by_key(Session& session, ImportKey key, const std::string& text) {
  auto store = detail::StoreAccess::make<typename Kind<Data>::Store>(session);
  switch (key) {
    case ImportKey::external_ref:
      if constexpr (requires { store.find_by_external_ref(text); }) return ids_of(store.find_by_external_ref(text));
      break;
    case ImportKey::email:
      if constexpr (requires { store.find_by_email(text); }) return ids_of(store.find_by_email(text));
      break;
    case ImportKey::phone:
      if constexpr (requires { store.find_by_phone(text); }) return ids_of(store.find_by_phone(text));
      break;
    case ImportKey::registration_number:
      if constexpr (std::is_same_v<Data, AccountData>) return accounts_by_registration(session, text);
      break;
  }
  return {};
}

// "contact.emails[0]" -> "emails", "account.address.country" -> "address_country":
// the import column a validation error is about.
std::string column_of_field(const std::string& field) {
  std::string column = field.substr(field.find('.') == std::string::npos ? 0 : field.find('.') + 1);
  column = column.substr(0, column.find('['));
  std::replace(column.begin(), column.end(), '.', '_');
  return column;
}

// The position in "contact.phones[2]" of a contact's phone a store refused,
// or npos for other fields.
std::size_t phone_position(std::string_view field) {
  constexpr std::string_view prefix = "contact.phones[";
  if (!field.starts_with(prefix) || !field.ends_with(']')) return std::string::npos;
  std::size_t position = 0;
  const auto digits = field.substr(prefix.size(), field.size() - prefix.size() - 1);
  const auto [end, error] = std::from_chars(digits.data(), digits.data() + digits.size(), position);
  return error == std::errc() && end == digits.data() + digits.size() ? position : std::string::npos;
}

// True when two stored records of Data's kind hold the same data (the
// fields of Data; not their versions and stamps).
template <class Data>
bool same_data(const Data& a, const Data& b) {
  for (const RecordField<Data>& field : record_fields<Data>()) {
    const bool same = std::visit([&](auto member) { return a.*member == b.*member; }, field.member);
    if (!same) return false;
  }
  return true;
}

// True when `stamps` (the row's created_at and updated_at, when given) are the record's already.
template <class Record>
bool stamps_kept(const Record& record, const RecordStamps& stamps) {
  return (!stamps.created_at || *stamps.created_at == record.created_at) &&
         (!stamps.updated_at || *stamps.updated_at == record.updated_at);
}

bool is_row_error(ErrorCode code) {
  return code == ErrorCode::invalid_argument || code == ErrorCode::not_found || code == ErrorCode::already_exists ||
         code == ErrorCode::conflict || code == ErrorCode::parse_error;
}

}  // namespace

RowWriter::RowWriter(Session& session, const ImportOptions& options, const RowMapper& mapper, ImportResult& result)
    : session_(session), options_(options), mapper_(mapper), result_(result), resolver_(session),
      key_header_(options.mode == ImportMode::upsert ? mapper.header_of(key_column(options.kind, options.key))
                                                     : std::string()) {}

void RowWriter::refuse(const ImportIssue& issue) {
  ++result_.failed;
  if (result_.errors.size() < kMaxListed) result_.errors.push_back(issue);
}

void RowWriter::warn(const ImportIssue& issue) {
  ++result_.warned;
  if (result_.warnings.size() < kMaxListed) result_.warnings.push_back(issue);
}

void RowWriter::write(PreparedRow& row) {
  // Phones kept as written after the store could not read them, by their text, with their warnings.
  std::map<std::string, ImportIssue> kept_phones;
  for (;;) {
    if (row.issue) return refuse(*row.issue);
    try {
      write_valid(row);
      break;
    } catch (const Error& error) {
      if (!is_row_error(error.code())) throw;
      const std::string& field = error.field();
      const std::string header = mapper_.header_of(field);
      const ImportIssue issue{row.line, header != field ? header : mapper_.header_of(column_of_field(field)),
                              error.what()};
      if (keep_unreadable_phone(row, field, issue, kept_phones)) continue;
      if (!mapper_.leave_out(row, issue, key_header_)) return refuse(issue);
      mapper_.rebuild(row);
    }
  }
  for (const ImportIssue& issue : row.warnings) warn(issue);
  for (const auto& [position, issue] : kept_phones) warn(issue);
}

bool RowWriter::keep_unreadable_phone(PreparedRow& row, const std::string& field, const ImportIssue& issue,
                                      std::map<std::string, ImportIssue>& kept) {
  const std::size_t position = phone_position(field);
  if (options_.policy != CellPolicy::lenient || position >= attempted_phones_.size()) return false;
  const Phone& phone = attempted_phones_[position];
  const bool flagged = std::find(row.unreadable_phones.begin(), row.unreadable_phones.end(), phone.raw) !=
                       row.unreadable_phones.end();
  if (phone.unreadable || flagged) {  // refused although kept as written (listed twice, empty): not a reading problem
    kept.erase(phone.raw);
    return false;
  }
  row.unreadable_phones.push_back(phone.raw);
  ImportIssue warning = issue;
  warning.message += "; kept as written, flagged unreadable";
  kept.emplace(phone.raw, std::move(warning));
  return true;
}

void RowWriter::before_store(RecordData& data, const PreparedRow& row) {
  attempted_phones_.clear();
  auto* contact = std::get_if<ContactData>(&data);
  if (!contact) return;
  for (Phone& phone : contact->phones)
    if (std::find(row.unreadable_phones.begin(), row.unreadable_phones.end(), phone.raw) !=
        row.unreadable_phones.end())
      phone.unreadable = true;
  attempted_phones_ = contact->phones;
}

void RowWriter::provide_owner(const RecordData& data) {
  if (options_.create_owners)
    detail::provide_owner(session_, std::visit([](const auto& record) { return record.owner; }, data),
                          result_.users_created);
}

void RowWriter::write_valid(PreparedRow& row) {
  before_store(row.draft.data, row);  // the duplicate check reads the phones too
  provide_owner(row.draft.data);
  if (options_.mode == ImportMode::upsert) {
    const std::vector<std::int64_t> stored = stored_by_key(row.draft);
    if (stored.size() > 1)
      throw Error(ErrorCode::invalid_argument,
                  std::string(import_key_name(options_.key)) + " '" +
                      std::visit([&](const auto& data) { return key_text(data, options_.key); }, row.draft.data) +
                      "' matches more than one stored record",
                  key_column(options_.kind, options_.key));
    if (stored.size() == 1) return update(stored.front(), row);
  }
  const std::optional<DuplicateMatch> duplicate = stored_duplicate(row.draft);
  if (duplicate && options_.on_duplicate == DuplicateAction::merge) {
    update(duplicate->id, row);
  } else if (duplicate && options_.on_duplicate == DuplicateAction::skip) {
    ++result_.skipped;
  } else {
    resolver_.resolve(row.draft);
    insert(row.draft);
  }
  if (duplicate && result_.duplicates.size() < kMaxListed)
    result_.duplicates.push_back({row.line, *duplicate, options_.on_duplicate});
}

std::vector<std::int64_t> RowWriter::stored_by_key(const RecordDraft& draft) const {
  return std::visit(
      [&](const auto& data) -> std::vector<std::int64_t> {
        using Data = std::decay_t<decltype(data)>;
        const std::string text = key_text(data, options_.key);
        if (text.empty()) return {};
        return find_by_key<Data>(session_, options_.key, text);
      },
      draft.data);
}

std::optional<DuplicateMatch> RowWriter::stored_duplicate(const RecordDraft& draft) const {
  if (options_.on_duplicate == DuplicateAction::ignore) return std::nullopt;
  return std::visit(
      [&](const auto& data) -> std::optional<DuplicateMatch> {
        if constexpr (requires { detail::StoreAccess::make<Duplicates>(session_).matches(data); }) {
          auto matches = detail::StoreAccess::make<Duplicates>(session_).matches(data, {.limit = 1, .min_score = kIdentifyingScore});
          if (!matches.empty()) return std::move(matches.front());
        }
        return std::nullopt;
      },
      draft.data);
}

void RowWriter::check_stamps(const RecordStamps& stamps) const {
  if (!stamps.created_at && !stamps.updated_at) return;
  const Instant now = session_.now();
  for (const auto& [stamp, column] : {std::pair{&stamps.created_at, "created_at"}, {&stamps.updated_at, "updated_at"}})
    if (*stamp && **stamp > now)
      throw Error(ErrorCode::invalid_argument,
                  std::string(column) + ": '" + format_instant_cell(**stamp) + "' is in the future", column);
  if (stamps.created_at && stamps.updated_at && *stamps.updated_at < *stamps.created_at)
    throw Error(ErrorCode::invalid_argument,
                "updated_at: '" + format_instant_cell(*stamps.updated_at) + "' is before created_at '" +
                    format_instant_cell(*stamps.created_at) + "'",
                "updated_at");
}

void RowWriter::insert(RecordDraft& draft) {
  check_stamps(draft.stamps);
  const std::int64_t id = std::visit(
      [&](auto& data) {
        using Data = std::decay_t<decltype(data)>;
        return detail::StoreAccess::make<typename Kind<Data>::Store>(session_).create(data).id.value();
      },
      draft.data);
  set_stamps(session_, record_table_name(options_.kind), id, draft.stamps.created_at, draft.stamps.updated_at);
  ++result_.inserted;
}

void RowWriter::update(std::int64_t id, const PreparedRow& row) {
  bool unchanged = false;
  std::visit(
      [&](const auto& parsed) {
        using Data = std::decay_t<decltype(parsed)>;
        using Traits = Kind<Data>;
        auto store = detail::StoreAccess::make<typename Traits::Store>(session_);
        typename Traits::Record stored = store.get(typename Traits::Id(id));
        RecordDraft draft = new_draft(options_.kind);
        draft.data = static_cast<const Data&>(stored);
        mapper_.apply_over(row.cells, draft, row.left_out);
        resolver_.resolve(draft);
        check_stamps(draft.stamps);
        before_store(draft.data, row);
        const typename Traits::Record before = stored;
        static_cast<Data&>(stored) = std::get<Data>(std::move(draft.data));
        // Written in a savepoint and undone when the stored record comes out
        // the same, so that importing a file again changes nothing.
        WriteScope scope(session_);
        const typename Traits::Record after = store.update(stored);
        if (same_data<Data>(before, after) && stamps_kept(before, draft.stamps)) {
          scope.rollback();
          unchanged = true;
          return;
        }
        set_stamps(session_, record_table_name(options_.kind), id, draft.stamps.created_at, draft.stamps.updated_at);
        scope.commit();
      },
      row.draft.data);
  ++(unchanged ? result_.unchanged : result_.updated);
}

}  // namespace crm::detail
