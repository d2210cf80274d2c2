"""Regression tests for the review fixes: repr/path under another thread's transaction,
Money from ints, consents as tuples, parse_custom_value, pagers after close()."""
import datetime
import threading
from decimal import Decimal

import pytest

import crmcore


def test_repr_path_and_region_do_not_wait_for_another_threads_transaction(tmp_path):
    path = tmp_path / "held.crm"
    db = crmcore.open(path, default_region="LV", busy_timeout=2.0)
    inside = threading.Event()
    release = threading.Event()

    def hold():
        with db.transaction():
            inside.set()
            release.wait(10)

    holder = threading.Thread(target=hold)
    holder.start()
    try:
        assert inside.wait(10)
        # These used to queue behind the transaction and raise BusyError after 2 s.
        assert repr(db) == f"<crmcore.Database {str(path)!r}>"
        assert db.path == str(path)
        assert db.default_region == "LV"
    finally:
        release.set()
        holder.join()
    db.close()
    assert repr(db) == "<crmcore.Database closed>"
    with pytest.raises(crmcore.ValidationError, match="closed"):
        db.default_region


def test_money_with_int_amount_round_trips(db):
    five = crmcore.Money(5, "EUR")
    assert str(five) == "5.00 EUR"
    product = db.products.create(sku="P-5", name="Five", list_price=five)
    assert product.list_price == crmcore.Money(Decimal("5.00"), "EUR")
    assert db.products.get(product.id).list_price.amount == 5


def test_money_with_big_int_amount_stays_exact(db):
    big = crmcore.Money(10**17 + 1, "JPY")
    assert str(big) == "100000000000000001 JPY"
    product = db.products.create(sku="P-BIG", name="Big", list_price=big)
    assert product.list_price.amount == Decimal(10**17 + 1)
    db.custom_fields.define("account", "budget", "money")
    account = db.accounts.create(name="Rich", custom={"budget": big})
    assert db.accounts.get(account.id).custom["budget"] == crmcore.Money(Decimal(10**17 + 1), "JPY")


def test_money_with_float_amount_is_refused(db):
    with pytest.raises(TypeError, match="float"):
        str(crmcore.Money(5.0, "EUR"))
    with pytest.raises(crmcore.ValidationError, match="float"):
        db.products.create(sku="P-F", name="Float", list_price=crmcore.Money(5.0, "EUR"))


def test_contact_consents_accept_tuples_and_refuse_wrong_types(db):
    contact = db.contacts.create(last_name="Ozola")
    contact.consents = [("email", True), ("sms", False)]
    assert [(c.channel, c.granted) for c in contact.consents] == [("email", True), ("sms", False)]
    stored = db.contacts.update(contact)
    assert [(c.channel, c.granted) for c in stored.consents] == [("email", True), ("sms", False)]
    contact.consents = [crmcore.Consent("post", True)]
    assert [c.channel for c in contact.consents] == ["post"]
    with pytest.raises(TypeError):
        contact.consents = [42]
    with pytest.raises(TypeError):
        contact.consents = "email"


@pytest.mark.parametrize("type_, text, expected", [
    ("text", "hello", "hello"),
    ("integer", "42", 42),
    ("decimal", "12.50", Decimal("12.5")),
    ("money", "1200.00 EUR", crmcore.Money(Decimal("1200.00"), "EUR")),
    ("date", "2025-01-31", datetime.date(2025, 1, 31)),
    ("boolean", "yes", True),
    ("boolean", "0", False),
    ("choice", "Gold", "Gold"),
    ("choices", "a;b", ["a", "b"]),
])
def test_parse_custom_value(type_, text, expected):
    value = crmcore.parse_custom_value(type_, text)
    assert value == expected
    assert type(value) is type(expected)


def test_parse_custom_value_refuses_bad_input():
    with pytest.raises(crmcore.ValidationError, match="value"):
        crmcore.parse_custom_value("integer", "forty-two")
    with pytest.raises(crmcore.ValidationError, match="not one of"):
        crmcore.parse_custom_value("colour", "red")
    assert "parse_custom_value" in crmcore.__all__


def test_record_pager_after_close_raises_like_rows(tmp_path):
    db = crmcore.open(tmp_path / "pager.crm")
    db.accounts.create(name="One")
    records = db.accounts.list()
    rows = db.accounts.select("id")
    db.close()
    with pytest.raises(crmcore.ValidationError, match="closed"):
        list(rows)
    with pytest.raises(crmcore.ValidationError, match="closed"):
        list(records)
