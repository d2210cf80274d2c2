"""db.pipelines, db.products, db.opportunities: deals moving through stages."""
import datetime
from decimal import Decimal

import pytest

import crmcore

EUR = crmcore.Money.parse


@pytest.fixture
def sales(db):
    """The db with a customer, a contact and two products."""
    db.user = "anna"
    acme = db.accounts.create(name="SIA Acme", country="LV")
    janis = db.contacts.create(first_name="Jānis", last_name="Bērziņš", account=acme)
    chair = db.products.create(sku="CH-1", name="Chair", list_price="49.90 EUR")
    desk = db.products.create(sku="DK-1", name="Desk", list_price=EUR("250.00 EUR"))
    return db, acme, janis, chair, desk


def test_a_new_database_has_the_default_sales_pipeline(db):
    sales = db.pipelines.default()
    assert sales.name == "Sales" and sales.is_default
    assert [(s.name, s.kind, s.probability) for s in sales.stages] == [
        ("Prospecting", "open", 10), ("Qualification", "open", 20), ("Proposal", "open", 50),
        ("Negotiation", "open", 75), ("Won", "won", 100), ("Lost", "lost", 0)]
    assert sales.first_open_stage().name == "Prospecting"
    assert sales.stage("Won").position == 5
    assert sales.stage("qualification").id == sales.stages[1].id
    with pytest.raises(crmcore.NotFoundError, match="no stage 'Closed'"):
        sales.stage("Closed")
    assert db.pipelines.list()[0].id == sales.id
    assert db.pipelines.find("sales").id == sales.id and db.pipelines.find("Other") is None


def test_pipelines_are_made_and_edited(db):
    renewals = db.pipelines.create("Renewals", [crmcore.Stage("Due", 60), ("Renewed", 100, "won"), ("Churned", 0, "lost")])
    assert [s.name for s in renewals.stages] == ["Due", "Renewed", "Churned"]
    talk = db.pipelines.add_stage(renewals, "Talking", 80, position=2)
    assert (talk.position, talk.pipeline) == (2, renewals.id)
    talk = db.pipelines.update_stage(talk, name="Negotiating", probability=85)
    assert (talk.name, talk.probability, talk.kind) == ("Negotiating", 85, "open")
    stages = db.pipelines.get(renewals).stages
    reordered = db.pipelines.reorder_stages(renewals, [stages[1], stages[0], stages[2], stages[3]])
    assert [s.name for s in reordered.stages] == ["Negotiating", "Due", "Renewed", "Churned"]
    assert db.pipelines.rename(renewals, "Renewals 2027").name == "Renewals 2027"
    assert db.pipelines.set_default(renewals).is_default
    assert not db.pipelines.find("Sales").is_default
    after = db.pipelines.remove_stage(talk)
    assert [s.name for s in after.stages] == ["Due", "Renewed", "Churned"]
    assert db.pipelines.stage(talk).removed


def test_bad_pipelines_are_refused(db):
    with pytest.raises(crmcore.ValidationError, match="lost"):
        db.pipelines.create("Half", [("Open", 10), ("Won", 100, "won")])
    with pytest.raises(crmcore.AlreadyExistsError):
        db.pipelines.create("sales", [("A", 10), ("W", 100, "won"), ("L", 0, "lost")])
    with pytest.raises(crmcore.ValidationError, match=r"stage\.kind: 'closed' is not one of"):
        crmcore.Stage("Closed", 0, "closed")
    with pytest.raises(TypeError, match="list of Stage"):
        db.pipelines.create("Text", "Open")
    assert len(db.pipelines.list()) == 1


def test_lost_reasons_are_configurable(db):
    assert "Price" in [r.name for r in db.pipelines.lost_reasons()]  # a new database has a starting list
    price = db.pipelines.add_lost_reason("Too expensive")
    assert db.pipelines.find_lost_reason("too EXPENSIVE").id == price.id
    with pytest.raises(crmcore.AlreadyExistsError):
        db.pipelines.add_lost_reason("TOO EXPENSIVE")
    retired = db.pipelines.set_lost_reason_active(price, False)
    assert not retired.active and db.pipelines.find_lost_reason("Too expensive") is None
    assert price.id not in [r.id for r in db.pipelines.lost_reasons()]
    assert price.id in [r.id for r in db.pipelines.lost_reasons(include_inactive=True)]


def test_products_keep_exact_prices(db):
    chair = db.products.create(sku="CH-1", name="Chair", list_price=crmcore.Money(Decimal("49.90"), "EUR"))
    assert chair.list_price == crmcore.Money(Decimal("49.90"), "EUR") and str(chair.list_price) == "49.90 EUR"
    assert db.products.find_by_sku("ch-1").id == chair.id
    cheaper = db.products.update(chair, list_price="39.90 EUR")
    assert (cheaper.version, cheaper.list_price.amount) == (2, Decimal("39.90"))
    with pytest.raises(crmcore.ConflictError):
        db.products.update(chair, name="Stale")
    db.products.update(cheaper, active=False)
    assert db.products.list() == [] and len(db.products.list(include_inactive=True)) == 1
    with pytest.raises(crmcore.AlreadyExistsError):
        db.products.create(sku="ch-1", name="Other", list_price="1.00 EUR")
    with pytest.raises(crmcore.ValidationError, match="float"):
        db.products.create(sku="F", name="Float", list_price=crmcore.Money(49.9, "EUR"))


def test_a_deal_with_line_items_sums_them(sales):
    db, acme, janis, chair, desk = sales
    deal = db.opportunities.create(
        account=acme, name="Office", primary_contact=janis, contacts=[(janis, "decision maker")],
        line_items=[crmcore.LineItem(chair, 10, discount_percent=10), (desk, 2, "240.00 EUR")],
        expected_close=datetime.date(2027, 3, 31), owner="anna", tags=["furniture"])
    assert [item.total for item in deal.line_items] == [EUR("449.10 EUR"), EUR("480.00 EUR")]
    assert deal.amount == EUR("929.10 EUR")
    assert deal.contacts == [crmcore.OpportunityContact(janis.id, "decision maker")]
    assert (deal.stage_kind, deal.probability, deal.closed) == ("open", 10, False)
    assert deal.pipeline == db.pipelines.default().id
    assert db.opportunities.get(deal.id).line_items == deal.line_items
    assert db.opportunities.count(account=acme, open=True) == 1


def test_moving_through_stages_is_recorded(sales):
    db, acme, janis, *_ = sales
    sales_pipeline = db.pipelines.default()
    deal = db.opportunities.create(account=acme, name="Big", amount="10000.00 EUR")
    proposal = db.opportunities.move_to_stage(deal, sales_pipeline.stage("Proposal"))
    assert (proposal.probability, proposal.version) == (50, 2)
    price = db.pipelines.find_lost_reason("Price")
    with pytest.raises(crmcore.ValidationError, match="lost_reason"):
        db.opportunities.move_to_stage(deal, sales_pipeline.stage("Lost"))
    lost = db.opportunities.move_to_stage(deal, sales_pipeline.stage("Lost"), lost_reason=price,
                                          closed_on=datetime.date(2026, 11, 1))
    assert (lost.stage_kind, lost.closed, lost.lost_reason, lost.closed_on) == (
        "lost", True, price.id, datetime.date(2026, 11, 1))
    history = db.opportunities.stage_history(deal)
    assert [(h.from_stage, h.to_stage) for h in history] == [
        (None, sales_pipeline.stages[0].id), (sales_pipeline.stages[0].id, sales_pipeline.stage("Proposal").id),
        (sales_pipeline.stage("Proposal").id, sales_pipeline.stage("Lost").id)]
    assert {h.by for h in history} == {"anna"}
    assert history[-1].lost_reason == price.id and history[-1].amount == EUR("10000.00 EUR")
    reopened = db.opportunities.move_to_stage(deal, sales_pipeline.stage("Negotiation"))
    assert (reopened.closed, reopened.closed_on, reopened.lost_reason) == (False, None, None)


def test_deals_are_listed_selected_and_filtered(sales):
    db, acme, janis, *_ = sales
    other = db.accounts.create(name="SIA Other")
    won_stage = db.pipelines.default().stage("Won")
    for i in range(5):
        db.opportunities.create(account=acme if i % 2 else other, name=f"Deal {i}", amount=f"{i}00.00 EUR",
                                owner="anna" if i < 3 else "ivars")
    db.opportunities.move_to_stage(db.opportunities.list(sort="id").to_records()[0]["id"], won_stage)
    assert [o.name for o in db.opportunities.list(account=acme)] == ["Deal 1", "Deal 3"]
    assert db.opportunities.count(open=False) == 1 and db.opportunities.count(stage=won_stage) == 1
    assert db.opportunities.count(owner="ivars") == 2
    rows = db.opportunities.select("name", "amount", "stage", "weighted_amount", sort="id", open=True)
    assert rows.columns == ["name", "amount", "stage", "weighted_amount"]
    assert rows.column_types == ["text", "decimal", "text", "decimal"]
    first = list(rows)[0]
    assert first == ("Deal 1", crmcore.Money(Decimal("100.00"), "EUR"), "Prospecting",
                     crmcore.Money(Decimal("10.00"), "EUR"))
    assert isinstance(first[1].amount, Decimal) and isinstance(first[3].amount, Decimal)
    assert "weighted_amount" in crmcore.Opportunities.selectable_columns()
    with pytest.raises(TypeError, match="unexpected keyword argument 'colour'"):
        db.opportunities.list(colour="red")
    with pytest.raises(crmcore.ValidationError, match="country"):
        db.opportunities.list(country="LV")


def test_update_remove_restore_purge_and_external_ref(sales):
    db, acme, *_ = sales
    deal = db.opportunities.create(account=acme, name="ERP deal", amount="5.00 EUR", external_ref="SO-1")
    assert db.opportunities.find_by_external_ref("SO-1").id == deal.id
    changed = db.opportunities.update(deal, next_step="Call back", probability_override=35)
    assert (changed.next_step, changed.probability) == ("Call back", 35)
    with pytest.raises(crmcore.ConflictError):
        db.opportunities.update(deal, name="stale")
    assert db.opportunities.remove(deal).deleted and db.opportunities.count() == 0
    assert not db.opportunities.restore(deal).deleted
    db.opportunities.purge(deal)
    with pytest.raises(crmcore.NotFoundError):
        db.opportunities.get(deal)


def test_bad_deals_are_refused_and_nothing_is_written(sales):
    db, acme, _, chair, _ = sales
    with pytest.raises(crmcore.ValidationError, match="name"):
        db.opportunities.create(account=acme, name="")
    with pytest.raises(crmcore.NotFoundError):
        db.opportunities.create(account=999, name="Nobody")
    with pytest.raises(crmcore.ValidationError, match="currenc"):
        db.opportunities.create(account=acme, name="Mixed", line_items=[(chair, 1, "5.00 USD")])
    with pytest.raises(TypeError):
        db.opportunities.create(account=acme, name="Typo", amout="1.00 EUR")
    assert db.opportunities.count(deleted="include") == 0


def test_deals_nobody_works_on(sales):
    db, acme, *_ = sales
    idle = db.opportunities.create(account=acme, name="Idle", owner="anna")
    busy = db.opportunities.create(account=acme, name="Busy", owner="anna")
    db.activities.create(kind="task", subject="Send offer", opportunity=busy, owner="anna")
    assert [o.id for o in db.opportunities.without_next_activity(owner="anna")] == [idle.id]


def test_a_deal_may_have_no_account_and_reports_count_it(sales):
    db, acme, *_ = sales
    orphan = db.opportunities.create(name="Imported, no account", amount="300.00 EUR", external_ref="006X")
    assert orphan.account is None
    assert db.opportunities.get(orphan.id).account is None
    with_account = db.opportunities.create(account=acme, name="Known customer", amount="100.00 EUR")
    changed = db.opportunities.update(with_account, account=None)
    assert changed.account is None
    rows = db.opportunities.select("name", "account_id", "account_name", sort="id")
    assert list(rows) == [("Imported, no account", None, None), ("Known customer", None, None)]
    prospecting = {r["stage"]: r for r in db.reports.pipeline_by_stage().to_records()}["Prospecting"]
    assert (prospecting["deals"], prospecting["amount"]) == (2, Decimal("400.00"))
    with pytest.raises(crmcore.NotFoundError, match="opportunity.account"):
        db.opportunities.create(account=404, name="Nobody's", amount="1.00 EUR")
