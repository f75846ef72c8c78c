"""Deciding whether two coded events are reports of the same incident.

Works on event records as dicts (``Event.to_dict()`` shape), which is how the store keeps each
source's version of an event.
"""

from __future__ import annotations

import datetime as dt
import math
from typing import Any, Mapping

from rasad.fusion.config import FusionConfig

EARTH_RADIUS_KM = 6371.0088


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(h)))


def _date(value: Any) -> dt.date | None:
    if not value:
        return None
    try:
        return dt.date.fromisoformat(str(value)[:10])
    except ValueError:
        return None


def _dates_compatible(a: Mapping, b: Mapping, cfg: FusionConfig) -> tuple[bool, str]:
    da, db = _date(a.get("event_date")), _date(b.get("event_date"))
    if da is None or db is None:
        # An undated report can only be matched by something firmer than this rule set checks.
        return False, "date unknown"
    window = cfg.date_window(a.get("time_precision"), b.get("time_precision"))
    gap = abs((da - db).days)
    return gap <= window, f"dates {gap} days apart (window {window})"


def _is_precise(e: Mapping) -> bool:
    return e.get("geo_precision") == 1


def _places_compatible(a: Mapping, b: Mapping, cfg: FusionConfig) -> tuple[bool, str]:
    if a.get("country") and b.get("country") and a["country"] != b["country"]:
        return False, "different countries"
    pa, pb = a.get("place_id"), b.get("place_id")
    if pa and pb and pa == pb:
        return True, "same place"
    coarse = not (_is_precise(a) and _is_precise(b))
    if coarse and cfg.require_same_admin1_when_coarse:
        if a.get("admin1") and b.get("admin1") and a["admin1"] != b["admin1"]:
            return False, "different governorates"
    have_coords = all(isinstance(e.get(k), (int, float)) for e in (a, b) for k in ("latitude", "longitude"))
    if not have_coords:
        la, lb = a.get("location"), b.get("location")
        same = bool(la) and la == lb and a.get("admin1") == b.get("admin1")
        return same, "same location name" if same else "no coordinates to compare"
    km = haversine_km(a["latitude"], a["longitude"], b["latitude"], b["longitude"])
    if not coarse and pa and pb:
        # Two different gazetteer villages: distinct unless they are near-duplicates of one place.
        limit = min(cfg.max_km_precise, 1.0)
    else:
        limit = cfg.max_km_coarse if coarse else cfg.max_km_precise
    return km <= limit, f"{km:.1f} km apart (limit {limit:g})"


def _actors_compatible(a: Mapping, b: Mapping, cfg: FusionConfig) -> tuple[bool, str]:
    a1, a2 = cfg.canonical_actor(a.get("actor1")), cfg.canonical_actor(a.get("actor2"))
    b1, b2 = cfg.canonical_actor(b.get("actor1")), cfg.canonical_actor(b.get("actor2"))

    def agree(x: str | None, y: str | None) -> bool:
        return x is None or y is None or x == y

    if agree(a1, b1) and agree(a2, b2):
        return True, "actors agree"
    # A swap needs one actor named on both sides in the other role; "unknown" alone would let any
    # two one-actor events (IS attacks vs SDF attacks) pass as swapped.
    named_swap = (a1 is not None and a1 == b2) or (a2 is not None and a2 == b1)
    if cfg.allow_swapped_actors and agree(a1, b2) and agree(a2, b1) and named_swap:
        return True, "actors agree (roles swapped)"
    return False, f"actors differ ({a1} / {a2} vs {b1} / {b2})"


def same_incident(a: Mapping, b: Mapping, cfg: FusionConfig) -> tuple[bool, str]:
    """True when ``a`` and ``b`` report one incident; the reason says which rule decided."""
    fa, fb = cfg.family(a.get("event_type")), cfg.family(b.get("event_type"))
    if fa is None or fb is None or fa != fb:
        return False, f"event type families differ ({fa} vs {fb})"
    for check in (_dates_compatible, _places_compatible, _actors_compatible):
        ok, why = check(a, b, cfg)
        if not ok:
            return False, why
    return True, "same incident"
