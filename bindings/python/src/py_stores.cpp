// The stores of accounts, contacts and employments, and the machinery all
// record stores share (py_stores.hpp).
#include "py_stores.hpp"

#include <algorithm>

#include "py_enums.hpp"
#include "py_money.hpp"

namespace py = pybind11;

namespace crm::python {
namespace {

// One cell of a Table as a new Python object.
PyObject* cell(const Table& table, std::size_t row, std::size_t column, MoneyCell money) {
  if (table.is_null(row, column)) Py_RETURN_NONE;
  switch (table.columns()[column].type) {
    case ColumnType::integer: return PyLong_FromLongLong(table.integer(row, column));
    case ColumnType::real: return PyFloat_FromDouble(table.real(row, column));
    case ColumnType::date: return to_python_date(parse_date(table.text(row, column))).release().ptr();
    case ColumnType::instant: return to_python_instant(parse_instant(table.text(row, column))).release().ptr();
    case ColumnType::decimal: {
      py::object amount = decimal_type()(py::str(std::string(table.text(row, column))));
      if (money == MoneyCell::amount) return amount.release().ptr();
      return money_type()(std::move(amount), py::str(std::string(table.currency(row, column)))).release().ptr();
    }
    case ColumnType::text: break;
  }
  const std::string_view text = table.text(row, column);
  return PyUnicode_DecodeUTF8(text.data(), static_cast<Py_ssize_t>(text.size()), "strict");
}

struct AccountTraits : PlainTraits<Account, AccountId, &Database::accounts> {
  static constexpr const char* noun = "account";
  static constexpr const char* plural = "accounts";
};

struct ContactTraits : PlainTraits<Contact, ContactId, &Database::contacts> {
  static constexpr const char* noun = "contact";
  static constexpr const char* plural = "contacts";
};

struct PyEmployments {
  SharedDatabase db;
};

}  // namespace

std::optional<RecordKind> record_object_kind(py::handle item) {
  if (py::isinstance<Account>(item)) return RecordKind::account;
  if (py::isinstance<Contact>(item)) return RecordKind::contact;
  if (py::isinstance<Lead>(item)) return RecordKind::lead;
  if (py::isinstance<Opportunity>(item)) return RecordKind::opportunity;
  if (py::isinstance<Activity>(item)) return RecordKind::activity;
  return std::nullopt;
}

std::pair<RecordKind, std::int64_t> stored_record_of(py::handle record, const std::optional<std::string>& kind) {
  if (PyLong_Check(record.ptr()) && !PyBool_Check(record.ptr())) {
    if (!kind) throw Error(ErrorCode::invalid_argument, "kind: needed with a record id", "kind");
    return {record_kind_named(*kind, "kind"), int64_from_python(record, "record")};
  }
  const auto object_kind = record_object_kind(record);
  if (!object_kind) throw py::type_error("record: expected a record or its id, not " + python_type_name(record));
  if (kind && record_kind_named(*kind, "kind") != *object_kind)
    throw Error(ErrorCode::invalid_argument, "kind: '" + *kind + "' is not the kind of the record given", "kind");
  py::object id = record.attr("id");
  if (id.is_none()) throw Error(ErrorCode::invalid_argument, "record: a record that is not stored has no id yet", "record");
  return {*object_kind, int64_from_python(id, "record")};
}

ListQuery Filters::query() const {
  check_page_size(static_cast<std::int64_t>(page_size));
  ListQuery q;
  q.owner = owner;
  q.tag = tag;
  q.country = country;
  q.where = where;
  q.segment = segment;
  q.deleted = parse_deleted_filter(deleted);
  q.sort = parse_sort_by(sort);
  q.sort_field = sort_field;
  q.descending = descending;
  q.limit = page_size;
  return q;
}

void refuse_unknown(const py::kwargs& extra, const char* method, std::initializer_list<std::string_view> known) {
  for (auto [key, value] : extra) {
    const std::string name = key.cast<std::string>();
    if (std::find(known.begin(), known.end(), name) == known.end())
      throw py::type_error(std::string(method) + "() got an unexpected keyword argument '" + name + "'");
  }
}

NoFilter no_filter(const py::kwargs& extra, const char* method) {
  refuse_unknown(extra, method);
  return {};
}

RowPager::RowPager(SharedDatabase db, ListQuery query, Select select)
    : db_(std::move(db)), query_(std::move(query)), select_(std::move(select)) {
  pending_ = db_->run([&](Database& d) { return select_(d, query_); });
  for (const Column& column : pending_->table.columns()) {
    columns_.push_back(column.name);
    types_.emplace_back(column_type_name(column.type));
  }
}

py::list RowPager::fetch() {
  if (!db_->is_open()) throw Error(ErrorCode::invalid_argument, "database: the database is closed");
  if (!pending_) {
    if (query_.after.empty()) return py::list();
    pending_ = db_->run([&](Database& d) { return select_(d, query_); });
  }
  TablePage page = std::move(*pending_);
  pending_.reset();
  query_.after = std::move(page.next);
  return table_rows(page.table);
}

py::list table_rows(const Table& table, MoneyCell money) {
  const std::size_t rows = table.row_count();
  const std::size_t width = table.columns().size();
  py::list out(static_cast<py::ssize_t>(rows));
  for (std::size_t r = 0; r < rows; ++r) {
    PyObject* tuple = PyTuple_New(static_cast<Py_ssize_t>(width));
    if (!tuple) throw py::error_already_set();
    PyList_SET_ITEM(out.ptr(), static_cast<Py_ssize_t>(r), tuple);
    for (std::size_t c = 0; c < width; ++c) {
      PyObject* value = cell(table, r, c, money);
      if (!value) throw py::error_already_set();
      PyTuple_SET_ITEM(tuple, static_cast<Py_ssize_t>(c), value);
    }
  }
  return out;
}

py::object wrap(const char* python_class, py::object pager) {
  return py::module_::import("crmcore").attr(python_class)(std::move(pager));
}

void register_stores(py::module_& m) {
  py::class_<RecordPagerBase>(m, "_RecordPager", "Fetches pages of records for Records.")
      .def("fetch", &RecordPagerBase::fetch, "The next page as a list; [] at the end.");
  py::class_<RowPager>(m, "_RowPager", "Fetches pages of selected columns for Rows.")
      .def("fetch", &RowPager::fetch, "The next page as a list of tuples; [] at the end.")
      .def_property_readonly("columns", &RowPager::column_names, "The column names.")
      .def_property_readonly("column_types", &RowPager::column_types,
                             "The column types: 'integer', 'real', 'text', 'date', 'instant' or 'decimal' (money).");

  auto accounts = bind_record_store<AccountTraits>(m, "Accounts", "The accounts (organizations) of a database: db.accounts.");
  bind_lookups(accounts);
  accounts.def(
      "subsidiaries",
      [](PyStore<AccountTraits>& self, AccountId parent) {
        return self.db->run([&](Database& d) { return d.accounts().subsidiaries(parent); });
      },
      py::arg("parent"), "Live direct subsidiaries of an account (a list, by name).");

  auto contacts = bind_record_store<ContactTraits>(m, "Contacts", "The contacts (people) of a database: db.contacts.");
  bind_lookups(contacts);

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

  add_store_property<PyStore<AccountTraits>>(m, "accounts", "The accounts (organizations) store.");
  add_store_property<PyStore<ContactTraits>>(m, "contacts", "The contacts (people) store.");
  add_store_property<PyEmployments>(m, "employments", "Employment history: who worked where, when.");
}

}  // namespace crm::python
