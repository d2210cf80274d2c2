#include "common/fields.hpp"
#include "crm/error.hpp"
#include "crm/product.hpp"
#include "storage/errors.hpp"
#include "storage/session.hpp"
#include "storage/sql_values.hpp"
#include "text/unicode.hpp"

namespace crm {
namespace {

using namespace detail;

constexpr const char* kColumns =
    "id, sku, name, list_price_minor, currency, active, version, created_at, updated_at FROM products";

Product read_product(SQLite::Statement& s) {
  Product p;
  p.id = ProductId(s.getColumn(0).getInt64());
  p.sku = s.getColumn(1).getString();
  p.name = s.getColumn(2).getString();
  p.list_price = column_money(s, 3, 4);
  p.active = s.getColumn(5).getInt() != 0;
  p.version = s.getColumn(6).getInt64();
  p.created_at = column_instant(s, 7);
  p.updated_at = column_instant(s, 8);
  return p;
}

std::optional<Product> product_where(Session& session, const char* where, const std::function<void(SQLite::Statement&)>& bind) {
  auto statement = session.prepare(std::string("SELECT ") + kColumns + " WHERE " + where);
  bind(*statement);
  if (!statement->executeStep()) return std::nullopt;
  return read_product(*statement);
}

Product require_product(Session& session, ProductId id) {
  if (auto product = product_where(session, "id = ?", [&](SQLite::Statement& s) { s.bind(1, id.value()); }))
    return *product;
  throw Error(ErrorCode::not_found, "product " + std::to_string(id.value()) + " does not exist", "product");
}

ProductData clean(const ProductData& in) {
  ProductData out{require_line(in.sku, "product.sku"), require_line(in.name, "product.name"), in.list_price, in.active};
  if (in.list_price.minor_units() < 0)
    throw Error(ErrorCode::invalid_argument,
                "product.list_price: " + in.list_price.to_string() + " is negative", "product.list_price");
  return out;
}

// Binds sku, sku_key, name, name_key, price and currency, active to 1..7.
void bind_data(SQLite::Statement& s, const ProductData& d) {
  s.bind(1, d.sku);
  s.bind(2, casefold(d.sku));
  s.bind(3, d.name);
  s.bind(4, match_key(d.name));
  bind_money(s, 5, 6, d.list_price);
  s.bind(7, d.active ? 1 : 0);
}

void rethrow_if_sku_taken(const std::string& sku) {
  if (is_unique_violation("products.sku_key"))
    throw Error(ErrorCode::already_exists, "product.sku: " + quote(sku) + " is already used", "product.sku");
}

}  // namespace

Product Products::create(const ProductData& data) {
  return guarded([&] {
    const ProductData d = clean(data);
    WriteScope scope(session_);
    auto insert = session_.prepare(
        "INSERT INTO products (sku, sku_key, name, name_key, list_price_minor, currency, active, created_at, "
        "updated_at, version) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 1)");
    bind_data(*insert, d);
    const std::string now = format_instant(session_.now());
    insert->bind(8, now);
    insert->bind(9, now);
    try {
      insert->exec();
    } catch (...) {
      rethrow_if_sku_taken(d.sku);
      throw;
    }
    const ProductId id(session_.last_insert_id());
    return scope.commit_returning([&] { return require_product(session_, id); });
  });
}

Product Products::get(ProductId id) const {
  return guarded_read(session_, [&] { return require_product(session_, id); });
}

Product Products::update(const Product& product) {
  return guarded([&] {
    const ProductData d = clean(product);
    WriteScope scope(session_);
    const Product stored = require_product(session_, product.id);
    if (stored.version != product.version)
      throw Error(ErrorCode::conflict,
                  "product " + std::to_string(product.id.value()) + " was changed by someone else (version " +
                      std::to_string(product.version) + " was read, version " + std::to_string(stored.version) +
                      " is stored); read it again",
                  "version");
    auto update = session_.prepare(
        "UPDATE products SET sku = ?, sku_key = ?, name = ?, name_key = ?, list_price_minor = ?, currency = ?, "
        "active = ?, updated_at = ?, version = version + 1 WHERE id = ?");
    bind_data(*update, d);
    update->bind(8, format_instant(session_.now()));
    update->bind(9, product.id.value());
    try {
      update->exec();
    } catch (...) {
      rethrow_if_sku_taken(d.sku);
      throw;
    }
    return scope.commit_returning([&] { return require_product(session_, product.id); });
  });
}

std::optional<Product> Products::find_by_sku(const std::string& sku) const {
  return guarded_read(session_, [&] {
    const std::string key = casefold(clean_line(sku, "sku"));
    return product_where(session_, "sku_key = ?", [&](SQLite::Statement& s) { s.bind(1, key); });
  });
}

std::vector<Product> Products::list(bool include_inactive) const {
  return guarded_read(session_, [&] {
    auto statement = session_.prepare(std::string("SELECT ") + kColumns +
                                      (include_inactive ? "" : " WHERE active = 1") + " ORDER BY name_key, id");
    std::vector<Product> products;
    while (statement->executeStep()) products.push_back(read_product(*statement));
    return products;
  });
}

}  // namespace crm
