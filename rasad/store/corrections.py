"""Checking a reviewer's field corrections before they reach the store.

Every value is checked against the event schema (``shared/docs/event-schema.md``) and the
taxonomy, so a typo in the UI becomes a clear 4xx, never a silently wrong event.
"""

from __future__ import annotations

import datetime as dt
import json
from functools import lru_cache
from importlib import resources
from typing import Any, Mapping

from rasad.eval import taxonomy
from rasad.record import EVENT_KEYS, InputError, interaction_code

# Derived from the sources, not opinions about the incident: a reviewer changes them with merge
# or split instead.
NOT_EDITABLE = frozenset({"event_id", "evidence", "article_ids"})
EDITABLE_FIELDS = tuple(k for k in EVENT_KEYS if k not in NOT_EDITABLE)

_OPTIONAL_TEXT = {
    "actor1", "actor2", "country", "admin1", "admin2", "admin3", "location", "location_ar",
    "place_id", "source", "source_url", "disorder_type", "event_type", "sub_event_type",
}
_TEXT_LISTS = {"assoc_actor_1", "assoc_actor_2", "weapons"}
_RANGES: dict[str, tuple[int, int]] = {
    "time_precision": (1, 3), "geo_precision": (1, 3), "inter1": (1, 8), "inter2": (1, 8),
    "interaction": (10, 88), "iso": (1, 999),
}
# Fields taken as given once they have the right type: name -> (type, what the message asks for).
_TYPED: dict[str, tuple[type, str]] = {"civilian_targeting": (bool, "true or false"), "notes": (str, "a string")}


@lru_cache(maxsize=1)
def _rules() -> dict[str, Any]:
    return json.loads(resources.files("rasad.store").joinpath("review_rules.json").read_text("utf-8"))


def _check_value(name: str, value: Any) -> Any:
    if name in _OPTIONAL_TEXT:
        if value is None:
            return None
        if not isinstance(value, str) or not value.strip():
            raise InputError(f"{name} must be a non-empty string or null")
        return value.strip()
    if name in _TEXT_LISTS:
        if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
            raise InputError(f"{name} must be a list of non-empty strings")
        return [v.strip() for v in value]
    if name == "event_date":
        if value is None:
            return None
        try:
            return dt.date.fromisoformat(str(value)).isoformat()
        except ValueError:
            raise InputError(f"event_date {value!r} is not a date: use YYYY-MM-DD") from None
    if name in _RANGES or name in ("fatalities", "injuries"):
        if value is None and name != "fatalities":
            return None
        if isinstance(value, bool) or not isinstance(value, int):
            raise InputError(f"{name} must be a whole number")
        low, high = _RANGES.get(name, (0, 1_000_000))
        if not low <= value <= high:
            raise InputError(f"{name} must be between {low} and {high}, got {value}")
        return value
    if name in ("latitude", "longitude"):
        if value is None:
            return None
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            raise InputError(f"{name} must be a number")
        limit = 90 if name == "latitude" else 180
        if not -limit <= value <= limit:
            raise InputError(f"{name} must be between -{limit} and {limit}")
        return float(value)
    if name in _TYPED:
        kind, what = _TYPED[name]
        if not isinstance(value, kind):
            raise InputError(f"{name} must be {what}")
        return value
    if name == "confidence":
        if isinstance(value, bool) or not isinstance(value, (int, float)) or not 0 <= value <= 1:
            raise InputError("confidence must be a number from 0 to 1")
        return float(value)
    if name == "language":
        if value not in (None, "ar", "en"):
            raise InputError("language must be 'ar', 'en' or null")
        return value
    raise InputError(f"{name} cannot be corrected")  # pragma: no cover - EDITABLE_FIELDS is exhaustive


def check_changes(changes: Any, current: Mapping[str, Any]) -> dict[str, Any]:
    """The validated changes, plus the fields they imply (disorder type, interaction code)."""
    if not isinstance(changes, dict) or not changes:
        raise InputError("a correction needs 'changes': an object of field -> new value")
    unknown = sorted(set(changes) - set(EDITABLE_FIELDS))
    if unknown:
        raise InputError(f"cannot correct {', '.join(unknown)}: editable fields are {', '.join(EDITABLE_FIELDS)}")
    checked = {name: _check_value(name, value) for name, value in changes.items()}
    event_type = checked.get("event_type", current.get("event_type"))
    if "event_type" in checked and event_type is not None and event_type not in taxonomy.event_types():
        raise InputError(f"event_type {event_type!r} is not in the taxonomy: use one of {', '.join(taxonomy.event_types())}")
    sub_event_type = checked.get("sub_event_type", current.get("sub_event_type"))
    if ("sub_event_type" in checked or "event_type" in checked) and sub_event_type is not None:
        allowed = taxonomy.sub_event_types(event_type) if event_type else ()
        if sub_event_type not in allowed:
            raise InputError(
                f"sub_event_type {sub_event_type!r} does not belong to event type {event_type!r}: "
                f"use one of {', '.join(allowed) or '(set event_type first)'}"
            )
    rules = _rules()
    if "disorder_type" in checked and checked["disorder_type"] not in (None, *rules["disorder_types"]):
        raise InputError(f"disorder_type must be one of {', '.join(rules['disorder_types'])}")
    if "event_type" in checked and "disorder_type" not in checked:
        implied = rules["disorder_type_of_event_type"].get(event_type)
        if implied:
            checked["disorder_type"] = implied
    if ("inter1" in checked or "inter2" in checked) and "interaction" not in checked:
        checked["interaction"] = interaction_code(
            checked.get("inter1", current.get("inter1")), checked.get("inter2", current.get("inter2"))
        )
    return checked
