#!/usr/bin/env python3
"""Sales charts from a crmcore database, drawn with matplotlib.

    sales_charts.py [DATABASE] [OUTDIR]

Opens DATABASE (default: sample.crm, filled with the built-in sample data when new) and
writes three PNG files to OUTDIR (default: the current directory):

    forecast.png         the forecast by quarter: committed (won), weighted open pipeline, best case
    funnel.png           how many deals reached each stage, with the conversion to the next one
    campaign_return.png  the campaigns ranked by return on investment, and cost against won revenue

Money is in the database's base currency, converted with the exchange rate of each deal's
date; a deal in a currency without a rate stops the script with a message naming the pair and
the day (add the rate with db.currencies.set_rate()). Needs matplotlib (Debian: python3-matplotlib).
"""
import pathlib
import sys

import matplotlib

matplotlib.use("Agg")  # files only, no display
import matplotlib.pyplot as plt  # noqa: E402  (after choosing the backend)
from matplotlib import ticker  # noqa: E402

import crmcore  # noqa: E402

COLOURS = {"committed": "#2e7d32", "weighted": "#1565c0", "best_case": "#90caf9", "cost": "#c62828",
           "won_revenue": "#2e7d32", "funnel": "#5c6bc0"}


def money_axis(axis, currency):
    """Thousands separators and the currency on the value axis."""
    axis.set_major_formatter(ticker.StrMethodFormatter("{x:,.0f}"))
    axis.set_label_text(currency)


def save(figure, path):
    figure.tight_layout()
    figure.savefig(path, dpi=110)
    plt.close(figure)
    print(f"wrote {path}")


def forecast_chart(db, path):
    """Grouped bars per quarter of expected close: committed, weighted and best case."""
    report = db.reports.forecast(interval="quarter")
    records = report.to_records()
    figure, axes = plt.subplots(figsize=(10, 5))
    width = 0.27
    positions = range(len(records))
    for offset, column, label in ((-width, "committed", "committed (won)"), (0, "weighted", "weighted open"),
                                  (width, "best_case", "best case")):
        values = [float(r[column]) for r in records]
        axes.bar([p + offset for p in positions], values, width, label=label, color=COLOURS[column])
    axes.set_xticks(list(positions), [r["period"] for r in records], rotation=45 if len(records) > 8 else 0)
    money_axis(axes.yaxis, report.currency)
    axes.set_title("Forecast by quarter of expected close")
    axes.legend()
    axes.grid(axis="y", alpha=0.3)
    save(figure, path)


def funnel_chart(db, path):
    """Horizontal bars of the deals that reached each stage, the first at the top, with the
    share of them that went on to the next stage."""
    report = db.reports.funnel()
    records = report.to_records()
    figure, axes = plt.subplots(figsize=(9, 1 + 0.8 * max(len(records), 1)))
    stages = [r["stage"] for r in records]
    reached = [r["reached"] for r in records]
    axes.barh(stages, reached, color=COLOURS["funnel"])
    axes.invert_yaxis()
    for row, record in enumerate(records):
        note = f"{record['reached']}"
        if record["conversion"] is not None:
            note += f"   → {record['conversion']:.0%} to next"
        axes.text(record["reached"], row, "  " + note, va="center")
    axes.set_xlim(0, max(reached, default=0) * 1.35 + 1)
    axes.set_xlabel("deals that reached the stage")
    axes.set_title(f"Sales funnel of the {db.pipelines.default().name} pipeline")
    save(figure, path)


def campaign_chart(db, path):
    """Left: return on investment per campaign, best first (on a symmetric log scale, since one
    campaign may return hundreds of times what another does). Right: what each cost against the
    revenue of the deals it won."""
    report = db.reports.campaign_return()
    records = report.to_records()
    names = [r["campaign"] for r in records]
    figure, (roi_axes, money_axes) = plt.subplots(1, 2, figsize=(13, 1.5 + 0.6 * max(len(records), 1)))
    roi = [r["roi"] if r["roi"] is not None else 0.0 for r in records]
    roi_axes.barh([f"#{r['rank']} {r['campaign']}" for r in records], roi,
                  color=[COLOURS["won_revenue"] if v >= 0 else COLOURS["cost"] for v in roi])
    roi_axes.invert_yaxis()
    roi_axes.set_xscale("symlog", linthresh=1)
    roi_axes.axvline(0, color="black", linewidth=0.8)
    roi_axes.xaxis.set_major_formatter(ticker.PercentFormatter(1.0, decimals=0))
    for row, record in enumerate(records):
        label = f" {record['roi']:+,.0%}" if record["roi"] is not None else " no cost"
        roi_axes.text(roi[row], row, label, va="center")
    left, right = roi_axes.get_xlim()
    roi_axes.set_xlim(left, max(right, 1) * 10)  # room for the labels
    roi_axes.set_title("Return on investment, ranked")
    height = 0.4
    rows = range(len(records))
    money_axes.barh([r - height / 2 for r in rows], [float(r["cost"]) for r in records], height, label="cost",
                    color=COLOURS["cost"])
    money_axes.barh([r + height / 2 for r in rows], [float(r["won_revenue"]) for r in records], height,
                    label="won revenue", color=COLOURS["won_revenue"])
    money_axes.set_yticks(list(rows), names)
    money_axes.invert_yaxis()
    money_axis(money_axes.xaxis, report.currency)
    money_axes.set_title("Cost against won revenue")
    money_axes.legend()
    save(figure, path)


def main():
    path = sys.argv[1] if len(sys.argv) > 1 else "sample.crm"
    out = pathlib.Path(sys.argv[2] if len(sys.argv) > 2 else ".")
    out.mkdir(parents=True, exist_ok=True)
    with crmcore.open(path, default_region="LV") as db:
        if db.accounts.count() == 0:
            db.load_sample_data()
        try:
            forecast_chart(db, out / "forecast.png")
            funnel_chart(db, out / "funnel.png")
            campaign_chart(db, out / "campaign_return.png")
        except crmcore.NotFoundError as error:
            sys.exit(f"sales_charts: {error}")


if __name__ == "__main__":
    main()
