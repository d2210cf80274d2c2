"""The audit trail (db.audit): an entry for each kind of write with the
fields' old and new values, the acting user and the origin tag; nothing for
rolled-back work; queries by user, period and page; what a user may read;
the settings."""

import datetime

import pytest

import crmcore


def changes(db, record, **kind):
    """The record's history as (operation, field, old, new) tuples."""
    return [(e.operation, e.field, e.old, e.new) for e in db.audit.history(record, **kind)]


def test_every_kind_of_write_leaves_its_entry(db):
    pipeline = db.pipelines.default()
    acme = db.accounts.create(name="Acme", city="Riga")
    other = db.accounts.create(name="Acme Ltd")
    anna = db.contacts.create(first_name="Anna", last_name="Berzina", emails=["anna@acme.lv"])
    anna = db.contacts.update(anna, job_title="CFO")
    anna = db.contacts.update(anna, account=acme)  # link
    anna = db.contacts.update(anna, account=None)  # unlink
    db.contacts.remove(anna)
    db.contacts.restore(anna)
    deal = db.opportunities.create(name="Licences", amount="1200.00 EUR", account=acme)
    db.opportunities.move_to_stage(deal, pipeline.stages[1])
    db.duplicates.merge("account", acme, other)
    gone = db.contacts.create(last_name="Gone", job_title="Intern")
    db.contacts.purge(gone)

    assert ("create", "city", None, "Riga") in changes(db, acme)
    history = changes(db, anna)
    assert ("create", "emails", None, "anna@acme.lv") in history
    assert ("update", "job_title", None, "CFO") in history
    assert ("link", "account", None, str(acme.id)) in history
    assert ("unlink", "account", str(acme.id), None) in history
    assert ("delete", "", None, None) in history and ("restore", "", None, None) in history
    assert ("stage_change", "stage", pipeline.stages[0].name, pipeline.stages[1].name) in changes(db, deal)
    assert ("create", "amount", None, "1200.00 EUR") in changes(db, deal)
    assert "merge" in {operation for operation, *_ in changes(db, other)}
    assert ("purge", "job_title", "Intern", None) in changes(db, gone.id, kind="contact")
    operations = {e.operation for e in db.audit.find(limit=100000)}
    assert operations == {"create", "update", "link", "unlink", "delete", "restore", "stage_change", "merge", "purge"}


def test_entries_carry_who_when_origin_and_transaction(db):
    db.origin = "erp-sync"
    assert db.origin == "erp-sync"
    db.user = "anna"
    with db.transaction():
        first = db.contacts.create(last_name="First")
        second = db.contacts.create(last_name="Second")
    entries = db.audit.find()
    assert {(e.user, e.origin) for e in entries} == {("anna", "erp-sync")}
    assert len({e.tx for e in entries}) == 1 and len({e.seq for e in entries}) == 2
    assert entries[0].tx == min(e.seq for e in entries)
    assert len({e.at for e in entries}) == 1 and entries[0].at <= db.now()
    assert {e.record_id for e in entries} == {first.id, second.id}
    assert entries[0].to_dict()["field"] == "last_name"
    assert "AuditEntry" in repr(entries[0])


def test_rolled_back_work_leaves_nothing(db):
    with pytest.raises(RuntimeError):
        with db.transaction():
            db.contacts.create(last_name="Never")
            raise RuntimeError("changed my mind")
    with pytest.raises(crmcore.ValidationError):
        db.contacts.create(last_name="Bad", emails=["not an email"])
    assert db.audit.find() == []


def test_find_by_user_period_and_page(db):
    db.contacts.create(last_name="By the system")
    start = db.now()
    db.user = "ivars"
    db.contacts.create(last_name="By Ivars")
    assert [e.new for e in db.audit.find(user="")] == ["By the system"]
    assert [e.new for e in db.audit.find(user="ivars")] == ["By Ivars"]
    assert db.audit.find(since=start + datetime.timedelta(days=1)) == []
    assert db.audit.find(until=datetime.datetime(2000, 1, 1, tzinfo=datetime.timezone.utc)) == []
    first = db.audit.find(limit=1)
    rest = db.audit.find(after_seq=first[0].seq)
    assert [e.new for e in rest] == ["By Ivars"]
    with pytest.raises(crmcore.ValidationError, match="limit"):
        db.audit.find(limit=0)
    with pytest.raises(crmcore.ValidationError, match="kind"):
        db.audit.history(1)
    with pytest.raises(TypeError):
        db.audit.history("contact")


def test_a_user_reads_the_history_of_what_they_see_only(db):
    db.users.create("rep", roles=["sales_rep"])
    mine = db.contacts.create(last_name="Mine", owner="rep")
    theirs = db.contacts.create(last_name="Theirs", owner="anna")
    with db.as_user("rep") as rep:
        assert [e.new for e in rep.audit.history(mine)] == ["Mine", "rep"]
        with pytest.raises(crmcore.NotFoundError):
            rep.audit.history(theirs)
        assert {e.record_id for e in rep.audit.find()} == {mine.id}
        with pytest.raises(crmcore.PermissionDeniedError):
            rep.audit.enabled = False


def test_the_trail_can_be_turned_off_and_entries_expire(db):
    assert db.audit.enabled and db.audit.retention_days == 0
    db.audit.enabled = False
    db.contacts.create(last_name="Unlogged")
    assert db.audit.find() == []
    db.audit.enabled = True
    db.contacts.create(last_name="Logged")
    db.audit.retention_days = 30
    assert db.audit.retention_days == 30
    assert [e.new for e in db.audit.find()] == ["Logged"]  # entries of today stay
    with pytest.raises(crmcore.ValidationError, match="retention_days"):
        db.audit.retention_days = 50000


def test_a_timeline_shows_the_records_own_changes_when_asked(db):
    account = db.accounts.create(name="Acme")
    db.activities.create(kind="note", subject="Met", account=account)
    db.accounts.update(account, industry="Retail")
    assert [e.kind for e in db.timelines.account(account)] == ["activity"]
    entries = list(db.timelines.account(account, include_changes=True))
    assert sorted(e.kind for e in entries) == ["activity", "change", "change"]
    update = next(e for e in entries if e.kind == "change" and e.changes[0].operation == "update")
    assert [(c.field, c.old, c.new) for c in update.changes] == [("industry", None, "Retail")]
    assert "change" in repr(update) and update.to_dict()["changes"] == update.changes
