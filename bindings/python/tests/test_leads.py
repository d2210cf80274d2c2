"""db.leads: unqualified interest, found by email or phone, converted in one step."""
import pytest

import crmcore


def make(db, **fields):
    values = dict(first_name="Ilze", last_name="Ozola", company_name="SIA Ozols", email="Ilze@Ozols.lv",
                  phone="26 555 111", source="web form", country="lv", owner="anna", tags=["fair"])
    values.update(fields)
    return db.leads.create(**values)


def test_create_normalizes_and_finds(db):
    lead = make(db)
    assert (lead.status, lead.phone_e164, lead.country, lead.version) == ("new", "+37126555111", "LV", 1)
    assert repr(lead) == f"<Lead {lead.id} 'Ilze Ozola (SIA Ozols)' new v1>"
    assert [l.id for l in db.leads.find_by_email("ilze@ozols.LV")] == [lead.id]
    assert [l.id for l in db.leads.find_by_phone("+371 26555111")] == [lead.id]
    assert lead.to_dict()["status"] == "new"


def test_a_lead_needs_a_name_and_a_reason_to_be_disqualified(db):
    with pytest.raises(crmcore.ValidationError):
        db.leads.create(email="nobody@example.com")
    lead = make(db)
    with pytest.raises(crmcore.ValidationError, match="disqualified_reason"):
        db.leads.update(lead, status="disqualified")
    out = db.leads.update(lead, status="disqualified", disqualified_reason="student project")
    assert (out.status, out.disqualified_reason) == ("disqualified", "student project")
    with pytest.raises(crmcore.ConflictError, match="disqualified"):
        db.leads.convert(out)
    with pytest.raises(crmcore.ValidationError, match=r"lead\.status: 'hot' is not one of"):
        db.leads.update(out, status="hot")


def test_list_count_and_lifecycle(db):
    first = make(db, external_ref="WEB-1")
    make(db, first_name="Pēteris", last_name="Kalns", email="p@kalns.lv", phone="", country="EE", owner="ivars")
    assert db.leads.count() == 2 and db.leads.count(country="EE") == 1 and db.leads.count(owner="anna") == 1
    assert [l.last_name for l in db.leads.list(sort="name")] == ["Kalns", "Ozola"]
    assert db.leads.find_by_external_ref("WEB-1").id == first.id
    assert db.leads.remove(first).deleted and db.leads.count() == 1
    assert db.leads.count(deleted="only") == 1
    db.leads.restore(first)
    db.leads.purge(first)
    with pytest.raises(crmcore.NotFoundError):
        db.leads.get(first)


def test_convert_makes_account_contact_and_deal(db):
    lead = make(db)
    result = db.leads.convert(lead, opportunity={"name": "Ozols fit-out", "amount": "12000.00 EUR"})
    assert result.account.name == "SIA Ozols"
    assert (result.contact.first_name, result.contact.primary_email) == ("Ilze", "Ilze@Ozols.lv")
    assert result.contact.account == result.account.id
    deal = result.opportunity
    assert (deal.account, deal.primary_contact, deal.lead_source) == (result.account.id, result.contact.id, "web form")
    converted = db.leads.get(lead)
    assert converted.status == "qualified" and converted.converted_at is not None
    assert (converted.converted_account, converted.converted_contact, converted.converted_opportunity) == (
        result.account.id, result.contact.id, deal.id)
    with pytest.raises(crmcore.ConflictError, match="already been converted"):
        db.leads.convert(lead)


def test_convert_onto_existing_records(db):
    existing = db.accounts.create(name="SIA Ozols Group")
    lead = make(db)
    result = db.leads.convert(lead, account=existing,
                              new_contact={"first_name": "Ilze", "last_name": "Ozola-Liepa"})
    assert result.account.id == existing.id and result.opportunity is None
    assert result.contact.last_name == "Ozola-Liepa"
    assert db.accounts.count() == 1


def test_a_failed_conversion_writes_nothing(db):
    lead = make(db)
    with pytest.raises(crmcore.ValidationError):
        db.leads.convert(lead, opportunity={"name": ""})
    assert db.accounts.count() == 0 and db.contacts.count() == 0
    assert db.leads.get(lead).status == "new"
    with pytest.raises(TypeError, match="unexpected keyword argument 'colour'"):
        db.leads.convert(lead, new_account={"colour": "red"})
