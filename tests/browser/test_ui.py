"""The analyst's UI end to end in a real browser: overview (map, timeline, table), filters, the
event page with evidence highlighted in place, a correction persisted with its audit entry, and
hostile article markup that must never run."""

from __future__ import annotations

import re
from typing import Any

import pytest

expect = pytest.importorskip("playwright.sync_api", reason="the playwright package is not installed").expect

from ui_harness import TOKEN, LiveServer, PageProbe
from ui_samples import XSS_TEXT

pytestmark = pytest.mark.browser


def _all_events(live: LiveServer) -> list[dict[str, Any]]:
    return live.get("/api/events?page_size=500")["items"]


def _event_id(live: LiveServer, article_id: str, index: int = 0) -> str:
    return live.event_ids[article_id][index]


def _no_page_errors(ui: PageProbe) -> None:
    assert [e for e in ui.errors if "Failed to load resource" not in e] == []


def test_overview_shows_the_example_events_on_the_map_and_in_the_table(ui: PageProbe, live_server: LiveServer) -> None:
    events = _all_events(live_server)
    located = [e for e in events if e["latitude"] is not None and e["longitude"] is not None]
    ui.goto()
    page = ui.page

    dots = page.locator("circle.event-dot")
    assert dots.count() == len(located)
    assert {dots.nth(i).get_attribute("data-event-id") for i in range(dots.count())} == {e["event_id"] for e in located}
    # Size grows with fatalities, colour follows the event type.
    radius = {d["event_id"]: float(page.locator(f'circle.event-dot[data-event-id="{d["event_id"]}"]').get_attribute("r"))
              for d in located}
    by_deaths = sorted(located, key=lambda e: e["fatalities"])
    assert radius[by_deaths[0]["event_id"]] < radius[by_deaths[-1]["event_id"]]
    fills = {e["event_type"]: page.locator(f'circle.event-dot[data-event-id="{e["event_id"]}"]').get_attribute("fill")
             for e in located}
    assert len(set(fills.values())) == len(fills)

    rows = page.locator("#events-table tbody tr[data-event-id]")
    assert rows.count() == len(events)
    table_text = page.locator("#events-table").inner_text()
    for place in ("Safat az Zur", "Al-Hisan", "Al-Hraiji", "As Sukhnah", "Jasim"):
        assert place in table_text
    assert "صفات الزر" in table_text
    assert page.locator("#page-info").inner_text().endswith(f"{len(events)} events")

    # Timeline: one bar per week from the first to the last event, counts adding up.
    bars = page.locator("#timeline rect.bar")
    counts = [int(bars.nth(i).get_attribute("data-count")) for i in range(bars.count())]
    assert sum(counts) == len(events)
    assert bars.count() >= 2
    ui.screenshot("overview")
    _no_page_errors(ui)


def test_the_ui_loads_nothing_from_other_origins(ui: PageProbe) -> None:
    ui.goto()
    ui.page.locator("a.event-link").first.click()
    ui.wait_ready("event")
    foreign = [u for u in ui.requests if not (u.startswith(ui.base_url + "/") or u.startswith("data:"))]
    assert ui.requests and foreign == []


def test_filters_narrow_map_table_and_url(ui: PageProbe, live_server: LiveServer) -> None:
    expected = [e for e in _all_events(live_server) if e["event_type"] == "Violence against civilians"]
    assert expected, "the sample data has a Violence against civilians event"
    ui.goto()
    page = ui.page
    page.select_option("#f-event_type", "Violence against civilians")
    page.click("#apply-filters")
    page.wait_for_url(re.compile(r"#/\?.*event_type=Violence"))
    ui.wait_ready("events")
    expect(page.locator("#events-table tbody tr[data-event-id]")).to_have_count(len(expected))
    expect(page.locator("circle.event-dot")).to_have_count(len(expected))
    # The filter survives a reload: it lives in the URL.
    page.reload()
    ui.wait_ready("events")
    assert page.locator("#f-event_type").input_value() == "Violence against civilians"
    page.click("#clear-filters")
    page.wait_for_url(re.compile(r"#/$"))
    expect(page.locator("#events-table tbody tr[data-event-id]")).to_have_count(len(_all_events(live_server)))
    _no_page_errors(ui)


def test_event_page_highlights_every_evidence_span_in_place(ui: PageProbe, live_server: LiveServer) -> None:
    event_id = _event_id(live_server, "seed-report-ar", 0)
    detail = live_server.get(f"/api/events/{event_id}")
    ui.goto()
    page = ui.page
    page.locator(f'circle.event-dot[data-event-id="{event_id}"]').click()
    ui.wait_ready("event")
    assert page.url.endswith(f"#/event/{event_id}")

    source = detail["sources"][0]
    article = live_server.get(f"/api/articles/{source['article_id']}")
    text_box = page.locator(".article-text").first
    # The whole article is shown, line by line, and reads right to left.
    shown = "\n".join(text_box.locator("p").all_inner_texts())
    assert shown.replace("\n", "") == article["text"].replace("\n", "")
    assert text_box.locator("p").first.evaluate("p => p.matches(':dir(rtl)')")

    for field, spans in source["evidence"].items():
        marks = page.locator(f'.article-text mark.ev[data-fields~="{field}"]')
        marked = "".join(marks.all_inner_texts())
        for span in spans:
            assert span["text"] == article["text"][span["start"]:span["end"]]
            assert span["text"] in marked
        assert page.locator(f'.ev-legend li[data-field="{field}"]').count() == 1

    # Clicking a field in the event panel brings its evidence into view.
    page.locator('button.field-ev[data-field="injuries"]').click()
    target = page.locator('.article-text mark.ev[data-fields~="injuries"]').first
    expect(target).to_be_in_viewport()
    assert "pulse" in (target.get_attribute("class") or "")
    ui.screenshot("event-page")
    _no_page_errors(ui)


def test_correction_is_persisted_with_an_audit_entry(ui: PageProbe, live_server: LiveServer) -> None:
    event_id = _event_id(live_server, "seed-report-ar", 3)
    before = live_server.get(f"/api/events/{event_id}")
    assert before["fatalities"] != 7
    ui.goto(f"#/event/{event_id}")
    page = ui.page
    assert page.locator("#audit-empty").is_visible()

    page.fill("#token-input", TOKEN)
    page.click("#token-save")
    assert page.evaluate("sessionStorage.getItem('rasad.reviewToken')") == TOKEN
    page.select_option("#r-event_type", "Explosions/Remote violence")
    page.select_option("#r-sub_event_type", "Remote explosive/landmine/IED")
    page.fill("#r-fatalities", "7")
    page.fill("#r-weapons", "IED;  heavy machine gun ; ")
    page.fill("#r-reviewer", "analyst-1")
    page.fill("#r-comment", "the ambush began with roadside bombs")
    page.click("#review-correct")
    ui.wait_ready("event")
    page.wait_for_selector("#audit-list li.audit-entry")

    entry = page.locator("#audit-list li.audit-entry").first
    assert entry.get_attribute("data-action") == "correct"
    assert "analyst-1" in entry.inner_text()
    assert "roadside bombs" in entry.inner_text()
    change = entry.locator('tr[data-field="fatalities"]')
    assert change.locator(".before").inner_text() == str(before["fatalities"])
    assert change.locator(".after").inner_text() == "7"
    assert page.locator("#event-state").inner_text() == "corrected"
    assert page.locator('#event-fields dd[data-field="fatalities"]').inner_text() == "7"
    ui.screenshot("event-after-correction")

    # Persisted: the API (a fresh read from the store) and a reload agree.
    after = live_server.get(f"/api/events/{event_id}")
    assert (after["fatalities"], after["event_type"], after["sub_event_type"], after["review_state"]) == (
        7, "Explosions/Remote violence", "Remote explosive/landmine/IED", "corrected")
    assert after["weapons"] == ["IED", "heavy machine gun"]
    trail = live_server.get(f"/api/events/{event_id}/reviews")["items"]
    assert [(r["action"], r["reviewer"]) for r in trail] == [("correct", "analyst-1")]
    page.reload()
    ui.wait_ready("event")
    assert page.locator("#audit-list li.audit-entry").count() == 1
    assert page.locator("#r-fatalities").input_value() == "7"
    # The token was entered once: still there after the reload, for this tab only.
    assert page.evaluate("sessionStorage.getItem('rasad.reviewToken')") == TOKEN
    _no_page_errors(ui)


def test_review_with_a_wrong_token_is_refused_and_changes_nothing(ui: PageProbe, live_server: LiveServer) -> None:
    event_id = _event_id(live_server, "en-jasim-shelling", 0)
    ui.goto(f"#/event/{event_id}")
    page = ui.page
    page.fill("#r-reviewer", "someone")
    page.click("#review-confirm")
    assert "token" in page.locator("#review-status").inner_text()

    page.fill("#token-input", "not-the-token")
    page.click("#token-save")
    page.click("#review-confirm")
    expect(page.locator("#review-status")).to_have_text(re.compile(r"^not authorised"))
    assert live_server.get(f"/api/events/{event_id}")["review_state"] == "unreviewed"
    assert live_server.get(f"/api/events/{event_id}/reviews")["items"] == []

    page.fill("#token-input", TOKEN)
    page.click("#token-save")
    page.click("#review-correct")  # nothing edited: the form says so instead of sending
    assert "Nothing changed" in page.locator("#review-status").inner_text()
    assert live_server.get(f"/api/events/{event_id}/reviews")["items"] == []


def test_script_in_an_article_never_runs(ui: PageProbe, live_server: LiveServer) -> None:
    event_id = _event_id(live_server, "hostile-markup", 0)
    ui.goto()  # the hostile event is in the table and on the map too
    page = ui.page
    page.locator(f'#events-table tr[data-event-id="{event_id}"] a.event-link').click()
    ui.wait_ready("event")
    page.locator(".article-text").first.hover()
    page.locator(".article-text b, .article-text p").last.hover()
    page.wait_for_timeout(200)

    assert page.evaluate("typeof window.__pwned") == "undefined"
    text_box = page.locator(".article-text").first
    shown = text_box.inner_text()
    assert "<script>window.__pwned=1</script>" in shown
    assert "<img src=x onerror=window.__pwned=1>" in shown
    assert "<b onmouseover=window.__pwned=1>" in shown
    assert shown.replace("\n", "") == XSS_TEXT.replace("\n", "")
    # The markup stayed text: no element was made from it anywhere on the page.
    assert page.locator("#view script, #view img, .article-text b, .article-text *:not(p):not(mark)").count() == 0
    # The evidence span that quotes the script tag is highlighted as text.
    assert "<script>window.__pwned=1</script>" in page.locator('mark.ev[data-fields~="actor1"]').all_inner_texts()[0]
    # The title is shown literally and the javascript: URL is not a link.
    assert page.locator(".source h3").inner_text() == "<img src=x onerror=window.__pwned=1>"
    assert page.locator('.source a[href^="javascript"]').count() == 0
    ui.screenshot("hostile-article")
    _no_page_errors(ui)


def test_evidence_offsets_count_code_points_not_utf16_units(ui: PageProbe) -> None:
    ui.goto()
    # An emoji before the span is two UTF-16 units but one code point, as Python counts.
    segments = ui.page.evaluate("""async () => {
        const { evidenceSegments } = await import('/js/highlight.js');
        const text = 'قصف 😀 على مدينة السخنة أمس';
        const start = [...text].indexOf('م');
        const quoted = 'مدينة السخنة';
        return evidenceSegments(text, {
            location: [{ start, end: start + [...quoted].length, text: quoted }],
            actor1: [{ start: 0, end: 99, text: 'x' }],
        });
    }""")
    marked = [s["text"] for s in segments["segments"] if s["fields"] == ["location"]]
    assert marked == ["مدينة السخنة"]
    assert len(segments["problems"]) == 1 and "actor1" in segments["problems"][0]


def test_timeline_bar_filters_to_its_week(ui: PageProbe, live_server: LiveServer) -> None:
    ui.goto()
    page = ui.page
    bar = page.locator("#timeline rect.bar:not(.empty)").first
    week = bar.get_attribute("data-week")
    expected = int(bar.get_attribute("data-count"))
    bar.click()
    page.wait_for_url(re.compile(rf"start={week}"))
    expect(page.locator("#events-table tbody tr[data-event-id]")).to_have_count(expected)
    expect(page.locator("#f-start")).to_have_value(week)
    assert re.match(r"\d{4}-\d{2}-\d{2}$", page.locator("#f-end").input_value())
    _no_page_errors(ui)


def test_map_area_becomes_a_bbox_filter(ui: PageProbe, live_server: LiveServer) -> None:
    everything = live_server.get("/api/events?page_size=500")["total"]
    ui.goto()
    page = ui.page
    dot = page.locator(f'circle.event-dot[data-event-id="{_event_id(live_server, "seed-report-ar", 1)}"]')
    box = dot.bounding_box()
    page.mouse.move(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    for _ in range(6):
        page.mouse.wheel(0, -200)
    page.click("#map-area")
    page.wait_for_url(re.compile(r"bbox="))
    bbox = page.evaluate("new URLSearchParams(location.hash.split('?')[1]).get('bbox')")
    min_lon, min_lat, max_lon, max_lat = map(float, bbox.split(","))
    inside = live_server.get(f"/api/events?page_size=500&bbox={bbox}")["items"]
    assert 0 < len(inside) < everything
    assert all(min_lon <= e["longitude"] <= max_lon and min_lat <= e["latitude"] <= max_lat for e in inside)
    expect(page.locator("#events-table tbody tr[data-event-id]")).to_have_count(len(inside))
    expect(page.locator("#f-bbox")).to_have_value(bbox)
    _no_page_errors(ui)


def test_a_value_the_server_refuses_is_explained_and_nothing_changes(ui: PageProbe, live_server: LiveServer) -> None:
    event_id = _event_id(live_server, "seed-report-ar", 2)
    before = live_server.get(f"/api/events/{event_id}")
    ui.goto(f"#/event/{event_id}")
    page = ui.page
    page.fill("#token-input", TOKEN)
    page.click("#token-save")
    page.fill("#r-latitude", "200")
    page.fill("#r-reviewer", "analyst-2")
    page.click("#review-correct")
    expect(page.locator("#review-status")).to_have_class(re.compile(r"\berror\b"))
    assert "latitude" in page.locator("#review-status").inner_text()
    after = live_server.get(f"/api/events/{event_id}")
    assert (after["latitude"], after["review_state"]) == (before["latitude"], before["review_state"])
    assert live_server.get(f"/api/events/{event_id}/reviews")["items"] == []


def test_an_unknown_event_gets_a_message_not_a_blank_page(ui: PageProbe) -> None:
    ui.goto("#/event/no-such-event%E0")
    message = ui.page.locator("#view .error").inner_text()
    assert "no-such-event" in message and "404" not in message
    assert ui.page.locator("#view a[href='#/']").is_visible()
    assert [e for e in ui.errors if "Failed to load resource" not in e] == []
