"""The change feed (db.changes_since, db.changes): every committed change once,
in order, with its fields; a cursor to follow; kinds and limit; nothing of
rolled-back work; retention and CursorExpiredError; what a user reads."""

import pytest

import crmcore


def test_each_committed_change_once_in_order_with_its_fields(db):
    start = db.changes.latest()
    anna = db.contacts.create(first_name="Anna", last_name="Berzina", emails=["anna@acme.lv"], tags=["vip"])
    anna = db.contacts.update(anna, job_title="CFO", emails=["anna@acme.lv", "a.b@acme.lv"])
    db.contacts.remove(anna)
    changes = db.changes_since(start)
    assert [c.op for c in changes] == ["create", "update", "delete"]
    assert [c.seq for c in changes] == sorted(c.seq for c in changes)
    assert all((c.kind, c.id) == ("contact", anna.id) for c in changes)
    created, updated, deleted = changes
    assert created.fields["last_name"] == (None, "Berzina")
    assert created.fields["emails"] == ([], ["anna@acme.lv"])  # a field of several values: (removed, added)
    assert updated.fields == {"job_title": (None, "CFO"), "emails": ([], ["a.b@acme.lv"])}
    assert deleted.fields == {}
    assert created.txn == created.seq and created.user == "" and created.origin == ""
    assert db.changes.since(start) == changes
    assert db.changes_since(changes[-1].seq) == []
    assert db.changes.latest() == changes[-1].seq


def test_kinds_limit_and_paging(db):
    for i in range(5):
        db.contacts.create(last_name=f"C{i}")
    db.accounts.create(name="Acme")
    assert [c.kind for c in db.changes_since(0, kinds=["account"])] == ["account"]
    first = db.changes_since(0, kinds=["contact"], limit=2)
    rest = db.changes_since(first[-1].seq, kinds=["contact"], limit=100)
    assert len(first) == 2 and len(rest) == 3
    with pytest.raises(crmcore.ValidationError, match="planet"):
        db.changes_since(0, kinds=["planet"])
    with pytest.raises(crmcore.ValidationError, match="limit"):
        db.changes_since(0, limit=0)
    with pytest.raises(crmcore.ValidationError, match="cursor"):
        db.changes_since(-1)


def test_rolled_back_work_is_never_in_the_feed(db):
    start = db.changes.latest()
    with pytest.raises(RuntimeError):
        with db.transaction():
            db.contacts.create(last_name="Rolled back")
            raise RuntimeError("abort")
    with db.transaction():
        db.contacts.create(last_name="Kept")
        db.accounts.create(name="Kept too")
    changes = db.changes_since(start)
    assert len(changes) == 2 and changes[0].txn == changes[1].txn
    assert changes[0].seq == start + 1


def test_a_reader_behind_retention_gets_cursor_expired(db):
    for i in range(6):
        db.contacts.create(last_name=f"C{i}")
    latest = db.changes.latest()
    db.audit.retention_entries = 2
    assert db.audit.retention_entries == 2
    assert db.changes.earliest_cursor() == latest - 2
    with pytest.raises(crmcore.CursorExpiredError, match="read the records again") as error:
        db.changes_since(0)
    assert error.value.code == "cursor_expired"
    assert len(db.changes_since(db.changes.earliest_cursor())) == 2
    with pytest.raises(crmcore.ValidationError):
        db.audit.retention_entries = -1


def test_a_user_reads_only_changes_of_records_they_read(db):
    db.users.create("rep", roles=["sales_rep"])
    mine = db.contacts.create(last_name="Mine", owner="rep")
    db.contacts.create(last_name="Theirs", owner="anna")
    with db.as_user("rep") as rep:
        assert [c.id for c in rep.changes_since(0, kinds=["contact"])] == [mine.id]
        assert [c.id for c in rep.changes.since(0, kinds=["contact"])] == [mine.id]
