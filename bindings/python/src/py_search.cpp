// Full-text search from Python: db.search(text, kinds=None, limit=20) and
// the SearchHit objects it returns.
#include "crm/crm.hpp"
#include "py_enums.hpp"
#include "py_stores.hpp"

namespace py = pybind11;

namespace crm::python {
namespace {

// kinds=: None for every kind, one name ("contact") or an iterable of names.
std::vector<RecordKind> kinds_from(py::handle kinds) {
  std::vector<RecordKind> out;
  if (kinds.is_none()) return out;
  if (py::isinstance<py::str>(kinds)) {
    out.push_back(record_kind_named(kinds.cast<std::string>(), "kinds"));
    return out;
  }
  for (py::handle name : kinds) out.push_back(record_kind_named(name.cast<std::string>(), "kinds"));
  return out;
}

std::string hit_repr(const SearchHit& hit) {
  return "<SearchHit " + std::string(record_kind_name(hit.kind)) + " " + std::to_string(hit.id) + " " +
         quoted(hit.title) + ">";
}

void bind_search_hit(py::module_& m) {
  py::class_<SearchHit>(m, "SearchHit", "One record db.search() found.")
      .def_property_readonly(
          "kind", [](const SearchHit& h) { return std::string(record_kind_name(h.kind)); },
          "What the record is: 'account', 'contact', 'lead', 'opportunity' or 'activity'.")
      .def_readonly("id", &SearchHit::id, "The record's id; get it with db.<kind>s.get(id).")
      .def_readonly("title", &SearchHit::title, "Its name: a person's or company's, a deal's, an activity's subject.")
      .def_readonly("snippet", &SearchHit::snippet,
                    "An extract of its other indexed text with the matched words between '[' and ']'.")
      .def_readonly("score", &SearchHit::score, "Relevance, higher is better; compare within one search.")
      .def("__repr__", &hit_repr);
}

}  // namespace

void register_search(py::module_& m) {
  bind_search_hit(m);
  database_class(m).def(
      "search",
      [](PyDatabase& db, const std::string& text, py::handle kinds, IntArg<std::int64_t> limit) {
        check_search_limit(limit);  // here, as the C++ API takes a size_t
        const SearchQuery query{kinds_from(kinds), static_cast<std::size_t>(limit)};
        return db.run([&](Database& d) { return d.search().find(text, query); });
      },
      py::arg("text"), py::arg("kinds") = py::none(), py::arg("limit") = kDefaultSearchHits,
      "Full-text search over accounts, contacts, leads, deals and activities: a list of SearchHit, best first. "
      "Every word of text must occur in a record, ignoring case and diacritics ('berzina' finds 'Bērziņa'); "
      "names also as typed in Latin ('kozlowski' finds 'Kozłowski', 'mueller' 'Müller', 'ivanov' 'Иванов', "
      "'шевченко' 'Shevchenko'); "
      "'kov*' matches words that begin so; an email matches as written; a phone number in any written form "
      "finds that number. Quotes, AND/OR/NEAR and 'column:' are plain text. kinds: None (all), a kind name or "
      "a list of them ('account', 'contact', 'lead', 'opportunity', 'activity'); limit: 1..1000. "
      "ValidationError for blank text, a bad kind or limit.");
}

}  // namespace crm::python
