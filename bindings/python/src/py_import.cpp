// CSV imports from Python: db.import_csv(path or file, kind, ...) returning
// an ImportResult with counts, the refused rows and the duplicates seen.
#include <sstream>

#include <pybind11/functional.h>
#include <pybind11/stl.h>

#include "crm/crm.hpp"
#include "py_convert.hpp"
#include "py_database.hpp"
#include "py_enums.hpp"

namespace py = pybind11;

namespace crm::python {
namespace {

// The keyword arguments of import_csv() as ImportOptions.
ImportOptions import_options(const std::string& kind, const std::string& encoding, const std::string& delimiter,
                             const std::map<std::string, std::string>& columns,
                             const std::map<std::string, std::map<std::string, std::string>>& values,
                             const std::map<std::string, std::string>& compose, const std::string& mode,
                             const std::string& key, const std::string& on_duplicate, const std::string& policy,
                             const std::string& date_order, bool create_owners, bool dry_run,
                             bool all_or_nothing, std::size_t batch_rows) {
  ImportOptions options;
  options.kind = record_kind_named(kind, "import.kind");
  options.encoding = encoding;
  if (delimiter.size() > 1)
    throw Error(ErrorCode::invalid_argument, "import.delimiter: one character, or '' to detect it", "delimiter");
  options.delimiter = delimiter.empty() ? '\0' : delimiter.front();
  options.columns = columns;
  options.values = values;
  options.compose = compose;
  options.mode = enum_from_name(mode, import_mode_from_name, "import.mode", "'insert', 'upsert'");
  options.key = enum_from_name(key, import_key_from_name, "import.key",
                               "'external_ref', 'email', 'phone', 'registration_number'");
  options.on_duplicate = enum_from_name(on_duplicate, duplicate_action_from_name, "import.on_duplicate",
                                        "'ignore', 'report', 'skip', 'merge'");
  options.policy = enum_from_name(policy, cell_policy_from_name, "import.policy", "'strict', 'lenient'");
  options.date_order = enum_from_name(date_order, date_order_from_name, "import.date_order",
                                      "'detect', 'day_first', 'month_first'");
  options.create_owners = create_owners;
  options.dry_run = dry_run;
  options.all_or_nothing = all_or_nothing;
  options.batch_rows = batch_rows;
  return options;
}

// Calls the Python progress callback with the GIL held; an exception it
// raises stops the import and is raised again once the import has ended.
struct ProgressRelay {
  py::object callback;
  std::optional<py::error_already_set> raised;

  bool operator()(const ImportProgress& progress) {
    py::gil_scoped_acquire gil;
    try {
      py::object answer = callback(progress);
      return answer.is_none() || py::bool_(answer);
    } catch (py::error_already_set& error) {
      raised = std::move(error);
      return false;
    }
  }
};

ImportResult run_import(const SharedDatabase& db, py::handle source, ImportOptions options, py::object progress) {
  auto relay = std::make_shared<ProgressRelay>();
  if (!progress.is_none()) {
    relay->callback = progress;
    options.progress = [relay](const ImportProgress& p) { return (*relay)(p); };
  }
  ImportResult result;
  if (py::hasattr(source, "read")) {
    py::object content = source.attr("read")();
    const bool decoded = !py::isinstance<py::bytes>(content);  // a text file: Python decoded it already
    std::string text = decoded ? py::str(content).cast<std::string>()
                               : static_cast<std::string>(py::reinterpret_borrow<py::bytes>(content));
    if (decoded) options.encoding = "UTF-8";
    result = db->run([&](Database& d) {
      std::istringstream in(std::move(text));
      return d.imports().read(in, options);
    });
  } else {
    const std::string path = path_from_python(source);
    result = db->run([&](Database& d) { return d.imports().read_file(path, options); });
  }
  if (relay->raised) throw std::move(*relay->raised);
  return result;
}

void bind_org_types(py::module_& m) {
  py::class_<OrgFileResult>(m, "OrgFileResult", "What importing one file of an org export did.")
      .def_readonly("file", &OrgFileResult::file, "The file's name in the folder ('Account.csv').")
      .def_readonly("kind", &OrgFileResult::kind,
                    "The kind of its rows ('account', ...), or of its links ('campaign', 'campaign_member', "
                    "'employment').")
      .def_readonly("pass_", &OrgFileResult::pass, "1, or 2 for the second pass (links to later rows).")
      .def_readonly("result", &OrgFileResult::result, "Its ImportResult: counts, errors, warnings.")
      .def_readonly("custom_fields", &OrgFileResult::custom_fields,
                    "{header: custom field name}: the headers no field takes, kept as custom fields of the kind.")
      .def("__repr__", [](const OrgFileResult& f) {
        return "<OrgFileResult " + f.file + " pass " + std::to_string(f.pass) + ": " +
               std::to_string(f.result.inserted) + " inserted, " + std::to_string(f.result.failed) + " failed>";
      });
  py::class_<OrgImportResult>(m, "OrgImportResult", "What Database.import_org() did.")
      .def_readonly("files", &OrgImportResult::files, "OrgFileResult per file and pass, in import order.")
      .def_readonly("unused_files", &OrgImportResult::unused_files, "CSV files of the folder the preset does not name.");
  m.def("org_preset_names", &org_preset_names, "The built-in org presets ('maven', 'salesforce').");
  m.def("org_preset", &org_preset, py::arg("name"),
        "The JSON text of a built-in org preset, to copy, change and pass to Database.import_org(source=path).");
}

void bind_result_types(py::module_& m) {
  py::class_<ImportProgress>(m, "ImportProgress", "How far an import has come (passed to the progress callback).")
      .def_readonly("rows", &ImportProgress::rows, "Data rows read so far.")
      .def_readonly("bytes", &ImportProgress::bytes, "Bytes of the input read so far.")
      .def_readonly("total_bytes", &ImportProgress::total_bytes, "Size of the input when known, else 0.")
      .def_readonly("imported", &ImportProgress::imported, "Rows inserted or updated so far.")
      .def_readonly("failed", &ImportProgress::failed, "Rows refused so far.")
      .def("__repr__", [](const ImportProgress& p) {
        return "<ImportProgress rows=" + std::to_string(p.rows) + " imported=" + std::to_string(p.imported) +
               " failed=" + std::to_string(p.failed) + ">";
      });
  py::class_<ImportIssue>(m, "ImportIssue", "A row (or a cell of it) that was not imported.")
      .def_readonly("line", &ImportIssue::line, "1-based line of the file on which the row starts.")
      .def_readonly("column", &ImportIssue::column, "The header of the offending cell, or '' for the whole row.")
      .def_readonly("message", &ImportIssue::message, "What is wrong.")
      .def("__repr__", [](const ImportIssue& i) {
        return "<ImportIssue line " + std::to_string(i.line) + " [" + i.column + "]: " + i.message + ">";
      });
  py::class_<ImportDuplicate>(m, "ImportDuplicate", "A row that looked like a stored record.")
      .def_readonly("line", &ImportDuplicate::line, "1-based line of the row.")
      .def_property_readonly("record_id", [](const ImportDuplicate& d) { return d.match.id; },
                             "Id of the stored record it resembles.")
      .def_property_readonly("score", [](const ImportDuplicate& d) { return d.match.score; }, "1..100.")
      .def_property_readonly(
          "reasons",
          [](const ImportDuplicate& d) {
            std::vector<std::string> names;
            for (DuplicateReason reason : d.match.reasons) names.emplace_back(duplicate_reason_name(reason));
            return names;
          },
          "Why it looks the same ('same_email', 'same_phone', ...).")
      .def_property_readonly("action", [](const ImportDuplicate& d) { return std::string(duplicate_action_name(d.action)); },
                             "What was done: 'report', 'skip' or 'merge'.");
  py::class_<ImportResult>(m, "ImportResult", "What an import did.")
      .def_readonly("rows", &ImportResult::rows, "Data rows read.")
      .def_readonly("inserted", &ImportResult::inserted, "New records (or that would have been, in a dry run).")
      .def_readonly("updated", &ImportResult::updated, "Records updated by upsert or merge.")
      .def_readonly("unchanged", &ImportResult::unchanged,
                    "Rows whose record already held their data (upsert, merge): nothing written.")
      .def_readonly("skipped", &ImportResult::skipped, "Rows skipped as duplicates.")
      .def_readonly("failed", &ImportResult::failed, "Rows refused; the first 1000 are in errors.")
      .def_readonly("errors", &ImportResult::errors, "ImportIssue per refused row, in file order.")
      .def_readonly("warned", &ImportResult::warned,
                    "Cells left out of imported rows (policy='lenient'); the first 1000 are in warnings.")
      .def_readonly("warnings", &ImportResult::warnings,
                    "ImportIssue per cell left out of an imported row (line, header, why), in file order.")
      .def_readonly("duplicates", &ImportResult::duplicates, "ImportDuplicate per row like a stored record.")
      .def_readonly("mapping", &ImportResult::mapping, "Header to column, as used.")
      .def_readonly("ignored_headers", &ImportResult::ignored_headers, "Headers that mapped to nothing.")
      .def_readonly("users_created", &ImportResult::users_created,
                    "Logins of the users added for owner cells that named no user (create_owners=True).")
      .def_readonly("committed", &ImportResult::committed,
                    "True when the written rows are in the database (False for a dry run or a failed "
                    "all-or-nothing import).")
      .def_readonly("stopped", &ImportResult::stopped, "True when the progress callback stopped the import.")
      .def("__repr__", [](const ImportResult& r) {
        return "<ImportResult rows=" + std::to_string(r.rows) + " inserted=" + std::to_string(r.inserted) +
               " updated=" + std::to_string(r.updated) + " skipped=" + std::to_string(r.skipped) +
               " failed=" + std::to_string(r.failed) +
               (r.warned ? " warned=" + std::to_string(r.warned) : std::string()) + (r.committed ? "" : " not committed") + ">";
      });
}

}  // namespace

void register_imports(py::module_& m) {
  bind_result_types(m);
  bind_org_types(m);
  database_class(m).def(
      "import_org",
      [](const SharedDatabase& db, py::handle path, const std::string& source, const std::string& policy,
         const std::string& date_order) {
        OrgImportOptions options;
        options.preset = source;
        options.policy = enum_from_name(policy, cell_policy_from_name, "import_org.policy", "'strict', 'lenient'");
        options.date_order = enum_from_name(date_order, date_order_from_name, "import_org.date_order",
                                            "'detect', 'day_first', 'month_first'");
        const std::string directory = path_from_python(path);
        return db->run([&](Database& d) { return d.imports().read_org(directory, options); });
      },
      py::arg("path"), py::kw_only(), py::arg("source") = "salesforce", py::arg("policy") = "lenient",
      py::arg("date_order") = "detect",
      "Imports another CRM's export folder whole: every file the preset names, in its order (accounts before "
      "the contacts and deals naming them, links to later rows in a second pass), each by upsert on its "
      "external_ref, so running it again creates nothing twice. source: a built-in preset ('salesforce', 'generic', "
      "'hubspot', 'maven'; crmcore.org_preset(name) gives its text) or the path of a preset file. Returns an "
      "OrgImportResult with one ImportResult per file and pass. A header no field takes that holds a value "
      "becomes a custom field of the kind (OrgFileResult.custom_fields), so nothing is dropped.");
  database_class(m).def(
      "import_csv",
      [](const SharedDatabase& db, py::handle source, const std::string& kind, const std::string& encoding,
         const std::string& delimiter, const std::map<std::string, std::string>& columns,
         const std::map<std::string, std::map<std::string, std::string>>& values,
         const std::map<std::string, std::string>& compose, const std::string& mode, const std::string& key, const std::string& on_duplicate, const std::string& policy,
         const std::string& date_order, bool create_owners, bool dry_run, bool all_or_nothing,
         IntArg<std::size_t> batch_rows, py::object progress) {
        return run_import(db, source,
                          import_options(kind, encoding, delimiter, columns, values, compose, mode, key, on_duplicate, policy,
                                         date_order, create_owners, dry_run, all_or_nothing, batch_rows),
                          std::move(progress));
      },
      py::arg("source"), py::arg("kind") = "contact", py::kw_only(), py::arg("encoding") = "UTF-8",
      py::arg("delimiter") = "", py::arg("columns") = std::map<std::string, std::string>{},
      py::arg("values") = std::map<std::string, std::map<std::string, std::string>>{},
      py::arg("compose") = std::map<std::string, std::string>{}, py::arg("mode") = "insert", py::arg("key") = "external_ref", py::arg("on_duplicate") = "report",
      py::arg("policy") = "strict", py::arg("date_order") = "detect", py::arg("create_owners") = true,
      py::arg("dry_run") = false, py::arg("all_or_nothing") = false, py::arg("batch_rows") = kDefaultBatchRows,
      py::arg("progress") = py::none(),
      "Imports records of kind ('account', 'contact', 'lead', 'opportunity', 'activity') from a CSV file: a "
      "path (read in one streaming pass) or an open file object (read whole first; a text file is already "
      "decoded, so encoding applies to paths and binary files). Headers map to fields by "
      "name (English spreadsheet headers and the library's field names) or as columns={header: column} says "
      "(custom fields by name, '' to ignore). values={header: {cell: replacement}} reads whole cells of a "
      "header as other text, ignoring case ({'StageName': {'Closed Won': 'Won'}}: an old CRM's picklists). compose={column: template} makes a column the file lacks from other cells: "
      "'{Header}' is that header's cell, '{#line}' the row's line, the rest literal ({'name': '{product} — "
      "{account}'}; text beside a blank cell is dropped). encoding: 'UTF-8', 'WINDOWS-1257', 'WINDOWS-1251', ...; "
      "delimiter: ',', ';', '\\t' or '' to detect. mode 'insert' or 'upsert' by key ('external_ref', 'email', "
      "'phone', 'registration_number'); on_duplicate: 'ignore', 'report', 'skip' or 'merge' for rows like "
      "stored accounts and contacts. policy 'strict' refuses a row with any bad cell; 'lenient' leaves a bad "
      "optional cell out (ImportResult.warnings) and imports the row, keeping an unreadable phone as written "
      "(Phone.unreadable); required cells still refuse it. date_order: how '7/3/2025' is read: 'detect' (per "
      "column, from a date only one order can read), 'day_first' or 'month_first'. create_owners: an owner cell "
      "naming no user adds an active user with that login (ImportResult.users_created); False refuses such "
      "cells. dry_run checks everything and writes nothing; all_or_nothing writes "
      "nothing when a row fails. progress(ImportProgress) is called after every batch_rows rows; returning "
      "False stops the import. The callback must not use this database (the import holds it). Rows that fail are reported in ImportResult.errors; problems with the file as "
      "a whole raise (ValidationError, NotFoundError, ...).");
}

}  // namespace crm::python
