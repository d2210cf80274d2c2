// Crash test: writer processes are killed (SIGKILL) at random points while
// they create, update, delete, restore and purge contacts, create accounts
// and deals, move deals between stages, merge duplicates, import CSV and
// back the file up. Each writer tells the parent through a pipe what it
// committed, after the commit returned (only that must survive), and, before
// a purge or merge, which record may vanish. After every trial the parent
// checks the file: it opens, passes integrity_check, the FTS5 check and the
// search index comparison, every acknowledged commit is there (the record at
// that version or later, deleted or not as acknowledged, a deal in the stage
// acknowledged) and every acknowledged backup is a sound database.
//
//   crm_crash_harness [trials] [directory] [seed]
//
// Exit status 0 when every check held; the last line gives trials, kills
// and the commits verified.
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <map>
#include <random>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "crm/crm.hpp"
#include "storage/file_checks.hpp"

namespace crm::test {
namespace {

constexpr int kWritersPerTrial = 2;
constexpr int kMinKillDelayMs = 2;
constexpr int kMaxKillDelayMs = 160;

// What a writer reports about one record (or backup).
enum class Kind : char { account = 'a', contact = 'c', opportunity = 'o', backup = 'b' };
enum class State : char {
  live,           // committed: the record at `version`, not deleted
  deleted,        // committed: soft-deleted at `version`
  gone,           // committed: purged or merged away
  may_disappear,  // a purge or merge of it is about to start (not a commit)
};

// One message of a writer, written with one write() (atomic on a pipe).
struct Report {
  Kind kind;
  State state;
  std::int64_t id;
  std::int64_t version;
  std::int64_t detail;  // a deal's stage; a backup's number
};

// ---- the writer (a child process) ------------------------------------------

// Sends one report; a writer that cannot reach its parent stops.
void send(int fd, const Report& report) {
  if (::write(fd, &report, sizeof report) != static_cast<ssize_t>(sizeof report)) ::_exit(4);
}

// Names with diacritics and other scripts, as the data of the users has them.
constexpr const char* kFirstNames[] = {"Anna", "Jānis", "Oksana", "Jonas", "Jürgen", "Олена", "Pēteris", "Rūta"};
constexpr const char* kLastNames[] = {"Bērziņa", "Ozols", "Коваленко", "Kazlauskas", "Müller", "Шевченко", "Liepa"};

// The records one writer made in this trial: it only ever writes these,
// so what it reports about each is the whole story. A writer never purges
// or merges away its newest contact: SQLite gives a new row the highest id
// plus one, so purging the contact with the highest id hands its id to the
// next contact made (contacts.id is not AUTOINCREMENT). Ids handed on that
// way break the merge history (a merge into a contact with the id of one
// merged away earlier fails its CHECK (survivor_id <> merged_id)) and this
// test's bookkeeping alike; the crash test checks crash safety, not that.
struct Owned {
  std::vector<Contact> live_contacts;
  std::vector<Contact> deleted_contacts;
  std::vector<AccountId> accounts;
  std::vector<Opportunity> deals;
};

// One writer: random writes until it is killed.
class Writer {
 public:
  Writer(const std::string& path, const std::string& directory, std::string tag, int fd, std::uint64_t seed)
      : db_(Database::open(path, options())), directory_(directory), tag_(std::move(tag)), fd_(fd), random_(seed) {
    for (const Stage& stage : db_.pipelines().default_pipeline().stages)
      if (stage.kind == StageKind::open) open_stages_.push_back(stage.id);
  }

  // Writes until killed; busy is retried, anything else ends the process.
  [[noreturn]] void run() {
    for (;;) {
      try {
        write_once();
      } catch (const Error& e) {
        if (e.code() != ErrorCode::busy) {
          std::cerr << "writer " << tag_ << ": " << e.what() << "\n";
          ::_exit(3);
        }
      }
    }
  }

 private:
  // LV phones, a busy timeout far beyond a trial, synchronous FULL (the default).
  static OpenOptions options() {
    OpenOptions options;
    options.default_region = "LV";
    options.busy_timeout = std::chrono::milliseconds(10000);
    return options;
  }

  // A random number in [0, below).
  int pick(int below) { return std::uniform_int_distribution<int>(0, below - 1)(random_); }

  // Removes a random element of `from` and returns it.
  template <class T>
  T take(std::vector<T>& from) {
    const auto at = from.begin() + pick(static_cast<int>(from.size()));
    T taken = *at;
    from.erase(at);
    return taken;
  }

  // Reports the commits of a contact or deal as they returned, a purge or
  // merge done (report_gone) or about to start (warn_may_disappear).
  void report(const Contact& contact) {
    send(fd_,
         {Kind::contact, contact.deleted_at ? State::deleted : State::live, contact.id.value(), contact.version, 0});
  }
  void report(const Opportunity& deal) {
    send(fd_, {Kind::opportunity, State::live, deal.id.value(), deal.version, deal.stage.value()});
  }
  void report_gone(const Contact& contact) {
    send(fd_, {Kind::contact, State::gone, contact.id.value(), contact.version, 0});
  }
  void warn_may_disappear(const Contact& contact) {
    send(fd_, {Kind::contact, State::may_disappear, contact.id.value(), contact.version, 0});
  }

  // A new contact of this writer's with a unique email and external_ref.
  ContactData new_person() {
    ContactData data;
    data.first_name = kFirstNames[pick(std::size(kFirstNames))];
    data.last_name = kLastNames[pick(std::size(kLastNames))];
    const std::string serial = tag_ + "-" + std::to_string(++made_);
    data.emails = {{.address = "p" + serial + "@example.lv"}};
    data.phones = {{.raw = "2" + std::to_string(1000000 + static_cast<int>(random_() % 8999999))}};
    data.external_ref = "C-" + serial;
    return data;
  }

  // One random write among those the crash test covers.
  void write_once() {
    const int choice = pick(100);
    if (choice < 20 || owned_.live_contacts.size() < 2) return create_contact();
    if (choice < 26 || owned_.accounts.empty()) return create_account();
    if (choice < 40) return update_contact();
    if (choice < 48) return remove_contact();
    if (choice < 53 && !owned_.deleted_contacts.empty()) return restore_contact();
    if (choice < 58) return purge_contact();
    if (choice < 66) return merge_contacts();
    if (choice < 74 || owned_.deals.empty()) return create_deal();
    if (choice < 90) return move_deal();
    if (choice < 97) return import_contacts();
    backup();
  }

  // The writes; each reports what it committed once it returned.
  void create_contact() {
    const Contact contact = db_.contacts().create(new_person());
    report(contact);
    owned_.live_contacts.push_back(contact);
  }

  void create_account() {
    AccountData data;
    data.name = std::string(kLastNames[pick(std::size(kLastNames))]) + " SIA " + tag_ + "-" + std::to_string(++made_);
    const Account account = db_.accounts().create(data);
    send(fd_, {Kind::account, State::live, account.id.value(), account.version, 0});
    owned_.accounts.push_back(account.id);
  }

  void update_contact() {
    Contact& contact = owned_.live_contacts[pick(static_cast<int>(owned_.live_contacts.size()))];
    Contact changed = contact;
    changed.job_title = "Vadītājs " + std::to_string(pick(1000));
    contact = db_.contacts().update(changed);
    report(contact);
  }

  void remove_contact() {
    const Contact removed = db_.contacts().remove(take(owned_.live_contacts).id);
    report(removed);
    owned_.deleted_contacts.push_back(removed);
  }

  void restore_contact() {
    const Contact restored = db_.contacts().restore(take(owned_.deleted_contacts).id);
    report(restored);
    owned_.live_contacts.push_back(restored);
  }

  // Takes a live contact other than the writer's newest one (see Owned).
  Contact take_removable() {
    const auto newest =
        std::max_element(owned_.live_contacts.begin(), owned_.live_contacts.end(),
                         [](const Contact& a, const Contact& b) { return a.id.value() < b.id.value(); });
    std::iter_swap(newest, owned_.live_contacts.end() - 1);
    const auto at = owned_.live_contacts.begin() + pick(static_cast<int>(owned_.live_contacts.size() - 1));
    const Contact taken = *at;
    owned_.live_contacts.erase(at);
    return taken;
  }

  void purge_contact() {
    const Contact purged = take_removable();
    warn_may_disappear(purged);
    db_.contacts().purge(purged.id);
    report_gone(purged);
  }

  void merge_contacts() {
    if (owned_.live_contacts.size() < 3) return create_contact();
    const Contact other = take_removable();
    Contact& survivor = owned_.live_contacts[pick(static_cast<int>(owned_.live_contacts.size()))];
    warn_may_disappear(other);
    survivor = db_.duplicates().merge(survivor.id, other.id);
    report(survivor);
    report_gone(other);
  }

  void create_deal() {
    OpportunityData data;
    data.account = owned_.accounts[pick(static_cast<int>(owned_.accounts.size()))];
    data.name = "Darījums " + tag_ + "-" + std::to_string(++made_);
    data.amount = Money(100 * (1 + pick(5000)), "EUR");
    const Opportunity deal = db_.opportunities().create(data);
    report(deal);
    owned_.deals.push_back(deal);
  }

  void move_deal() {
    Opportunity& deal = owned_.deals[pick(static_cast<int>(owned_.deals.size()))];
    StageId target = open_stages_[pick(static_cast<int>(open_stages_.size()))];
    if (target == deal.stage)
      target = open_stages_[(pick(static_cast<int>(open_stages_.size() - 1)) + 1) % open_stages_.size()];
    if (target == deal.stage) return;
    deal = db_.opportunities().move_to_stage(deal.id, target);
    report(deal);
  }

  // Three contacts in one all-or-nothing import; reported once it returned.
  void import_contacts() {
    std::ostringstream csv;
    csv << "First name,Last name,Email,External ref\n";
    std::vector<std::string> refs;
    for (int row = 0; row < 3; ++row) {
      const ContactData person = new_person();
      csv << person.first_name << "," << person.last_name << "," << person.emails[0].address << ","
          << person.external_ref << "\n";
      refs.push_back(person.external_ref);
    }
    std::istringstream in(csv.str());
    const ImportResult result = db_.imports().read(in, {.kind = RecordKind::contact, .all_or_nothing = true});
    if (!result.committed || result.inserted != 3) {
      std::cerr << "writer " << tag_ << ": the import did not insert its 3 rows\n";
      ::_exit(3);
    }
    for (const std::string& ref : refs) {
      const std::optional<Contact> imported = db_.contacts().find_by_external_ref(ref);
      if (!imported) {
        std::cerr << "writer " << tag_ << ": imported contact " << ref << " is not there\n";
        ::_exit(3);
      }
      report(*imported);
      owned_.live_contacts.push_back(*imported);
    }
  }

  void backup() {
    const std::int64_t number = ++backups_;
    db_.backup_to(backup_path(directory_, tag_, number));
    send(fd_, {Kind::backup, State::live, 0, 0, number});
  }

 public:
  // Where a writer's backup number `number` goes.
  static std::string backup_path(const std::string& directory, const std::string& tag, std::int64_t number) {
    return directory + "/backup-" + tag + "-" + std::to_string(number) + ".db";
  }

 private:
  Database db_;
  std::string directory_;
  std::string tag_;
  int fd_;
  std::mt19937_64 random_;
  std::vector<StageId> open_stages_;
  Owned owned_;
  int made_ = 0;
  std::int64_t backups_ = 0;
};

// ---- the parent --------------------------------------------------------------

// What the parent knows of one record from its writer's reports.
struct Known {
  Report last_commit{};
  bool committed = false;      // a commit of it was reported
  bool may_disappear = false;  // a purge or merge started after the last commit reported
};

// The running totals printed at the end.
struct Totals {
  int trials = 0;
  int kills = 0;
  std::int64_t commits = 0;  // acknowledged commits received
  std::int64_t records = 0;  // records whose acknowledged state was checked (after each trial)
  std::int64_t backups = 0;  // acknowledged backups checked
  std::vector<std::string> problems;
};

// The problem with one record's stored state against what was acknowledged, or "".
std::string check_record(Database& db, const Known& known) {
  const Report& acked = known.last_commit;
  std::int64_t version = 0;
  bool deleted = false;
  std::int64_t stage = 0;
  try {
    if (acked.kind == Kind::contact) {
      const Contact contact = db.contacts().get(ContactId(acked.id));
      version = contact.version;
      deleted = contact.deleted_at.has_value();
    } else if (acked.kind == Kind::account) {
      const Account account = db.accounts().get(AccountId(acked.id));
      version = account.version;
      deleted = account.deleted_at.has_value();
    } else {
      const Opportunity deal = db.opportunities().get(OpportunityId(acked.id));
      version = deal.version;
      deleted = deal.deleted_at.has_value();
      stage = deal.stage.value();
    }
  } catch (const Error& e) {
    if (e.code() != ErrorCode::not_found) throw;
    if (acked.state == State::gone || known.may_disappear) return "";
    return "acknowledged at version " + std::to_string(acked.version) + " but missing";
  }
  if (acked.state == State::gone) return "acknowledged as purged or merged away but still there";
  if (version < acked.version)
    return "acknowledged at version " + std::to_string(acked.version) + " but at version " + std::to_string(version);
  if (version == acked.version && deleted != (acked.state == State::deleted))
    return std::string("acknowledged as ") + (acked.state == State::deleted ? "deleted" : "live") + " at version " +
           std::to_string(version) + " but is not";
  if (version == acked.version && acked.kind == Kind::opportunity && stage != acked.detail)
    return "acknowledged in stage " + std::to_string(acked.detail) + " at version " + std::to_string(version) +
           " but in stage " + std::to_string(stage);
  return "";
}

// Folds one writer's reports into what is known per record.
void take_reports(int fd, std::map<std::pair<char, std::int64_t>, Known>& known, std::vector<std::int64_t>& backups,
                  Totals& totals) {
  Report report{};
  for (;;) {
    const ssize_t got = ::read(fd, &report, sizeof report);
    if (got == 0) return;
    if (got < 0 && errno == EINTR) continue;
    if (got != static_cast<ssize_t>(sizeof report)) {
      totals.problems.push_back("a report arrived torn (" + std::to_string(got) + " bytes)");
      return;
    }
    if (report.kind == Kind::backup) {
      ++totals.commits;
      backups.push_back(report.detail);
      continue;
    }
    Known& record = known[{static_cast<char>(report.kind), report.id}];
    if (report.state == State::may_disappear) {
      record.may_disappear = true;
      continue;
    }
    ++totals.commits;
    record.last_commit = report;
    record.committed = true;
    record.may_disappear = false;
  }
}

// Checks every record known so far against the file; problems go to totals.
void check_known(const std::string& path, const std::map<std::pair<char, std::int64_t>, Known>& known, int trial,
                 Totals& totals) {
  Database db = Database::open(path, OpenOptions{.create = false});
  for (const auto& entry : known) {
    if (!entry.second.committed) continue;
    ++totals.records;
    const std::string problem = check_record(db, entry.second);
    if (!problem.empty())
      totals.problems.push_back("trial " + std::to_string(trial) + ": " + std::string(1, entry.first.first) + " " +
                                std::to_string(entry.first.second) + " " + problem);
  }
}

// One trial: start the writers, kill them after a random delay, check the file.
void run_trial(int trial, const std::string& path, const std::string& directory, std::mt19937_64& random,
               Totals& totals) {
  std::vector<pid_t> writers;
  std::vector<int> pipes;
  for (int w = 0; w < kWritersPerTrial; ++w) {
    int ends[2];
    if (::pipe(ends) != 0) throw std::runtime_error("pipe failed");
    const std::uint64_t seed = random();
    const pid_t pid = ::fork();
    if (pid < 0) throw std::runtime_error("fork failed");
    if (pid == 0) {
      ::close(ends[0]);
      for (int earlier : pipes) ::close(earlier);
      try {
        Writer(path, directory, std::to_string(trial) + "-" + std::to_string(w), ends[1], seed).run();
      } catch (const std::exception& e) {
        std::cerr << "writer " << trial << "-" << w << " could not start: " << e.what() << "\n";
      }
      ::_exit(3);
    }
    ::close(ends[1]);
    writers.push_back(pid);
    pipes.push_back(ends[0]);
  }
  std::this_thread::sleep_for(
      std::chrono::milliseconds(std::uniform_int_distribution<int>(kMinKillDelayMs, kMaxKillDelayMs)(random)));
  for (pid_t pid : writers) ::kill(pid, SIGKILL);

  std::map<std::pair<char, std::int64_t>, Known> known;
  std::vector<std::int64_t> backups;
  for (std::size_t w = 0; w < writers.size(); ++w) {
    take_reports(pipes[w], known, backups, totals);
    ::close(pipes[w]);
    int status = 0;
    ::waitpid(writers[w], &status, 0);
    if (WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL)
      ++totals.kills;
    else
      totals.problems.push_back("trial " + std::to_string(trial) + ": writer " + std::to_string(w) +
                                " ended by itself (status " + std::to_string(status) + ")");
    for (std::int64_t number : backups) {
      const std::string backup =
          Writer::backup_path(directory, std::to_string(trial) + "-" + std::to_string(w), number);
      ++totals.backups;
      for (const std::string& problem : file_problems(backup))
        totals.problems.push_back("trial " + std::to_string(trial) + ": backup " + backup + ": " + problem);
      std::filesystem::remove(backup);
    }
    backups.clear();
  }
  for (const std::string& problem : file_problems(path))
    totals.problems.push_back("trial " + std::to_string(trial) + ": " + problem);
  check_known(path, known, trial, totals);
  ++totals.trials;
}

int run(int trials, const std::string& directory, std::uint64_t seed) {
  std::filesystem::remove_all(directory);
  std::filesystem::create_directories(directory);
  const std::string path = directory + "/crash.db";
  Database::open(path).close();  // created and migrated before the first writer starts
  std::mt19937_64 random(seed);
  Totals totals;
  const auto started = std::chrono::steady_clock::now();
  for (int trial = 1; trial <= trials && totals.problems.size() < 20; ++trial)
    run_trial(trial, path, directory, random, totals);
  const auto seconds =
      std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - started).count() /
      1000.0;
  for (const std::string& problem : totals.problems) std::cout << "PROBLEM " << problem << "\n";
  std::cout << "crash test: " << totals.trials << " trials, " << totals.kills << " writers killed, " << totals.commits
            << " acknowledged commits verified (" << totals.records << " record checks, " << totals.backups
            << " backups), " << totals.problems.size() << " problems, seed " << seed << ", " << seconds << " s\n";
  if (totals.problems.empty()) std::filesystem::remove_all(directory);
  return totals.problems.empty() && totals.trials == trials ? 0 : 1;
}

}  // namespace
}  // namespace crm::test

int main(int argc, char** argv) {
  const int trials = argc > 1 ? std::atoi(argv[1]) : 100;
  const std::string directory =
      argc > 2 ? argv[2]
               : (std::filesystem::temp_directory_path() / ("crmcore-crash-" + std::to_string(::getpid()))).string();
  const std::uint64_t seed =
      argc > 3 ? std::strtoull(argv[3], nullptr, 10)
               : static_cast<std::uint64_t>(std::chrono::system_clock::now().time_since_epoch().count());
  if (trials < 1) {
    std::cerr << "usage: crm_crash_harness [trials >= 1] [directory] [seed]\n";
    return 2;
  }
  try {
    return crm::test::run(trials, directory, seed);
  } catch (const std::exception& e) {
    std::cerr << "crash test: " << e.what() << "\n";
    return 1;
  }
}
