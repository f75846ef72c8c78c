"""Reading the store: event lists, details with sources and evidence, statistics, articles."""

from __future__ import annotations

from typing import Any, Iterator

import sqlalchemy as sa
from sqlalchemy.orm import Session, selectinload, sessionmaker

from rasad.record import InputError
from rasad.store.filters import EventFilters, like_pattern, order_by
from rasad.store.models import ArticleRow, EventRow, EventSourceRow, ReviewRow
from rasad.store.records import article_record, event_summary
from rasad.store.results import NotFoundError, Page, check_page

STATS_KEYS = ("week", "event_type", "admin1")


class ReadingMixin:
    """Queries of :class:`rasad.store.Store` (which provides the attributes below)."""

    engine: sa.Engine
    has_geometry: bool
    has_trigram_search: bool
    _sessions: sessionmaker[Session]

    def _event_ids_of(self, s: Session, article_id: str) -> list[str]:
        return self._event_ids_by_article(s, [article_id])[article_id]

    def _event_ids_by_article(self, s: Session, article_ids: list[str]) -> dict[str, list[str]]:
        """Each article's event ids, in the order it came to support them: one query for a page."""
        found: dict[str, dict[str, None]] = {a: {} for a in article_ids}
        if article_ids:
            rows = s.execute(sa.select(EventSourceRow.article_id, EventSourceRow.event_id)
                             .where(EventSourceRow.article_id.in_(article_ids)).order_by(EventSourceRow.id))
            for article_id, event_id in rows:
                found[article_id][event_id] = None
        return {a: list(ids) for a, ids in found.items()}

    def list_events(self, filters: EventFilters | None = None, page: int = 1, page_size: int = 50,
                    sort: str | None = None) -> Page:
        page, page_size = check_page(page, page_size)
        clauses = (filters or EventFilters()).where(self.has_geometry, self.has_trigram_search)
        ordering = order_by(sort)
        with self._sessions() as s:
            total = s.scalar(sa.select(sa.func.count()).select_from(EventRow).where(*clauses)) or 0
            rows = s.scalars(sa.select(EventRow).where(*clauses).order_by(*ordering)
                             .offset((page - 1) * page_size).limit(page_size)).all()
            return Page([event_summary(r) for r in rows], total, page, page_size)

    def iter_events(self, filters: EventFilters | None = None, sort: str | None = "event_date",
                    with_evidence: bool = False, chunk: int = 1000) -> Iterator[dict[str, Any]]:
        """Every matching event (for exports), with ``updated_at``; rejected events only when the
        filters ask for ``review_state=rejected``, since an export is what analysts count."""
        filters = filters or EventFilters()
        clauses = filters.where(self.has_geometry, self.has_trigram_search)
        if filters.review_state is None:
            clauses.append(EventRow.review_state != "rejected")
        ordering = order_by(sort)
        query = sa.select(EventRow).where(*clauses).order_by(*ordering)
        if with_evidence:
            query = query.options(selectinload(EventRow.sources).load_only(
                EventSourceRow.id, EventSourceRow.article_id, EventSourceRow.position, EventSourceRow.evidence))
        with self._sessions() as s:
            # One streamed query: OFFSET paging would re-read every earlier row for each chunk.
            for row in s.scalars(query.execution_options(yield_per=chunk)):
                record = self._full_record(row) if with_evidence else event_summary(row)
                record["updated_at"] = row.updated_at
                yield record

    def _full_record(self, row: EventRow) -> dict[str, Any]:
        record = event_summary(row)
        evidence: dict[str, list[dict[str, Any]]] = {}
        for src in sorted(row.sources, key=lambda x: (x.position, x.id)):
            for name, spans in (src.evidence or {}).items():
                bucket = evidence.setdefault(name, [])
                for span in spans:
                    item = {"article_id": src.article_id, **span}
                    if item not in bucket:
                        bucket.append(item)
        extras = {"review_state": record.pop("review_state"), "source_count": record.pop("source_count")}
        record["evidence"] = evidence
        record["confidence"] = record.pop("confidence")  # keep EVENT_KEYS order: evidence before confidence
        record.update(extras)
        return record

    def get_event(self, event_id: str) -> dict[str, Any]:
        with self._sessions() as s:
            row = s.get(EventRow, event_id, options=[selectinload(EventRow.sources).selectinload(EventSourceRow.article)])
            if row is None:
                raise NotFoundError(f"no event with id {event_id!r}")
            return self._detail(row)

    def _detail(self, row: EventRow) -> dict[str, Any]:
        record = self._full_record(row)
        by_article: dict[str, dict[str, Any]] = {}
        for src in sorted(row.sources, key=lambda x: (x.position, x.id)):
            art = src.article
            entry = by_article.setdefault(src.article_id, {
                "article_id": src.article_id, "title": art.title if art else None, "url": art.url if art else None,
                "source": art.source if art else None,
                "published": art.published.isoformat() if art and art.published else None, "evidence": {},
            })
            for name, spans in (src.evidence or {}).items():
                bucket = entry["evidence"].setdefault(name, [])
                bucket.extend(span for span in spans if span not in bucket)
        record["sources"] = list(by_article.values())
        return record

    def stats(self, by: str, filters: EventFilters | None = None) -> list[dict[str, Any]]:
        if by not in STATS_KEYS:
            raise InputError(f"by={by!r}: use one of {', '.join(STATS_KEYS)}")
        clauses = (filters or EventFilters()).where(self.has_geometry, self.has_trigram_search)
        if by == "week":
            if self.engine.dialect.name == "sqlite":
                # Monday of the ISO week: step back to the previous Monday unless already on one.
                key = sa.func.date(EventRow.event_date, "-6 days", "weekday 1")
            else:
                key = sa.func.to_char(sa.func.date_trunc("week", sa.cast(EventRow.event_date, sa.Date)), "YYYY-MM-DD")
        else:
            key = getattr(EventRow, by)
        query = (sa.select(key.label("key"), sa.func.count().label("n"), sa.func.coalesce(sa.func.sum(EventRow.fatalities), 0))
                 .where(*clauses).group_by(key).order_by(key))
        with self._sessions() as s:
            return [{"key": k, "count": int(n), "fatalities": int(f)} for k, n, f in s.execute(query)]

    # ---------------------------------------------------------------- articles out

    def list_articles(self, q: str | None = None, page: int = 1, page_size: int = 50) -> Page:
        page, page_size = check_page(page, page_size)
        clauses = []
        if q and q.strip():
            if len(q) > 500:
                raise InputError("q is too long (500 characters at most)")
            pattern = like_pattern(q.strip().lower())
            clauses.append(sa.or_(sa.func.lower(ArticleRow.title).like(pattern, escape="\\"),
                                  sa.func.lower(ArticleRow.text).like(pattern, escape="\\")))
        with self._sessions() as s:
            total = s.scalar(sa.select(sa.func.count()).select_from(ArticleRow).where(*clauses)) or 0
            rows = s.scalars(sa.select(ArticleRow).where(*clauses)
                             .order_by(ArticleRow.published.desc().nulls_last(), ArticleRow.id)
                             .offset((page - 1) * page_size).limit(page_size)).all()
            event_ids = self._event_ids_by_article(s, [r.id for r in rows])
            items = [article_record(r, event_ids[r.id], with_text=False) for r in rows]
            return Page(items, total, page, page_size)

    def get_article(self, article_id: str) -> dict[str, Any]:
        with self._sessions() as s:
            row = s.get(ArticleRow, article_id)
            if row is None:
                raise NotFoundError(f"no article with id {article_id!r}")
            return article_record(row, self._event_ids_of(s, row.id))

    def counts(self) -> dict[str, int]:
        with self._sessions() as s:
            return {
                "articles": s.scalar(sa.select(sa.func.count()).select_from(ArticleRow)) or 0,
                "events": s.scalar(sa.select(sa.func.count()).select_from(EventRow)) or 0,
                "event_sources": s.scalar(sa.select(sa.func.count()).select_from(EventSourceRow)) or 0,
                "reviews": s.scalar(sa.select(sa.func.count()).select_from(ReviewRow)) or 0,
            }
