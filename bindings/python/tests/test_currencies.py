"""db.currencies: the base currency and dated exchange rates."""
import datetime
from decimal import Decimal

import pytest

import crmcore

JAN = datetime.date(2025, 1, 1)
MAR = datetime.date(2025, 3, 1)


def test_a_new_database_sums_in_euro_until_told_otherwise(db):
    assert db.currencies.base == "EUR"
    db.currencies.set_base("USD")
    assert db.currencies.base == "USD"
    with pytest.raises(crmcore.ValidationError):
        db.currencies.set_base("XYZ")
    assert db.currencies.base == "USD"


def test_rates_are_exact_decimals_valid_from_their_day(db):
    first = db.currencies.set_rate("USD", "EUR", JAN, Decimal("0.9000"))
    assert (first.from_currency, first.to_currency, first.valid_from) == ("USD", "EUR", JAN)
    assert isinstance(first.rate, Decimal) and first.rate == Decimal("0.9")
    db.currencies.set_rate("USD", "EUR", MAR, "0.95")
    db.currencies.set_rate("GBP", "EUR", JAN, 1)
    assert db.currencies.rate("USD", "EUR", datetime.date(2025, 2, 28)).rate == Decimal("0.9")
    assert db.currencies.rate("USD", "EUR", MAR).rate == Decimal("0.95")
    assert db.currencies.rate(from_="GBP", to="EUR", day=datetime.date(2030, 1, 1)).rate == 1
    assert [(r.from_currency, r.valid_from) for r in db.currencies.rates()] == [("GBP", JAN), ("USD", JAN), ("USD", MAR)]
    assert [r.valid_from for r in db.currencies.rates("USD")] == [JAN, MAR]
    assert db.currencies.rates("USD", "GBP") == []
    assert db.currencies.rates("USD", "EUR")[1].to_dict() == {
        "from_currency": "USD", "to_currency": "EUR", "valid_from": MAR, "rate": Decimal("0.95")}
    assert repr(first) == "<ExchangeRate USD -> EUR from 2025-01-01: 0.9>"


def test_setting_a_rate_again_replaces_it_and_remove_deletes_it(db):
    db.currencies.set_rate("USD", "EUR", JAN, "0.90")
    db.currencies.set_rate("USD", "EUR", JAN, "0.91")
    assert [r.rate for r in db.currencies.rates("USD", "EUR")] == [Decimal("0.91")]
    db.currencies.remove_rate("USD", "EUR", JAN)
    assert db.currencies.rates() == []
    with pytest.raises(crmcore.NotFoundError):
        db.currencies.remove_rate("USD", "EUR", JAN)


def test_bad_rates_are_refused(db):
    for code_from, code_to, rate in [("USD", "USD", "1"), ("USD", "XYZ", "1"), ("USD", "EUR", "0"),
                                     ("USD", "EUR", "-1.5"), ("USD", "EUR", "abc"), ("USD", "EUR", "0.1234567890123")]:
        with pytest.raises(crmcore.ValidationError):
            db.currencies.set_rate(code_from, code_to, JAN, rate)
    with pytest.raises(crmcore.ValidationError, match="float"):
        db.currencies.set_rate("USD", "EUR", JAN, 0.9)
    with pytest.raises(TypeError):
        db.currencies.set_rate("USD", "EUR", JAN, [1])
    assert db.currencies.rates() == []


def test_convert_uses_the_rate_of_the_day_and_rounds_half_away_from_zero(db):
    db.currencies.set_rate("USD", "EUR", JAN, "0.9")
    db.currencies.set_rate("USD", "EUR", MAR, "0.95")
    assert db.currencies.convert(crmcore.Money.parse("100.00 USD"), "EUR", datetime.date(2025, 2, 1)) == \
        crmcore.Money(Decimal("90.00"), "EUR")
    assert db.currencies.convert("100.00 USD", "EUR", MAR) == crmcore.Money.parse("95.00 EUR")
    # 0.05 USD x 0.9 = 0.045 EUR -> 0.05 (half away from zero)
    assert str(db.currencies.convert("0.05 USD", "EUR", JAN)) == "0.05 EUR"
    assert str(db.currencies.convert("12.34 EUR", "EUR", JAN)) == "12.34 EUR"
    assert db.currencies.convert("10.00 USD", "EUR").currency == "EUR"  # today, under the March rate


def test_a_missing_rate_names_the_pair_and_the_day(db):
    db.currencies.set_rate("USD", "EUR", MAR, "0.95")
    with pytest.raises(crmcore.NotFoundError, match=r"USD.*EUR.*2025-02-28|2025-02-28.*USD.*EUR"):
        db.currencies.rate("USD", "EUR", datetime.date(2025, 2, 28))
    with pytest.raises(crmcore.NotFoundError, match=r"GBP.*EUR.*2025-03-01|2025-03-01.*GBP.*EUR"):
        db.currencies.convert("5.00 GBP", "EUR", MAR)
