"""Reading articles from every supported kind of input, and refusing bad input with a reason."""

from __future__ import annotations

import json
from pathlib import Path

from rasad.ingest import Skipped, ingest, read_source
from rasad.ingest.readers import url_article_id
from rasad.record import Article

ARABIC = "هاجمت خلايا تنظيم داعش حاجزاً عسكرياً في بلدة الحصان بريف دير الزور الغربي."

PAGE = f"""<!doctype html><html lang="ar"><head><title>هجوم على حاجز</title>
<meta property="og:site_name" content="Example News"><meta name="date" content="2022-12-05"></head>
<body><nav>الرئيسية | أخبار | اتصل بنا</nav>
<article><h1>هجوم على حاجز</h1><p>{ARABIC}</p>
<p>وأفادت مصادر محلية بإصابة ثلاثة عناصر بجروح قبل انسحاب المهاجمين إلى جهة مجهولة وسط استنفار أمني كبير في البلدة.</p></article>
<footer>جميع الحقوق محفوظة</footer></body></html>"""


def feed_xml(base: str, entries: list[tuple[str, str, str]]) -> str:
    items = "".join(
        f"<item><title>{title}</title><link>{base}/{slug}</link><pubDate>Mon, 05 Dec 2022 10:00:00 GMT</pubDate>"
        f"<description>{summary}</description></item>" for slug, title, summary in entries)
    return f'<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>Example Feed</title>{items}</channel></rss>'


def items(spec: str | Path) -> tuple[list[Article], list[Skipped]]:
    got = list(read_source(str(spec)))
    return [a for a in got if isinstance(a, Article)], [s for s in got if isinstance(s, Skipped)]


def test_text_file_is_an_article_named_after_the_file(tmp_path: Path) -> None:
    path = tmp_path / "report-1.txt"
    path.write_text(ARABIC, encoding="utf-8")
    articles, skipped = items(path)
    assert [(a.id, a.text) for a in articles] == [("report-1.txt", ARABIC)] and not skipped


def test_windows_1256_text_is_decoded_and_noted(tmp_path: Path) -> None:
    path = tmp_path / "legacy.txt"
    path.write_bytes((ARABIC + " " + ARABIC).encode("windows-1256"))
    articles, _ = items(path)
    assert articles[0].text.startswith(ARABIC)
    assert articles[0].encoding_note and "1256" in articles[0].encoding_note


def test_binary_empty_and_missing_inputs_are_skipped_with_reasons(tmp_path: Path) -> None:
    (tmp_path / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    (tmp_path / "empty.txt").write_bytes(b"  \n")
    _, skipped = items(tmp_path / "image.txt")
    assert "binary" in skipped[0].reason
    _, skipped = items(tmp_path / "empty.txt")
    assert skipped[0].reason == "empty file"
    _, skipped = items(tmp_path / "nope.txt")
    assert "no such file" in skipped[0].reason


def test_jsonl_bad_lines_are_skipped_not_fatal(tmp_path: Path) -> None:
    path = tmp_path / "batch.jsonl"
    path.write_text("\n".join([
        json.dumps({"id": "ok-1", "text": ARABIC, "published": "2022-12-05", "source": "S"}, ensure_ascii=False),
        "{not json",
        json.dumps({"id": "no-text"}),
        json.dumps({"id": "bad-date", "text": "x", "published": "last week"}),
        json.dumps(["not", "an", "object"]),
        json.dumps({"id": "ok-2", "text": "Second report."}),
    ]), encoding="utf-8")
    articles, skipped = items(path)
    assert [a.id for a in articles] == ["ok-1", "ok-2"]
    assert articles[0].published.isoformat() == "2022-12-05"
    reasons = {s.where.rsplit(":", 1)[1]: s.reason for s in skipped}
    assert set(reasons) == {"2", "3", "4", "5"}
    assert "not valid JSON" in reasons["2"] and "no 'text'" in reasons["3"] and "YYYY-MM-DD" in reasons["4"]


def test_csv_needs_a_text_column(tmp_path: Path) -> None:
    good = tmp_path / "good.csv"
    good.write_text(f'id,title,text,published\nc1,"Title, with comma","{ARABIC}",2022-12-05\nc2,,,\n', encoding="utf-8")
    articles, skipped = items(good)
    assert [(a.id, a.title) for a in articles] == [("c1", "Title, with comma")] and "no 'text'" in skipped[0].reason
    bad = tmp_path / "bad.csv"
    bad.write_text("id,body\n1,hello\n", encoding="utf-8")
    _, skipped = items(bad)
    assert "'text' column" in skipped[0].reason


def test_html_page_main_text_without_navigation(tmp_path: Path) -> None:
    path = tmp_path / "page.html"
    path.write_text(PAGE, encoding="utf-8")
    articles, _ = items(path)
    assert ARABIC in articles[0].text
    assert "جميع الحقوق محفوظة" not in articles[0].text and "اتصل بنا" not in articles[0].text
    assert articles[0].title == "هجوم على حاجز"


def test_feed_file_uses_entry_summaries(tmp_path: Path) -> None:
    path = tmp_path / "feed.xml"
    path.write_text(feed_xml("https://news.example", [("a1", "One", ARABIC), ("a2", "Two", "Second summary.")]), encoding="utf-8")
    articles, skipped = items(path)
    assert [a.url for a in articles] == ["https://news.example/a1", "https://news.example/a2"] and not skipped
    assert articles[0].text == ARABIC and articles[0].source == "Example Feed"
    assert articles[0].published.isoformat() == "2022-12-05"
    assert articles[0].id == url_article_id("https://news.example/a1")


def test_folder_is_read_recursively(tmp_path: Path) -> None:
    (tmp_path / "sub").mkdir()
    (tmp_path / "one.txt").write_text("first report", encoding="utf-8")
    (tmp_path / "sub" / "two.txt").write_text("second report", encoding="utf-8")
    articles, _ = items(tmp_path)
    assert sorted(a.id for a in articles) == ["one.txt", "two.txt"]


def test_feed_url_fetches_each_page_and_twice_stores_nothing_new(web_root, store, extractor) -> None:
    root, base = web_root
    (root / "story1.html").write_text(PAGE, encoding="utf-8")
    (root / "story2.html").write_text(PAGE.replace("الحصان", "الحريجي"), encoding="utf-8")
    (root / "feed.xml").write_text(feed_xml(base, [("story1.html", "One", "short"), ("story2.html", "Two", "short")]), encoding="utf-8")
    first = ingest([f"{base}/feed.xml"], store, extractor=extractor)
    assert (first.new, first.unchanged, first.events, len(first.skipped)) == (2, 0, 2, 0)
    stored = store.get_article(url_article_id(f"{base}/story1.html"))
    assert ARABIC in stored["text"] and stored["url"] == f"{base}/story1.html"
    counts = store.counts()
    second = ingest([f"{base}/feed.xml"], store, extractor=extractor)
    assert (second.new, second.updated, second.unchanged) == (0, 0, 2)
    assert store.counts() == counts


def test_updated_page_is_re_extracted_without_duplicates(web_root, store, extractor) -> None:
    root, base = web_root
    (root / "story.html").write_text(PAGE, encoding="utf-8")
    ingest([f"{base}/story.html"], store, extractor=extractor)
    (root / "story.html").write_text(PAGE.replace("ثلاثة عناصر", "أربعة عناصر"), encoding="utf-8")
    report = ingest([f"{base}/story.html"], store, extractor=extractor)
    assert (report.new, report.updated) == (0, 1)
    assert store.counts()["articles"] == 1 and store.counts()["events"] == 1 and store.counts()["event_sources"] == 1
    assert "أربعة" in store.get_article(url_article_id(f"{base}/story.html"))["text"]


def test_unreachable_url_is_skipped(web_root, store) -> None:
    _root, base = web_root
    report = ingest([f"{base}/missing.html", "ftp://example.org/x"], store)
    assert [s.reason for s in report.skipped] == ["the server answered HTTP 404", "no such file or folder (give a path or an http(s):// URL)"]


def test_an_extractor_failure_skips_that_article_only(tmp_path: Path, store, extractor) -> None:
    path = tmp_path / "batch.jsonl"
    path.write_text("\n".join(json.dumps({"id": f"x{i}", "text": f"report {i}"}) for i in range(3)), encoding="utf-8")

    def flaky(article):  # type: ignore[no-untyped-def]
        if article.id == "x1":
            raise ZeroDivisionError("division by zero")
        return extractor(article)

    report = ingest([str(path)], store, extractor=flaky)
    assert (report.new, len(report.skipped)) == (2, 1)
    assert report.skipped[0].where == "x1" and "ZeroDivisionError" in report.skipped[0].reason
    rerun = ingest([str(path)], store, extractor=extractor)  # fixed extractor: the skipped one is added
    assert (rerun.new, rerun.unchanged) == (1, 2)


def test_atom_feed_entries(tmp_path: Path) -> None:
    path = tmp_path / "feed.atom"
    path.write_text('<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Atom News</title>'
                    '<entry><title>Clash</title><link href="https://atom.example/1"/><id>tag:1</id>'
                    f'<updated>2023-01-02T08:00:00Z</updated><content type="html">&lt;p&gt;{ARABIC}&lt;/p&gt;</content></entry></feed>',
                    encoding="utf-8")
    articles, skipped = items(path)
    assert not skipped and len(articles) == 1
    assert (articles[0].url, articles[0].source, articles[0].published.isoformat()) == ("https://atom.example/1", "Atom News", "2023-01-02")
    assert ARABIC in articles[0].text and "<p>" not in articles[0].text


def test_default_publication_date_for_undated_text(tmp_path: Path, store, extractor) -> None:
    import datetime as dt

    (tmp_path / "r.txt").write_text("تقرير بلا تاريخ نشر.", encoding="utf-8")
    seen: list = []

    def recording(article):  # type: ignore[no-untyped-def]
        seen.append(article.published)
        return extractor(article)

    ingest([str(tmp_path / "r.txt")], store, extractor=recording, default_published=dt.date(2022, 12, 5))
    assert seen == [dt.date(2022, 12, 5)]
    assert store.get_article("r.txt")["published"] == "2022-12-05"
