"""Articles from the things ``rasad ingest`` accepts: text, JSON Lines, CSV, HTML pages and
RSS/Atom feeds, as files, folders or URLs.

Each reader yields :class:`Article` objects, or :class:`Skipped` items that say why one record
could not be read, so a bad line never stops a batch.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Iterator

from rasad.ingest.decode import decode_bytes
from rasad.ingest.fetch import Fetched, fetch
from rasad.record import Article, InputError, parse_published

MAX_FILE_BYTES = 200 * 1024 * 1024
MAX_ARTICLE_CHARS = 2_000_000
TEXT_SUFFIXES = {".txt", ".text", ".md"}
JSONL_SUFFIXES = {".jsonl", ".ndjson", ".json"}
CSV_SUFFIXES = {".csv", ".tsv"}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
FEED_SUFFIXES = {".rss", ".atom", ".xml"}


@dataclass
class Skipped:
    where: str
    reason: str


Item = Article | Skipped


def url_article_id(url: str) -> str:
    """Stable id of an article known by its address, so an updated page keeps its id."""
    return "u-" + hashlib.sha1(url.encode("utf-8")).hexdigest()[:16]


def _checked(article: Article, where: str) -> Item:
    if not article.text.strip():
        return Skipped(where, "no text")
    if len(article.text) > MAX_ARTICLE_CHARS:
        return Skipped(where, f"text longer than {MAX_ARTICLE_CHARS:,} characters; split it into articles")
    return article


def read_text(data: bytes, where: str, article_id: str) -> Iterator[Item]:
    text, note = decode_bytes(data, where)
    article = Article(text=text, id=article_id)
    article.encoding_note = note
    yield _checked(article, where)


def read_jsonl(data: bytes, where: str) -> Iterator[Item]:
    text, _note = decode_bytes(data, where)
    stripped = text.lstrip()
    if stripped.startswith("["):  # a JSON array of records is accepted too
        try:
            records = json.loads(text)
        except json.JSONDecodeError as exc:
            yield Skipped(where, f"not valid JSON ({exc.msg} at line {exc.lineno})")
            return
        lines = [(i + 1, r) for i, r in enumerate(records)]
    else:
        lines = []
        for number, line in enumerate(text.splitlines(), 1):
            if not line.strip():
                continue
            try:
                lines.append((number, json.loads(line)))
            except json.JSONDecodeError as exc:
                yield Skipped(f"{where}:{number}", f"not valid JSON ({exc.msg})")
    for number, record in lines:
        try:
            yield _checked(Article.from_dict(record), f"{where}:{number}")
        except InputError as exc:
            yield Skipped(f"{where}:{number}", str(exc))


def read_csv(data: bytes, where: str, delimiter: str = ",") -> Iterator[Item]:
    text, _note = decode_bytes(data, where)
    reader = csv.DictReader(io.StringIO(text, newline=""), delimiter=delimiter)
    if not reader.fieldnames or "text" not in reader.fieldnames:
        yield Skipped(where, f"CSV needs a header row with a 'text' column (found: {', '.join(reader.fieldnames or []) or 'nothing'})")
        return
    try:
        for number, row in enumerate(reader, 2):
            record = {k: v for k, v in row.items() if k and v not in (None, "")}
            try:
                yield _checked(Article.from_dict(record), f"{where}:{number}")
            except InputError as exc:
                yield Skipped(f"{where}:{number}", str(exc))
    except csv.Error as exc:
        yield Skipped(where, f"malformed CSV ({exc})")


def read_html(data: bytes, where: str, url: str | None) -> Iterator[Item]:
    import trafilatura

    html, _note = decode_bytes(data, where)
    extracted = trafilatura.bare_extraction(html, url=url, with_metadata=True, include_comments=False)
    doc = extracted.as_dict() if hasattr(extracted, "as_dict") else (extracted or {})
    text = (doc.get("text") or "").strip()
    if not text:
        yield Skipped(where, "no article text found in the HTML page")
        return
    published = None
    if doc.get("date"):
        try:
            published = parse_published(doc["date"])
        except InputError:
            published = None
    page_url = url or doc.get("url")
    article = Article(text=text, id=url_article_id(page_url) if page_url else "", title=doc.get("title"),
                      url=page_url, source=doc.get("sitename") or doc.get("hostname"), published=published,
                      language=doc.get("language"))
    yield _checked(article, where)


def read_feed(data: bytes, where: str, fetch_pages: Callable[[str], Fetched] | None = None) -> Iterator[Item]:
    """Entries of an RSS/Atom feed. With ``fetch_pages`` each entry's page is fetched and its main
    text extracted; otherwise (or when that fails) the entry's own content or summary is used."""
    import feedparser

    parsed = feedparser.parse(data)
    if parsed.bozo and not parsed.entries:
        yield Skipped(where, f"not a readable RSS/Atom feed ({parsed.get('bozo_exception', 'unknown error')})")
        return
    site = parsed.feed.get("title")
    for index, entry in enumerate(parsed.entries):
        link = entry.get("link")
        entry_where = f"{where}#{link or index}"
        published = None
        for key in ("published_parsed", "updated_parsed"):
            if entry.get(key):
                published = parse_published("%04d-%02d-%02d" % tuple(entry[key][:3]))
                break
        text = None
        if fetch_pages is not None and link:
            try:
                fetched = fetch_pages(link)
                page = next(read_html(fetched.content, link, fetched.url), None)
                if isinstance(page, Article):
                    text = page.text
            except InputError:
                text = None
        if text is None:
            contents = [c.get("value", "") for c in entry.get("content", []) if c.get("value")]
            raw = contents[0] if contents else entry.get("summary", "")
            text = _html_to_text(raw) if raw else ""
        article = Article(text=text, id=url_article_id(link) if link else "", title=entry.get("title"), url=link,
                          source=site, published=published, language=entry.get("language") or parsed.feed.get("language"))
        yield _checked(article, entry_where)


def _html_to_text(fragment: str) -> str:
    if "<" not in fragment:
        return fragment.strip()
    import trafilatura

    text = trafilatura.extract(f"<html><body><article>{fragment}</article></body></html>") or ""
    if text:
        return text.strip()
    from html.parser import HTMLParser

    pieces: list[str] = []

    class _Text(HTMLParser):
        def handle_data(self, data: str) -> None:
            pieces.append(data)

    _Text().feed(fragment)
    return " ".join(" ".join(pieces).split())


def _sniff(data: bytes) -> str:
    head = data[:2048].lstrip().lower()
    if head.startswith(b"<?xml") or b"<rss" in head or b"<feed" in head or b"<rdf:rdf" in head:
        return "feed"
    if head.startswith(b"<!doctype html") or b"<html" in head:
        return "html"
    if head.startswith(b"{") or head.startswith(b"["):
        return "jsonl"
    return "text"


def read_bytes(data: bytes, where: str, kind: str, article_id: str, url: str | None = None,
               fetch_pages: Callable[[str], Fetched] | None = None) -> Iterator[Item]:
    if kind == "feed":
        yield from read_feed(data, where, fetch_pages)
    elif kind == "html":
        yield from read_html(data, where, url)
    elif kind == "jsonl":
        yield from read_jsonl(data, where)
    elif kind == "csv":
        yield from read_csv(data, where)
    elif kind == "tsv":
        yield from read_csv(data, where, delimiter="\t")
    else:
        yield from read_text(data, where, article_id)


def _kind_of_path(path: Path, data: bytes) -> str:
    suffix = path.suffix.lower()
    if suffix in TEXT_SUFFIXES:
        return "text"
    if suffix in JSONL_SUFFIXES:
        return "jsonl"
    if suffix == ".tsv":
        return "tsv"
    if suffix in CSV_SUFFIXES:
        return "csv"
    if suffix in HTML_SUFFIXES:
        return "html"
    if suffix in FEED_SUFFIXES:
        return "feed"
    return _sniff(data)


def _kind_of_response(fetched: Fetched) -> str:
    ctype = fetched.content_type.split(";")[0].strip().lower()
    if ctype in ("application/rss+xml", "application/atom+xml", "application/xml", "text/xml", "application/rdf+xml"):
        return "feed"
    if ctype in ("text/html", "application/xhtml+xml"):
        return "html"
    if ctype in ("application/x-ndjson", "application/jsonl", "application/json"):
        return "jsonl"
    if ctype in ("text/csv",):
        return "csv"
    return _kind_of_path(Path(fetched.url.split("?")[0]), fetched.content)


def read_path(path: Path) -> Iterator[Item]:
    if path.is_dir():
        files = sorted(p for p in path.rglob("*") if p.is_file() and not p.name.startswith("."))
        if not files:
            yield Skipped(str(path), "folder holds no files")
        for file in files:
            yield from read_path(file)
        return
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            yield Skipped(str(path), f"file larger than {MAX_FILE_BYTES // (1024 * 1024)} MiB; split it")
            return
        data = path.read_bytes()
    except OSError as exc:
        yield Skipped(str(path), f"cannot read ({exc.strerror})")
        return
    if not data.strip():
        yield Skipped(str(path), "empty file")
        return
    try:
        yield from read_bytes(data, str(path), _kind_of_path(path, data), article_id=path.name)
    except InputError as exc:
        yield Skipped(str(path), str(exc).split(": ", 1)[-1])


def read_url(url: str, fetch_pages: bool = True) -> Iterator[Item]:
    try:
        fetched = fetch(url)
    except InputError as exc:
        yield Skipped(url, str(exc).split(": ", 1)[-1])
        return
    kind = _kind_of_response(fetched)
    try:
        items = read_bytes(fetched.content, url, kind, article_id=url_article_id(fetched.url),
                           url=fetched.url, fetch_pages=fetch if fetch_pages else None)
        for item in items:
            if isinstance(item, Article) and item.url is None and kind == "text":
                item.url = fetched.url
            yield item
    except InputError as exc:
        yield Skipped(url, str(exc).split(": ", 1)[-1])


def read_source(spec: str, fetch_pages: bool = True) -> Iterator[Item]:
    """Articles from one ``rasad ingest`` argument: a file, a folder or an http(s) URL."""
    if spec.startswith(("http://", "https://")):
        yield from read_url(spec, fetch_pages)
        return
    path = Path(spec).expanduser()
    if not path.exists():
        yield Skipped(spec, "no such file or folder (give a path or an http(s):// URL)")
        return
    yield from read_path(path)
