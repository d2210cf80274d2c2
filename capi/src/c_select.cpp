// Cursors over selected columns: crm_*_select() and the crm_cursor_column/cell readers.
#include <sstream>

#include "c_select.hpp"

using namespace crm::capi;

namespace {

// Walks TablePages of a select, one row at a time. Without an owner it walks
// a table in memory that no connection backs (a report's rows).
struct TableCursor : crm_cursor {
  using Fetch = std::function<crm::TablePage(crm::Database&, const crm::ListQuery&)>;

  TableCursor(std::shared_ptr<DbState> owner, crm::ListQuery query, Fetch fetch)
      : owner_(std::move(owner)), query_(std::move(query)), fetch_(std::move(fetch)) {
    load();  // the first page also tells the columns, and checks them
  }

  // One page in memory, without a next one to fetch.
  explicit TableCursor(crm::Table table) : page_{std::move(table), {}} {}

  crm_status next() override {
    if (owner_ && !owner_->db) return closed("crm_cursor_next");
    if (started_ && row_ < page_.table.row_count()) ++row_;
    started_ = true;
    while (row_ >= page_.table.row_count()) {
      if (page_.next.empty()) return CRM_DONE;
      query_.after = page_.next;
      query_.offset = 0;
      load();
    }
    return CRM_ROW;
  }

  void finish() override {
    page_.next.clear();
    row_ = page_.table.row_count();
  }

  const crm::Table& table() const { return page_.table; }
  std::size_t row() const { return row_; }
  bool on_row() const { return started_ && row_ < page_.table.row_count(); }

 private:
  void load() {
    page_ = fetch_(*owner_->db, query_);
    row_ = 0;
  }

  std::shared_ptr<DbState> owner_;
  crm::ListQuery query_;
  Fetch fetch_;
  crm::TablePage page_;
  std::size_t row_ = 0;
  bool started_ = false;
};

std::vector<std::string> split_columns(const char* columns) {
  std::vector<std::string> names;
  std::stringstream in(columns);
  std::string name;
  while (std::getline(in, name, ',')) {
    const auto first = name.find_first_not_of(" \t");
    const auto last = name.find_last_not_of(" \t");
    names.push_back(first == std::string::npos ? std::string() : name.substr(first, last - first + 1));
  }
  return names;
}

// The C type of a column type; the numbers are the same.
constexpr crm_column_type c_type(crm::ColumnType type) { return static_cast<crm_column_type>(type); }
static_assert(c_type(crm::ColumnType::integer) == CRM_COLUMN_INTEGER);
static_assert(c_type(crm::ColumnType::real) == CRM_COLUMN_REAL);
static_assert(c_type(crm::ColumnType::text) == CRM_COLUMN_TEXT);
static_assert(c_type(crm::ColumnType::date) == CRM_COLUMN_DATE);
static_assert(c_type(crm::ColumnType::instant) == CRM_COLUMN_INSTANT);
static_assert(c_type(crm::ColumnType::decimal) == CRM_COLUMN_DECIMAL);

const TableCursor* as_table(const crm_cursor* cursor) { return dynamic_cast<const TableCursor*>(cursor); }

// Finds the column and, with `need_row`, checks the cursor is on a row.
crm_status locate(const crm_cursor* cursor, int column, bool need_row, const TableCursor** out, const char* function) {
  const TableCursor* table = as_table(cursor);
  if (!table) return misuse(function, "the cursor is over records, not selected columns");
  if (column < 0 || static_cast<std::size_t>(column) >= table->table().columns().size())
    return fail_with(CRM_NOT_FOUND,
                     [&] {
                       return std::string(function) + ": column " + std::to_string(column) + " is beyond the " +
                              std::to_string(table->table().columns().size()) + " columns";
                     },
                     "column");
  if (need_row && !table->on_row()) return misuse(function, "the cursor is not on a row; call crm_cursor_next() first");
  *out = table;
  return CRM_OK;
}

// Finds the cell at the current row and hands it to `read` under the guard.
template <class Read>
crm_status read_cell(const crm_cursor* cursor, int column, const char* function, Read read) {
  const TableCursor* table = nullptr;
  const crm_status status = locate(cursor, column, true, &table, function);
  if (status != CRM_OK) return status;
  return guard([&] {
    read(table->table(), table->row(), static_cast<std::size_t>(column));
    return CRM_OK;
  });
}

}  // namespace

namespace crm::capi {

crm_cursor* table_cursor(crm::Table table) { return new TableCursor(std::move(table)); }

crm_cursor* select_cursor(const crm_db* owner, const char* columns, crm::ListQuery query, SelectPage page) {
  return new TableCursor(owner->state, std::move(query),
                         [names = split_columns(columns), page = std::move(page)](crm::Database& d,
                                                                                  const crm::ListQuery& q) {
                           return page(d, names, q);
                         });
}

}  // namespace crm::capi

extern "C" {

crm_status crm_account_select(crm_db* db, const char* columns, const crm_query* query, crm_cursor** out_cursor) {
  CRM_REQUIRE(out_cursor);
  *out_cursor = nullptr;
  CRM_REQUIRE(columns);
  CRM_WITH_DB(db, {
    (void)database;  // the cursor reads through the shared state; its first page is read now
    *out_cursor = select_cursor(db, columns, plain_query(query, "accounts"),
                                [](crm::Database& d, const auto& names, const auto& q) {
                                  return d.accounts().select(names, q);
                                });
    return CRM_OK;
  });
}

crm_status crm_contact_select(crm_db* db, const char* columns, const crm_query* query, crm_cursor** out_cursor) {
  CRM_REQUIRE(out_cursor);
  *out_cursor = nullptr;
  CRM_REQUIRE(columns);
  CRM_WITH_DB(db, {
    (void)database;  // the cursor reads through the shared state; its first page is read now
    *out_cursor = select_cursor(db, columns, plain_query(query, "contacts"),
                                [](crm::Database& d, const auto& names, const auto& q) {
                                  return d.contacts().select(names, q);
                                });
    return CRM_OK;
  });
}

crm_status crm_lead_select(crm_db* db, const char* columns, const crm_query* query, crm_cursor** out_cursor) {
  CRM_REQUIRE(out_cursor);
  *out_cursor = nullptr;
  CRM_REQUIRE(columns);
  CRM_WITH_DB(db, {
    (void)database;  // the cursor reads through the shared state; its first page is read now
    *out_cursor = select_cursor(db, columns, plain_query(query, "leads"),
                                [](crm::Database& d, const auto& names, const auto& q) {
                                  return d.leads().select(names, q);
                                });
    return CRM_OK;
  });
}

crm_status crm_opportunity_select(crm_db* db, const char* columns, const crm_query* query, crm_cursor** out_cursor) {
  CRM_REQUIRE(out_cursor);
  *out_cursor = nullptr;
  CRM_REQUIRE(columns);
  CRM_WITH_DB(db, {
    (void)database;  // the cursor reads through the shared state; its first page is read now
    *out_cursor = select_cursor(db, columns, list_query(query),
                                [filter = opportunity_filter(query)](crm::Database& d, const auto& names,
                                                                     const auto& q) {
                                  return d.opportunities().select(names, q, filter);
                                });
    return CRM_OK;
  });
}

crm_status crm_cursor_column_count(const crm_cursor* cursor, int* out_count) {
  CRM_REQUIRE(cursor);
  CRM_REQUIRE(out_count);
  const TableCursor* table = as_table(cursor);
  if (!table) return misuse(__func__, "the cursor is over records, not selected columns");
  *out_count = static_cast<int>(table->table().columns().size());
  return CRM_OK;
}

crm_status crm_cursor_column(const crm_cursor* cursor, int column, const char** out_name, crm_column_type* out_type) {
  CRM_REQUIRE(cursor);
  const TableCursor* table = nullptr;
  const crm_status status = locate(cursor, column, false, &table, __func__);
  if (status != CRM_OK) return status;
  const crm::Column& c = table->table().columns()[static_cast<std::size_t>(column)];
  if (out_name) *out_name = c.name.c_str();
  if (out_type) *out_type = c_type(c.type);
  return CRM_OK;
}

crm_status crm_cursor_is_null(const crm_cursor* cursor, int column, int* out_is_null) {
  CRM_REQUIRE(cursor);
  CRM_REQUIRE(out_is_null);
  return read_cell(cursor, column, __func__, [&](const crm::Table& table, std::size_t row, std::size_t index) {
    *out_is_null = table.is_null(row, index) ? 1 : 0;
  });
}

crm_status crm_cursor_int64(const crm_cursor* cursor, int column, int64_t* out_value) {
  CRM_REQUIRE(cursor);
  CRM_REQUIRE(out_value);
  return read_cell(cursor, column, __func__, [&](const crm::Table& table, std::size_t row, std::size_t index) {
    *out_value = table.integer(row, index);
  });
}

crm_status crm_cursor_double(const crm_cursor* cursor, int column, double* out_value) {
  CRM_REQUIRE(cursor);
  CRM_REQUIRE(out_value);
  return read_cell(cursor, column, __func__, [&](const crm::Table& table, std::size_t row, std::size_t index) {
    *out_value = table.real(row, index);
  });
}

crm_status crm_cursor_text(const crm_cursor* cursor, int column, const char** out_text) {
  CRM_REQUIRE(cursor);
  CRM_REQUIRE(out_text);
  return read_cell(cursor, column, __func__, [&](const crm::Table& table, std::size_t row, std::size_t index) {
    const std::string_view text = table.text(row, index);
    *out_text = table.is_null(row, index) ? nullptr : text.data();
  });
}

crm_status crm_cursor_money(const crm_cursor* cursor, int column, int64_t* out_minor_units,
                            const char** out_currency) {
  CRM_REQUIRE(cursor);
  CRM_REQUIRE(out_minor_units);
  CRM_REQUIRE(out_currency);
  return read_cell(cursor, column, __func__, [&](const crm::Table& table, std::size_t row, std::size_t index) {
    const std::string_view currency = table.currency(row, index);  // refuses a column that is not money
    *out_minor_units = currency.empty() ? 0 : table.money(row, index).minor_units();
    *out_currency = currency.empty() ? nullptr : currency.data();
  });
}

}  // extern "C"
