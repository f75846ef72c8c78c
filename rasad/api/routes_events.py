"""Events: list, detail, audit trail, reviews, merge and split."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter
from pydantic import BaseModel, Field

from rasad.api.deps import FiltersDep, PageQ, PageSizeQ, StoreDep, WriteAccess

router = APIRouter(prefix="/api/events", tags=["events"])


class ReviewBody(BaseModel):
    action: str = Field(description="correct | confirm | reject")
    changes: dict[str, Any] | None = Field(default=None, description="field -> new value (for correct)")
    reviewer: str | None = None
    comment: str | None = Field(default=None, max_length=5000)


class MergeBody(BaseModel):
    event_ids: list[str]
    reviewer: str | None = None
    comment: str | None = Field(default=None, max_length=5000)


class SplitBody(BaseModel):
    article_ids: list[str]
    reviewer: str | None = None
    comment: str | None = Field(default=None, max_length=5000)


@router.get("", summary="List and filter events (evidence omitted)")
def list_events(store: StoreDep, filters: FiltersDep, page: PageQ = 1, page_size: PageSizeQ = 50,
                sort: str = "-event_date") -> dict[str, Any]:
    return store.list_events(filters, page, page_size, sort).to_dict()


# Registered before /{event_id} routes so "merge" is never read as an event id.
@router.post("/merge", summary="Merge events into the first one", dependencies=[WriteAccess])
def merge_events(body: MergeBody, store: StoreDep) -> dict[str, Any]:
    return store.merge(body.event_ids, body.reviewer or "", body.comment)


@router.get("/{event_id}", summary="One event with its sources and evidence")
def get_event(event_id: str, store: StoreDep) -> dict[str, Any]:
    return store.get_event(event_id)


@router.get("/{event_id}/reviews", summary="The audit trail of an event")
def list_reviews(event_id: str, store: StoreDep) -> dict[str, Any]:
    return {"items": store.reviews_of(event_id)}


@router.post("/{event_id}/reviews", summary="Correct, confirm or reject an event", dependencies=[WriteAccess])
def post_review(event_id: str, body: ReviewBody, store: StoreDep) -> dict[str, Any]:
    return store.review(event_id, body.action, body.reviewer or "", body.changes, body.comment)


@router.post("/{event_id}/split", summary="Move some articles' reports to a new event", dependencies=[WriteAccess])
def split_event(event_id: str, body: SplitBody, store: StoreDep) -> dict[str, Any]:
    return store.split(event_id, body.article_ids, body.reviewer or "", body.comment)
