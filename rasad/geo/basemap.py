"""A small GeoJSON layer for the web map: governorate points and cities from the gazetteer."""

from __future__ import annotations

from functools import lru_cache

from rasad.geo.gazetteer import get_gazetteer


@lru_cache(maxsize=1)
def basemap_features() -> dict:
    """FeatureCollection of Syrian governorates (at their capital or centre) and the cities."""
    gaz = get_gazetteer()
    features = []
    for p in gaz.places:
        if p.country != "Syria" or p.kind not in ("governorate", "city"):
            continue
        features.append({
            "type": "Feature",
            "geometry": {"type": "Point", "coordinates": [round(p.lon, 4), round(p.lat, 4)]},
            "properties": {"id": p.id, "kind": p.kind, "name": p.name, "name_ar": p.name_ar,
                           "admin1": p.admin1, "admin2": p.admin2},
        })
    return {"type": "FeatureCollection", "features": features}
