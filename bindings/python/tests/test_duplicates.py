"""db.duplicates: finding duplicate accounts and contacts, matches for new records, merging and its history."""
import datetime

import pytest

import crmcore


@pytest.fixture
def people(db):
    """Anna twice (same email, name spelt without diacritics), a phone shared with Jonas, two Olenas."""
    anna = db.contacts.create(first_name="Anna", last_name="Bērziņa", emails=["anna@koka.lv"], job_title="Buyer",
                              phones=["26 123 456"])
    anna_again = db.contacts.create(first_name="ANNA", last_name="berzina", emails=["Anna@Koka.LV"],
                                    job_title="CFO", tags=["VIP"])
    jonas = db.contacts.create(first_name="Jonas", last_name="Petraitis", phones=["+371 26123456"])
    olena = db.contacts.create(first_name="Олена", last_name="Ковальчук")
    olena_again = db.contacts.create(first_name="ОЛЕНА", last_name="КОВАЛЬЧУК")
    return anna, anna_again, jonas, olena, olena_again


def test_find_lists_pairs_best_score_first(db, people):
    anna, anna_again, jonas, olena, olena_again = people
    pairs = list(db.duplicates.find("contact"))
    assert [(p.first_id, p.second_id, p.score, p.reasons) for p in pairs] == [
        (anna.id, anna_again.id, 94, ["same_email", "same_name"]),
        (anna.id, jonas.id, 80, ["same_phone"]),
        (olena.id, olena_again.id, 40, ["same_name"]),
    ]
    assert all(p.kind == "contact" for p in pairs)
    assert "score 94" in repr(pairs[0])


def test_names_spelled_alike_in_latin_are_duplicates(db):
    kozlowski = db.contacts.create(first_name="Łukasz", last_name="Kozłowski")
    ivanov = db.contacts.create(first_name="Иван", last_name="Иванов")
    ascii_kozlowski = db.contacts.create(first_name="Lukasz", last_name="Kozlowski")
    latin_ivanov = db.contacts.create(first_name="Ivan", last_name="Ivanov")
    assert [(p.first_id, p.second_id, p.reasons) for p in db.duplicates.find("contact")] == [
        (ivanov.id, latin_ivanov.id, ["same_name"]), (kozlowski.id, ascii_kozlowski.id, ["same_name"])]
    mueller = db.accounts.create(name="Mueller GmbH")
    assert [(m.id, m.reasons) for m in db.duplicates.matches("account", name="Müller GmbH")] == [
        (mueller.id, ["same_name"])]


def test_find_narrows_by_limit_and_min_score(db, people):
    assert len(list(db.duplicates.find("contact", limit=1))) == 1
    assert [p.score for p in db.duplicates.find("contact", min_score=80)] == [94, 80]
    with pytest.raises(crmcore.ValidationError, match="duplicates.limit"):
        db.duplicates.find("contact", limit=0)
    with pytest.raises(crmcore.ValidationError, match="accounts and contacts"):
        db.duplicates.find("lead")


def test_find_gives_records_and_a_data_frame(db, people):
    records = db.duplicates.find("contact").to_records()
    assert records[0] == {"kind": "contact", "first_id": people[0].id, "second_id": people[1].id, "score": 94,
                          "reasons": ["same_email", "same_name"]}
    pandas = pytest.importorskip("pandas")
    frame = db.duplicates.find("contact").to_pandas()
    assert isinstance(frame, pandas.DataFrame)
    assert list(frame.columns) == ["kind", "first_id", "second_id", "score", "reasons"]
    assert list(frame["score"]) == [94, 80, 40]


def test_accounts_pair_by_registration_number_and_vat_id(db):
    koka = db.accounts.create(name="SIA Koka Nams", registration_number="40003 000-000")
    again = db.accounts.create(name="Koka", registration_number="40003.000.000", vat_id="LV40003000000")
    vat = db.accounts.create(name="Other", vat_id="lv 4000 3000 000")
    pairs = list(db.duplicates.find("account"))
    assert [(p.first_id, p.second_id, p.reasons) for p in pairs] == [
        (koka.id, again.id, ["same_registration_number"]), (again.id, vat.id, ["same_vat_id"])]


def test_matches_list_what_a_new_record_would_duplicate(db, people):
    anna = people[0]
    found = db.duplicates.matches("contact", first_name="anna", last_name="BĒRZIŅA", emails=["ANNA@koka.lv"])
    assert [(m.id, m.score, m.reasons) for m in found] == [
        (anna.id, 94, ["same_email", "same_name"]), (people[1].id, 94, ["same_email", "same_name"])]
    assert found[0].to_dict() == {"id": anna.id, "score": 94, "reasons": ["same_email", "same_name"]}
    nobody = crmcore.Contact()
    nobody.last_name = "Nobody"
    assert db.duplicates.matches("contact", nobody) == []
    assert len(db.duplicates.matches("contact", {"last_name": "Berzina", "first_name": "Anna"}, min_score=50)) == 0
    koka = db.accounts.create(name="SIA Koka Nams", registration_number="40003000000")
    assert [m.id for m in db.duplicates.matches("account", name="Koka", registration_number="4000-3000-000")] == [
        koka.id]
    with pytest.raises(crmcore.ValidationError, match=r"contact.emails\[0\]"):
        db.duplicates.matches("contact", last_name="X", emails=["not an address"])


def test_merge_keeps_everything_and_honours_take(db, people):
    anna, anna_again, jonas = people[:3]
    call = db.activities.create(kind="call", subject="Call", status="done", contact=anna_again)
    koka = db.accounts.create(name="SIA Koka Nams")
    deal = db.opportunities.create(account=koka, primary_contact=anna_again, name="Shelves", amount="100.00 EUR")
    listed = db.segments.create_list("contact", "Call back")
    db.segments.add_members(listed, [anna_again])

    merged = db.duplicates.merge("contact", anna, anna_again, take={"job_title": "other"})

    assert isinstance(merged, crmcore.Contact)
    assert (merged.id, merged.job_title, merged.first_name) == (anna.id, "CFO", "Anna")
    assert merged.version == anna.version + 1
    assert [e.address for e in merged.emails] == ["anna@koka.lv"]
    assert merged.tags == ["VIP"]
    assert db.activities.get(call.id).contact == anna.id
    assert db.opportunities.get(deal.id).primary_contact == anna.id
    assert db.segments.contains(listed, anna)
    with pytest.raises(crmcore.NotFoundError):
        db.contacts.get(anna_again.id)
    assert [p.reasons for p in db.duplicates.find("contact")][0] == ["same_phone"]
    assert jonas.id in [p.second_id for p in db.duplicates.find("contact")]


def test_merge_of_accounts_moves_subsidiaries(db):
    survivor = db.accounts.create(name="Koka Nams")
    other = db.accounts.create(name="SIA Koka Nams", email="info@koka.lv")
    branch = db.accounts.create(name="Koka Nams Tartu", parent=other)
    merged = db.duplicates.merge("account", survivor.id, other.id, take={"name": "other"})
    assert isinstance(merged, crmcore.Account)
    assert (merged.name, merged.email) == ("SIA Koka Nams", "info@koka.lv")
    assert db.accounts.get(branch.id).parent == survivor.id


def test_merge_refusals_raise_and_write_nothing(db, people):
    anna, anna_again = people[:2]
    with pytest.raises(crmcore.ValidationError, match="into itself"):
        db.duplicates.merge("contact", anna, anna)
    with pytest.raises(crmcore.ValidationError, match="did you mean 'job_title'"):
        db.duplicates.merge("contact", anna, anna_again, take={"jobtitle": "other"})
    with pytest.raises(crmcore.ValidationError, match="merge.take"):
        db.duplicates.merge("contact", anna, anna_again, take={"job_title": "left"})
    with pytest.raises(crmcore.NotFoundError):
        db.duplicates.merge("contact", anna, 999)
    db.contacts.remove(anna_again)
    with pytest.raises(crmcore.ConflictError, match="is deleted"):
        db.duplicates.merge("contact", anna, anna_again)
    with pytest.raises(TypeError, match="merge.other: expected an id"):
        db.duplicates.merge("contact", anna, db.accounts.create(name="X"))
    assert db.contacts.get(anna_again.id).job_title == "CFO"
    assert db.duplicates.history("contact", anna) == []


def test_history_records_who_when_choices_and_the_merged_record(db, people):
    db.users.create("anna.berzina", roles=["administrator"])
    db.user = "anna.berzina"
    anna, anna_again = people[:2]
    db.duplicates.merge("contact", anna, anna_again, take={"Job_Title": "survivor"})
    (merge,) = db.duplicates.history("contact", anna.id)
    assert (merge.kind, merge.survivor_id, merge.merged_id, merge.merged_by) == (
        "contact", anna.id, anna_again.id, "anna.berzina")
    assert isinstance(merge.merged_at, datetime.datetime) and merge.merged_at.tzinfo is not None
    assert merge.choices == {"job_title": "survivor"}
    assert merge.merged_record["first_name"] == "ANNA"
    assert merge.merged_record["emails"] == [{"address": "Anna@Koka.LV", "primary": True}]
    assert merge.to_dict()["merged_id"] == anna_again.id
    assert "into" in repr(merge)
    with pytest.raises(crmcore.NotFoundError):
        db.duplicates.history("contact", anna_again.id)
