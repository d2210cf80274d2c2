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
  /// crm_db_free() was called from a callback of a running call: the handle
  /// is freed when that call returns (release_if_freed_in_callback()).
  bool free_after_call = false;
};

/// A connection handle.
struct crm_db {
  std::shared_ptr<DbState> state = std::make_shared<DbState>();
};

/// Filters, order and page size of a list, plus the filters only some
/// record kinds know (crm_query_set_filter(), crm_query_set_filter_text()),
/// checked against the kind listed when a list is made.
struct crm_query {
  crm::ListQuery query;
  std::map<std::string, std::int64_t> integer_filters;
  std::map<std::string, std::string> text_filters;
  char csv_delimiter = ',';  ///< crm_query_set_csv_delimiter(), for crm_export_to_file()
};

/// Text computed on request (timestamps) kept for as long as the record is
/// unchanged, so that borrowed pointers to it stay valid. Setters that change
/// what a key's text is computed from erase that key (or clear all).
struct FormattedText {
  mutable std::map<std::string, std::string> values;
  /// Stores `text` under `key` and returns the stored copy's characters. Text
  /// equal to what is stored already keeps the stored copy, so that a pointer
  /// returned for the same key earlier stays valid.
  const char* keep(const std::string& key, std::string text) const {
    auto [it, inserted] = values.try_emplace(key);
    if (inserted || it->second != text) it->second = std::move(text);
    return it->second.c_str();
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

/// A stage of a pipeline.
struct crm_stage {
  crm::Stage record;
};

/// A pipeline; its stages are kept as crm_stage handles that
/// crm_pipeline_stage() lends out.
struct crm_pipeline {
  crm_pipeline(crm::Pipeline pipeline, const FormattedText& = {}) : record(std::move(pipeline)) {
    for (const crm::Stage& stage : record.stages) stages.push_back(crm_stage{stage});
  }
  crm::Pipeline record;
  std::vector<crm_stage> stages;
};

/// A product of the catalog.
struct crm_product {
  crm::Product record;
  FormattedText formatted;
};

/// An opportunity (deal).
struct crm_opportunity {
  crm::Opportunity record;
  FormattedText formatted;
};

/// One stage change of a deal.
struct crm_stage_change {
  crm::StageChange record;
  FormattedText formatted;
};

/// A lead.
struct crm_lead {
  crm::Lead record;
  FormattedText formatted;
};

/// An activity.
struct crm_activity {
  crm::Activity record;
  FormattedText formatted;
};

/// A custom field definition: data to define, or a stored one.
struct crm_custom_field {
  crm::CustomField record;
  FormattedText formatted;
};

/// A saved segment (dynamic filter or static list), read-only.
struct crm_segment {
  crm::Segment record;
  FormattedText formatted;
};

/// A marketing campaign: data to create, or a stored one.
struct crm_campaign {
  crm::Campaign record;
  FormattedText formatted;
};

/// A user: data to create, or a stored one.
struct crm_user {
  crm::User record;
  FormattedText formatted;
};

namespace crm::capi {

/// A team on a cursor.
struct TeamItem {
  crm::Team record;
  FormattedText formatted;
};

/// A record's share on a cursor.
struct ShareItem {
  crm::Share record;
  FormattedText formatted;
};

/// A lost reason on a cursor.
struct LostReasonItem {
  crm::LostReason record;
  FormattedText formatted;
};

/// A holiday on a cursor.
struct HolidayItem {
  crm::Holiday record;
  FormattedText formatted;
};

/// A lead source on a cursor.
struct LeadSourceItem {
  crm::LeadSource record;
  FormattedText formatted;
};

/// An exchange rate on a cursor or in a report.
struct RateItem {
  crm::ExchangeRate record;
  FormattedText formatted;
};

/// Lends out the parts of `rate` (its day formatted and kept in the item);
/// any out pointer may be NULL.
crm_status rate_parts(const RateItem& rate, const char** out_from, const char** out_to, const char** out_valid_from,
                      const char** out_rate) noexcept;

/// A timeline entry on a cursor, with the handle crm_cursor_timeline_entry()
/// lends out for its activity or its stage change.
struct TimelineItem {
  TimelineItem(crm::TimelineEntry entry, const FormattedText& = {}) : record(std::move(entry)) {
    if (record.activity) activity.emplace(crm_activity{*record.activity, {}});
    if (record.stage_change) change.emplace(crm_stage_change{*record.stage_change, {}});
  }
  crm::TimelineEntry record;
  std::optional<crm_activity> activity;
  std::optional<crm_stage_change> change;
};

}  // namespace crm::capi

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

/// A cursor that walks a timeline page by page with `read(database, query)`.
template <class Read>
crm_cursor* timeline_cursor(const crm_db* owner, crm::TimelineQuery query, Read read) {
  return new RecordCursor<TimelineItem>(owner->state, [query, read](crm::Database& database, auto& out) mutable {
    auto page = read(database, query);
    out = std::move(page.items);
    query.after = std::move(page.next);
    return !query.after.empty();
  });
}

/// The ListQuery of `query` (the defaults for NULL) for a list of `kind`
/// ("accounts", ...), which knows none of the filters set by name: one set
/// throws invalid_argument naming it.
crm::ListQuery plain_query(const crm_query* query, const char* kind);
/// The named filters of `query` for a list of deals ("account", "pipeline",
/// "stage", "open"); any other throws invalid_argument naming it.
crm::OpportunityFilter opportunity_filter(const crm_query* query);
/// The named filters of `query` for a list of activities ("account",
/// "contact", "opportunity", "lead", "kind", "status"); any other throws
/// invalid_argument naming it.
crm::ActivityFilter activity_filter(const crm_query* query);
/// The ListQuery of `query` without checking its named filters.
inline crm::ListQuery list_query(const crm_query* query) { return query ? query->query : crm::ListQuery{}; }

/// The record kind named `name` ("account", "contact", "lead",
/// "opportunity", "activity"), or invalid_argument naming "record_kind" and
/// listing the kinds.
crm::RecordKind record_kind_of(const char* name);

/// Throws invalid_argument naming `field` unless `value` is valid UTF-8.
void require_utf8(const char* value, const char* field);

/// A malloc'ed copy of `text` for the caller to release with crm_free().
char* owned_copy(const std::string& text);

/// A C string as std::string; NULL reads as "".
inline std::string text(const char* value) { return value ? std::string(value) : std::string(); }

/// Frees `db` when crm_db_free() was called on it from a callback of the
/// call that has just returned; every C function that runs callbacks calls it
/// last. After it, `db` may be gone.
void release_if_freed_in_callback(crm_db* db) noexcept;

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
