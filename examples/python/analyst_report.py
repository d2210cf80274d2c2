#!/usr/bin/env python3
"""An analyst's Monday report over a crmcore database.

    analyst_report.py [DATABASE]

Opens DATABASE (default: sample.crm, filled with the built-in sample data when new)
and prints a few tables: the customer base by country and industry, contacts by
language, the people who changed jobs, the newest contacts, the open pipeline by stage
and the open deals nobody is working on. Uses pandas when it is
installed (Debian: python3-pandas) and plain Python otherwise.
"""
import collections
import decimal
import sys

import crmcore


def table(title, headings, rows):
    """Prints rows under headings with aligned columns."""
    rows = [[str(cell) for cell in row] for row in rows]
    widths = [max(len(h), *(len(r[i]) for r in rows)) if rows else len(h) for i, h in enumerate(headings)]
    print(f"\n{title}")
    print("  ".join(h.ljust(w) for h, w in zip(headings, widths)))
    print("  ".join("-" * w for w in widths))
    for row in rows:
        print("  ".join(c.ljust(w) for c, w in zip(row, widths)))


def customer_base(db):
    try:
        import pandas  # noqa: F401
    except ImportError:
        counts = collections.Counter(country for (country,) in db.accounts.select("country"))
        table("Accounts by country", ["country", "accounts"], counts.most_common())
        return
    accounts = db.accounts.select("country", "industry").to_pandas()
    by_country = accounts.groupby("country").size().sort_values(ascending=False)
    table("Accounts by country", ["country", "accounts"], by_country.items())
    top = accounts.groupby("industry").size().sort_values(ascending=False).head(5)
    table("Top industries", ["industry", "accounts"], top.items())


def contacts_by_language(db):
    counts = collections.Counter(language for (language,) in db.contacts.select("preferred_language"))
    table("Contacts by preferred language", ["language", "contacts"], counts.most_common())


def job_changes(db, limit=5):
    names = {ident: name for ident, name in db.accounts.select("id", "name")}
    rows = []
    for contact in db.contacts.list(sort="id"):
        history = db.employments.history(contact)
        if len(history) > 1:
            rows.append([f"{contact.first_name} {contact.last_name}", names[history[1].account],
                         names[history[0].account], history[0].started_on])
            if len(rows) == limit:
                break
    table("People who changed jobs", ["contact", "from", "to", "since"], rows)


def newest_contacts(db, limit=5):
    rows = db.contacts.select("first_name", "last_name", "account_name", "email", "created_at",
                              sort="id", descending=True, page_size=limit)
    table("Newest contacts", rows.columns, [row[:-1] + (row[-1].date(),) for _, row in zip(range(limit), rows)])


def open_pipeline(db):
    """Open deals per stage of the default pipeline, in stage order: how many, their value and
    their probability-weighted value, per currency."""
    order = {stage.name: position for position, stage in enumerate(db.pipelines.default().stages)}
    columns = ("stage", "amount", "weighted_amount")  # money: crmcore.Money, exact, with its currency
    try:
        import pandas  # noqa: F401
    except ImportError:
        totals = collections.defaultdict(lambda: [0, decimal.Decimal(0), decimal.Decimal(0)])
        for stage, amount, weighted in db.opportunities.select(*columns, open=True):
            total = totals[(stage, amount.currency)]
            total[0] += 1
            total[1] += amount.amount
            total[2] += weighted.amount
        sums = [(stage, currency, n, amount, weighted)
                for (stage, currency), (n, amount, weighted) in totals.items()]
    else:
        # decimal.Decimal columns (dtype object) beside amount_currency: summed exactly, per currency
        deals = db.opportunities.select(*columns, open=True).to_pandas()
        exact_sum = lambda amounts: sum(amounts, decimal.Decimal(0))  # noqa: E731
        grouped = deals.groupby(["stage", "amount_currency"]).agg(
            deals=("amount", "size"), amount=("amount", exact_sum), weighted=("weighted_amount", exact_sum))
        sums = [(stage, currency, int(n), amount, weighted)
                for (stage, currency), n, amount, weighted in grouped.itertuples()]
    sums.sort(key=lambda row: (order.get(row[0], len(order)), row[0], row[1]))
    rows = [[stage, currency, n, f"{amount:.2f}", f"{weighted:.2f}"] for stage, currency, n, amount, weighted in sums]
    table("Open pipeline by stage", ["stage", "currency", "deals", "amount", "weighted"], rows)


def idle_deals(db, limit=5):
    """Open deals without any planned activity: nobody is working on them."""
    idle = db.opportunities.without_next_activity(page_size=limit)
    rows = [[deal.name, str(deal.amount), deal.owner] for _, deal in zip(range(limit), idle)]
    table("Open deals with nothing planned", ["deal", "amount", "owner"], rows)


def main():
    path = sys.argv[1] if len(sys.argv) > 1 else "sample.crm"
    with crmcore.open(path, default_region="LV") as db:
        if db.accounts.count() == 0:
            db.load_sample_data()
        print(f"crmcore {crmcore.__version__}: {db.accounts.count()} accounts, {db.contacts.count()} contacts in {path}")
        customer_base(db)
        contacts_by_language(db)
        job_changes(db)
        newest_contacts(db)
        open_pipeline(db)
        idle_deals(db)


if __name__ == "__main__":
    main()
