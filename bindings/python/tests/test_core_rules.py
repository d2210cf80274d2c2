"""Rules the module takes from the core, so that they read the same as in C++, C and the crm program:
the default and the limits of page_size, the names of deleted= and sort=, batch_rows, delimiters."""
import io

import pytest

import crmcore

LISTING_METHODS = ["list", "count", "select"]


def signature_default(function, parameter):
    """The default of a keyword in a pybind11 function's signature line, as written there."""
    first_line = function.__doc__.splitlines()[0]
    return first_line.split(f"{parameter}: ", 1)[1].split(" = ", 1)[1].split(",", 1)[0].split(")", 1)[0]


@pytest.mark.parametrize("method", LISTING_METHODS)
def test_page_size_defaults_to_the_core_default(method):
    # C++ ListQuery{}.limit and C's crm_query_new() both page by 100.
    assert signature_default(getattr(crmcore.Contacts, method), "page_size") == "100"
    assert signature_default(getattr(crmcore.Opportunities, method), "page_size") == "100"
    assert signature_default(crmcore.Segments.members, "page_size") == "100"


def test_page_size_limits_are_the_core_limits(db):
    db.accounts.create(name="SIA Koka Nams")
    assert [a.name for a in db.accounts.list(page_size=10000)] == ["SIA Koka Nams"]
    for bad in (0, 10001):
        with pytest.raises(crmcore.ValidationError, match=f"page_size: {bad} is outside 1..10000") as raised:
            db.accounts.list(page_size=bad)
        assert raised.value.field == "page_size"


def test_more_records_than_a_page_are_all_listed(db):
    for i in range(103):
        db.contacts.create(last_name=f"Bērziņa {i:03d}")
    assert len(list(db.contacts.list())) == 103
    assert db.contacts.count() == 103
    assert len(list(db.contacts.select("id"))) == 103


def test_deleted_and_sort_names_come_from_the_core(db):
    kept = db.accounts.create(name="B")
    gone = db.accounts.create(name="A")
    db.accounts.remove(gone)
    assert [a.name for a in db.accounts.list(deleted="only")] == ["A"]
    assert [a.name for a in db.accounts.list(deleted="include", sort="name")] == ["A", "B"]
    assert [a.id for a in db.accounts.list(sort="id", descending=True)] == [kept.id]
    with pytest.raises(crmcore.ValidationError, match="deleted: 'all' is not one of 'exclude', 'include', 'only'") as raised:
        db.accounts.list(deleted="all")
    assert raised.value.field == "deleted"
    with pytest.raises(crmcore.ValidationError, match="sort: 'age' is not one of 'name', 'id', 'updated_at'") as raised:
        db.accounts.count(sort="age")
    assert raised.value.field == "sort"


def test_batch_rows_follow_the_core_rule(db):
    assert signature_default(crmcore.Database.import_csv, "batch_rows") == "2000"
    for bad in (0, 100001):
        with pytest.raises(crmcore.ValidationError, match=f"batch_rows: {bad} is not between 1 and 100000") as raised:
            db.import_csv(io.StringIO("last_name\nBērziņa\n"), "contact", batch_rows=bad)
        assert raised.value.field == "batch_rows"
    assert db.import_csv(io.StringIO("last_name\nBērziņa\n"), "contact", batch_rows=100000).inserted == 1


def test_export_delimiter_follows_the_core_rule(db):
    db.accounts.create(name="SIA Koka Nams")
    with pytest.raises(crmcore.ValidationError, match="'|' is not a CSV delimiter") as raised:
        db.export("account", io.StringIO(), delimiter="|")
    assert raised.value.field == "delimiter"
