"""The worked example end to end: the seed report is ingested through the API (so the real
extractor codes it), and every event it yields shows up on the map and in the table, with its
evidence highlighted on its page."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

from ui_harness import TOKEN, probe_page, serving
from ui_samples import SEED_PATH

expect = pytest.importorskip("playwright.sync_api", reason="the playwright package is not installed").expect

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def ingested(browser: Any, tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, dict[str, Any]]]:
    from rasad.api.app import create_app
    from rasad.store import open_store

    store = open_store(f"sqlite:///{Path(tmp_path_factory.mktemp('ingest')) / 'ui.sqlite'}")
    try:
        with serving(create_app(token=TOKEN, store=store)) as base_url:
            answer = httpx.post(f"{base_url}/api/articles", headers={"Authorization": f"Bearer {TOKEN}"}, timeout=120,
                                json={"id": "seed", "text": SEED_PATH.read_text(encoding="utf-8"),
                                      "published": "2022-12-05", "source": "worked example"})
            assert answer.status_code == 200, answer.text
            yield base_url, answer.json()
    finally:
        store.close()


def test_extracted_example_events_are_on_the_map_and_in_the_table(browser: Any, ingested: tuple[str, dict[str, Any]]) -> None:
    base_url, result = ingested
    event_ids = result["event_ids"]
    assert event_ids, "the extractor found no event in the worked example"
    events = [httpx.get(f"{base_url}/api/events/{i}", timeout=10).json() for i in event_ids]
    with probe_page(browser, base_url) as ui:
        ui.goto()
        page = ui.page
        for event in events:
            expect(page.locator(f'#events-table tr[data-event-id="{event["event_id"]}"]')).to_have_count(1)
            on_map = page.locator(f'circle.event-dot[data-event-id="{event["event_id"]}"]')
            expect(on_map).to_have_count(1 if event["latitude"] is not None and event["longitude"] is not None else 0)
        ui.screenshot("example-overview")

        with_evidence = [e for e in events if any(e["sources"][0]["evidence"].values())]
        assert with_evidence, "no extracted event carries evidence spans"
        event = with_evidence[0]
        page.locator(f'#events-table tr[data-event-id="{event["event_id"]}"] a.event-link').click()
        ui.wait_ready("event")
        expect(page.locator("#event-fields")).to_be_visible()
        for field, spans in event["sources"][0]["evidence"].items():
            marked = "".join(page.locator(f'.article-text mark.ev[data-fields~="{field}"]').all_inner_texts())
            for span in spans:
                assert span["text"] in marked
        assert page.locator(".source .warning").count() == 0, "evidence offsets did not match the article text"
        ui.screenshot("example-event")
        assert [e for e in ui.errors if "Failed to load resource" not in e] == []
