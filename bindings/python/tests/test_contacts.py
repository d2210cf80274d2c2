"""db.contacts: people with emails, phones, consents, birthdays; every language."""
import datetime

import pytest

import crmcore

PEOPLE = [
    ("lv", "Jānis", "Bērziņš", "jānis.bērziņš@pasts.lv", "JĀNIS.BĒRZIŅŠ@PASTS.LV"),
    ("lt", "Ona", "Kazlauskienė", "ona.kazlauskienė@delfi.lt", "ONA.KAZLAUSKIENĖ@DELFI.LT"),
    ("uk", "Олена", "Ковальчук", "олена@укр.net", "ОЛЕНА@УКР.NET"),
    ("ru", "Пётр", "Смирнов", "пётр.смирнов@почта.рф", "ПЁТР.СМИРНОВ@ПОЧТА.РФ"),
    ("de", "Jürgen", "Müller", "jürgen.müller@firma.de", "JÜRGEN.MÜLLER@FIRMA.DE"),
    ("en", "Sarah", "O'Connor", "sarah.oconnor@example.co.uk", "Sarah.OConnor@Example.CO.UK"),
]


def anna(db, **fields):
    values = dict(first_name="Anna", last_name="Bērziņa",
                  emails=["anna@kokanams.lv", crmcore.Email("Anna.B@Gmail.com", primary=True)],
                  phones=["+371 26 123 456", ("67 000 111", "work")], job_title="CFO",
                  birthday=datetime.date(1984, 2, 29), preferred_language="lv", country="LV",
                  external_ref="P-1", consents={"email": True, "sms": False}, tags=["decision maker"])
    values.update(fields)
    return db.contacts.create(**values)


def test_create_and_read_back_everything(db):
    contact = anna(db)
    read = db.contacts.get(contact.id)
    assert (read.first_name, read.last_name) == ("Anna", "Bērziņa")
    assert read.emails[0] == crmcore.Email("Anna.B@Gmail.com", True)
    assert read.primary_email == "Anna.B@Gmail.com"
    assert [p.e164 for p in read.phones] == ["+37126123456", "+37167000111"]
    assert read.phones[1].kind == "work"
    assert read.birthday == crmcore.Birthday(1984, month=2, day=29)
    assert [(c.channel, c.granted) for c in read.consents] == [("email", True), ("sms", False)]
    assert read.consents[0].changed_at.tzinfo is datetime.timezone.utc
    assert read.tags == ["decision maker"]
    assert read.account is None
    assert repr(read) == f"<Contact {read.id} 'Anna Bērziņa' v1>"


def test_birthday_forms(db):
    assert anna(db, external_ref="a", birthday="--12-24").birthday == crmcore.Birthday(month=12, day=24)
    assert str(anna(db, external_ref="b", birthday=crmcore.Birthday.parse("1990-05-01")).birthday) == "1990-05-01"
    assert anna(db, external_ref="c", birthday=None).birthday is None
    with pytest.raises(crmcore.ValidationError, match="future"):
        anna(db, external_ref="d", birthday=datetime.date(2999, 1, 1))
    with pytest.raises(crmcore.ValidationError):
        anna(db, external_ref="e", birthday="24.12.1990")
    with pytest.raises(crmcore.ValidationError):
        crmcore.Birthday(2023, month=2, day=29)


@pytest.mark.parametrize("fields, field", [
    (dict(last_name=" "), "contact.last_name"),
    (dict(emails=["anna@"]), "contact.emails[0]"),
    (dict(phones=["call me"]), "contact.phones[0]"),
    (dict(country="XX"), "contact.country"),
    (dict(preferred_language="latvian"), "contact.preferred_language"),
    (dict(account=999), "contact.account"),
])
def test_bad_input_names_the_field(db, fields, field):
    with pytest.raises(crmcore.Error) as raised:
        anna(db, **fields)
    assert raised.value.field == field
    assert db.contacts.count() == 0


def test_bad_kinds_and_channels(db):
    with pytest.raises(crmcore.ValidationError, match=r"phone\.kind: .pager. is not one of"):
        crmcore.Phone("26123456", kind="pager")
    with pytest.raises(crmcore.ValidationError, match="channel"):
        anna(db, consents={"pigeon": True})
    with pytest.raises(crmcore.ValidationError, match="naive"):
        crmcore.Consent("email", True, datetime.datetime(2024, 1, 1))


def test_incoming_call_lookup_in_any_written_form(db):
    contact = anna(db)
    for written in ("+371 26 123 456", "0037126123456", "26 123 456", "26-123-456"):
        assert [c.id for c in db.contacts.find_by_phone(written)] == [contact.id]
    assert db.contacts.find_by_phone("+371 29 999 999") == []


@pytest.mark.parametrize("language, first, last, email, shouted", PEOPLE)
def test_every_language_round_trips_and_matches_ignoring_case(db, language, first, last, email, shouted):
    contact = db.contacts.create(first_name=first, last_name=last, emails=[email], preferred_language=language)
    assert db.contacts.get(contact.id).last_name == last
    assert [c.id for c in db.contacts.find_by_email(shouted)] == [contact.id]


def test_update_replaces_lists_and_moves_employer(db):
    first = db.accounts.create(name="SIA Pirmā")
    second = db.accounts.create(name="UAB Antra")
    contact = anna(db, account=first)
    assert contact.account == first.id
    moved = db.contacts.update(contact, account=second, emails=["anna@antra.lt"], phones=[])
    assert moved.account == second.id and moved.version == 2
    assert [e.address for e in moved.emails] == ["anna@antra.lt"] and moved.phones == []
    assert [e.account for e in db.employments.history(moved)] == [second.id, first.id]
    with pytest.raises(crmcore.ConflictError):
        db.contacts.update(contact, job_title="stale")


def test_remove_restore_purge_and_external_ref(db):
    contact = anna(db)
    assert db.contacts.find_by_external_ref("P-1").id == contact.id
    with pytest.raises(crmcore.AlreadyExistsError):
        anna(db)
    db.contacts.remove(contact)
    assert db.contacts.find_by_phone("26123456") == []
    db.contacts.restore(contact)
    db.contacts.purge(contact)
    assert db.contacts.find_by_external_ref("P-1") is None


def test_to_dict_is_plain(db):
    record = anna(db).to_dict()
    assert record["emails"] == ["Anna.B@Gmail.com", "anna@kokanams.lv"]
    assert record["phones"] == ["+37126123456", "+37167000111"]
    assert record["birthday"] == "1984-02-29"
    assert record["primary_email"] == "Anna.B@Gmail.com"


@pytest.mark.parametrize("written, code", [
    ("United States", "US"), ("USA", "US"), ("U.S.", "US"), ("Latvija", "LV"), ("Lietuva", "LT"),
    ("Україна", "UA"), ("Deutschland", "DE"), ("lva", "LV"), ("428", "LV"),
])
def test_countries_are_read_as_people_write_them(db, written, code):
    assert db.contacts.create(last_name="Ozols", country=written).country == code


def test_an_unknown_country_names_the_nearest(db):
    with pytest.raises(crmcore.ValidationError, match=r"United States \(US\)") as raised:
        db.contacts.create(last_name="Ozols", country="Untied States")
    assert raised.value.field == "contact.country"


def test_a_national_number_is_read_in_the_contacts_country(db):
    smith = db.contacts.create(last_name="Smith", country="United States", phones=["(650) 253-0000"])
    assert smith.phones[0].e164 == "+16502530000"
    ozols = db.contacts.create(last_name="Ozols", phones=["26 123 456"])  # no country: the database's region
    assert ozols.phones[0].e164 == "+37126123456"
