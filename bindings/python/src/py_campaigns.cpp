// Where customers come from: lead sources (db.lead_sources) and marketing
// campaigns with their cost (db.campaigns).
#include <pybind11/operators.h>

#include "crm/crm.hpp"
#include "py_enums.hpp"
#include "py_money.hpp"
#include "py_stores.hpp"

namespace py = pybind11;

namespace crm::python {
namespace {

constexpr const char* kChannels =
    "'web', 'email', 'sms', 'event', 'banner', 'referral', 'cold_call', 'social', 'print', 'partner', 'other'";

CampaignChannel channel_named(const std::string& name) {
  return enum_from_name(name, campaign_channel_from_name, "campaign.channel", kChannels);
}

struct PyLeadSources {
  SharedDatabase db;
};

struct PyCampaigns {
  SharedDatabase db;
};

void bind_lead_sources(py::module_& m) {
  py::class_<LeadSource>(m, "LeadSource", "A lead source: how a customer found us ('web', 'referral').")
      .def_readonly("id", &LeadSource::id, "Row id.")
      .def_readonly("name", &LeadSource::name, "As first written; unique ignoring case and diacritics.")
      .def("to_dict", [](py::handle self) { return record_to_dict(self); }, "The fields as a dict.")
      .def("__eq__", [](const LeadSource& a, const LeadSource& b) { return a.id == b.id && a.name == b.name; })
      .def("__repr__", [](const LeadSource& s) { return "<LeadSource " + id_label(s.id) + " " + quoted(s.name) + ">"; })
      .attr("_fields") = py::make_tuple("id", "name");

  py::class_<PyLeadSources>(m, "LeadSources",
                            "The lead sources: db.lead_sources. A record naming an unknown source adds it, so "
                            "'Web' and 'web' are one source; this list renames and tidies them.")
      .def(
          "add",
          [](PyLeadSources& self, const std::string& name) {
            return self.db->run([&](Database& d) { return d.lead_sources().add(name); });
          },
          py::arg("name"), "Adds a source; AlreadyExistsError when the name is taken, ValidationError when empty.")
      .def(
          "get",
          [](PyLeadSources& self, LeadSourceId id) {
            return self.db->run([&](Database& d) { return d.lead_sources().get(id); });
          },
          py::arg("source"), "The source with this id (a LeadSource is accepted too); NotFoundError if none.")
      .def(
          "find",
          [](PyLeadSources& self, const std::string& name) {
            return self.db->run([&](Database& d) { return d.lead_sources().find(name); });
          },
          py::arg("name"), "The source called `name` (ignoring case and diacritics), or None.")
      .def(
          "list", [](PyLeadSources& self) { return self.db->run([](Database& d) { return d.lead_sources().list(); }); },
          "Every source, by name (a list).")
      .def(
          "rename",
          [](PyLeadSources& self, LeadSourceId id, const std::string& name) {
            return self.db->run([&](Database& d) { return d.lead_sources().rename(id, name); });
          },
          py::arg("source"), py::arg("name"),
          "Renames a source; every record pointing to it shows the new name. AlreadyExistsError when taken.")
      .def(
          "remove",
          [](PyLeadSources& self, LeadSourceId id) { self.db->run([&](Database& d) { d.lead_sources().remove(id); }); },
          py::arg("source"), "Removes a source no record or campaign points to; ConflictError saying how many do.")
      .def("__repr__", [](PyLeadSources&) { return std::string("<crmcore lead sources>"); });
}

std::string campaign_repr(const Campaign& c) {
  return "<Campaign " + id_label(c.id) + " " + quoted(c.name) + " " + std::string(campaign_channel_name(c.channel)) +
         " " + c.cost.to_string() + " v" + std::to_string(c.version) + ">";
}

void bind_campaign(py::module_& m) {
  py::class_<Campaign> campaign(m, "Campaign",
                                "A marketing campaign and its cost. Set fields as attributes or keyword arguments "
                                "to Campaigns.create()/update(); records name it in their `campaign` field.");
  campaign.def(py::init<>(), "An empty campaign; fill it and pass it to db.campaigns.create().")
      .def_readonly("id", &Campaign::id, "Row id, None before it is stored.")
      .def_readwrite("name", &Campaign::name, "Required; unique ignoring case and diacritics.")
      .def_property(
          "channel", [](const Campaign& c) { return std::string(campaign_channel_name(c.channel)); },
          [](Campaign& c, const std::string& name) { c.channel = channel_named(name); },
          "Where it runs: 'web', 'email', 'sms', 'event', 'banner', 'referral', 'cold_call', 'social', 'print', "
          "'partner' or 'other' (the default).")
      .def_readwrite("starts_on", &Campaign::starts_on,
                     "First day (datetime.date), or None; its cost is converted on this day in reports.")
      .def_readwrite("ends_on", &Campaign::ends_on, "Last day (datetime.date), or None; not before starts_on.")
      .def_readwrite("cost", &Campaign::cost, "What it cost so far (crmcore.Money); not negative.")
      .def_readwrite("budget", &Campaign::budget,
                     "What it may cost (crmcore.Money in the cost's currency), or None.")
      .def_readwrite("lead_source", &Campaign::lead_source,
                     "The lead source its leads count under, by name (added when new); may be empty.")
      .def_readwrite("owner", &Campaign::owner, "The responsible user.")
      .def_readwrite("description", &Campaign::description, "Free text.")
      .def("__repr__", &campaign_repr);
  bind_record_stamps(campaign);
  campaign.attr("_fields") = py::make_tuple("id", "version", "name", "channel", "starts_on", "ends_on", "cost", "budget",
                                            "lead_source", "owner", "description", "created_at", "updated_at");
}

void bind_campaigns_store(py::module_& m) {
  py::class_<PyCampaigns>(m, "Campaigns", "The marketing campaigns: db.campaigns.")
      .def(
          "create",
          [](PyCampaigns& self, py::object record, const py::kwargs& fields) {
            const Campaign data = with_fields<Campaign>(record, fields, "create");
            return self.db->run([&](Database& d) { return d.campaigns().create(data); });
          },
          py::arg("record") = py::none(),
          "Stores a campaign from a record (or dict) and/or keyword fields. ValidationError naming the field (empty "
          "name, end before start, negative cost, budget in another currency), AlreadyExistsError for a taken name.")
      .def(
          "get",
          [](PyCampaigns& self, CampaignId id) { return self.db->run([&](Database& d) { return d.campaigns().get(id); }); },
          py::arg("campaign"), "The campaign with this id (a Campaign is accepted too); NotFoundError if none.")
      .def(
          "find",
          [](PyCampaigns& self, const std::string& name) {
            return self.db->run([&](Database& d) { return d.campaigns().find(name); });
          },
          py::arg("name"), "The campaign called `name` (ignoring case and diacritics), or None.")
      .def(
          "list", [](PyCampaigns& self) { return self.db->run([](Database& d) { return d.campaigns().list(); }); },
          "Every campaign, by start date (undated last), then name (a list).")
      .def(
          "update",
          [](PyCampaigns& self, py::object record, const py::kwargs& fields) {
            const Campaign data = with_fields<Campaign>(record, fields, "update");
            return self.db->run([&](Database& d) { return d.campaigns().update(data); });
          },
          py::arg("record"),
          "Saves the campaign, with keyword fields applied, if its version is still the stored one (else "
          "ConflictError, nothing written); returns the stored campaign.")
      .def(
          "remove",
          [](PyCampaigns& self, CampaignId id) { self.db->run([&](Database& d) { d.campaigns().remove(id); }); },
          py::arg("campaign"), "Deletes a campaign no record points to; ConflictError saying how many still do.")
      .def("__repr__", [](PyCampaigns&) { return std::string("<crmcore campaigns>"); });
}

}  // namespace

void register_campaigns(py::module_& m) {
  bind_lead_sources(m);
  bind_campaign(m);
  bind_campaigns_store(m);
  add_store_property<PyLeadSources>(m, "lead_sources", "The lead sources records name their origin from.");
  add_store_property<PyCampaigns>(m, "campaigns", "The marketing campaigns and their cost.");
}

}  // namespace crm::python
