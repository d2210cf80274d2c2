// crmcore: the product catalog deals are made of.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "crm/ids.hpp"
#include "crm/money.hpp"
#include "crm/time.hpp"

namespace crm {

namespace detail {
class Session;
struct StoreAccess;
}

/// What a caller sets on a product.
struct ProductData {
  std::string sku{};     ///< Stock keeping unit; unique (case-insensitive), required.
  std::string name{};    ///< Required.
  Money list_price{};    ///< Price of one unit; not negative.
  bool active = true;    ///< Inactive products stay on old deals but cannot be added to new ones.
};

/// A stored product.
struct Product : ProductData {
  ProductId id{};             ///< Row id.
  std::int64_t version = 0;   ///< Incremented by every change; update() checks it.
  Instant created_at{};       ///< When created (UTC).
  Instant updated_at{};       ///< When last changed (UTC).
};

/// The product catalog of a Database (db.products()). Throws crm::Error.
class Products {
 public:

  /// Adds a product; already_exists for a taken SKU, invalid_argument for an
  /// empty SKU or name or a negative price.
  Product create(const ProductData& data);
  /// The product with `id`. Throws not_found.
  Product get(ProductId id) const;
  /// Saves the product if its version is current (else conflict).
  Product update(const Product& product);
  /// The product with this SKU (case-insensitive), if any.
  std::optional<Product> find_by_sku(const std::string& sku) const;
  /// The catalog by name; only active products unless `include_inactive`.
  std::vector<Product> list(bool include_inactive = false) const;

 private:
  friend struct detail::StoreAccess;  // constructs stores: Database and the implementation
  explicit Products(detail::Session& session) : session_(session) {}
  detail::Session& session_;
};

}  // namespace crm
