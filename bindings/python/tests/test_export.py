"""db.export(): CSV and JSON files, to a path or a file object, chosen by where= and segment=."""
import csv
import io
import json
import os

import pytest

import crmcore


@pytest.fixture
def crm(db):
    """An account, two contacts (one Ukrainian, with a custom value), a deal and a call."""
    db.custom_fields.define("contact", "tier", "choice", choices=["Gold", "Silver"])
    koks = db.accounts.create(name='SIA "Koka Nams", Rīga', country="LV", external_ref="ERP-1", tags=["VIP"])
    anna = db.contacts.create(first_name="Anna", last_name="Bērziņa", country="LV", account=koks,
                              emails=["anna@koks.lv"], phones=["26 123 456"], custom={"tier": "Gold"})
    db.contacts.create(first_name="Олег", last_name="Коваль", country="UA", emails=["oleg@x.ua"])
    db.opportunities.create(account=koks, primary_contact=anna, name="Plaukti", amount="1234.50 EUR")
    db.activities.create(kind="call", subject="Zvans", status="done", contact=anna, account=koks,
                         starts_at=db.now())
    return db


def read_csv(path, delimiter=","):
    with open(path, newline="", encoding="utf-8") as file:
        return list(csv.DictReader(file, delimiter=delimiter))


def test_export_to_a_path_writes_csv_and_returns_the_rows(crm, tmp_path):
    path = tmp_path / "kontakti.csv"
    assert crm.export("contact", path) == 2
    rows = read_csv(path)
    assert [row["last_name"] for row in rows] == ["Bērziņa", "Коваль"]
    anna = rows[0]
    assert anna["account"] == 'SIA "Koka Nams", Rīga'
    assert anna["account_ref"] == "ERP-1"
    assert anna["emails"] == "anna@koks.lv"
    assert anna["phones"] == "mobile: 26 123 456"
    assert anna["tier"] == "Gold"
    assert list(rows[0])[:4] == ["id", "external_ref", "first_name", "last_name"]
    assert os.listdir(tmp_path) == ["kontakti.csv"]


def test_export_json_keeps_money_exact_and_text_intact(crm, tmp_path):
    path = tmp_path / "deals.json"
    assert crm.export("opportunity", str(path), "json") == 1
    deals = json.loads(path.read_text(encoding="utf-8"))
    assert deals[0]["amount"] == "1234.50"
    assert deals[0]["currency"] == "EUR"
    assert deals[0]["account"] == 'SIA "Koka Nams", Rīga'
    contacts = json.loads(_exported(crm, "contact", "json"))
    assert contacts[1]["first_name"] == "Олег"
    assert contacts[0]["custom"] == {"tier": "Gold"}
    assert "description" not in contacts[0]


def _exported(db, kind, format="csv", **options):
    out = io.StringIO(newline="")
    db.export(kind, out, format, **options)
    return out.getvalue()


def test_export_to_a_text_file_object(crm):
    text = _exported(crm, "contact")
    assert text.startswith("id,external_ref,first_name,last_name,")
    assert "Олег,Коваль" in text
    assert text.endswith("\r\n")


def test_export_to_a_binary_file_object_writes_utf8(crm):
    out = io.BytesIO()
    assert crm.export("account", out, delimiter=";") == 1
    assert out.getvalue().decode("utf-8").splitlines()[1].endswith(";VIP;")


def test_export_of_many_records_to_a_file_object_keeps_every_character(db):
    with db.transaction():
        for i in range(3000):
            db.contacts.create(first_name="Jānis", last_name=f"Ozoliņš-Коваль {i:04d}")
    text = _exported(db, "contact", sort="id")
    rows = list(csv.DictReader(io.StringIO(text, newline="")))
    assert len(rows) == 3000
    assert rows[2999]["last_name"] == "Ozoliņš-Коваль 2999"


def test_where_and_segment_choose_the_records(crm):
    text = _exported(crm, "contact", "csv", where='country = "UA"')
    assert "Коваль" in text and "Bērziņa" not in text
    latvians = crm.segments.create("contact", "Latvians", crmcore.field("country") == "LV")
    rows = list(csv.DictReader(io.StringIO(_exported(crm, "contact", segment=latvians), newline="")))
    assert [row["last_name"] for row in rows] == ["Bērziņa"]
    with pytest.raises(crmcore.ValidationError):
        crm.export("account", io.StringIO(), segment=latvians)


def test_deleted_records_only_when_asked(crm):
    oleg = next(iter(crm.contacts.list(where='country = "UA"')))
    crm.contacts.remove(oleg)
    assert crm.export("contact", io.StringIO()) == 1
    assert crm.export("contact", io.StringIO(), deleted="include") == 2


def test_bad_arguments_raise_and_leave_no_file(crm, tmp_path):
    path = tmp_path / "out.csv"
    with pytest.raises(crmcore.ParseError) as raised:
        crm.export("contact", path, where='contry = "LV"')
    assert raised.value.line == 1
    with pytest.raises(crmcore.ValidationError, match="'xml'"):
        crm.export("contact", path, "xml")
    with pytest.raises(crmcore.ValidationError, match="delimiter"):
        crm.export("contact", path, delimiter="|")
    with pytest.raises(crmcore.ValidationError):
        crm.export("person", path)
    with pytest.raises(crmcore.NotFoundError):
        crm.export("contact", tmp_path / "missing" / "out.csv")
    assert os.listdir(tmp_path) == []


def test_an_error_raised_by_the_file_object_is_raised_again(crm):
    class Broken(io.TextIOBase):
        def write(self, text):
            raise OSError("disk full")

    with pytest.raises(OSError, match="disk full"):
        crm.export("contact", Broken())


def test_export_on_a_closed_database_raises(db):
    db.close()
    with pytest.raises(crmcore.ValidationError, match="closed"):
        db.export("contact", io.StringIO())


def test_formulas_are_escaped_by_default_and_read_back_exactly(db, tmp_path):
    names = ["=cmd|' /C calc'!A0", "+1+1", "-2+3", "@SUM(A1)", "'=1+1"]
    for name in names:
        db.accounts.create(name=name, phone="+371 67 000 000")
    path = tmp_path / "accounts.csv"
    db.export("account", path, sort="id")
    rows = read_csv(path)
    assert [row["name"] for row in rows] == ["'" + name for name in names]
    assert {row["phone"] for row in rows} == {"+371 67 000 000"}
    with crmcore.open(":memory:", default_region="LV") as copy:
        assert copy.import_csv(path, "account").failed == 0
        assert [a.name for a in copy.accounts.list(sort="id")] == names


def test_escape_formulas_false_writes_cells_as_they_are(db, tmp_path):
    db.accounts.create(name="=HYPERLINK(\"http://x.example\")")
    path = tmp_path / "raw.csv"
    db.export("account", path, escape_formulas=False)
    assert read_csv(path)[0]["name"] == '=HYPERLINK("http://x.example")'
    db.export("account", path, escape_formulas=True)
    assert read_csv(path)[0]["name"] == '\'=HYPERLINK("http://x.example")'
