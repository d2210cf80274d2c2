// Exports from Python: db.export(kind, path or file, format, where=...,
// segment=...) writes CSV or JSON and returns the rows written.
#include <cstring>
#include <optional>
#include <streambuf>
#include <vector>

#include "crm/crm.hpp"
#include "py_convert.hpp"
#include "py_database.hpp"
#include "py_enums.hpp"
#include "py_filter.hpp"
#include "py_stores.hpp"

namespace py = pybind11;

namespace crm::python {
namespace {

/// Bytes at the end of `data` that begin a UTF-8 character not yet complete.
std::size_t incomplete_utf8_tail(const char* data, std::size_t size) {
  std::size_t start = size;
  while (start > 0 && size - start < 3 && (static_cast<unsigned char>(data[start - 1]) & 0xC0) == 0x80) --start;
  if (start == 0) return 0;
  const auto lead = static_cast<unsigned char>(data[start - 1]);
  const std::size_t length = lead < 0x80 ? 1 : (lead & 0xE0) == 0xC0 ? 2 : (lead & 0xF0) == 0xE0 ? 3 : 4;
  const std::size_t have = size - start + 1;
  return have < length ? have : 0;
}

/// A stream buffer that hands what is written to a Python file object's
/// write(), 64 KiB at a time: str for a text file (whole UTF-8 characters),
/// bytes for a binary one. It takes the GIL for each call, so the export can
/// run with the GIL released. Make and destroy it with the GIL held. An
/// exception raised by write() fails the stream and is kept in `raised`.
class PythonFileBuffer : public std::streambuf {
 public:
  PythonFileBuffer(py::handle file, bool text) : write_(file.attr("write")), text_(text), buffer_(1 << 16) {
    setp(buffer_.data(), buffer_.data() + buffer_.size());
  }

  /// What write() raised, to raise again once the export has ended.
  std::optional<py::error_already_set> raised;

 protected:
  int_type overflow(int_type c) override {
    if (!drain()) return traits_type::eof();
    if (!traits_type::eq_int_type(c, traits_type::eof())) {
      *pptr() = traits_type::to_char_type(c);
      pbump(1);
    }
    return traits_type::not_eof(c);
  }

  int sync() override { return drain() ? 0 : -1; }

 private:
  // Writes the buffered text to the file, keeping an unfinished character.
  bool drain() {
    if (raised) return false;
    const std::size_t size = static_cast<std::size_t>(pptr() - pbase());
    const std::size_t keep = text_ ? incomplete_utf8_tail(pbase(), size) : 0;
    if (size > keep) {
      py::gil_scoped_acquire gil;
      try {
        if (text_)
          write_(py::str(pbase(), size - keep));
        else
          write_(py::bytes(pbase(), size - keep));
      } catch (py::error_already_set& error) {
        raised = std::move(error);
        return false;
      }
    }
    std::memmove(buffer_.data(), pbase() + (size - keep), keep);
    setp(buffer_.data(), buffer_.data() + buffer_.size());
    pbump(static_cast<int>(keep));
    return true;
  }

  py::object write_;
  bool text_;
  std::vector<char> buffer_;
};

ExportFormat format_named(const std::string& name) {
  return enum_from_name(name, export_format_from_name, "export.format", "'csv', 'json'");
}

char delimiter_of(const std::string& text) {
  if (text.size() != 1)
    throw Error(ErrorCode::invalid_argument, "export.delimiter: '" + text + "' is not one character (',', ';' or '\\t')",
                "delimiter");
  return text.front();
}

/// Exports to a file object: text files (io.TextIOBase) get str, others bytes.
std::int64_t export_to_file_object(const SharedDatabase& db, py::handle file, const ExportOptions& options) {
  const bool text = py::isinstance(file, py::module_::import("io").attr("TextIOBase"));
  PythonFileBuffer buffer(file, text);
  std::ostream out(&buffer);
  std::int64_t rows = 0;
  try {
    rows = db->run([&](Database& d) { return d.exports().write(out, options); });
  } catch (...) {
    if (buffer.raised) throw std::move(*buffer.raised);  // the file's own error explains the failure
    throw;
  }
  return rows;
}

std::int64_t run_export(const SharedDatabase& db, const std::string& kind, py::handle target,
                        const std::string& format, const Filters& filters, const std::string& delimiter,
                        bool escape_formulas) {
  ExportOptions options;
  options.kind = record_kind_named(kind, "export.kind");
  options.format = format_named(format);
  options.query = filters.query();
  options.delimiter = delimiter_of(delimiter);
  options.escape_formulas = escape_formulas;
  if (py::hasattr(target, "write")) return export_to_file_object(db, target, options);
  const std::string path = path_from_python(target);
  return db->run([&](Database& d) { return d.exports().write_file(path, options); });
}

}  // namespace

void register_exports(py::module_& m) {
  database_class(m).def(
      "export",
      [](const SharedDatabase& db, const std::string& kind, py::handle target, const std::string& format,
         const WhereText& where, SegmentId segment, const std::string& delimiter, const std::string& owner,
         const std::string& tag, const std::string& country, const std::string& deleted, const std::string& sort,
         const std::string& sort_field, bool descending, bool escape_formulas) {
        const Filters filters{owner, tag, country, where.text, segment, deleted, sort, sort_field, descending,
                              kDefaultPageSize};
        return run_export(db, kind, target, format, filters, delimiter, escape_formulas);
      },
      py::arg("kind"), py::arg("target"), py::arg("format") = "csv", py::kw_only(), py::arg("where") = py::none(),
      py::arg("segment") = py::none(), py::arg("delimiter") = ",", py::arg("owner") = "", py::arg("tag") = "",
      py::arg("country") = "", py::arg("deleted") = "exclude", py::arg("sort") = "name", py::arg("sort_field") = "",
      py::arg("descending") = false, py::arg("escape_formulas") = true,
      "Writes the records of `kind` ('account', 'contact', 'lead', 'opportunity', 'activity') to `target` in "
      "`format` ('csv' or 'json'); returns how many were written. `target` is a path (str or os.PathLike: the file "
      "is written under a temporary name and renamed into place, so it never holds half an export) or a file "
      "object with write() (a text file gets str, open it with newline='' for CSV; a binary one gets UTF-8 bytes; it "
      "must not use this database). Which records: where (segment-language text or a Filter), segment (id or "
      "Segment, of the same kind), owner, tag, country, deleted ('exclude', 'include', 'only'); order: sort or "
      "sort_field, descending. CSV: a header row of column names (then custom fields by name), delimiter ',', ';' "
      "or '\\t'; escape_formulas (default True) writes a \"'\" before a cell a spreadsheet would run as a formula "
      "(one beginning with '=', '+', '-', '@', tab or CR, numbers and phone numbers such as '-5.00' or '+371 2...' "
      "excepted), which the import drops again; False writes cells as they are, for programs. JSON: an array of objects; money as decimal strings. Deal line items are not exported.");
}

}  // namespace crm::python
