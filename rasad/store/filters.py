"""The event filters shared by the API, the exports and the CLI, and their translation to SQL.

Values arrive as strings from query parameters or options; ``EventFilters.parse`` checks them
and says what is wrong in a user-facing :class:`InputError`.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, fields
from typing import Any, Mapping

import sqlalchemy as sa

from rasad.record import InputError
from rasad.store.models import EventRow, EventSourceRow
from rasad.text.normalize import fold_raw

REVIEW_STATES = ("unreviewed", "confirmed", "corrected", "rejected")
SORT_KEYS = {
    "event_date": EventRow.event_date, "fatalities": EventRow.fatalities, "confidence": EventRow.confidence,
    "updated_at": EventRow.updated_at, "event_id": EventRow.id,
}


def like_pattern(text: str) -> str:
    """A LIKE pattern matching ``text`` literally anywhere (``%``/``_`` escaped with ``\\``)."""
    escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def search_key(text: str) -> str:
    """What the ``q`` filter compares: Arabic letter variants unified, Latin lower-cased."""
    return fold_raw(text).lower()


def _date(name: str, value: str | None) -> str | None:
    if value in (None, ""):
        return None
    try:
        return dt.date.fromisoformat(str(value)).isoformat()
    except ValueError:
        raise InputError(f"{name}={value!r} is not a date: use YYYY-MM-DD, e.g. 2022-12-05") from None


def _bbox(value: str | None) -> tuple[float, float, float, float] | None:
    if value in (None, ""):
        return None
    parts = str(value).split(",")
    try:
        minlon, minlat, maxlon, maxlat = (float(p) for p in parts)
    except ValueError:
        raise InputError(f"bbox={value!r} must be four numbers: minlon,minlat,maxlon,maxlat") from None
    if not (-180 <= minlon <= maxlon <= 180 and -90 <= minlat <= maxlat <= 90):
        raise InputError(f"bbox={value!r} is not a box: need -180<=minlon<=maxlon<=180 and -90<=minlat<=maxlat<=90")
    return minlon, minlat, maxlon, maxlat


@dataclass(frozen=True)
class EventFilters:
    start: str | None = None
    end: str | None = None
    event_type: str | None = None
    sub_event_type: str | None = None
    actor: str | None = None
    admin1: str | None = None
    admin2: str | None = None
    bbox: tuple[float, float, float, float] | None = None
    q: str | None = None
    min_confidence: float | None = None
    review_state: str | None = None
    article_id: str | None = None

    @classmethod
    def parse(cls, raw: Mapping[str, Any]) -> "EventFilters":
        values = {f.name: raw.get(f.name) for f in fields(cls)}
        values = {k: (v.strip() if isinstance(v, str) else v) or None for k, v in values.items()}
        values["start"] = _date("start", values["start"])
        values["end"] = _date("end", values["end"])
        if values["start"] and values["end"] and values["start"] > values["end"]:
            raise InputError(f"start {values['start']} is after end {values['end']}")
        values["bbox"] = _bbox(values["bbox"]) if not isinstance(values["bbox"], tuple) else values["bbox"]
        if values["min_confidence"] is not None:
            try:
                values["min_confidence"] = float(values["min_confidence"])
            except ValueError:
                raise InputError(f"min_confidence={values['min_confidence']!r} must be a number from 0 to 1") from None
            if not 0 <= values["min_confidence"] <= 1:
                raise InputError("min_confidence must be between 0 and 1")
        if values["review_state"] is not None and values["review_state"] not in REVIEW_STATES:
            raise InputError(f"review_state={values['review_state']!r}: use one of {', '.join(REVIEW_STATES)}")
        for name in ("q", "actor", "event_type", "sub_event_type", "admin1", "admin2", "article_id"):
            if values[name] is not None and len(values[name]) > 500:
                raise InputError(f"{name} is too long (500 characters at most)")
            if values[name] is not None and "\x00" in values[name]:
                raise InputError(f"{name} contains a NUL character")
        return cls(**values)

    def where(self, has_geometry: bool = False, has_trigram_search: bool = False) -> list[sa.ColumnElement[bool]]:
        clauses: list[sa.ColumnElement[bool]] = []
        if self.start:
            clauses.append(EventRow.event_date >= self.start)
        if self.end:
            clauses.append(EventRow.event_date <= self.end)
        if self.event_type:
            clauses.append(EventRow.event_type == self.event_type)
        if self.sub_event_type:
            clauses.append(EventRow.sub_event_type == self.sub_event_type)
        if self.actor:
            pattern = like_pattern(self.actor.lower())
            clauses.append(sa.or_(
                sa.func.lower(EventRow.actor1).like(pattern, escape="\\"),
                sa.func.lower(EventRow.actor2).like(pattern, escape="\\"),
            ))
        if self.admin1:
            clauses.append(EventRow.admin1 == self.admin1)
        if self.admin2:
            clauses.append(EventRow.admin2 == self.admin2)
        if self.bbox:
            minlon, minlat, maxlon, maxlat = self.bbox
            if has_geometry:
                clauses.append(sa.text("events.geom && ST_MakeEnvelope(:minlon, :minlat, :maxlon, :maxlat, 4326)").bindparams(
                    minlon=minlon, minlat=minlat, maxlon=maxlon, maxlat=maxlat))
            else:
                clauses.append(EventRow.latitude.between(minlat, maxlat))
                clauses.append(EventRow.longitude.between(minlon, maxlon))
        if self.q:
            key = search_key(self.q)
            if has_trigram_search and not any(c in key for c in "%_\\"):
                # FTS5 serves LIKE from its trigram index only without an ESCAPE clause, so only
                # queries free of LIKE's special characters take this path.
                clauses.append(sa.text(
                    "events.id IN (SELECT s.event_id FROM event_search s WHERE s.seq IN "
                    "(SELECT rowid FROM event_search_fts WHERE event_search_fts.search_text LIKE :fts_pattern))"
                ).bindparams(fts_pattern=f"%{key}%"))
            else:
                clauses.append(EventRow.search_text.like(like_pattern(key), escape="\\"))
        if self.min_confidence is not None:
            clauses.append(EventRow.confidence >= self.min_confidence)
        if self.review_state:
            clauses.append(EventRow.review_state == self.review_state)
        if self.article_id:
            clauses.append(EventRow.id.in_(sa.select(EventSourceRow.event_id).where(EventSourceRow.article_id == self.article_id)))
        return clauses


def order_by(sort: str | None) -> list[sa.ColumnElement[Any]]:
    """``event_date`` ascending, ``-event_date`` descending (the default), etc.; id breaks ties."""
    sort = (sort or "-event_date").strip()
    descending = sort.startswith("-")
    key = sort.lstrip("-")
    column = SORT_KEYS.get(key)
    if column is None:
        raise InputError(f"sort={sort!r}: use one of {', '.join(SORT_KEYS)}, with '-' in front for descending")
    primary = (column.desc() if descending else column.asc()).nulls_last()
    tie = EventRow.id.desc() if descending else EventRow.id.asc()
    return [primary, tie]
