"""A fresh store per test, on SQLite and (when scripts/test-services.sh started one) PostgreSQL."""

from __future__ import annotations

import os
from typing import Iterator

import pytest
import sqlalchemy as sa

from rasad.store import Store, open_store
from rasad.store.testing import throwaway_pg_database

TABLES = "event_sources, reviews, events, articles, actors, places"


@pytest.fixture(scope="session")
def pg_url() -> Iterator[str]:
    server = os.environ.get("RASAD_TEST_PG_URL")
    if not server:
        pytest.skip("RASAD_TEST_PG_URL is not set: run ./scripts/test.sh (it starts PostgreSQL) to test the PostgreSQL back-end")
    with throwaway_pg_database(server, "rasad_t_store") as url:
        yield url


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def store(request: pytest.FixtureRequest, tmp_path) -> Iterator[Store]:  # type: ignore[no-untyped-def]
    if request.param == "sqlite":
        st = open_store(str(tmp_path / "store.sqlite"))
    else:
        st = open_store(request.getfixturevalue("pg_url"))
        with st.engine.begin() as conn:
            conn.execute(sa.text(f"TRUNCATE {TABLES} RESTART IDENTITY CASCADE"))
    yield st
    st.close()
