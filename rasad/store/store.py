"""The store: articles, the events read from them (fused across reports), and human reviews.

    store = open_store()                         # RASAD_DB or ./rasad.sqlite; or a URL
    result = store.save_article(article, events) # idempotent; re-extraction replaces links
    page = store.list_events(EventFilters.parse({"admin1": "Deir ez-Zor"}), page=1)

Each ``save_article`` is one transaction: a crash loses at most the article being written, and a
rerun of the same batch finds everything before it ``unchanged``.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import math
from dataclasses import dataclass, field
from typing import Any, Iterable, Iterator

import sqlalchemy as sa
from sqlalchemy.orm import Session, selectinload, sessionmaker

from rasad.fusion import FusionConfig, fuse_records, load_fusion_config, same_incident
from rasad.fusion.match import haversine_km
from rasad.record import Article, Event, InputError
from rasad.store.corrections import check_changes
from rasad.store.engine import has_geometry_column, make_engine, normalise_url, upgrade_schema
from rasad.store.filters import EventFilters, like_pattern, order_by
from rasad.store.models import ActorRow, ArticleRow, EventRow, EventSourceRow, PlaceRow, ReviewRow, utcnow
from rasad.store.records import STORED_EVENT_FIELDS, article_record, event_summary, search_text_of

MAX_PAGE_SIZE = 500
STATS_KEYS = ("week", "event_type", "admin1")
REVIEW_ACTIONS = ("correct", "confirm", "reject")
_LIST_DEFAULTS: dict[str, Any] = {"assoc_actor_1": [], "assoc_actor_2": [], "weapons": []}
_NOT_NULL_DEFAULTS: dict[str, Any] = {"fatalities": 0, "notes": "", "confidence": 0.0, "civilian_targeting": False}


class NotFoundError(LookupError):
    """The event or article asked for is not in the store (the message names it)."""


@dataclass
class SaveResult:
    article_id: str
    status: str  # new | unchanged | updated
    event_ids: list[str] = field(default_factory=list)


@dataclass
class LoadResult:
    events_new: int = 0
    events_fused: int = 0
    events_replaced: int = 0


@dataclass
class Page:
    items: list[dict[str, Any]]
    total: int
    page: int
    page_size: int

    def to_dict(self) -> dict[str, Any]:
        return {"items": self.items, "total": self.total, "page": self.page, "page_size": self.page_size}


def text_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


def check_page(page: Any, page_size: Any) -> tuple[int, int]:
    try:
        page, page_size = int(page), int(page_size)
    except (TypeError, ValueError):
        raise InputError("page and page_size must be whole numbers") from None
    if page < 1:
        raise InputError("page starts at 1")
    if not 1 <= page_size <= MAX_PAGE_SIZE:
        raise InputError(f"page_size must be between 1 and {MAX_PAGE_SIZE}")
    return page, page_size


def _event_record(event: Event | dict[str, Any]) -> dict[str, Any]:
    if isinstance(event, Event):
        return event.to_dict()
    if isinstance(event, dict):
        return dict(event)
    raise InputError(f"an event must be an Event or a JSON object, got {type(event).__name__}")


def _split_evidence(record: dict[str, Any], article_id: str) -> dict[str, list[dict[str, Any]]]:
    """This article's evidence spans as {field: [{start, end, text}]}."""
    spans: dict[str, list[dict[str, Any]]] = {}
    for name, items in (record.get("evidence") or {}).items():
        for item in items or ():
            if not isinstance(item, dict):
                continue
            if item.get("article_id") not in (None, article_id):
                continue
            span = {"start": item.get("start"), "end": item.get("end"), "text": item.get("text")}
            if span not in spans.setdefault(name, []):
                spans[name].append(span)
    return {k: v for k, v in spans.items() if v}


class Store:
    def __init__(self, url: str | None = None, fusion: FusionConfig | None = None):
        self.url = normalise_url(url)
        self.engine = make_engine(self.url)
        upgrade_schema(self.engine)
        self.has_geometry = has_geometry_column(self.engine)
        self.fusion = fusion or load_fusion_config()
        self._sessions = sessionmaker(self.engine, expire_on_commit=False)

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @property
    def display_url(self) -> str:
        return self.engine.url.render_as_string(hide_password=True)

    # ---------------------------------------------------------------- articles in

    def _find_article(self, s: Session, article: Article, digest: str) -> ArticleRow | None:
        if article.url:
            row = s.scalar(sa.select(ArticleRow).where(ArticleRow.url == article.url))
            if row is not None:
                return row
        row = s.scalar(sa.select(ArticleRow).where(ArticleRow.text_hash == digest).order_by(ArticleRow.ingested_at).limit(1))
        if row is not None:
            return row  # the same text from another address is the same article
        row = s.get(ArticleRow, article.id)
        if row is not None and (row.url is None or article.url is None or row.url == article.url):
            return row
        return None

    def article_status(self, article: Article) -> tuple[str, str | None]:
        """What ``save_article`` would do (``new``/``unchanged``/``updated``) and the stored id;
        ingestion uses it to skip extracting articles it already has."""
        digest = text_hash(article.text)
        with self._sessions() as s:
            row = self._find_article(s, article, digest)
            if row is None:
                return "new", None
            return ("unchanged" if row.text_hash == digest else "updated"), row.id

    def save_article(self, article: Article, events: Iterable[Event | dict[str, Any]] = (),
                     warnings: Iterable[str] = ()) -> SaveResult:
        """Store an article and the events extracted from it, in one transaction.

        The same text (or the same URL with the same text) is stored once (``unchanged``). A known
        URL or id with new text is ``updated``: the events it supported lose it as a source, the
        new events are fused in, and events left with no source and no review are removed.
        """
        if not isinstance(article.text, str) or not article.text.strip():
            raise InputError(f"article {article.id!r} has no text")
        for name in ("text", "id", "title", "url", "source", "language"):
            value = getattr(article, name)
            if isinstance(value, str) and "\x00" in value:
                # PostgreSQL cannot store NUL in text, and removing it would shift evidence offsets.
                raise InputError(f"article {article.id!r}: {name} contains NUL characters (binary data?); remove them and retry")
        records = [_event_record(e) for e in events]
        digest = text_hash(article.text)
        with self._sessions.begin() as s:
            row = self._find_article(s, article, digest)
            if row is not None and row.text_hash == digest:
                return SaveResult(row.id, "unchanged", self._event_ids_of(s, row.id))
            previous: dict[str, EventRow] = {}
            if row is not None:
                status = "updated"
                self._fill_article(row, article, digest, warnings)
                previous = self._detach_article(s, row.id)
            else:
                status = "new"
                article_id = article.id
                clash = s.get(ArticleRow, article_id)
                if clash is not None:  # an id reused for another address: keep both articles
                    article_id = f"{article.id}-{digest[:8]}"
                row = ArticleRow(id=article_id, ingested_at=utcnow())
                self._fill_article(row, article, digest, warnings)
                s.add(row)
                s.flush()
            event_ids: list[str] = []
            for index, record in enumerate(records):
                event_row = self._attach(s, record, row, index, previous)
                event_ids.append(event_row.id)
            for event_row in previous.values():
                if event_row.id not in event_ids:
                    self._settle(s, event_row)
            return SaveResult(row.id, status, event_ids)

    def _fill_article(self, row: ArticleRow, article: Article, digest: str, warnings: Iterable[str]) -> None:
        row.url = article.url or row.url
        row.text = article.text
        row.text_hash = digest
        row.title = article.title
        row.source = article.source
        row.published = article.published
        row.language = article.language
        row.encoding_note = article.encoding_note
        row.extraction_warnings = [str(w) for w in warnings]
        row.updated_at = utcnow()

    def _event_ids_of(self, s: Session, article_id: str) -> list[str]:
        rows = s.execute(
            sa.select(EventSourceRow.event_id).where(EventSourceRow.article_id == article_id).order_by(EventSourceRow.id)
        ).scalars()
        return list(dict.fromkeys(rows))

    def _detach_article(self, s: Session, article_id: str) -> dict[str, EventRow]:
        sources = s.scalars(sa.select(EventSourceRow).where(EventSourceRow.article_id == article_id)).all()
        events: dict[str, EventRow] = {}
        for src in sources:
            event_row = src.event
            events[event_row.id] = event_row
            event_row.sources.remove(src)
        s.flush()
        return events

    def _settle(self, s: Session, event_row: EventRow) -> None:
        """Recompute an event whose sources changed; drop it when nothing supports it any more
        and no reviewer has looked at it (a reviewed event is kept: its review is a record)."""
        if not event_row.sources:
            if event_row.review_state == "unreviewed":
                s.delete(event_row)
                s.flush()
            else:
                event_row.source_count = 0
                event_row.article_ids = []
            return
        self._recompute(s, event_row)

    def _new_event_id(self, s: Session, record: dict[str, Any], article_id: str, index: int) -> str:
        base = str(record.get("event_id") or "") or "ev-" + hashlib.sha1(f"{article_id}\x00{index}".encode()).hexdigest()[:12]
        candidate, n = base, 1
        while s.get(EventRow, candidate) is not None:
            n += 1
            candidate = f"{base}-{n}"
        return candidate

    def _attach(self, s: Session, record: dict[str, Any], article: ArticleRow, index: int,
                previous: dict[str, EventRow]) -> EventRow:
        evidence = _split_evidence(record, article.id)
        extracted = {k: v for k, v in record.items() if k != "evidence"}
        extracted["article_ids"] = [article.id]
        event_row = previous.get(str(record.get("event_id") or ""))
        if event_row is None:
            event_row = self._find_same_incident(s, extracted, article.id)
        if event_row is None:
            event_row = EventRow(id=self._new_event_id(s, record, article.id, index), created_at=utcnow(),
                                 review_state="unreviewed", overrides={})
            s.add(event_row)
        position = max((src.position for src in event_row.sources), default=-1) + 1
        event_row.sources.append(EventSourceRow(article_id=article.id, position=position, extracted=extracted, evidence=evidence))
        self._note_actors_and_place(s, extracted)
        self._recompute(s, event_row)
        s.flush()
        return event_row

    def _find_same_incident(self, s: Session, record: dict[str, Any], article_id: str) -> EventRow | None:
        cfg = self.fusion
        family = cfg.family(record.get("event_type"))
        date = record.get("event_date")
        if family is None or not date:
            return None
        try:
            day = dt.date.fromisoformat(str(date)[:10])
        except ValueError:
            return None
        window = dt.timedelta(days=max(cfg.date_window_days.values()))
        types = [t for t, f in cfg.type_families.items() if f == family] or [record["event_type"]]
        query = sa.select(EventRow).where(
            EventRow.event_type.in_(types),
            EventRow.event_date.between((day - window).isoformat(), (day + window).isoformat()),
            EventRow.review_state != "rejected",
            # Two incidents read from one article are distinct by the extractor's decision.
            ~EventRow.id.in_(sa.select(EventSourceRow.event_id).where(EventSourceRow.article_id == article_id)),
        )
        lat, lon = record.get("latitude"), record.get("longitude")
        if isinstance(lat, (int, float)) and isinstance(lon, (int, float)):
            dlat = cfg.max_km_coarse / 111.0
            dlon = cfg.max_km_coarse / (111.0 * max(0.1, math.cos(math.radians(lat))))
            near = sa.and_(EventRow.latitude.between(lat - dlat, lat + dlat), EventRow.longitude.between(lon - dlon, lon + dlon))
            query = query.where(sa.or_(near, EventRow.place_id == record.get("place_id")) if record.get("place_id") else near)
        elif record.get("location"):
            query = query.where(EventRow.location == record["location"])
        else:
            return None
        best: tuple[tuple[float, float], EventRow] | None = None
        for candidate in s.scalars(query.limit(200)):
            current = event_summary(candidate)
            same, _why = same_incident(record, current, cfg)
            if not same:
                continue
            gap = abs((dt.date.fromisoformat(candidate.event_date[:10]) - day).days) if candidate.event_date else 99
            km = (haversine_km(lat, lon, candidate.latitude, candidate.longitude)
                  if candidate.latitude is not None and isinstance(lat, (int, float)) else 0.0)
            key = (gap, km)
            if best is None or key < best[0]:
                best = (key, candidate)
        return best[1] if best else None

    def _note_actors_and_place(self, s: Session, record: dict[str, Any]) -> None:
        for name_key, inter_key in (("actor1", "inter1"), ("actor2", "inter2")):
            name = record.get(name_key)
            if name and s.get(ActorRow, name) is None:
                s.add(ActorRow(name=name, inter=record.get(inter_key)))
        place_id = record.get("place_id")
        if place_id and s.get(PlaceRow, place_id) is None:
            s.add(PlaceRow(place_id=place_id, **{k: record.get(k) for k in (
                "location", "location_ar", "latitude", "longitude", "country", "admin1", "admin2", "admin3")}))

    def _recompute(self, s: Session, event_row: EventRow) -> None:
        sources = sorted(event_row.sources, key=lambda src: (src.position, src.id or 0))
        if not sources:
            return
        fused = fuse_records([dict(src.extracted, evidence={}) for src in sources])
        fused.update(event_row.overrides or {})
        for name in STORED_EVENT_FIELDS:
            value = fused.get(name)
            if value is None:
                value = _LIST_DEFAULTS.get(name, _NOT_NULL_DEFAULTS.get(name))
            setattr(event_row, name, list(value) if isinstance(value, list) else value)
        article_ids = list(dict.fromkeys(src.article_id for src in sources))
        titles = [t for t in (s.get(ArticleRow, a).title for a in article_ids if s.get(ArticleRow, a)) if t]
        event_row.article_ids = article_ids
        event_row.source_count = len(article_ids)
        event_row.search_text = search_text_of(fused, titles)
        event_row.updated_at = utcnow()

    def save_extracted(self, records: Iterable[Event | dict[str, Any]], articles: Iterable[Article] = (),
                       batch_size: int = 200) -> LoadResult:
        """Load events extracted elsewhere (``rasad batch`` output), fusing as ``save_article`` does.

        ``articles`` (optional) are stored first, without extraction. An event naming an article
        the store lacks gets a placeholder article (no text) that a later ``save_article`` of that
        id fills in. Loading the same records again replaces them instead of adding copies.
        """
        result = LoadResult()
        for article in articles:
            digest = text_hash(article.text)
            with self._sessions.begin() as s:
                if self._find_article(s, article, digest) is None:
                    row = ArticleRow(id=article.id, ingested_at=utcnow())
                    self._fill_article(row, article, digest, ())
                    s.add(row)
        pending: list[dict[str, Any]] = []
        for event in records:
            pending.append(_event_record(event))
            if len(pending) >= batch_size:
                self._load_batch(pending, result)
                pending = []
        if pending:
            self._load_batch(pending, result)
        return result

    def _load_batch(self, records: list[dict[str, Any]], result: LoadResult) -> None:
        with self._sessions.begin() as s:
            for index, record in enumerate(records):
                article_ids = [str(a) for a in record.get("article_ids") or [] if a]
                if not article_ids:
                    raise InputError(f"event {record.get('event_id')!r} has no article_ids: cannot tell which report it came from")
                for article_id in article_ids:
                    article = s.get(ArticleRow, article_id)
                    if article is None:
                        article = ArticleRow(id=article_id, text="", text_hash=f"placeholder:{article_id}",
                                             source=record.get("source"), ingested_at=utcnow(), updated_at=utcnow(),
                                             extraction_warnings=["placeholder: loaded from extracted events without the article"])
                        s.add(article)
                        s.flush()
                    existing = s.scalar(sa.select(EventSourceRow).where(
                        EventSourceRow.article_id == article_id,
                        EventSourceRow.extracted["event_id"].as_string() == str(record.get("event_id") or ""),
                    )) if record.get("event_id") else None
                    if existing is not None:
                        existing.extracted = {k: v for k, v in record.items() if k != "evidence"} | {"article_ids": [article_id]}
                        existing.evidence = _split_evidence(record, article_id)
                        self._recompute(s, existing.event)
                        result.events_replaced += 1
                        continue
                    before = s.scalar(sa.select(sa.func.count()).select_from(EventRow))
                    self._attach(s, record, article, index, {})
                    after = s.scalar(sa.select(sa.func.count()).select_from(EventRow))
                    if after > before:
                        result.events_new += 1
                    else:
                        result.events_fused += 1

    # ---------------------------------------------------------------- events out

    def list_events(self, filters: EventFilters | None = None, page: int = 1, page_size: int = 50,
                    sort: str | None = None) -> Page:
        page, page_size = check_page(page, page_size)
        clauses = (filters or EventFilters()).where(self.has_geometry)
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
        clauses = filters.where(self.has_geometry)
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
        clauses = (filters or EventFilters()).where(self.has_geometry)
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
            items = [article_record(r, self._event_ids_of(s, r.id), with_text=False) for r in rows]
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

    # ---------------------------------------------------------------- reviews

    def reviews_of(self, event_id: str) -> list[dict[str, Any]]:
        with self._sessions() as s:
            if s.get(EventRow, event_id) is None and not s.scalar(sa.select(ReviewRow.id).where(ReviewRow.event_id == event_id).limit(1)):
                raise NotFoundError(f"no event with id {event_id!r}")
            rows = s.scalars(sa.select(ReviewRow).where(ReviewRow.event_id == event_id).order_by(ReviewRow.id)).all()
            return [{
                "id": r.id, "event_id": r.event_id, "action": r.action, "reviewer": r.reviewer, "comment": r.comment,
                "before": r.before, "after": r.after, "created_at": r.created_at.isoformat() + "Z",
            } for r in rows]

    @staticmethod
    def _check_reviewer(reviewer: Any) -> str:
        if not isinstance(reviewer, str) or not reviewer.strip():
            raise InputError("reviewer is required: the name of the person making the change")
        if len(reviewer) > 200:
            raise InputError("reviewer is too long (200 characters at most)")
        return reviewer.strip()

    def _load_event(self, s: Session, event_id: str) -> EventRow:
        row = s.get(EventRow, event_id, options=[selectinload(EventRow.sources).selectinload(EventSourceRow.article)])
        if row is None:
            raise NotFoundError(f"no event with id {event_id!r}")
        return row

    def review(self, event_id: str, action: str, reviewer: str, changes: dict[str, Any] | None = None,
               comment: str | None = None) -> dict[str, Any]:
        """Correct, confirm or reject one event; the audit trail keeps the before and after."""
        if action not in REVIEW_ACTIONS:
            raise InputError(f"action {action!r}: use one of {', '.join(REVIEW_ACTIONS)} (merge and split have their own endpoints)")
        reviewer = self._check_reviewer(reviewer)
        with self._sessions.begin() as s:
            row = self._load_event(s, event_id)
            before = event_summary(row)
            if action == "correct":
                checked = check_changes(changes, before)
                row.overrides = {**(row.overrides or {}), **checked}
                self._recompute(s, row)
                if not row.sources:  # a kept event without sources: apply corrections directly
                    for name, value in checked.items():
                        setattr(row, name, value)
                row.review_state = "corrected"
            elif changes:
                raise InputError(f"'{action}' takes no changes: use action 'correct' to change fields")
            else:
                row.review_state = "confirmed" if action == "confirm" else "rejected"
            row.updated_at = utcnow()
            s.flush()
            after = event_summary(row)
            s.add(ReviewRow(event_id=row.id, action=action, reviewer=reviewer, comment=comment,
                            before=before, after=after, created_at=utcnow()))
            s.flush()
            return self._detail(row)

    def merge(self, event_ids: list[str], reviewer: str, comment: str | None = None) -> dict[str, Any]:
        """Fold the later events into the first: it keeps every source and its own corrections."""
        if not isinstance(event_ids, list) or len(event_ids) < 2 or not all(isinstance(e, str) for e in event_ids):
            raise InputError("merge needs 'event_ids': a list of at least two event ids")
        if len(set(event_ids)) != len(event_ids):
            raise InputError("merge needs distinct event ids")
        reviewer = self._check_reviewer(reviewer)
        with self._sessions.begin() as s:
            rows = [self._load_event(s, e) for e in event_ids]
            survivor, others = rows[0], rows[1:]
            before = event_summary(survivor)
            position = max((src.position for src in survivor.sources), default=-1) + 1
            for other in others:
                other_before = event_summary(other)
                for src in list(other.sources):
                    other.sources.remove(src)
                    survivor.sources.append(EventSourceRow(article_id=src.article_id, position=position,
                                                           extracted=src.extracted, evidence=src.evidence))
                    position += 1
                s.add(ReviewRow(event_id=other.id, action="merge", reviewer=reviewer, comment=comment,
                                before=other_before, after={"merged_into": survivor.id}, created_at=utcnow()))
                s.flush()
                s.delete(other)
            s.flush()
            self._recompute(s, survivor)
            survivor.review_state = "corrected"
            s.flush()
            s.add(ReviewRow(event_id=survivor.id, action="merge", reviewer=reviewer, comment=comment,
                            before=before, after=event_summary(survivor) | {"merged_from": event_ids[1:]}, created_at=utcnow()))
            s.flush()
            return self._detail(survivor)

    def split(self, event_id: str, article_ids: list[str], reviewer: str, comment: str | None = None) -> dict[str, Any]:
        """Move the given articles' reports of an event to a new event; returns the new event."""
        if not isinstance(article_ids, list) or not article_ids or not all(isinstance(a, str) for a in article_ids):
            raise InputError("split needs 'article_ids': a non-empty list of the article ids to move to a new event")
        reviewer = self._check_reviewer(reviewer)
        with self._sessions.begin() as s:
            row = self._load_event(s, event_id)
            present = {src.article_id for src in row.sources}
            missing = sorted(set(article_ids) - present)
            if missing:
                raise InputError(f"event {event_id!r} has no source article(s) {', '.join(missing)}; its articles are {', '.join(sorted(present))}")
            if present <= set(article_ids):
                raise InputError("split must leave at least one article with the original event")
            before = event_summary(row)
            new_row = EventRow(id=self._split_id(s, event_id), created_at=utcnow(), review_state="corrected", overrides={})
            s.add(new_row)
            for position, src in enumerate([x for x in row.sources if x.article_id in article_ids]):
                row.sources.remove(src)
                new_row.sources.append(EventSourceRow(article_id=src.article_id, position=position,
                                                      extracted=src.extracted, evidence=src.evidence))
            s.flush()
            self._recompute(s, row)
            self._recompute(s, new_row)
            row.review_state = "corrected"
            s.flush()
            s.add(ReviewRow(event_id=row.id, action="split", reviewer=reviewer, comment=comment, before=before,
                            after=event_summary(row) | {"split_into": new_row.id}, created_at=utcnow()))
            s.add(ReviewRow(event_id=new_row.id, action="split", reviewer=reviewer, comment=comment,
                            before={"split_from": row.id}, after=event_summary(new_row), created_at=utcnow()))
            s.flush()
            new_row = self._load_event(s, new_row.id)
            return self._detail(new_row)

    def _split_id(self, s: Session, event_id: str) -> str:
        n = 1
        while s.get(EventRow, f"{event_id}-s{n}") is not None:
            n += 1
        return f"{event_id}-s{n}"


def open_store(url: str | None = None, fusion: FusionConfig | None = None) -> Store:
    """The store at ``url``: a SQLite path/URL or a PostgreSQL URL; default ``RASAD_DB`` or
    ``./rasad.sqlite``. The schema is created or upgraded on open."""
    return Store(url, fusion)
