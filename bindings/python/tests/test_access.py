"""A database acting as a user (db.as_user, db.user): every read entry point
shows exactly what the user's roles reach, computed here on its own from the
documented table of the built-in roles and the team tree; writes outside a
scope raise PermissionDeniedError."""

import datetime
import io

import pytest

import crmcore

# The documented read scope of each built-in role (crm/access.hpp).
READ_SCOPE = {"administrator": "all", "sales_manager": "team_and_below", "sales_rep": "own", "analyst": "all"}
SCOPE_ORDER = ["none", "own", "team", "team_and_below", "all"]

TEAMS = {"Sales": None, "Baltics": "Sales", "International": "Sales"}  # team -> parent
USERS = {  # login -> (team, roles)
    "admin": (None, ["administrator"]),
    "boss": ("Sales", ["sales_manager"]),
    "lauma": ("Baltics", ["sales_manager"]),
    "anna": ("Baltics", ["sales_rep"]),
    "janis": ("Baltics", ["sales_rep"]),
    "olga": ("International", ["sales_rep"]),
    "pierre": ("International", ["sales_rep"]),
    "ana": (None, ["analyst"]),
    "mixed": ("Baltics", ["sales_rep", "analyst"]),
    "nora": (None, ["sales_rep"]),
}
OWNERS = ["", "boss", "lauma", "anna", "janis", "olga", "pierre", "nora"]
KINDS = ["account", "contact", "lead", "opportunity", "activity"]


def teams_below(team):
    below = {team}
    changed = True
    while changed:
        changed = False
        for name, parent in TEAMS.items():
            if parent in below and name not in below:
                below.add(name)
                changed = True
    return below


def readable_owners(login):
    """The owners ("" for none) whose records `login` reads, by the documented rules."""
    team, roles = USERS[login]
    scope = max((READ_SCOPE[role] for role in roles), key=SCOPE_ORDER.index)
    if scope == "all":
        return set(OWNERS)
    if scope == "own":
        return {"", login} & set(OWNERS)
    teams = teams_below(team) if team else set()
    reached = {""} | {login} | {user for user, (their_team, _) in USERS.items() if their_team in teams}
    return reached & set(OWNERS)


@pytest.fixture(scope="module")
def org(tmp_path_factory):
    """A file database with the generated organisation; records[owner][kind] is an id."""
    path = tmp_path_factory.mktemp("access") / "org.crm"
    db = crmcore.open(path, default_region="LV")
    for name, parent in TEAMS.items():
        db.teams.create(name, parent=db.teams.find(parent) if parent else None)
    for login, (team, roles) in USERS.items():
        db.users.create(login, team=team, roles=roles)
    records = {}
    for number, owner in enumerate(OWNERS):
        word = f"Zebra {owner or 'nobody'}"
        account = db.accounts.create(name=f"{word} SIA", owner=owner, external_ref=f"A-{number}",
                                     email=f"office{number}@zebra.lv", phone=f"+371 2000 00{number:02}")
        contact = db.contacts.create(first_name="Zebra", last_name=owner or "nobody", owner=owner, account=account,
                                     emails=[f"person{number}@zebra.lv"], phones=[f"+371 2000 00{number:02}"],
                                     external_ref=f"C-{number}")
        duplicate = db.contacts.create(first_name="Zebra", last_name=owner or "nobody", owner=owner,
                                       emails=[f"person{number}@zebra.lv"])
        lead = db.leads.create(last_name=word, owner=owner, email=f"lead{number}@zebra.lv",
                               phone=f"+371 2100 00{number:02}", external_ref=f"L-{number}")
        deal = db.opportunities.create(name=f"{word} deal", account=account, amount=crmcore.Money("100.00", "EUR"),
                                       owner=owner, external_ref=f"D-{number}")
        task = db.activities.create(kind="task", subject=f"{word} call back", account=account, contact=contact,
                                    owner=owner, starts_at=db.now(),  # due today at any hour of the run
                                    reminder_at=db.now() - datetime.timedelta(minutes=5), external_ref=f"T-{number}")
        records[owner] = {"account": account.id, "contact": contact.id, "duplicate": duplicate.id, "lead": lead.id,
                          "opportunity": deal.id, "activity": task.id}
        db.privacy.place_hold(lead, f"Inquiry {number}")
    listed = db.segments.create_list("contact", "Everyone")
    db.segments.add_members(listed, [r["contact"] for r in records.values()])
    db.segments.create("contact", "Zebras", 'first_name = "Zebra"')
    yield db, records
    db.close()


def expected(records, login, kind):
    return {records[owner][kind] for owner in readable_owners(login)}


def expected_contacts(records, login):
    return {records[owner][key] for owner in readable_owners(login) for key in ("contact", "duplicate")}


def store_of(db, kind):
    return {"account": db.accounts, "contact": db.contacts, "lead": db.leads, "opportunity": db.opportunities,
            "activity": db.activities}[kind]


def ids(records):
    return {record.id for record in records}


def expected_of(records, login, kind):
    return expected_contacts(records, login) if kind == "contact" else expected(records, login, kind)


# What each public read entry point is checked by, by "store.method"; the test
# below fails when a store gains a method that is in neither this map nor the
# list of methods that are writes or read no records.
def check_list_count_select_get(db, as_user, records, login):
    for kind in KINDS:
        want = expected_of(records, login, kind)
        store = store_of(as_user, kind)
        assert ids(store.list()) == want, (login, kind)
        assert store.count() == len(want), (login, kind)
        if kind != "activity":
            assert {row[0] for row in store.select("id")} == want, (login, kind)
        for owner in OWNERS:
            record_id = records[owner][kind]
            if record_id in want:
                assert store.get(record_id).id == record_id
            else:
                with pytest.raises(crmcore.NotFoundError):
                    store.get(record_id)


def check_find_by(db, as_user, records, login):
    for number, owner in enumerate(OWNERS):
        visible = owner in readable_owners(login)
        assert (as_user.contacts.find_by_external_ref(f"C-{number}") is not None) == visible
        assert (as_user.accounts.find_by_external_ref(f"A-{number}") is not None) == visible
        assert (len(as_user.contacts.find_by_email(f"person{number}@zebra.lv")) == 2) == visible
        assert bool(as_user.accounts.find_by_email(f"office{number}@zebra.lv")) == visible
        assert bool(as_user.contacts.find_by_phone(f"+371 2000 00{number:02}")) == visible
        assert bool(as_user.accounts.find_by_phone(f"+371 2000 00{number:02}")) == visible
        assert bool(as_user.leads.find_by_email(f"lead{number}@zebra.lv")) == visible
        assert bool(as_user.leads.find_by_phone(f"+371 2100 00{number:02}")) == visible
        assert (as_user.leads.find_by_external_ref(f"L-{number}") is not None) == visible
        assert (as_user.opportunities.find_by_external_ref(f"D-{number}") is not None) == visible
        assert (as_user.activities.find_by_external_ref(f"T-{number}") is not None) == visible


def check_search(db, as_user, records, login):
    everything = {(hit.kind, hit.id) for hit in db.search("zebra", limit=200)}
    visible = {(kind, i) for kind in KINDS for i in expected_of(records, login, kind)}
    assert {(hit.kind, hit.id) for hit in as_user.search("zebra", limit=200)} == everything & visible


def check_segments(db, as_user, records, login):
    want = expected_contacts(records, login)
    zebras = as_user.segments.find("contact", "Zebras")
    assert as_user.segments.count(zebras) == len(want)
    assert set(as_user.segments.members(zebras)) == want
    assert {row[0] for row in as_user.segments.select(zebras, "id")} == want
    assert as_user.segments.count("contact", 'first_name = "Zebra"') == len(want)
    listed = as_user.segments.find("contact", "Everyone")
    assert set(as_user.segments.members(listed)) == expected(records, login, "contact")
    for owner in OWNERS:
        assert as_user.segments.contains(listed, records[owner]["contact"]) == (owner in readable_owners(login))


def check_timelines_agenda_reminders(db, as_user, records, login):
    for owner in OWNERS:
        if owner not in readable_owners(login):
            with pytest.raises(crmcore.NotFoundError):
                as_user.timelines.account(records[owner]["account"])
            continue
        entries = list(as_user.timelines.account(records[owner]["account"]))
        assert {e.activity.id for e in entries if e.activity} == {records[owner]["activity"]}
        assert {e.activity.id for e in as_user.timelines.contact(records[owner]["contact"]) if e.activity} == {
            records[owner]["activity"]}
        list(as_user.timelines.opportunity(records[owner]["opportunity"]))
        list(as_user.timelines.lead(records[owner]["lead"]))
    for owner in OWNERS[1:]:
        agenda = as_user.activities.agenda(owner)
        shown = {a.id for a in agenda.overdue + agenda.today + agenda.upcoming}
        assert shown == ({records[owner]["activity"]} if owner in readable_owners(login) else set())
    due = {a.id for a in as_user.activities.reminders_due(db.now() + datetime.timedelta(minutes=1))}
    assert due == expected(records, login, "activity")
    assert {a.id for a in as_user.opportunities.without_next_activity()} <= expected(records, login, "opportunity")


def check_duplicates(db, as_user, records, login):
    pairs = {tuple(sorted((p.first_id, p.second_id))) for p in as_user.duplicates.find("contact")}
    want = {tuple(sorted((records[o]["contact"], records[o]["duplicate"]))) for o in readable_owners(login)}
    assert pairs == want
    matches = as_user.duplicates.matches("contact", {"emails": ["person3@zebra.lv"]})
    assert bool(matches) == ("anna" in readable_owners(login))
    for owner in OWNERS:
        if owner in readable_owners(login):
            assert as_user.duplicates.history("contact", records[owner]["contact"]) == []
        else:
            with pytest.raises(crmcore.NotFoundError):
                as_user.duplicates.history("contact", records[owner]["contact"])


def check_export(db, as_user, records, login):
    if as_user.access.scope(login, "contact", "export") == "none":
        with pytest.raises(crmcore.PermissionDeniedError, match="export contact"):
            as_user.export("contact", io.StringIO())
        return
    out = io.StringIO()
    assert as_user.export("contact", out) == len(expected_contacts(records, login))


def check_reports(db, as_user, records, login):
    for name in as_user.reports.names():
        as_user.reports.run(name)  # every report runs for every user
    stages = as_user.reports.pipeline_by_stage()
    assert sum(row["deals"] for row in stages.to_records()) == len(expected(records, login, "opportunity"))
    leads = as_user.reports.leads()
    assert sum(row["leads"] for row in leads.to_records()) == len(expected(records, login, "lead"))


def check_users_and_employment(db, as_user, records, login):
    visible = readable_owners(login)
    for owner in OWNERS[1:]:
        assert (as_user.users.owned_records(owner) > 0) == (owner in visible)
        employment = as_user.employments.history(records[owner]["contact"]) if owner in visible else []
        assert all(e.account == records[owner]["account"] for e in employment)
    for owner in OWNERS:
        if owner in visible:
            assert as_user.employments.of_account(records[owner]["account"])
            assert as_user.opportunities.stage_history(records[owner]["opportunity"])


def check_audit(db, as_user, records, login):
    logged = {(e.kind, e.record_id) for e in db.audit.find(limit=100000)}
    visible = {(kind, i) for kind in KINDS for i in expected_of(records, login, kind)}
    assert {(e.kind, e.record_id) for e in as_user.audit.find(limit=100000)} == logged & visible
    for owner in OWNERS:
        for kind in KINDS:
            record_id = records[owner][kind]
            if record_id in expected_of(records, login, kind):
                assert as_user.audit.history(record_id, kind=kind)
            else:
                with pytest.raises(crmcore.NotFoundError):
                    as_user.audit.history(record_id, kind=kind)


def check_changes(db, as_user, records, login):
    visible = {(kind, i) for kind in KINDS for i in expected_of(records, login, kind)}
    everything = {(c.kind, c.id) for c in db.changes_since(0, limit=100000)}
    assert {(c.kind, c.id) for c in as_user.changes_since(0, limit=100000)} == everything & visible
    assert {(c.kind, c.id) for c in as_user.changes.since(0, kinds=["lead"], limit=100000)} == \
        {r for r in everything & visible if r[0] == "lead"}


def check_privacy(db, as_user, records, login):
    holds = {(h.kind, h.record_id) for h in db.privacy.holds()}
    visible_leads = {("lead", i) for i in expected_of(records, login, "lead")}
    assert {(h.kind, h.record_id) for h in as_user.privacy.holds()} == holds & visible_leads
    for owner in OWNERS:
        for kind in ("contact", "lead"):
            record_id = records[owner][kind]
            exports = db.access.scope(login, kind, "export") != "none"
            readable = record_id in expected_of(records, login, kind)
            assert (as_user.privacy.hold(record_id, kind=kind) is not None) == (kind == "lead" and readable)
            if readable and exports:
                document = as_user.privacy.export_person(record_id, kind=kind)
                assert document["id"] == record_id
                activities = {a["id"] for a in document["activities"]}
                assert activities <= expected_of(records, login, "activity")
            else:
                with pytest.raises(crmcore.NotFoundError if exports else crmcore.PermissionDeniedError):
                    as_user.privacy.export_person(record_id, kind=kind)


READ_CHECKS = {
    check_list_count_select_get: ["accounts.list", "accounts.count", "accounts.select", "accounts.get",
                                  "contacts.list", "contacts.count", "contacts.select", "contacts.get",
                                  "leads.list", "leads.count", "leads.select", "leads.get",
                                  "opportunities.list", "opportunities.count", "opportunities.select",
                                  "opportunities.get", "activities.list", "activities.count", "activities.get"],
    check_find_by: ["accounts.find_by_email", "accounts.find_by_external_ref", "accounts.find_by_phone",
                    "contacts.find_by_email", "contacts.find_by_external_ref", "contacts.find_by_phone",
                    "leads.find_by_email", "leads.find_by_external_ref", "leads.find_by_phone",
                    "opportunities.find_by_external_ref", "activities.find_by_external_ref"],
    check_search: ["search"],
    check_segments: ["segments.count", "segments.members", "segments.select", "segments.contains"],
    check_timelines_agenda_reminders: ["timelines.account", "timelines.contact", "timelines.opportunity",
                                       "timelines.lead", "activities.agenda", "activities.reminders_due",
                                       "opportunities.without_next_activity"],
    check_duplicates: ["duplicates.find", "duplicates.matches", "duplicates.history"],
    check_export: ["export"],
    check_reports: ["reports.run"],
    check_users_and_employment: ["users.owned_records", "employments.history", "employments.of_account",
                                 "opportunities.stage_history"],
    check_audit: ["audit.find", "audit.history"],
    check_privacy: ["privacy.export_person", "privacy.hold", "privacy.holds"],
    check_changes: ["changes_since", "changes.since"],
}

# Methods that write, or read no records of the five kinds (setup, users,
# definitions): the rights of writes are tested below.
NOT_RECORD_READS = {
    "access.scope", "access.unassigned_visibility", "as_user", "audit.enabled", "audit.retention_days",
    "audit.retention_entries", "changes.latest", "changes.earliest_cursor", "backup", "close", "import_csv", "import_org",
    "integrity_check", "load_sample_data", "migrate", "now", "transaction",
    "accounts.subsidiaries", "accounts.selectable_columns", "contacts.selectable_columns",
    "leads.selectable_columns", "opportunities.selectable_columns",
    "employments.get", "segments.check", "segments.get", "segments.find", "segments.list",
    "reports.catalog", "reports.info", "reports.names", "reports.option_doc",
    "telephony.record_call", "telephony.attach_unmatched",
}
# Read entry points whose visibility a test of their own checks.
CHECKED_BY_TEST = {
    "access.shares": "test_a_record_shared_with_a_user_or_team_is_seen_by_them_and_edited_at_level_edit",
}
WRITE_WORDS = ("share", "create", "update", "remove", "restore", "purge", "add", "set", "move", "rename", "define",
               "convert", "complete", "cancel", "attach", "merge", "freeze", "reorder", "end", "start", "require",
               "erase", "place", "release")
SETUP_STORES = {"calendars", "campaigns", "currencies", "custom_fields", "lead_sources", "pipelines", "products",
                "teams", "users"}


def public_entry_points(db):
    points = set()
    for name in dir(db):
        if name.startswith("_"):
            continue
        value = getattr(db, name)
        if callable(value):
            points.add(name)
        elif type(value).__module__.startswith("crmcore"):
            points |= {f"{name}.{method}" for method in dir(value) if not method.startswith("_")}
    return points


def test_every_public_read_entry_point_has_a_visibility_check(org):
    db, _ = org
    checked = {point for points in READ_CHECKS.values() for point in points}
    checked |= {f"reports.{name}" for name in db.reports.names()}
    assert all(test in globals() for test in CHECKED_BY_TEST.values())
    checked |= set(CHECKED_BY_TEST)
    unclassified = []
    for point in sorted(public_entry_points(db)):
        store, _, method = point.rpartition(".")
        if point in checked or point in NOT_RECORD_READS or store in SETUP_STORES:
            continue
        if any(method.startswith(word) or method.endswith(word) for word in WRITE_WORDS):
            continue
        unclassified.append(point)
    assert unclassified == [], "read entry points without a visibility check: " + ", ".join(unclassified)


@pytest.mark.parametrize("login", sorted(USERS))
@pytest.mark.parametrize("check", list(READ_CHECKS), ids=lambda check: check.__name__)
def test_each_user_reads_exactly_what_their_roles_reach(org, login, check):
    db, records = org
    with db.as_user(login) as as_user:
        assert as_user.user == login
        check(db, as_user, records, login)


def test_writes_outside_a_scope_are_refused_naming_action_kind_and_scope(org):
    db, records = org
    with db.as_user("anna") as anna:
        mine = anna.contacts.get(records["anna"]["contact"])
        mine = anna.contacts.update(mine, job_title="Buyer")
        assert mine.job_title == "Buyer"
        with pytest.raises(crmcore.PermissionDeniedError, match=r"assign contact: not within your scope \(none\)"):
            anna.contacts.update(mine, owner="janis")
        with pytest.raises(crmcore.PermissionDeniedError, match=r"create lead: not within your scope \(own\)"):
            anna.leads.create(last_name="Given away", owner="olga")
        with pytest.raises(crmcore.NotFoundError):
            anna.contacts.update(db.contacts.get(records["olga"]["contact"]), job_title="Hacked")
        with pytest.raises(crmcore.PermissionDeniedError, match="changing users needs the administrator role"):
            anna.users.create("intruder", roles=["administrator"])
        with pytest.raises(crmcore.PermissionDeniedError, match="changing pipelines"):
            anna.pipelines.create("Mine", [("Open", 10), ("Won", 100, "won"), ("Lost", 0, "lost")])
    with db.as_user("ana") as ana:
        with pytest.raises(crmcore.PermissionDeniedError, match=r"update opportunity: not within your scope \(none\)"):
            ana.opportunities.update(ana.opportunities.get(records["anna"]["opportunity"]), name="Changed")
        with pytest.raises(crmcore.PermissionDeniedError, match=r"delete account: not within your scope \(none\)"):
            ana.accounts.remove(records["anna"]["account"])
    with db.as_user("lauma") as lauma:
        with pytest.raises(crmcore.PermissionDeniedError, match=r"assign account: not within your scope"):
            lauma.accounts.update(lauma.accounts.get(records["janis"]["account"]), owner="olga")
    assert db.contacts.get(records["olga"]["contact"]).job_title == ""


def test_switching_the_user_of_a_connection_and_back_to_the_system(org):
    db, records = org
    with db.as_user("nora") as connection:
        assert connection.contacts.count() == len(expected_contacts(records, "nora"))
        connection.user = "boss"
        assert connection.contacts.count() == len(expected_contacts(records, "boss"))
        connection.user = ""
        assert connection.user == ""
        assert connection.contacts.count() == db.contacts.count()
        with pytest.raises(crmcore.NotFoundError, match="'ghost' is not a user"):
            connection.user = "ghost"
    with pytest.raises(crmcore.NotFoundError):
        db.as_user("ghost")


def test_access_scopes_and_the_unassigned_setting(bare_db):
    db = bare_db
    db.users.create("rep", roles=["sales_rep"])
    db.users.create("chief", roles=["sales_manager", "analyst"])
    assert db.access.scope("rep", "contact", "read") == "own"
    assert db.access.scope("chief", "contact", "read") == "all"  # roles add up
    assert db.access.scope("chief", "contact", "update") == "team_and_below"
    with pytest.raises(crmcore.ValidationError, match="not a action"):
        db.access.scope("rep", "contact", "fly")
    db.contacts.create(last_name="Nobody's")
    with db.as_user("rep") as rep:
        assert rep.contacts.count() == 1
        with pytest.raises(crmcore.PermissionDeniedError):
            rep.access.unassigned_visibility = "all_scope"
    assert db.access.unassigned_visibility == "everyone"
    db.access.unassigned_visibility = "all_scope"
    with db.as_user("rep") as rep:
        assert rep.contacts.count() == 0
    with db.as_user("chief") as chief:
        assert chief.contacts.count() == 1
    with pytest.raises(crmcore.ValidationError, match="everyone, all_scope"):
        db.access.unassigned_visibility = "some"


def test_an_in_memory_database_is_shared_with_its_acting_connections(bare_db):
    bare_db.users.create("rep", roles=["sales_rep"])
    bare_db.contacts.create(last_name="Mine", owner="rep")
    with bare_db.as_user("rep") as rep:
        assert [c.last_name for c in rep.contacts.list()] == ["Mine"]
        rep.contacts.create(last_name="Also mine", owner="rep")
    assert bare_db.contacts.count() == 2


def test_open_acts_as_the_user_named(tmp_path):
    path = tmp_path / "crm.db"
    with crmcore.open(path) as db:
        db.users.create("ana", roles=["analyst"])
    with crmcore.open(path, user="ana") as ana:
        assert ana.user == "ana"
        with pytest.raises(crmcore.PermissionDeniedError, match="create contact"):
            ana.contacts.create(last_name="Refused")
    with pytest.raises(crmcore.NotFoundError):
        crmcore.open(path, user="ghost")


def test_a_record_shared_with_a_user_or_team_is_seen_by_them_and_edited_at_level_edit(bare_db):
    db = bare_db
    db.teams.create("Sales")
    db.teams.create("Export", parent="Sales")
    db.users.create("anna", team="Sales", roles=["sales_rep"])
    db.users.create("olga", roles=["sales_rep"])
    db.users.create("eric", team="Export", roles=["sales_rep"])
    deal = db.opportunities.create(name="Shared deal", amount="10.00 EUR", owner="anna")
    with db.as_user("anna") as anna, db.as_user("olga") as olga, db.as_user("eric") as eric:
        with pytest.raises(crmcore.NotFoundError):
            olga.opportunities.get(deal.id)
        share = anna.access.share("opportunity", deal, user="olga")
        assert (share.kind, share.record_id, share.user, share.team, share.level) == (
            "opportunity", deal.id, "olga", None, "read")
        seen = olga.opportunities.get(deal.id)
        assert olga.reports.pipeline_by_stage().to_records()[0]["deals"] == 1
        with pytest.raises(crmcore.PermissionDeniedError, match="update opportunity"):
            olga.opportunities.update(seen, name="Mine now")
        anna.access.share("opportunity", deal.id, user="olga", level="edit")
        assert olga.opportunities.update(seen, name="Renamed").name == "Renamed"
        with pytest.raises(crmcore.PermissionDeniedError, match="share opportunity"):
            olga.access.share("opportunity", deal, user="eric")  # edit is not the owner's right to share
        anna.access.share("opportunity", deal, team="Sales")
        assert eric.opportunities.get(deal.id).name == "Renamed"  # Export is below Sales
        assert [(s.user, s.level) for s in anna.access.shares("opportunity", deal)] == [("olga", "edit"), (None, "read")]
        assert anna.access.unshare("opportunity", deal, team="Sales") is True
        assert anna.access.unshare("opportunity", deal, team="Sales") is False
        with pytest.raises(crmcore.NotFoundError):
            eric.opportunities.get(deal.id)
        with pytest.raises(crmcore.ValidationError, match="either user= or team="):
            anna.access.share("opportunity", deal, user="olga", team="Sales")
        with pytest.raises(crmcore.NotFoundError):
            eric.access.shares("opportunity", deal)
