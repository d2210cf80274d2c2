"""Shared fixtures for the crmcore pytest suite."""
import os

import pytest

import crmcore


# The users the tests give records to (a record's owner must be an active user).
OWNERS = ("anna", "ivars", "ona", "peter", "x' OR '1'='1")


@pytest.fixture
def db():
    """An in-memory database with default region LV and the users of OWNERS (administrators)."""
    with crmcore.open(":memory:", default_region="LV") as database:
        for login in OWNERS:
            database.users.create(login, roles=["administrator"])
        yield database


@pytest.fixture
def bare_db():
    """An in-memory database with default region LV and no users."""
    with crmcore.open(":memory:", default_region="LV") as database:
        yield database


@pytest.fixture
def sample_db(tmp_path):
    """A file database holding the built-in sample data."""
    with crmcore.open(tmp_path / "sample.crm", default_region="LV") as database:
        database.load_sample_data(accounts=20, contacts=120)
        yield database


@pytest.fixture
def time_factor():
    """How many times longer a test that measures time allows: 10 against a sanitized
    build (scripts/sanitize.sh, whose ctest sets CRM_TEST_TIME_FACTOR), else 1."""
    return float(os.environ.get("CRM_TEST_TIME_FACTOR", "1"))
