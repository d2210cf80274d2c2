// Sales: pipelines with their stages and lost reasons, the product catalog,
// and opportunities (deals) with their stage history.
#include <pybind11/operators.h>

#include "crm/crm.hpp"
#include "py_enums.hpp"
#include "py_fields.hpp"
#include "py_money.hpp"
#include "py_stores.hpp"

namespace py = pybind11;

namespace crm::python {
namespace {

constexpr const char* kStageKinds = "'open', 'won', 'lost'";

StageKind stage_kind(const std::string& name) {
  return enum_from_name(name, stage_kind_from_name, "stage.kind", kStageKinds);
}

Stage new_stage(std::string name, int probability, const std::string& kind) {
  Stage stage;
  stage.name = std::move(name);
  stage.probability = probability;
  stage.kind = stage_kind(kind);
  return stage;
}

std::vector<StageData> stage_data(py::handle stages) {
  const std::vector<Stage> given = items_from<Stage>(stages, "Stage");
  return {given.begin(), given.end()};
}

struct PyPipelines {
  SharedDatabase db;
};

struct PyProducts {
  SharedDatabase db;
};

struct OpportunityTraits {
  using Record = Opportunity;
  using Id = OpportunityId;
  using Filter = OpportunityFilter;
  static constexpr const char* noun = "opportunity";
  static constexpr const char* plural = "opportunities";
  static constexpr const char* extra_filter_doc =
      "; account, pipeline, stage (ids or records), open (True: open deals only, False: closed ones); country "
      "is not a filter of deals";
  static Opportunities& store(Database& d) { return d.opportunities(); }
  static Filter filter(const py::kwargs& extra, const char* method) {
    refuse_unknown(extra, method, {"account", "pipeline", "stage", "open"});
    return {keyword<AccountId>(extra, "account").value_or(AccountId()),
            keyword<PipelineId>(extra, "pipeline").value_or(PipelineId()),
            keyword<StageId>(extra, "stage").value_or(StageId()), keyword<bool>(extra, "open")};
  }
  static Page<Record> list(Database& d, const ListQuery& q, const Filter& f) { return d.opportunities().list(q, f); }
  static std::int64_t count(Database& d, const ListQuery& q, const Filter& f) { return d.opportunities().count(q, f); }
  static TablePage select(Database& d, const std::vector<std::string>& c, const ListQuery& q, const Filter& f) {
    return d.opportunities().select(c, q, f);
  }
  static std::vector<Column> selectable() { return Opportunities::selectable_columns(); }
};

void bind_pipeline_records(py::module_& m) {
  py::class_<Stage>(m, "Stage",
                    "A stage of a pipeline. Stage(name, probability, kind) describes a new one for "
                    "Pipelines.create(); kind is 'open', 'won' or 'lost'.")
      .def(py::init(&new_stage), py::arg("name"), py::arg("probability") = 0, py::arg("kind") = "open",
           "A stage description; probability is the default win chance 0..100 of deals in it.")
      .def_readonly("id", &Stage::id, "Row id, None before it is stored.")
      .def_readonly("pipeline", &Stage::pipeline, "The pipeline's id.")
      .def_readwrite("name", &Stage::name, "Unique within the pipeline (case-insensitive).")
      .def_readwrite("probability", &Stage::probability, "Default win probability of deals here, 0..100.")
      .def_property(
          "kind", [](const Stage& s) { return std::string(stage_kind_name(s.kind)); },
          [](Stage& s, const std::string& kind) { s.kind = stage_kind(kind); }, "'open', 'won' or 'lost'.")
      .def_readonly("position", &Stage::position, "1-based order within the pipeline.")
      .def_readonly("removed", &Stage::removed, "True once removed (kept for history).")
      .def("__repr__", [](const Stage& s) {
        return "<Stage " + id_label(s.id) + " " + quoted(s.name) + " " + std::string(stage_kind_name(s.kind)) + " " +
               std::to_string(s.probability) + "%" + (s.removed ? " removed" : "") + ">";
      });

  py::class_<Pipeline>(m, "Pipeline", "A sales pipeline and its active stages in order.")
      .def_readonly("id", &Pipeline::id, "Row id.")
      .def_readonly("name", &Pipeline::name, "Unique name (case-insensitive); Pipelines.rename() changes it.")
      .def_readonly("is_default", &Pipeline::is_default, "True for the pipeline new deals go to by default.")
      .def_readonly("stages", &Pipeline::stages, "The active stages, in order.")
      .def("first_open_stage", &Pipeline::first_open_stage, "The stage new deals start in.")
      .def("stage", &Pipeline::stage, py::return_value_policy::reference_internal, py::arg("name"),
           "The active stage with this name, ignoring case and diacritics; NotFoundError naming the stages if none.")
      .def("__repr__", [](const Pipeline& p) {
        return "<Pipeline " + id_label(p.id) + " " + quoted(p.name) + (p.is_default ? " default" : "") + " " +
               std::to_string(p.stages.size()) + " stages>";
      });

  py::class_<LostReason>(m, "LostReason", "A reason deals are lost, from a configurable list.")
      .def_readonly("id", &LostReason::id, "Row id.")
      .def_readonly("name", &LostReason::name, "Unique name (case-insensitive).")
      .def_readonly("active", &LostReason::active, "False once retired: stays on old deals, cannot be chosen.")
      .def("__repr__", [](const LostReason& r) {
        return "<LostReason " + id_label(r.id) + " " + quoted(r.name) + (r.active ? "" : " inactive") + ">";
      });
}

void bind_pipelines_store(py::module_& m) {
  py::class_<PyPipelines>(m, "Pipelines",
                          "Sales pipelines, their stages and the lost reasons: db.pipelines. A new database has "
                          "the default pipeline 'Sales'.")
      .def(
          "create",
          [](PyPipelines& self, const std::string& name, py::handle stages) {
            const std::vector<StageData> data = stage_data(stages);
            return self.db->run([&](Database& d) { return d.pipelines().create(name, data); });
          },
          py::arg("name"), py::arg("stages"),
          "A new pipeline with these stages in order: Stage objects or (name, probability, kind) tuples. Needs an "
          "open, a won and a lost stage.")
      .def(
          "get", [](PyPipelines& self, PipelineId id) { return self.db->run([&](Database& d) { return d.pipelines().get(id); }); },
          py::arg("pipeline"), "The pipeline with this id; NotFoundError if none.")
      .def(
          "find",
          [](PyPipelines& self, const std::string& name) {
            return self.db->run([&](Database& d) { return d.pipelines().find(name); });
          },
          py::arg("name"), "The pipeline with this name (case-insensitive), or None.")
      .def(
          "default", [](PyPipelines& self) { return self.db->run([](Database& d) { return d.pipelines().default_pipeline(); }); },
          "The default pipeline.")
      .def(
          "list", [](PyPipelines& self) { return self.db->run([](Database& d) { return d.pipelines().list(); }); },
          "Every pipeline, the default first, then by name.")
      .def(
          "rename",
          [](PyPipelines& self, PipelineId id, const std::string& name) {
            return self.db->run([&](Database& d) { return d.pipelines().rename(id, name); });
          },
          py::arg("pipeline"), py::arg("name"), "Renames a pipeline.")
      .def(
          "set_default",
          [](PyPipelines& self, PipelineId id) {
            return self.db->run([&](Database& d) { return d.pipelines().set_default(id); });
          },
          py::arg("pipeline"), "Makes this the default pipeline.")
      .def(
          "stage", [](PyPipelines& self, StageId id) { return self.db->run([&](Database& d) { return d.pipelines().stage(id); }); },
          py::arg("stage"), "The stage with this id (also a removed one).")
      .def(
          "add_stage",
          [](PyPipelines& self, PipelineId pipeline, const std::string& name, IntArg<int> probability, const std::string& kind,
             std::optional<int> position) {
            const Stage data = new_stage(name, probability, kind);
            return self.db->run([&](Database& d) { return d.pipelines().add_stage(pipeline, data, position); });
          },
          py::arg("pipeline"), py::arg("name"), py::arg("probability") = 0, py::arg("kind") = "open", py::kw_only(),
          py::arg("position") = py::none(),
          "Adds a stage at the 1-based position (default: after the last open stage).")
      .def(
          "update_stage",
          [](PyPipelines& self, StageId id, std::optional<std::string> name, std::optional<int> probability,
             std::optional<std::string> kind) {
            return self.db->run([&](Database& d) {
              Stage stage = d.pipelines().stage(id);
              if (name) stage.name = *name;
              if (probability) stage.probability = *probability;
              if (kind) stage.kind = stage_kind(*kind);
              return d.pipelines().update_stage(id, stage);
            });
          },
          py::arg("stage"), py::kw_only(), py::arg("name") = py::none(), py::arg("probability") = py::none(),
          py::arg("kind") = py::none(),
          "Renames a stage or changes its default probability or kind; deals in it keep their probability.")
      .def(
          "reorder_stages",
          [](PyPipelines& self, PipelineId pipeline, const std::vector<StageId>& order) {
            return self.db->run([&](Database& d) { return d.pipelines().reorder_stages(pipeline, order); });
          },
          py::arg("pipeline"), py::arg("order"), "Puts the active stages in this order (each exactly once).")
      .def(
          "remove_stage",
          [](PyPipelines& self, StageId id, StageId move_to) {
            return self.db->run([&](Database& d) { return d.pipelines().remove_stage(id, move_to); });
          },
          py::arg("stage"), py::arg("move_to") = py::none(),
          "Removes a stage; deals in it move to move_to (required when there are any), recorded in their history.")
      .def(
          "lost_reasons",
          [](PyPipelines& self, bool include_inactive) {
            return self.db->run([&](Database& d) { return d.pipelines().lost_reasons(include_inactive); });
          },
          py::arg("include_inactive") = false, "The lost reasons by name.")
      .def(
          "add_lost_reason",
          [](PyPipelines& self, const std::string& name) {
            return self.db->run([&](Database& d) { return d.pipelines().add_lost_reason(name); });
          },
          py::arg("name"), "Adds a lost reason; AlreadyExistsError when the name is taken.")
      .def(
          "set_lost_reason_active",
          [](PyPipelines& self, LostReasonId id, bool active) {
            return self.db->run([&](Database& d) { return d.pipelines().set_lost_reason_active(id, active); });
          },
          py::arg("reason"), py::arg("active"), "Activates or retires a lost reason.")
      .def(
          "find_lost_reason",
          [](PyPipelines& self, const std::string& name) {
            return self.db->run([&](Database& d) { return d.pipelines().find_lost_reason(name); });
          },
          py::arg("name"), "The active lost reason with this name, or None.")
      .def("__repr__", [](PyPipelines&) { return std::string("<crmcore pipelines>"); });
}

void bind_products(py::module_& m) {
  py::class_<Product> product(m, "Product",
                              "A product of the catalog. Set fields as attributes or keyword arguments to "
                              "Products.create()/update().");
  product.def(py::init<>(), "An empty product; fill it and pass it to db.products.create().")
      .def_readonly("id", &Product::id, "Row id, None before it is stored.")
      .def_readwrite("sku", &Product::sku, "Stock keeping unit; unique (case-insensitive), required.")
      .def_readwrite("name", &Product::name, "Required.")
      .def_readwrite("list_price", &Product::list_price, "Price of one unit (crmcore.Money); not negative.")
      .def_readwrite("active", &Product::active, "Inactive products cannot be added to new deals.")
      .def("__repr__", [](const Product& p) {
        return "<Product " + id_label(p.id) + " " + quoted(p.sku) + " " + p.list_price.to_string() +
               (p.active ? "" : " inactive") + ">";
      });
  bind_record_stamps(product);
  product.attr("_fields") =
      py::make_tuple("id", "version", "sku", "name", "list_price", "active", "created_at", "updated_at");

  py::class_<PyProducts>(m, "Products", "The product catalog: db.products.")
      .def(
          "create",
          [](PyProducts& self, py::object record, const py::kwargs& fields) {
            const Product data = with_fields<Product>(record, fields, "create");
            return self.db->run([&](Database& d) { return d.products().create(data); });
          },
          py::arg("record") = py::none(), "Adds a product from a record (or dict) and/or keyword fields.")
      .def(
          "get", [](PyProducts& self, ProductId id) { return self.db->run([&](Database& d) { return d.products().get(id); }); },
          py::arg("id"), "The product with this id; NotFoundError if none.")
      .def(
          "update",
          [](PyProducts& self, py::object record, const py::kwargs& fields) {
            const Product data = with_fields<Product>(record, fields, "update");
            return self.db->run([&](Database& d) { return d.products().update(data); });
          },
          py::arg("record"), "Saves the product, with keyword fields applied, if its version is current.")
      .def(
          "find_by_sku",
          [](PyProducts& self, const std::string& sku) {
            return self.db->run([&](Database& d) { return d.products().find_by_sku(sku); });
          },
          py::arg("sku"), "The product with this SKU (case-insensitive), or None.")
      .def(
          "list",
          [](PyProducts& self, bool include_inactive) {
            return self.db->run([&](Database& d) { return d.products().list(include_inactive); });
          },
          py::arg("include_inactive") = false, "The catalog by name (a list).")
      .def("__repr__", [](PyProducts&) { return std::string("<crmcore products>"); });
}

void bind_opportunity_records(py::module_& m) {
  py::class_<OpportunityContact>(m, "OpportunityContact", "A contact taking part in a deal, and the part they play.")
      .def(py::init([](ContactId contact, std::string role) { return OpportunityContact{contact, std::move(role)}; }),
           py::arg("contact"), py::arg("role"), "A contact (id or Contact) and a role such as 'decision maker'.")
      .def_readwrite("contact", &OpportunityContact::contact, "The person's contact id.")
      .def_readwrite("role", &OpportunityContact::role, "'decision maker', 'influencer', ...; required.")
      .def("__repr__",
           [](const OpportunityContact& c) {
             return "OpportunityContact(" + id_label(c.contact) + ", " + quoted(c.role) + ")";
           })
      .def(py::self == py::self);

  py::class_<LineItem>(m, "LineItem", "One product line of a deal.")
      .def(py::init([](ProductId product, IntArg<std::int64_t> quantity, std::optional<Money> unit_price, IntArg<int> discount) {
             return LineItem{product, quantity, unit_price, discount, Money()};
           }),
           py::arg("product"), py::arg("quantity") = 1, py::arg("unit_price") = py::none(),
           py::arg("discount_percent") = 0,
           "A product (id or Product), units, the unit price (None: the list price) and a whole-percent discount.")
      .def_readwrite("product", &LineItem::product, "The product's id.")
      .def_readwrite("quantity", &LineItem::quantity, "Units, at least 1.")
      .def_readwrite("unit_price", &LineItem::unit_price, "Price of one unit (crmcore.Money), None: the list price.")
      .def_readwrite("discount_percent", &LineItem::discount_percent, "Whole percent off, 0..100.")
      .def_readonly("total", &LineItem::total,
                    "Unit price x quantity less the discount, rounded half away from zero; set when stored.")
      .def("__repr__",
           [](const LineItem& l) {
             return "LineItem(" + id_label(l.product) + ", " + std::to_string(l.quantity) +
                    (l.unit_price ? ", unit_price='" + l.unit_price->to_string() + "'" : std::string()) +
                    (l.discount_percent ? ", discount_percent=" + std::to_string(l.discount_percent) : std::string()) +
                    ")";
           })
      .def(py::self == py::self);

  py::class_<Opportunity> deal(m, "Opportunity",
                               "An opportunity (deal). Set fields as attributes or keyword arguments to "
                               "Opportunities.create()/update().");
  deal.def(py::init<>(), "An empty deal; fill it and pass it to db.opportunities.create().")
      .def_property_readonly("closed", &Opportunity::closed, "True when won or lost.")
      .def("__repr__", [](const Opportunity& o) {
        return "<Opportunity " + id_label(o.id) + " " + quoted(o.name) + " " + o.amount.to_string() + " " +
               std::string(stage_kind_name(o.stage_kind)) + " v" + std::to_string(o.version) +
               (o.deleted_at ? " deleted" : "") + ">";
      });
  bind_record_fields(deal, RecordKind::opportunity);

  py::class_<StageChange>(m, "StageChange", "One recorded stage change of a deal: created, moved, won, lost, reopened.")
      .def_readonly("id", &StageChange::id, "Row id.")
      .def_readonly("opportunity", &StageChange::opportunity, "The deal's id.")
      .def_readonly("from_stage", &StageChange::from, "The stage before, None for the creation.")
      .def_readonly("to_stage", &StageChange::to, "The stage after.")
      .def_readonly("at", &StageChange::at, "When (UTC datetime).")
      .def_readonly("by", &StageChange::by, "The user of the connection that made it.")
      .def_readonly("amount", &StageChange::amount, "The deal's amount then.")
      .def_readonly("probability", &StageChange::probability, "Its probability then.")
      .def_readonly("lost_reason", &StageChange::lost_reason, "The lost reason, when moved to a lost stage.")
      .def("to_dict", [](py::handle self) { return record_to_dict(self); }, "The fields as a dict.")
      .def("__repr__",
           [](const StageChange& c) {
             return "<StageChange " + id_label(c.id) + " deal " + id_label(c.opportunity) + " " +
                    (c.from ? id_label(c.from) : std::string("created")) + " -> " + id_label(c.to) + " at " +
                    format_instant(c.at) + ">";
           })
      .def(py::self == py::self)
      .attr("_fields") = py::make_tuple("id", "opportunity", "from_stage", "to_stage", "at", "by", "amount",
                                        "probability", "lost_reason");
}

void bind_opportunities_store(py::module_& m) {
  auto store = bind_record_store<OpportunityTraits>(m, "Opportunities", "The deals of a database: db.opportunities.");
  store
      .def(
          "move_to_stage",
          [](PyStore<OpportunityTraits>& self, OpportunityId id, StageId stage, std::optional<Date> closed_on,
             LostReasonId lost_reason) {
            const StageMove how{closed_on, lost_reason};
            return self.db->run([&](Database& d) { return d.opportunities().move_to_stage(id, stage, how); });
          },
          py::arg("opportunity"), py::arg("stage"), py::kw_only(), py::arg("closed_on") = py::none(),
          py::arg("lost_reason") = py::none(),
          "Moves the deal to a stage of its pipeline and records it. Won or lost stages set closed_on (default "
          "today); lost needs lost_reason; an open stage reopens a closed deal.")
      .def(
          "stage_history",
          [](PyStore<OpportunityTraits>& self, OpportunityId id) {
            return self.db->run([&](Database& d) { return d.opportunities().stage_history(id); });
          },
          py::arg("opportunity"), "The deal's stage changes, oldest first (a list of StageChange).")
      .def(
          "without_next_activity",
          [](PyStore<OpportunityTraits>& self, CRM_FILTER_PARAMS) {
            return records<Opportunity, ListQuery>(self.db, CRM_FILTERS.query(), [](Database& d, const ListQuery& q) {
              return d.opportunities().without_next_activity(q);
            });
          },
          CRM_FILTER_ARGS,
          "Open deals (of `owner` when given) with no planned activity: the ones nobody is working on. Lazy, as "
          "list().");
}

}  // namespace

void register_sales(py::module_& m) {
  bind_pipeline_records(m);
  bind_pipelines_store(m);
  bind_products(m);
  bind_opportunity_records(m);
  bind_opportunities_store(m);
  add_store_property<PyPipelines>(m, "pipelines", "Sales pipelines, their stages and the lost reasons.");
  add_store_property<PyProducts>(m, "products", "The product catalog.");
  add_store_property<PyStore<OpportunityTraits>>(m, "opportunities", "The deals.");
}

}  // namespace crm::python
