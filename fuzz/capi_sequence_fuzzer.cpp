// libFuzzer target for the C ABI (crm.h) used as a C program uses it: the
// input decodes to a sequence of calls on handles kept in small tables
// (databases, accounts, contacts, queries, cursors, segments, search options),
// including calls on NULL, closed and freed-database handles, records of the
// wrong kind, text that is not UTF-8 and enum arguments outside the enumerators
// (passed from C, capi_enum_calls.c).
//
// Input layout (fuzz_support.hpp's InputReader): up to kMaxCalls calls, each an
// operation byte followed by the bytes it reads (slots, ids, field names, text
// as a length byte and that many bytes).
//
// Invariants, beyond "no crash, no leak, no sanitizer report":
//   - every call returns a status crm.h defines;
//   - a failing call leaves crm_last_error() with that status, a message and a
//     field (never NULL), and sets a handle out-parameter to NULL;
//   - a cursor whose database was closed or freed answers CRM_MISUSE.
// Every handle left at the end of an input is freed, so LeakSanitizer sees
// what the library itself leaks.
//
// Build and run: scripts/fuzz.sh (see README.md).
#include <array>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>
#include <vector>

#include "capi_enum_calls.h"
#include "crm/crm.h"
#include "fuzz_support.hpp"

namespace {

constexpr std::string_view kFuzzer = "capi_sequence_fuzzer";
constexpr int kMaxCalls = 48;

constexpr const char* kAccountFields[] = {"name",   "industry", "website", "phone",        "email",
                                          "vat_id", "country",  "city",    "external_ref", "registration_number",
                                          "owner",  "no_such_field"};
constexpr const char* kContactFields[] = {"first_name", "last_name", "job_title", "birthday",     "country",
                                          "owner",      "external_ref", "preferred_language", "description",
                                          "id",         "no_such_field"};
constexpr const char* kKinds[] = {"account", "contact", "lead", "opportunity", "activity", "", "no_such_kind"};

// A table of handles of one type; `free_one` releases one (NULL is a no-op).
template <typename Handle, std::size_t Slots>
struct Handles {
  std::array<Handle*, Slots> slots{};
  void (*free_one)(Handle*);

  Handle*& at(std::uint8_t byte) { return slots[byte % Slots]; }
  // Stores a new handle in the slot `byte` names, freeing the one there.
  void put(std::uint8_t byte, Handle* handle) {
    Handle*& slot = at(byte);
    if (slot != handle) free_one(slot);
    slot = handle;
  }
  void free_all() {
    for (Handle*& slot : slots) {
      free_one(slot);
      slot = nullptr;
    }
  }
};

// One input's run: the handle tables, the ids seen, and the checks.
class Sequence {
  static constexpr std::size_t kDbSlots = 2;
  static constexpr std::size_t kCursorSlots = 3;
  static constexpr std::size_t kRecordSlots = 3;

 public:
  Sequence(const std::uint8_t* data, std::size_t size)
      : input_(reinterpret_cast<const char*>(data), size), reader_(data, size) {}
  Sequence(const Sequence&) = delete;
  Sequence& operator=(const Sequence&) = delete;
  ~Sequence() {
    // Databases first, so that cursors outlive their database (allowed by crm.h).
    dbs_.free_all();
    cursors_.free_all();
    accounts_.free_all();
    contacts_.free_all();
    queries_.free_all();
    segments_.free_all();
    search_options_.free_all();
  }

  void run() {
    for (int call = 0; call < kMaxCalls && !reader_.at_end(); ++call) step(reader_.byte());
  }

 private:
  // Checks what a call returned; a handle out-parameter must be NULL after a failure.
  crm_status check(const char* call, crm_status status, const void* out_handle = nullptr) {
    const bool known = (status >= CRM_OK && status <= CRM_UNSUPPORTED) ||
                       (status >= CRM_MISUSE && status <= CRM_INTERNAL) || status == CRM_ROW || status == CRM_DONE;
    if (!known) fail(std::string(call) + " returned " + std::to_string(static_cast<int>(status)));
    if (status == CRM_INTERNAL || status == CRM_NOMEM || status == CRM_CORRUPT || status == CRM_IO)
      fail(std::string(call) + " returned " + crm_status_name(status) + ": " + crm_last_error()->message);
    if (status == CRM_OK || status == CRM_ROW || status == CRM_DONE) return status;
    const crm_error* error = crm_last_error();
    if (error == nullptr || error->code != status || error->message == nullptr || error->field == nullptr)
      fail(std::string(call) + " failed with " + crm_status_name(status) + " but crm_last_error() does not say so");
    if (out_handle != nullptr) fail(std::string(call) + " failed but left a handle in its out-parameter");
    return status;
  }

  [[noreturn]] void fail(const std::string& what) { crm_fuzz::fail(kFuzzer, input_, what); }

  // An id: one of the ids seen so far, or now and then 0, -1 or a large one.
  std::int64_t id() {
    const std::uint8_t byte = reader_.byte();
    if (byte >= 0xf0 || ids_.empty())
      return byte == 0xff ? -1 : static_cast<std::int64_t>(byte & 0x0f) << (byte & 0x30);
    return ids_[byte % ids_.size()];
  }
  void remember(std::int64_t id) {
    if (ids_.size() < 16) ids_.push_back(id);
  }
  std::string text() { return reader_.text(96); }
  template <std::size_t N>
  const char* pick(const char* const (&names)[N]) {
    return names[reader_.choice(N)];
  }
  crm_db* db() { return dbs_.at(reader_.byte()); }
  std::size_t db_slot() { return reader_.choice(kDbSlots); }

  void step(std::uint8_t operation) {
    switch (operation % 32) {
      case 0: {  // open an in-memory database, with or without options
        const std::uint8_t slot = reader_.byte();
        crm_options* options = nullptr;
        if ((slot & 0x80) != 0) {
          check("crm_options_new", crm_options_new(&options));
          check("crm_options_set_default_region", crm_options_set_default_region(options, "LV"));
        }
        crm_db* opened = nullptr;
        check("crm_db_open", crm_db_open(":memory:", options, &opened), opened);
        crm_options_free(options);
        dbs_.put(slot, opened);
        DbSlot& state = db_slots_[slot % kDbSlots];
        ++state.generation;
        state.open = opened != nullptr;
        break;
      }
      case 1: {
        const std::size_t slot = db_slot();
        crm_db_close(dbs_.slots[slot]);
        db_slots_[slot].open = false;
        break;
      }
      case 2: {
        const std::size_t slot = db_slot();
        dbs_.put(static_cast<std::uint8_t>(slot), nullptr);
        db_slots_[slot].open = false;
        break;
      }
      case 3: new_record(accounts_, kAccountCalls); break;
      case 4: set_field(accounts_, kAccountCalls); break;
      case 5: case 6: case 7: write_record(accounts_, kAccountCalls, operation % 32 - 5); break;
      case 8: remove_record(kAccountCalls); break;
      case 9: new_record(contacts_, kContactCalls); break;
      case 10: set_field(contacts_, kContactCalls); break;
      case 11: {
        crm_contact* contact = contacts_.at(reader_.byte());
        const std::uint8_t how = reader_.byte();
        const std::string value = text();
        if ((how & 1) == 0)
          check("crm_contact_add_email", crm_contact_add_email(contact, value.c_str(), (how >> 1) & 1));
        else
          check("crm_contact_add_phone",
                fuzz_contact_add_phone(contact, (how >> 1) % 6 - 1, value.c_str()));
        break;
      }
      case 12: case 13: case 14: write_record(contacts_, kContactCalls, operation % 32 - 12); break;
      case 15: remove_record(kContactCalls); break;
      case 16: read_fields(); break;
      case 17: {  // list accounts or contacts into a cursor, which fetches pages from its database
        const std::size_t from = db_slot();
        crm_db* on = dbs_.slots[from];
        const crm_query* query = queries_.at(reader_.byte());
        const std::uint8_t slot = reader_.byte();
        crm_cursor* cursor = nullptr;
        if ((slot & 0x80) == 0)
          check("crm_account_list", crm_account_list(on, query, &cursor), cursor);
        else
          check("crm_contact_list", crm_contact_list(on, query, &cursor), cursor);
        cursors_.put(slot, cursor);
        cursor_origins_[slot % kCursorSlots] = {cursor != nullptr, from, db_slots_[from].generation};
        break;
      }
      case 18: read_cursor(); break;
      case 19: {
        const std::uint8_t slot = reader_.byte();
        cursors_.put(slot, nullptr);
        cursor_origins_[slot % kCursorSlots] = {};
        break;
      }
      case 20: {
        const std::uint8_t slot = reader_.byte();
        crm_query* query = queries_.at(slot);
        const std::uint8_t how = reader_.byte() % 5;
        if (how == 0) {
          new_handle(queries_, slot, "crm_query_new", crm_query_new);
        } else if (how == 1) {
          const std::string where = text();
          check("crm_query_set_where", crm_query_set_where(query, where.c_str()));
        } else if (how == 2) {
          check("crm_query_set_page_size", crm_query_set_page_size(query, static_cast<int>(reader_.byte()) - 8));
        } else if (how == 3) {
          check("crm_query_set_sort", fuzz_query_set_sort(query, reader_.byte() % 5 - 1, 1));
        } else {
          check("crm_query_set_deleted", fuzz_query_set_deleted(query, reader_.byte() % 5 - 1));
        }
        break;
      }
      case 21: {  // search into a cursor
        crm_db* on = db();
        const crm_search_options* options = search_options_.at(reader_.byte());
        const std::uint8_t slot = reader_.byte();
        const std::string words = text();
        crm_cursor* cursor = nullptr;
        check("crm_db_search", crm_db_search(on, words.c_str(), options, &cursor), cursor);
        cursors_.put(slot, cursor);
        cursor_origins_[slot % kCursorSlots] = {};  // holds every hit: needs no database to advance
        break;
      }
      case 22: {
        const std::uint8_t slot = reader_.byte();
        const std::uint8_t how = reader_.byte() % 3;
        if (how == 0) {
          new_handle(search_options_, slot, "crm_search_options_new", crm_search_options_new);
        } else if (how == 1) {
          check("crm_search_options_add_kind", crm_search_options_add_kind(search_options_.at(slot), pick(kKinds)));
        } else {
          check("crm_search_options_set_limit",
                crm_search_options_set_limit(search_options_.at(slot), static_cast<int>(reader_.byte()) - 4));
        }
        break;
      }
      case 23: {  // save a dynamic segment or a static list
        crm_db* on = db();
        const char* kind = pick(kKinds);
        const std::uint8_t slot = reader_.byte();
        const std::string name = text();
        crm_segment* made = nullptr;
        if ((slot & 0x80) == 0) {
          const std::string filter = text();
          check("crm_segment_create", crm_segment_create(on, kind, name.c_str(), filter.c_str(), &made), made);
        } else {
          check("crm_segment_create_list", crm_segment_create_list(on, kind, name.c_str(), &made), made);
        }
        if (made != nullptr) {
          std::int64_t segment_id = 0;
          check("crm_segment_id", crm_segment_id(made, &segment_id));
          remember(segment_id);
        }
        segments_.put(slot, made);
        break;
      }
      case 24: {  // use a segment by id
        crm_db* on = db();
        const std::int64_t segment = id();
        const std::uint8_t how = reader_.byte() % 4;
        if (how == 0) {
          std::int64_t count = 0;
          if (check("crm_segment_count", crm_segment_count(on, segment, &count)) == CRM_OK && count < 0)
            fail("crm_segment_count gave " + std::to_string(count));
        } else if (how == 1) {
          int contains = 0;
          check("crm_segment_contains", crm_segment_contains(on, segment, id(), &contains));
        } else if (how == 2) {
          const std::int64_t members[] = {id(), id()};
          check("crm_segment_add_members", crm_segment_add_members(on, segment, members, reader_.byte() % 3));
        } else {
          check("crm_segment_remove", crm_segment_remove(on, segment));
        }
        break;
      }
      case 25: {
        const crm_segment* segment = segments_.at(reader_.byte());
        const char* filter = nullptr;
        if (check("crm_segment_filter", crm_segment_filter(segment, &filter)) == CRM_OK && filter == nullptr)
          fail("crm_segment_filter gave NULL");
        segments_.put(reader_.byte(), nullptr);
        break;
      }
      case 26: {
        crm_db* on = db();
        const char* kind = pick(kKinds);
        const std::string filter = text();
        std::int64_t count = 0;
        if (check("crm_filter_count", crm_filter_count(on, kind, filter.c_str(), &count)) == CRM_OK && count < 0)
          fail("crm_filter_count gave " + std::to_string(count));
        break;
      }
      case 27: {
        const std::string filter = text();
        char* normalized = nullptr;
        if (check("crm_filter_normalize", crm_filter_normalize(filter.c_str(), &normalized)) == CRM_OK &&
            normalized == nullptr)
          fail("crm_filter_normalize gave NULL");
        crm_free(normalized);
        break;
      }
      case 28: {
        crm_db* on = db();
        const std::uint8_t how = reader_.byte() % 3;
        if (how == 0) check("crm_db_begin", crm_db_begin(on));
        if (how == 1) check("crm_db_commit", crm_db_commit(on));
        if (how == 2) check("crm_db_rollback", crm_db_rollback(on));
        break;
      }
      case 29: {  // the calls that hand out char*
        crm_db* on = db();
        char* owned = nullptr;
        if ((reader_.byte() & 1) == 0) {
          check("crm_db_now", crm_db_now(on, &owned));
        } else {
          const std::string currency = text();
          check("crm_money_format",
                crm_money_format(static_cast<std::int64_t>(reader_.byte()) * 1000 - 9000, currency.c_str(), &owned));
        }
        crm_free(owned);
        break;
      }
      case 30: {
        const std::string money = text();
        std::int64_t minor = 0;
        char currency[4] = {};
        if (check("crm_money_parse", crm_money_parse(money.c_str(), &minor, currency)) == CRM_OK &&
            std::strlen(currency) != 3)
          fail("crm_money_parse gave currency '" + std::string(currency) + "'");
        break;
      }
      default: {  // tags and custom values on a record
        const std::uint8_t how = reader_.byte();
        const std::string name = text();
        const std::string value = text();
        if ((how & 1) == 0) {
          crm_account* account = accounts_.at(how >> 1);
          check("crm_account_add_tag", crm_account_add_tag(account, name.c_str()));
          check("crm_account_set_custom", crm_account_set_custom(account, name.c_str(), value.c_str()));
        } else {
          crm_contact* contact = contacts_.at(how >> 1);
          check("crm_contact_add_tag", crm_contact_add_tag(contact, name.c_str()));
          check("crm_contact_set_custom", crm_contact_set_custom(contact, name.c_str(), value.c_str()));
        }
        break;
      }
    }
  }

  // The C functions of one record type (crm_<kind>_*) that the record operations call.
  template <typename Record>
  struct RecordCalls {
    const char* kind;
    const char* const* fields;  // names to set and read, a wrong one included
    std::size_t field_count;
    crm_status (*make)(Record**);
    crm_status (*set)(Record*, const char*, const char*);
    crm_status (*create)(crm_db*, const Record*, Record**);
    crm_status (*get)(crm_db*, std::int64_t, Record**);
    crm_status (*update)(crm_db*, const Record*, Record**);
    crm_status (*id)(const Record*, std::int64_t*);
    crm_status (*remove)(crm_db*, std::int64_t);
    crm_status (*restore)(crm_db*, std::int64_t);
    crm_status (*purge)(crm_db*, std::int64_t);
  };
  static constexpr RecordCalls<crm_account> kAccountCalls{
      "account",          kAccountFields,      std::size(kAccountFields), crm_account_new,
      crm_account_set,    crm_account_create,  crm_account_get,           crm_account_update,
      crm_account_id,     crm_account_remove,  crm_account_restore,       crm_account_purge};
  static constexpr RecordCalls<crm_contact> kContactCalls{
      "contact",          kContactFields,      std::size(kContactFields), crm_contact_new,
      crm_contact_set,    crm_contact_create,  crm_contact_get,           crm_contact_update,
      crm_contact_id,     crm_contact_remove,  crm_contact_restore,       crm_contact_purge};

  // A new handle from `make` (named `call`) in the slot `slot` names.
  template <typename Handle, std::size_t Slots>
  void new_handle(Handles<Handle, Slots>& table, std::uint8_t slot, const char* call, crm_status (*make)(Handle**)) {
    Handle* made = nullptr;
    check(call, make(&made), nullptr);
    table.put(slot, made);
  }

  // A new empty record in a slot.
  template <typename Record>
  void new_record(Handles<Record, kRecordSlots>& records, const RecordCalls<Record>& calls) {
    new_handle(records, reader_.byte(), (std::string("crm_") + calls.kind + "_new").c_str(), calls.make);
  }

  // Sets a field of the record in a slot (which may be empty) to fuzzed text.
  template <typename Record>
  void set_field(Handles<Record, kRecordSlots>& records, const RecordCalls<Record>& calls) {
    Record* record = records.at(reader_.byte());
    const char* field = calls.fields[reader_.choice(calls.field_count)];
    const std::string value = text();
    check((std::string("crm_") + calls.kind + "_set").c_str(), calls.set(record, field, value.c_str()));
  }

  // Soft-deletes, restores or purges a record by id.
  template <typename Record>
  void remove_record(const RecordCalls<Record>& calls) {
    crm_db* on = db();
    const std::int64_t which = id();
    const std::uint8_t how = reader_.byte() % 3;
    const std::string prefix = std::string("crm_") + calls.kind;
    if (how == 0) check((prefix + "_remove").c_str(), calls.remove(on, which));
    if (how == 1) check((prefix + "_restore").c_str(), calls.restore(on, which));
    if (how == 2) check((prefix + "_purge").c_str(), calls.purge(on, which));
  }

  // Creates (write 0), gets (1) or updates (2) a record; the stored record lands in a slot.
  template <typename Record>
  void write_record(Handles<Record, kRecordSlots>& records, const RecordCalls<Record>& calls, int write) {
    crm_db* on = db();
    const std::uint8_t from = reader_.byte();
    const std::uint8_t to = reader_.byte();
    const std::string prefix = std::string("crm_") + calls.kind;
    Record* stored = nullptr;
    crm_status status = CRM_OK;
    if (write == 0) status = check((prefix + "_create").c_str(), calls.create(on, records.at(from), &stored), stored);
    if (write == 1) status = check((prefix + "_get").c_str(), calls.get(on, id(), &stored), stored);
    if (write == 2) status = check((prefix + "_update").c_str(), calls.update(on, records.at(from), &stored), stored);
    if (status != CRM_OK) return;
    std::int64_t stored_id = 0;
    check((prefix + "_id").c_str(), calls.id(stored, &stored_id));
    if (stored_id <= 0) fail("a stored " + std::string(calls.kind) + " has id " + std::to_string(stored_id));
    remember(stored_id);
    records.put(to, stored);
  }

  // Reads a field of an account or contact; a borrowed value is never NULL.
  void read_fields() {
    const std::uint8_t how = reader_.byte();
    const char* value = nullptr;
    crm_status status = CRM_OK;
    if ((how & 1) == 0)
      status = check("crm_account_get_field",
                     crm_account_get_field(accounts_.at(how >> 1), pick(kAccountFields), &value));
    else
      status = check("crm_contact_get_field",
                     crm_contact_get_field(contacts_.at(how >> 1), pick(kContactFields), &value));
    if (status == CRM_OK && value == nullptr) fail("a field read as NULL");
    if (value != nullptr) static_cast<void>(std::strlen(value));  // ASan checks the bytes are readable
  }

  // Advances a cursor and reads its row as what it may be: an account, a
  // contact or a search hit; the other readers must refuse it (CRM_MISUSE).
  void read_cursor() {
    const std::uint8_t slot = reader_.byte();
    crm_cursor* cursor = cursors_.at(slot);
    const crm_status status = check("crm_cursor_next", crm_cursor_next(cursor));
    const CursorOrigin& origin = cursor_origins_[slot % kCursorSlots];
    const bool database_gone = origin.fetches && (!db_slots_[origin.db_slot].open ||
                                                  db_slots_[origin.db_slot].generation != origin.generation);
    if (database_gone && status != CRM_MISUSE)
      fail(std::string("crm_cursor_next on a cursor whose database is closed returned ") + crm_status_name(status));
    if (status != CRM_ROW) return;
    const crm_account* account = nullptr;
    const crm_contact* contact = nullptr;
    const bool is_account = check("crm_cursor_account", crm_cursor_account(cursor, &account)) == CRM_OK;
    const bool is_contact = check("crm_cursor_contact", crm_cursor_contact(cursor, &contact)) == CRM_OK;
    int columns = 0;
    const bool is_selected = check("crm_cursor_column_count", crm_cursor_column_count(cursor, &columns)) == CRM_OK;
    if (static_cast<int>(is_account) + static_cast<int>(is_contact) + static_cast<int>(is_selected) != 1)
      fail("a cursor row reads as none or more than one of account, contact and columns");
    if (is_account && account == nullptr) fail("crm_cursor_account gave NULL");
    if (is_contact && contact == nullptr) fail("crm_cursor_contact gave NULL");
    for (int column = 0; is_selected && column < columns; ++column) {
      const char* cell = nullptr;
      if (check("crm_cursor_text", crm_cursor_text(cursor, column, &cell)) == CRM_OK && cell != nullptr)
        static_cast<void>(std::strlen(cell));
    }
  }

  // What became of the database in a slot: reopened (generation) or closed.
  struct DbSlot {
    std::uint32_t generation = 0;
    bool open = false;
  };
  // Where a cursor that fetches as it advances came from (a list; not a search).
  struct CursorOrigin {
    bool fetches = false;
    std::size_t db_slot = 0;
    std::uint32_t generation = 0;
  };

  std::string_view input_;
  crm_fuzz::InputReader reader_;
  std::array<DbSlot, kDbSlots> db_slots_{};
  std::array<CursorOrigin, kCursorSlots> cursor_origins_{};
  std::vector<std::int64_t> ids_;
  Handles<crm_db, kDbSlots> dbs_{{}, crm_db_free};
  Handles<crm_account, kRecordSlots> accounts_{{}, crm_account_free};
  Handles<crm_contact, kRecordSlots> contacts_{{}, crm_contact_free};
  Handles<crm_query, 2> queries_{{}, crm_query_free};
  Handles<crm_cursor, kCursorSlots> cursors_{{}, crm_cursor_free};
  Handles<crm_segment, 2> segments_{{}, crm_segment_free};
  Handles<crm_search_options, 2> search_options_{{}, crm_search_options_free};
};

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  Sequence sequence(data, size);
  sequence.run();
  return 0;
}
