"""Opening, closing, transactions, backup, migration and checks."""
import datetime
import sqlite3

import pytest

import crmcore


def test_open_creates_a_file_with_wal_and_latest_schema(tmp_path):
    path = tmp_path / "new.crm"
    with crmcore.open(path) as db:
        assert db.path == str(path)
        assert db.schema_version == crmcore.LATEST_SCHEMA_VERSION
        assert not db.closed
    assert db.closed
    assert sqlite3.connect(path).execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_open_options_are_checked(tmp_path):
    with pytest.raises(crmcore.NotFoundError):
        crmcore.open(tmp_path / "absent.crm", create=False)
    with pytest.raises(crmcore.ValidationError, match="synchronous"):
        crmcore.open(":memory:", synchronous="sometimes")
    with pytest.raises(crmcore.ValidationError, match="busy_timeout"):
        crmcore.open(":memory:", busy_timeout=-1)
    with pytest.raises(crmcore.ValidationError, match="XX") as raised:
        crmcore.open(":memory:", default_region="XX")
    assert raised.value.field == "default_region"
    with crmcore.open(":memory:", synchronous="normal", busy_timeout=0.5, default_region="DE") as db:
        assert db.default_region == "DE"


def test_file_from_a_newer_library_is_refused(tmp_path):
    path = tmp_path / "future.crm"
    crmcore.open(path).close()
    raw = sqlite3.connect(path)
    raw.execute("PRAGMA user_version = 999")
    raw.close()
    with pytest.raises(crmcore.UnsupportedError, match="newer"):
        crmcore.open(path)


def test_garbage_file_is_corrupt(tmp_path):
    path = tmp_path / "garbage.crm"
    path.write_bytes(b"not a database " * 500)
    with pytest.raises(crmcore.CorruptError) as raised:
        crmcore.open(path)
    assert raised.value.code == "corrupt"


def test_read_only_refuses_writes(tmp_path):
    path = tmp_path / "ro.crm"
    crmcore.open(path).close()
    with crmcore.open(path, read_only=True) as db:
        assert db.accounts.count() == 0
        with pytest.raises(crmcore.PermissionDeniedError):
            db.accounts.create(name="x")
        with pytest.raises(PermissionError):  # also a built-in PermissionError
            db.accounts.create(name="x")


def test_migrate_flag_and_migrate_call(tmp_path):
    path = tmp_path / "m.crm"
    crmcore.open(path).close()
    with crmcore.open(path, migrate=False) as db:
        db.migrate()
        assert db.schema_version == crmcore.LATEST_SCHEMA_VERSION


def test_closed_database_and_its_stores_raise_clearly(tmp_path):
    db = crmcore.open(":memory:")
    accounts = db.accounts
    rows = db.contacts.select("id")
    db.close()
    db.close()  # harmless twice
    assert repr(db) == "<crmcore.Database closed>"
    for call in (lambda: accounts.count(), lambda: db.path, lambda: db.contacts.get(1),
                 lambda: list(rows), lambda: db.transaction(), lambda: db.backup(tmp_path / "x.crm")):
        with pytest.raises(crmcore.ValidationError, match="closed"):
            call()


def test_transaction_commits_or_rolls_back(db):
    with db.transaction():
        db.accounts.create(name="Kept")
    with pytest.raises(RuntimeError):
        with db.transaction():
            db.accounts.create(name="Dropped")
            raise RuntimeError("boom")
    assert [a.name for a in db.accounts.list()] == ["Kept"]


def test_nested_transactions_are_savepoints(db):
    with db.transaction():
        db.accounts.create(name="Outer")
        inner = db.transaction()
        db.accounts.create(name="Inner")
        inner.rollback()
        assert not inner.active
        with pytest.raises(crmcore.ValidationError, match="already ended"):
            inner.commit()
    assert db.accounts.count() == 1


def test_transaction_left_open_rolls_back_when_dropped(db):
    transaction = db.transaction()
    db.accounts.create(name="Pending")
    del transaction
    assert db.accounts.count() == 0


def test_backup_copies_everything(tmp_path, db):
    db.accounts.create(name="SIA Backup", external_ref="B-1")
    db.backup(tmp_path / "copy.crm")
    with crmcore.open(tmp_path / "copy.crm") as copy:
        assert copy.accounts.find_by_external_ref("B-1").name == "SIA Backup"
    with pytest.raises(crmcore.StorageError):
        db.backup(tmp_path / "no" / "such" / "dir.crm")


def test_integrity_check_and_now(db):
    assert db.integrity_check() == []
    now = db.now()
    assert now.tzinfo is datetime.timezone.utc
    assert abs((datetime.datetime.now(datetime.timezone.utc) - now).total_seconds()) < 60


def test_busy_when_another_connection_holds_the_lock(tmp_path):
    path = tmp_path / "busy.crm"
    with crmcore.open(path) as first, crmcore.open(path, busy_timeout=0.05) as second:
        with first.transaction():
            first.accounts.create(name="Holding the lock")
            with pytest.raises(crmcore.BusyError):
                second.accounts.create(name="Blocked")
        assert second.accounts.create(name="Now free").id


def test_sample_data_loads_once(db):
    summary = db.load_sample_data(accounts=10, contacts=30)
    assert (summary.accounts_created, summary.contacts_created) == (10, 30)
    assert summary.job_changes > 0
    assert "contacts_created=30" in repr(summary)
    assert db.load_sample_data(accounts=10, contacts=30).already_loaded
    with pytest.raises(crmcore.ValidationError):
        db.load_sample_data(accounts=0)
