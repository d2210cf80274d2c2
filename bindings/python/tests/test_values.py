"""Money, Birthday, Email, Phone, Consent."""
import datetime
from decimal import Decimal

import pytest

import crmcore


def test_money_parse_format_and_minor_units():
    money = crmcore.Money.parse("1234.50 EUR")
    assert money == crmcore.Money(Decimal("1234.50"), "EUR")
    assert str(money) == "1234.50 EUR"
    assert str(crmcore.Money(Decimal("5"), "EUR")) == "5.00 EUR"
    assert crmcore.Money.of("1500", "JPY") == crmcore.Money(Decimal("1500"), "JPY")
    assert crmcore.currency_minor_digits("KWD") == 3
    with pytest.raises(crmcore.ValidationError, match="JPY"):
        crmcore.Money.of(Decimal("1.5"), "JPY")
    with pytest.raises(crmcore.ValidationError):
        crmcore.Money.parse("12 EURO")
    with pytest.raises(TypeError, match="float"):
        crmcore.Money.of(1.5, "EUR")
    with pytest.raises(crmcore.ValidationError):
        crmcore.currency_minor_digits("XYZ")


def test_birthday():
    birthday = crmcore.Birthday(month=2, day=29)
    assert birthday.year is None and str(birthday) == "--02-29"
    assert birthday.to_date(2024) == datetime.date(2024, 2, 29)
    with pytest.raises(crmcore.ValidationError):
        birthday.to_date()
    assert repr(crmcore.Birthday(1990, month=5, day=1)) == "Birthday('1990-05-01')"
    assert len({crmcore.Birthday.parse("--01-01"), crmcore.Birthday(month=1, day=1)}) == 1


def test_small_values_have_readable_reprs():
    assert repr(crmcore.Email("a@b.lv", True)) == "Email('a@b.lv', primary=True)"
    phone = crmcore.Phone("26 123 456", kind="home")
    assert repr(phone) == "Phone('26 123 456', kind='home')"
    phone.kind = "work"
    assert phone.kind == "work" and phone.e164 == ""
    consent = crmcore.Consent("sms", False)
    assert consent.changed_at is None and repr(consent) == "Consent('sms', False)"
    stamped = crmcore.Consent("email", True, datetime.datetime(2024, 5, 1, 10, tzinfo=datetime.timezone(datetime.timedelta(hours=3))))
    assert stamped.changed_at == datetime.datetime(2024, 5, 1, 7, tzinfo=datetime.timezone.utc)


def test_dates_outside_the_supported_years_are_validation_errors():
    with crmcore.open(":memory:") as db:
        person = db.contacts.create(last_name="Ozola")
        account = db.accounts.create(name="SIA")
        with pytest.raises(crmcore.ValidationError, match="1400"):
            db.employments.start(person, account, "x", datetime.date(1, 1, 1))
        with pytest.raises(crmcore.ValidationError):
            db.contacts.create(last_name="Old", birthday=datetime.date(1000, 1, 1))
    with pytest.raises(crmcore.ValidationError):
        crmcore.Birthday(month=2, day=29).to_date(2023)
    with pytest.raises(crmcore.ValidationError):
        crmcore.Consent("email", True, "9999-12-31T23:59:00-01:00")


def test_a_record_stands_only_for_an_id_of_its_own_kind():
    with crmcore.open(":memory:") as db:
        account = db.accounts.create(name="SIA Koks")
        person = db.contacts.create(last_name="Ozola")
        assert db.contacts.get(person).id == person.id
        with pytest.raises(TypeError):
            db.contacts.get(account)
        with pytest.raises(TypeError):
            db.employments.start(account, person)


def test_busy_timeout_must_be_a_sensible_number():
    for bad in (float("nan"), float("inf"), 1e10, -0.5):
        with pytest.raises(crmcore.ValidationError, match="busy_timeout"):
            crmcore.open(":memory:", busy_timeout=bad)
