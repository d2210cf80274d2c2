"""db.reports: every report on the sample data and on a small book of deals whose answers are known,
checked against an independent computation in Python over the records."""
import collections
import datetime
from decimal import ROUND_HALF_UP, Decimal

import pytest

import crmcore

pandas = pytest.importorskip("pandas")

JAN1 = datetime.date(2025, 1, 1)
MAR1 = datetime.date(2025, 3, 1)
AS_OF = datetime.date(2025, 3, 15)
CENT = Decimal("0.01")


def at(year, month, day, hour=9):
    return datetime.datetime(year, month, day, hour, tzinfo=datetime.timezone.utc)


# --- the independent computation -------------------------------------------------------------------
#
# As report.hpp says: a deal's date is its close date when closed, else its expected close (else
# as_of); its weighted amount is amount x probability / 100 rounded half away from zero to the minor
# unit; amounts are summed per currency and rate, and each sum is converted once with the rate valid
# on the deal's date, rounded half away from zero. Rates come from db.currencies.rates(); the
# arithmetic is done here.

def rate_table(db):
    """{currency: [(valid_from, rate), ...] newest first} of the rates into the base currency."""
    base = db.currencies.base
    table = collections.defaultdict(list)
    for rate in db.currencies.rates():
        if rate.to_currency == base:
            table[rate.from_currency].append((rate.valid_from, rate.rate))
    for rates in table.values():
        rates.sort(reverse=True)
    return base, table


def rate_on(rates, base, currency, day):
    """The (valid_from, rate) converting currency on day; (None, 1) for the base currency."""
    if currency == base:
        return None, Decimal(1)
    for valid_from, rate in rates.get(currency, []):
        if valid_from <= day:
            return valid_from, rate
    raise AssertionError(f"no {currency} rate on {day}")


def half_away(value):
    return value.quantize(Decimal(1), rounding=ROUND_HALF_UP)


class MoneySums:
    """Money summed per (currency, rate), converted once per sum at the end."""

    def __init__(self, rates, base):
        self.rates, self.base = rates, base
        self.parts = collections.defaultdict(Decimal)

    def add(self, money, day):
        key = (money.currency, rate_on(self.rates, self.base, money.currency, day))
        self.parts[key] += money.amount

    def total(self):
        return sum(((amount * rate).quantize(CENT, rounding=ROUND_HALF_UP)
                    for (_, (_, rate)), amount in self.parts.items()), Decimal(0))


def deal_day(deal, as_of):
    return deal.closed_on or deal.expected_close or as_of


def weighted(deal):
    digits = crmcore.currency_minor_digits(deal.amount.currency)
    minor = half_away(deal.amount.amount * 10 ** digits * deal.probability / 100)
    return crmcore.Money(minor / 10 ** digits, deal.amount.currency)


def expected_pipeline(db, as_of):
    base, rates = rate_table(db)
    stages = {s.id: s for p in db.pipelines.list() for s in p.stages}
    totals = collections.defaultdict(lambda: [0, MoneySums(rates, base), MoneySums(rates, base)])
    for deal in db.opportunities.list():
        day = deal_day(deal, as_of)
        cell = totals[stages[deal.stage].name]
        cell[0] += 1
        cell[1].add(deal.amount, day)
        cell[2].add(weighted(deal), day)
    return {stage.name: (totals[stage.name][0], totals[stage.name][1].total(), totals[stage.name][2].total())
            for stage in stages.values()}


def quarter_of(day):
    return f"{day.year}-Q{(day.month - 1) // 3 + 1}"


def expected_forecast(db, as_of):
    """{quarter: (won_deals, open_deals, committed, weighted, best_case)}."""
    base, rates = rate_table(db)
    periods = collections.defaultdict(
        lambda: {"won": 0, "open": 0, "committed": MoneySums(rates, base), "weighted": MoneySums(rates, base),
                 "open_amount": MoneySums(rates, base)})
    for deal in db.opportunities.list():
        if deal.stage_kind == "lost":
            continue
        day = deal_day(deal, as_of)
        cell = periods[quarter_of(day)]
        cell[deal.stage_kind] += 1
        if deal.stage_kind == "won":
            cell["committed"].add(deal.amount, day)
        else:
            cell["weighted"].add(weighted(deal), day)
            cell["open_amount"].add(deal.amount, day)
    return {period: (c["won"], c["open"], c["committed"].total(), c["weighted"].total(),
                     c["committed"].total() + c["open_amount"].total())
            for period, c in periods.items()}


def expected_campaign_return(db, as_of):
    """{campaign: (cost, leads, won_deals, won_revenue)}; costs convert on the start day (undated: as_of)."""
    base, rates = rate_table(db)
    leads = collections.Counter(campaign for (campaign,) in db.leads.select("campaign"))
    won = collections.defaultdict(lambda: [0, MoneySums(rates, base)])
    for deal in db.opportunities.list():
        if deal.stage_kind == "won" and deal.campaign:
            won[deal.campaign][0] += 1
            won[deal.campaign][1].add(deal.amount, deal.closed_on)
    result = {}
    for campaign in db.campaigns.list():
        cost = MoneySums(rates, base)
        cost.add(campaign.cost, campaign.starts_on or as_of)
        result[campaign.name] = (cost.total(), leads[campaign.name], won[campaign.name][0],
                                 won[campaign.name][1].total())
    return result


# --- the hand-made book -----------------------------------------------------------------------------

@pytest.fixture
def book(db):
    """Seven deals in EUR and USD, three campaigns, leads, activities and birthdays; see each line."""
    db.user = "anna"
    db.currencies.set_rate("USD", "EUR", JAN1, "0.90")
    db.currencies.set_rate("USD", "EUR", MAR1, "0.95")
    acme = db.accounts.create(name="SIA Acme", country="LV", owner="anna")
    db.accounts.create(name="SIA Klusums", country="LV", owner="ivars")  # never touched: at risk
    db.campaigns.create(name="Spring fair", channel="event", starts_on=datetime.date(2025, 2, 1), cost="1000.00 EUR")
    db.campaigns.create(name="Web ads", channel="web", starts_on=datetime.date(2025, 1, 10), cost="500.00 USD")
    db.campaigns.create(name="Word of mouth", channel="referral", cost="0.00 EUR")
    sales = db.pipelines.default()
    price = db.pipelines.find_lost_reason("Price")

    def deal(name, amount, close, owner, stage=None, closed_on=None, **fields):
        made = db.opportunities.create(account=acme, name=name, amount=amount, expected_close=close, owner=owner,
                                       **fields)
        if stage:
            made = db.opportunities.move_to_stage(made, sales.stage(stage), closed_on=closed_on,
                                                  lost_reason=price if stage == "Lost" else None)
        return made

    deal("Chairs", "1000.00 EUR", datetime.date(2025, 1, 15), "anna")                 # open 10 %
    deal("Desks", "2000.00 USD", datetime.date(2025, 2, 10), "ivars", "Proposal")     # open 50 %, 1800.00 EUR
    deal("Lamps", "500.00 EUR", None, "anna", "Won", datetime.date(2025, 3, 5), campaign="Spring fair")
    deal("Shelves", "300.00 USD", None, "ivars", "Won", datetime.date(2025, 3, 20),   # 285.00 EUR
         campaign="Spring fair")
    deal("Sofas", "700.00 EUR", None, "ivars", "Lost", datetime.date(2025, 2, 1), campaign="Web ads")
    deal("Tables", "2000.00 EUR", None, "anna", "Won", datetime.date(2025, 3, 10), campaign="Web ads")
    reopened = deal("Reopened", "400.00 EUR", datetime.date(2025, 4, 10), "anna", "Won", datetime.date(2025, 1, 20))
    db.opportunities.move_to_stage(reopened, sales.stage("Negotiation"))              # open again, 75 %

    for i, title in enumerate(["Chef", "Chef", "Buyer", "Owner"]):
        db.leads.create(last_name=f"Fair {i}", source="Trade fair", campaign="Spring fair", job_title=title,
                        industry="Catering", owner="anna")
    db.leads.create(last_name="Clicker", source="Web", campaign="Web ads", industry="Retail", owner="ivars")
    db.leads.create(last_name="Walk-in", owner="ivars")
    db.leads.convert(db.leads.list(sort="id").to_records()[0]["id"], account=acme)

    db.activities.create(kind="call", subject="Offer", status="done", starts_at=at(2025, 3, 3), account=acme,
                         owner="anna")
    db.activities.create(kind="task", subject="Send the contract", starts_at=at(2025, 3, 1), account=acme,
                         owner="ivars")
    db.contacts.create(first_name="Ilze", last_name="Ozola", birthday=datetime.date(1990, 3, 20), account=acme)
    db.contacts.create(first_name="Pēteris", last_name="Kalns", birthday="--03-30")
    return db


def rows_by(report, key):
    return {record[key]: record for record in report.to_records()}


def test_pipeline_by_stage_matches_the_deals(book):
    report = book.reports.pipeline_by_stage(as_of=AS_OF)
    assert report.name == "pipeline_by_stage" and report.currency == "EUR"
    assert report.columns == ["pipeline", "stage", "stage_kind", "position", "deals", "amount", "weighted_amount"]
    assert [r[1] for r in report] == ["Prospecting", "Qualification", "Proposal", "Negotiation", "Won", "Lost"]
    got = {r["stage"]: (r["deals"], r["amount"], r["weighted_amount"]) for r in report.to_records()}
    assert got == expected_pipeline(book, AS_OF)
    assert got["Proposal"] == (1, Decimal("1800.00"), Decimal("900.00"))       # USD at the February rate
    assert got["Won"] == (3, Decimal("2785.00"), Decimal("2785.00"))           # 500 + 285 (March rate) + 2000
    assert got["Negotiation"] == (1, Decimal("400.00"), Decimal("300.00"))     # reopened after winning
    assert got["Qualification"] == (0, 0, 0)
    assert all(isinstance(r["amount"], Decimal) for r in report.to_records())


def test_forecast_by_quarter_matches_the_deals_and_shows_empty_quarters(book):
    report = book.reports.forecast(interval="quarter", start=JAN1, end=datetime.date(2025, 9, 30), as_of=AS_OF)
    assert [r[0] for r in report] == ["2025-Q1", "2025-Q2", "2025-Q3"]
    first = report[0]
    assert (first[1], first[2]) == (JAN1, datetime.date(2025, 3, 31))
    expected = expected_forecast(book, AS_OF)
    for row in report.to_records():
        assert (row["won_deals"], row["open_deals"], row["committed"], row["weighted"], row["best_case"]) == \
            expected.get(row["period"], (0, 0, 0, 0, 0))
    assert report[0][3:] == (3, 2, Decimal("2785.00"), Decimal("1000.00"), Decimal("5585.00"))
    assert report[2][3:] == (0, 0, 0, 0, 0)
    months = book.reports.forecast(start=JAN1, end=datetime.date(2025, 4, 30), as_of=AS_OF)
    assert [r[0] for r in months] == ["2025-01", "2025-02", "2025-03", "2025-04"]


def test_money_converts_with_the_rate_of_the_deal_date_and_says_which(book):
    report = book.reports.forecast(interval="quarter", start=JAN1, end=datetime.date(2025, 6, 30), as_of=AS_OF)
    assert [(r.from_currency, r.to_currency, r.valid_from, r.rate) for r in report.rates_used] == [
        ("USD", "EUR", JAN1, Decimal("0.9")), ("USD", "EUR", MAR1, Decimal("0.95"))]
    february = book.reports.pipeline_by_stage(start=datetime.date(2025, 2, 1), end=datetime.date(2025, 2, 28),
                                              as_of=AS_OF)
    assert [(r.valid_from, r.rate) for r in february.rates_used] == [(JAN1, Decimal("0.9"))]
    assert rows_by(february, "stage")["Proposal"]["amount"] == Decimal("1800.00")


def test_a_missing_rate_fails_the_report_naming_the_pair_and_the_day(book):
    account = book.accounts.list().to_records()[0]["id"]
    book.opportunities.create(account=account, name="London", amount="100.00 GBP",
                              expected_close=datetime.date(2025, 2, 2))
    with pytest.raises(crmcore.NotFoundError, match=r"(?=.*GBP)(?=.*EUR)(?=.*2025-02-02)"):
        book.reports.pipeline_by_stage(as_of=AS_OF)
    book.opportunities.create(account=account, name="Too early", amount="10.00 USD",
                              expected_close=datetime.date(2024, 12, 31))
    with pytest.raises(crmcore.NotFoundError, match=r"(?=.*USD)(?=.*2024-12-31)"):
        book.reports.forecast(end=datetime.date(2024, 12, 31), as_of=AS_OF)


def test_campaign_return_matches_the_campaigns_leads_and_won_deals(book):
    report = book.reports.campaign_return(as_of=AS_OF)
    assert report.columns == ["rank", "campaign", "channel", "cost", "leads", "cost_per_lead", "won_deals",
                              "won_revenue", "roi"]
    assert [(r[0], r[1]) for r in report] == [(1, "Web ads"), (2, "Spring fair"), (3, "Word of mouth")]
    expected = expected_campaign_return(book, AS_OF)
    for row in report.to_records():
        cost, leads, won_deals, won_revenue = expected[row["campaign"]]
        assert (row["cost"], row["leads"], row["won_deals"], row["won_revenue"]) == (cost, leads, won_deals,
                                                                                     won_revenue)
        assert row["cost_per_lead"] == ((cost / leads).quantize(CENT, ROUND_HALF_UP) if leads else None)
        assert row["roi"] == (pytest.approx(float((won_revenue - cost) / cost)) if cost else None)
    web = rows_by(report, "campaign")["Web ads"]
    assert (web["cost"], web["won_revenue"], web["channel"]) == (Decimal("450.00"), Decimal("2000.00"), "web")
    assert rows_by(report, "campaign")["Spring fair"]["roi"] == pytest.approx(-0.215)


def test_win_rates_by_owner_and_by_campaign(book):
    by_owner = book.reports.win_rates(as_of=AS_OF)
    assert [(r["group"], r["won"], r["lost"], r["win_rate"], r["won_amount"], r["average_deal"])
            for r in by_owner.to_records()] == [
        ("anna", 2, 0, 1.0, Decimal("2500.00"), Decimal("1250.00")),
        ("ivars", 1, 1, 0.5, Decimal("285.00"), Decimal("285.00"))]
    by_campaign = rows_by(book.reports.win_rates(group="campaign", as_of=AS_OF), "group")
    assert (by_campaign["Web ads"]["won"], by_campaign["Web ads"]["lost"]) == (1, 1)
    assert by_campaign["Spring fair"]["won_amount"] == Decimal("785.00")


def test_funnel_counts_deals_that_reached_each_stage_from_the_history(book):
    report = book.reports.funnel(as_of=AS_OF)
    stages = {s.id: s for s in book.pipelines.default().stages}
    furthest = collections.Counter()
    for deal in book.opportunities.list():
        positions = [stages[c.to_stage].position for c in book.opportunities.stage_history(deal)
                     if stages[c.to_stage].kind != "lost"]
        furthest[deal.id] = max(positions)
    reached = {s.name: sum(1 for p in furthest.values() if p >= s.position)
               for s in stages.values() if s.kind != "lost"}
    got = {r["stage"]: r["reached"] for r in report.to_records()}
    assert got == reached == {"Prospecting": 7, "Qualification": 5, "Proposal": 5, "Negotiation": 4, "Won": 4}
    conversions = [r["conversion"] for r in report.to_records()]
    assert conversions[:-1] == pytest.approx([5 / 7, 1.0, 0.8, 1.0]) and conversions[-1] is None
    assert [r["current"] for r in report.to_records()] == [1, 0, 1, 1, 3]


def test_leads_and_lead_conversion_by_group(book):
    by_campaign = rows_by(book.reports.lead_conversion(group="campaign", as_of=AS_OF), "group")
    assert {k: (v["leads"], v["converted"]) for k, v in by_campaign.items()} == {
        "Spring fair": (4, 1), "Web ads": (1, 0), None: (1, 0)}
    assert by_campaign["Spring fair"]["conversion_rate"] == pytest.approx(0.25)
    by_title = book.reports.leads(group="job_title", interval="month")
    assert sum(r["leads"] for r in by_title.to_records()) == 6
    assert {r["group"] for r in by_title.to_records()} == {"Chef", "Buyer", "Owner", None}
    assert {r["group"] for r in book.reports.leads(group="industry").to_records()} == {"Catering", "Retail", None}


def test_activity_reports_at_risk_accounts_and_birthdays(book):
    weeks = book.reports.activities_per_week(start=datetime.date(2025, 2, 24), end=datetime.date(2025, 3, 9),
                                             as_of=AS_OF)
    assert weeks.columns[:3] == ["week", "week_start", "owner"]
    assert {(r["week"], r["owner"]): (r["call"], r["task"], r["total"]) for r in weeks.to_records()} == {
        ("2025-W09", "anna"): (0, 0, 0), ("2025-W09", "ivars"): (0, 1, 1),
        ("2025-W10", "anna"): (1, 0, 1), ("2025-W10", "ivars"): (0, 0, 0)}
    overdue = book.reports.overdue_tasks(as_of=AS_OF).to_records()
    assert overdue == [{"owner": "ivars", "overdue": 1, "oldest_due": datetime.date(2025, 3, 1),
                        "most_days_overdue": 14}]
    at_risk = book.reports.at_risk_accounts(days=30, as_of=AS_OF)
    assert [(r["account"], r["last_activity"], r["days_since"]) for r in at_risk.to_records()] == [
        ("SIA Klusums", None, None)]
    birthdays = book.reports.upcoming_birthdays(days=7, as_of=AS_OF).to_records()
    assert [(r["name"], r["account"], r["next_birthday"], r["turns"], r["days_until"]) for r in birthdays] == [
        ("Ilze Ozola", "SIA Acme", datetime.date(2025, 3, 20), 35, 5)]
    later = book.reports.upcoming_birthdays(days=20, as_of=AS_OF)
    assert [r["turns"] for r in later.to_records()] == [35, None]


def test_open_pipeline_history_has_a_row_per_month_end(book):
    report = book.reports.open_pipeline_history(as_of=AS_OF)
    assert report.columns == ["month_end", "open_deals", "open_amount", "weighted_amount"]
    assert len(report) == 12 and report[-1][0] == datetime.date(2025, 2, 28)
    assert all(isinstance(r[0], datetime.date) for r in report)


def test_to_pandas_names_the_columns_and_keeps_exact_types(book):
    frame = book.reports.forecast(interval="quarter", start=JAN1, end=datetime.date(2025, 6, 30),
                                  as_of=AS_OF).to_pandas()
    assert list(frame.columns) == ["period", "period_start", "period_end", "won_deals", "open_deals", "committed",
                                   "committed_currency", "weighted", "weighted_currency", "best_case",
                                   "best_case_currency"]
    assert [str(frame[c].dtype) for c in frame.columns] == ["object", "object", "object", "int64", "int64",
                                                            "object", "object", "object", "object", "object",
                                                            "object"]
    assert frame["committed"].tolist() == [Decimal("2785.00"), Decimal("0.00")]
    assert frame["committed_currency"].tolist() == ["EUR", "EUR"]
    assert isinstance(frame["period_start"][0], datetime.date)
    rates = book.reports.win_rates(as_of=AS_OF).to_pandas()
    assert str(rates["win_rate"].dtype) == "float64" and str(rates["won"].dtype) == "int64"
    birthdays = book.reports.upcoming_birthdays(days=20, as_of=AS_OF).to_pandas()
    assert str(birthdays["turns"].dtype) == "Int64" and birthdays["turns"].isna().tolist() == [False, True]


def test_reports_run_by_name_with_the_same_options(book):
    assert crmcore.Reports.names() == [
        "pipeline_by_stage", "forecast", "win_rates", "funnel", "leads", "lead_conversion", "campaign_return",
        "activities_per_week", "overdue_tasks", "at_risk_accounts", "upcoming_birthdays", "open_pipeline_history"]
    for name in book.reports.names():
        by_name = book.reports.run(name, as_of=AS_OF)
        direct = getattr(book.reports, name)(as_of=AS_OF)
        assert (by_name.name, by_name.columns, list(by_name)) == (name, direct.columns, list(direct))
        assert by_name.column_types == direct.column_types and len(by_name) == len(direct)
    owned = book.reports.run("pipeline_by_stage", owner="ivars", as_of=AS_OF)
    assert sum(r[4] for r in owned) == 3
    pipeline = book.pipelines.default()
    assert len(book.reports.funnel(pipeline=pipeline)) == len(book.reports.funnel(pipeline=pipeline.id)) == 5


def test_bad_names_intervals_groups_and_options_are_refused(book):
    with pytest.raises(crmcore.ValidationError, match="forecast"):
        book.reports.run("sales_by_weather")
    with pytest.raises(crmcore.ValidationError, match=r"interval: 'year' is not week, month or quarter"):
        book.reports.forecast(interval="year")
    with pytest.raises(crmcore.ValidationError, match=r"group: 'colour' is not owner, lead_source, .* or job_title"):
        book.reports.win_rates(group="colour")
    with pytest.raises(crmcore.ValidationError, match="days"):
        book.reports.at_risk_accounts(days=0)
    with pytest.raises(crmcore.ValidationError):
        book.reports.win_rates(group="job_title")  # deals have no job title
    with pytest.raises(TypeError):
        book.reports.forecast(AS_OF)  # options are keyword-only
    with pytest.raises(TypeError):
        book.reports.forecast(colour="red")


def test_a_report_on_a_segment(book):
    theirs = book.segments.create("opportunity", "Ivars's deals", 'owner = "ivars"')
    report = book.reports.pipeline_by_stage(segment=theirs, as_of=AS_OF)
    assert sum(r[4] for r in report) == book.segments.count(theirs) == 3


# --- the sample data --------------------------------------------------------------------------------

@pytest.fixture
def sample(sample_db):
    """The sample data with a rate into EUR for every other currency its deals and campaigns use."""
    currencies = {d.amount.currency for d in sample_db.opportunities.list()}
    currencies |= {c.cost.currency for c in sample_db.campaigns.list()}
    for currency, rate in {"GBP": "1.1712", "UAH": "0.0224", "USD": "0.9234"}.items():
        if currency in currencies and not sample_db.currencies.rates(currency, "EUR"):
            sample_db.currencies.set_rate(currency, "EUR", datetime.date(2000, 1, 1), rate)
    return sample_db


@pytest.mark.parametrize("name", crmcore.Reports.names())
def test_every_report_runs_on_the_sample_data(sample, name):
    report = sample.reports.run(name)
    assert report.name == name and report.currency == "EUR"
    frame = report.to_pandas()
    money = [column for column, kind in zip(report.columns, report.column_types) if kind == "decimal"]
    assert list(frame.columns) == [name for column in report.columns
                                   for name in ([column, column + "_currency"] if column in money else [column])]
    assert len(frame) == len(report)
    assert all(set(frame[column + "_currency"].dropna()) <= {"EUR"} for column in money)
    for column, kind in zip(report.columns, report.column_types):
        values = [v for v in frame[column].tolist() if not pandas.isna(v)]
        wanted = {"integer": int, "real": float, "text": str, "date": datetime.date, "decimal": Decimal}[kind]
        assert all(isinstance(v, wanted) for v in values), (column, kind, values[:3])


def test_sample_pipeline_forecast_and_campaign_return_match_the_records(sample):
    today = sample.now().date()
    got = {r["stage"]: (r["deals"], r["amount"], r["weighted_amount"])
           for r in sample.reports.pipeline_by_stage().to_records()}
    assert got == expected_pipeline(sample, today)
    assert sum(count for count, _, _ in got.values()) == sample.opportunities.count()
    forecast = sample.reports.forecast(interval="quarter")
    expected = expected_forecast(sample, today)
    assert {r["period"]: (r["won_deals"], r["open_deals"], r["committed"], r["weighted"], r["best_case"])
            for r in forecast.to_records()} == {r["period"]: expected.get(r["period"], (0, 0, 0, 0, 0))
                                                for r in forecast.to_records()}
    assert set(expected) <= {r["period"] for r in forecast.to_records()}
    assert all(rate in sample.currencies.rates() for rate in forecast.rates_used)
    returns = sample.reports.campaign_return()
    expected_returns = expected_campaign_return(sample, today)
    assert {r["campaign"]: (r["cost"], r["leads"], r["won_deals"], r["won_revenue"])
            for r in returns.to_records()} == expected_returns


def test_the_catalog_describes_every_report_as_it_runs(book):
    catalog = crmcore.Reports.catalog()
    assert [info.name for info in catalog] == crmcore.Reports.names()
    for info in catalog:
        assert isinstance(info, crmcore.ReportInfo) and info.title and info.summary
        assert repr(info) == f"<crmcore.ReportInfo {info.name}>"
        method = getattr(book.reports, info.name)
        # The method's docstring is made from the catalog: summary, options, columns.
        assert info.summary in method.__doc__
        for option in info.options:
            assert f"    {option}: {info.option_doc(option)}\n" in method.__doc__
            assert info.option_doc(option).startswith(crmcore.Reports.option_doc(option))
        for column in info.columns:
            assert isinstance(column, crmcore.ReportColumnInfo) and column.doc
            assert f"    {column.name} ({column.type}): {column.doc}" in method.__doc__
        # The catalog's columns are the report's columns.
        report = method(as_of=AS_OF)
        assert report.columns == [column.name for column in info.columns]
        assert report.column_types == [column.type for column in info.columns]
        assert crmcore.Reports.info(info.name).columns[0].name == info.columns[0].name
    forecast = crmcore.Reports.info("forecast")
    assert "interval" in forecast.options and "group" not in forecast.options and forecast.groups == []
    assert crmcore.Reports.info("win_rates").groups == ["owner", "lead_source", "product", "campaign"]
    assert crmcore.Reports.info("lead_conversion").segment_kinds == ["lead"]
    assert crmcore.Reports.info("at_risk_accounts").default_days == 90
    assert crmcore.Reports.info("at_risk_accounts").option_doc("days").endswith("Default here: 90.")
    assert crmcore.Reports.info("win_rates").option_doc("group").endswith("Here: owner, lead_source, product, campaign.")
    with pytest.raises(crmcore.ValidationError, match="does not take 'interval'"):
        crmcore.Reports.info("win_rates").option_doc("interval")
    assert "start" not in crmcore.Reports.info("upcoming_birthdays").options
    assert "quarter" in crmcore.Reports.option_doc("interval")
    with pytest.raises(crmcore.ValidationError, match="open_pipeline_history"):
        crmcore.Reports.info("sales_by_weather")
    with pytest.raises(crmcore.ValidationError, match="colour"):
        crmcore.Reports.option_doc("colour")


def test_a_report_refuses_the_filters_its_catalog_entry_leaves_out(book):
    pipeline = book.pipelines.default()
    for info in crmcore.Reports.catalog():
        method = getattr(book.reports, info.name)
        if "pipeline" in info.options:
            method(pipeline=pipeline, as_of=AS_OF)
        else:
            with pytest.raises(crmcore.ValidationError, match="pipeline"):
                method(pipeline=pipeline, as_of=AS_OF)
        if "start" in info.options:
            method(start=JAN1, as_of=AS_OF)
        else:
            with pytest.raises(crmcore.ValidationError, match="start"):
                method(start=JAN1, as_of=AS_OF)
        if not info.groups:
            with pytest.raises(crmcore.ValidationError, match="group"):
                method(group="campaign", as_of=AS_OF)
