"""A fresh store per test, on SQLite and (when scripts/test-services.sh started one) PostgreSQL."""

from __future__ import annotations

import os

import pytest
import sqlalchemy as sa

from rasad.store import Store, open_store

TABLES = "event_sources, reviews, events, articles, actors, places"


def _pg_url() -> str | None:
    return os.environ.get("RASAD_TEST_PG_URL") or None


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def store(request: pytest.FixtureRequest, tmp_path) -> Store:  # type: ignore[no-untyped-def]
    if request.param == "sqlite":
        st = open_store(str(tmp_path / "store.sqlite"))
    else:
        url = _pg_url()
        if not url:
            pytest.skip("RASAD_TEST_PG_URL is not set: run ./scripts/test.sh (it starts PostgreSQL) to test the PostgreSQL back-end")
        st = open_store(url)
        with st.engine.begin() as conn:
            conn.execute(sa.text(f"TRUNCATE {TABLES} RESTART IDENTITY CASCADE"))
    yield st
    st.close()
