"""Turning store rows into the records the API and exports serve."""

from __future__ import annotations

from typing import Any

from rasad.record import EVENT_KEYS
from rasad.store.models import ArticleRow, EventRow
from rasad.store.filters import search_key

# Event columns written from a fused record (everything in EVENT_KEYS the events table holds).
STORED_EVENT_FIELDS = tuple(k for k in EVENT_KEYS if k not in ("event_id", "evidence", "article_ids"))


def event_summary(row: EventRow) -> dict[str, Any]:
    """The event record without evidence, plus ``review_state`` and ``source_count`` (list views)."""
    record: dict[str, Any] = {"event_id": row.id}
    for name in STORED_EVENT_FIELDS:
        value = getattr(row, name)
        record[name] = list(value) if isinstance(value, list) else value
    record["article_ids"] = list(row.article_ids or [])
    ordered = {k: record[k] for k in EVENT_KEYS if k != "evidence"}
    ordered["review_state"] = row.review_state
    ordered["source_count"] = row.source_count
    return ordered


def article_record(row: ArticleRow, event_ids: list[str] | None = None, with_text: bool = True) -> dict[str, Any]:
    record: dict[str, Any] = {
        "id": row.id, "title": row.title, "url": row.url, "source": row.source,
        "published": row.published.isoformat() if row.published else None,
        "language": row.language,
    }
    if with_text:
        record["text"] = row.text
    if event_ids is not None:
        record["event_ids"] = event_ids
    return record


def search_text_of(record: dict[str, Any], titles: list[str]) -> str:
    parts = [
        record.get(k) or "" for k in (
            "notes", "location", "location_ar", "admin1", "admin2", "admin3", "actor1", "actor2",
            "event_type", "sub_event_type", "source",
        )
    ]
    parts += record.get("assoc_actor_1") or []
    parts += record.get("assoc_actor_2") or []
    parts += record.get("weapons") or []
    parts += titles
    return search_key(" | ".join(p for p in parts if p))
