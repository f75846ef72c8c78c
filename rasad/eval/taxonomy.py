"""Event types and their families, read from ``data/event_types.json`` (the taxonomy contract)."""

from __future__ import annotations

import json
from functools import lru_cache
from importlib import resources


@lru_cache(maxsize=1)
def _event_types() -> dict[str, dict]:
    raw = resources.files("rasad.eval").joinpath("data/event_types.json").read_text("utf-8")
    return json.loads(raw)["event_types"]


def event_types() -> tuple[str, ...]:
    return tuple(_event_types())


def sub_event_types(event_type: str) -> tuple[str, ...]:
    entry = _event_types().get(event_type)
    return tuple(entry["sub_event_types"]) if entry else ()


def family(event_type: str | None) -> str | None:
    """``violence``, ``demonstrations`` or ``strategic``; None for a missing or unknown type."""
    if event_type is None:
        return None
    entry = _event_types().get(event_type)
    return entry["family"] if entry else None


def types_in_family(name: str) -> frozenset[str]:
    return frozenset(t for t, entry in _event_types().items() if entry["family"] == name)
