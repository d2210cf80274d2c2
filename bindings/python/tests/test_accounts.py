"""db.accounts: create, read, update, delete, list, lookups."""
import datetime

import pytest

import crmcore


def make(db, **fields):
    values = dict(name="SIA Koka Nams", vat_id="LV40003012345", phone="67 123 456", email="Info@KokaNams.lv",
                  city="Rīga", country="lv", owner="anna", external_ref="ERP-1001", tags=["VIP", "timber"])
    values.update(fields)
    return db.accounts.create(**values)


def test_create_normalizes_and_stamps(db):
    account = make(db, name="  SIA Koka Nams ", description="Line one\nline two")
    assert account.id and account.version == 1
    assert account.name == "SIA Koka Nams"
    assert account.country == "LV"
    assert account.phone_e164 == "+37167123456"
    assert account.created_at.tzinfo is datetime.timezone.utc
    assert account.deleted_at is None and not account.deleted
    assert repr(account) == f"<Account {account.id} 'SIA Koka Nams' LV v1>"
    read = db.accounts.get(account.id)
    assert read.tags == ["timber", "VIP"]
    assert read.city == "Rīga" and read.description == "Line one\nline two"


def test_create_from_a_record_object(db):
    record = crmcore.Account()
    record.name = "UAB Antra"
    record.country = "LT"
    stored = db.accounts.create(record, owner="ona")
    assert (stored.name, stored.country, stored.owner) == ("UAB Antra", "LT", "ona")
    assert record.id is None  # the draft is not changed


@pytest.mark.parametrize("field, value", [
    ("name", ""), ("email", "info@kokanams"), ("phone", "12"), ("country", "Narnia"),
    ("name", "bad \udcff"), ("website", "koka nams.lv"),
])
def test_bad_input_raises_validation_error_naming_the_field(db, field, value):
    with pytest.raises((crmcore.ValidationError, UnicodeEncodeError)) as raised:
        make(db, **{field: value})
    if isinstance(raised.value, crmcore.ValidationError):
        assert raised.value.field == f"account.{field}" or field in raised.value.field
        assert isinstance(raised.value, ValueError)
    assert db.accounts.count() == 0


def test_unknown_and_read_only_fields_are_type_errors(db):
    with pytest.raises(TypeError, match="unexpected keyword argument 'nmae'"):
        db.accounts.create(nmae="x")
    with pytest.raises(TypeError, match="read-only field 'id'"):
        db.accounts.create(name="x", id=5)
    with pytest.raises(TypeError, match="read-only field 'phone_e164'"):
        db.accounts.create(name="x", phone_e164="+1")


def test_duplicate_external_ref_is_already_exists(db):
    make(db)
    with pytest.raises(crmcore.AlreadyExistsError, match="ERP-1001") as raised:
        make(db, name="Other")
    assert raised.value.field == "account.external_ref"
    assert raised.value.code == "already_exists"


def test_update_checks_the_version(db):
    account = make(db)
    updated = db.accounts.update(account, industry="Timber")
    assert updated.version == 2 and updated.industry == "Timber"
    with pytest.raises(crmcore.ConflictError, match="changed by someone else"):
        db.accounts.update(account, industry="Lost update")
    assert db.accounts.get(account.id).industry == "Timber"
    updated.city = "Jūrmala"
    assert db.accounts.update(updated).city == "Jūrmala"


def test_missing_ids_are_not_found(db):
    with pytest.raises(crmcore.NotFoundError):
        db.accounts.get(404)
    with pytest.raises(LookupError):
        db.accounts.remove(404)


def test_soft_delete_restore_purge(db):
    account = make(db)
    removed = db.accounts.remove(account)
    assert removed.deleted and removed.deleted_at is not None
    assert db.accounts.count() == 0
    assert db.accounts.count(deleted="only") == 1
    assert db.accounts.find_by_external_ref("ERP-1001") is None
    with pytest.raises(crmcore.ConflictError):
        db.accounts.remove(account.id)
    assert not db.accounts.restore(account.id).deleted
    db.accounts.purge(account.id)
    with pytest.raises(crmcore.NotFoundError):
        db.accounts.get(account.id)


def test_parents_and_subsidiaries(db):
    holding = make(db, name="Holding", external_ref="")
    daughter = make(db, name="Daughter", external_ref="", parent=holding)
    assert daughter.parent == holding.id
    assert [a.name for a in db.accounts.subsidiaries(holding)] == ["Daughter"]
    with pytest.raises(crmcore.ValidationError, match="subsidiaries"):
        db.accounts.update(holding, parent=daughter.id)
    with pytest.raises(crmcore.NotFoundError):
        make(db, name="Orphan", external_ref="", parent=999)


def test_lookups(db):
    account = make(db)
    assert db.accounts.find_by_external_ref("ERP-1001").id == account.id
    assert [a.id for a in db.accounts.find_by_email("INFO@kokanams.LV")] == [account.id]
    for written in ("+371 67 123 456", "0037167123456", "67123456"):
        assert [a.id for a in db.accounts.find_by_phone(written)] == [account.id]
    assert db.accounts.find_by_phone("+371 67 000 000") == []
    with pytest.raises(crmcore.ValidationError, match="not a phone number"):
        db.accounts.find_by_phone("hello")


def test_list_filters_sort_and_pages(db):
    for i, (name, country, owner) in enumerate([("Alpha", "LV", "anna"), ("Beta", "LT", "anna"),
                                                ("Gamma", "LV", "peter"), ("ērglis", "LV", "anna")]):
        make(db, name=name, country=country, owner=owner, external_ref=f"E{i}", tags=["vip"] if i % 2 else [])
    assert [a.name for a in db.accounts.list()] == ["Alpha", "Beta", "ērglis", "Gamma"]
    assert [a.name for a in db.accounts.list(sort="id", descending=True)] == ["ērglis", "Gamma", "Beta", "Alpha"]
    assert [a.name for a in db.accounts.list(owner="anna", country="LV")] == ["Alpha", "ērglis"]
    assert [a.name for a in db.accounts.list(tag="VIP")] == ["Beta", "ērglis"]
    assert [a.name for a in db.accounts.list(page_size=1)] == ["Alpha", "Beta", "ērglis", "Gamma"]
    assert db.accounts.count(country="LV") == 3
    with pytest.raises(crmcore.ValidationError):
        db.accounts.list(sort="colour")
    with pytest.raises(crmcore.ValidationError):
        db.accounts.list(deleted="maybe")
    with pytest.raises(crmcore.ValidationError):
        db.accounts.count(page_size=0)


def test_injection_like_text_is_just_text(db):
    nasty = "Robert'); DROP TABLE accounts;--"
    account = make(db, name=nasty, owner="x' OR '1'='1")
    assert db.accounts.get(account.id).name == nasty
    assert db.accounts.count(owner="anything' OR '1'='1") == 0
