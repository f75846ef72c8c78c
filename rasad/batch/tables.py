"""Arrow schemas of a batch OUTPUT and the conversion of records to and from their rows.

``events``: one row per event, ``article_id`` and ``event_index`` first, then every key of
``Event.to_dict()`` in ``EVENT_KEYS`` order. List fields (``assoc_actor_1``, ``assoc_actor_2``,
``weapons``, ``article_ids``) are ``list<string>`` columns; ``evidence`` (a mapping of field name
to a list of spans) is a JSON string, because its keys vary from event to event.

``status``: one row per input record: where it came from, ``ok`` / ``skipped`` / ``failed``,
the reason, the number of events and the extraction warnings.

``articles``: one row per article read successfully (``ok``), its metadata and text, so that
``rasad load`` can store articles beside their events without the input files.
"""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

import pyarrow as pa

from rasad.record import EVENT_KEYS, Article, Event, Evidence

_STR_LIST = pa.list_(pa.string())

_EVENT_TYPES: dict[str, pa.DataType] = {
    "event_id": pa.string(), "event_date": pa.string(), "time_precision": pa.int32(),
    "disorder_type": pa.string(), "event_type": pa.string(), "sub_event_type": pa.string(),
    "actor1": pa.string(), "actor2": pa.string(), "assoc_actor_1": _STR_LIST,
    "assoc_actor_2": _STR_LIST, "inter1": pa.int32(), "inter2": pa.int32(),
    "interaction": pa.int32(), "civilian_targeting": pa.bool_(), "country": pa.string(),
    "iso": pa.int32(), "admin1": pa.string(), "admin2": pa.string(), "admin3": pa.string(),
    "location": pa.string(), "location_ar": pa.string(), "latitude": pa.float64(),
    "longitude": pa.float64(), "geo_precision": pa.int32(), "place_id": pa.string(),
    "fatalities": pa.int32(), "injuries": pa.int32(), "weapons": _STR_LIST, "notes": pa.string(),
    "source": pa.string(), "source_url": pa.string(), "article_ids": _STR_LIST,
    "language": pa.string(), "evidence": pa.string(), "confidence": pa.float64(),
}
assert set(_EVENT_TYPES) == set(EVENT_KEYS), "events schema must cover EVENT_KEYS exactly"

EVENTS_SCHEMA = pa.schema(
    [("article_id", pa.string()), ("event_index", pa.int32())]
    + [(k, _EVENT_TYPES[k]) for k in EVENT_KEYS]
)

STATUS_SCHEMA = pa.schema([
    ("partition", pa.string()),
    ("input", pa.string()),
    ("offset", pa.int64()),
    ("article_id", pa.string()),
    ("status", pa.string()),
    ("reason", pa.string()),
    ("events", pa.int32()),
    ("warnings", _STR_LIST),
])

ARTICLES_SCHEMA = pa.schema([
    ("article_id", pa.string()),
    ("title", pa.string()),
    ("url", pa.string()),
    ("source", pa.string()),
    ("published", pa.date32()),
    ("language", pa.string()),
    ("encoding_note", pa.string()),
    ("text", pa.string()),
])


_LIST_KEYS = ("assoc_actor_1", "assoc_actor_2", "weapons", "article_ids")


def event_dict(event: Event) -> dict[str, Any]:
    """Exactly ``event.to_dict()``, without ``dataclasses.asdict``'s recursive deep copy, which
    costs about a tenth of a batch worker's time."""
    row = {k: getattr(event, k) for k in EVENT_KEYS}
    for k in _LIST_KEYS:
        row[k] = list(row[k])
    row["evidence"] = {
        name: [{"article_id": e.article_id, "start": e.start, "end": e.end, "text": e.text} for e in spans]
        for name, spans in event.evidence.items()
    }
    return row


def event_row(article_id: str, index: int, event: Event) -> dict[str, Any]:
    row = event_dict(event)
    row["evidence"] = json.dumps(row["evidence"], ensure_ascii=False, sort_keys=True)
    row["article_id"] = article_id
    row["event_index"] = index
    return row


def event_from_row(row: dict[str, Any]) -> Event:
    fields = {k: row[k] for k in EVENT_KEYS if k != "evidence"}
    for k in _LIST_KEYS:
        fields[k] = list(fields[k] or [])
    event = Event(**fields)
    evidence = json.loads(row["evidence"]) if row.get("evidence") else {}
    event.evidence = {name: [Evidence(**span) for span in spans] for name, spans in evidence.items()}
    return event


def article_row(article: Article) -> dict[str, Any]:
    return {
        "article_id": article.id, "title": article.title, "url": article.url,
        "source": article.source, "published": article.published, "language": article.language,
        "encoding_note": article.encoding_note, "text": article.text,
    }


def article_from_row(row: dict[str, Any]) -> Article:
    published = row.get("published")
    if isinstance(published, dt.datetime):
        published = published.date()
    return Article(
        text=row["text"], id=row["article_id"], title=row.get("title"), url=row.get("url"),
        source=row.get("source"), published=published, language=row.get("language"),
        encoding_note=row.get("encoding_note"),
    )


def to_table(rows: list[dict[str, Any]], schema: pa.Schema) -> pa.Table:
    return pa.Table.from_pylist(rows, schema=schema)
