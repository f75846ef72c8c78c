"""The store: idempotent saves, re-extraction, fusion of reports, filters, pagination, reviews."""

from __future__ import annotations

import pytest
import sqlalchemy as sa

from rasad.record import Article, Evidence, InputError
from rasad.store import EventFilters, NotFoundError
from rasad.store.synthetic import make_event

TEXT_A = "هاجمت خلايا تنظيم داعش حاجزاً لقسد في قرية الزر بريف البصيرة."
TEXT_B = "Islamic State cells attacked an SDF checkpoint in al-Zir village near Busayrah on Sunday."


def article_a(**kw) -> Article:  # type: ignore[no-untyped-def]
    return Article(text=kw.pop("text", TEXT_A), id="art-a", url="https://news.example/a", source="Example Arabic", **kw)


def article_b(**kw) -> Article:  # type: ignore[no-untyped-def]
    return Article(text=kw.pop("text", TEXT_B), id="art-b", url="https://wire.example/b", source="Example Wire", **kw)


def event_from(article: Article, **fields):  # type: ignore[no-untyped-def]
    word = article.text.split()[0]
    start = article.text.index(word)
    return make_event(article_ids=[article.id], source=article.source,
                      evidence={"event_type": [Evidence(article.id, start, start + len(word), word)]}, **fields)


def test_same_article_twice_is_stored_once(store):
    first = store.save_article(article_a(), [event_from(article_a(), event_id="e-a")])
    second = store.save_article(article_a(), [event_from(article_a(), event_id="e-a")])
    assert (first.status, second.status) == ("new", "unchanged")
    assert second.event_ids == first.event_ids == ["e-a"]
    assert store.counts() | {"reviews": 0} == {"articles": 1, "events": 1, "event_sources": 1, "reviews": 0}


def test_same_text_at_another_address_is_the_same_article(store):
    store.save_article(article_a(), [])
    again = store.save_article(Article(text=TEXT_A, id="copy", url="https://mirror.example/a"), [])
    assert again.status == "unchanged" and again.article_id == "art-a"
    assert store.counts()["articles"] == 1


def test_updated_article_replaces_its_events_without_duplicates(store):
    store.save_article(article_a(), [event_from(article_a(), event_id="e-a", fatalities=1)])
    new_text = TEXT_A + " وقتل عنصران."
    updated = store.save_article(article_a(text=new_text), [event_from(article_a(text=new_text), event_id="e-a", fatalities=2)])
    assert updated.status == "updated"
    assert store.counts()["events"] == 1 and store.counts()["event_sources"] == 1
    event = store.get_event("e-a")
    assert event["fatalities"] == 2
    assert store.get_article("art-a")["text"] == new_text


def test_updated_article_with_no_events_drops_its_unreviewed_events(store):
    store.save_article(article_a(), [event_from(article_a(), event_id="e-a")])
    store.save_article(article_a(text="تصحيح: الخبر غير دقيق."), [])
    assert store.counts()["events"] == 0


def test_reviewed_event_survives_when_its_article_changes(store):
    store.save_article(article_a(), [event_from(article_a(), event_id="e-a")])
    store.review("e-a", "confirm", "analyst")
    store.save_article(article_a(text="نص محدث بلا أحداث."), [])
    kept = store.get_event("e-a")
    assert kept["review_state"] == "confirmed" and kept["source_count"] == 0


def test_two_reports_of_one_incident_fuse_and_keep_all_evidence(store):
    store.save_article(article_a(), [event_from(article_a(), event_id="e-a", fatalities=1, confidence=0.7)])
    # The wire report names the same village, a day later (published next day), more deaths.
    result = store.save_article(article_b(), [event_from(article_b(), event_id="e-b", event_date="2022-12-05",
                                                         fatalities=3, confidence=0.9, actor2=None)])
    assert result.event_ids == ["e-a"]
    event = store.get_event("e-a")
    assert event["source_count"] == 2 and event["article_ids"] == ["art-a", "art-b"]
    assert event["source"] == "Example Arabic;Example Wire"
    assert event["fatalities"] == 3
    assert event["actor2"] == "SDF: Syrian Democratic Forces"  # filled from the report that named it
    spans = event["evidence"]["event_type"]
    assert {s["article_id"] for s in spans} == {"art-a", "art-b"}
    for s in spans:
        text = TEXT_A if s["article_id"] == "art-a" else TEXT_B
        assert text[s["start"]:s["end"]] == s["text"]
    assert [src["article_id"] for src in event["sources"]] == ["art-a", "art-b"]


def test_neighbouring_villages_on_the_same_day_stay_distinct(store):
    store.save_article(article_a(), [event_from(article_a(), event_id="e-a")])
    other = store.save_article(article_b(), [event_from(article_b(), event_id="e-b", place_id="syn-p2",
                                                        location="Next Village", latitude=35.19, longitude=40.43)])
    assert other.event_ids == ["e-b"]
    assert store.counts()["events"] == 2


def test_two_incidents_in_one_article_never_fuse(store):
    events = [event_from(article_a(), event_id="e-1"), event_from(article_a(), event_id="e-2", sub_event_type="Armed clash")]
    result = store.save_article(article_a(), events)
    assert result.event_ids == ["e-1", "e-2"]


def test_event_ids_never_collide(store):
    store.save_article(article_a(), [event_from(article_a(), event_id="same", event_date="2020-01-01")])
    result = store.save_article(article_b(), [event_from(article_b(), event_id="same", event_date="2022-06-01")])
    assert result.event_ids == ["same-2"]


def _load_grid(store) -> None:  # type: ignore[no-untyped-def]
    """Six events over two governorates, three types, two months."""
    specs = [
        ("g1", "2022-01-03", "Battles", "Armed clash", "Deir ez-Zor", 35.1, 40.1, 0.9, 1),
        ("g2", "2022-01-04", "Battles", "Armed clash", "Deir ez-Zor", 35.3, 40.5, 0.5, 0),
        ("g3", "2022-01-12", "Protests", "Peaceful protest", "Aleppo", 36.2, 37.1, 0.6, 0),
        ("g4", "2022-02-01", "Explosions/Remote violence", "Air/drone strike", "Aleppo", 36.3, 37.2, 0.95, 4),
        ("g5", "2022-02-02", "Battles", "Armed clash", "Aleppo", 36.0, 37.0, 0.3, 2),
        ("g6", "2022-02-20", "Protests", "Peaceful protest", "Deir ez-Zor", 35.0, 40.0, 0.7, 0),
    ]
    for i, (eid, date, etype, sub, admin1, lat, lon, conf, dead) in enumerate(specs):
        art = Article(text=f"report {eid} text", id=f"art-{eid}", title=f"Report {eid}", source="Grid News")
        actor1 = "Protesters (Syria)" if etype == "Protests" else "Islamic State (Syria)"
        ev = make_event(event_id=eid, event_date=date, event_type=etype, sub_event_type=sub, admin1=admin1,
                        admin2=admin1, latitude=lat, longitude=lon, confidence=conf, fatalities=dead,
                        place_id=f"p-{eid}", location=f"Place {eid}", actor1=actor1, actor2=None, notes=f"note {eid}")
        store.save_article(art, [ev])


@pytest.mark.parametrize(("params", "expected"), [
    ({}, ["g6", "g5", "g4", "g3", "g2", "g1"]),
    ({"start": "2022-02-01"}, ["g6", "g5", "g4"]),
    ({"start": "2022-01-04", "end": "2022-02-01"}, ["g4", "g3", "g2"]),
    ({"event_type": "Battles"}, ["g5", "g2", "g1"]),
    ({"sub_event_type": "Air/drone strike"}, ["g4"]),
    ({"actor": "protesters"}, ["g6", "g3"]),
    ({"admin1": "Aleppo"}, ["g5", "g4", "g3"]),
    ({"admin2": "Deir ez-Zor"}, ["g6", "g2", "g1"]),
    ({"bbox": "36.9,35.9,37.15,36.25"}, ["g5", "g3"]),
    ({"q": "NOTE G4"}, ["g4"]),
    ({"q": "Report g2"}, ["g2"]),  # article titles are searchable
    ({"q": "50%_"}, []),  # LIKE wildcards are literal
    ({"min_confidence": "0.9"}, ["g4", "g1"]),
    ({"review_state": "unreviewed", "admin1": "Aleppo", "event_type": "Protests"}, ["g3"]),
])
def test_filters(store, params, expected):
    _load_grid(store)
    page = store.list_events(EventFilters.parse(params), page_size=50)
    assert [e["event_id"] for e in page.items] == expected
    assert page.total == len(expected)


def test_pagination_and_sort(store):
    _load_grid(store)
    pages = [store.list_events(None, page=n, page_size=4, sort="event_date") for n in (1, 2, 3)]
    assert [len(p.items) for p in pages] == [4, 2, 0]
    assert all(p.total == 6 for p in pages)
    ids = [e["event_id"] for p in pages for e in p.items]
    assert ids == ["g1", "g2", "g3", "g4", "g5", "g6"]
    by_deaths = store.list_events(None, sort="-fatalities").items
    assert by_deaths[0]["event_id"] == "g4"


@pytest.mark.parametrize(("params", "message"), [
    ({"start": "yesterday"}, "YYYY-MM-DD"),
    ({"start": "2022-03-01", "end": "2022-01-01"}, "after end"),
    ({"bbox": "1,2,3"}, "four numbers"),
    ({"bbox": "10,50,5,40"}, "not a box"),
    ({"min_confidence": "high"}, "number"),
    ({"min_confidence": "3"}, "between 0 and 1"),
    ({"review_state": "maybe"}, "unreviewed"),
])
def test_bad_filters_say_what_is_wrong(params, message):
    with pytest.raises(InputError, match=message):
        EventFilters.parse(params)


def test_bad_paging_and_sort(store):
    with pytest.raises(InputError, match="page starts at 1"):
        store.list_events(None, page=0)
    with pytest.raises(InputError, match="between 1 and 500"):
        store.list_events(None, page_size=501)
    with pytest.raises(InputError, match="sort="):
        store.list_events(None, sort="-nonsense")


def test_stats(store):
    _load_grid(store)
    by_type = {i["key"]: (i["count"], i["fatalities"]) for i in store.stats("event_type")}
    assert by_type == {"Battles": (3, 3), "Protests": (2, 0), "Explosions/Remote violence": (1, 4)}
    weeks = {i["key"]: i["count"] for i in store.stats("week")}
    # ISO weeks start on Monday: 2022-01-03 was a Monday, 2022-02-01 a Tuesday.
    assert weeks == {"2022-01-03": 2, "2022-01-10": 1, "2022-01-31": 2, "2022-02-14": 1}
    aleppo = store.stats("admin1", EventFilters.parse({"start": "2022-02-01"}))
    assert aleppo == [{"key": "Aleppo", "count": 2, "fatalities": 6}, {"key": "Deir ez-Zor", "count": 1, "fatalities": 0}]
    with pytest.raises(InputError, match="by="):
        store.stats("month")


def test_correct_confirm_reject_with_audit_trail(store):
    store.save_article(article_a(), [event_from(article_a(), event_id="e-a")])
    corrected = store.review("e-a", "correct", "Huda", {"event_type": "Violence against civilians", "sub_event_type": "Attack",
                                                        "fatalities": 2}, comment="victims were civilians")
    assert corrected["event_type"] == "Violence against civilians" and corrected["fatalities"] == 2
    assert corrected["disorder_type"] == "Political violence" and corrected["review_state"] == "corrected"
    # A later report of the same incident does not undo the correction.
    store.save_article(article_b(), [event_from(article_b(), event_id="e-b", event_type="Battles", fatalities=1)])
    after = store.get_event("e-a")
    assert after["source_count"] == 2 and after["event_type"] == "Violence against civilians" and after["fatalities"] == 2
    store.review("e-a", "confirm", "Omar")
    store.review("e-a", "reject", "Omar", comment="duplicate of another dataset")
    trail = store.reviews_of("e-a")
    assert [r["action"] for r in trail] == ["correct", "confirm", "reject"]
    assert trail[0]["before"]["event_type"] == "Battles" and trail[0]["after"]["event_type"] == "Violence against civilians"
    assert trail[0]["reviewer"] == "Huda" and trail[0]["comment"] == "victims were civilians"
    assert store.get_event("e-a")["review_state"] == "rejected"


@pytest.mark.parametrize(("action", "changes", "message"), [
    ("correct", {"event_type": "Skirmish"}, "not in the taxonomy"),
    ("correct", {"sub_event_type": "Peaceful protest"}, "does not belong"),
    ("correct", {"colour": "red"}, "cannot correct colour"),
    ("correct", {"event_id": "x"}, "cannot correct event_id"),
    ("correct", {"fatalities": -1}, "between"),
    ("correct", {"fatalities": "two"}, "whole number"),
    ("correct", {"event_date": "05/12/2022"}, "YYYY-MM-DD"),
    ("correct", {"latitude": 123.0}, "between -90 and 90"),
    ("correct", {}, "needs 'changes'"),
    ("confirm", {"fatalities": 1}, "takes no changes"),
    ("approve", None, "use one of"),
])
def test_invalid_reviews_are_refused(store, action, changes, message):
    store.save_article(article_a(), [event_from(article_a(), event_id="e-a")])
    with pytest.raises(InputError, match=message):
        store.review("e-a", action, "Huda", changes)
    assert store.reviews_of("e-a") == []


def test_review_needs_reviewer_and_existing_event(store):
    store.save_article(article_a(), [event_from(article_a(), event_id="e-a")])
    with pytest.raises(InputError, match="reviewer is required"):
        store.review("e-a", "confirm", "  ")
    with pytest.raises(NotFoundError):
        store.review("nope", "confirm", "Huda")
    with pytest.raises(NotFoundError):
        store.get_event("nope")
    with pytest.raises(NotFoundError):
        store.get_article("nope")


def test_merge_and_split(store):
    store.save_article(article_a(), [event_from(article_a(), event_id="e-a", fatalities=1)])
    store.save_article(article_b(), [event_from(article_b(), event_id="e-b", event_date="2022-12-20", fatalities=4)])
    assert store.counts()["events"] == 2  # two weeks apart: not fused automatically
    merged = store.merge(["e-a", "e-b"], "Huda", comment="same attack, late report")
    assert merged["event_id"] == "e-a" and merged["source_count"] == 2 and merged["fatalities"] == 4
    assert store.counts()["events"] == 1
    assert [r["action"] for r in store.reviews_of("e-b")] == ["merge"]
    assert store.reviews_of("e-b")[0]["after"] == {"merged_into": "e-a"}
    new = store.split("e-a", ["art-b"], "Huda")
    assert new["article_ids"] == ["art-b"] and new["fatalities"] == 4
    assert store.get_event("e-a")["article_ids"] == ["art-a"]
    assert store.counts()["events"] == 2
    with pytest.raises(InputError, match="at least one article"):
        store.split("e-a", ["art-a"], "Huda")
    with pytest.raises(InputError, match="no source article"):
        store.split("e-a", ["art-zzz"], "Huda")
    with pytest.raises(InputError, match="distinct"):
        store.merge(["e-a", "e-a"], "Huda")


def test_merging_two_events_of_one_article_keeps_both_reports(store):
    store.save_article(article_a(), [event_from(article_a(), event_id="e-1"), event_from(article_a(), event_id="e-2")])
    merged = store.merge(["e-1", "e-2"], "Huda")
    assert merged["source_count"] == 1 and store.counts()["event_sources"] == 2


def test_save_extracted_is_idempotent_and_fuses(store):
    records = [make_event(event_id="x1", article_ids=["ext-1"], source="Batch A").to_dict(),
               make_event(event_id="x2", article_ids=["ext-2"], source="Batch B", fatalities=2).to_dict(),
               make_event(event_id="x3", article_ids=["ext-3"], event_date="2021-01-01").to_dict()]
    first = store.save_extracted(records)
    assert (first.events_new, first.events_fused) == (2, 1)
    again = store.save_extracted(records)
    assert again.events_replaced == 3 and again.events_new == 0
    assert store.counts()["events"] == 2 and store.counts()["event_sources"] == 3
    assert store.get_event("x1")["source"] == "Batch A;Batch B"
    with pytest.raises(InputError, match="no article_ids"):
        store.save_extracted([make_event(event_id="x9").to_dict()])


def test_articles_list_and_detail(store):
    _load_grid(store)
    page = store.list_articles(q="report g3")
    assert [a["id"] for a in page.items] == ["art-g3"] and page.items[0]["event_ids"] == ["g3"]
    assert "text" not in page.items[0]
    assert store.get_article("art-g3")["text"] == "report g3 text"
    assert store.list_articles(page=2, page_size=4).total == 6


def test_schema_is_at_head_and_sqlite_uses_wal(store):
    with store.engine.connect() as conn:
        assert conn.execute(sa.text("SELECT version_num FROM alembic_version")).scalar() == "0006"
        if store.engine.dialect.name == "sqlite":
            assert conn.execute(sa.text("PRAGMA journal_mode")).scalar() == "wal"
        elif conn.execute(sa.text("SELECT 1 FROM pg_available_extensions WHERE name = 'pg_trgm'")).scalar():
            indexes = conn.execute(sa.text("SELECT indexname FROM pg_indexes WHERE tablename = 'events'")).scalars().all()
            assert "ix_events_search_trgm" in indexes


def test_postgis_geometry_used_for_bbox_when_installed(store):
    if store.engine.dialect.name != "postgresql":
        pytest.skip("PostGIS applies to PostgreSQL stores only")
    if not store.has_geometry:
        pytest.skip("PostGIS is not installed on this PostgreSQL server: the store uses plain lat/lon")
    _load_grid(store)
    with store.engine.connect() as conn:
        assert conn.execute(sa.text("SELECT count(*) FROM events WHERE geom IS NOT NULL")).scalar() == 6
    page = store.list_events(EventFilters.parse({"bbox": "36.9,35.9,37.15,36.25"}))
    assert [e["event_id"] for e in page.items] == ["g5", "g3"]


def test_bad_store_urls():
    from rasad.store import open_store

    with pytest.raises(InputError, match="does not exist"):
        open_store("/no/such/folder/x.sqlite")
    with pytest.raises(InputError, match="unsupported"):
        open_store("mysql://u@h/db")


@pytest.mark.parametrize("hostile", ["'; DROP TABLE events; --", "\" OR 1=1 --", "%", "_", "\\", "ٱلزِّر", "💥" * 50])
def test_hostile_search_strings_are_plain_text(store, hostile):
    _load_grid(store)
    assert store.list_events(EventFilters.parse({"q": hostile, "actor": hostile})).total == 0
    assert store.counts()["events"] == 6


def test_nul_characters_are_refused_not_crashing(store):
    with pytest.raises(InputError, match="NUL"):
        store.save_article(Article(text="text with \x00 inside", id="nul"), [])
    with pytest.raises(InputError, match="NUL"):
        EventFilters.parse({"q": "a\x00b"})
    with pytest.raises(InputError, match="too long"):
        EventFilters.parse({"q": "x" * 501})
    assert store.counts()["articles"] == 0


def test_evidence_spans_that_miss_the_text_are_dropped(store):
    good = Evidence("art-a", 0, 5, TEXT_A[0:5])
    shifted = Evidence("art-a", 1, 6, TEXT_A[0:5])  # off by one: would highlight the wrong letters
    outside = Evidence("art-a", 500, 510, "beyond")
    store.save_article(article_a(), [make_event(event_id="e-a", evidence={"event_type": [good, shifted], "location": [outside]})])
    evidence = store.get_event("e-a")["evidence"]
    assert evidence == {"event_type": [{"article_id": "art-a", "start": 0, "end": 5, "text": TEXT_A[0:5]}]}


def test_evidence_follows_the_stored_article_id(store):
    store.save_article(article_a(), [])
    # The same URL arrives under another id with new text: it is stored as art-a, evidence too.
    text = TEXT_A + " تحديث"
    incoming = Article(text=text, id="other-id", url="https://news.example/a")
    span = Evidence("other-id", 0, 5, text[0:5])
    result = store.save_article(incoming, [make_event(event_id="e-x", article_ids=["other-id"], evidence={"actor1": [span]})])
    assert result.article_id == "art-a" and result.status == "updated"
    event = store.get_event("e-x")
    assert event["article_ids"] == ["art-a"]
    assert event["evidence"]["actor1"] == [{"article_id": "art-a", "start": 0, "end": 5, "text": text[0:5]}]


def test_text_search_index_follows_inserts_updates_and_deletes(store):
    if store.engine.dialect.name == "sqlite" and not store.has_trigram_search:
        pytest.skip("this SQLite lacks the FTS5 trigram tokenizer: q scans instead")
    _load_grid(store)
    assert [e["event_id"] for e in store.list_events(EventFilters.parse({"q": "note g5"})).items] == ["g5"]
    store.review("g5", "correct", "Huda", {"notes": "renamed after review"})
    assert store.list_events(EventFilters.parse({"q": "note g5"})).total == 0
    assert [e["event_id"] for e in store.list_events(EventFilters.parse({"q": "renamed after"})).items] == ["g5"]
    store.save_article(Article(text="replacement text", id="art-g5"), [])  # g5 loses its only source
    assert store.list_events(EventFilters.parse({"q": "renamed after"})).total == 1  # reviewed: kept
    store.save_article(Article(text="replacement text 2", id="art-g6"), [])  # g6 unreviewed: deleted
    assert store.list_events(EventFilters.parse({"q": "note g6"})).total == 0
    assert store.list_events(EventFilters.parse({"q": "الزر"})).total == 0


def test_stores_that_cannot_be_opened_say_why(tmp_path):
    from rasad.store import open_store

    not_a_db = tmp_path / "notes.sqlite"
    not_a_db.write_text("these are my notes, not a database\n" * 100, encoding="utf-8")
    with pytest.raises(InputError, match="cannot open the store .*not a database"):
        open_store(str(not_a_db))
    newer = tmp_path / "newer.sqlite"
    open_store(str(newer)).close()
    engine = sa.create_engine(f"sqlite:///{newer}")
    with engine.begin() as conn:
        conn.execute(sa.text("UPDATE alembic_version SET version_num = '9999'"))
    engine.dispose()
    with pytest.raises(InputError, match="schema this version of rasad does not know"):
        open_store(str(newer))


def test_concurrent_writers_store_an_article_once(store):
    import threading

    errors: list[BaseException] = []
    results = []

    def write() -> None:
        try:
            results.append(store.save_article(article_a(), [event_from(article_a(), event_id="e-a")]).status)
        except BaseException as exc:  # noqa: BLE001 - collected and asserted below
            errors.append(exc)

    threads = [threading.Thread(target=write) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors
    assert sorted(results) == ["new", "unchanged", "unchanged", "unchanged"]
    assert store.counts()["articles"] == 1 and store.counts()["event_sources"] == 1
