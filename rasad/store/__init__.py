"""The event store (SQLite by default, PostgreSQL/PostGIS by URL). See :mod:`rasad.store.store`."""

from rasad.store.engine import default_store_url
from rasad.store.filters import REVIEW_STATES, EventFilters
from rasad.store.store import LoadResult, NotFoundError, Page, SaveResult, Store, open_store

__all__ = [
    "REVIEW_STATES", "EventFilters", "LoadResult", "NotFoundError", "Page", "SaveResult", "Store",
    "default_store_url", "open_store",
]
