"""Money leaves crmcore exact and with its currency on every Python surface (issue 20).

A database holding deals in EUR, GBP, UAH, USD, JPY (no minor digits) and KWD (three), and a
custom money field on every record kind, is walked through select(), the records of list(),
to_records() and to_pandas() of every kind and every report. Which values are money is taken
from the record field descriptors (crmcore.record_fields()), the custom field definitions and
the column types of the report catalog, never from a list of names here; a float where they
say money fails, and so does an amount that does not equal the stored minor units.
"""
import datetime
from decimal import ROUND_HALF_UP, Decimal

import pytest

import crmcore

# The store of each record kind (db.<store>) and whether it has select().
STORES = {"account": ("accounts", True), "contact": ("contacts", True), "lead": ("leads", True),
          "opportunity": ("opportunities", True), "activity": ("activities", False)}
# Amounts in currencies with 2, 0 and 3 minor digits, each beside its rate to the base (EUR).
DEALS = [("1234.56 EUR", None), ("99.99 GBP", "1.17"), ("150000.05 UAH", "0.0225"), ("5856.10 USD", "0.92"),
         ("123457 JPY", "0.0061"), ("12.345 KWD", "2.98")]


@pytest.fixture
def book(tmp_path):
    """The sample data plus deals in six currencies with their rates, and a custom money field
    "budget" on every record kind, set on one record of each."""
    with crmcore.open(tmp_path / "money.crm", default_region="LV") as db:
        db.load_sample_data(accounts=10, contacts=30)
        for amount, rate in DEALS:
            if rate:
                db.currencies.set_rate(amount[-3:], "EUR", datetime.date(2000, 1, 1), rate)
        account = db.accounts.list().to_records()[0]["id"]
        for kind in STORES:
            db.custom_fields.define(kind, "budget", "money")
        for index, (amount, _) in enumerate(DEALS):
            db.opportunities.create(account=account, name=f"Deal {index}", amount=amount,
                                    custom={"budget": crmcore.Money.parse("0.50 EUR")})
        db.accounts.update(db.accounts.get(account), custom={"budget": crmcore.Money.parse("7.5 GBP")})
        contact = db.contacts.list().to_records()[0]["id"]
        db.contacts.update(db.contacts.get(contact), custom={"budget": crmcore.Money.parse("1000 JPY")})
        db.leads.create(last_name="Ozols", company_name="SIA Ozols",
                        custom={"budget": crmcore.Money.parse("0.001 KWD")})
        db.activities.create(kind="task", subject="Call back", account=account,
                             custom={"budget": crmcore.Money.parse("3.20 USD")})
        yield db


def money_names(db, kind):
    """The money fields of a kind: its descriptors of type money and its custom money fields."""
    built_in = [f.name for f in crmcore.record_fields(kind) if f.type == "money"]
    custom = [f.name for f in db.custom_fields.list(kind) if f.type == "money"]
    return built_in, custom


def check_money(value, where):
    """`value` is None or a crmcore.Money with a Decimal amount exact to its currency's minor unit."""
    if value is None:
        return
    assert isinstance(value, crmcore.Money), (where, value)
    assert isinstance(value.amount, Decimal) and not isinstance(value.amount, float), (where, value)
    assert isinstance(value.currency, str) and len(value.currency) == 3, (where, value)
    digits = crmcore.currency_minor_digits(value.currency)
    assert value.amount == value.amount.quantize(Decimal(1).scaleb(-digits)), (where, value)


def check_no_float(values, where):
    assert not any(isinstance(v, float) for v in values), (where, [v for v in values if isinstance(v, float)][:3])


def test_the_book_holds_every_currency_and_every_kind_a_money_field(book):
    assert {deal.amount.currency for deal in book.opportunities.list()} >= {amount[-3:] for amount, _ in DEALS}
    for kind in STORES:
        built_in, custom = money_names(book, kind)
        assert custom == ["budget"]
    assert money_names(book, "opportunity")[0] == ["amount"]


@pytest.mark.parametrize("kind", [k for k, (_, selects) in STORES.items() if selects])
def test_select_gives_money_with_its_currency_and_never_a_float(book, kind):
    store = getattr(book, STORES[kind][0])
    built_in, custom = money_names(book, kind)
    columns = store.selectable_columns() + custom
    rows = store.select(*columns)
    types = dict(zip(rows.columns, rows.column_types))
    money = [name for name, kind_ in types.items() if kind_ == "decimal"]
    assert set(built_in + custom) <= set(money), "every money field is a money column"
    table = list(rows)
    assert table
    for position, name in enumerate(columns):
        values = [row[position] for row in table]
        if types[name] != "real":
            check_no_float(values, (kind, name))
        if name in money:
            for value in values:
                check_money(value, (kind, name))
    if kind == "opportunity":  # the amount is exactly the stored minor units, in the stored currency
        for row in store.select("amount", "amount_minor", "currency", "weighted_amount", "probability"):
            amount, minor, currency, weighted, probability = row
            assert amount.currency == currency == weighted.currency
            assert amount.amount.scaleb(crmcore.currency_minor_digits(currency)) == minor
            exact = Decimal(minor * probability) / 100
            rounded = int(exact.to_integral_value(rounding=ROUND_HALF_UP))
            assert weighted.amount.scaleb(crmcore.currency_minor_digits(currency)) == rounded


@pytest.mark.parametrize("kind", [k for k, (_, selects) in STORES.items() if selects])
def test_select_tables_put_the_currency_beside_every_money_column(book, kind):
    pytest.importorskip("pandas")
    store = getattr(book, STORES[kind][0])
    built_in, custom = money_names(book, kind)
    columns = ["id"] + built_in + custom
    records = store.select(*columns).to_records()
    expected = ["id"] + [n for name in built_in + custom for n in (name, name + "_currency")]
    assert records and all(list(record) == expected for record in records)
    for record in records:
        for name in built_in + custom:
            assert record[name] is None or type(record[name]) is Decimal, (kind, name, record)
            assert (record[name] is None) == (record[name + "_currency"] is None)
    frame = store.select(*columns).to_pandas()
    assert list(frame.columns) == expected
    for name in built_in + custom:
        assert str(frame[name].dtype) == "object"
        check_no_float(frame[name].tolist(), (kind, name))
        assert all(type(v) is Decimal for v in frame[name].dropna())
    floats = store.select(*columns).to_pandas(money="float")
    for name in built_in + custom:
        assert str(floats[name].dtype) == "float64"
    with pytest.raises(ValueError, match="money='cents'"):
        store.select(*columns).to_pandas(money="cents")


@pytest.mark.parametrize("kind", list(STORES))
def test_records_and_their_tables_give_money_with_its_currency(book, kind):
    pytest.importorskip("pandas")
    store = getattr(book, STORES[kind][0])
    built_in, custom = money_names(book, kind)
    for record in store.list():
        for name in built_in:
            check_money(getattr(record, name), (kind, name))
        for name in custom:
            check_money(record.custom.get(name), (kind, "custom", name))
    records = store.list().to_records()
    assert records
    for record in records:
        for name in built_in:
            assert type(record[name]) is Decimal and isinstance(record[name + "_currency"], str), (kind, name)
        check_no_float(record.values(), kind)
    if built_in:
        frame = store.list().to_pandas()
        for name in built_in:
            assert str(frame[name].dtype) == "object" and name + "_currency" in frame.columns
            assert all(type(v) is Decimal for v in frame[name])
        floats = store.list().to_pandas(money="float")
        assert all(str(floats[name].dtype) == "float64" for name in built_in)


@pytest.mark.parametrize("name", crmcore.Reports.names())
def test_every_report_gives_money_as_decimal_in_its_currency(book, name):
    pytest.importorskip("pandas")
    report = book.reports.run(name)
    catalog = {column.name: column.type for column in crmcore.Reports.info(name).columns}
    assert report.column_types == [catalog[column] for column in report.columns]
    money = [column for column, kind in zip(report.columns, report.column_types) if kind == "decimal"]
    for row in report:
        for column, value in zip(report.columns, row):
            if column in money:
                assert value is None or type(value) is Decimal, (name, column, value)
    for record in report.to_records():
        for column in money:
            assert record[column] is None or type(record[column]) is Decimal
            assert record[column + "_currency"] == (None if record[column] is None else report.currency)
    frame = report.to_pandas()
    for column in money:
        assert str(frame[column].dtype) == "object" and column + "_currency" in frame.columns
        check_no_float(frame[column].tolist(), (name, column))
    floats = report.to_pandas(money="float")
    assert all(str(floats[column].dtype) == "float64" for column in money)
