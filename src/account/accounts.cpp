#include <algorithm>

#include "account/account_table.hpp"
#include "campaign/origin_links.hpp"
#include "common/fields.hpp"
#include "crm/account.hpp"
#include "crm/error.hpp"
#include "listing/record_list.hpp"
#include "model/custom_field_store.hpp"
#include "model/plain_columns.hpp"
#include "storage/errors.hpp"
#include "storage/record_lookup.hpp"
#include "storage/session.hpp"
#include "storage/sql_values.hpp"
#include "text/latin_key.hpp"
#include "text/unicode.hpp"
#include "model/select_columns.hpp"

namespace crm {
namespace {

using namespace detail;

// Validated, normalized account data plus the derived lookup keys.
struct AccountRow {
  AccountData data;
  std::string name_key;
  std::string latin_key;
  std::string phone_e164;
  std::string email_key;
  std::string custom_json;
  Origin origin;
};

AccountRow normalize(const AccountData& in, Session& session, bool creating) {
  AccountRow row;
  AccountData& out = row.data;
  model::clean_plain_fields(in, out, "account", session.today());
  if (out.website.find(' ') != std::string::npos)
    throw Error(ErrorCode::invalid_argument, "account.website: " + quote(out.website) + " contains a space",
                "account.website");
  out.phone = clean_line(in.phone, "account.phone");
  out.email = clean_email(in.email, "account.email");
  out.tags = clean_tags(in.tags, "account.tags");
  row.name_key = match_key(out.name);
  row.latin_key = distinct_latin_key(out.name);
  EncodedCustom custom = encode_custom(session, RecordKind::account, in.custom, creating);
  out.custom = std::move(custom.values);
  row.custom_json = std::move(custom.json);
  if (!out.phone.empty()) row.phone_e164 = session.phones_in(out.address.country).require_e164(out.phone, "account.phone");
  if (!out.email.empty()) row.email_key = casefold(out.email);
  out.lead_source = in.lead_source;
  out.campaign = in.campaign;
  row.origin = resolve_origin(session, out.lead_source, out.campaign, "account");
  return row;
}

// Columns written by create() and update(), in bind order: the plain columns
// (from the descriptors), then what the store derives; custom last.
const std::string& data_columns() {
  static const std::string columns =
      model::plain_column_list<AccountData>() +
      ", name_key, latin_key, phone_e164, email_key, lead_source_id, campaign_id, custom";
  return columns;
}

void bind_data(SQLite::Statement& statement, const AccountRow& row) {
  int index = model::bind_plain_columns(statement, 1, row.data);
  for (const std::string* text : {&row.name_key, &row.latin_key, &row.phone_e164, &row.email_key})
    bind_text_or_null(statement, index++, *text);
  bind_origin_id(statement, index++, row.origin.lead_source_id);
  bind_origin_id(statement, index++, row.origin.campaign_id);
  bind_text_or_null(statement, index, row.custom_json);
}

const std::string& select_sql() {
  static const std::string text = "SELECT " + std::string(kRecordMetaColumns) + ", " +
                                  with_origin_names(data_columns(), "accounts") +
                                  " FROM accounts WHERE id IN (SELECT value FROM json_each(?))";
  return text;
}

Account read_account(SQLite::Statement& statement) {
  Account account;
  read_record_meta(statement, 0, account);
  int i = model::read_plain_columns<AccountData>(statement, 5, account);
  i += 2;  // name_key, latin_key
  account.phone_e164 = column_text(statement, i++);
  ++i;  // email_key
  account.lead_source = column_text(statement, i++);
  account.campaign = column_text(statement, i++);
  return account;
}

// Loads the accounts with `ids`, in the order of `ids`.
std::vector<Account> load_accounts(Session& session, const std::vector<std::int64_t>& ids) {
  if (ids.empty()) return {};
  const std::string json = ids_json(ids);
  auto statement = session.prepare(select_sql());
  statement->bind(1, json);
  std::unordered_map<std::int64_t, Account> by_id;
  CustomDecoder custom(session, RecordKind::account);
  while (statement->executeStep()) {
    Account account = read_account(*statement);
    account.custom = custom.decode(column_text(*statement, statement->getColumnCount() - 1));  // custom is last
    by_id.emplace(account.id.value(), std::move(account));
  }
  auto tags = load_tags(session, kAccountTable, json);
  return in_order(ids, by_id, &tags);
}

AccountId stored_parent(Session& session, AccountId self) {
  auto statement = session.prepare("SELECT parent_id FROM accounts WHERE id = ?");
  statement->bind(1, self.value());
  return statement->executeStep() ? AccountId(statement->getColumn(0).getInt64()) : AccountId();
}

// A new parent must be a live account other than the account itself or one
// of its descendants; an unchanged parent is not checked again (it may have
// been deleted since without blocking edits of its subsidiaries).
void check_parent(Session& session, AccountId parent, AccountId self) {
  if (!parent || (self && parent == stored_parent(session, self))) return;
  require_live(session, kAccountTable, parent.value(), "account.parent");
  if (!self) return;
  auto statement = session.prepare(
      "WITH RECURSIVE up(id) AS (SELECT ? UNION SELECT a.parent_id FROM accounts a JOIN up ON a.id = up.id "
      "WHERE a.parent_id IS NOT NULL) SELECT 1 FROM up WHERE id = ?");
  statement->bind(1, parent.value());
  statement->bind(2, self.value());
  if (statement->executeStep())
    throw Error(ErrorCode::invalid_argument,
                "account.parent: account " + std::to_string(parent.value()) + " is account " +
                    std::to_string(self.value()) + " itself or one of its subsidiaries",
                "account.parent");
}

// The select() columns: the plain fields', from the record descriptors.
const std::vector<SelectableColumn>& select_columns() {
  static const std::vector<model::SelectColumn> plain = model::plain_select_columns(RecordKind::account, "accounts");
  static const std::vector<SelectableColumn> all = model::column_views<SelectableColumn>(plain);
  return all;
}

}  // namespace

Account Accounts::create(const AccountData& data) {
  return guarded([&] {
    WriteScope scope(session_, creation_atomicity(session_, data.lead_source));
    AccountRow row = normalize(data, session_, true);
    check_parent(session_, row.data.parent, AccountId());
    const Instant now = session_.now();
    static const std::string insert_sql = record_insert_sql("accounts", data_columns());
    auto insert = session_.prepare(insert_sql);
    bind_data(*insert, row);
    const std::int64_t id = write_record(session_, kAccountTable, *insert, data_columns(), now, 0, row.data.external_ref);
    Account account;
    static_cast<AccountData&>(account) = std::move(row.data);
    account.id = AccountId(id);
    scope.added_root("accounts", account.id.value());
    account.phone_e164 = std::move(row.phone_e164);
    account.version = 1;
    account.created_at = account.updated_at = now;
    store_tags(session_, kAccountTable, account.id.value(), account.tags, true);
    scope.commit();
    return account;
  });
}

Account Accounts::get(AccountId id) const {
  return guarded_read(session_, [&] {
    auto accounts = load_accounts(session_, {id.value()});
    if (accounts.empty())
      throw Error(ErrorCode::not_found, "account " + std::to_string(id.value()) + " does not exist", "account");
    return std::move(accounts.front());
  });
}

Account Accounts::update(const Account& account) {
  return guarded([&] {
    WriteScope scope(session_);
    AccountRow row = normalize(account, session_, false);
    require_version(session_, kAccountTable, account.id.value(), account.version);
    check_parent(session_, row.data.parent, account.id);
    static const std::string update_sql = record_update_sql("accounts", data_columns());
    auto update = session_.prepare(update_sql);
    bind_data(*update, row);
    write_record(session_, kAccountTable, *update, data_columns(), session_.now(), account.id.value(),
                 row.data.external_ref);
    store_tags(session_, kAccountTable, account.id.value(), row.data.tags, false);
    return scope.commit_returning([&] { return get(account.id); });
  });
}

Account Accounts::remove(AccountId id) {
  return guarded([&] {
    WriteScope scope(session_);
    set_deleted(session_, kAccountTable, id.value(), true);
    return scope.commit_returning([&] { return get(id); });
  });
}

Account Accounts::restore(AccountId id) {
  return guarded([&] {
    WriteScope scope(session_);
    set_deleted(session_, kAccountTable, id.value(), false);
    return scope.commit_returning([&] { return get(id); });
  });
}

void Accounts::purge(AccountId id) {
  guarded([&] {
    detail::purge(session_, kAccountTable, id.value());
  });
}

Page<Account> Accounts::list(const ListQuery& query) const {
  return guarded_read(session_, [&] {
    IdPage ids = list_ids(session_, RecordKind::account, query);
    return Page<Account>{load_accounts(session_, ids.ids), std::move(ids.next)};
  });
}

TablePage Accounts::select(const std::vector<std::string>& columns, const ListQuery& query) const {
  return guarded_read(session_, [&] { return select_page(session_, RecordKind::account, query, select_columns(), columns); });
}

std::vector<Column> Accounts::selectable_columns() { return column_list(select_columns()); }

std::int64_t Accounts::count(const ListQuery& query) const {
  return guarded_read(session_, [&] { return count_rows(session_, RecordKind::account, query); });
}

std::optional<Account> Accounts::find_by_external_ref(const std::string& external_ref) const {
  return guarded_read(session_,
                      [&] { return find_live_by_external_ref(session_, kAccountTable, external_ref, load_accounts); });
}

std::vector<Account> Accounts::find_by_email(const std::string& email) const {
  return guarded_read(session_, [&] {
    const std::string key = casefold(clean_line(email, "email"));
    return load_accounts(session_, live_ids_where(session_, kAccountTable, "email_key", key));
  });
}

std::vector<Account> Accounts::find_by_phone(const std::string& phone) const {
  return guarded_read(session_, [&] {
    const std::string e164 = session_.phones().require_e164(clean_line(phone, "phone"), "phone");
    return load_accounts(session_, live_ids_where(session_, kAccountTable, "phone_e164", e164));
  });
}

std::vector<Account> Accounts::subsidiaries(AccountId parent) const {
  return guarded_read(session_, [&] {
    require_exists(session_, kAccountTable, parent.value());
    auto statement = session_.prepare(
        "SELECT id FROM accounts WHERE parent_id = ? AND deleted_at IS NULL ORDER BY name_key, id");
    statement->bind(1, parent.value());
    std::vector<std::int64_t> ids;
    while (statement->executeStep()) ids.push_back(statement->getColumn(0).getInt64());
    return load_accounts(session_, ids);
  });
}

}  // namespace crm
