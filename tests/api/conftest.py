from __future__ import annotations

from pathlib import Path
from typing import Iterator

import pytest
from fastapi.testclient import TestClient

from api_seed import TOKEN, seed
from rasad.api.app import create_app
from rasad.store import Store
from rasad.store.testing import open_empty_store, pg_test_database


@pytest.fixture(scope="session")
def pg_url() -> Iterator[str]:
    with pg_test_database("rasad_t_api", "test the API on PostgreSQL") as url:
        yield url


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def store(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Store]:
    url = str(tmp_path / "api.sqlite") if request.param == "sqlite" else request.getfixturevalue("pg_url")
    st = open_empty_store(url)
    seed(st)
    yield st
    st.close()


@pytest.fixture
def client(store: Store) -> Iterator[TestClient]:
    with TestClient(create_app(store=store, token=TOKEN)) as c:
        yield c
