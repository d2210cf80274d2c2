"""Whole-org imports of the real exports in ../shared/datasets, checked against plain Python.

Every file a preset names imports with no refused row; the deals per stage,
the won sums and the contacts with an employer equal what the csv module
reads from the same files (stages mapped with the preset's own values); a
second run changes nothing."""
import collections
import csv
import decimal
import json
import os
import pathlib

import pytest

import crmcore

DATASETS = pathlib.Path(os.environ.get("CRM_TEST_DATASETS",
                                       pathlib.Path(__file__).resolve().parents[3] / "shared" / "datasets"))


def rows(path):
    with open(path, encoding="utf-8-sig", newline="") as file:
        return list(csv.DictReader(file))


def folder_or_skip(*parts):
    folder = DATASETS.joinpath(*parts)
    if not folder.is_dir():
        pytest.skip(f"{folder} is not there")
    return folder


def file_plan(preset, name):
    return next(plan for plan in json.loads(crmcore.org_preset(preset))["files"] if plan["file"] == name)


def stage_of(plan, header, cell):
    """The stage the preset's values give a cell, ignoring case as the import does."""
    mapping = {key.casefold(): value for key, value in plan["values"][header].items()}
    return mapping.get(cell.strip().casefold(), cell)


def deals_by_stage(db):
    counts, won = collections.Counter(), decimal.Decimal(0)
    for deal in db.opportunities.list():
        stage = db.pipelines.stage(deal.stage).name
        counts[stage] += 1
        if stage == "Won":
            won += deal.amount.amount
    return counts, won


def import_twice(db, folder, source):
    first = db.import_org(folder, source=source)
    for file in first.files:
        assert file.result.failed == 0, (file.file, file.result.errors[:3])
    second = db.import_org(folder, source=source)
    for file in second.files:
        assert (file.result.inserted, file.result.updated, file.result.failed) == (0, 0, 0), file.file
    return first


@pytest.fixture
def us_db():
    with crmcore.open(":memory:", default_region="US") as database:
        database.currencies.set_base("USD")
        yield database


@pytest.mark.parametrize("export", ["salesforce-sfdc-assets-data-cloud-workshop", "salesforce-sfdc-assets-gen-ai-demo"])
def test_a_salesforce_export_imports_whole_and_matches_the_csv_files(us_db, export):
    folder = folder_or_skip(export, "data")
    result = import_twice(us_db, folder, "salesforce")
    accounts = rows(folder / "Account.csv")
    assert us_db.accounts.count() == len({row["Id"] for row in accounts})

    contacts = rows(folder / "Contact.csv")
    account_ids = {row["Id"] for row in accounts}
    with_employer = sum(1 for row in contacts if row["AccountId"] in account_ids)
    assert us_db.contacts.count() == len(contacts)
    assert sum(1 for contact in us_db.contacts.list() if contact.account is not None) == with_employer

    plan = file_plan("salesforce", "Opportunity.csv")
    deals = rows(folder / "Opportunity.csv")
    expected = collections.Counter(stage_of(plan, "StageName", row["StageName"]) for row in deals)
    won = sum((decimal.Decimal(row["Amount"] or "0") for row in deals
               if stage_of(plan, "StageName", row["StageName"]) == "Won"), decimal.Decimal(0))
    counts, won_sum = deals_by_stage(us_db)
    assert counts == expected
    assert won_sum == won

    activities = sum(len(rows(folder / name)) for name in ("Task.csv", "Case.csv", "Event.csv")
                     if (folder / name).exists())
    assert us_db.activities.count() == activities
    if (folder / "Campaign.csv").exists():
        campaigns = rows(folder / "Campaign.csv")
        assert len(us_db.campaigns.list()) == len(campaigns)
        members = rows(folder / "CampaignMember.csv")
        reached = {row["ContactId"] for row in members if row["ContactId"]}
        tagged = [c for c in us_db.contacts.list() if any(t.startswith("Campaign: ") for t in c.tags)]
        assert len(tagged) == len(reached)
        assert all(contact.campaign for contact in tagged)
    assert [name for name in result.unused_files if name != "Branch__c.csv"] == []
    kept = {f.file: f.custom_fields for f in result.files if f.pass_ == 1}
    assert kept["Account.csv"], "the org's own account columns are kept as custom fields"


@pytest.mark.parametrize("export", ["maven-crm-sales-opportunities", "maven-crm-derived-with-interactions"])
def test_the_maven_pipeline_imports_whole_and_matches_the_csv_files(us_db, export):
    folder = folder_or_skip(export)
    result = import_twice(us_db, folder, "maven")
    assert us_db.accounts.count() == len(rows(folder / "accounts.csv"))
    assert sorted(result.unused_files) == sorted(
        name for name in os.listdir(folder) if name.endswith(".csv") and
        name not in {"accounts.csv", "sales_pipeline.csv", "interactions.csv", "products.csv"})
    assert len(us_db.products.list()) == len(rows(folder / "products.csv"))

    plan = file_plan("maven", "sales_pipeline.csv")
    deals = rows(folder / "sales_pipeline.csv")
    expected = collections.Counter(stage_of(plan, "deal_stage", row["deal_stage"]) for row in deals)
    won = sum((decimal.Decimal(row["close_value"] or "0") for row in deals if row["deal_stage"] == "Won"),
              decimal.Decimal(0))
    counts, won_sum = deals_by_stage(us_db)
    assert counts == expected
    assert won_sum == won
    without_account = sum(1 for row in deals if not row["account"])
    assert sum(1 for deal in us_db.opportunities.list() if deal.account is None) == without_account
    named = us_db.opportunities.find_by_external_ref(deals[0]["opportunity_id"])
    assert named.name == f'{deals[0]["product"]} — {deals[0]["account"]}'
    assert named.custom["product"] == deals[0]["product"]

    if (folder / "interactions.csv").exists():
        interactions = rows(folder / "interactions.csv")
        assert us_db.activities.count() == len(interactions)
        done = sum(1 for row in interactions if row["status"] == "Completed")
        assert us_db.activities.count(where="status = 'done'") == done
