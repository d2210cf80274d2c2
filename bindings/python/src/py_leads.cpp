// Leads and their conversion into an account, a contact and a deal.
#include "crm/crm.hpp"
#include "py_enums.hpp"
#include "py_stores.hpp"

namespace py = pybind11;

namespace crm::python {
namespace {

LeadStatus lead_status(const std::string& name) {
  return enum_from_name(name, lead_status_from_name, "lead.status", "'new', 'contacted', 'qualified', 'disqualified'");
}

struct LeadTraits : PlainTraits<Lead, LeadId, &Database::leads> {
  static constexpr const char* noun = "lead";
  static constexpr const char* plural = "leads";
};

void bind_lead(py::module_& m) {
  py::class_<Lead> lead(m, "Lead",
                        "A lead: interest not yet qualified. Needs a person's or a company name. Set fields as "
                        "attributes or keyword arguments to Leads.create()/update().");
  lead.def(py::init<>(), "An empty lead; fill it and pass it to db.leads.create().")
      .def_readonly("id", &Lead::id, "Row id, None before it is stored.")
      .def_readwrite("first_name", &Lead::first_name, "Given name(s).")
      .def_readwrite("last_name", &Lead::last_name, "Family name.")
      .def_readwrite("company_name", &Lead::company_name, "The organization's name.")
      .def_readwrite("email", &Lead::email, "Email address.")
      .def_readwrite("phone", &Lead::phone, "Phone number as written.")
      .def_readonly("phone_e164", &Lead::phone_e164, "The phone in E.164, set when stored.")
      .def_readwrite("source", &Lead::source,
                     "Where the interest came from: a lead source by name ('web form', 'fair'), added to "
                     "db.lead_sources when new.")
      .def_readwrite("campaign", &Lead::campaign, "The campaign that brought the lead, by name; it must exist.")
      .def_readwrite("job_title", &Lead::job_title, "The person's job title.")
      .def_readwrite("industry", &Lead::industry, "The company's industry.")
      .def_property(
          "status", [](const Lead& l) { return std::string(lead_status_name(l.status)); },
          [](Lead& l, const std::string& status) { l.status = lead_status(status); },
          "'new', 'contacted', 'qualified' or 'disqualified'.")
      .def_readwrite("disqualified_reason", &Lead::disqualified_reason, "Required when disqualified, else empty.")
      .def_readwrite("country", &Lead::country, "ISO 3166-1 alpha-2.")
      .def_readwrite("owner", &Lead::owner, "The responsible user.")
      .def_readwrite("external_ref", &Lead::external_ref, "The embedding system's key; unique when set.")
      .def_readwrite("description", &Lead::description, "Free text.")
      .def_readwrite("tags", &Lead::tags, "Labels (assign a new list to change them).")
      .def_readonly("converted_at", &Lead::converted_at, "When converted (UTC datetime), or None.")
      .def_readonly("converted_account", &Lead::converted_account, "The account it became, or None.")
      .def_readonly("converted_contact", &Lead::converted_contact, "The contact it became, or None.")
      .def_readonly("converted_opportunity", &Lead::converted_opportunity, "The deal it became, or None.")
      .def("__repr__", [](const Lead& l) {
        const std::string person = l.first_name.empty() ? l.last_name : l.first_name + " " + l.last_name;
        const std::string name = person.empty() ? l.company_name
                                 : l.company_name.empty() ? person
                                                          : person + " (" + l.company_name + ")";
        return "<Lead " + id_label(l.id) + " " + quoted(name) + " " + std::string(lead_status_name(l.status)) +
               " v" + std::to_string(l.version) + (l.deleted_at ? " deleted" : "") + ">";
      });
  bind_record_stamps(lead);
  bind_custom_values(lead, RecordKind::lead);
  lead.attr("_fields") = py::make_tuple(
      "id", "version", "first_name", "last_name", "company_name", "email", "phone", "phone_e164", "source", "campaign",
      "job_title", "industry", "status", "disqualified_reason", "country", "owner", "external_ref", "description",
      "tags", "converted_at", "converted_account", "converted_contact", "converted_opportunity", "custom",
      "created_at", "updated_at", "deleted_at");

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
