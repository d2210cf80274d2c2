// Making the stores of the public API (Accounts, Contacts, Reports, ...):
// their constructors are private, so only Database and the implementation,
// through this, hand them out on a Session.
#pragma once

namespace crm::detail {

class Session;

/// Constructs a store of the public API on `session`; the friend of each store.
struct StoreAccess {
  /// A `Store` (Accounts, Contacts, ...) working on `session`.
  template <class Store>
  static Store make(Session& session) {
    return Store(session);
  }
};

}  // namespace crm::detail
