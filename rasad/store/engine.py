"""Connecting to a store URL and bringing its schema up to date with the bundled migrations."""

from __future__ import annotations

import os
from pathlib import Path

import sqlalchemy as sa
from alembic import command
from alembic.config import Config
from alembic.util.exc import CommandError as AlembicCommandError

from rasad.record import InputError

MIGRATIONS_DIR = Path(__file__).with_name("migrations")


def default_store_url() -> str:
    """``RASAD_DB`` (a path or a URL) or ``./rasad.sqlite``."""
    configured = os.environ.get("RASAD_DB", "").strip()
    if "://" in configured:
        return configured
    return "sqlite:///" + str(Path(configured or "rasad.sqlite").expanduser().resolve())


def normalise_url(url: str | None) -> str:
    if not url:
        return default_store_url()
    if "://" not in url:  # a bare path is a SQLite file
        return "sqlite:///" + str(Path(url).expanduser().resolve())
    if url.startswith("postgresql://") or url.startswith("postgres://"):
        return "postgresql+psycopg://" + url.split("://", 1)[1]
    return url


def _sqlite_pragmas(dbapi_connection, _record) -> None:  # type: ignore[no-untyped-def]
    cursor = dbapi_connection.cursor()
    # WAL: readers (the API) never block the writer (ingest); NORMAL sync is durable in WAL mode
    # except for the last transactions on power loss, never corrupting, which suits a local store.
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA busy_timeout=30000")
    cursor.close()


def make_engine(url: str) -> sa.Engine:
    try:
        parsed = sa.engine.make_url(url)
    except sa.exc.ArgumentError:
        raise InputError(f"invalid store URL {url!r}: use a file path, sqlite:///PATH or postgresql://USER@HOST/DB") from None
    backend = parsed.get_backend_name()
    if backend == "sqlite":
        database = parsed.database or ""
        if database and database != ":memory:":
            folder = Path(database).parent
            if not folder.is_dir():
                raise InputError(f"cannot create the store {database}: folder {folder} does not exist")
        engine = sa.create_engine(url, connect_args={"check_same_thread": False, "timeout": 30})
        sa.event.listen(engine, "connect", _sqlite_pragmas)
        return engine
    if backend == "postgresql":
        try:
            return sa.create_engine(url, pool_pre_ping=True, pool_size=10, max_overflow=10)
        except ModuleNotFoundError:
            raise InputError("PostgreSQL stores need psycopg: pip install 'rasad[postgres]'") from None
    raise InputError(f"unsupported store back-end {backend!r}: use SQLite (a path) or PostgreSQL")


def upgrade_schema(engine: sa.Engine) -> None:
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    where = engine.url.render_as_string(hide_password=True)
    try:
        with engine.begin() as connection:
            cfg.attributes["connection"] = connection
            command.upgrade(cfg, "head")
    except sa.exc.DBAPIError as exc:  # unreachable server, wrong password, not a database file...
        raise InputError(f"cannot open the store {where}: {str(exc.orig).strip().splitlines()[0]}") from None
    except AlembicCommandError as exc:
        raise InputError(f"the store {where} has a schema this version of rasad does not know ({exc}); "
                         "upgrade rasad or use another store") from None


def has_geometry_column(engine: sa.Engine) -> bool:
    if engine.dialect.name != "postgresql":
        return False
    with engine.connect() as conn:
        found = conn.execute(sa.text(
            "SELECT 1 FROM information_schema.columns WHERE table_name = 'events' AND column_name = 'geom' "
            "AND table_schema = current_schema()")).scalar()
    return bool(found)


def has_trigram_search(engine: sa.Engine) -> bool:
    """Whether migration 0006 built the SQLite trigram index for ``q``."""
    if engine.dialect.name != "sqlite":
        return False
    with engine.connect() as conn:
        return bool(conn.execute(sa.text("SELECT 1 FROM sqlite_master WHERE name = 'event_search_fts'")).scalar())
