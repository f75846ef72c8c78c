"""A fresh store per test, on SQLite and (when scripts/test-services.sh started one) PostgreSQL."""

from __future__ import annotations

from typing import Iterator

import pytest

from rasad.store import Store
from rasad.store.testing import open_empty_store, pg_test_database


@pytest.fixture(scope="session")
def pg_url() -> Iterator[str]:
    with pg_test_database("rasad_t_store") as url:
        yield url


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def store(request: pytest.FixtureRequest, tmp_path) -> Iterator[Store]:  # type: ignore[no-untyped-def]
    url = str(tmp_path / "store.sqlite") if request.param == "sqlite" else request.getfixturevalue("pg_url")
    st = open_empty_store(url)
    yield st
    st.close()
