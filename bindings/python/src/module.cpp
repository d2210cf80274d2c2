// The _crmcore extension module; the crmcore package re-exports it.
#include <pybind11/pybind11.h>

#include "crm/version.hpp"
#include "py_bindings.hpp"
#include "py_convert.hpp"
#include "py_errors.hpp"
#include "py_filter.hpp"
#include "py_stores.hpp"

PYBIND11_MODULE(_crmcore, module) {
  module.doc() = "The native part of crmcore: records, stores and the database connection.";
  crm::python::import_datetime();
  crm::python::register_errors(module);
  crm::python::register_values(module);
  crm::python::register_record_fields(module);
  crm::python::register_records(module);
  crm::python::register_database(module);
  crm::python::register_custom_fields(module);
  crm::python::register_sales(module);
  crm::python::register_leads(module);
  crm::python::register_activities(module);
  crm::python::register_filters(module);
  crm::python::register_filter_builder(module);
  crm::python::register_segments(module);
  crm::python::register_search(module);
  crm::python::register_duplicates(module);
  crm::python::register_campaigns(module);
  crm::python::register_users(module);
  crm::python::register_audit(module);
  crm::python::register_privacy(module);
  crm::python::register_changes(module);
  crm::python::register_currencies(module);
  crm::python::register_reports(module);
  crm::python::register_imports(module);
  crm::python::register_exports(module);
  module.attr("__version__") = crm::kVersionString;
}
