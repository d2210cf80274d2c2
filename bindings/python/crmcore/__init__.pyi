# Type stubs for crmcore (checked against the module by tests/test_stubs.py).
import datetime
import os
from decimal import Decimal
from typing import Any, Iterator, NamedTuple, Sequence

LATEST_SCHEMA_VERSION: int
__version__: str

class Error(Exception):
    code: str
    field: str
    line: int
    column: int

class NotFoundError(Error, LookupError): ...
class ValidationError(Error, ValueError): ...
class AlreadyExistsError(Error): ...
class ConflictError(Error): ...
class PermissionDeniedError(Error, PermissionError): ...
class BusyError(Error): ...
class StorageError(Error, OSError): ...
class CorruptError(Error): ...
class ParseError(Error, ValueError): ...
class UnsupportedError(Error): ...

def currency_minor_digits(currency: str) -> int: ...
def open(
    path: str | os.PathLike[str],
    *,
    default_region: str = "",
    create: bool = True,
    read_only: bool = False,
    migrate: bool = True,
    busy_timeout: float = 5.0,
    synchronous: str = "full",
    user: str = "",
) -> Database: ...

class Money(NamedTuple):
    amount: Decimal
    currency: str
    @classmethod
    def parse(cls, text: str) -> Money: ...
    @classmethod
    def of(cls, amount: Decimal | int | str, currency: str) -> Money: ...

# A custom field's value: text or a choice, integer, decimal, money, date, boolean, choices.
_CustomValue = str | int | Decimal | Money | datetime.date | bool | list[str]

def parse_custom_value(type: str, text: str) -> _CustomValue: ...

class Birthday:
    year: int | None
    month: int
    day: int
    def __init__(self, year: int | None = None, *, month: int, day: int) -> None: ...
    @staticmethod
    def parse(text: str) -> Birthday: ...
    def to_date(self, year: int | None = None) -> datetime.date: ...
    def __hash__(self) -> int: ...

class Email:
    address: str
    primary: bool
    def __init__(self, address: str, primary: bool = False) -> None: ...

class Phone:
    kind: str
    number: str
    e164: str
    def __init__(self, number: str, kind: str = "mobile") -> None: ...

class Consent:
    channel: str
    granted: bool
    changed_at: datetime.datetime | None
    def __init__(self, channel: str, granted: bool, changed_at: datetime.datetime | None = None) -> None: ...

class Account:
    _fields: tuple[str, ...]
    id: int | None
    version: int
    name: str
    registration_number: str
    vat_id: str
    industry: str
    website: str
    phone: str
    phone_e164: str
    email: str
    street: str
    city: str
    postal_code: str
    region: str
    country: str
    parent: int | None
    owner: str
    lead_source: str
    external_ref: str
    tags: list[str]
    description: str
    custom: dict[str, _CustomValue]
    created_at: datetime.datetime | None
    updated_at: datetime.datetime | None
    deleted_at: datetime.datetime | None
    deleted: bool
    def __init__(self) -> None: ...
    def to_dict(self) -> dict[str, Any]: ...

class Contact:
    _fields: tuple[str, ...]
    id: int | None
    version: int
    first_name: str
    last_name: str
    emails: list[Email]
    phones: list[Phone]
    job_title: str
    birthday: Birthday | None
    preferred_language: str
    country: str
    owner: str
    lead_source: str
    external_ref: str
    consents: list[Consent]
    tags: list[str]
    description: str
    account: int | None
    primary_email: str
    custom: dict[str, _CustomValue]
    created_at: datetime.datetime | None
    updated_at: datetime.datetime | None
    deleted_at: datetime.datetime | None
    deleted: bool
    def __init__(self) -> None: ...
    def to_dict(self) -> dict[str, Any]: ...

class Employment:
    _fields: tuple[str, ...]
    id: int
    contact: int
    account: int
    title: str
    started_on: datetime.date | None
    ended_on: datetime.date | None
    current: bool
    def to_dict(self) -> dict[str, Any]: ...

class SampleSummary:
    accounts_created: int
    contacts_created: int
    job_changes: int
    opportunities_created: int
    activities_created: int
    leads_created: int
    already_loaded: bool

class Records:
    def __init__(self, pager: Any) -> None: ...
    def __iter__(self) -> Iterator[Any]: ...
    def to_records(self) -> list[dict[str, Any]]: ...
    def to_pandas(self) -> Any: ...

class Rows:
    columns: list[str]
    def __init__(self, pager: Any) -> None: ...
    def __iter__(self) -> Iterator[tuple[Any, ...]]: ...
    def to_records(self) -> list[dict[str, Any]]: ...
    def to_pandas(self) -> Any: ...

class Transaction:
    active: bool
    def commit(self) -> None: ...
    def rollback(self) -> None: ...
    def __enter__(self) -> Transaction: ...
    def __exit__(self, type: Any, value: Any, traceback: Any) -> bool: ...

class Accounts:
    def create(self, record: Account | None = None, **fields: Any) -> Account: ...
    def get(self, id: int | Account) -> Account: ...
    def update(self, record: Account, **fields: Any) -> Account: ...
    def remove(self, id: int | Account) -> Account: ...
    def restore(self, id: int | Account) -> Account: ...
    def purge(self, id: int | Account) -> None: ...
    def list(self, *, owner: str = "", tag: str = "", country: str = "", deleted: str = "exclude",
             sort: str = "name", descending: bool = False, page_size: int = 1000) -> Records: ...
    def count(self, *, owner: str = "", tag: str = "", country: str = "", deleted: str = "exclude",
              sort: str = "name", descending: bool = False, page_size: int = 1000) -> int: ...
    def select(self, *columns: str, owner: str = "", tag: str = "", country: str = "", deleted: str = "exclude",
               sort: str = "name", descending: bool = False, page_size: int = 1000) -> Rows: ...
    @staticmethod
    def selectable_columns() -> list[str]: ...
    def find_by_external_ref(self, external_ref: str) -> Account | None: ...
    def find_by_email(self, email: str) -> list[Account]: ...
    def find_by_phone(self, phone: str) -> list[Account]: ...
    def subsidiaries(self, parent: int | Account) -> list[Account]: ...

class Contacts:
    def create(self, record: Contact | None = None, **fields: Any) -> Contact: ...
    def get(self, id: int | Contact) -> Contact: ...
    def update(self, record: Contact, **fields: Any) -> Contact: ...
    def remove(self, id: int | Contact) -> Contact: ...
    def restore(self, id: int | Contact) -> Contact: ...
    def purge(self, id: int | Contact) -> None: ...
    def list(self, *, owner: str = "", tag: str = "", country: str = "", deleted: str = "exclude",
             sort: str = "name", descending: bool = False, page_size: int = 1000) -> Records: ...
    def count(self, *, owner: str = "", tag: str = "", country: str = "", deleted: str = "exclude",
              sort: str = "name", descending: bool = False, page_size: int = 1000) -> int: ...
    def select(self, *columns: str, owner: str = "", tag: str = "", country: str = "", deleted: str = "exclude",
               sort: str = "name", descending: bool = False, page_size: int = 1000) -> Rows: ...
    @staticmethod
    def selectable_columns() -> list[str]: ...
    def find_by_external_ref(self, external_ref: str) -> Contact | None: ...
    def find_by_email(self, email: str) -> list[Contact]: ...
    def find_by_phone(self, phone: str) -> list[Contact]: ...

class Employments:
    def start(self, contact: int | Contact, account: int | Account, title: str = "",
              started_on: datetime.date | None = None) -> Employment: ...
    def end(self, employment: int | Employment, ended_on: datetime.date) -> Employment: ...
    def move(self, contact: int | Contact, account: int | Account, title: str = "",
             on: datetime.date | None = None) -> Employment: ...
    def get(self, employment: int | Employment) -> Employment: ...
    def history(self, contact: int | Contact) -> list[Employment]: ...
    def of_account(self, account: int | Account, current_only: bool = True) -> list[Employment]: ...

class Stage:
    id: int | None
    pipeline: int | None
    name: str
    probability: int
    kind: str
    position: int
    removed: bool
    def __init__(self, name: str, probability: int = 0, kind: str = "open") -> None: ...

class Pipeline:
    id: int
    name: str
    is_default: bool
    stages: list[Stage]
    def first_open_stage(self) -> Stage: ...
    def stage(self, name: str) -> Stage: ...

class LostReason:
    id: int
    name: str
    active: bool

class Pipelines:
    def create(self, name: str, stages: Sequence[Stage | tuple[Any, ...] | str]) -> Pipeline: ...
    def get(self, pipeline: int | Pipeline) -> Pipeline: ...
    def find(self, name: str) -> Pipeline | None: ...
    def default(self) -> Pipeline: ...
    def list(self) -> list[Pipeline]: ...
    def rename(self, pipeline: int | Pipeline, name: str) -> Pipeline: ...
    def set_default(self, pipeline: int | Pipeline) -> Pipeline: ...
    def stage(self, stage: int | Stage) -> Stage: ...
    def add_stage(self, pipeline: int | Pipeline, name: str, probability: int = 0, kind: str = "open", *,
                  position: int | None = None) -> Stage: ...
    def update_stage(self, stage: int | Stage, *, name: str | None = None, probability: int | None = None,
                     kind: str | None = None) -> Stage: ...
    def reorder_stages(self, pipeline: int | Pipeline, order: Sequence[int | Stage]) -> Pipeline: ...
    def remove_stage(self, stage: int | Stage, move_to: int | Stage | None = None) -> Pipeline: ...
    def lost_reasons(self, include_inactive: bool = False) -> list[LostReason]: ...
    def add_lost_reason(self, name: str) -> LostReason: ...
    def set_lost_reason_active(self, reason: int | LostReason, active: bool) -> LostReason: ...
    def find_lost_reason(self, name: str) -> LostReason | None: ...

class Product:
    _fields: tuple[str, ...]
    id: int | None
    version: int
    sku: str
    name: str
    list_price: Money
    active: bool
    created_at: datetime.datetime | None
    updated_at: datetime.datetime | None
    def __init__(self) -> None: ...
    def to_dict(self) -> dict[str, Any]: ...

class Products:
    def create(self, record: Product | dict[str, Any] | None = None, **fields: Any) -> Product: ...
    def get(self, id: int | Product) -> Product: ...
    def update(self, record: Product, **fields: Any) -> Product: ...
    def find_by_sku(self, sku: str) -> Product | None: ...
    def list(self, include_inactive: bool = False) -> list[Product]: ...

class OpportunityContact:
    contact: int
    role: str
    def __init__(self, contact: int | Contact, role: str) -> None: ...

class LineItem:
    product: int
    quantity: int
    unit_price: Money | None
    discount_percent: int
    total: Money
    def __init__(self, product: int | Product, quantity: int = 1, unit_price: Money | str | None = None,
                 discount_percent: int = 0) -> None: ...

class Opportunity:
    _fields: tuple[str, ...]
    id: int | None
    version: int
    account: int | None
    primary_contact: int | None
    contacts: list[OpportunityContact]
    name: str
    amount: Money
    expected_close: datetime.date | None
    pipeline: int | None
    stage: int | None
    stage_kind: str
    probability: int
    probability_override: int | None
    owner: str
    lead_source: str
    campaign: str
    next_step: str
    description: str
    external_ref: str
    tags: list[str]
    line_items: list[LineItem]
    lost_reason: int | None
    closed_on: datetime.date | None
    closed: bool
    custom: dict[str, _CustomValue]
    created_at: datetime.datetime | None
    updated_at: datetime.datetime | None
    deleted_at: datetime.datetime | None
    deleted: bool
    def __init__(self) -> None: ...
    def to_dict(self) -> dict[str, Any]: ...

class StageChange:
    _fields: tuple[str, ...]
    id: int
    opportunity: int
    from_stage: int | None
    to_stage: int
    at: datetime.datetime
    by: str
    amount: Money
    probability: int
    lost_reason: int | None
    def to_dict(self) -> dict[str, Any]: ...

class Opportunities:
    def create(self, record: Opportunity | dict[str, Any] | None = None, **fields: Any) -> Opportunity: ...
    def get(self, id: int | Opportunity) -> Opportunity: ...
    def update(self, record: Opportunity, **fields: Any) -> Opportunity: ...
    def remove(self, id: int | Opportunity) -> Opportunity: ...
    def restore(self, id: int | Opportunity) -> Opportunity: ...
    def purge(self, id: int | Opportunity) -> None: ...
    def list(self, *, owner: str = "", tag: str = "", country: str = "", deleted: str = "exclude",
             sort: str = "name", descending: bool = False, page_size: int = 1000, **filters: Any) -> Records: ...
    def count(self, *, owner: str = "", tag: str = "", country: str = "", deleted: str = "exclude",
             sort: str = "name", descending: bool = False, page_size: int = 1000, **filters: Any) -> int: ...
    def select(self, *columns: str, owner: str = "", tag: str = "", country: str = "", deleted: str = "exclude",
             sort: str = "name", descending: bool = False, page_size: int = 1000, **filters: Any) -> Rows: ...
    @staticmethod
    def selectable_columns() -> list[str]: ...
    def find_by_external_ref(self, external_ref: str) -> Opportunity | None: ...
    def move_to_stage(self, opportunity: int | Opportunity, stage: int | Stage, *,
                      closed_on: datetime.date | None = None,
                      lost_reason: int | LostReason | None = None) -> Opportunity: ...
    def stage_history(self, opportunity: int | Opportunity) -> list[StageChange]: ...
    def without_next_activity(self, *, owner: str = "", tag: str = "", country: str = "", deleted: str = "exclude",
             sort: str = "name", descending: bool = False, page_size: int = 1000) -> Records: ...

class Lead:
    _fields: tuple[str, ...]
    id: int | None
    version: int
    first_name: str
    last_name: str
    company_name: str
    email: str
    phone: str
    phone_e164: str
    source: str
    status: str
    disqualified_reason: str
    country: str
    owner: str
    external_ref: str
    description: str
    tags: list[str]
    converted_at: datetime.datetime | None
    converted_account: int | None
    converted_contact: int | None
    converted_opportunity: int | None
    custom: dict[str, _CustomValue]
    created_at: datetime.datetime | None
    updated_at: datetime.datetime | None
    deleted_at: datetime.datetime | None
    deleted: bool
    def __init__(self) -> None: ...
    def to_dict(self) -> dict[str, Any]: ...

class LeadConversion:
    lead: Lead
    account: Account
    contact: Contact
    opportunity: Opportunity | None

class Leads:
    def create(self, record: Lead | dict[str, Any] | None = None, **fields: Any) -> Lead: ...
    def get(self, id: int | Lead) -> Lead: ...
    def update(self, record: Lead, **fields: Any) -> Lead: ...
    def remove(self, id: int | Lead) -> Lead: ...
    def restore(self, id: int | Lead) -> Lead: ...
    def purge(self, id: int | Lead) -> None: ...
    def list(self, *, owner: str = "", tag: str = "", country: str = "", deleted: str = "exclude",
             sort: str = "name", descending: bool = False, page_size: int = 1000) -> Records: ...
    def count(self, *, owner: str = "", tag: str = "", country: str = "", deleted: str = "exclude",
             sort: str = "name", descending: bool = False, page_size: int = 1000) -> int: ...
    def find_by_external_ref(self, external_ref: str) -> Lead | None: ...
    def find_by_email(self, email: str) -> list[Lead]: ...
    def find_by_phone(self, phone: str) -> list[Lead]: ...
    def convert(self, lead: int | Lead, *, account: int | Account | None = None,
                new_account: Account | dict[str, Any] | None = None, contact: int | Contact | None = None,
                new_contact: Contact | dict[str, Any] | None = None,
                opportunity: Opportunity | dict[str, Any] | None = None) -> LeadConversion: ...

class Recurrence:
    unit: str
    interval: int
    business_days_only: bool
    calendar: str
    def __init__(self, unit: str = "week", interval: int = 1, business_days_only: bool = False,
                 calendar: str = "") -> None: ...

class Activity:
    _fields: tuple[str, ...]
    id: int | None
    version: int
    kind: str
    subject: str
    body: str
    status: str
    starts_at: datetime.datetime | None
    duration_seconds: int
    direction: str
    outcome: str
    phone: str
    phone_e164: str
    email: str
    owner: str
    reminder_at: datetime.datetime | None
    recurrence: Recurrence | None
    account: int | None
    contact: int | None
    opportunity: int | None
    lead: int | None
    completed_at: datetime.datetime | None
    previous: int | None
    custom: dict[str, _CustomValue]
    created_at: datetime.datetime | None
    updated_at: datetime.datetime | None
    deleted_at: datetime.datetime | None
    deleted: bool
    def __init__(self) -> None: ...
    def to_dict(self) -> dict[str, Any]: ...

class Completion:
    completed: Activity
    next: Activity | None

class Agenda:
    overdue: list[Activity]
    today: list[Activity]
    upcoming: list[Activity]

class Activities:
    def create(self, record: Activity | dict[str, Any] | None = None, **fields: Any) -> Activity: ...
    def get(self, id: int | Activity) -> Activity: ...
    def update(self, record: Activity, **fields: Any) -> Activity: ...
    def remove(self, id: int | Activity) -> Activity: ...
    def restore(self, id: int | Activity) -> Activity: ...
    def purge(self, id: int | Activity) -> None: ...
    def list(self, *, owner: str = "", tag: str = "", country: str = "", deleted: str = "exclude",
             sort: str = "name", descending: bool = False, page_size: int = 1000, **filters: Any) -> Records: ...
    def count(self, *, owner: str = "", tag: str = "", country: str = "", deleted: str = "exclude",
             sort: str = "name", descending: bool = False, page_size: int = 1000, **filters: Any) -> int: ...
    def complete(self, activity: int | Activity, outcome: str = "", *,
                 completed_at: datetime.datetime | None = None) -> Completion: ...
    def cancel(self, activity: int | Activity) -> Activity: ...
    def attach_to_contact(self, activity: int | Activity, contact: int | Contact) -> Activity: ...
    def agenda(self, owner: str, time_zone: str = "UTC", *, start: datetime.date | None = None,
               end: datetime.date | None = None) -> Agenda: ...
    def reminders_due(self, at: datetime.datetime, since: datetime.datetime | None = None) -> list[Activity]: ...

class TimelineEntry:
    _fields: tuple[str, ...]
    at: datetime.datetime
    kind: str
    activity: Activity | None
    stage_change: StageChange | None
    def to_dict(self) -> dict[str, Any]: ...

class Timelines:
    def account(self, id: int | Account, *, include_deleted: bool = False, page_size: int = 50) -> Records: ...
    def contact(self, id: int | Contact, *, include_deleted: bool = False, page_size: int = 50) -> Records: ...
    def opportunity(self, id: int | Opportunity, *, include_deleted: bool = False,
                    page_size: int = 50) -> Records: ...
    def lead(self, id: int | Lead, *, include_deleted: bool = False, page_size: int = 50) -> Records: ...

class LoggedCall:
    activity: Activity
    contact: Contact | None
    account: Account | None

class Telephony:
    def record_call(self, number: str, *, direction: str = "inbound", started_at: datetime.datetime | None = None,
                    duration_seconds: int = 0, owner: str = "", subject: str = "", outcome: str = "",
                    notes: str = "") -> LoggedCall: ...
    def attach_unmatched(self, contact: int | Contact) -> list[Activity]: ...

class Holiday:
    country: str
    day: datetime.date
    name: str

class Calendars:
    def add_holiday(self, country: str, day: datetime.date, name: str) -> None: ...
    def remove_holiday(self, country: str, day: datetime.date) -> None: ...
    def holidays(self, country: str, start: datetime.date, end: datetime.date) -> list[Holiday]: ...
    def set_weekend(self, country: str, weekdays: Sequence[int]) -> None: ...
    def weekend(self, country: str) -> list[int]: ...
    def is_business_day(self, country: str, day: datetime.date) -> bool: ...
    def add_business_days(self, country: str, start: datetime.date, days: int) -> datetime.date: ...

class CustomField:
    _fields: tuple[str, ...]
    id: int
    record_kind: str
    name: str
    type: str
    choices: list[str]
    required: bool
    default: _CustomValue | None
    indexed: bool
    position: int
    created_at: datetime.datetime
    def to_dict(self) -> dict[str, Any]: ...

class CustomFields:
    def define(self, kind: str, name: str, type: str = "text", *, choices: Sequence[str] = (),
               required: bool = False, default: _CustomValue | tuple[str, ...] | None = None,
               indexed: bool = False) -> CustomField: ...
    def get(self, field: int | CustomField) -> CustomField: ...
    def find(self, kind: str, name: str) -> CustomField | None: ...
    def list(self, kind: str) -> list[CustomField]: ...
    def update(self, field: int | CustomField, *, name: str | None = None, choices: Sequence[str] | None = None,
               required: bool | None = None, default: _CustomValue | tuple[str, ...] | None = None,
               indexed: bool | None = None) -> CustomField: ...
    def remove(self, field: int | CustomField) -> None: ...

class Database:
    closed: bool
    path: str
    default_region: str
    schema_version: int
    user: str
    accounts: Accounts
    contacts: Contacts
    employments: Employments
    pipelines: Pipelines
    products: Products
    opportunities: Opportunities
    leads: Leads
    activities: Activities
    timelines: Timelines
    telephony: Telephony
    calendars: Calendars
    custom_fields: CustomFields
    def close(self) -> None: ...
    def migrate(self) -> None: ...
    def backup(self, destination: str | os.PathLike[str]) -> None: ...
    def integrity_check(self) -> list[str]: ...
    def now(self) -> datetime.datetime: ...
    def transaction(self) -> Transaction: ...
    def load_sample_data(self, *, seed: int = 2025, accounts: int = 120, contacts: int = 360) -> SampleSummary: ...
    def __enter__(self) -> Database: ...
    def __exit__(self, type: Any, value: Any, traceback: Any) -> None: ...
