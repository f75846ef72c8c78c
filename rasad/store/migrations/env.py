"""Alembic environment: migrations run on the connection the store hands over (see
``rasad.store.engine.upgrade``); there is no alembic.ini, the package carries everything."""

from __future__ import annotations

from alembic import context

from rasad.store.models import Base

config = context.config
connection = config.attributes.get("connection")
if connection is None:
    raise RuntimeError("run rasad migrations through rasad.store.open_store(), which passes a connection")

context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    render_as_batch=connection.dialect.name == "sqlite",  # SQLite alters tables by copying them
)
with context.begin_transaction():
    context.run_migrations()
