"""Geocoding: toponym recognition over a Document and resolution of an incident's mentions.

Public interface (used by extraction, ``rasad geocode`` and the web basemap)::

    find_places(doc) -> list[PlaceMention]          # also sets doc.places
    resolve_incident(mentions, prior_admin1=None) -> ResolvedPlace | None
    get_gazetteer() -> Gazetteer                     # loaded once per process
    admin1_of_mention(mention) -> str | None         # for the article's governorate prior
    basemap_features() -> dict                       # GeoJSON of governorate points and cities
"""

from __future__ import annotations

from rasad.geo.basemap import basemap_features
from rasad.geo.gazetteer import Gazetteer, Place, get_gazetteer
from rasad.geo.mentions import PlaceMention, ResolvedPlace
from rasad.geo.recognize import find_places
from rasad.geo.resolve import admin1_of_mention, geocode_phrase, resolve_incident

__all__ = [
    "Gazetteer", "Place", "PlaceMention", "ResolvedPlace", "admin1_of_mention", "basemap_features",
    "find_places", "geocode_phrase", "get_gazetteer", "resolve_incident",
]
