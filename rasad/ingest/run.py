"""Ingestion: read articles, extract their events, store both, one article per transaction.

An article already stored with the same text is not extracted again, so a rerun after a crash
only does the work that was lost, and ingesting the same feed twice stores nothing new.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Callable, Iterable

from rasad.ingest.readers import Skipped, read_source
from rasad.record import Article, InputError
from rasad.store import Store

Extractor = Callable[[Article], object]  # returns something with .events and .warnings


@dataclass
class IngestReport:
    new: int = 0
    updated: int = 0
    unchanged: int = 0
    events: int = 0
    skipped: list[Skipped] = field(default_factory=list)

    def summary(self) -> str:
        return (f"{self.new} new, {self.updated} updated, {self.unchanged} unchanged article(s); "
                f"{self.events} event report(s) stored; {len(self.skipped)} skipped")


def default_extractor(article: Article) -> object:
    from rasad.extract import extract_article

    return extract_article(article)


def ingest_articles(articles: Iterable[Article | Skipped], store: Store, extractor: Extractor | None = None,
                    on_item: Callable[[str, str], None] | None = None) -> IngestReport:
    """Store each article with its events; ``on_item(where, status)`` reports progress."""
    extractor = extractor or default_extractor
    report = IngestReport()
    for item in articles:
        if isinstance(item, Skipped):
            report.skipped.append(item)
            if on_item:
                on_item(item.where, f"skipped: {item.reason}")
            continue
        status, _stored_id = store.article_status(item)
        if status == "unchanged":
            report.unchanged += 1
            if on_item:
                on_item(item.id, "unchanged")
            continue
        try:
            try:
                result = extractor(item)
            except InputError:
                raise
            except Exception as exc:  # noqa: BLE001 - one article's extractor bug must not stop a batch
                raise InputError(f"extraction failed ({type(exc).__name__}: {exc}); the article was not stored") from exc
            events = list(getattr(result, "events", []) or [])
            warnings = list(getattr(result, "warnings", []) or [])
            saved = store.save_article(item, events, warnings)
        except InputError as exc:
            report.skipped.append(Skipped(item.id, str(exc)))
            if on_item:
                on_item(item.id, f"skipped: {exc}")
            continue
        if saved.status == "new":
            report.new += 1
        elif saved.status == "updated":
            report.updated += 1
        else:
            report.unchanged += 1
        report.events += len(saved.event_ids)
        if on_item:
            on_item(saved.article_id, f"{saved.status}, {len(saved.event_ids)} event(s)")
    return report


def ingest(sources: Iterable[str], store: Store, extractor: Extractor | None = None, fetch_pages: bool = True,
           on_item: Callable[[str, str], None] | None = None, default_published: dt.date | None = None) -> IngestReport:
    """Ingest files, folders and URLs (see :func:`rasad.ingest.readers.read_source`).
    ``default_published`` dates the articles that carry no date of their own (plain text files),
    so their relative dates ("yesterday") can be resolved."""

    def items() -> Iterable[Article | Skipped]:
        for spec in sources:
            for item in read_source(spec, fetch_pages=fetch_pages):
                if default_published and isinstance(item, Article) and item.published is None:
                    item.published = default_published
                yield item

    return ingest_articles(items(), store, extractor, on_item)
