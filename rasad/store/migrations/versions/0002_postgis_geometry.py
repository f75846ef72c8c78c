"""PostGIS point geometry for events, where the extension is available

On PostgreSQL with PostGIS, ``events.geom`` is a generated point column with a GiST index, so
bounding-box filters use the spatial index. Elsewhere (SQLite, PostgreSQL without PostGIS) this
migration does nothing and the store filters on the indexed latitude/longitude columns.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-25
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def _postgis_installed(bind: sa.engine.Connection) -> bool:
    available = bind.exec_driver_sql("SELECT 1 FROM pg_available_extensions WHERE name = 'postgis'").scalar()
    if not available:
        return False
    try:
        with bind.begin_nested():
            bind.exec_driver_sql("CREATE EXTENSION IF NOT EXISTS postgis")
    except sa.exc.DBAPIError:
        return False  # not allowed to create extensions: plain lat/lon it is
    return True


def upgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name != "postgresql" or not _postgis_installed(bind):
        return
    bind.exec_driver_sql(
        "ALTER TABLE events ADD COLUMN IF NOT EXISTS geom geometry(Point, 4326) GENERATED ALWAYS AS "
        "(CASE WHEN longitude IS NOT NULL AND latitude IS NOT NULL "
        "THEN ST_SetSRID(ST_MakePoint(longitude, latitude), 4326) END) STORED"
    )
    bind.exec_driver_sql("CREATE INDEX IF NOT EXISTS ix_events_geom ON events USING gist (geom)")


def downgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name == "postgresql":
        bind.exec_driver_sql("DROP INDEX IF EXISTS ix_events_geom")
        bind.exec_driver_sql("ALTER TABLE events DROP COLUMN IF EXISTS geom")
