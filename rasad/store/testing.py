"""A throwaway PostgreSQL database per test session, so test runs sharing one server (several
people's runs on one machine) never truncate each other's tables."""

from __future__ import annotations

import os
import secrets
from contextlib import contextmanager
from typing import Iterator

import sqlalchemy as sa


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
