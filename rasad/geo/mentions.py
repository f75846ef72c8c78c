"""The interface between extraction (which finds place mentions) and geocoding (which resolves them).

Extraction calls :func:`rasad.geo.find_places` once per document, which fills ``doc.places``
with :class:`PlaceMention` objects (toponym recognition with cue words and clitics). For each
incident, extraction picks the mentions that belong to it, ordered from the most specific
(village) to the widest (country), and calls :func:`rasad.geo.resolve_incident` with them and
the article's governorate prior. The result is a :class:`ResolvedPlace` or ``None``.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class PlaceMention:
    start: int  # normalised offsets of the name itself (without cue word or clitics)
    end: int
    name: str  # the name as written (normalised)
    cue: str | None = None  # village|town|city|neighbourhood|camp|countryside|badia|governorate|district|subdistrict|region|country|None
    direction: str | None = None  # north|south|east|west|... as in "ريف ديرالزور الغربي"
    cue_start: int | None = None  # normalised offsets of the cue phrase, when there is one
    cue_end: int | None = None
    candidates: list[str] = field(default_factory=list)  # gazetteer place ids with this name
    kind: str | None = None  # best-guess feature kind before resolution
    language: str = "ar"

    @property
    def span(self) -> tuple[int, int]:
        s = self.cue_start if self.cue_start is not None else self.start
        return min(s, self.start), self.end


@dataclass
class ResolvedPlace:
    place_id: str | None
    location: str | None  # English name of the place coded to
    location_ar: str | None  # Arabic name (the gazetteer's, or as reported for unknown villages)
    latitude: float | None
    longitude: float | None
    geo_precision: int
    country: str | None
    iso: int | None
    admin1: str | None
    admin2: str | None
    admin3: str | None
    kind: str | None = None
    mention: PlaceMention | None = None  # the mention the place was coded from
    reasons: list[str] = field(default_factory=list)
    candidates: list[dict] = field(default_factory=list)  # what was weighed, for `rasad geocode`
