"""The privacy law (db.privacy): a person's data as one document, their
erasure everywhere the file keeps it, legal holds, consent history, rights."""

import datetime
import json
import sqlite3

import pytest

import crmcore

EMAIL = "anna.berzina@example.lv"
PHONE = "+371 26 123 456"


def person(db):
    """A contact with an employer, consents, a deal, a call and a changed consent; (contact, call)."""
    acme = db.accounts.create(name="Riga Retail")
    anna = db.contacts.create(first_name="Anna", last_name="Bērziņa", emails=[EMAIL], phones=[PHONE],
                              account=acme, birthday="1988-05-12", consents={"email": True},
                              description=f"Write to {EMAIL}")
    anna = db.contacts.update(anna, consents={"email": False})
    db.opportunities.create(name="Shelving", amount="1200.00 EUR", account=acme, primary_contact=anna)
    call = db.activities.create(kind="call", subject=f"Call {PHONE}", contact=anna, phone=PHONE,
                                starts_at=db.now())
    return anna, call


def test_export_person_gives_one_document_with_everything_about_them(db):
    anna, call = person(db)
    document = db.privacy.export_person(anna)
    assert document["format"] == "crmcore.person/1"
    assert document["person"]["emails"] == [EMAIL]
    assert document["person"]["birthday"] == "1988-05-12"
    assert len(document["consent_history"]) >= 2
    assert document["employment"][0]["account"] == "Riga Retail"
    assert [d["name"] for d in document["deals"]] == ["Shelving"]
    assert [a["id"] for a in document["activities"]] == [call.id]
    assert document["legal_hold"] is None
    assert document["audit"] and all("operation" in e for e in document["audit"])
    assert json.loads(json.dumps(document)) == document
    again = db.privacy.export_person(anna.id, kind="contact")
    assert {k: v for k, v in again.items() if k != "exported_at"} == \
        {k: v for k, v in document.items() if k != "exported_at"}


def test_a_lead_is_a_person_too_and_other_kinds_are_not(db):
    lead = db.leads.create(first_name="Ona", last_name="Kazlauskienė", email="ona@example.lt", phone="+370 612 34567")
    assert db.privacy.export_person(lead)["person"]["email"] == "ona@example.lt"
    report = db.privacy.erase(lead.id, kind="lead")
    assert report.persons == [("lead", lead.id)]
    assert set(report.fields) == {"first_name", "last_name", "email", "phone"}
    erased = db.leads.get(lead)
    assert (erased.first_name, erased.last_name, erased.email, erased.phone) == ("", "[erased]", "", "")
    account = db.accounts.create(name="Acme")
    with pytest.raises(crmcore.ValidationError, match="a person"):
        db.privacy.export_person(account)
    with pytest.raises(crmcore.ValidationError, match="kind"):
        db.privacy.erase(lead.id)
    with pytest.raises(crmcore.NotFoundError):
        db.privacy.export_person(999, kind="contact")
    with pytest.raises(TypeError):
        db.privacy.erase("anna")


def test_erase_blanks_the_person_keeps_consents_and_blanks_their_audit_values(db):
    anna, call = person(db)
    report = db.privacy.erase(anna)
    assert report.persons == [("contact", anna.id)]
    assert report.fields == ["birthday", "emails", "first_name", "last_name", "phones"]
    assert report.activities == 1 and report.audit_entries > 0
    erased = db.contacts.get(anna)
    assert (erased.first_name, erased.last_name, erased.emails, erased.phones, erased.birthday) == \
        ("", "[erased]", [], [], None)
    assert erased.description == "Write to [erased]"
    assert [(c.channel, c.granted) for c in erased.consents] == [("email", False)]
    assert erased.account is not None
    assert db.activities.get(call).phone == "" and db.activities.get(call).subject == "Call [erased]"
    history = db.audit.history(anna)
    assert any(e.operation == "erase" and e.field == "emails" and e.old is None and e.new is None for e in history)
    for entry in history:
        if entry.field in ("first_name", "emails", "phones", "birthday"):
            assert entry.old is None and entry.new is None
    assert [e.new for e in history if e.field == "consents" and e.new]  # the consent history stays
    text = json.dumps(db.privacy.export_person(anna))
    assert EMAIL not in text and "26123456" not in text
    assert db.search(EMAIL) == []


def test_a_legal_hold_refuses_erasure_and_purge_until_released(db):
    anna, _ = person(db)
    db.privacy.place_hold(anna, "Court case 2025/17")
    hold = db.privacy.hold(anna)
    assert (hold.kind, hold.record_id, hold.reason, hold.placed_by) == ("contact", anna.id, "Court case 2025/17", "")
    assert abs(hold.placed_at - db.now()) < datetime.timedelta(minutes=1)
    assert db.privacy.holds() == [hold]
    assert db.privacy.export_person(anna)["legal_hold"]["reason"] == "Court case 2025/17"
    with pytest.raises(crmcore.ConflictError, match="Court case 2025/17"):
        db.privacy.erase(anna)
    assert [e.address for e in db.contacts.get(anna).emails] == [EMAIL]
    db.contacts.remove(anna)
    with pytest.raises(crmcore.ConflictError, match="legal hold"):
        db.contacts.purge(anna)
    with pytest.raises(crmcore.ValidationError, match="reason"):
        db.privacy.place_hold(anna, "")
    db.privacy.release_hold(anna)
    assert db.privacy.hold(anna) is None
    with pytest.raises(crmcore.NotFoundError):
        db.privacy.release_hold(anna)
    db.privacy.erase(anna)
    db.contacts.purge(anna)


def test_rights_erase_needs_delete_and_holds_an_administrator(db):
    db.users.create("rep", roles=["sales_rep"])
    mine = db.contacts.create(last_name="Mine", emails=["mine@example.lv"], owner="rep")
    theirs = db.contacts.create(last_name="Theirs", emails=["theirs@example.lv"], owner="anna")
    with db.as_user("rep") as rep:
        with pytest.raises(crmcore.PermissionDeniedError):
            rep.privacy.export_person(mine.id, kind="contact")
        with pytest.raises(crmcore.PermissionDeniedError):
            rep.privacy.place_hold(mine.id, "Inquiry", kind="contact")
        with pytest.raises(crmcore.NotFoundError):
            rep.privacy.erase(theirs.id, kind="contact")
        rep.privacy.erase(mine.id, kind="contact")
    assert db.contacts.get(mine).emails == []
    assert [e.address for e in db.contacts.get(theirs).emails] == ["theirs@example.lv"]


def test_after_erase_and_vacuum_the_email_and_phone_are_nowhere_in_the_file(tmp_path):
    path = tmp_path / "erase.crm"
    db = crmcore.open(path, default_region="LV")
    anna, _ = person(db)
    for i in range(20):
        db.contacts.create(last_name=f"Other {i}", emails=[f"other{i}@example.lv"])
    db.privacy.erase(anna)
    db.close()
    raw = sqlite3.connect(path)
    raw.execute("VACUUM")
    raw.close()
    data = b"".join(p.read_bytes() for p in tmp_path.iterdir())
    for needle in (EMAIL, "26123456", "26 123 456"):
        assert needle.encode() not in data
    assert b"other7@example.lv" in data
