"""Statistics, exports, the basemap and form metadata."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter
from fastapi.responses import StreamingResponse

import rasad
from rasad.api.deps import FiltersDep, StoreDep
from rasad.export import FORMATS, check_format, export_chunks
from rasad.store import REVIEW_STATES

router = APIRouter(prefix="/api", tags=["data"])


@router.get("/stats", summary="Event and fatality counts by week, event type or governorate")
def stats(store: StoreDep, filters: FiltersDep, by: str = "week") -> dict[str, Any]:
    return {"by": by, "items": store.stats(by, filters)}


@router.get("/export", summary="Download the filtered events (rejected ones unless asked for)")
def export(store: StoreDep, filters: FiltersDep, format: str = "acled-csv") -> StreamingResponse:
    fmt = check_format(format)
    media_type, suffix = FORMATS[fmt]
    records = store.iter_events(filters, with_evidence=fmt == "jsonl")
    return StreamingResponse(export_chunks(records, fmt), media_type=media_type,
                             headers={"Content-Disposition": f'attachment; filename="rasad-events.{suffix}"'})


@router.get("/basemap", summary="Offline basemap features (GeoJSON)")
def basemap() -> dict[str, Any]:
    from rasad.geo import basemap_features  # built once per process (lru_cache)

    return basemap_features()


@router.get("/meta", summary="Event types, review states and version, for building forms")
def meta() -> dict[str, Any]:
    from rasad.eval import taxonomy
    from rasad.store.corrections import EDITABLE_FIELDS
    from rasad.store.store import REVIEW_ACTIONS

    return {
        "event_types": {t: list(taxonomy.sub_event_types(t)) for t in taxonomy.event_types()},
        "review_states": list(REVIEW_STATES),
        "review_actions": list(REVIEW_ACTIONS),
        "editable_fields": list(EDITABLE_FIELDS),
        "export_formats": list(FORMATS),
        "version": rasad.__version__,
    }
