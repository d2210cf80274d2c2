"""crmcore.record_fields(): the one description of each record kind, and the record classes made from it.

A field the descriptors gain without a property on its class, in _fields (to_dict, to_pandas) or in the
stubs fails here.
"""
import ast
import datetime
import pathlib

import pytest

import crmcore

KINDS = {"account": crmcore.Account, "contact": crmcore.Contact, "lead": crmcore.Lead,
         "opportunity": crmcore.Opportunity, "activity": crmcore.Activity}
# What the stubs write for a property of each descriptor type.
STUB_TYPES = {
    "text": {"str"}, "integer": {"int", "int | None"}, "duration": {"int"}, "percent": {"int | None"},
    "money": {"Money"}, "date": {"datetime.date | None"},
    "instant": {"datetime.datetime | None"}, "boolean": {"bool"}, "birthday": {"Birthday | None"},
    "enumeration": {"str"}, "reference": {"int | None"}, "emails": {"list[Email]"}, "phones": {"list[Phone]"},
    "tags": {"list[str]"}, "consents": {"list[Consent]"}, "deal_contacts": {"list[OpportunityContact]"},
    "line_items": {"list[LineItem]"}, "recurrence": {"Recurrence | None"}, "custom": {"dict[str, _CustomValue]"},
}
# Properties a class has besides its descriptor fields.
EXTRAS = {"account": {"deleted", "to_dict"}, "contact": {"deleted", "to_dict", "primary_email"},
          "lead": {"deleted", "to_dict"}, "opportunity": {"deleted", "to_dict", "closed"},
          "activity": {"deleted", "to_dict"}}
STUBS = pathlib.Path(crmcore.__file__).with_name("__init__.pyi")


def properties(kind):
    """The descriptor fields that are properties (the whole address is only its parts)."""
    return [f for f in crmcore.record_fields(kind) if f.type != "address"]


def stub_annotations(class_name):
    for node in ast.parse(STUBS.read_text()).body:
        if isinstance(node, ast.ClassDef) and node.name == class_name:
            return {item.target.id: ast.unparse(item.annotation)
                    for item in node.body if isinstance(item, ast.AnnAssign)}
    raise AssertionError(f"{class_name} has no stub")


@pytest.fixture()
def stored():
    """One stored record of each kind, with a few fields set."""
    with crmcore.open(":memory:", default_region="LV") as db:
        account = db.accounts.create(name="SIA Koks", city="Rīga", phone="67000111", tags=["vip"])
        contact = db.contacts.create(last_name="Bērziņa", birthday="1984-02-29", emails=["anna@koks.lv"],
                                     phones=["26123456"], consents={"email": True}, account=account)
        lead = db.leads.create(company_name="ТОВ Ліс", status="contacted")
        deal = db.opportunities.create(account=account, name="Chairs", amount=crmcore.Money.parse("1250.00 EUR"),
                                       expected_close=datetime.date(2025, 6, 30))
        call = db.activities.create(kind="call", subject="First call", account=account,
                                    starts_at=datetime.datetime(2025, 3, 1, 9, tzinfo=datetime.timezone.utc))
        yield {"account": account, "contact": contact, "lead": lead, "opportunity": deal, "activity": call}


def test_every_kind_is_described():
    for kind in KINDS:
        fields = crmcore.record_fields(kind)
        names = [f.name for f in fields]
        assert len(names) == len(set(names)) >= 8
        assert all(f.type in STUB_TYPES or f.type == "address" for f in fields)
        assert all(f.doc for f in fields)
        assert {"id", "version", "created_at", "updated_at", "deleted_at"} <= set(names)
        assert all(f.read_only == ("read_only" in f.roles) for f in fields)
    job_title = {f.name: f for f in crmcore.record_fields("contact")}["job_title"]
    assert (job_title.type, job_title.read_only) == ("text", False)
    assert {"filter", "sort", "select", "csv_read", "csv_write", "merge_choose", "audited"} <= set(job_title.roles)
    assert "key" in {f.name: f for f in crmcore.record_fields("lead")}["external_ref"].roles
    assert "street" in [f.name for f in crmcore.record_fields("account")]  # an address part by its own name
    assert repr(job_title) == "<RecordField job_title text>"
    with pytest.raises(crmcore.ValidationError, match=r"record_kind: 'deal' is not one of"):
        crmcore.record_fields("deal")


def test_every_select_and_csv_field_is_readable(stored):
    for kind, record in stored.items():
        for field in properties(kind):
            if {"select", "csv_read", "csv_write"} & set(field.roles):
                assert hasattr(record, field.name), f"{kind}.{field.name} is not a property"
                getattr(record, field.name)
                assert field.name in type(record)._fields, f"{kind}.{field.name} is not in _fields"
                assert field.name in record.to_dict()


def test_every_field_is_a_property_settable_unless_read_only():
    for kind, cls in KINDS.items():
        for field in properties(kind):
            prop = getattr(cls, field.name, None)
            assert isinstance(prop, property), f"{kind}.{field.name} is not a property"
            assert (prop.fset is None) == field.read_only, f"{kind}.{field.name}"
            assert field.name in cls._fields


def test_class_properties_are_the_descriptor_fields_and_the_extras():
    for kind, cls in KINDS.items():
        public = {name for name in dir(cls) if not name.startswith("_")}
        assert public == {f.name for f in properties(kind)} | EXTRAS[kind]
        assert list(cls._fields[:len(properties(kind))]) == [f.name for f in properties(kind)]


def test_stubs_give_each_field_the_type_of_its_descriptor():
    for kind, cls in KINDS.items():
        annotations = stub_annotations(cls.__name__)
        for field in properties(kind):
            assert field.name in annotations, f"the stub of {cls.__name__} lacks {field.name}"
            assert annotations[field.name] in STUB_TYPES[field.type], (
                f"{cls.__name__}.{field.name}: stub says {annotations[field.name]}, the field is {field.type}")


def test_values_convert_by_type(stored):
    contact, deal, call = stored["contact"], stored["opportunity"], stored["activity"]
    assert str(contact.birthday) == "1984-02-29"
    assert contact.to_dict()["consents"][0].channel == "email"
    assert deal.amount == crmcore.Money.parse("1250.00 EUR")
    assert deal.expected_close == datetime.date(2025, 6, 30)
    assert deal.stage_kind == "open"
    assert call.starts_at == datetime.datetime(2025, 3, 1, 9, tzinfo=datetime.timezone.utc)
    lead = crmcore.Lead()
    lead.status = "qualified"
    assert lead.status == "qualified"
    with pytest.raises(crmcore.ValidationError, match=r"lead\.status: 'hot' is not one of 'new', 'contacted'"):
        lead.status = "hot"
    account = crmcore.Account()
    account.street = "Brīvības 1"
    assert account.street == "Brīvības 1" and account.to_dict()["street"] == "Brīvības 1"
    with pytest.raises(AttributeError):
        deal.stage_kind = "won"
