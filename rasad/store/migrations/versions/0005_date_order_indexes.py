"""Indexes matching the event list's date order, on PostgreSQL

The list sorts by ``event_date`` with NULL dates last and the id as tie-breaker. PostgreSQL can
only walk an index in that order when the index is declared in it (a plain ascending index read
backwards puts NULLs first), otherwise it sorts every matching row for each page. SQLite already
reads its date index in this order (NULLs sort lowest there), so this is PostgreSQL only.

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-25
"""

from __future__ import annotations

from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name != "postgresql":
        return
    bind.exec_driver_sql("CREATE INDEX IF NOT EXISTS ix_events_date_id_desc ON events (event_date DESC NULLS LAST, id DESC)")
    bind.exec_driver_sql("CREATE INDEX IF NOT EXISTS ix_events_date_id_asc ON events (event_date ASC NULLS LAST, id ASC)")


def downgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name == "postgresql":
        bind.exec_driver_sql("DROP INDEX IF EXISTS ix_events_date_id_desc")
        bind.exec_driver_sql("DROP INDEX IF EXISTS ix_events_date_id_asc")
