"""A throwaway PostgreSQL database per test session, so test runs sharing one server (several
people's runs on one machine) never truncate each other's tables; and a fresh store per test."""

from __future__ import annotations

import os
import secrets
from contextlib import contextmanager
from typing import TYPE_CHECKING, Iterator

import sqlalchemy as sa

if TYPE_CHECKING:
    from rasad.store.store import Store

PG_SERVER_ENV = "RASAD_TEST_PG_URL"
# Every table of the store (a fixed list of identifiers, never built from input).
STORE_TABLES = "event_sources, reviews, events, articles, actors, places"


@contextmanager
def throwaway_pg_database(server_url: str, prefix: str = "rasad_t") -> Iterator[str]:
    """Create an empty database on the server of ``server_url``, yield its URL, drop it after."""
    url = sa.engine.make_url(server_url)
    name = f"{prefix}_{os.getpid()}_{secrets.token_hex(4)}"  # generated, so safe to quote into DDL
    admin = sa.create_engine(url.set(database="postgres"), isolation_level="AUTOCOMMIT")
    try:
        with admin.connect() as conn:
            conn.exec_driver_sql(f'CREATE DATABASE "{name}"')
        try:
            yield url.set(database=name).render_as_string(hide_password=False)
        finally:
            with admin.connect() as conn:
                conn.exec_driver_sql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    finally:
        admin.dispose()


@contextmanager
def pg_test_database(prefix: str, purpose: str = "test the PostgreSQL back-end") -> Iterator[str]:
    """For a session fixture: a throwaway database on the server in ``$RASAD_TEST_PG_URL``, or a
    pytest skip when that is not set."""
    import pytest

    server = os.environ.get(PG_SERVER_ENV)
    if not server:
        pytest.skip(f"{PG_SERVER_ENV} is not set: run ./scripts/test.sh (it starts PostgreSQL) to {purpose}")
    with throwaway_pg_database(server, prefix) as url:
        yield url


def open_empty_store(url: str) -> "Store":
    """The store at ``url`` with no rows: a PostgreSQL test database is shared by a session's
    tests, so its tables are emptied; a SQLite path is expected to be a new file."""
    from rasad.store.store import open_store

    store = open_store(url)
    if store.engine.dialect.name == "postgresql":
        with store.engine.begin() as conn:
            conn.execute(sa.text(f"TRUNCATE {STORE_TABLES} RESTART IDENTITY CASCADE"))
    return store
