"""Lazy lists and selects, to_records() and to_pandas()."""
import datetime
import sys

import pytest

import crmcore


def test_select_yields_tuples_in_pages(sample_db):
    rows = sample_db.contacts.select("id", "first_name", "email", "created_at", sort="id", page_size=7)
    assert rows.columns == ["id", "first_name", "email", "created_at"]
    seen = list(rows)
    assert len(seen) == 120
    assert [r[0] for r in seen] == sorted(r[0] for r in seen)
    ident, first, email, created = seen[0]
    assert isinstance(ident, int) and "@" in email
    assert created.tzinfo is datetime.timezone.utc


def test_select_filters_and_nulls(sample_db):
    latvians = list(sample_db.contacts.select("country", "account_name", country="LV"))
    assert latvians and all(country == "LV" for country, _ in latvians)
    assert len(latvians) == sample_db.contacts.count(country="LV")
    parents = [p for (p,) in sample_db.accounts.select("parent_id")]
    assert None in parents


def test_select_refuses_unknown_columns(sample_db):
    with pytest.raises(crmcore.ValidationError, match="'salary'"):
        sample_db.contacts.select("first_name", "salary")
    with pytest.raises(crmcore.ValidationError):
        sample_db.contacts.select()
    assert "email" in crmcore.Contacts.selectable_columns()
    assert "vat_id" in sample_db.accounts.selectable_columns()


def test_list_is_lazy_and_complete(sample_db):
    records = sample_db.contacts.list(sort="id", page_size=25)
    iterator = iter(records)
    first = next(iterator)
    assert isinstance(first, crmcore.Contact)
    assert 1 + sum(1 for _ in iterator) == 120


def test_to_records(sample_db):
    rows = sample_db.accounts.select("name", "country", sort="id").to_records()
    assert rows[0].keys() == {"name", "country"}
    records = sample_db.accounts.list(country="DE").to_records()
    assert records and all(r["country"] == "DE" for r in records)


def test_to_pandas(sample_db):
    pandas = pytest.importorskip("pandas")
    frame = sample_db.contacts.select("first_name", "last_name", "country").to_pandas()
    assert list(frame.columns) == ["first_name", "last_name", "country"]
    assert len(frame) == 120
    assert frame.groupby("country").size().sum() == 120
    accounts = sample_db.accounts.list().to_pandas()
    assert isinstance(accounts, pandas.DataFrame) and "vat_id" in accounts.columns


def test_to_pandas_without_pandas_says_what_to_install(sample_db, monkeypatch):
    monkeypatch.setitem(sys.modules, "pandas", None)  # import pandas now raises ImportError
    with pytest.raises(ImportError, match="python3-pandas"):
        sample_db.contacts.select("id").to_pandas()
    with pytest.raises(ImportError, match="python3-pandas"):
        sample_db.contacts.list().to_pandas()
