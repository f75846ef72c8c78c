"""Every endpoint of the HTTP API contract, its auth failures, bad parameters and pagination."""

from __future__ import annotations

import csv
import io
import json

import pyarrow.parquet as pq
import pytest
from fastapi.testclient import TestClient

from rasad.api.app import create_app
from rasad.export import ACLED_COLUMNS
from rasad.record import EVENT_KEYS

from api_seed import AUTH, HOSTILE, TOKEN


def test_list_events_shape_and_fusion(client: TestClient) -> None:
    body = client.get("/api/events").json()
    assert set(body) == {"items", "total", "page", "page_size"}
    assert (body["total"], body["page"], body["page_size"]) == (2, 1, 50)
    first = body["items"][0]
    assert set(first) == (set(EVENT_KEYS) - {"evidence"}) | {"review_state", "source_count"}
    fused = next(e for e in body["items"] if e["event_id"] == "ev-1")
    assert fused["source_count"] == 2 and fused["article_ids"] == ["art-1", "art-2"] and fused["fatalities"] == 2


@pytest.mark.parametrize(("query", "ids"), [
    ("event_type=Protests", ["ev-3"]),
    ("admin1=Deir%20ez-Zor", ["ev-1"]),
    ("start=2022-12-05&end=2022-12-31", ["ev-3"]),
    ("actor=islamic", ["ev-1"]),
    ("bbox=36,35,38,37", ["ev-3"]),
    ("q=protest", ["ev-3"]),
    ("min_confidence=0.7", ["ev-1"]),
    ("review_state=confirmed", []),
    ("sort=event_date", ["ev-1", "ev-3"]),
])
def test_event_filters(client: TestClient, query: str, ids: list[str]) -> None:
    assert [e["event_id"] for e in client.get(f"/api/events?{query}").json()["items"]] == ids


@pytest.mark.parametrize(("query", "status", "fragment"), [
    ("start=12/05/2022", 400, "YYYY-MM-DD"),
    ("bbox=1,2", 400, "four numbers"),
    ("min_confidence=lots", 400, "min_confidence"),
    ("review_state=pending", 400, "review_state"),
    ("sort=colour", 400, "sort="),
    ("page=0", 400, "page starts at 1"),
    ("page_size=1000", 400, "between 1 and 500"),
    ("page=abc", 422, "page"),
])
def test_bad_parameters_get_a_clear_message(client: TestClient, query: str, status: int, fragment: str) -> None:
    response = client.get(f"/api/events?{query}")
    assert response.status_code == status
    assert isinstance(response.json()["detail"], str) and fragment in response.json()["detail"]


def test_pagination_walks_every_event(client: TestClient) -> None:
    pages = [client.get(f"/api/events?page={n}&page_size=1&sort=event_date").json() for n in (1, 2, 3)]
    assert [[e["event_id"] for e in p["items"]] for p in pages] == [["ev-1"], ["ev-3"], []]
    assert all(p["total"] == 2 and p["page_size"] == 1 for p in pages)
    articles = [client.get(f"/api/articles?page={n}&page_size=2").json() for n in (1, 2)]
    assert [len(p["items"]) for p in articles] == [2, 1] and articles[1]["total"] == 3


def test_event_detail_with_sources_and_evidence(client: TestClient) -> None:
    event = client.get("/api/events/ev-1").json()
    assert set(EVENT_KEYS) <= set(event) and event["review_state"] == "unreviewed"
    assert [s["article_id"] for s in event["sources"]] == ["art-1", "art-2"]
    assert set(event["sources"][0]) == {"article_id", "title", "url", "source", "published", "evidence"}
    for source in event["sources"]:
        text = client.get(f"/api/articles/{source['article_id']}").json()["text"]
        for spans in source["evidence"].values():
            for span in spans:
                assert text[span["start"]:span["end"]] == span["text"]
    assert client.get("/api/events/nope").status_code == 404
    assert "nope" in client.get("/api/events/nope").json()["detail"]


def test_article_text_is_returned_verbatim_as_json(client: TestClient) -> None:
    response = client.get("/api/articles/art-2")
    assert response.headers["content-type"].startswith("application/json")
    body = response.json()
    assert body["text"] == HOSTILE and body["event_ids"] == ["ev-1"]
    assert set(body) == {"id", "title", "url", "source", "published", "language", "text", "event_ids"}
    assert client.get("/api/articles?q=protesters").json()["items"][0]["id"] == "art-3"
    assert client.get("/api/articles/zzz").status_code == 404


@pytest.mark.parametrize("path", ["/api/events/ev-1/reviews", "/api/events/merge", "/api/events/ev-1/split", "/api/articles"])
@pytest.mark.parametrize("headers", [{}, {"Authorization": "Bearer wrong"}, {"Authorization": TOKEN}])
def test_write_endpoints_need_the_token(client: TestClient, path: str, headers: dict[str, str]) -> None:
    response = client.post(path, json={"action": "confirm", "reviewer": "x", "event_ids": ["ev-1", "ev-3"],
                                       "article_ids": ["art-2"], "text": "t"}, headers=headers)
    assert response.status_code == 401 and isinstance(response.json()["detail"], str)
    assert client.get("/api/events/ev-1/reviews").json()["items"] == []
    assert client.get("/api/events").json()["total"] == 2


def test_without_a_configured_token_writes_are_disabled(store) -> None:  # type: ignore[no-untyped-def]
    with TestClient(create_app(store=store, token="")) as c:
        response = c.post("/api/events/ev-1/reviews", json={"action": "confirm", "reviewer": "x"}, headers=AUTH)
        assert response.status_code == 403 and "token" in response.json()["detail"]


def test_review_correct_then_audit_trail(client: TestClient) -> None:
    response = client.post("/api/events/ev-1/reviews", headers=AUTH, json={
        "action": "correct", "changes": {"fatalities": 3, "sub_event_type": "Non-state actor overtakes territory"},
        "reviewer": "Huda", "comment": "follow-up report"})
    assert response.status_code == 200, response.text
    event = response.json()
    assert event["fatalities"] == 3 and event["review_state"] == "corrected" and "sources" in event
    trail = client.get("/api/events/ev-1/reviews").json()["items"]
    assert len(trail) == 1
    assert set(trail[0]) == {"id", "event_id", "action", "reviewer", "comment", "before", "after", "created_at"}
    assert (trail[0]["before"]["fatalities"], trail[0]["after"]["fatalities"]) == (2, 3)
    assert client.get("/api/events?review_state=corrected").json()["total"] == 1


@pytest.mark.parametrize(("body", "status", "fragment"), [
    ({"action": "correct", "changes": {"event_type": "Skirmish"}, "reviewer": "H"}, 400, "taxonomy"),
    ({"action": "correct", "changes": {"mood": "bad"}, "reviewer": "H"}, 400, "cannot correct mood"),
    ({"action": "confirm"}, 400, "reviewer"),
    ({"action": "delete", "reviewer": "H"}, 400, "action"),
    ({"changes": {}}, 422, "action"),
])
def test_invalid_reviews(client: TestClient, body: dict, status: int, fragment: str) -> None:
    response = client.post("/api/events/ev-1/reviews", headers=AUTH, json=body)
    assert response.status_code == status and fragment in response.json()["detail"]


def test_review_of_missing_event_is_404(client: TestClient) -> None:
    assert client.post("/api/events/none/reviews", headers=AUTH, json={"action": "confirm", "reviewer": "H"}).status_code == 404


def test_merge_and_split(client: TestClient) -> None:
    split = client.post("/api/events/ev-1/split", headers=AUTH, json={"article_ids": ["art-2"], "reviewer": "Huda"})
    assert split.status_code == 200, split.text
    new_id = split.json()["event_id"]
    assert split.json()["article_ids"] == ["art-2"]
    assert client.get("/api/events").json()["total"] == 3
    merged = client.post("/api/events/merge", headers=AUTH, json={"event_ids": ["ev-1", new_id], "reviewer": "Huda", "comment": "same"})
    assert merged.status_code == 200 and merged.json()["source_count"] == 2
    assert client.get(f"/api/events/{new_id}").status_code == 404
    assert client.get(f"/api/events/{new_id}/reviews").json()["items"][-1]["after"] == {"merged_into": "ev-1"}
    bad = client.post("/api/events/merge", headers=AUTH, json={"event_ids": ["ev-1"], "reviewer": "Huda"})
    assert bad.status_code == 400 and "at least two" in bad.json()["detail"]
    bad = client.post("/api/events/ev-1/split", headers=AUTH, json={"article_ids": ["art-1", "art-2"], "reviewer": "Huda"})
    assert bad.status_code == 400 and "at least one" in bad.json()["detail"]


def test_post_article_new_unchanged_updated(client: TestClient, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from rasad.extract.pipeline import ExtractionResult
    from rasad.ingest import run
    from rasad.store.synthetic import make_event

    monkeypatch.setattr(run, "default_extractor", lambda a: ExtractionResult(
        [make_event(event_id=f"api-{a.id}", event_date="2021-05-01", place_id="p-api", article_ids=[a.id])]))
    record = {"id": "api-1", "text": "تقرير جديد عن هجوم.", "url": "https://x.example/api-1", "published": "2021-05-02"}
    first = client.post("/api/articles", headers=AUTH, json=record).json()
    assert first == {"article_id": "api-1", "event_ids": ["api-api-1"], "status": "new"}
    assert client.post("/api/articles", headers=AUTH, json=record).json()["status"] == "unchanged"
    changed = client.post("/api/articles", headers=AUTH, json=record | {"text": "تقرير محدث عن هجوم."}).json()
    assert changed["status"] == "updated" and changed["event_ids"] == ["api-api-1"]
    assert client.get("/api/articles/api-1").json()["text"] == "تقرير محدث عن هجوم."


@pytest.mark.parametrize(("body", "fragment"), [
    ({"title": "no text"}, "text"),
    ({"text": "   "}, "text"),
    ({"text": "x", "published": "soon"}, "YYYY-MM-DD"),
])
def test_post_article_bad_records(client: TestClient, body: dict, fragment: str) -> None:
    response = client.post("/api/articles", headers=AUTH, json=body)
    assert response.status_code == 400 and fragment in response.json()["detail"]
    assert client.post("/api/articles", headers=AUTH, content=b"not json",
                       ).status_code == 422


def test_stats(client: TestClient) -> None:
    body = client.get("/api/stats?by=event_type").json()
    assert body == {"by": "event_type", "items": [{"key": "Battles", "count": 1, "fatalities": 2},
                                                  {"key": "Protests", "count": 1, "fatalities": 0}]}
    weeks = client.get("/api/stats?by=week&admin1=Aleppo").json()["items"]
    assert weeks == [{"key": "2022-12-05", "count": 1, "fatalities": 0}]
    assert client.get("/api/stats?by=admin1").json()["items"][0]["key"] == "Aleppo"
    bad = client.get("/api/stats?by=colour")
    assert bad.status_code == 400 and "week" in bad.json()["detail"]


def test_exports(client: TestClient) -> None:
    csv_response = client.get("/api/export?format=acled-csv")
    assert csv_response.status_code == 200 and "attachment" in csv_response.headers["content-disposition"]
    rows = list(csv.reader(io.StringIO(csv_response.content.decode("utf-8-sig"))))
    assert tuple(rows[0]) == ACLED_COLUMNS and len(rows) == 3
    row = dict(zip(rows[0], rows[1]))
    assert row["event_id_cnty"] == "ev-1" and row["year"] == "2022" and row["source"] == "Example Arabic;Example Wire"
    assert row["region"] == "Middle East" and row["iso"] == "760" and row["fatalities"] == "2"

    geo = client.get("/api/export?format=geojson&event_type=Protests").json()
    assert geo["type"] == "FeatureCollection" and len(geo["features"]) == 1
    assert geo["features"][0]["geometry"] == {"type": "Point", "coordinates": [37.13, 36.2]}

    lines = client.get("/api/export?format=jsonl").text.splitlines()
    records = [json.loads(line) for line in lines]
    assert [r["event_id"] for r in records] == ["ev-1", "ev-3"]
    assert {s["article_id"] for s in records[0]["evidence"]["event_type"]} == {"art-1", "art-2"}

    table = pq.read_table(io.BytesIO(client.get("/api/export?format=parquet").content))
    assert table.num_rows == 2 and table.column("event_id").to_pylist() == ["ev-1", "ev-3"]

    bad = client.get("/api/export?format=xlsx")
    assert bad.status_code == 400 and "acled-csv" in bad.json()["detail"]


def test_rejected_events_leave_exports_unless_asked_for(client: TestClient) -> None:
    client.post("/api/events/ev-3/reviews", headers=AUTH, json={"action": "reject", "reviewer": "Huda"})
    assert [r["event_id"] for r in map(json.loads, client.get("/api/export?format=jsonl").text.splitlines())] == ["ev-1"]
    only = client.get("/api/export?format=jsonl&review_state=rejected").text.splitlines()
    assert [json.loads(x)["event_id"] for x in only] == ["ev-3"]


def test_meta_basemap_and_docs(client: TestClient) -> None:
    meta = client.get("/api/meta").json()
    assert meta["event_types"]["Protests"] == ["Peaceful protest", "Protest with intervention", "Excessive force against protesters"]
    assert meta["review_states"] == ["unreviewed", "confirmed", "corrected", "rejected"] and meta["version"]
    basemap = client.get("/api/basemap").json()
    assert basemap["type"] == "FeatureCollection" and isinstance(basemap["features"], list)
    assert client.get("/docs").status_code == 200
    paths = client.get("/openapi.json").json()["paths"]
    for path in ("/api/events", "/api/events/{event_id}", "/api/events/{event_id}/reviews", "/api/events/merge",
                 "/api/events/{event_id}/split", "/api/articles", "/api/articles/{article_id}", "/api/stats",
                 "/api/export", "/api/basemap", "/api/meta"):
        assert path in paths


def test_oversized_body_and_hostile_query(client: TestClient) -> None:
    response = client.post("/api/articles", headers=AUTH | {"Content-Length": str(64 * 1024 * 1024)}, content=b"{}")
    assert response.status_code == 413 and "MiB" in response.json()["detail"]
    response = client.get("/api/events", params={"q": "x\x00y"})
    assert response.status_code == 400 and "NUL" in response.json()["detail"]
    response = client.get("/api/events", params={"q": "<script>alert(1)</script>' OR '1'='1"})
    assert response.status_code == 200 and response.json()["total"] == 0
