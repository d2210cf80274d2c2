"""Full-text search: db.search() and its SearchHit objects."""
import sqlite3

import pytest

import crmcore


@pytest.fixture
def crm(db):
    """An account, three contacts, a lead, a deal and a call."""
    koks = db.accounts.create(name="SIA Koks")
    anna = db.contacts.create(first_name="Anna", last_name="Bērziņa", emails=["anna.berzina@koks.lv"],
                              phones=["+371 26 123 456"], account=koks)
    taras = db.contacts.create(first_name="Тарас", last_name="Ковальчук", emails=["taras.kovalchuk@example.ua"])
    ona = db.contacts.create(first_name="Ona", last_name="Žukauskienė", job_title="Buhalterė")
    lead = db.leads.create(first_name="Jürgen", last_name="Müller", company_name="Müller Straße GmbH")
    deal = db.opportunities.create(account=koks, name="Koks renewal", amount="100.00 EUR",
                                   description="Two new sawmills")
    call = db.activities.create(kind="call", subject="Invoice question", body="She asked about the sawmill",
                                contact=anna)
    return db, {"koks": koks, "anna": anna, "taras": taras, "ona": ona, "lead": lead, "deal": deal, "call": call}


def found(hits):
    return [(hit.kind, hit.id) for hit in hits]


def test_hits_carry_kind_id_title_snippet_and_score(crm):
    db, r = crm
    hits = db.search("anna.berzina@koks.lv")
    assert found(hits) == [("contact", r["anna"].id)]
    hit = hits[0]
    assert isinstance(hit, crmcore.SearchHit)
    assert hit.title == "Anna Bērziņa"
    assert hit.snippet.startswith("[anna.berzina@koks.lv]")
    assert isinstance(hit.score, float) and hit.score > 0
    assert repr(hit) == f"<SearchHit contact {r['anna'].id} 'Anna Bērziņa'>"


def test_finds_every_kind(crm):
    db, r = crm
    assert ("account", r["koks"].id) in found(db.search("koks"))
    assert found(db.search("muller")) == [("lead", r["lead"].id)]
    assert found(db.search("renewal")) == [("opportunity", r["deal"].id)]
    assert found(db.search("invoice")) == [("activity", r["call"].id)]


def test_ignores_case_and_diacritics(crm):
    db, r = crm
    assert found(db.search("berzina")) == [("contact", r["anna"].id)]
    assert found(db.search("КОВАЛЬЧУК")) == [("contact", r["taras"].id)]
    assert found(db.search("KOVALCHUK")) == [("contact", r["taras"].id)]
    assert found(db.search("zukauskiene")) == [("contact", r["ona"].id)]
    assert found(db.search("strasse")) == [("lead", r["lead"].id)]


def test_finds_names_as_people_type_them_in_latin(db):
    kozlowski = db.contacts.create(first_name="Łukasz", last_name="Kozłowski")
    ivanov = db.contacts.create(first_name="Иван", last_name="Иванов")
    shevchenko = db.accounts.create(name="Shevchenko Trading")
    mueller = db.leads.create(first_name="Jürgen", last_name="Müller")
    assert found(db.search("kozlowski")) == [("contact", kozlowski.id)]
    assert found(db.search("ivanov")) == [("contact", ivanov.id)]
    assert db.search("ivanov")[0].title == "Иван Иванов"
    assert found(db.search("шевченко")) == [("account", shevchenko.id)]
    assert found(db.search("mueller")) == [("lead", mueller.id)]
    assert found(db.search("muller")) == [("lead", mueller.id)]


def test_ranks_title_matches_first(crm):
    db, r = crm
    # "Koks" is in the names of the account and the deal, and in the contact's email only.
    hits = db.search("koks")
    assert {hits[0].kind, hits[1].kind} == {"account", "opportunity"}
    assert found(hits[2:]) == [("contact", r["anna"].id)]
    assert [hit.score for hit in hits] == sorted((hit.score for hit in hits), reverse=True)


def test_prefix_phone_and_kinds(crm):
    db, r = crm
    assert found(db.search("ковал*")) == [("contact", r["taras"].id)]
    for number in ("26123456", "+371 26 123 456", "0037126123456"):
        assert found(db.search(number)) == [("contact", r["anna"].id)], number
    assert {hit.kind for hit in db.search("sawmill*")} == {"opportunity", "activity"}
    assert found(db.search("sawmill*", kinds="activity")) == [("activity", r["call"].id)]
    assert found(db.search("sawmill*", kinds=["opportunity"])) == [("opportunity", r["deal"].id)]
    assert len(db.search("sawmill*", kinds=("opportunity", "activity"))) == 2


def test_limit(db):
    with db.transaction():
        for _ in range(25):
            db.contacts.create(last_name="Ozola")
    assert len(db.search("ozola")) == 20
    assert len(db.search("ozola", limit=3)) == 3
    assert len(db.search("ozola", limit=1000)) == 25


def test_follows_removal_restore_and_transactions(crm):
    db, r = crm
    db.contacts.remove(r["anna"])
    assert db.search("berzina") == []
    db.contacts.restore(r["anna"])
    assert len(db.search("berzina")) == 1
    with pytest.raises(RuntimeError):
        with db.transaction():
            db.contacts.create(last_name="Kalniņa")
            assert len(db.search("kalnina")) == 1
            raise RuntimeError("roll back")
    assert db.search("kalnina") == []


def test_query_syntax_is_plain_text(crm):
    db, r = crm
    for text in ("anna OR taras", "NEAR(anna berzina)", "title:anna", "*", "(", '"', "anna NOT berzina"):
        assert db.search(text) == [], text
    for text in ('"anna', "(anna)", "-anna", "anna*)"):
        assert found(db.search(text)) == [("contact", r["anna"].id)], text


def test_bad_arguments(db):
    for text in ("", "   "):
        with pytest.raises(crmcore.ValidationError) as raised:
            db.search(text)
        assert raised.value.field == "text"
    with pytest.raises(TypeError):  # text is str; bytes (valid UTF-8 or not) do not pass for it
        db.search(b"anna\xff")
    with pytest.raises(TypeError):
        db.search(b"anna")
    for limit in (0, -5, 1001):
        with pytest.raises(crmcore.ValidationError) as raised:
            db.search("anna", limit=limit)
        assert raised.value.field == "limit"
    with pytest.raises(crmcore.ValidationError) as raised:
        db.search("anna", kinds=["person"])
    assert raised.value.field == "kinds"


def test_plain_sql_changes_are_found(tmp_path):
    path = tmp_path / "search.crm"
    with crmcore.open(path, default_region="LV") as db:
        first = db.contacts.create(last_name="Ozola", emails=["liga@ozoli.lv"])
        second = db.contacts.create(last_name="Ozoliņa")
        raw = sqlite3.connect(path)
        raw.execute("PRAGMA foreign_keys = ON")
        with raw:
            raw.execute("UPDATE contact_emails SET contact_id = ? WHERE contact_id = ?", (second.id, first.id))
        raw.close()
        assert found(db.search("liga@ozoli.lv")) == [("contact", second.id)]
