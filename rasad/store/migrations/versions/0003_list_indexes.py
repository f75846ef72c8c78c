"""Composite indexes for the event list's common filters, newest first

With 100,000 events, filtering by event type or governorate and sorting by date scanned and
sorted every matching row; these indexes let SQLite and PostgreSQL walk rows in date order and
count them from the index (figures in bench/README.md).

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-25
"""

from __future__ import annotations

from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

INDEXES = {
    "ix_events_type_date": ["event_type", "event_date"],
    "ix_events_admin1_date": ["admin1", "event_date"],
    "ix_events_admin1_type_date": ["admin1", "event_type", "event_date"],
}


def upgrade() -> None:
    for name, columns in INDEXES.items():
        op.create_index(name, "events", columns)


def downgrade() -> None:
    for name in INDEXES:
        op.drop_index(name, table_name="events")
