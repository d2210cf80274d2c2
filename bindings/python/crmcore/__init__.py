"""crmcore: an embeddable CRM core (customers, contacts and their history in one file).

    import crmcore
    with crmcore.open("sales.crm", default_region="LV") as db:
        anna = db.contacts.create(first_name="Anna", last_name="Bērziņa", phones=["26 123 456"])
        for first, last, email in db.contacts.select("first_name", "last_name", "email"):
            ...
        latvian_vips = db.contacts.list(where='tagged "vip" and country = "LV"')
        vip = db.segments.create("contact", "VIP", crmcore.tagged("vip") & (crmcore.field("score") >= 50))

Times are timezone-aware UTC ``datetime.datetime`` objects, dates ``datetime.date``,
money ``crmcore.Money`` (a ``decimal.Decimal`` amount and an ISO 4217 currency).
Failures raise ``crmcore.Error`` subclasses, one per error code. Filters are written in the
segment language (``crmcore.Filter``) or built with ``crmcore.field(...)`` and friends.
"""

from decimal import Decimal as _Decimal
from itertools import chain as _chain
from typing import NamedTuple as _NamedTuple

from ._crmcore import (
    LATEST_SCHEMA_VERSION,
    Account,
    Accounts,
    Activities,
    Activity,
    Agenda,
    AlreadyExistsError,
    Birthday,
    BusyError,
    Calendars,
    Campaign,
    Campaigns,
    Completion,
    ConflictError,
    Consent,
    Contact,
    Contacts,
    CorruptError,
    Currencies,
    CustomField,
    CustomFields,
    Database,
    DuplicateMatch,
    DuplicatePair,
    Duplicates,
    Email,
    Employment,
    Employments,
    Error,
    ExchangeRate,
    Filter,
    Holiday,
    ImportDuplicate,
    ImportIssue,
    ImportProgress,
    ImportResult,
    Lead,
    LeadConversion,
    LeadSource,
    OrgFileResult,
    OrgImportResult,
    LeadSources,
    Leads,
    LineItem,
    LoggedCall,
    LostReason,
    MergeRecord,
    NotFoundError,
    Opportunities,
    Opportunity,
    OpportunityContact,
    ParseError,
    Period,
    PermissionDeniedError,
    Phone,
    Pipeline,
    Pipelines,
    Product,
    Products,
    RecordField,
    Recurrence,
    RelativeDate,
    ReportColumnInfo,
    ReportInfo,
    Reports,
    SampleSummary,
    SearchHit,
    Segment,
    Segments,
    Stage,
    StageChange,
    StorageError,
    Team,
    Teams,
    Telephony,
    Term,
    TimelineEntry,
    Timelines,
    Transaction,
    UnsupportedError,
    User,
    Users,
    ValidationError,
    __version__,
    activity_count,
    birthday_within_days,
    currency_minor_digits,
    field,
    has_activity,
    has_contact,
    has_opportunity,
    last_period,
    next_period,
    open,
    org_preset,
    org_preset_names,
    parse_custom_value,
    record_fields,
    tagged,
    this_period,
    today,
)
from . import _crmcore

__all__ = [
    "LATEST_SCHEMA_VERSION", "Account", "Accounts", "Activities", "Activity", "Agenda", "AlreadyExistsError",
    "Birthday", "BusyError", "Calendars", "Campaign", "Campaigns", "Completion", "ConflictError", "Consent",
    "Contact", "Contacts", "CorruptError", "Currencies", "CustomField", "CustomFields", "Database",
    "DuplicateMatch", "DuplicatePair", "Duplicates", "Email", "Employment", "Employments", "Error",
    "ExchangeRate", "Filter", "Holiday", "ImportDuplicate", "ImportIssue", "ImportProgress", "ImportResult",
    "Lead", "LeadConversion", "LeadSource", "LeadSources", "Leads",
    "LineItem", "LoggedCall", "LostReason", "MergeRecord", "Money",
    "NotFoundError", "Opportunities", "OrgFileResult", "OrgImportResult", "Opportunity", "OpportunityContact", "ParseError", "Period",
    "PermissionDeniedError", "Phone", "Pipeline", "Pipelines", "Product", "Products", "RecordField", "Records",
    "Recurrence", "RelativeDate", "Report", "ReportColumnInfo", "ReportInfo", "Reports", "Rows", "SampleSummary",
    "SearchHit", "Segment", "Segments", "Stage", "StageChange",
    "StorageError", "Team", "Teams",
    "Telephony", "Term", "TimelineEntry", "Timelines", "Transaction", "UnsupportedError", "User", "Users",
    "ValidationError",
    "activity_count", "birthday_within_days", "currency_minor_digits", "field", "has_activity", "has_contact",
    "has_opportunity", "last_period", "next_period", "open", "org_preset", "org_preset_names", "parse_custom_value", "record_fields", "tagged", "this_period",
    "today",
]


def _pandas():
    try:
        import pandas
    except ImportError as error:
        raise ImportError(
            "crmcore: to_pandas() needs pandas, which is not installed "
            "(on Debian: apt-get install python3-pandas)") from error
    return pandas


class Records:
    """A lazy sequence of records (Account, Contact, Opportunity, ... objects) from ``list()``.

    Records are fetched a page at a time while iterating; iterate once.
    """

    def __init__(self, pager):
        self._pager = pager

    def __iter__(self):
        # Pages are lists fetched until an empty one; chaining them keeps the
        # per-item work in C.
        return _chain.from_iterable(iter(self._pager.fetch, []))

    def to_records(self):
        """The remaining records as a list of dicts (one per record)."""
        return [record.to_dict() for record in self]

    def to_pandas(self):
        """The remaining records as a pandas DataFrame (needs pandas)."""
        pandas = _pandas()
        return pandas.DataFrame.from_records(self.to_records())


class Rows:
    """A lazy sequence of tuples of selected columns from ``select()``.

    ``columns`` names the tuple positions. Rows are fetched a page at a time while
    iterating; iterate once.
    """

    def __init__(self, pager):
        self._pager = pager

    @property
    def columns(self):
        """The column names, in tuple order."""
        return list(self._pager.columns)

    def __iter__(self):
        # Pages are lists fetched until an empty one; chaining them keeps the
        # per-item work in C.
        return _chain.from_iterable(iter(self._pager.fetch, []))

    def to_records(self):
        """The remaining rows as a list of dicts keyed by column name."""
        columns = self.columns
        return [dict(zip(columns, row)) for row in self]

    def to_pandas(self):
        """The remaining rows as a pandas DataFrame with these columns (needs pandas)."""
        pandas = _pandas()
        return pandas.DataFrame.from_records(list(self), columns=self.columns)


# The pandas dtype of report columns by type (integer ones holding None become
# the nullable "Int64"); text, dates, instants and decimals stay Python objects.
_REPORT_DTYPES = {"integer": "int64", "real": "float64"}


class Report:
    """A report's result (from ``db.reports``): rows under named, typed columns.

    Iterate for tuples (as often as you like), ``len()`` counts the rows, ``report[i]`` is a
    row. Money columns are ``decimal.Decimal`` amounts in ``currency`` (the base currency),
    dates ``datetime.date``; ``rates_used`` lists the exchange rates the report converted with.
    """

    def __init__(self, data):
        self._data = data
        self._rows = data.rows()

    @property
    def name(self):
        """The report's name ('forecast')."""
        return self._data.name

    @property
    def currency(self):
        """The currency of the money (decimal) columns."""
        return self._data.currency

    @property
    def columns(self):
        """The column names, in tuple order."""
        return list(self._data.columns)

    @property
    def column_types(self):
        """Each column's type: 'integer', 'real', 'text', 'date', 'instant' or 'decimal' (money)."""
        return list(self._data.column_types)

    @property
    def rates_used(self):
        """The ExchangeRate objects applied, by pair then day."""
        return list(self._data.rates_used)

    def __len__(self):
        return len(self._rows)

    def __iter__(self):
        return iter(self._rows)

    def __getitem__(self, index):
        return self._rows[index]

    def __repr__(self):
        return f"<crmcore.Report {self.name!r}: {len(self)} rows in {self.currency}>"

    def to_records(self):
        """The rows as a list of dicts keyed by column name."""
        columns = self.columns
        return [dict(zip(columns, row)) for row in self._rows]

    def to_pandas(self):
        """The rows as a pandas DataFrame with these columns (needs pandas): integer columns int64
        (nullable Int64 when they hold None), real float64; money as decimal.Decimal, dates as
        datetime.date, text as str (object columns)."""
        pandas = _pandas()
        series = {}
        for index, (name, kind) in enumerate(zip(self.columns, self.column_types)):
            values = [row[index] for row in self._rows]
            dtype = _REPORT_DTYPES.get(kind, object)
            if dtype == "int64" and None in values:
                dtype = "Int64"
            series[name] = pandas.Series(values, dtype=dtype)
        return pandas.DataFrame(series, columns=self.columns)


class Money(_NamedTuple):
    """An amount of money: a ``decimal.Decimal`` amount and an ISO 4217 currency code.

    ``Money(Decimal("1234.50"), "EUR")``, ``Money.parse("1234.50 EUR")``; ``str()`` gives
    ``"1234.50 EUR"``. The amount may not have more decimals than the currency's minor
    unit (JPY has none).
    """

    amount: _Decimal
    currency: str

    @classmethod
    def parse(cls, text):
        """Reads ``"1234.50 EUR"``; ValidationError for anything else."""
        amount, currency = _crmcore._money_parse(text)
        return cls(_Decimal(amount), currency)

    @classmethod
    def of(cls, amount, currency):
        """A checked Money from a Decimal, int or decimal text and a currency code."""
        if isinstance(amount, float):
            raise TypeError("crmcore.Money: use decimal.Decimal or str for amounts, not float")
        normalized = _crmcore._money_normalize(format(_Decimal(amount), "f"), currency)
        return cls(_Decimal(normalized), currency)

    def __str__(self):
        if isinstance(self.amount, float):
            raise TypeError("crmcore.Money: use decimal.Decimal or str for amounts, not float")
        # Decimal first: format(5, "f") is "5.000000", and a big int would go through float.
        amount = format(_Decimal(self.amount), "f")
        return f"{_crmcore._money_normalize(amount, self.currency)} {self.currency}"
