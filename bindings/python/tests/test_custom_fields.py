"""db.custom_fields and record.custom: fields an administrator adds, values records carry."""
import datetime
from decimal import Decimal

import pytest

import crmcore

EUR = crmcore.Money.parse


@pytest.fixture
def fields(db):
    """The db with contact fields of every type."""
    define = db.custom_fields.define
    define("contact", "industry", "choice", choices=["IT", "Retail", "Wood"])
    define("contact", "employees", "integer")
    define("contact", "score", "decimal")
    define("contact", "budget", "money")
    define("contact", "first_met", "date")
    define("contact", "vip", "boolean")
    define("contact", "interests", "choices", choices=["Chairs", "Desks", "Lamps"])
    define("contact", "nickname")  # text by default
    return db


EVERY_TYPE = {
    "industry": "it",  # spelled as defined when stored
    "employees": 250,
    "score": Decimal("12.50"),
    "budget": EUR("1200.00 EUR"),
    "first_met": datetime.date(2024, 3, 15),
    "vip": True,
    "interests": ("desks", "Chairs"),
    "nickname": "Ančs",
}
STORED = {
    "industry": "IT",
    "employees": 250,
    "score": Decimal("12.5"),
    "budget": crmcore.Money(Decimal("1200.00"), "EUR"),
    "first_met": datetime.date(2024, 3, 15),
    "vip": True,
    "interests": ["Desks", "Chairs"],
    "nickname": "Ančs",
}


def exact(values):
    """Values with their Python types, so that True == 1 or Decimal("12.5") == 12.5 cannot hide a wrong type."""
    return {name: (type(value), str(value)) for name, value in values.items()}


def test_every_type_round_trips_on_a_contact(fields):
    db = fields
    anna = db.contacts.create(first_name="Anna", last_name="Bērziņa", custom=EVERY_TYPE)
    assert exact(anna.custom) == exact(STORED)
    again = db.contacts.get(anna.id)
    assert exact(again.custom) == exact(STORED)
    assert str(again.custom["score"]) == "12.5"
    assert isinstance(again.custom["budget"], crmcore.Money) and str(again.custom["budget"]) == "1200.00 EUR"
    assert type(again.custom["vip"]) is bool and type(again.custom["employees"]) is int
    assert again.to_dict()["custom"] == STORED
    assert [c.custom["industry"] for c in db.contacts.list()] == ["IT"]


def test_values_change_through_update_and_attributes(fields):
    db = fields
    anna = db.contacts.create(last_name="Bērziņa", custom={"employees": 10, "vip": False})
    assert exact(anna.custom) == exact({"employees": 10, "vip": False})
    anna.custom = {"employees": 11, "score": 3}  # an int is a decimal too; vip dropped
    anna = db.contacts.update(anna)
    assert exact(anna.custom) == exact({"employees": 11, "score": Decimal("3")})
    anna = db.contacts.update(anna, custom={**anna.custom, "nickname": "", "interests": [], "vip": None})
    assert exact(db.contacts.get(anna).custom) == exact({"employees": 11, "score": Decimal("3")})
    draft = crmcore.Contact()
    draft.last_name = "Ozols"
    draft.custom = {"first_met": datetime.date(2025, 1, 31)}
    assert exact(db.contacts.create(draft).custom) == exact({"first_met": datetime.date(2025, 1, 31)})
    assert db.contacts.create(last_name="Liepa").custom == {}


def test_every_record_kind_carries_values(db):
    define = db.custom_fields.define
    define("account", "segment", "choice", choices=["SMB", "Enterprise"])
    define("lead", "budget", "money")
    define("opportunity", "competitor")
    define("opportunity", "signed", "date")
    define("activity", "minutes", "integer")
    acme = db.accounts.create(name="SIA Acme", custom={"segment": "smb"})
    assert db.accounts.get(acme).custom == {"segment": "SMB"}
    with pytest.raises(crmcore.ValidationError, match=r"lead\.custom\.budget: expects money, not text"):
        db.leads.create(company_name="SIA Koks", custom={"budget": "500.00 EUR"})  # text is text: give a Money
    lead = db.leads.create(company_name="SIA Koks", custom={"budget": EUR("500.00 EUR")})
    assert db.leads.get(lead).custom == {"budget": crmcore.Money(Decimal("500.00"), "EUR")}
    deal = db.opportunities.create(account=acme, name="Chairs", amount="900.00 EUR",
                                   custom={"competitor": "Ikea", "signed": datetime.date(2025, 6, 1)})
    assert db.opportunities.get(deal).custom == {"competitor": "Ikea", "signed": datetime.date(2025, 6, 1)}
    call = db.activities.create(kind="call", subject="Intro", account=acme, custom={"minutes": 12})
    assert db.activities.get(call).custom == {"minutes": 12}
    # each kind has its own fields
    with pytest.raises(crmcore.ValidationError, match=r"^account\.custom\.minutes: no such custom field on accounts"):
        db.accounts.create(name="SIA Other", custom={"minutes": 1})
    with pytest.raises(crmcore.ValidationError, match=r"^activity\.custom\.segment: no such custom field on activit"):
        db.activities.update(call, custom={"segment": "SMB"})


def test_unknown_names_name_the_plural_of_the_record_kind(db):
    acme = db.accounts.create(name="SIA Acme")
    with pytest.raises(crmcore.ValidationError, match=r"no such custom field on opportunities \(none are defined\)"):
        db.opportunities.create(account=acme, name="Chairs", amount="900.00 EUR", custom={"x": "y"})


def test_unknown_names_and_wrong_values_are_refused(fields):
    db = fields
    with pytest.raises(crmcore.ValidationError) as raised:
        db.contacts.create(last_name="X", custom={"industy": "IT"})
    assert str(raised.value) == "contact.custom.industy: no such custom field on contacts; did you mean 'industry'?"
    assert raised.value.field == "contact.custom.industy"
    with pytest.raises(crmcore.ValidationError, match=r"contact\.custom\.employees: expects integer, not text"):
        db.contacts.create(last_name="X", custom={"employees": "250"})
    with pytest.raises(crmcore.ValidationError, match=r"contact\.custom\.vip: expects boolean, not an integer"):
        db.contacts.create(last_name="X", custom={"vip": 1})
    with pytest.raises(crmcore.ValidationError, match=r"contact\.custom\.employees: expects integer, not a boolean"):
        db.contacts.create(last_name="X", custom={"employees": True})
    with pytest.raises(crmcore.ValidationError, match=r"contact\.custom\.industry: .*Oil"):
        db.contacts.create(last_name="X", custom={"industry": "Oil"})
    with pytest.raises(crmcore.ValidationError, match=r"^contact\.custom\.score: .*not a decimal number"):
        db.contacts.create(last_name="X", custom={"score": Decimal("NaN")})
    with pytest.raises(crmcore.ValidationError, match=r"contact\.custom\.employees: .*64-bit"):
        db.contacts.create(last_name="X", custom={"employees": 2**63})
    # Python types that are no custom value: TypeError naming the field
    with pytest.raises(TypeError, match=r"contact\.custom\.score: .*not float"):
        db.contacts.create(last_name="X", custom={"score": 12.5})
    with pytest.raises(TypeError, match=r"contact\.custom\.first_met: .*datetime"):
        db.contacts.create(last_name="X", custom={"first_met": datetime.datetime.now(datetime.timezone.utc)})
    with pytest.raises(TypeError, match=r"contact\.custom\.interests: choices are str, not int"):
        db.contacts.create(last_name="X", custom={"interests": ["Desks", 3]})
    with pytest.raises(TypeError, match=r"contact\.custom: expected a dict"):
        db.contacts.create(last_name="X", custom=[("vip", True)])
    assert db.contacts.count() == 0


def test_required_and_default(db):
    define = db.custom_fields.define
    tier = define("contact", "tier", "choice", choices=["Gold", "Silver"], required=True, default="silver")
    assert (tier.required, tier.default) == (True, "Silver")
    rating = define("contact", "rating", "decimal", default=Decimal("4.50"))
    assert rating.default == Decimal("4.5") and rating.required is False
    anna = db.contacts.create(last_name="Bērziņa")
    assert anna.custom == {"tier": "Silver", "rating": Decimal("4.5")}
    assert db.contacts.create(last_name="Ozols", custom={"tier": "Gold"}).custom["tier"] == "Gold"
    with pytest.raises(crmcore.ValidationError, match=r"^contact\.custom\.tier: is required"):
        db.contacts.update(anna, custom={})
    db.custom_fields.update(tier, default="")  # removes the default
    assert db.custom_fields.get(tier).default is None
    with pytest.raises(crmcore.ValidationError, match=r"contact\.custom\.tier: is required"):
        db.contacts.create(last_name="Liepa")
    with pytest.raises(crmcore.ValidationError, match=r"custom_field\.default_value: expects integer"):
        define("contact", "size", "integer", default="big")


def test_rename_keeps_values_and_remove_drops_them(fields):
    db = fields
    anna = db.contacts.create(last_name="Bērziņa", custom={"industry": "Wood", "vip": True})
    industry = db.custom_fields.find("contact", "INDUSTRY")
    renamed = db.custom_fields.update(industry, name="sector")
    assert (renamed.id, renamed.name, renamed.type) == (industry.id, "sector", "choice")
    assert renamed.choices == ["IT", "Retail", "Wood"]
    assert db.contacts.get(anna).custom == {"sector": "Wood", "vip": True}
    assert db.custom_fields.find("contact", "industry") is None
    db.custom_fields.remove(db.custom_fields.find("contact", "vip"))
    stored = db.contacts.get(anna)
    assert stored.custom == {"sector": "Wood"}
    assert (stored.last_name, stored.version) == ("Bērziņa", anna.version)
    with pytest.raises(crmcore.ValidationError, match="no such custom field"):
        db.contacts.update(stored, custom={"vip": True})
    with pytest.raises(crmcore.NotFoundError):
        db.custom_fields.get(industry.id + 100)


def test_update_changes_only_what_is_given(fields):
    db = fields
    score = db.custom_fields.find("contact", "score")
    changed = db.custom_fields.update(score.id, required=True, default=Decimal("1.0"), indexed=True)
    assert (changed.name, changed.type, changed.required, changed.default, changed.indexed, changed.position) == (
        "score", "decimal", True, Decimal("1"), True, score.position)
    again = db.custom_fields.update(changed, indexed=False)
    assert (again.required, again.default, again.indexed) == (True, Decimal("1"), False)


def test_dropping_a_choice_in_use_is_a_conflict(fields):
    db = fields
    db.contacts.create(last_name="Bērziņa", custom={"industry": "Wood", "interests": ["Lamps"]})
    industry = db.custom_fields.find("contact", "industry")
    with pytest.raises(crmcore.ConflictError) as raised:
        db.custom_fields.update(industry, choices=["IT", "Retail"])
    assert raised.value.code == "conflict" and "Wood" in str(raised.value)
    with pytest.raises(crmcore.ConflictError):
        db.custom_fields.update(db.custom_fields.find("contact", "interests"), choices=("Chairs", "Desks"))
    assert db.custom_fields.get(industry).choices == ["IT", "Retail", "Wood"]
    grown = db.custom_fields.update(industry, choices=["IT", "Wood", "Metal"])  # Retail is unused
    assert grown.choices == ["IT", "Wood", "Metal"]


def test_definitions_are_listed_found_and_checked(fields):
    db = fields
    listed = db.custom_fields.list("contact")
    assert [(f.name, f.type, f.position) for f in listed] == [
        ("industry", "choice", 1), ("employees", "integer", 2), ("score", "decimal", 3), ("budget", "money", 4),
        ("first_met", "date", 5), ("vip", "boolean", 6), ("interests", "choices", 7), ("nickname", "text", 8)]
    assert all(f.record_kind == "contact" for f in listed)
    assert db.custom_fields.list("account") == []
    industry = listed[0]
    assert db.custom_fields.get(industry.id).name == "industry"
    assert db.custom_fields.get(industry).choices == ["IT", "Retail", "Wood"]
    assert db.custom_fields.find("contact", "Vip").id == listed[5].id
    assert db.custom_fields.find("account", "vip") is None
    assert isinstance(industry.created_at, datetime.datetime) and industry.created_at.tzinfo is not None
    assert repr(industry) == f"<CustomField {industry.id} contact.industry choice>"
    assert industry.to_dict()["choices"] == ["IT", "Retail", "Wood"]
    with pytest.raises(crmcore.AlreadyExistsError, match="already have a field 'VIP'"):
        db.custom_fields.define("contact", "VIP", "boolean")
    with pytest.raises(crmcore.ValidationError, match=r"custom_field\.record_kind: 'deal' is not one of"):
        db.custom_fields.define("deal", "x")
    with pytest.raises(crmcore.ValidationError, match=r"custom_field\.type: 'float' is not one of"):
        db.custom_fields.define("contact", "x", "float")
    with pytest.raises(TypeError):
        db.custom_fields.get(db.contacts.create(last_name="X"))  # a Contact is no CustomField
