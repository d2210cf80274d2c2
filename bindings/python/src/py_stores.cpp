// The stores (db.accounts, db.contacts, db.employments) and the pagers
// behind their lazy iterators.
#include <pybind11/stl.h>

#include "py_bindings.hpp"
#include "py_convert.hpp"
#include "py_database.hpp"

namespace py = pybind11;

namespace crm::python {
namespace {

DeletedFilter deleted_filter(const std::string& name) {
  if (name == "exclude") return DeletedFilter::exclude;
  if (name == "include") return DeletedFilter::include;
  if (name == "only") return DeletedFilter::only;
  throw Error(ErrorCode::invalid_argument, "deleted: '" + name + "' is not one of 'exclude', 'include', 'only'",
              "deleted");
}

SortBy sort_by(const std::string& name) {
  if (name == "name") return SortBy::name;
  if (name == "id") return SortBy::id;
  if (name == "updated_at") return SortBy::updated_at;
  throw Error(ErrorCode::invalid_argument, "sort: '" + name + "' is not one of 'name', 'id', 'updated_at'", "sort");
}

// The keyword arguments every list(), select() and count() takes.
struct Filters {
  std::string owner, tag, country, deleted = "exclude", sort = "name";
  bool descending = false;
  std::size_t page_size = 1000;

  ListQuery query() const {
    ListQuery q;
    q.owner = owner;
    q.tag = tag;
    q.country = country;
    q.deleted = deleted_filter(deleted);
    q.sort = sort_by(sort);
    q.descending = descending;
    q.limit = page_size;
    if (page_size < 1 || page_size > 10000)
      throw Error(ErrorCode::invalid_argument, "page_size: " + std::to_string(page_size) + " is outside 1..10000",
                  "page_size");
    return q;
  }
};

#define CRM_FILTER_ARG_LIST                                                                     \
  py::arg("owner") = "", py::arg("tag") = "", py::arg("country") = "", py::arg("deleted") = "exclude", \
      py::arg("sort") = "name", py::arg("descending") = false, py::arg("page_size") = 1000
#define CRM_FILTER_ARGS py::kw_only(), CRM_FILTER_ARG_LIST

#define CRM_FILTER_PARAMS                                                                                    \
  const std::string &owner, const std::string &tag, const std::string &country, const std::string &deleted, \
      const std::string &sort, bool descending, std::size_t page_size

#define CRM_FILTERS Filters{owner, tag, country, deleted, sort, descending, page_size}

// Fetches the records of a list page by page; fetch() returns [] at the end.
template <class Record>
class RecordPager {
 public:
  using List = std::function<Page<Record>(Database&, const ListQuery&)>;
  RecordPager(SharedDatabase db, ListQuery query, List list)
      : db_(std::move(db)), query_(std::move(query)), list_(std::move(list)) {}

  py::list fetch() {
    py::list out;
    if (done_) return out;
    Page<Record> page = db_->run([&](Database& d) { return list_(d, query_); });
    query_.after = std::move(page.next);
    query_.offset = 0;
    done_ = query_.after.empty();
    for (Record& record : page.items) out.append(py::cast(std::move(record)));
    return out;
  }

 private:
  SharedDatabase db_;
  ListQuery query_;
  List list_;
  bool done_ = false;
};

// One cell of a Table as a new Python object.
PyObject* cell(const Table& table, std::size_t row, std::size_t column) {
  if (table.is_null(row, column)) Py_RETURN_NONE;
  switch (table.columns()[column].type) {
    case ColumnType::integer: return PyLong_FromLongLong(table.integer(row, column));
    case ColumnType::real: return PyFloat_FromDouble(table.real(row, column));
    case ColumnType::date: return to_python_date(parse_date(table.text(row, column))).release().ptr();
    case ColumnType::instant: return to_python_instant(parse_instant(table.text(row, column))).release().ptr();
    case ColumnType::text: break;
  }
  const std::string_view text = table.text(row, column);
  return PyUnicode_DecodeUTF8(text.data(), static_cast<Py_ssize_t>(text.size()), "strict");
}

// Fetches selected columns page by page as lists of tuples. The first page is
// read when the pager is made, so that a bad column or filter fails at select().
class RowPager {
 public:
  using Select = std::function<TablePage(Database&, const ListQuery&)>;
  RowPager(SharedDatabase db, ListQuery query, Select select)
      : db_(std::move(db)), query_(std::move(query)), select_(std::move(select)) {
    pending_ = db_->run([&](Database& d) { return select_(d, query_); });
    for (const Column& column : pending_->table.columns()) columns_.push_back(column.name);
  }

  py::list fetch() {
    if (!db_->is_open()) throw Error(ErrorCode::invalid_argument, "database: the database is closed");
    if (!pending_) {
      if (query_.after.empty()) return py::list();
      pending_ = db_->run([&](Database& d) { return select_(d, query_); });
    }
    TablePage page = std::move(*pending_);
    pending_.reset();
    query_.after = std::move(page.next);
    query_.offset = 0;
    return rows_of(page.table);
  }

  const std::vector<std::string>& column_names() const { return columns_; }

 private:
  static py::list rows_of(const Table& table) {
    const std::size_t rows = table.row_count();
    const std::size_t width = table.columns().size();
    py::list out(static_cast<py::ssize_t>(rows));
    for (std::size_t r = 0; r < rows; ++r) {
      PyObject* tuple = PyTuple_New(static_cast<Py_ssize_t>(width));
      if (!tuple) throw py::error_already_set();
      PyList_SET_ITEM(out.ptr(), static_cast<Py_ssize_t>(r), tuple);
      for (std::size_t c = 0; c < width; ++c) {
        PyObject* value = cell(table, r, c);
        if (!value) throw py::error_already_set();
        PyTuple_SET_ITEM(tuple, static_cast<Py_ssize_t>(c), value);
      }
    }
    return out;
  }

  SharedDatabase db_;
  ListQuery query_;
  Select select_;
  std::optional<TablePage> pending_;
  std::vector<std::string> columns_;
};

py::object wrap(const char* python_class, py::object pager) {
  return py::module_::import("crmcore").attr(python_class)(std::move(pager));
}

struct PyAccounts {
  SharedDatabase db;
};
struct PyContacts {
  SharedDatabase db;
};
struct PyEmployments {
  SharedDatabase db;
};

// Binds what Accounts and Contacts have in common. `store(database)` gives
// the C++ store; `Data` is the record's data part.
template <class PyStore, class Record, class Id, class StoreOf>
void bind_record_store(py::class_<PyStore>& cls, const char* noun, const char* plural, StoreOf store,
                       std::vector<Column> (*selectable)()) {
  cls.def(
         "create",
         [store](PyStore& self, py::object record, const py::kwargs& fields) {
           py::object draft = py::cast(record.is_none() ? Record{} : record.cast<Record>());
           apply_fields(draft, fields, "create");
           const Record data = draft.cast<Record>();
           return self.db->run([&](Database& d) { return store(d).create(data); });
         },
         py::arg("record") = py::none(),
         (std::string("Validates and stores a new ") + noun +
          " from a record and/or keyword fields; returns the stored record.")
             .c_str())
      .def(
          "get", [store](PyStore& self, Id id) { return self.db->run([&](Database& d) { return store(d).get(id); }); },
          py::arg("id"), (std::string("The ") + noun + " with this id (also when soft-deleted); NotFoundError if none.").c_str())
      .def(
          "update",
          [store](PyStore& self, const Record& record, const py::kwargs& fields) {
            py::object draft = py::cast(record);
            apply_fields(draft, fields, "update");
            const Record data = draft.cast<Record>();
            return self.db->run([&](Database& d) { return store(d).update(data); });
          },
          py::arg("record"),
          "Saves the record, with keyword fields applied, if its version is still the stored one "
          "(else ConflictError, nothing written); returns the stored record.")
      .def(
          "remove", [store](PyStore& self, Id id) { return self.db->run([&](Database& d) { return store(d).remove(id); }); },
          py::arg("id"), "Soft-deletes (restorable); accepts an id or a record.")
      .def(
          "restore",
          [store](PyStore& self, Id id) { return self.db->run([&](Database& d) { return store(d).restore(id); }); },
          py::arg("id"), "Undoes remove().")
      .def(
          "purge", [store](PyStore& self, Id id) { self.db->run([&](Database& d) { store(d).purge(id); }); },
          py::arg("id"), "Deletes for good, with everything that hangs off it.")
      .def(
          "list",
          [store](PyStore& self, CRM_FILTER_PARAMS) {
            auto pager = std::make_unique<RecordPager<Record>>(
                self.db, CRM_FILTERS.query(), [store](Database& d, const ListQuery& q) { return store(d).list(q); });
            return wrap("Records", py::cast(std::move(pager)));
          },
          CRM_FILTER_ARGS,
          (std::string("A lazy iterator over ") + plural +
           ", fetched page_size at a time. Filters: owner, tag (case-insensitive), country; deleted: 'exclude', "
           "'include' or 'only'; sort: 'name', 'id' or 'updated_at'. Has to_records() and to_pandas().")
              .c_str())
      .def(
          "count",
          [store](PyStore& self, CRM_FILTER_PARAMS) {
            const ListQuery query = CRM_FILTERS.query();
            return self.db->run([&](Database& d) { return store(d).count(query); });
          },
          CRM_FILTER_ARGS, (std::string("How many ") + plural + " match the filters.").c_str())
      .def(
          "select",
          [store](PyStore& self, const py::args& names, CRM_FILTER_PARAMS) {
            std::vector<std::string> wanted;
            for (py::handle name : names) wanted.push_back(name.cast<std::string>());
            auto pager = std::make_unique<RowPager>(
                self.db, CRM_FILTERS.query(),
                [store, wanted](Database& d, const ListQuery& q) { return store(d).select(wanted, q); });
            return wrap("Rows", py::cast(std::move(pager)));
          },
          CRM_FILTER_ARG_LIST,
          (std::string("A lazy iterator of tuples of the named columns of ") + plural +
           " (the fast way to read many); same filters as list(). Has columns, to_records() and to_pandas(). "
           "selectable_columns() lists the names.")
              .c_str())
      .def_static(
          "selectable_columns",
          [selectable] {
            std::vector<std::string> names;
            for (const Column& column : selectable()) names.push_back(column.name);
            return names;
          },
          "The column names select() accepts.")
      .def(
          "find_by_external_ref",
          [store](PyStore& self, const std::string& ref) {
            return self.db->run([&](Database& d) { return store(d).find_by_external_ref(ref); });
          },
          py::arg("external_ref"), (std::string("The live ") + noun + " with this external_ref, or None.").c_str())
      .def(
          "find_by_email",
          [store](PyStore& self, const std::string& email) {
            return self.db->run([&](Database& d) { return store(d).find_by_email(email); });
          },
          py::arg("email"), (std::string("Live ") + plural + " with this email, ignoring case (a list).").c_str())
      .def(
          "find_by_phone",
          [store](PyStore& self, const std::string& phone) {
            return self.db->run([&](Database& d) { return store(d).find_by_phone(phone); });
          },
          py::arg("phone"),
          (std::string("Live ") + plural +
           " with this phone number written in any form (a list); ValidationError when it is not a number.")
              .c_str())
      .def("__repr__", [plural](PyStore&) { return std::string("<crmcore ") + plural + ">"; });
}

}  // namespace

void register_stores(py::module_& m) {
  py::class_<RecordPager<Account>>(m, "_AccountPager", "Fetches pages of accounts for Records.")
      .def("fetch", &RecordPager<Account>::fetch, "The next page as a list; [] at the end.");
  py::class_<RecordPager<Contact>>(m, "_ContactPager", "Fetches pages of contacts for Records.")
      .def("fetch", &RecordPager<Contact>::fetch, "The next page as a list; [] at the end.");
  py::class_<RowPager>(m, "_RowPager", "Fetches pages of selected columns for Rows.")
      .def("fetch", &RowPager::fetch, "The next page as a list of tuples; [] at the end.")
      .def_property_readonly("columns", &RowPager::column_names, "The column names.");

  py::class_<PyAccounts> accounts(m, "Accounts", "The accounts (organizations) of a database: db.accounts.");
  bind_record_store<PyAccounts, Account, AccountId>(
      accounts, "account", "accounts", [](Database& d) -> Accounts& { return d.accounts(); },
      &Accounts::selectable_columns);
  accounts.def(
      "subsidiaries",
      [](PyAccounts& self, AccountId parent) {
        return self.db->run([&](Database& d) { return d.accounts().subsidiaries(parent); });
      },
      py::arg("parent"), "Live direct subsidiaries of an account (a list, by name).");

  py::class_<PyContacts> contacts(m, "Contacts", "The contacts (people) of a database: db.contacts.");
  bind_record_store<PyContacts, Contact, ContactId>(
      contacts, "contact", "contacts", [](Database& d) -> Contacts& { return d.contacts(); },
      &Contacts::selectable_columns);

  py::class_<PyEmployments>(m, "Employments", "Employment history: db.employments.")
      .def(
          "start",
          [](PyEmployments& self, ContactId contact, AccountId account, const std::string& title,
             std::optional<Date> started_on) {
            return self.db->run([&](Database& d) { return d.employments().start(contact, account, title, started_on); });
          },
          py::arg("contact"), py::arg("account"), py::arg("title") = "", py::arg("started_on") = py::none(),
          "Adds a current employment beside any others.")
      .def(
          "end",
          [](PyEmployments& self, EmploymentId id, Date ended_on) {
            return self.db->run([&](Database& d) { return d.employments().end(id, ended_on); });
          },
          py::arg("employment"), py::arg("ended_on"), "Ends a current employment on its last day.")
      .def(
          "move",
          [](PyEmployments& self, ContactId contact, AccountId account, const std::string& title,
             std::optional<Date> on) {
            return self.db->run([&](Database& d) {
              return d.employments().move(contact, account, title, on.value_or(d.now().date()));
            });
          },
          py::arg("contact"), py::arg("account"), py::arg("title") = "", py::arg("on") = py::none(),
          "Moves a person to a new employer on `on` (default today): current links end, past ones stay.")
      .def(
          "get",
          [](PyEmployments& self, EmploymentId id) {
            return self.db->run([&](Database& d) { return d.employments().get(id); });
          },
          py::arg("employment"), "One employment; NotFoundError if none.")
      .def(
          "history",
          [](PyEmployments& self, ContactId contact) {
            return self.db->run([&](Database& d) { return d.employments().history(contact); });
          },
          py::arg("contact"), "Every employment of a contact, current first, newest first.")
      .def(
          "of_account",
          [](PyEmployments& self, AccountId account, bool current_only) {
            return self.db->run([&](Database& d) { return d.employments().of_account(account, current_only); });
          },
          py::arg("account"), py::arg("current_only") = true, "Employments at an account, newest first.")
      .def("__repr__", [](PyEmployments&) { return std::string("<crmcore employments>"); });
}

py::object accounts_store(const SharedDatabase& db) { return py::cast(PyAccounts{db}); }
py::object contacts_store(const SharedDatabase& db) { return py::cast(PyContacts{db}); }
py::object employments_store(const SharedDatabase& db) { return py::cast(PyEmployments{db}); }

}  // namespace crm::python
