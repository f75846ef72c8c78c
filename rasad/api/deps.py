"""Request-scoped helpers shared by the routers."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Query, Request
from fastapi.security import HTTPAuthorizationCredentials

from rasad.api.auth import bearer, require_token
from rasad.store import EventFilters, Store


def get_store(request: Request) -> Store:
    return request.app.state.store


def writer(request: Request, credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(bearer)]) -> None:
    require_token(request, credentials)


StoreDep = Annotated[Store, Depends(get_store)]
WriteAccess = Depends(writer)


def event_filters(
    start: Annotated[str | None, Query(description="first event date, YYYY-MM-DD")] = None,
    end: Annotated[str | None, Query(description="last event date, YYYY-MM-DD")] = None,
    event_type: Annotated[str | None, Query()] = None,
    sub_event_type: Annotated[str | None, Query()] = None,
    actor: Annotated[str | None, Query(description="part of actor 1 or actor 2, any case")] = None,
    admin1: Annotated[str | None, Query()] = None,
    admin2: Annotated[str | None, Query()] = None,
    bbox: Annotated[str | None, Query(description="minlon,minlat,maxlon,maxlat")] = None,
    q: Annotated[str | None, Query(description="text search over notes, places, actors, sources, titles")] = None,
    min_confidence: Annotated[str | None, Query(description="0..1")] = None,
    review_state: Annotated[str | None, Query(description="unreviewed|confirmed|corrected|rejected")] = None,
) -> EventFilters:
    return EventFilters.parse(locals())


FiltersDep = Annotated[EventFilters, Depends(event_filters)]
PageQ = Annotated[int, Query(description="1-based page number")]
PageSizeQ = Annotated[int, Query(description="items per page, at most 500")]
