"""Trigram index for the text search on PostgreSQL

``q`` is a substring match (``LIKE '%…%'``) on ``events.search_text``; a pg_trgm GIN index lets
PostgreSQL answer it without scanning every event. Without the extension (or on SQLite) the
search stays a scan (see docs/store-and-api.md).

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-25
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name != "postgresql":
        return
    if not bind.exec_driver_sql("SELECT 1 FROM pg_available_extensions WHERE name = 'pg_trgm'").scalar():
        return
    try:
        with bind.begin_nested():
            bind.exec_driver_sql("CREATE EXTENSION IF NOT EXISTS pg_trgm")
    except sa.exc.DBAPIError:
        return
    bind.exec_driver_sql("CREATE INDEX IF NOT EXISTS ix_events_search_trgm ON events USING gin (search_text gin_trgm_ops)")


def downgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name == "postgresql":
        bind.exec_driver_sql("DROP INDEX IF EXISTS ix_events_search_trgm")
