"""The segment language (crmcore.Filter and its builder), where= on every list, and db.segments."""
import datetime
import pickle
from decimal import Decimal

import pytest

import crmcore
from crmcore import Filter, field

EUR = crmcore.Money.parse


@pytest.fixture
def crm(db):
    """Three accounts, three contacts with custom fields, deals, calls and two leads."""
    db.custom_fields.define("contact", "score", "integer")
    db.custom_fields.define("contact", "tier", "choice", choices=["Gold", "Silver"])
    koks = db.accounts.create(name="SIA Koka Nams", industry="Retail", country="LV", tags=["VIP"])
    bank = db.accounts.create(name="UAB Baltic Bank", industry="Banking", country="LT")
    gmbh = db.accounts.create(name="Handel GmbH", industry="Retail", country="DE")
    anna = db.contacts.create(first_name="Anna", last_name="Bērziņa", country="LV", tags=["vip"], account=koks,
                              custom={"score": 40, "tier": "Gold"})
    jonas = db.contacts.create(first_name="Jonas", last_name="Petraitis", country="LT", account=bank,
                               custom={"score": 7, "tier": "Silver"})
    oleg = db.contacts.create(first_name="Олег", last_name="КОВАЛЬЧУК", country="UA")
    sales = db.pipelines.default()
    db.opportunities.create(account=koks, primary_contact=anna, name="Shelves", amount="15000.00 EUR",
                            stage=sales.stage("Won"), closed_on=datetime.date(2025, 2, 1))
    db.opportunities.create(account=bank, name="Vault", amount="5000.00 EUR", stage=sales.stage("Proposal"))
    now = db.now()
    db.activities.create(kind="call", subject="Intro", status="done", starts_at=now - datetime.timedelta(days=10),
                         account=koks, contact=anna)
    db.activities.create(kind="call", subject="Old call", status="done", starts_at=now - datetime.timedelta(days=200),
                         contact=oleg)
    db.leads.create(first_name="Ilze", last_name="Ozola", company_name="SIA Ozols", source="web form", country="LV")
    db.leads.create(company_name="Messe GmbH", source="fair", country="DE")
    return db, (koks, bank, gmbh), (anna, jonas, oleg)


def names(records, attribute="first_name"):
    return [getattr(record, attribute) for record in records]


# ---- Filter: text, printing, builder -------------------------------------------------------------

EXAMPLES = [
    'industry = "Retail" and country in ("LV", "LT")',
    "birthday within next 7 days",
    'account.industry = "Retail" and not has activity(kind = call and start >= today - 90 days)',
    'has opportunity(stage = "Won" and closed >= 2025-01-01) and tagged "vip"',
    "amount >= 10000 EUR and expected_close in this quarter",
    'last_name ~ "berzina"          -- case- and diacritic-insensitive match',
    "activity_count(kind = call, since today - 90 days) >= 3",
    'name contains "bank" or name starts with "SIA" or email is empty',
    "score between -5 and 12.5 and newsletter = true",
    "(a = 1 or b = 2) and not (c = 3 and d = 4)",
]


@pytest.mark.parametrize("text", EXAMPLES)
def test_text_prints_back_to_an_equal_filter(text):
    parsed = Filter(text)
    printed = str(parsed)
    assert Filter.parse(printed) == parsed
    assert str(Filter(printed)) == printed
    assert Filter(parsed) == parsed
    assert repr(parsed) == f"Filter({printed!r})"


def test_the_builder_gives_the_same_tree_as_the_text():
    pairs = [
        (field("industry") == "Retail", 'industry = "Retail"'),
        ((field("industry") == "Retail") & crmcore.birthday_within_days(7),
         'industry = "Retail" and birthday within next 7 days'),
        (field("country").in_(["LV", "LT"]) | crmcore.tagged("vip"), 'country in ("LV", "LT") or tagged "vip"'),
        ((field("account.industry") == "Retail")
         & ~crmcore.has_activity((field("kind") == "call") & (field("start") >= crmcore.today(-90))),
         'account.industry = "Retail" and not has activity(kind = call and start >= today - 90 days)'),
        (crmcore.has_opportunity((field("stage") == "Won") & (field("closed") >= datetime.date(2025, 1, 1)))
         & crmcore.tagged("vip"), 'has opportunity(stage = "Won" and closed >= 2025-01-01) and tagged "vip"'),
        ((field("amount") >= EUR("10000 EUR")) & field("expected_close").in_(crmcore.this_period("quarter")),
         "amount >= 10000 EUR and expected_close in this quarter"),
        (crmcore.activity_count("kind = call", since=crmcore.today(-90)) >= 3,
         "activity_count(kind = call, since today - 90 days) >= 3"),
        (crmcore.activity_count() == 0, "activity_count = 0"),
        (field("last_name").matches("berzina") | field("name").contains("x") | field("name").starts_with("y"),
         'last_name ~ "berzina" or name contains "x" or name starts with "y"'),
        (field("closed").between(datetime.date(2025, 1, 1), crmcore.last_period("year"))
         & field("email").is_not_empty() & field("phone").is_empty(),
         "closed between 2025-01-01 and last year and email is not empty and phone is empty"),
        (crmcore.has_opportunity() & crmcore.has_contact(field("x") == Decimal("1.50")),
         "has opportunity and has contact(x = 1.5)"),
        ((field("vip") == True) & (field("n") != -3) & (field("n") < 10) & (field("n") <= 10)  # noqa: E712
         & (field("n") > 1), "vip = true and n != -3 and n < 10 and n <= 10 and n > 1"),
        (field("start").in_([crmcore.today(), crmcore.today(2, "weeks"), crmcore.next_period("month")]),
         "start in (today, today + 2 weeks, next month)"),
        (field("n") == 10**17, "n = 100000000000000000"),
    ]
    for built, text in pairs:
        assert built == Filter(text), text
        assert str(built) == str(Filter(text))


def test_filters_combine_with_text_and_behave_as_values():
    vip = crmcore.tagged("vip")
    assert vip & 'country = "LV"' == Filter('tagged "vip" and country = "LV"')
    assert 'country = "LV"' | vip == Filter('country = "LV" or tagged "vip"')
    assert ((vip & vip) & vip) == Filter('tagged "vip" and tagged "vip" and tagged "vip"'), "'and' is flattened"
    assert vip != Filter('tagged "VIP"') and vip != 'tagged "vip"'
    assert len({vip, Filter('tagged "vip"'), Filter("x = 1")}) == 2
    assert pickle.loads(pickle.dumps(vip)) == vip
    with pytest.raises(TypeError, match="&, | and ~"):
        bool(vip)
    with pytest.raises(TypeError, match="compare it"):
        bool(field("x"))
    assert repr(field("industry")) == "<Term industry>"
    assert repr(crmcore.activity_count("kind = call", crmcore.today(-90))) == (
        '<Term activity_count(kind = "call", since today - 90 days)>')


def test_a_filter_equals_only_filters():
    f = crmcore.Filter("x = 1")
    assert (f == "x = 1") is False and (f != "x = 1") is True
    assert (f == 1) is False and f != None  # noqa: E711
    assert f == crmcore.Filter("x=1") and not (f != crmcore.Filter("x=1"))


def test_relative_dates_and_periods():
    assert (crmcore.today().amount, crmcore.today().unit) == (0, "day")
    assert crmcore.today(-2, "week") == crmcore.today(-2, "weeks") != crmcore.today(-2)
    assert repr(crmcore.today(-30)) == "today(-30)" and repr(crmcore.today(1, "year")) == "today(1, 'year')"
    last = crmcore.last_period("quarter")
    assert (last.unit, last.offset, repr(last)) == ("quarter", -1, "last_period('quarter')")
    assert crmcore.next_period("week").offset == 1 and hash(last) == hash(crmcore.last_period("quarter"))
    with pytest.raises(crmcore.ValidationError, match="'decade'"):
        crmcore.this_period("decade")
    with pytest.raises(crmcore.ValidationError, match="today.unit"):
        crmcore.today(1, "quarter")


def test_the_builder_refuses_what_the_language_cannot_say():
    with pytest.raises(TypeError, match="decimal.Decimal"):
        field("x") == 1.5
    with pytest.raises(TypeError, match="is_empty"):
        field("x") == None  # noqa: E711
    with pytest.raises(TypeError, match="datetime"):
        field("x") >= datetime.datetime.now(datetime.timezone.utc)
    with pytest.raises(TypeError, match="list of values"):
        field("x").in_("LV")
    with pytest.raises(crmcore.ValidationError):
        field("x").in_([])
    with pytest.raises(crmcore.ValidationError, match="'bad name'"):
        field("bad name")
    with pytest.raises(crmcore.ValidationError):
        crmcore.birthday_within_days(-1)
    with pytest.raises(crmcore.ValidationError):
        field("x") == Decimal("NaN")
    with pytest.raises(crmcore.ValidationError, match="more than 18 digits"):
        field("x") == 10**18
    with pytest.raises(TypeError):
        Filter(42)


# ---- errors with positions -----------------------------------------------------------------------


def test_syntax_errors_carry_line_and_column():
    with pytest.raises(crmcore.ParseError) as raised:
        Filter('industry = "Retail"\n  and country in ("LV" "LT")')
    error = raised.value
    assert (error.code, error.line, error.column) == ("parse_error", 2, 24)
    assert "expected ')'" in str(error)
    assert isinstance(error, ValueError) and isinstance(error, crmcore.Error)
    with pytest.raises(crmcore.ParseError) as raised:
        Filter.parse('name = "Bērziņa" and and')
    assert (raised.value.line, raised.value.column) == (1, 22), "columns count characters, not bytes"


def test_unknown_names_say_where_and_suggest_the_nearest(crm):
    db, *_ = crm
    with pytest.raises(crmcore.ParseError, match=r"did you mean 'industry'\?") as raised:
        db.segments.check("account", 'industy = "Retail"')
    assert (raised.value.line, raised.value.column) == (1, 1)
    with pytest.raises(crmcore.ParseError, match=r"did you mean 'tier'\?") as raised:
        db.contacts.list(where='country = "LV" and\n  tire = "Gold"')
    assert (raised.value.line, raised.value.column) == (2, 3)
    with pytest.raises(crmcore.ParseError, match=r"did you mean 'Gold'\?"):
        db.contacts.count(where='tier = "Gould"')
    with pytest.raises(crmcore.ParseError, match=r"did you mean 'Won'\?"):
        db.opportunities.select("name", where='stage = "Wno"')
    with pytest.raises(crmcore.ParseError, match="currency"):
        db.segments.count("opportunity", "amount >= 10000")
    assert db.segments.check("contact", "score > 10") == Filter("score > 10")
    assert db.segments.check("contact", field("score") > 10) == Filter("score > 10")


# ---- where=, segment= and sort_field= on every list ----------------------------------------------


def test_where_selects_contacts_in_list_count_and_select(crm):
    db, _, (anna, jonas, oleg) = crm
    assert names(db.contacts.list(where='last_name ~ "berzina"')) == ["Anna"]
    assert names(db.contacts.list(where='last_name ~ "ковальчук"')) == ["Олег"]
    assert db.contacts.count(where='account.industry = "Retail"') == 1
    assert db.contacts.count(where=crmcore.has_activity(field("start") >= crmcore.today(-90))) == 1
    assert db.contacts.count(where=(field("score") > 5) & (field("country") != "LT")) == 1
    assert list(db.contacts.select("first_name", "score", where="score is not empty", sort="id")) == [
        ("Anna", 40), ("Jonas", 7)]
    assert db.contacts.count(where='country = "LV"', country="LT") == 0, "where= combines with the others"
    assert db.contacts.count(where="") == db.contacts.count() == 3
    assert db.segments.count("contact", "tier in (Gold, Silver)") == 2
    with pytest.raises(TypeError):
        db.contacts.count(where=42)


def test_where_selects_accounts_deals_and_leads(crm):
    db, (koks, bank, gmbh), _ = crm
    assert names(db.accounts.list(where='industry = "Retail"', sort="id"), "name") == ["SIA Koka Nams",
                                                                                       "Handel GmbH"]
    assert db.accounts.count(where='tagged "vip" or has opportunity(amount >= 1000 EUR)') == 2
    assert list(db.accounts.select("name", where="won_revenue >= 15000 EUR")) == [("SIA Koka Nams",)]
    assert names(db.opportunities.list(where="status = won"), "name") == ["Shelves"]
    assert db.opportunities.count(where='account.industry = "Banking"') == 1
    assert list(db.opportunities.select("name", where=field("amount") < EUR("10000 EUR"))) == [("Vault",)]
    assert names(db.leads.list(where='source = "fair"'), "company_name") == ["Messe GmbH"]
    assert db.leads.count(where="status = new and country in (LV, DE)") == 2
    assert list(db.leads.select("first_name", "company_name", where='country = "LV"')) == [("Ilze", "SIA Ozols")]
    assert "company_name" in crmcore.Leads.selectable_columns()
    assert db.activities.count(where='kind = call and subject ~ "intro"') == 1


def test_sort_field_pages_through_a_custom_field(crm):
    db, *_ = crm
    assert names(db.contacts.list(sort_field="score", page_size=1)) == ["Jonas", "Anna", "Олег"]
    assert names(db.contacts.list(sort_field="score", descending=True, page_size=1)) == ["Олег", "Anna", "Jonas"]
    assert names(db.contacts.list(sort_field="country", page_size=2)) == ["Jonas", "Anna", "Олег"]
    rows = db.contacts.select("first_name", where='country != "UA"', sort_field="last_activity_at",
                              descending=True, page_size=1)
    assert list(rows) == [("Anna",), ("Jonas",)]
    with pytest.raises(crmcore.ValidationError, match="did you mean 'score'") as raised:
        db.contacts.list(sort_field="scroe")
    assert raised.value.field == "sort_field"


# ---- saved segments ------------------------------------------------------------------------------


def test_a_dynamic_segment_follows_changes(crm):
    db, _, (anna, jonas, oleg) = crm
    gold = db.segments.create("contact", "Gold customers", field("tier") == "Gold")
    assert (gold.record_kind, gold.name, gold.kind, gold.version) == ("contact", "Gold customers", "dynamic", 1)
    assert gold.filter == Filter('tier = "Gold"') and str(gold.filter) == 'tier = "Gold"'
    assert repr(gold) == f"<Segment {gold.id} contact 'Gold customers' dynamic: tier = \"Gold\" v1>"
    assert gold.created_at.tzinfo is datetime.timezone.utc and gold.to_dict()["kind"] == "dynamic"
    assert db.segments.count(gold) == 1 and list(db.segments.members(gold)) == [anna.id]
    db.contacts.update(db.contacts.get(oleg), custom={"tier": "gold"})
    assert db.segments.count(gold.id) == 2 and db.segments.contains(gold, oleg)
    assert names(db.contacts.list(segment=gold, sort="id")) == ["Anna", "Олег"]
    assert db.contacts.count(segment=gold, where='country = "UA"') == 1
    db.contacts.remove(anna)
    assert list(db.segments.members(gold)) == [oleg.id], "deleted records leave"
    changed = db.segments.set_filter(gold, 'tier in (Gold, Silver) and country != "UA"')
    assert changed.version == 2 and list(db.segments.members(changed)) == [jonas.id]
    renamed = db.segments.rename(gold, "Tiered")
    assert renamed.name == "Tiered" and renamed.version == 3
    assert db.segments.find("contact", "TIERED").id == gold.id and db.segments.find("contact", "Gold") is None
    assert db.segments.get(gold).filter == changed.filter


def test_freeze_keeps_a_snapshot(crm):
    db, _, (anna, jonas, oleg) = crm
    latvians = db.segments.create("contact", "Latvians", 'country = "LV"')
    snapshot = db.segments.freeze(latvians, "Latvians in March")
    assert (snapshot.kind, snapshot.filter, snapshot.record_kind) == ("list", None, "contact")
    db.contacts.update(db.contacts.get(jonas), country="LV")
    assert db.segments.count(latvians) == 2
    assert list(db.segments.members(snapshot)) == [anna.id]
    assert repr(snapshot) == f"<Segment {snapshot.id} contact 'Latvians in March' list v1>"


def test_a_static_list_keeps_the_members_added(crm):
    db, (koks, bank, gmbh), (anna, jonas, oleg) = crm
    calls = db.segments.create_list("account", "Call this week")
    db.segments.add_members(calls, [koks, gmbh.id])
    db.segments.add_members(calls, koks)  # one record alone; already in: stays once
    assert db.segments.count(calls) == 2 and db.segments.get(calls).version == 3
    assert db.segments.contains(calls, koks) and not db.segments.contains(calls, bank.id)
    assert names(db.accounts.list(segment=calls, sort="id"), "name") == ["SIA Koka Nams", "Handel GmbH"]
    db.segments.remove_members(calls, [gmbh, 12345])
    assert list(db.segments.members(calls)) == [koks.id]
    assert [s.name for s in db.segments.list("account")] == ["Call this week"]
    db.segments.remove(calls)
    assert db.segments.list() == [] and db.accounts.count() == 3, "records stay"


def test_members_iterate_over_every_page(crm):
    db, _, contacts = crm
    for i in range(25):
        db.contacts.create(first_name=f"P{i:02}", last_name="Kalns", custom={"score": i})
    scored = db.segments.create("contact", "Scored", "score is not empty")
    ids = db.segments.members(scored, sort_field="score", descending=True, page_size=4)
    seen = list(ids)
    assert len(seen) == 27 and len(set(seen)) == 27
    assert seen[0] == contacts[0].id, "score 40 first"
    assert list(db.segments.members(scored, where="score < 2", sort="id", page_size=1)) == [
        c.id for c in db.contacts.list(where="score < 2", sort="id")]


def test_select_exports_members_with_custom_columns(crm):
    db, *_ = crm
    tiered = db.segments.create("contact", "Tiered", crmcore.tagged("vip") | (field("score") < 10))
    rows = db.segments.select(tiered, "first_name", "last_name", "score", "tier", sort="id")
    assert rows.columns == ["first_name", "last_name", "score", "tier"]
    assert list(rows) == [("Anna", "Bērziņa", 40, "Gold"), ("Jonas", "Petraitis", 7, "Silver")]
    assert db.segments.select(tiered, ["first_name", "tier"], sort_field="score").to_records() == [
        {"first_name": "Jonas", "tier": "Silver"}, {"first_name": "Anna", "tier": "Gold"}]
    with pytest.raises(crmcore.ValidationError, match="'salary'"):
        db.segments.select(tiered, "first_name", "salary")


def test_select_exports_to_pandas(crm):
    pandas = pytest.importorskip("pandas")
    db, *_ = crm
    tiered = db.segments.create("contact", "Tiered", "score is not empty")
    frame = db.segments.select(tiered, "first_name", "score", sort="id").to_pandas()
    assert isinstance(frame, pandas.DataFrame) and list(frame.columns) == ["first_name", "score"]
    assert frame["score"].tolist() == [40, 7]


# ---- misuse ------------------------------------------------------------------------------------


def test_segments_refuse_misuse_with_the_right_exceptions(crm):
    db, (koks, bank, gmbh), (anna, jonas, oleg) = crm
    gold = db.segments.create("contact", "Gold", "tier = Gold")
    calls = db.segments.create_list("account", "Calls")
    with pytest.raises(crmcore.AlreadyExistsError):
        db.segments.create("contact", "GOLD", "tier = Silver")
    with pytest.raises(crmcore.AlreadyExistsError):
        db.segments.rename(db.segments.create_list("account", "Other"), "CALLS")
    db.segments.create_list("contact", "Calls")  # names are unique per record kind
    with pytest.raises(crmcore.ParseError):
        db.segments.create("account", "Broken", "industry = ")
    with pytest.raises(crmcore.ParseError, match="did you mean"):
        db.segments.set_filter(gold, "tire = Gold")
    with pytest.raises(crmcore.ValidationError, match="static list"):
        db.segments.set_filter(calls, "industry = Retail")
    with pytest.raises(crmcore.ValidationError, match="dynamic segment"):
        db.segments.add_members(gold, [anna])
    with pytest.raises(crmcore.ValidationError, match="holds account records, not contact records"):
        db.segments.add_members(calls, [anna])
    with pytest.raises(crmcore.ValidationError, match="account records"):
        db.segments.contains(calls, anna)
    with pytest.raises(crmcore.NotFoundError, match="999"):
        db.segments.add_members(calls, [koks, 999])
    assert db.segments.count(calls) == 0, "nothing is added when one id is refused"
    with pytest.raises(crmcore.ValidationError, match="holds contact records"):
        db.accounts.list(segment=gold)
    with pytest.raises(crmcore.NotFoundError):
        db.segments.get(12345)
    with pytest.raises(crmcore.NotFoundError):
        db.contacts.count(segment=12345)
    with pytest.raises(crmcore.ValidationError, match="segments hold"):
        db.segments.create_list("activity", "Calls")
    with pytest.raises(crmcore.ValidationError, match="'deal' is not one of"):
        db.segments.create_list("deal", "Deals")
    with pytest.raises(TypeError):
        db.segments.add_members(calls, "SIA Koka Nams")
    with pytest.raises(TypeError):
        db.segments.get(koks)  # an Account is not a Segment
    db.segments.remove(gold)
    with pytest.raises(crmcore.NotFoundError):
        db.segments.count(gold)
