// crmcore.Error and one subclass per error code, and the translation of
// crm::Error into them.
#pragma once

#include <pybind11/pybind11.h>

namespace crm::python {

/// Creates the exception classes in `module` and registers the translator.
void register_errors(pybind11::module_& module);

}  // namespace crm::python
