// The parts of the _crmcore extension module, registered in this order.
#pragma once

#include <pybind11/pybind11.h>

namespace crm::python {

/// Money helpers, Birthday, Email, Phone, Consent.
void register_values(pybind11::module_& module);
/// Account, Contact, Employment records.
void register_records(pybind11::module_& module);
/// Database, Transaction, the stores and their pagers, open().
void register_database(pybind11::module_& module);

/// Sets the attributes named in `fields` on `record` (a bound record
/// object), refusing unknown names and read-only ones with TypeError.
void apply_fields(pybind11::object record, const pybind11::kwargs& fields, const char* method);

/// The record as a dict of its public attributes (for to_records()).
pybind11::dict record_to_dict(pybind11::handle record);

}  // namespace crm::python
