// Leads and their conversion into an account, a contact and a deal.
#include "crm/crm.hpp"
#include "py_enums.hpp"
#include "py_fields.hpp"
#include "py_stores.hpp"

namespace py = pybind11;

namespace crm::python {
namespace {

struct LeadTraits : PlainTraits<Lead, LeadId, &Database::leads> {
  static constexpr const char* noun = "lead";
  static constexpr const char* plural = "leads";
};

void bind_lead(py::module_& m) {
  py::class_<Lead> lead(m, "Lead",
                        "A lead: interest not yet qualified. Needs a person's or a company name. Set fields as "
                        "attributes or keyword arguments to Leads.create()/update().");
  lead.def(py::init<>(), "An empty lead; fill it and pass it to db.leads.create().")
      .def("__repr__", [](const Lead& l) {
        const std::string person = l.first_name.empty() ? l.last_name : l.first_name + " " + l.last_name;
        const std::string name = person.empty() ? l.company_name
                                 : l.company_name.empty() ? person
                                                          : person + " (" + l.company_name + ")";
        return "<Lead " + id_label(l.id) + " " + quoted(name) + " " + std::string(lead_status_name(l.status)) +
               " v" + std::to_string(l.version) + (l.deleted_at ? " deleted" : "") + ">";
      });
  bind_record_fields(lead, RecordKind::lead);

  py::class_<LeadConversionResult>(m, "LeadConversion", "What Leads.convert() made.")
      .def_readonly("lead", &LeadConversionResult::lead, "The lead, now qualified and linked.")
      .def_readonly("account", &LeadConversionResult::account, "The account (new or the one given).")
      .def_readonly("contact", &LeadConversionResult::contact, "The contact (new or the one given).")
      .def_readonly("opportunity", &LeadConversionResult::opportunity, "The new deal, or None.")
      .def("__repr__", [](const LeadConversionResult& r) {
        return "<LeadConversion lead " + id_label(r.lead.id) + ": account " + id_label(r.account.id) + ", contact " +
               id_label(r.contact.id) + (r.opportunity ? ", opportunity " + id_label(r.opportunity->id) : "") + ">";
      });
}

void bind_leads_store(py::module_& m) {
  auto store = bind_record_store<LeadTraits>(m, "Leads", "The leads of a database: db.leads.");
  bind_lookups(store);
  store.def(
      "convert",
      [](PyStore<LeadTraits>& self, LeadId id, AccountId account, py::handle new_account, ContactId contact,
         py::handle new_contact, py::handle opportunity) {
        LeadConversion how;
        how.account = account;
        how.new_account = optional_record<Account>(new_account, "convert");
        how.contact = contact;
        how.new_contact = optional_record<Contact>(new_contact, "convert");
        how.opportunity = optional_record<Opportunity>(opportunity, "convert");
        return self.db->run([&](Database& d) { return d.leads().convert(id, how); });
      },
      py::arg("lead"), py::kw_only(), py::arg("account") = py::none(), py::arg("new_account") = py::none(),
      py::arg("contact") = py::none(), py::arg("new_contact") = py::none(), py::arg("opportunity") = py::none(),
      "Turns the lead into an account, a contact and, when `opportunity` (an Opportunity or a dict of its "
      "fields) is given, a deal, in one transaction. account/contact: existing ones to use; new_account/"
      "new_contact: an Account/Contact or dict for the new ones (default: made from the lead). Returns a "
      "LeadConversion; ConflictError when the lead is converted, disqualified or deleted.");
}

}  // namespace

void register_leads(py::module_& m) {
  bind_lead(m);
  bind_leads_store(m);
  add_store_property<PyStore<LeadTraits>>(m, "leads", "The leads.");
}

}  // namespace crm::python
