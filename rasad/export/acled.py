"""Event records as rows of ACLED's CSV export: ACLED's columns, in ACLED's order."""

from __future__ import annotations

import datetime as dt
from typing import Any, Mapping

ACLED_COLUMNS = (
    "event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type",
    "sub_event_type", "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2",
    "interaction", "civilian_targeting", "iso", "region", "country", "admin1", "admin2", "admin3",
    "location", "latitude", "longitude", "geo_precision", "source", "source_scale", "notes",
    "fatalities", "tags", "timestamp",
)
# ACLED's region for every country rasad's gazetteer covers (Syria, Iraq, Lebanon, Jordan).
REGION_OF_COUNTRY = {"Syria": "Middle East", "Iraq": "Middle East", "Lebanon": "Middle East", "Jordan": "Middle East",
                     "Turkey": "Middle East", "Israel": "Middle East", "Palestine": "Middle East"}


# Spreadsheets run a cell that starts with one of these as a formula; text read from articles
# (notes, names, sources) must never do that (OWASP "CSV injection").
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def _cell(value: Any) -> Any:
    if value is None:
        return ""
    if isinstance(value, str) and value.startswith(_FORMULA_STARTS):
        return "'" + value
    return value


def acled_row(record: Mapping[str, Any], updated_at: dt.datetime | None = None) -> list[Any]:
    """One CSV row. ``assoc_actor_*`` are joined with ``; `` as ACLED does; ``civilian_targeting``
    is ``Civilian targeting`` or empty; ``timestamp`` is the Unix time of the last change. Text
    that a spreadsheet would run as a formula gets a leading apostrophe."""
    date = record.get("event_date") or ""
    country = record.get("country")
    stamp = updated_at or record.get("updated_at") or dt.datetime.now(dt.timezone.utc)
    if isinstance(stamp, str):
        stamp = dt.datetime.fromisoformat(stamp.replace("Z", "+00:00"))
    values = {
        "event_id_cnty": record.get("event_id"),
        "event_date": date,
        "year": date[:4] if date else "",
        "time_precision": record.get("time_precision"),
        "disorder_type": record.get("disorder_type"),
        "event_type": record.get("event_type"),
        "sub_event_type": record.get("sub_event_type"),
        "actor1": record.get("actor1"),
        "assoc_actor_1": "; ".join(record.get("assoc_actor_1") or []),
        "inter1": record.get("inter1"),
        "actor2": record.get("actor2"),
        "assoc_actor_2": "; ".join(record.get("assoc_actor_2") or []),
        "inter2": record.get("inter2"),
        "interaction": record.get("interaction"),
        "civilian_targeting": "Civilian targeting" if record.get("civilian_targeting") else "",
        "iso": record.get("iso"),
        "region": REGION_OF_COUNTRY.get(country or "", ""),
        "country": country,
        "admin1": record.get("admin1"),
        "admin2": record.get("admin2"),
        "admin3": record.get("admin3"),
        "location": record.get("location"),
        "latitude": record.get("latitude"),
        "longitude": record.get("longitude"),
        "geo_precision": record.get("geo_precision"),
        "source": record.get("source"),
        "source_scale": "",  # rasad does not know a publisher's reach
        "notes": record.get("notes"),
        "fatalities": record.get("fatalities") or 0,
        "tags": "",
        "timestamp": int(stamp.replace(tzinfo=stamp.tzinfo or dt.timezone.utc).timestamp()),
    }
    return [_cell(values[c]) for c in ACLED_COLUMNS]
