// Text arguments take str only. pybind11 reads bytes into a std::string as
// they are; here bytes (and bytearray) are refused with TypeError like any
// other type that is not str, so b"Anna" cannot pass for "Anna".
//
// An explicit specialization must be seen before any use of the caster in
// every source of the module, so CMake includes this file first in each one
// (-include); no source includes it itself.
#pragma once

#include <string>

#include <pybind11/pybind11.h>

namespace pybind11::detail {

template <>
struct type_caster<std::string> : string_caster<std::string> {
  bool load(handle source, bool convert) {
    if (!source || !PyUnicode_Check(source.ptr())) return false;
    return string_caster<std::string>::load(source, convert);
  }
};

}  // namespace pybind11::detail
