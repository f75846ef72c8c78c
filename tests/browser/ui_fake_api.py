"""A stand-in for the API contract (``/tmp``-free, in memory), used to develop the UI before the
real app exists and as a fallback when ``rasad.api.app`` cannot be imported."""

from __future__ import annotations

import copy
import datetime as dt
from typing import Any

from fastapi import FastAPI, Header, HTTPException, Request

from rasad.record import Article, Event

EVENT_TYPES = {
    "Battles": ["Armed clash", "Government regains territory", "Non-state actor overtakes territory"],
    "Explosions/Remote violence": ["Chemical weapon", "Air/drone strike", "Suicide bomb",
                                   "Shelling/artillery/missile attack", "Remote explosive/landmine/IED", "Grenade"],
    "Violence against civilians": ["Sexual violence", "Attack", "Abduction/forced disappearance"],
    "Protests": ["Peaceful protest", "Protest with intervention", "Excessive force against protesters"],
    "Riots": ["Violent demonstration", "Mob violence"],
    "Strategic developments": ["Agreement", "Arrests", "Change to group/activity", "Disrupted weapons use",
                               "Headquarters or base established", "Looting/property destruction",
                               "Non-violent transfer of territory", "Other"],
}
BASEMAP = {"type": "FeatureCollection", "features": [
    {"type": "Feature", "properties": {"name": name}, "geometry": {"type": "Point", "coordinates": [lon, lat]}}
    for name, lon, lat in [("Damascus", 36.29, 33.51), ("Deir ez-Zor", 40.14, 35.33), ("Homs", 36.72, 34.73),
                           ("Aleppo", 37.16, 36.2), ("Daraa", 36.1, 32.62), ("Al-Hasakah", 40.75, 36.5)]
]}


def create_fake_app(samples: list[tuple[Article, list[Event]]], token: str) -> FastAPI:
    app = FastAPI()
    articles: dict[str, dict[str, Any]] = {}
    events: dict[str, dict[str, Any]] = {}
    reviews: list[dict[str, Any]] = []
    for article, coded in samples:
        articles[article.id] = {**article.to_dict(), "event_ids": []}
        for n, event in enumerate(coded):
            record = event.to_dict()
            record["event_id"] = record["event_id"] or f"{article.id}-{n + 1}"
            record["review_state"] = "unreviewed"
            events[record["event_id"]] = record
            articles[article.id]["event_ids"].append(record["event_id"])

    def summary(record: dict[str, Any]) -> dict[str, Any]:
        out = {k: v for k, v in record.items() if k != "evidence"}
        out["source_count"] = len(record["article_ids"])
        return out

    def matching(params: dict[str, str]) -> list[dict[str, Any]]:
        out = []
        for record in events.values():
            if params.get("event_type") and record["event_type"] != params["event_type"]:
                continue
            if params.get("start") and (record["event_date"] or "") < params["start"]:
                continue
            if params.get("end") and (record["event_date"] or "9999") > params["end"]:
                continue
            if params.get("q") and params["q"].lower() not in str(record).lower():
                continue
            out.append(record)
        return out

    @app.get("/api/meta")
    def meta() -> dict[str, Any]:
        return {"event_types": EVENT_TYPES, "review_states": ["unreviewed", "confirmed", "corrected", "rejected"],
                "version": "fake"}

    @app.get("/api/basemap")
    def basemap() -> dict[str, Any]:
        return BASEMAP

    @app.get("/api/events")
    def list_events(request: Request) -> dict[str, Any]:
        params = dict(request.query_params)
        page, size = int(params.get("page", 1)), min(500, int(params.get("page_size", 50)))
        found = sorted(matching(params), key=lambda r: r["event_date"] or "", reverse=True)
        return {"items": [summary(r) for r in found[(page - 1) * size: page * size]], "total": len(found),
                "page": page, "page_size": size}

    @app.get("/api/stats")
    def stats(request: Request) -> dict[str, Any]:
        by = request.query_params.get("by", "week")
        weeks: dict[str, dict[str, Any]] = {}
        for record in matching(dict(request.query_params)):
            if by == "week":
                day = dt.date.fromisoformat(record["event_date"])
                key = (day - dt.timedelta(days=day.weekday())).isoformat()
            else:
                key = record[by]
            bucket = weeks.setdefault(key, {"key": key, "count": 0, "fatalities": 0})
            bucket["count"] += 1
            bucket["fatalities"] += record["fatalities"]
        return {"by": by, "items": sorted(weeks.values(), key=lambda b: str(b["key"]))}

    @app.get("/api/events/{event_id}")
    def get_event(event_id: str) -> dict[str, Any]:
        if event_id not in events:
            raise HTTPException(404, f"no event {event_id}")
        record = copy.deepcopy(events[event_id])
        record["sources"] = [{
            "article_id": aid, "title": articles[aid]["title"], "url": articles[aid]["url"],
            "source": articles[aid]["source"], "published": articles[aid]["published"],
            "evidence": {f: [{k: e[k] for k in ("start", "end", "text")} for e in items if e["article_id"] == aid]
                         for f, items in record["evidence"].items()},
        } for aid in record["article_ids"]]
        return record

    @app.get("/api/events/{event_id}/reviews")
    def get_reviews(event_id: str) -> dict[str, Any]:
        return {"items": [r for r in reviews if r["event_id"] == event_id]}

    @app.post("/api/events/{event_id}/reviews")
    def post_review(event_id: str, body: dict[str, Any], authorization: str = Header("")) -> dict[str, Any]:
        if authorization != f"Bearer {token}":
            raise HTTPException(401, "missing or wrong token")
        record = events[event_id]
        changes = body.get("changes") or {}
        if changes.get("event_type") and changes["event_type"] not in EVENT_TYPES:
            raise HTTPException(422, f"event_type {changes['event_type']!r} is not in the taxonomy")
        before = {k: record[k] for k in changes}
        record.update(changes)
        state = {"correct": "corrected", "confirm": "confirmed", "reject": "rejected"}[body["action"]]
        record["review_state"] = state
        reviews.append({"id": len(reviews) + 1, "event_id": event_id, "action": body["action"],
                        "reviewer": body.get("reviewer"), "comment": body.get("comment"), "before": before,
                        "after": dict(changes), "created_at": dt.datetime.now(dt.timezone.utc).isoformat()})
        return record

    @app.get("/api/articles/{article_id}")
    def get_article(article_id: str) -> dict[str, Any]:
        if article_id not in articles:
            raise HTTPException(404, f"no article {article_id}")
        return articles[article_id]

    return app
