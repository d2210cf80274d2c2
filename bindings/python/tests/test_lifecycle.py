"""A Database's lifecycle: close() with a transaction open, callbacks that use their own database, and
arguments of the wrong type or size."""
import datetime
import io
import os
import subprocess
import sys
import textwrap

import pytest

import crmcore


def run_alone(code, timeout=20):
    """Runs code in a fresh interpreter (a hang there fails the test instead of the suite); returns stdout."""
    done = subprocess.run([sys.executable, "-c", textwrap.dedent(code)], capture_output=True, text=True,
                          timeout=timeout, env=dict(os.environ))
    assert done.returncode == 0, done.stderr
    return done.stdout


def test_close_rolls_back_the_open_transaction_and_releases_the_connection(tmp_path):
    path = tmp_path / "close.crm"
    db = crmcore.open(path)
    tx = db.transaction()
    db.accounts.create(name="Pending")
    db.close()
    assert db.closed
    # The write lock went with the connection: another writer does not wait.
    other = crmcore.open(path, busy_timeout=0)
    other.accounts.create(name="Other")
    with pytest.raises(crmcore.ValidationError, match="closed"):
        tx.commit()
    assert not tx.active
    assert [account.name for account in other.accounts.list()] == ["Other"]
    with pytest.raises(crmcore.ValidationError, match="the database is closed"):
        db.accounts.count()
    other.close()


def test_a_with_block_whose_database_was_closed_raises_and_keeps_nothing(tmp_path):
    path = tmp_path / "block.crm"
    db = crmcore.open(path)
    with pytest.raises(crmcore.ValidationError, match="closed"):
        with db.transaction():
            db.accounts.create(name="Pending")
            db.close()
    with crmcore.open(path) as again:
        assert again.accounts.count() == 0


def test_close_ends_a_transaction_another_thread_began(tmp_path):
    import threading
    db = crmcore.open(tmp_path / "threads.crm")
    began = threading.Event()
    may_commit = threading.Event()
    outcome = []

    def writer():
        tx = db.transaction()
        db.accounts.create(name="Pending")
        began.set()
        may_commit.wait(10)
        try:
            tx.commit()
            outcome.append("committed")
        except crmcore.ValidationError as error:
            outcome.append(str(error))

    thread = threading.Thread(target=writer)
    thread.start()
    assert began.wait(10)
    db.close()  # does not wait for the other thread's transaction
    may_commit.set()
    thread.join(10)
    assert len(outcome) == 1 and "closed" in outcome[0]
    with crmcore.open(tmp_path / "threads.crm") as again:
        assert again.accounts.count() == 0


@pytest.mark.parametrize("use", ["db.contacts.count()", "db.close()", "db.transaction()", "db.accounts.create(name='X')"])
def test_a_progress_callback_using_its_own_database_raises_instead_of_hanging(use):
    out = run_alone(f"""
        import io, crmcore
        db = crmcore.open(":memory:")
        def progress(p):
            {use}
        try:
            db.import_csv(io.StringIO("last_name\\nOzols\\nLiepa\\n"), batch_rows=1, progress=progress)
        except crmcore.ValidationError as error:
            print(type(error).__name__, error)
        print("closed", db.closed, "contacts", db.contacts.count(), "accounts", db.accounts.count())
    """)
    assert "ValidationError" in out and "callback of its own operation" in out
    # The first batch was written before the callback ran; the callback changed nothing; the database works on.
    assert "closed False contacts 1 accounts 0" in out


def test_an_export_file_object_using_the_database_raises_instead_of_hanging():
    out = run_alone("""
        import crmcore
        db = crmcore.open(":memory:")
        db.accounts.create(name="Kokanams")
        class Target:
            def write(self, text):
                db.accounts.count()
        try:
            db.export("account", Target())
        except crmcore.ValidationError as error:
            print(type(error).__name__, error)
    """)
    assert "ValidationError" in out and "callback of its own operation" in out


@pytest.mark.parametrize("call", [
    lambda db: db.search("ozols", limit=2**70),
    lambda db: db.duplicates.find("contact", limit=2**70),
    lambda db: db.duplicates.find("contact", min_score=2**40),
    lambda db: db.load_sample_data(seed=2**70),
    lambda db: db.load_sample_data(seed=-1),
    lambda db: db.load_sample_data(accounts=2**40),
    lambda db: db.import_csv(io.StringIO("last_name\nOzols\n"), batch_rows=2**70),
    lambda db: db.calendars.add_business_days("LV", datetime.date(2025, 1, 2), 2**40),
])
def test_integer_arguments_out_of_range_raise_overflow_error(db, call):
    with pytest.raises(OverflowError, match="does not fit"):
        call(db)


def test_integer_arguments_of_the_wrong_type_raise_type_error(db):
    with pytest.raises(TypeError):
        db.search("ozols", limit=2.5)
    with pytest.raises(TypeError):
        db.search("ozols", limit="10")


@pytest.mark.parametrize("big", [2**63, 2**70, -(2**63) - 1])
def test_ids_too_large_for_64_bits_raise_overflow_error(db, big):
    with pytest.raises(OverflowError, match="64-bit"):
        db.accounts.get(big)
    with pytest.raises(OverflowError, match="64-bit"):
        db.contacts.get(big)
    segment = db.segments.create_list("contact", "Callers")
    with pytest.raises(OverflowError, match="64-bit"):
        db.segments.add_members(segment, [big])


def test_the_largest_id_is_an_ordinary_not_found(db):
    with pytest.raises(crmcore.NotFoundError):
        db.accounts.get(2**63 - 1)


def test_bytes_where_text_is_expected_raise_type_error(db):
    with pytest.raises(TypeError):
        db.accounts.create(name=b"Kokanams")
    with pytest.raises(TypeError):
        db.accounts.create(name="Kokanams", tags=[b"vip"])
    with pytest.raises(TypeError):
        db.accounts.find_by_external_ref(b"ERP-1")
    with pytest.raises(TypeError):
        db.contacts.count(owner=b"anna")
    record = crmcore.Contact()
    with pytest.raises(TypeError):
        record.last_name = b"Ozols"
    assert db.accounts.count() == 0


def test_paths_and_files_may_still_be_bytes(tmp_path):
    path = tmp_path / "bytes.crm"
    with crmcore.open(os.fsencode(path)) as db:
        db.accounts.create(name="Kokanams")
        out = io.BytesIO()
        assert db.export("account", out) == 1
        assert b"Kokanams" in out.getvalue()
        result = db.import_csv(io.BytesIO("last_name\nBērziņa\n".encode()), "contact")
        assert result.inserted == 1
        db.backup(os.fsencode(tmp_path / "copy.crm"))
    assert (tmp_path / "copy.crm").exists()
