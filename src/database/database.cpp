#include "crm/database.hpp"

#include <filesystem>

#include <SQLiteCpp/Backup.h>
#include <sqlite3.h>

#include "common/fields.hpp"
#include "audit/audit_journal.hpp"
#include "crm/access.hpp"
#include "crm/audit.hpp"
#include "crm/changes.hpp"
#include "crm/privacy.hpp"
#include "crm/account.hpp"
#include "crm/activity.hpp"
#include "crm/calendar.hpp"
#include "crm/campaign.hpp"
#include "crm/contact.hpp"
#include "crm/currency.hpp"
#include "crm/duplicates.hpp"
#include "crm/import.hpp"
#include "crm/employment.hpp"
#include "crm/error.hpp"
#include "crm/export.hpp"
#include "crm/lead.hpp"
#include "crm/opportunity.hpp"
#include "crm/pipeline.hpp"
#include "crm/product.hpp"
#include "crm/report.hpp"
#include "crm/search.hpp"
#include "crm/segment.hpp"
#include "crm/telephony.hpp"
#include "crm/timeline.hpp"
#include "crm/user.hpp"
#include "storage/errors.hpp"
#include "storage/migrations.hpp"
#include "storage/session.hpp"
#include "storage/store_access.hpp"
#include "user/acting_user.hpp"

namespace crm {

using detail::guarded;

struct Database::Impl {
  explicit Impl(std::shared_ptr<detail::Session> s)
      : session(std::move(s)),
        accounts(detail::StoreAccess::make<Accounts>(*session)),
        contacts(detail::StoreAccess::make<Contacts>(*session)),
        employments(detail::StoreAccess::make<Employments>(*session)),
        pipelines(detail::StoreAccess::make<Pipelines>(*session)),
        products(detail::StoreAccess::make<Products>(*session)),
        opportunities(detail::StoreAccess::make<Opportunities>(*session)),
        leads(detail::StoreAccess::make<Leads>(*session)),
        activities(detail::StoreAccess::make<Activities>(*session)),
        calendars(detail::StoreAccess::make<Calendars>(*session)),
        timelines(detail::StoreAccess::make<Timelines>(*session)),
        telephony(detail::StoreAccess::make<Telephony>(*session)),
        custom_fields(detail::StoreAccess::make<CustomFields>(*session)),
        segments(detail::StoreAccess::make<Segments>(*session)),
        search(detail::StoreAccess::make<Search>(*session)),
        imports(detail::StoreAccess::make<Imports>(*session)),
        exports(detail::StoreAccess::make<Exports>(*session)),
        duplicates(detail::StoreAccess::make<Duplicates>(*session)),
        lead_sources(detail::StoreAccess::make<LeadSources>(*session)),
        campaigns(detail::StoreAccess::make<Campaigns>(*session)),
        currencies(detail::StoreAccess::make<Currencies>(*session)),
        reports(detail::StoreAccess::make<Reports>(*session)),
        users(detail::StoreAccess::make<Users>(*session)),
        teams(detail::StoreAccess::make<Teams>(*session)),
        access(detail::StoreAccess::make<Access>(*session)),
        audit(detail::StoreAccess::make<Audit>(*session)),
        privacy(detail::StoreAccess::make<Privacy>(*session)),
        changes(detail::StoreAccess::make<Changes>(*session)) {}

  std::shared_ptr<detail::Session> session;
  Accounts accounts;
  Contacts contacts;
  Employments employments;
  Pipelines pipelines;
  Products products;
  Opportunities opportunities;
  Leads leads;
  Activities activities;
  Calendars calendars;
  Timelines timelines;
  Telephony telephony;
  CustomFields custom_fields;
  Segments segments;
  Search search;
  Imports imports;
  Exports exports;
  Duplicates duplicates;
  LeadSources lead_sources;
  Campaigns campaigns;
  Currencies currencies;
  Reports reports;
  Users users;
  Teams teams;
  Access access;
  Audit audit;
  Privacy privacy;
  Changes changes;
};

Database::Database(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Database::Database(Database&& other) noexcept = default;

Database& Database::operator=(Database&& other) noexcept {
  if (this != &other) {
    close();
    impl_ = std::move(other.impl_);
  }
  return *this;
}

Database::~Database() { close(); }

Database Database::open(const std::string& path, const OpenOptions& options) {
  return guarded([&] {
    const bool in_memory = path == ":memory:";
    if (path.empty()) throw Error(ErrorCode::invalid_argument, "path: must not be empty", "path");
    if (!in_memory && (!options.create || options.read_only) && !std::filesystem::exists(path))
      throw Error(ErrorCode::not_found, "database: '" + path + "' does not exist", "path");
    auto session = std::make_shared<detail::Session>(path, options);
    const auto migrations = detail::schema_migrations();
    detail::check_schema_compatible(*session, migrations);
    const bool behind = session->schema_version() < migrations.back().version;
    const bool fresh = session->schema_version() == 0;
    if (!options.read_only && behind && (options.migrate || fresh))
      detail::migrate(*session, migrations, detail::install_audit_journal);
    session->set_origin(detail::clean_line(options.origin, "origin"));
    detail::install_audit_journal(*session);
    if (!options.user.empty()) {
      session->require_current_schema();
      detail::act_as(*session, detail::clean_line(options.user, "user"));
    }
    return Database(std::make_unique<Impl>(std::move(session)));
  });
}

Database Database::open_in_memory(const OpenOptions& options) { return open(":memory:", options); }

void Database::close() noexcept {
  if (!impl_ || in_callback()) return;
  impl_->session->close();  // a pending Transaction holds the session: it finds it closed
  impl_.reset();
}

bool Database::is_open() const noexcept { return impl_ != nullptr; }

bool Database::in_callback() const noexcept { return impl_ && impl_->session->in_callback(); }

std::shared_ptr<detail::Session> Database::shared_session() const {
  if (!impl_) throw Error(ErrorCode::invalid_argument, "database: the database is closed");
  return impl_->session;
}

std::string Database::path() const { return shared_session()->path(); }

std::string Database::default_region() const { return shared_session()->phones().default_region(); }

Instant Database::now() const { return shared_session()->now(); }

int Database::schema_version() const { return shared_session()->schema_version(); }

int Database::latest_schema_version() noexcept { return detail::schema_migrations().back().version; }

void Database::migrate() {
  guarded([&] {
    detail::migrate(*shared_session(), detail::schema_migrations(), detail::install_audit_journal);
    detail::install_audit_journal(*shared_session());  // a file already current
  });
}

void Database::backup_to(const std::string& destination) const {
  guarded([&] {
    auto session = shared_session();
    if (destination.empty() || destination == session->path())
      throw Error(ErrorCode::invalid_argument,
                  "backup: '" + destination + "' must be another file than the database", "destination");
    SQLite::Database target(destination, SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE,
                            session->busy_timeout_ms());
    SQLite::Backup backup(target, session->db());
    // executeStep() reports BUSY and LOCKED by its return value, not by throwing.
    const int result = backup.executeStep(-1);
    if (result != SQLITE_DONE)
      throw Error(result == SQLITE_BUSY || result == SQLITE_LOCKED ? ErrorCode::busy : ErrorCode::io,
                  "backup: '" + destination + "' could not be written (SQLite code " + std::to_string(result) +
                      "); nothing was copied",
                  "destination");
  });
}

std::vector<std::string> Database::integrity_check() const {
  return guarded([&] {
    auto session = shared_session();
    std::vector<std::string> problems;
    auto check = session->prepare("PRAGMA integrity_check");
    while (check->executeStep()) {
      std::string line = check->getColumn(0).getString();
      if (line != "ok") problems.push_back(std::move(line));
    }
    auto keys = session->prepare("PRAGMA foreign_key_check");
    while (keys->executeStep())
      problems.push_back("foreign key: " + keys->getColumn(0).getString() + " row " +
                         std::to_string(keys->getColumn(1).getInt64()) + " refers to a missing row in " +
                         keys->getColumn(2).getString());
    return problems;
  });
}

namespace {
template <class Store>
Store& checked(const std::shared_ptr<detail::Session>& session, Store& store) {
  guarded([&] { session->require_current_schema(); });
  return store;
}
}  // namespace

Accounts& Database::accounts() { return checked(shared_session(), impl_->accounts); }
Contacts& Database::contacts() { return checked(shared_session(), impl_->contacts); }
Employments& Database::employments() { return checked(shared_session(), impl_->employments); }
Pipelines& Database::pipelines() { return checked(shared_session(), impl_->pipelines); }
Products& Database::products() { return checked(shared_session(), impl_->products); }
Opportunities& Database::opportunities() { return checked(shared_session(), impl_->opportunities); }
Leads& Database::leads() { return checked(shared_session(), impl_->leads); }
Activities& Database::activities() { return checked(shared_session(), impl_->activities); }
Calendars& Database::calendars() { return checked(shared_session(), impl_->calendars); }
Timelines& Database::timelines() { return checked(shared_session(), impl_->timelines); }
Telephony& Database::telephony() { return checked(shared_session(), impl_->telephony); }
CustomFields& Database::custom_fields() { return checked(shared_session(), impl_->custom_fields); }
Segments& Database::segments() { return checked(shared_session(), impl_->segments); }
Search& Database::search() { return checked(shared_session(), impl_->search); }
Imports& Database::imports() { return checked(shared_session(), impl_->imports); }
Exports& Database::exports() { return checked(shared_session(), impl_->exports); }
Duplicates& Database::duplicates() { return checked(shared_session(), impl_->duplicates); }
LeadSources& Database::lead_sources() { return checked(shared_session(), impl_->lead_sources); }
Users& Database::users() { return checked(shared_session(), impl_->users); }
Teams& Database::teams() { return checked(shared_session(), impl_->teams); }
Campaigns& Database::campaigns() { return checked(shared_session(), impl_->campaigns); }
Currencies& Database::currencies() { return checked(shared_session(), impl_->currencies); }
Reports& Database::reports() { return checked(shared_session(), impl_->reports); }

std::string Database::user() const { return detail::acting_login(*shared_session()); }

void Database::set_user(const std::string& user) {
  guarded([&] {
    auto session = shared_session();
    session->require_current_schema();
    detail::act_as(*session, detail::clean_line(user, "user"));
  });
}

Database Database::as_user(const std::string& login) const {
  return guarded([&] {
    auto current = shared_session();
    current->require_current_schema();
    OpenOptions options = current->options();
    options.user = detail::clean_line(login, "user");
    options.create = false;
    auto session = std::make_shared<detail::Session>(*current, options);
    session->require_current_schema();
    session->set_origin(current->origin());
    detail::install_audit_journal(*session);
    if (!options.user.empty()) detail::act_as(*session, options.user);
    return Database(std::make_unique<Impl>(std::move(session)));
  });
}

Access& Database::access() { return checked(shared_session(), impl_->access); }

Audit& Database::audit() { return checked(shared_session(), impl_->audit); }
Privacy& Database::privacy() { return checked(shared_session(), impl_->privacy); }
Changes& Database::changes() { return checked(shared_session(), impl_->changes); }

std::string Database::origin() const { return shared_session()->origin(); }

void Database::set_origin(const std::string& origin) {
  guarded([&] { shared_session()->set_origin(detail::clean_line(origin, "origin")); });
}

Transaction Database::transaction() { return Transaction(*this); }

Transaction::Transaction(Database& db)
    : session_(db.shared_session()), scope_(guarded([&] { return std::make_unique<detail::WriteScope>(*session_); })) {}

Transaction::Transaction(Transaction&&) noexcept = default;

Transaction::~Transaction() {
  if (scope_) scope_->rollback();
}

void Transaction::commit() {
  guarded([&] {
    if (!scope_) throw Error(ErrorCode::invalid_argument, "transaction: moved from");
    scope_->commit();
  });
}

void Transaction::rollback() noexcept {
  if (scope_) scope_->rollback();
}

}  // namespace crm
