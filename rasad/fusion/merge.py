"""Combining several reports of one incident into one event record."""

from __future__ import annotations

from typing import Any, Mapping, Sequence

PLACE_FIELDS = (
    "country", "iso", "admin1", "admin2", "admin3", "location", "location_ar",
    "latitude", "longitude", "geo_precision", "place_id",
)
DATE_FIELDS = ("event_date", "time_precision")
CODING_FIELDS = (
    "disorder_type", "event_type", "sub_event_type", "actor1", "actor2", "inter1", "inter2",
    "interaction", "civilian_targeting", "notes", "language",
)


def _union(lists: Sequence[Sequence[Any]], exclude: set[Any] = frozenset()) -> list[Any]:
    seen: list[Any] = []
    for values in lists:
        for v in values or ():
            if v not in seen and v not in exclude:
                seen.append(v)
    return seen


def _most_precise(records: Sequence[Mapping], precision_key: str) -> Mapping:
    # Missing precision sorts last; among equals the earlier (primary-first) record wins.
    return min(records, key=lambda r: r.get(precision_key) or 99)


def fuse_records(records: Sequence[Mapping[str, Any]]) -> dict[str, Any]:
    """One event from the sources' versions of it (earliest arrival first).

    The most confident report supplies the coding, the most precise one the place and the date;
    counts take the highest reported figure (later reports usually update tolls upward); lists,
    sources, article ids and evidence are the union, so no source's evidence is lost.
    """
    if not records:
        raise ValueError("fuse_records needs at least one record")
    primary = max(records, key=lambda r: r.get("confidence") or 0.0)  # max keeps the first of ties
    ordered = [primary] + [r for r in records if r is not primary]
    fused: dict[str, Any] = {}
    for name in CODING_FIELDS:
        fused[name] = next((r.get(name) for r in ordered if r.get(name) is not None), None)
    fused["civilian_targeting"] = bool(primary.get("civilian_targeting"))
    fused["notes"] = primary.get("notes") or fused.get("notes") or ""
    place_src = _most_precise(ordered, "geo_precision")
    if place_src.get("latitude") is None and place_src.get("location") is None:
        place_src = next((r for r in ordered if r.get("latitude") is not None), place_src)
    for name in PLACE_FIELDS:
        fused[name] = place_src.get(name)
    dated = [r for r in ordered if r.get("event_date")] or ordered
    date_src = _most_precise(dated, "time_precision")
    for name in DATE_FIELDS:
        fused[name] = date_src.get(name)
    fused["fatalities"] = max(int(r.get("fatalities") or 0) for r in records)
    injuries = [int(r["injuries"]) for r in records if r.get("injuries") is not None]
    fused["injuries"] = max(injuries) if injuries else None
    main_actors = {fused["actor1"], fused["actor2"]} - {None}
    fused["assoc_actor_1"] = _union([r.get("assoc_actor_1") for r in ordered], main_actors)
    fused["assoc_actor_2"] = _union([r.get("assoc_actor_2") for r in ordered], main_actors)
    fused["weapons"] = _union([r.get("weapons") for r in ordered])
    sources = _union([[s.strip() for s in (r.get("source") or "").split(";") if s.strip()] for r in records])
    fused["source"] = ";".join(sources) or None
    fused["source_url"] = next((r.get("source_url") for r in records if r.get("source_url")), None)
    fused["article_ids"] = _union([r.get("article_ids") for r in records])
    evidence: dict[str, list[dict]] = {}
    for r in records:
        for field_name, spans in (r.get("evidence") or {}).items():
            bucket = evidence.setdefault(field_name, [])
            for span in spans:
                if span not in bucket:
                    bucket.append(span)
    fused["evidence"] = evidence
    fused["confidence"] = max(float(r.get("confidence") or 0.0) for r in records)
    fused["event_id"] = primary.get("event_id") or ""
    return fused
