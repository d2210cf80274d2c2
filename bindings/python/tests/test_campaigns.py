"""db.lead_sources and db.campaigns: where customers come from, and what it cost."""
import datetime
from decimal import Decimal

import pytest

import crmcore

FEB = datetime.date(2025, 2, 1)
MAR = datetime.date(2025, 3, 31)


def fair(db, **fields):
    values = dict(name="Riga Food fair", channel="event", starts_on=FEB, ends_on=MAR, cost="1500.00 EUR",
                  budget="2000.00 EUR", lead_source="Trade fair", owner="anna", description="Stand B12")
    values.update(fields)
    return db.campaigns.create(**values)


def test_a_campaign_is_stored_with_its_cost_and_dates(db):
    campaign = fair(db)
    assert (campaign.name, campaign.channel, campaign.starts_on, campaign.ends_on) == ("Riga Food fair", "event", FEB, MAR)
    assert campaign.cost == crmcore.Money(Decimal("1500.00"), "EUR")
    assert campaign.budget == crmcore.Money.parse("2000.00 EUR")
    assert (campaign.lead_source, campaign.owner, campaign.version) == ("Trade fair", "anna", 1)
    assert campaign.created_at is not None and campaign.updated_at is not None
    assert db.campaigns.get(campaign.id).to_dict() == campaign.to_dict()
    assert campaign.to_dict()["cost"] == crmcore.Money.parse("1500.00 EUR")
    assert repr(campaign) == f"<Campaign {campaign.id} 'Riga Food fair' event 1500.00 EUR v1>"
    assert db.lead_sources.find("trade FAIR").name == "Trade fair"  # named, so added


def test_a_campaign_can_be_built_as_a_record_or_a_dict(db):
    draft = crmcore.Campaign()
    draft.name, draft.channel, draft.cost = "Cold calls", "cold call", crmcore.Money.parse("0.00 EUR")
    stored = db.campaigns.create(draft)
    assert (stored.channel, stored.starts_on, stored.budget, stored.lead_source) == ("cold_call", None, None, "")
    from_dict = db.campaigns.create({"name": "Newsletter", "channel": "email"}, cost="20.00 EUR")
    assert db.campaigns.find("NEWSLETTER").id == from_dict.id
    assert db.campaigns.find("Billboards") is None


def test_campaigns_are_listed_by_start_then_name(db):
    fair(db, name="B fair")
    fair(db, name="A fair")
    fair(db, name="January mail", channel="email", starts_on=datetime.date(2025, 1, 5), ends_on=None)
    db.campaigns.create(name="Always on", channel="web", cost="0.00 EUR")
    assert [c.name for c in db.campaigns.list()] == ["January mail", "A fair", "B fair", "Always on"]


def test_update_checks_the_version(db):
    campaign = fair(db)
    changed = db.campaigns.update(campaign, cost="1750.50 EUR", channel="banner")
    assert (changed.cost, changed.channel, changed.version) == (crmcore.Money.parse("1750.50 EUR"), "banner", 2)
    with pytest.raises(crmcore.ConflictError):
        db.campaigns.update(campaign, description="stale")
    assert db.campaigns.get(campaign).description == "Stand B12"


def test_bad_campaigns_are_refused(db):
    fair(db)
    with pytest.raises(crmcore.AlreadyExistsError):
        fair(db, name="RIGA FOOD FAIR")
    with pytest.raises(crmcore.ValidationError, match=r"campaign\.channel: 'tv' is not one of"):
        fair(db, name="TV", channel="tv")
    with pytest.raises(crmcore.ValidationError, match="name"):
        fair(db, name="")
    with pytest.raises(crmcore.ValidationError, match="ends_on"):
        fair(db, name="Backwards", starts_on=MAR, ends_on=FEB)
    with pytest.raises(crmcore.ValidationError, match="cost"):
        fair(db, name="Refund", cost="-1.00 EUR")
    with pytest.raises(crmcore.ValidationError, match="budget"):
        fair(db, name="Mixed", budget="10.00 USD")
    with pytest.raises(TypeError, match="version"):
        fair(db, name="Versioned", version=3)
    with pytest.raises(crmcore.NotFoundError):
        db.campaigns.get(999)
    assert len(db.campaigns.list()) == 1


def test_records_name_their_campaign_and_source(db):
    campaign = fair(db)
    account = db.accounts.create(name="SIA Maize", lead_source="Trade fair", campaign="riga food fair")
    contact = db.contacts.create(last_name="Kalniņa", lead_source="trade fair", campaign="Riga Food fair")
    lead = db.leads.create(last_name="Ozols", source="Trade Fair", campaign="Riga Food fair", job_title="Chef",
                           industry="Catering")
    deal = db.opportunities.create(account=account, name="Ovens", amount="900.00 EUR", campaign="Riga Food fair",
                                   lead_source="Trade fair")
    assert (account.campaign, account.lead_source) == ("Riga Food fair", "Trade fair")
    assert (contact.campaign, contact.lead_source) == ("Riga Food fair", "Trade fair")
    assert (lead.campaign, lead.source, lead.job_title, lead.industry) == ("Riga Food fair", "Trade fair", "Chef",
                                                                           "Catering")
    assert lead.to_dict()["industry"] == "Catering" and account.to_dict()["campaign"] == "Riga Food fair"
    assert deal.campaign == "Riga Food fair"
    assert [s.name for s in db.lead_sources.list()] == ["Trade fair"]
    with pytest.raises(crmcore.Error, match="Billboards"):
        db.leads.create(last_name="Nobody", campaign="Billboards")
    with pytest.raises(crmcore.ConflictError):
        db.campaigns.remove(campaign)
    db.opportunities.purge(deal)
    db.leads.purge(lead)
    db.contacts.purge(contact)
    db.accounts.purge(account)
    db.campaigns.remove(campaign)
    assert db.campaigns.list() == []


def test_lead_sources_are_one_list_renamed_in_one_place(db):
    web = db.lead_sources.add("Web")
    with pytest.raises(crmcore.AlreadyExistsError):
        db.lead_sources.add("WEB")
    with pytest.raises(crmcore.ValidationError):
        db.lead_sources.add("")
    lead = db.leads.create(last_name="Bērziņa", source="web")
    assert lead.source == "Web"
    renamed = db.lead_sources.rename(web, "Web site")
    assert (renamed.id, renamed.name) == (web.id, "Web site")
    assert db.leads.get(lead).source == "Web site"
    assert db.lead_sources.get(web.id).to_dict() == {"id": web.id, "name": "Web site"}
    assert repr(renamed) == f"<LeadSource {web.id} 'Web site'>"
    with pytest.raises(crmcore.ConflictError):
        db.lead_sources.remove(web)
    db.leads.purge(lead)
    db.lead_sources.remove(web)
    assert db.lead_sources.list() == [] and db.lead_sources.find("web site") is None
    with pytest.raises(crmcore.NotFoundError):
        db.lead_sources.get(web)
