from __future__ import annotations

import os
from pathlib import Path
from typing import Iterator

import pytest
import sqlalchemy as sa
from fastapi.testclient import TestClient

from api_seed import TOKEN, seed
from rasad.api.app import create_app
from rasad.store import Store, open_store
from rasad.store.testing import throwaway_pg_database


@pytest.fixture(scope="session")
def pg_url() -> Iterator[str]:
    server = os.environ.get("RASAD_TEST_PG_URL")
    if not server:
        pytest.skip("RASAD_TEST_PG_URL is not set: run ./scripts/test.sh (it starts PostgreSQL) to test the API on PostgreSQL")
    with throwaway_pg_database(server, "rasad_t_api") as url:
        yield url


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def store(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Store]:
    if request.param == "sqlite":
        st = open_store(str(tmp_path / "api.sqlite"))
    else:
        st = open_store(request.getfixturevalue("pg_url"))
        with st.engine.begin() as conn:
            conn.execute(sa.text("TRUNCATE event_sources, reviews, events, articles, actors, places RESTART IDENTITY CASCADE"))
    seed(st)
    yield st
    st.close()


@pytest.fixture
def client(store: Store) -> Iterator[TestClient]:
    with TestClient(create_app(store=store, token=TOKEN)) as c:
        yield c
