"""The GIL is released around database work; threads can share a database object."""
import threading

import pytest

import crmcore


def test_other_python_threads_run_during_database_work(tmp_path):
    db = crmcore.open(tmp_path / "gil.crm", default_region="LV")
    done = threading.Event()
    ticks = 0

    def load():
        db.load_sample_data(accounts=200, contacts=6000)
        done.set()

    worker = threading.Thread(target=load)
    worker.start()
    while not done.is_set():
        ticks += 1
    worker.join()
    assert db.contacts.count() == 6000
    # With the GIL held for the whole load, this loop could not have run.
    assert ticks > 10000
    db.close()


def test_threads_sharing_one_database_object_are_serialized(tmp_path):
    db = crmcore.open(tmp_path / "shared.crm")
    errors = []

    def write(thread):
        try:
            for i in range(50):
                db.contacts.create(last_name=f"T{thread}", external_ref=f"{thread}-{i}")
        except Exception as error:  # pragma: no cover - reported below
            errors.append(error)

    threads = [threading.Thread(target=write, args=(t,)) for t in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    assert db.contacts.count() == 200
    db.close()


def test_threads_with_their_own_connections(tmp_path):
    path = tmp_path / "many.crm"
    crmcore.open(path).close()

    def write(thread):
        with crmcore.open(path, busy_timeout=30) as own:
            for i in range(40):
                with own.transaction():
                    own.accounts.create(name=f"A{thread}-{i}")

    threads = [threading.Thread(target=write, args=(t,)) for t in range(3)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    with crmcore.open(path) as db:
        assert db.accounts.count() == 120


def test_another_threads_transaction_is_waited_for_not_joined(tmp_path):
    db = crmcore.open(tmp_path / "owned.crm", busy_timeout=5)
    started, may_finish = threading.Event(), threading.Event()

    def writer():
        with db.transaction():
            db.accounts.create(name="Rolled back with its transaction")
            started.set()
            may_finish.wait()
            raise_inside = True
            if raise_inside:
                raise KeyError("roll back")

    def run_writer():
        try:
            writer()
        except KeyError:
            pass

    worker = threading.Thread(target=run_writer)
    worker.start()
    started.wait()
    threading.Timer(0.2, may_finish.set).start()
    kept = db.accounts.create(name="Written after the other transaction ended")  # waits, then runs on its own
    worker.join()
    assert [a.name for a in db.accounts.list()] == [kept.name]
    db.close()


def test_waiting_for_another_threads_transaction_times_out_busy(tmp_path):
    db = crmcore.open(tmp_path / "busy.crm", busy_timeout=0.1)
    started, done = threading.Event(), threading.Event()

    def hold():
        with db.transaction():
            started.set()
            done.wait()

    worker = threading.Thread(target=hold)
    worker.start()
    started.wait()
    try:
        with pytest.raises(crmcore.BusyError, match="another thread"):
            db.accounts.count()
    finally:
        done.set()
        worker.join()
    assert db.accounts.count() == 0
    db.close()
