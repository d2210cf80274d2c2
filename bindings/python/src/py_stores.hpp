// What every record store of the Python module shares: filters, pagers, and
// the binding of create/get/update/remove/restore/purge/list/count/select.
// A Traits type per record kind says how to reach its C++ store.
#pragma once

#include <functional>
#include <initializer_list>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>
#include <vector>

#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

#include "py_bindings.hpp"
#include "py_convert.hpp"
#include "py_database.hpp"
#include "py_filter.hpp"

namespace crm::python {

/// The keyword arguments every list(), select() and count() takes.
struct Filters {
  std::string owner, tag, country, where;
  SegmentId segment;
  std::string deleted = "exclude", sort = "name", sort_field;
  bool descending = false;
  std::size_t page_size = kDefaultPageSize;

  /// The ListQuery these describe; throws ValidationError for bad values.
  ListQuery query() const;
};

#define CRM_FILTER_ARG_LIST                                                                             \
  pybind11::arg("owner") = "", pybind11::arg("tag") = "", pybind11::arg("country") = "",                \
      pybind11::arg("where") = "", pybind11::arg("segment") = pybind11::none(),                         \
      pybind11::arg("deleted") = "exclude", pybind11::arg("sort") = "name",                             \
      pybind11::arg("sort_field") = "", pybind11::arg("descending") = false,                            \
      pybind11::arg("page_size") = ::crm::kDefaultPageSize
#define CRM_FILTER_ARGS pybind11::kw_only(), CRM_FILTER_ARG_LIST
#define CRM_FILTER_PARAMS                                                                               \
  const std::string &owner, const std::string &tag, const std::string &country,                         \
      const ::crm::python::WhereText &where, SegmentId segment, const std::string &deleted,             \
      const std::string &sort, const std::string &sort_field, bool descending, std::size_t page_size
#define CRM_FILTERS                                                                                     \
  ::crm::python::Filters{owner, tag, country, where.text, segment, deleted, sort, sort_field,          \
                         descending, page_size}
/// What list(), count() and select() say about the shared keywords.
#define CRM_FILTER_DOC                                                                                            \
  "Filters: owner, tag (case-insensitive), country; where: segment-language text or a crmcore.Filter "            \
  "(ParseError with line and column when it does not read or names an unknown field); segment: only members "     \
  "of this saved segment (id or Segment); deleted: 'exclude', 'include' or 'only'. Order: sort ('name', 'id' "    \
  "or 'updated_at') or sort_field (a built-in or custom field name), descending"

/// For record kinds without filters of their own: refuses any extra keyword.
struct NoFilter {};
NoFilter no_filter(const pybind11::kwargs& extra, const char* method);

/// The value of keyword `name` in `extra` as T; nullopt when absent or None.
template <class T>
std::optional<T> keyword(const pybind11::kwargs& extra, const char* name) {
  if (!extra.contains(name)) return std::nullopt;
  pybind11::object value = extra[name];
  if (value.is_none()) return std::nullopt;
  return value.cast<T>();
}

/// Traits (for bind_record_store) of a record kind without filters of its
/// own, whose store is `(database.*StoreOf)()`; select() when the store has it.
/// The deriving type adds noun and plural.
template <class RecordT, class IdT, auto StoreOf>
struct PlainTraits {
  using Record = RecordT;
  using Id = IdT;
  using Filter = NoFilter;
  using Store = std::remove_reference_t<std::invoke_result_t<decltype(StoreOf), Database&>>;
  static constexpr const char* extra_filter_doc = "";
  static Store& store(Database& d) { return (d.*StoreOf)(); }
  static Filter filter(const pybind11::kwargs& extra, const char* method) { return no_filter(extra, method); }
  static Page<Record> list(Database& d, const ListQuery& q, Filter) { return store(d).list(q); }
  static std::int64_t count(Database& d, const ListQuery& q, Filter) { return store(d).count(q); }
  static TablePage select(Database& d, const std::vector<std::string>& columns, const ListQuery& q, Filter)
    requires requires { Store::selectable_columns(); }
  {
    return store(d).select(columns, q);
  }
  static std::vector<Column> selectable()
    requires requires { Store::selectable_columns(); }
  {
    return Store::selectable_columns();
  }
};

/// TypeError naming the first keyword in `extra` that is not in `known`.
void refuse_unknown(const pybind11::kwargs& extra, const char* method,
                    std::initializer_list<std::string_view> known = {});

/// A record to write: `record` (or an empty one when None, or one made from
/// a dict of fields) with the keyword `fields` applied. TypeError for
/// unknown or read-only fields.
template <class Record>
Record with_fields(pybind11::handle record, const pybind11::kwargs& fields, const char* method) {
  pybind11::object draft;
  if (record.is_none())
    draft = pybind11::cast(Record{});
  else if (pybind11::isinstance<pybind11::dict>(record))
    draft = pybind11::cast(with_fields<Record>(pybind11::none(), pybind11::reinterpret_borrow<pybind11::kwargs>(record), method));
  else
    draft = pybind11::cast(record.cast<Record>());  // a copy: the caller's object stays as it was
  apply_fields(draft, fields, method);
  return draft.cast<Record>();
}

/// `record` as with_fields() reads it, or nullopt for None.
template <class Record>
std::optional<Record> optional_record(pybind11::handle record, const char* method) {
  if (record.is_none()) return std::nullopt;
  return with_fields<Record>(record, pybind11::kwargs(), method);
}

/// Fetches records page by page; fetch() returns [] at the end. Used by the
/// crmcore.Records iterator.
class RecordPagerBase {
 public:
  virtual ~RecordPagerBase() = default;
  /// The next page as a list of records; [] at the end.
  virtual pybind11::list fetch() = 0;
};

/// Pages of Record from `list(database, query)`; Query is ListQuery or
/// TimelineQuery (anything with `after`).
template <class Record, class Query = ListQuery>
class RecordPager : public RecordPagerBase {
 public:
  using List = std::function<Page<Record>(Database&, const Query&)>;
  /// Reads the first page now, so that bad arguments fail at the call.
  RecordPager(SharedDatabase db, Query query, List list)
      : db_(std::move(db)), query_(std::move(query)), list_(std::move(list)) {
    pending_ = db_->run([&](Database& d) { return list_(d, query_); });
  }

  pybind11::list fetch() override {
    // Like RowPager: a closed database raises, even with a page already read.
    if (!db_->is_open()) throw Error(ErrorCode::invalid_argument, "database: the database is closed");
    pybind11::list out;
    if (!pending_) {
      if (query_.after.empty()) return out;
      pending_ = db_->run([&](Database& d) { return list_(d, query_); });
    }
    Page<Record> page = std::move(*pending_);
    pending_.reset();
    query_.after = std::move(page.next);
    for (Record& record : page.items) out.append(pybind11::cast(std::move(record)));
    return out;
  }

 private:
  SharedDatabase db_;
  Query query_;
  List list_;
  std::optional<Page<Record>> pending_;
};

/// The kind of a record object (Account, Contact, Lead, Opportunity,
/// Activity), or nullopt for anything else.
std::optional<RecordKind> record_object_kind(pybind11::handle item);

/// The kind and id of `record`: a stored record object (its kind is its
/// class), or an id with `kind` given. invalid_argument for an id without a
/// kind, a kind other than the record's, or a record not stored yet;
/// TypeError for anything else.
std::pair<RecordKind, std::int64_t> stored_record_of(pybind11::handle record, const std::optional<std::string>& kind);

/// Fetches selected columns page by page as lists of tuples, for crmcore.Rows.
/// The first page is read when made, so that a bad column fails at select().
class RowPager {
 public:
  using Select = std::function<TablePage(Database&, const ListQuery&)>;
  RowPager(SharedDatabase db, ListQuery query, Select select);
  pybind11::list fetch();
  const std::vector<std::string>& column_names() const { return columns_; }
  /// The column types, as column_type_name() names them ("decimal" for money).
  const std::vector<std::string>& column_types() const { return types_; }

 private:
  SharedDatabase db_;
  ListQuery query_;
  Select select_;
  std::optional<TablePage> pending_;
  std::vector<std::string> columns_;
  std::vector<std::string> types_;
};

/// How table_rows() gives a money (decimal) cell.
enum class MoneyCell {
  money,   ///< crmcore.Money: a decimal.Decimal amount and its currency.
  amount,  ///< decimal.Decimal alone, for a table whose money has one currency told beside it (a report's).
};

/// The rows of `table` as a list of tuples, each cell as its column type
/// reads in Python: int, float, str, datetime.date, aware datetime.datetime,
/// money as `money` says; None for null.
pybind11::list table_rows(const Table& table, MoneyCell money = MoneyCell::money);

/// crmcore.Records or crmcore.Rows (a Python class) around a pager.
pybind11::object wrap(const char* python_class, pybind11::object pager);

/// crmcore.Records over `list(database, query)`, page by page.
template <class Record, class Query>
pybind11::object records(const SharedDatabase& db, Query query,
                         typename RecordPager<Record, Query>::List list) {
  std::unique_ptr<RecordPagerBase> pager =
      std::make_unique<RecordPager<Record, Query>>(db, std::move(query), std::move(list));
  return wrap("Records", pybind11::cast(std::move(pager)));
}

/// Adds the read-only property `name` to Database giving Store{db}.
template <class Store>
void add_store_property(pybind11::module_& m, const char* name, const char* doc) {
  database_class(m).def_property_readonly(
      name, [](const SharedDatabase& db) { return Store{db}; }, doc);
}

/// A store object of one record kind: the database it works on.
template <class Traits>
struct PyStore {
  SharedDatabase db;
};

/// select() and selectable_columns() of a store whose Traits have select().
template <class Traits>
void bind_select(pybind11::class_<PyStore<Traits>>& cls) {
  namespace py = pybind11;
  const std::string plural = Traits::plural;
  cls.def(
         "select",
         [](PyStore<Traits>& self, const py::args& names, CRM_FILTER_PARAMS, const py::kwargs& extra) {
           std::vector<std::string> wanted;
           for (py::handle column : names) wanted.push_back(column.cast<std::string>());
           const auto filter = Traits::filter(extra, "select");
           auto pager = std::make_unique<RowPager>(self.db, CRM_FILTERS.query(),
                                                   [wanted, filter](Database& d, const ListQuery& q) {
                                                     return Traits::select(d, wanted, q, filter);
                                                   });
           return wrap("Rows", py::cast(std::move(pager)));
         },
         CRM_FILTER_ARG_LIST,
         ("A lazy iterator of tuples of the named columns of " + plural +
          " (the fast way to read many); the filters of list(). Money columns give crmcore.Money (a Decimal "
          "and its currency). Has columns, column_types, to_records() and to_pandas() (money as Decimal beside "
          "<name>_currency); "
          "selectable_columns() lists the names.")
             .c_str())
      .def_static(
          "selectable_columns",
          [] {
            std::vector<std::string> names;
            for (const Column& column : Traits::selectable()) names.push_back(column.name);
            return names;
          },
          "The column names select() accepts.");
}

/// Binds the store class `name` of a record kind described by Traits:
///   Record, Id, Filter; noun, plural, extra_filter_doc; store(Database&);
///   filter(kwargs, method); list/count(Database&, ListQuery, Filter); and,
///   when the kind has them, select(...) with selectable().
template <class Traits>
pybind11::class_<PyStore<Traits>> bind_record_store(pybind11::module_& m, const char* name, const char* doc) {
  namespace py = pybind11;
  using Record = typename Traits::Record;
  using Id = typename Traits::Id;
  using Store = PyStore<Traits>;
  const std::string noun = Traits::noun;
  const std::string plural = Traits::plural;
  py::class_<Store> cls(m, name, doc);
  cls.def(
         "create",
         [](Store& self, py::object record, const py::kwargs& fields) {
           const Record data = with_fields<Record>(record, fields, "create");
           return self.db->run([&](Database& d) { return Traits::store(d).create(data); });
         },
         py::arg("record") = py::none(),
         ("Validates and stores a new " + noun + " from a record (or a dict) and/or keyword fields; returns the "
          "stored record.")
             .c_str())
      .def(
          "get", [](Store& self, Id id) { return self.db->run([&](Database& d) { return Traits::store(d).get(id); }); },
          py::arg("id"), ("The " + noun + " with this id (also when soft-deleted); NotFoundError if none.").c_str())
      .def(
          "update",
          [](Store& self, py::object record, const py::kwargs& fields) {
            const Record data = with_fields<Record>(record, fields, "update");
            return self.db->run([&](Database& d) { return Traits::store(d).update(data); });
          },
          py::arg("record"),
          "Saves the record, with keyword fields applied, if its version is still the stored one (else "
          "ConflictError, nothing written); returns the stored record.")
      .def(
          "remove", [](Store& self, Id id) { return self.db->run([&](Database& d) { return Traits::store(d).remove(id); }); },
          py::arg("id"), "Soft-deletes (restorable); accepts an id or a record.")
      .def(
          "restore",
          [](Store& self, Id id) { return self.db->run([&](Database& d) { return Traits::store(d).restore(id); }); },
          py::arg("id"), "Undoes remove().")
      .def(
          "purge", [](Store& self, Id id) { self.db->run([&](Database& d) { Traits::store(d).purge(id); }); },
          py::arg("id"), "Deletes for good, with everything that hangs off it.")
      .def(
          "list",
          [](Store& self, CRM_FILTER_PARAMS, const py::kwargs& extra) {
            const auto filter = Traits::filter(extra, "list");
            return records<Record, ListQuery>(self.db, CRM_FILTERS.query(), [filter](Database& d, const ListQuery& q) {
              return Traits::list(d, q, filter);
            });
          },
          CRM_FILTER_ARGS,
          ("A lazy iterator over " + plural + ", fetched page_size at a time. " CRM_FILTER_DOC +
           std::string(Traits::extra_filter_doc) + ". Has to_records() and to_pandas().")
              .c_str())
      .def(
          "count",
          [](Store& self, CRM_FILTER_PARAMS, const py::kwargs& extra) {
            const auto filter = Traits::filter(extra, "count");
            const ListQuery query = CRM_FILTERS.query();
            return self.db->run([&](Database& d) { return Traits::count(d, query, filter); });
          },
          CRM_FILTER_ARGS, ("How many " + plural + " match the filters (as list() takes them).").c_str())
      .def("__repr__", [plural](Store&) { return "<crmcore " + plural + ">"; });
  if constexpr (requires { Traits::selectable(); }) bind_select<Traits>(cls);
  if constexpr (requires(Database& d) { Traits::store(d).find_by_external_ref(std::string()); })
    cls.def(
        "find_by_external_ref",
        [](Store& self, const std::string& ref) {
          return self.db->run([&](Database& d) { return Traits::store(d).find_by_external_ref(ref); });
        },
        py::arg("external_ref"), ("The live " + noun + " with this external_ref, or None.").c_str());
  return cls;
}

/// find_by_email and find_by_phone of a store whose C++ store has them.
template <class Traits>
void bind_lookups(pybind11::class_<PyStore<Traits>>& cls) {
  namespace py = pybind11;
  const std::string plural = Traits::plural;
  cls.def(
         "find_by_email",
         [](PyStore<Traits>& self, const std::string& email) {
           return self.db->run([&](Database& d) { return Traits::store(d).find_by_email(email); });
         },
         py::arg("email"), ("Live " + plural + " with this email, ignoring case (a list).").c_str())
      .def(
          "find_by_phone",
          [](PyStore<Traits>& self, const std::string& phone) {
            return self.db->run([&](Database& d) { return Traits::store(d).find_by_phone(phone); });
          },
          py::arg("phone"),
          ("Live " + plural + " with this phone number written in any form (a list); ValidationError when it is "
           "not a number.")
              .c_str());
}

/// Registers Pipelines, Products, Opportunities and their records.
void register_sales(pybind11::module_& module);
/// Registers Leads and their records.
void register_leads(pybind11::module_& module);
/// Registers Activities, Timelines, Telephony, Calendars and their records.
void register_activities(pybind11::module_& module);
/// Registers Segment and Segments (db.segments); after the record kinds.
void register_segments(pybind11::module_& module);
/// Registers SearchHit and Database.search().
void register_search(pybind11::module_& module);
/// Registers DuplicatePair, DuplicateMatch, MergeRecord and Duplicates
/// (db.duplicates); after the record kinds.
void register_duplicates(pybind11::module_& module);
/// Registers LeadSource, LeadSources, Campaign and Campaigns (db.lead_sources,
/// db.campaigns).
void register_campaigns(pybind11::module_& module);
/// Registers User, Team, Users and Teams (db.users, db.teams).
void register_users(pybind11::module_& module);
/// Registers AuditEntry and Audit (db.audit); after the record kinds.
void register_audit(pybind11::module_& module);
/// Registers ErasureReport, LegalHold and Privacy (db.privacy); after the record kinds.
void register_privacy(pybind11::module_& module);
/// Registers ChangeEntry, Changes (db.changes) and Database.changes_since().
void register_changes(pybind11::module_& module);
/// Registers ExchangeRate and Currencies (db.currencies).
void register_currencies(pybind11::module_& module);
/// Registers Reports (db.reports) and the native report result; after
/// register_currencies().
void register_reports(pybind11::module_& module);
/// ImportResult and friends, and Database.import_csv().
void register_imports(pybind11::module_& module);
/// Database.export() (CSV and JSON); after register_segments().
void register_exports(pybind11::module_& module);

}  // namespace crm::python
