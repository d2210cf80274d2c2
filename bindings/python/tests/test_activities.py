"""db.activities, db.timelines, db.telephony, db.calendars: the history of every interaction."""
import datetime

import pytest

import crmcore

UTC = datetime.timezone.utc


def at(*args):
    return datetime.datetime(*args, tzinfo=UTC)


@pytest.fixture
def people(db):
    acme = db.accounts.create(name="SIA Acme")
    janis = db.contacts.create(first_name="Jānis", last_name="Bērziņš", phones=["26 123 456"], account=acme)
    return db, acme, janis


def test_activities_are_created_read_and_listed(people):
    db, acme, janis = people
    call = db.activities.create(kind="call", direction="outbound", subject="Intro", status="done",
                                starts_at=at(2026, 11, 2, 9), duration_seconds=300, contact=janis,
                                phone="26 123 456", owner="anna")
    assert (call.kind, call.direction, call.status, call.phone_e164) == ("call", "outbound", "done", "+37126123456")
    assert call.starts_at == at(2026, 11, 2, 9)
    meeting = db.activities.create(crmcore.Activity(), kind="meeting", subject="Demo", account=acme, owner="anna",
                                   starts_at=at(2026, 11, 3, 10))
    assert meeting.status == "planned" and meeting.direction == ""
    assert db.activities.count(contact=janis) == 1 and db.activities.count(account=acme) == 1
    assert [a.subject for a in db.activities.list(kind="meeting")] == ["Demo"]
    assert [a.subject for a in db.activities.list(status="done", owner="anna")] == ["Intro"]
    assert [a.subject for a in db.activities.list(sort="name")] == ["Demo", "Intro"]
    assert db.activities.get(call).to_dict()["kind"] == "call"


def test_bad_activities_are_refused(people):
    db, acme, _ = people
    with pytest.raises(crmcore.ValidationError, match="direction"):
        db.activities.create(kind="meeting", direction="inbound", subject="x", account=acme)
    with pytest.raises(crmcore.ValidationError, match=r"activity\.kind: 'fax' is not one of"):
        db.activities.create(kind="fax", account=acme)
    with pytest.raises(crmcore.ValidationError, match="recurrence"):
        db.activities.create(kind="call", recurrence=crmcore.Recurrence("week"), account=acme)
    with pytest.raises(crmcore.ValidationError):
        db.activities.create(kind="task", subject="Linked to nothing")
    with pytest.raises(crmcore.ValidationError, match="naive"):
        db.activities.create(kind="task", account=acme, starts_at=datetime.datetime(2026, 1, 1))
    with pytest.raises(crmcore.ValidationError, match="tag"):
        db.activities.list(tag="x")
    assert db.activities.count(deleted="include") == 0


def test_completing_a_recurring_task_plans_the_next(people):
    db, acme, _ = people
    task = db.activities.create(kind="task", subject="Weekly report", account=acme, owner="anna",
                                starts_at=at(2026, 11, 2, 8), recurrence=crmcore.Recurrence("week", 1))
    assert task.recurrence == crmcore.Recurrence("week")
    done = db.activities.complete(task, "sent", completed_at=at(2026, 11, 2, 12))
    assert (done.completed.status, done.completed.outcome) == ("done", "sent")
    assert done.completed.completed_at == at(2026, 11, 2, 12)
    assert done.next.starts_at == at(2026, 11, 9, 8) and done.next.previous == task.id
    with pytest.raises(crmcore.ConflictError):
        db.activities.complete(task)
    assert db.activities.cancel(done.next).status == "cancelled"


def test_agenda_uses_the_users_days(people):
    db, acme, _ = people
    now = db.now()
    db.activities.create(kind="task", subject="Late", account=acme, owner="anna", starts_at=now - datetime.timedelta(days=3))
    db.activities.create(kind="task", subject="Later", account=acme, owner="anna",
                         starts_at=now + datetime.timedelta(days=10))
    db.activities.create(kind="task", subject="Not mine", account=acme, owner="ivars", starts_at=now)
    today = now.date()
    agenda = db.activities.agenda("anna", "Europe/Riga", start=today + datetime.timedelta(days=1),
                                  end=today + datetime.timedelta(days=30))
    assert [a.subject for a in agenda.overdue] == ["Late"]
    assert [a.subject for a in agenda.upcoming] == ["Later"] and agenda.today == []
    with pytest.raises(crmcore.ValidationError, match="time_zone"):
        db.activities.agenda("anna", "Mars/Olympus")


def test_agenda_days_follow_the_rules_the_zone_had_that_year(people):
    db, acme, _ = people
    # 02:30 UTC: 00:30 on the 15th in Sao Paulo's summer time of 2018 (UTC-2),
    # 23:30 on the 14th in 2020, after Brazil dropped summer time (UTC-3).
    db.activities.create(kind="task", subject="Sao Paulo 2018", account=acme, owner="anna",
                         starts_at=at(2018, 1, 15, 2, 30))
    db.activities.create(kind="task", subject="Sao Paulo 2020", account=acme, owner="anna",
                         starts_at=at(2020, 1, 15, 2, 30))
    # 21:30 UTC on 14 January 1990: 00:30 on the 15th in Kyiv, then on Moscow time (UTC+3).
    db.activities.create(kind="task", subject="Kyiv 1990", account=acme, owner="anna",
                         starts_at=at(1990, 1, 14, 21, 30))

    def upcoming(zone, day):
        agenda = db.activities.agenda("anna", zone, start=day, end=day)
        return [a.subject for a in agenda.upcoming]

    assert upcoming("America/Sao_Paulo", datetime.date(2018, 1, 15)) == ["Sao Paulo 2018"]
    assert upcoming("America/Sao_Paulo", datetime.date(2020, 1, 14)) == ["Sao Paulo 2020"]
    assert upcoming("America/Sao_Paulo", datetime.date(2020, 1, 15)) == []
    assert upcoming("Europe/Kyiv", datetime.date(1990, 1, 15)) == ["Kyiv 1990"]


def test_reminders_fire_in_a_window(people):
    db, acme, _ = people
    meeting = db.activities.create(kind="meeting", subject="Board", account=acme, starts_at=at(2030, 1, 10, 9),
                                   reminder_at=at(2030, 1, 10, 8, 45))
    assert [a.id for a in db.activities.reminders_due(at(2030, 1, 10, 8, 50))] == [meeting.id]
    assert db.activities.reminders_due(at(2030, 1, 10, 8, 50), since=at(2030, 1, 10, 8, 45)) == []
    db.activities.remove(meeting)
    assert db.activities.reminders_due(at(2030, 1, 10, 8, 50)) == []
    db.activities.restore(meeting)
    db.activities.purge(meeting)
    with pytest.raises(crmcore.NotFoundError):
        db.activities.get(meeting)


def test_timeline_is_newest_first_and_paged(people):
    db, acme, janis = people
    deal = db.opportunities.create(account=acme, primary_contact=janis, name="Deal", amount="1.00 EUR")
    for day in range(1, 8):  # while Jānis works at Acme, so they are on Acme's timeline too
        db.activities.create(kind="note", subject=f"Note {day}", contact=janis, starts_at=at(2099, 10, day))
    entries = list(db.timelines.contact(janis, page_size=3))
    assert [e.kind for e in entries[-1:]] == ["stage_change"] and entries[-1].stage_change.opportunity == deal.id
    notes = [e.activity.subject for e in entries if e.kind == "activity"]
    assert notes == [f"Note {day}" for day in range(7, 0, -1)]
    assert [e.at for e in entries] == sorted((e.at for e in entries), reverse=True)
    assert len(list(db.timelines.account(acme))) == 8
    assert len(list(db.timelines.opportunity(deal))) == 1
    with pytest.raises(crmcore.NotFoundError):
        db.timelines.contact(999)
    with pytest.raises(crmcore.ValidationError, match="limit"):
        db.timelines.contact(janis, page_size=0)


def test_deleted_activities_leave_the_timeline_unless_asked(people):
    db, _, janis = people
    note = db.activities.create(kind="note", subject="Oops", contact=janis)
    db.activities.remove(note)
    assert list(db.timelines.contact(janis)) == []
    assert [e.activity.id for e in db.timelines.contact(janis, include_deleted=True)] == [note.id]
    lead = db.leads.create(company_name="SIA Lead")
    db.activities.create(kind="email", direction="inbound", subject="Question", lead=lead)
    assert [e.activity.subject for e in db.timelines.lead(lead)] == ["Question"]


def test_a_pbx_call_is_matched_by_number(people):
    db, acme, janis = people
    logged = db.telephony.record_call("+371 26 123 456", owner="anna", outcome="answered", duration_seconds=65,
                                      started_at=at(2026, 11, 20, 9, 30))
    assert (logged.contact.id, logged.account.id) == (janis.id, acme.id)
    call = logged.activity
    assert (call.kind, call.direction, call.status, call.subject) == ("call", "inbound", "done", "Inbound call")
    assert (call.contact, call.account, call.duration_seconds) == (janis.id, acme.id, 65)


def test_a_call_from_an_unknown_number_is_kept_and_attached_later(people):
    db, acme, _ = people
    logged = db.telephony.record_call("29 999 888", direction="inbound")
    assert logged.contact is None and logged.account is None
    assert logged.activity.phone_e164 == "+37129999888" and logged.activity.contact is None
    ilze = db.contacts.create(first_name="Ilze", last_name="Ozola", phones=[("29 999 888", "work")], account=acme)
    attached = db.telephony.attach_unmatched(ilze)
    assert [(a.id, a.contact, a.account) for a in attached] == [(logged.activity.id, ilze.id, acme.id)]
    note = db.activities.create(kind="note", subject="x", account=acme)
    assert db.activities.attach_to_contact(note, ilze).contact == ilze.id
    with pytest.raises(crmcore.ValidationError, match=r"direction: 'sideways' is not one of"):
        db.telephony.record_call("29 999 888", direction="sideways")


def test_business_days_follow_the_countrys_calendar(db):
    db.calendars.add_holiday("LV", datetime.date(2026, 12, 24), "Christmas Eve")
    db.calendars.add_holiday("LV", datetime.date(2026, 12, 25), "Christmas")
    assert [h.name for h in db.calendars.holidays("LV", datetime.date(2026, 12, 1), datetime.date(2026, 12, 31))] == [
        "Christmas Eve", "Christmas"]
    assert not db.calendars.is_business_day("LV", datetime.date(2026, 12, 24))
    assert db.calendars.add_business_days("LV", datetime.date(2026, 12, 23), 1) == datetime.date(2026, 12, 28)
    db.calendars.remove_holiday("LV", datetime.date(2026, 12, 24))
    with pytest.raises(crmcore.NotFoundError):
        db.calendars.remove_holiday("LV", datetime.date(2026, 12, 24))
    assert db.calendars.weekend("AE") == [0, 6]
    db.calendars.set_weekend("AE", [5, 6])
    assert db.calendars.weekend("AE") == [5, 6]
    assert db.calendars.is_business_day("AE", datetime.date(2026, 11, 22))  # a Sunday
