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
    Access,
    Account,
    Accounts,
    Activities,
    Activity,
    Agenda,
    AlreadyExistsError,
    Audit,
    AuditEntry,
    Birthday,
    BusyError,
    Calendars,
    Campaign,
    Campaigns,
    ChangeEntry,
    Changes,
    Completion,
    ConflictError,
    Consent,
    Contact,
    Contacts,
    CorruptError,
    CursorExpiredError,
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
    ErasureReport,
    Error,
    ExchangeRate,
    Filter,
    Holiday,
    ImportDuplicate,
    ImportIssue,
    ImportProgress,
    ImportResult,
    LegalHold,
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
    Privacy,
    RecordField,
    Recurrence,
    RelativeDate,
    ReportColumnInfo,
    ReportInfo,
    Reports,
    SampleSummary,
    SearchHit,
    Segment,
    Share,
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
    "LATEST_SCHEMA_VERSION", "Access", "Account", "Accounts", "Activities", "Activity", "Agenda", "AlreadyExistsError",
    "Audit", "AuditEntry", "Birthday", "BusyError", "Calendars", "Campaign", "Campaigns", "ChangeEntry", "Changes", "Completion", "ConflictError", "Consent",
    "Contact", "Contacts", "CorruptError", "CursorExpiredError", "Currencies", "CustomField", "CustomFields", "Database",
    "DuplicateMatch", "DuplicatePair", "Duplicates", "Email", "Employment", "Employments", "ErasureReport", "Error",
    "ExchangeRate", "Filter", "Holiday", "ImportDuplicate", "ImportIssue", "ImportProgress", "ImportResult",
    "Lead", "LeadConversion", "LegalHold", "LeadSource", "LeadSources", "Leads",
    "LineItem", "LoggedCall", "LostReason", "MergeRecord", "Money",
    "NotFoundError", "Opportunities", "OrgFileResult", "OrgImportResult", "Opportunity", "OpportunityContact", "ParseError", "Period",
    "PermissionDeniedError", "Phone", "Pipeline", "Pipelines", "Privacy", "Product", "Products", "RecordField", "Records",
    "Recurrence", "RelativeDate", "Report", "ReportColumnInfo", "ReportInfo", "Reports", "Rows", "SampleSummary",
    "SearchHit", "Segment", "Share", "Segments", "Stage", "StageChange",
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


# How to_pandas() gives amounts of money: "decimal" (decimal.Decimal objects,
# exact) or "float" (float64, rounded to binary fractions).
_MONEY_FORMS = ("decimal", "float")


def _money_table(columns, rows, money_columns, currency=None):
    """``columns`` and ``rows`` with a ``<name>_currency`` column after each of ``money_columns``.

    A money cell is a ``crmcore.Money`` (split into its ``decimal.Decimal`` amount and its
    currency) or a ``Decimal`` in ``currency`` (a report's); None gives None twice.
    """
    money = [name in money_columns for name in columns]
    names = []
    for name, is_money in zip(columns, money):
        names.extend((name, name + "_currency") if is_money else (name,))
    table = []
    for row in rows:
        cells = []
        for value, is_money in zip(row, money):
            if not is_money:
                cells.append(value)
            elif value is None:
                cells.extend((None, None))
            elif isinstance(value, Money):
                cells.extend(value)
            else:
                cells.extend((value, currency))
        table.append(cells)
    return names, table


def _pandas_for_money(money):
    """pandas, once ``money`` (to_pandas()'s argument) is known to be one of _MONEY_FORMS."""
    if money not in _MONEY_FORMS:
        raise ValueError(f"to_pandas: money={money!r} is not 'decimal' or 'float'")
    return _pandas()


def _money_frame(frame, money_columns, money):
    """``frame`` with the amounts of ``money_columns`` as decimal.Decimal objects (dtype object),
    or as float64 when ``money="float"``."""
    pandas = _pandas()
    for name in money_columns:
        amounts = frame[name].tolist()
        if money == "float":  # asked for: binary floats, for charts rather than sums
            frame[name] = pandas.Series([float("nan") if a is None else float(a) for a in amounts],
                                        index=frame.index, dtype="float64")
        else:
            frame[name] = pandas.Series(amounts, index=frame.index, dtype=object)
    return frame


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

    def _table(self):
        # The records' to_dict() values under their field names, money fields (the
        # record class's _money_fields, from the field descriptors) split in two.
        records = list(self)
        if not records:
            return [], [], ()
        kind = type(records[0])
        money = getattr(kind, "_money_fields", ())
        dicts = [record.to_dict() for record in records]
        columns = list(dicts[0])
        names, rows = _money_table(columns, ([d[c] for c in columns] for d in dicts), money)
        return names, rows, money

    def to_records(self):
        """The remaining records as a list of dicts (one per record). Money fields give their
        ``decimal.Decimal`` amount and, under ``<name>_currency``, its currency."""
        names, rows, _ = self._table()
        return [dict(zip(names, row)) for row in rows]

    def to_pandas(self, money="decimal"):
        """The remaining records as a pandas DataFrame (needs pandas). Money fields are columns of
        ``decimal.Decimal`` objects with a ``<name>_currency`` column beside each;
        ``money="float"`` gives float64 amounts instead, which are inexact (for charts, not sums)."""
        pandas = _pandas_for_money(money)
        names, rows, columns = self._table()
        return _money_frame(pandas.DataFrame.from_records(rows, columns=names), columns, money)


class Rows:
    """A lazy sequence of tuples of selected columns from ``select()``.

    ``columns`` names the tuple positions. Money columns give ``crmcore.Money`` (a
    ``decimal.Decimal`` amount and its currency). Rows are fetched a page at a time while
    iterating; iterate once.
    """

    def __init__(self, pager):
        self._pager = pager

    @property
    def columns(self):
        """The column names, in tuple order."""
        return list(self._pager.columns)

    @property
    def column_types(self):
        """Each column's type: 'integer', 'real', 'text', 'date', 'instant' or 'decimal' (money)."""
        return list(self._pager.column_types)

    def _money_columns(self):
        return [name for name, kind in zip(self.columns, self.column_types) if kind == "decimal"]

    def __iter__(self):
        # Pages are lists fetched until an empty one; chaining them keeps the
        # per-item work in C.
        return _chain.from_iterable(iter(self._pager.fetch, []))

    def to_records(self):
        """The remaining rows as a list of dicts keyed by column name; a money column gives its
        ``decimal.Decimal`` amount and, under ``<name>_currency``, its currency."""
        names, rows = _money_table(self.columns, self, self._money_columns())
        return [dict(zip(names, row)) for row in rows]

    def to_pandas(self, money="decimal"):
        """The remaining rows as a pandas DataFrame with these columns (needs pandas). A money
        column is ``decimal.Decimal`` objects with a ``<name>_currency`` column beside it;
        ``money="float"`` gives float64 amounts instead, which are inexact (for charts, not sums)."""
        pandas = _pandas_for_money(money)
        columns = self._money_columns()
        names, rows = _money_table(self.columns, self, columns)
        return _money_frame(pandas.DataFrame.from_records(rows, columns=names), columns, money)


# The pandas dtype of report columns by type (integer ones holding None become
# the nullable "Int64"); text, dates, instants and money stay Python objects.
_REPORT_DTYPES = {"integer": "int64", "real": "float64"}


class Report:
    """A report's result (from ``db.reports``): rows under named, typed columns.

    Iterate for tuples (as often as you like), ``len()`` counts the rows, ``report[i]`` is a
    row. Money columns are ``decimal.Decimal`` amounts in ``currency`` (the base currency),
    dates ``datetime.date``; ``rates_used`` lists the exchange rates the report converted with.
    ``to_records()`` and ``to_pandas()`` give a ``<name>_currency`` column beside each money column.
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

    def _money_columns(self):
        return [name for name, kind in zip(self.columns, self.column_types) if kind == "decimal"]

    def to_records(self):
        """The rows as a list of dicts keyed by column name; a money column gives its
        ``decimal.Decimal`` amount and, under ``<name>_currency``, the report's currency."""
        names, rows = _money_table(self.columns, self._rows, self._money_columns(), self.currency)
        return [dict(zip(names, row)) for row in rows]

    def to_pandas(self, money="decimal"):
        """The rows as a pandas DataFrame (needs pandas): integer columns int64 (nullable Int64
        when they hold None), real float64; money as decimal.Decimal objects with a
        ``<name>_currency`` column beside each (``money="float"``: float64 amounts instead, which
        are inexact: for charts, not sums); dates as datetime.date, text as str (object columns)."""
        pandas = _pandas_for_money(money)
        money_columns = self._money_columns()
        names, rows = _money_table(self.columns, self._rows, money_columns, self.currency)
        kinds = dict(zip(self.columns, self.column_types))
        series = {}
        for index, name in enumerate(names):
            values = [row[index] for row in rows]
            dtype = _REPORT_DTYPES.get(kinds.get(name), object)
            if dtype == "int64" and None in values:
                dtype = "Int64"
            series[name] = pandas.Series(values, dtype=dtype)
        return _money_frame(pandas.DataFrame(series, columns=names), money_columns, money)


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
