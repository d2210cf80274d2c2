// The structures behind the C ABI's opaque handles.
#pragma once

#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "c_errors.hpp"
#include "crm/crm.h"
#include "crm/crm.hpp"

/// Options for crm_db_open().
struct crm_options {
  crm::OpenOptions options;
};

/// What a crm_db handle and the cursors made from it share: the connection
/// and the stack of transactions opened by crm_db_begin(). Cursors keep it
/// alive, so that a cursor used after crm_db_free() finds it closed instead
/// of touching freed memory.
struct DbState {
  std::optional<crm::Database> db;
  std::vector<crm::Transaction> transactions;
};

/// A connection handle.
struct crm_db {
  std::shared_ptr<DbState> state = std::make_shared<DbState>();
};

/// Filters, order and page size of a list.
struct crm_query {
  crm::ListQuery query;
};

/// Text computed on request (timestamps) kept for as long as the record is
/// unchanged, so that borrowed pointers to it stay valid.
struct FormattedText {
  mutable std::map<std::string, std::string> values;
  /// Stores `text` under `key` and returns the stored copy's characters.
  const char* keep(const std::string& key, std::string text) const {
    return (values[key] = std::move(text)).c_str();
  }
};

/// An account record.
struct crm_account {
  crm::Account record;
  FormattedText formatted;
};

/// A contact record.
struct crm_contact {
  crm::Contact record;
  FormattedText formatted;
};

/// An employment record.
struct crm_employment {
  crm::Employment record;
  FormattedText formatted;
};

/// A forward-only sequence of records; subclasses know their kind and how to
/// fetch more.
struct crm_cursor {
  virtual ~crm_cursor() = default;
  /// Moves to the next record: CRM_ROW, CRM_DONE or an error (may throw).
  virtual crm_status next() = 0;
  /// Ends the cursor after a failure: later next() calls return CRM_DONE.
  virtual void finish() = 0;
};

namespace crm::capi {

/// True after crm_db_close(); entry points then report CRM_MISUSE.
inline bool is_closed(const crm_db* handle) { return !handle->state->db.has_value(); }

/// CRM_MISUSE for a call on a handle after crm_db_close().
inline crm_status closed(const char* function) { return misuse(function, "the database handle is closed"); }

/// A cursor over records of one kind, fetched a batch at a time.
template <class Handle>
struct RecordCursor : crm_cursor {
  using Record = decltype(Handle::record);
  /// Fills `out` with the next batch; returns false when there is no more.
  using Fetch = std::function<bool(crm::Database&, std::vector<Record>& out)>;

  RecordCursor(std::shared_ptr<DbState> owner, Fetch fetch) : owner_(std::move(owner)), fetch_(std::move(fetch)) {}

  crm_status next() override {
    if (!owner_->db) return closed("crm_cursor_next");
    ++position_;
    if (position_ < batch_.size()) return CRM_ROW;
    if (finished_) return CRM_DONE;
    std::vector<Record> records;
    const bool more = fetch_(*owner_->db, records);  // may throw: the caller's guard reports it
    finished_ = !more;
    batch_.clear();
    for (Record& record : records) batch_.push_back(Handle{std::move(record), {}});
    position_ = 0;
    return batch_.empty() ? (finished_ = true, CRM_DONE) : CRM_ROW;
  }

  /// The record at the cursor, or nullptr when not on a row.
  const Handle* current() const { return position_ < batch_.size() ? &batch_[position_] : nullptr; }

  void finish() override {
    finished_ = true;
    batch_.clear();
  }

 private:
  std::shared_ptr<DbState> owner_;
  Fetch fetch_;
  std::vector<Handle> batch_;
  std::size_t position_ = static_cast<std::size_t>(-1);
  bool finished_ = false;
};

/// A cursor over a list already in memory (lookups, histories).
template <class Handle>
crm_cursor* cursor_over(const crm_db* owner, std::vector<decltype(Handle::record)> records) {
  auto shared = std::make_shared<decltype(records)>(std::move(records));
  return new RecordCursor<Handle>(owner->state, [shared](crm::Database&, auto& out) {
    out = std::move(*shared);
    return false;
  });
}

/// A cursor that walks a keyset-paged list with `list(database, query)` page by page.
template <class Handle, class List>
crm_cursor* paging_cursor(const crm_db* owner, ListQuery query, List list) {
  return new RecordCursor<Handle>(owner->state, [query, list](crm::Database& database, auto& out) mutable {
    auto page = list(database, query);
    out = std::move(page.items);
    query.after = std::move(page.next);
    query.offset = 0;
    return !query.after.empty();
  });
}

/// The record at `cursor` when it is a cursor over `Handle`s on a row.
template <class Handle>
crm_status cursor_record(const crm_cursor* cursor, const Handle** out, const char* function) {
  const auto* typed = dynamic_cast<const RecordCursor<Handle>*>(cursor);
  if (!typed) return misuse(function, "the cursor is over another kind of record");
  const Handle* current = typed->current();
  if (!current) return misuse(function, "the cursor is not on a row; call crm_cursor_next() first");
  *out = current;
  return CRM_OK;
}

/// A malloc'ed copy of `text` for the caller to release with crm_free().
char* owned_copy(const std::string& text);

/// A C string as std::string; NULL reads as "".
inline std::string text(const char* value) { return value ? std::string(value) : std::string(); }

}  // namespace crm::capi

/// In an entry point: checks the crm_db handle (NULL or closed is
/// CRM_MISUSE), then runs `body` under the guard with `database` bound to
/// the open crm::Database.
#define CRM_WITH_DB(db, body)                       \
  CRM_REQUIRE(db);                                  \
  if (::crm::capi::is_closed(db)) return ::crm::capi::closed(__func__); \
  return ::crm::capi::guard([&] {                   \
    ::crm::Database& database = *(db)->state->db;   \
    body                                            \
  })
