"""The article and event records: the contract of ``shared/docs/event-schema.md``.

Everything downstream (store, API, exports, eval, batch) reads and writes these shapes. An event
serialises with every key present, unknown values as ``None``.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import asdict, dataclass, field
from typing import Any

EVENT_KEYS = (
    "event_id", "event_date", "time_precision", "disorder_type", "event_type", "sub_event_type",
    "actor1", "actor2", "assoc_actor_1", "assoc_actor_2", "inter1", "inter2", "interaction",
    "civilian_targeting", "country", "iso", "admin1", "admin2", "admin3", "location",
    "location_ar", "latitude", "longitude", "geo_precision", "place_id", "fatalities", "injuries",
    "weapons", "notes", "source", "source_url", "article_ids", "language", "evidence", "confidence",
)


class InputError(ValueError):
    """A user-facing problem with input: the message says what is wrong and what to do."""


@dataclass
class Article:
    text: str
    id: str = ""
    title: str | None = None
    url: str | None = None
    source: str | None = None
    published: dt.date | None = None
    language: str | None = None
    encoding_note: str | None = None  # e.g. "decoded from windows-1256"

    def __post_init__(self) -> None:
        if not self.id:
            self.id = "a-" + hashlib.sha1(self.text.encode("utf-8")).hexdigest()[:16]

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> "Article":
        if not isinstance(d, dict):
            raise InputError("an article record must be a JSON object with at least a 'text' key")
        text = d.get("text")
        if not isinstance(text, str) or not text.strip():
            raise InputError("article record has no 'text' (a non-empty string is required)")
        published = d.get("published")
        return cls(
            text=text,
            id=str(d.get("id") or ""),
            title=d.get("title"),
            url=d.get("url"),
            source=d.get("source"),
            published=parse_published(published) if published else None,
            language=d.get("language"),
        )

    def to_dict(self) -> dict[str, Any]:
        d = asdict(self)
        d["published"] = self.published.isoformat() if self.published else None
        return d


def parse_published(value: Any) -> dt.date:
    """Accept ``YYYY-MM-DD`` or ISO 8601 date-time; raise InputError otherwise."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    s = str(value).strip()
    try:
        if len(s) == 10:
            return dt.date.fromisoformat(s)
        return dt.datetime.fromisoformat(s.replace("Z", "+00:00")).date()
    except ValueError:
        raise InputError(f"invalid publication date {s!r}: use YYYY-MM-DD, e.g. 2022-12-05") from None


@dataclass(frozen=True)
class Evidence:
    article_id: str
    start: int  # offsets into the ORIGINAL article text
    end: int
    text: str


@dataclass
class Event:
    event_date: str | None = None
    time_precision: int | None = None
    disorder_type: str | None = None
    event_type: str | None = None
    sub_event_type: str | None = None
    actor1: str | None = None
    actor2: str | None = None
    assoc_actor_1: list[str] = field(default_factory=list)
    assoc_actor_2: list[str] = field(default_factory=list)
    inter1: int | None = None
    inter2: int | None = None
    interaction: int | None = None
    civilian_targeting: bool = False
    country: str | None = None
    iso: int | None = None
    admin1: str | None = None
    admin2: str | None = None
    admin3: str | None = None
    location: str | None = None
    location_ar: str | None = None
    latitude: float | None = None
    longitude: float | None = None
    geo_precision: int | None = None
    place_id: str | None = None
    fatalities: int = 0
    injuries: int | None = None
    weapons: list[str] = field(default_factory=list)
    notes: str = ""
    source: str | None = None
    source_url: str | None = None
    article_ids: list[str] = field(default_factory=list)
    language: str | None = None
    evidence: dict[str, list[Evidence]] = field(default_factory=dict)
    confidence: float = 0.0
    event_id: str = ""

    def add_evidence(self, name: str, ev: Evidence) -> None:
        bucket = self.evidence.setdefault(name, [])
        if ev not in bucket:
            bucket.append(ev)

    def to_dict(self) -> dict[str, Any]:
        d = asdict(self)
        d["evidence"] = {k: [asdict(e) for e in v] for k, v in self.evidence.items()}
        return {k: d[k] for k in EVENT_KEYS}


def interaction_code(inter1: int | None, inter2: int | None) -> int | None:
    if inter1 is None:
        return None
    if inter2 is None:
        return inter1 * 10
    a, b = sorted((inter1, inter2))
    return a * 10 + b
