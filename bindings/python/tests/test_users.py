"""db.users and db.teams: the people who work in the CRM. Every record's owner is an active user."""
import pytest

import crmcore


def test_a_user_keeps_every_field_and_is_found_by_its_exact_login(bare_db):
    db = bare_db
    baltics = db.teams.create("Baltics")
    anna = db.users.create("anna", name="Anna Bērziņa", email="anna@example.com", time_zone="Europe/Riga",
                           team=baltics, roles=["sales_rep", "sales_manager"])
    assert (anna.login, anna.name, anna.email, anna.time_zone) == ("anna", "Anna Bērziņa", "anna@example.com",
                                                                   "Europe/Riga")
    assert anna.team == baltics.id
    assert anna.roles == ["sales_manager", "sales_rep"]
    assert anna.active is True
    assert db.users.get(anna.id) == anna
    assert db.users.find("anna") == anna
    assert db.users.find("Anna") is None
    assert repr(anna) == f"<User {anna.id} 'anna'>"
    assert set(anna.to_dict()) == {"id", "login", "name", "email", "time_zone", "team", "roles", "active",
                                   "created_at", "updated_at"}
    assert db.users.create("janis", team="baltics").team == baltics.id  # a team by its name


def test_bad_users_are_refused_with_the_field_named(bare_db):
    db = bare_db
    db.users.create("anna")
    with pytest.raises(crmcore.AlreadyExistsError):
        db.users.create("anna")
    with pytest.raises(crmcore.ValidationError, match="'boss' is not a role"):
        db.users.create("boss", roles=["boss"])
    with pytest.raises(crmcore.ValidationError, match="user.time_zone"):
        db.users.create("x", time_zone="Mars/Olympus")
    with pytest.raises(crmcore.ValidationError, match="user.email"):
        db.users.create("x", email="not an address")
    with pytest.raises(crmcore.NotFoundError, match="no team is called 'Nowhere'"):
        db.users.create("x", team="Nowhere")
    with pytest.raises(crmcore.NotFoundError, match="did you mean 'anna'"):
        db.users.require("ana")
    assert [u.login for u in db.users.list()] == ["anna"]


def test_a_record_is_only_given_to_an_active_user_and_stays_with_a_deactivated_one(bare_db):
    db = bare_db
    with pytest.raises(crmcore.ValidationError, match="account.owner: the owner is not an active user"):
        db.accounts.create(name="SIA Koks", owner="anna")
    anna = db.users.create("anna")
    koks = db.accounts.create(name="SIA Koks", owner="anna")
    assert db.users.owned_records("anna") == 1
    anna.active = False
    anna.roles = ["analyst"]
    anna = db.users.update(anna)
    assert (anna.active, anna.roles) == (False, ["analyst"])
    assert db.users.list(active_only=True) == []
    koks.name = "SIA Koks un Ko"
    assert db.accounts.update(koks).owner == "anna"  # still theirs, still editable
    with pytest.raises(crmcore.ValidationError, match="contact.owner"):
        db.contacts.create(first_name="Jānis", last_name="Ozols", owner="anna")


def test_teams_form_a_tree_whose_members_include_the_teams_below(bare_db):
    db = bare_db
    sales = db.teams.create("Sales")
    baltics = db.teams.create("Baltics", parent=sales)
    riga = db.teams.create("Rīga", parent="Baltics")
    for login, team in [("boss", sales), ("anna", baltics), ("janis", riga)]:
        db.users.create(login, team=team)
    assert [u.login for u in db.teams.members(sales)] == ["anna", "boss", "janis"]
    assert [u.login for u in db.teams.members(baltics, with_teams_below=False)] == ["anna"]
    assert [t.name for t in db.teams.below(sales)] == ["Baltics", "Rīga"]
    assert db.teams.find("riga") == riga and riga.parent == baltics.id
    with pytest.raises(crmcore.ValidationError, match="cannot move under itself"):
        db.teams.move(sales, riga)
    assert db.teams.move(riga, None).parent is None
    with pytest.raises(crmcore.ConflictError, match="1 member"):
        db.teams.remove(riga)
    assert db.teams.rename(riga, "Riga").name == "Riga"
    assert [t.name for t in db.teams.list()] == ["Baltics", "Riga", "Sales"]


def test_the_sample_data_brings_its_people_with_their_roles_and_teams(sample_db):
    users = {u.login: u for u in sample_db.users.list()}
    assert users["admin"].roles == ["administrator"]
    assert users["anna.berzina"].roles == ["sales_manager"]
    assert sample_db.teams.get(users["anna.berzina"].team).name == "Baltics"
    owners = {a.owner for a in sample_db.accounts.list()}
    assert owners and owners <= set(users)
    assert sum(sample_db.users.owned_records(login) for login in users) > 0


def test_an_import_adds_the_users_its_owners_name_unless_told_not_to(bare_db, tmp_path):
    db = bare_db
    db.users.create("anna")
    path = tmp_path / "accounts.csv"
    path.write_text("name,owner\nSIA Koks,anna\nSIA Ozols,Pēteris Ozols\nSIA Liepa,Pēteris Ozols\n", encoding="utf-8")
    refused = db.import_csv(path, "account", create_owners=False)
    assert (refused.inserted, refused.failed, refused.users_created) == (1, 2, [])
    assert "account.owner: the owner is not an active user" in refused.errors[0].message
    lenient = db.import_csv(path, "account", create_owners=False, policy="lenient", dry_run=True)
    assert (lenient.inserted, lenient.warned) == (3, 2)
    result = db.import_csv(path, "account", on_duplicate="skip")
    assert result.users_created == ["Pēteris Ozols"]
    assert db.users.require("Pēteris Ozols").active
    assert db.users.owned_records("Pēteris Ozols") == 2
