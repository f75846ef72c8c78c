"""Merge and split from the event page, in a real browser: two records of one incident merged
into one event with both sources and an audit entry, split back into two, and refusals (no token,
wrong token, a server error) explained in the dialog with nothing changed.

Each test gets its own store and server: merging removes an event, which the other browser tests
(sharing the session's store) rely on.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

from ui_harness import TOKEN, LiveServer, PageProbe, probe_page, serving
from ui_samples import merge_samples

expect = pytest.importorskip("playwright.sync_api", reason="the playwright package is not installed").expect

pytestmark = pytest.mark.browser

SEED, SECOND = "seed-report-ar", "hisan-second-report"
WEEK = ("2022-11-28", "2022-12-04")  # Monday to Sunday around the seed report's incidents


@pytest.fixture()
def store_server(tmp_path: Path) -> Iterator[LiveServer]:
    from rasad.api.app import create_app
    from rasad.store import open_store

    store = open_store(f"sqlite:///{tmp_path / 'merge.sqlite'}")
    try:
        ids = {article.id: list(store.save_article(article, events).event_ids) for article, events in merge_samples()}
        with serving(create_app(token=TOKEN, store=store)) as base_url:
            yield LiveServer(base_url, ids)
    finally:
        store.close()


@pytest.fixture()
def page_on(browser: Any, store_server: LiveServer) -> Iterator[PageProbe]:
    with probe_page(browser, store_server.base_url) as probe:
        yield probe


def _status(live: LiveServer, path: str) -> int:
    return httpx.get(live.base_url + path, timeout=10).status_code


def _keep_token(ui: PageProbe, token: str) -> None:
    ui.page.fill("#token-input", token)
    ui.page.click("#token-save")


def _no_page_errors(ui: PageProbe) -> None:
    assert [e for e in ui.errors if "Failed to load resource" not in e] == []


def test_merge_two_reports_then_split_them_back(page_on: PageProbe, store_server: LiveServer) -> None:
    live, ui, page = store_server, page_on, page_on.page
    hisan, second = live.event_ids[SEED][1], live.event_ids[SECOND][0]
    assert hisan != second, "the store's fusion must keep the second report apart for this test"
    everything = live.get("/api/events?page_size=500")["items"]
    same_week_and_place = {e["event_id"] for e in everything
                           if e["admin1"] == "Deir ez-Zor" and WEEK[0] <= (e["event_date"] or "") <= WEEK[1]} - {hisan}

    ui.goto(f"#/event/{hisan}")
    _keep_token(ui, TOKEN)
    assert page.locator("#split-open").count() == 0  # one source: nothing to split yet
    page.click("#merge-open")
    expect(page.locator("#merge-dialog")).to_be_visible()
    candidates = page.locator("#merge-candidates button.candidate")
    expect(candidates.first).to_be_visible()
    assert {candidates.nth(i).get_attribute("data-event-id") for i in range(candidates.count())} == same_week_and_place
    assert second in same_week_and_place and "2022-11-28 to 2022-12-04 in Deir ez-Zor" in page.locator("#merge-candidates h3").inner_text()

    page.click(f'#merge-candidates button.candidate[data-event-id="{second}"]')
    table = page.locator("#merge-compare-table")
    expect(table).to_be_visible()
    assert hisan in table.locator('th[data-side="current"]').inner_text()
    assert second in table.locator('th[data-side="other"]').inner_text()
    location = table.locator('tr[data-field="location"]')
    assert location.locator("td").all_inner_texts() == ["Al-Hisan", "Hisan"] and "differs" in location.get_attribute("class")
    assert "differs" not in (table.locator('tr[data-field="event_date"]').get_attribute("class") or "")
    assert "Gunmen wound three SDF fighters" in table.locator('tr[data-field="sources"] td').nth(1).inner_text()
    page.fill("#merge-reviewer", "analyst-3")
    page.fill("#merge-comment", "same checkpoint attack, two outlets")
    ui.screenshot("merge-dialog", full_page=False)
    page.click("#merge-confirm")

    notice = page.locator('#change-notice[data-action="merge"]')
    expect(notice).to_be_visible()
    ui.wait_ready("event")
    assert page.url.endswith(f"#/event/{hisan}")
    assert "2 source articles" in notice.inner_text()
    expect(page.locator("#merge-dialog")).to_be_hidden()
    assert sorted(page.locator("article.source").evaluate_all("els => els.map(e => e.dataset.articleId)")) == sorted([SEED, SECOND])
    entry = page.locator("#audit-list li.audit-entry").first
    expect(entry).to_have_attribute("data-action", "merge")
    assert "analyst-3" in entry.inner_text() and "two outlets" in entry.inner_text()
    assert entry.locator(f'a.audit-event-link[data-event-id="{second}"]').count() == 1
    ui.screenshot("event-after-merge")

    merged = live.get(f"/api/events/{hisan}")
    assert sorted(merged["article_ids"]) == sorted([SEED, SECOND])
    assert _status(live, f"/api/events/{second}") == 404
    assert [r["action"] for r in live.get(f"/api/events/{hisan}/reviews")["items"]] == ["merge"]

    # Split it back: the second outlet's report goes to a new event.
    page.click("#split-open")
    expect(page.locator("#split-dialog")).to_be_visible()
    expect(page.locator("#split-reviewer")).to_have_value("analyst-3")  # remembered for the session
    page.check(f'#split-sources input[value="{SEED}"]')
    page.check(f'#split-sources input[value="{SECOND}"]')
    page.click("#split-confirm")
    expect(page.locator("#split-status")).to_contain_text("at least one source")
    page.uncheck(f'#split-sources input[value="{SEED}"]')
    page.fill("#split-comment", "keep the outlets apart after all")
    ui.screenshot("split-dialog", full_page=False)
    page.click("#split-confirm")

    notice = page.locator('#change-notice[data-action="split"]')
    expect(notice).to_be_visible()
    ui.wait_ready("event")
    original, created = notice.locator("a.original"), notice.locator("a.created")
    assert original.get_attribute("data-event-id") == hisan
    new_id = created.get_attribute("data-event-id")
    assert new_id and new_id != hisan
    assert page.locator("article.source").evaluate_all("els => els.map(e => e.dataset.articleId)") == [SEED]
    expect(page.locator("#audit-list li.audit-entry").first).to_have_attribute("data-action", "split")
    ui.screenshot("event-after-split")

    assert live.get(f"/api/events/{hisan}")["article_ids"] == [SEED]
    new_event = live.get(f"/api/events/{new_id}")
    assert new_event["article_ids"] == [SECOND] and new_event["location"] == "Hisan"
    assert len(live.get("/api/events?page_size=500")["items"]) == len(everything)

    created.click()
    page.wait_for_url(re.compile(re.escape(f"#/event/{new_id}") + "$"))
    # The URL changes before the page does: wait for the new event's article, not just readiness.
    expect(page.locator(f'article.source[data-article-id="{SECOND}"]')).to_be_visible()
    ui.wait_ready("event")
    assert page.locator("article.source").evaluate_all("els => els.map(e => e.dataset.articleId)") == [SECOND]
    split_entry = page.locator("#audit-list li.audit-entry").first
    expect(split_entry).to_have_attribute("data-action", "split")
    assert split_entry.locator(f'a.audit-event-link[data-event-id="{hisan}"]').count() == 1
    _no_page_errors(ui)


def test_merge_without_or_with_a_wrong_token_is_refused_and_changes_nothing(page_on: PageProbe, store_server: LiveServer) -> None:
    live, ui, page = store_server, page_on, page_on.page
    first, other = live.event_ids[SEED][0], live.event_ids[SEED][2]
    before = {e: live.get(f"/api/events/{e}") for e in (first, other)}

    ui.goto(f"#/event/{first}")
    page.click("#merge-open")
    page.fill("#merge-id", other)  # picked by id this time
    page.click("#merge-show")
    expect(page.locator("#merge-compare-table")).to_be_visible()
    page.fill("#merge-reviewer", "analyst-4")
    page.click("#merge-confirm")
    expect(page.locator("#merge-status")).to_have_class(re.compile(r"\berror\b"))
    assert "token" in page.locator("#merge-status").inner_text()
    ui.screenshot("merge-refused-no-token", full_page=False)

    page.click("#merge-cancel")
    _keep_token(ui, "not-the-token")
    page.click("#merge-open")
    page.click("#merge-confirm")
    expect(page.locator("#merge-status")).to_have_text(re.compile(r"^not authorised: wrong token"))
    expect(page.locator("#merge-dialog")).to_be_visible()

    for event_id, was in before.items():
        now = live.get(f"/api/events/{event_id}")
        assert (now["article_ids"], now["review_state"]) == (was["article_ids"], was["review_state"])
        assert live.get(f"/api/events/{event_id}/reviews")["items"] == []
    _no_page_errors(ui)


def test_server_refusals_are_shown_in_the_dialog(page_on: PageProbe, store_server: LiveServer) -> None:
    live, ui, page = store_server, page_on, page_on.page
    first, gone, keeper = live.event_ids[SEED][0], live.event_ids[SEED][2], live.event_ids[SEED][1]
    ui.goto(f"#/event/{first}")
    _keep_token(ui, TOKEN)
    page.click("#merge-open")

    page.fill("#merge-id", "no-such-event")
    page.click("#merge-show")
    expect(page.locator("#merge-pick-status")).to_contain_text("no event with id 'no-such-event'")
    expect(page.locator("#merge-confirm")).to_be_disabled()
    page.fill("#merge-id", first)
    page.click("#merge-show")
    expect(page.locator("#merge-pick-status")).to_contain_text("That is this event")

    page.click(f'#merge-candidates button.candidate[data-event-id="{gone}"]')
    expect(page.locator("#merge-compare-table")).to_be_visible()
    # Someone else merges the picked event away before this analyst confirms.
    answer = httpx.post(f"{live.base_url}/api/events/merge", headers={"Authorization": f"Bearer {TOKEN}"}, timeout=10,
                        json={"event_ids": [keeper, gone], "reviewer": "someone-else"})
    assert answer.status_code == 200
    page.fill("#merge-reviewer", "analyst-5")
    page.click("#merge-confirm")
    expect(page.locator("#merge-status")).to_have_text(f"no event with id '{gone}'")
    assert live.get(f"/api/events/{first}")["article_ids"] == [SEED]
    assert live.get(f"/api/events/{first}/reviews")["items"] == []
    _no_page_errors(ui)


def test_keeping_the_other_event_leads_there_and_the_old_page_says_where(page_on: PageProbe, store_server: LiveServer) -> None:
    live, ui, page = store_server, page_on, page_on.page
    absorbed, survivor = live.event_ids[SECOND][0], live.event_ids[SEED][1]
    ui.goto(f"#/event/{absorbed}")
    _keep_token(ui, TOKEN)
    page.click("#merge-open")
    page.click(f'#merge-candidates button.candidate[data-event-id="{survivor}"]')
    page.check("#merge-keep-other")
    page.fill("#merge-reviewer", "analyst-6")
    page.click("#merge-confirm")
    page.wait_for_url(re.compile(re.escape(f"#/event/{survivor}") + "$"))
    expect(page.locator('#change-notice[data-action="merge"] a.absorbed')).to_have_attribute("data-event-id", absorbed)
    ui.wait_ready("event")
    assert sorted(live.get(f"/api/events/{survivor}")["article_ids"]) == sorted([SEED, SECOND])

    page.locator('#change-notice a.absorbed').click()
    page.wait_for_url(re.compile(re.escape(f"#/event/{absorbed}") + "$"))
    link = page.locator("#merged-into a")
    expect(link).to_have_text(survivor)
    ui.wait_ready("event")
    assert f"no event with id '{absorbed}'" in page.locator("#view .error").inner_text()
    assert "analyst-6" in page.locator("#merged-into").inner_text()
    _no_page_errors(ui)


def test_hostile_text_in_the_comparison_stays_text(page_on: PageProbe, store_server: LiveServer) -> None:
    live, ui, page = store_server, page_on, page_on.page
    hostile, english = live.event_ids["hostile-markup"][0], live.event_ids["en-jasim-shelling"][0]
    ui.goto(f"#/event/{english}")
    page.click("#merge-open")
    page.fill("#merge-id", hostile)
    page.click("#merge-show")
    sources = page.locator('#merge-compare-table tr[data-field="sources"] td').nth(1)
    expect(sources).to_contain_text("<img src=x onerror=window.__pwned=1>")
    assert "<script>window.__pwned=1</script>" in sources.inner_text()
    assert page.locator("#merge-dialog img, #merge-dialog script").count() == 0
    assert page.evaluate("typeof window.__pwned") == "undefined"
    _no_page_errors(ui)


def test_candidate_week_runs_monday_to_sunday(ui: PageProbe) -> None:
    ui.goto()
    weeks = ui.page.evaluate("""async () => {
        const { weekAround } = await import('/js/merge-dialog.js');
        return ['2022-12-04', '2022-11-28', '2023-01-01', '2024-02-29', '', null, '2022-13-45', 'soon']
            .map((d) => weekAround(d));
    }""")
    assert weeks[:4] == [
        {"start": "2022-11-28", "end": "2022-12-04"},  # a Sunday ends its week
        {"start": "2022-11-28", "end": "2022-12-04"},  # a Monday starts it
        {"start": "2022-12-26", "end": "2023-01-01"},  # across the new year
        {"start": "2024-02-26", "end": "2024-03-03"},  # across a leap day
    ]
    assert weeks[4:] == [None, None, None, None]
