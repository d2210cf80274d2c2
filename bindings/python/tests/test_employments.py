"""db.employments: who worked where, when."""
import datetime

import pytest

import crmcore


@pytest.fixture
def setup(db):
    first = db.accounts.create(name="SIA Pirmā")
    second = db.accounts.create(name="UAB Antra")
    person = db.contacts.create(last_name="Kalniņš", job_title="Engineer")
    return db, first, second, person


def test_start_end_move_history(setup):
    db, first, second, person = setup
    today = db.now().date()
    job = db.employments.start(person, first, "Engineer", datetime.date(2020, 1, 6))
    assert job.current and job.started_on == datetime.date(2020, 1, 6)
    assert db.contacts.get(person.id).account == first.id
    moved = db.employments.move(person, second, "Lead engineer")
    assert moved.started_on == today
    assert db.contacts.get(person.id).job_title == "Lead engineer"
    history = db.employments.history(person)
    assert [e.account for e in history] == [second.id, first.id]
    assert history[1].ended_on == today
    assert db.employments.get(moved.id) == moved
    assert [e.contact for e in db.employments.of_account(second)] == [person.id]
    assert db.employments.of_account(first) == []
    assert len(db.employments.of_account(first, current_only=False)) == 1
    ended = db.employments.end(moved, today)
    assert not ended.current
    with pytest.raises(crmcore.ConflictError):
        db.employments.end(moved, today)
    assert ended.to_dict()["ended_on"] == today
    assert "ended" in repr(ended)


def test_bad_dates_and_records(setup):
    db, first, _, person = setup
    with pytest.raises(crmcore.ValidationError, match="future"):
        db.employments.start(person, first, "x", datetime.date(2999, 1, 1))
    with pytest.raises(crmcore.ValidationError):
        db.employments.start(person, first, "x", datetime.datetime(2020, 1, 1, tzinfo=datetime.timezone.utc))
    with pytest.raises(crmcore.NotFoundError):
        db.employments.start(999, first)
    with pytest.raises(crmcore.NotFoundError):
        db.employments.get(999)
    job = db.employments.start(person, first, "x", "2024-01-01")
    with pytest.raises(crmcore.ValidationError):
        db.employments.end(job, datetime.date(2023, 12, 31))
