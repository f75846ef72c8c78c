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
from typing import Any, Iterable

import sqlalchemy as sa
from sqlalchemy.orm import Session, sessionmaker

from rasad.fusion import FusionConfig, fuse_records, load_fusion_config, same_incident
from rasad.fusion.match import haversine_km
from rasad.record import Article, Event, InputError
from rasad.store.engine import has_geometry_column, has_trigram_search, make_engine, normalise_url, upgrade_schema
from rasad.store.models import ActorRow, ArticleRow, EventRow, EventSourceRow, PlaceRow, utcnow
from rasad.store.reading import ReadingMixin
from rasad.store.records import STORED_EVENT_FIELDS, event_summary, search_text_of
from rasad.store.results import LoadResult, NotFoundError, Page, SaveResult, check_page, text_hash
from rasad.store.reviewing import REVIEW_ACTIONS, ReviewingMixin

__all__ = ["REVIEW_ACTIONS", "LoadResult", "NotFoundError", "Page", "SaveResult", "Store", "check_page", "open_store"]
_LIST_DEFAULTS: dict[str, Any] = {"assoc_actor_1": [], "assoc_actor_2": [], "weapons": []}
_NOT_NULL_DEFAULTS: dict[str, Any] = {"fatalities": 0, "notes": "", "confidence": 0.0, "civilian_targeting": False}


def _event_record(event: Event | dict[str, Any]) -> dict[str, Any]:
    if isinstance(event, Event):
        return event.to_dict()
    if isinstance(event, dict):
        return dict(event)
    raise InputError(f"an event must be an Event or a JSON object, got {type(event).__name__}")


def _split_evidence(record: dict[str, Any], article_id: str, text: str | None) -> tuple[dict[str, list[dict[str, Any]]], int]:
    """This article's evidence spans as {field: [{start, end, text}]}, and how many were dropped
    because ``text[start:end]`` is not the span's text (the UI highlights by offset, so a wrong
    span would point at the wrong words). Without the article text spans are kept as given."""
    spans: dict[str, list[dict[str, Any]]] = {}
    dropped = 0
    for name, items in (record.get("evidence") or {}).items():
        for item in items or ():
            if not isinstance(item, dict):
                dropped += 1
                continue
            if item.get("article_id") not in (None, article_id):
                continue
            start, end, quoted = item.get("start"), item.get("end"), item.get("text")
            if text and not (isinstance(start, int) and isinstance(end, int) and 0 <= start <= end <= len(text)
                             and text[start:end] == quoted):
                dropped += 1
                continue
            span = {"start": start, "end": end, "text": quoted}
            if span not in spans.setdefault(name, []):
                spans[name].append(span)
    return {k: v for k, v in spans.items() if v}, dropped


def _remap_article_id(record: dict[str, Any], old: str, new: str) -> dict[str, Any]:
    """The record with the incoming article id replaced by the id the store keeps it under."""
    record = dict(record)
    record["article_ids"] = [new if a == old else a for a in record.get("article_ids") or []]
    record["evidence"] = {
        name: [dict(item, article_id=new) if isinstance(item, dict) and item.get("article_id") == old else item for item in items or ()]
        for name, items in (record.get("evidence") or {}).items()
    }
    return record


class Store(ReadingMixin, ReviewingMixin):
    """One store (see the module docstring); reading and review methods come from the mixins."""

    def __init__(self, url: str | None = None, fusion: FusionConfig | None = None):
        self.url = normalise_url(url)
        self.engine = make_engine(self.url)
        upgrade_schema(self.engine)
        self.has_geometry = has_geometry_column(self.engine)
        self.has_trigram_search = has_trigram_search(self.engine)
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
        try:
            return self._save_article_once(article, records, digest, warnings)
        except sa.exc.IntegrityError:
            # Another writer stored the same article (URL or id) between our lookup and insert;
            # looking again now finds it and gives unchanged/updated instead of a duplicate.
            return self._save_article_once(article, records, digest, warnings)

    def _save_article_once(self, article: Article, records: list[dict[str, Any]], digest: str,
                           warnings: Iterable[str]) -> SaveResult:
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
            if row.id != article.id:
                records = [_remap_article_id(r, article.id, row.id) for r in records]
            event_ids: list[str] = []
            dropped = 0
            for index, record in enumerate(records):
                event_row, n_dropped, _created = self._attach(s, record, row, index, previous)
                event_ids.append(event_row.id)
                dropped += n_dropped
            if dropped:
                row.extraction_warnings = [*row.extraction_warnings,
                                           f"store: dropped {dropped} evidence span(s) whose offsets do not match the text"]
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
                previous: dict[str, EventRow]) -> tuple[EventRow, int, bool]:
        """Add one report to the event it fuses with, or to a new event. Returns the event, the
        number of evidence spans dropped, and whether the event is new."""
        evidence, dropped = _split_evidence(record, article.id, article.text)
        extracted = {k: v for k, v in record.items() if k != "evidence"}
        extracted["article_ids"] = [article.id]
        event_row = previous.get(str(record.get("event_id") or ""))
        if event_row is None:
            event_row = self._find_same_incident(s, extracted, article.id)
        created = event_row is None
        if event_row is None:
            event_row = EventRow(id=self._new_event_id(s, record, article.id, index), created_at=utcnow(),
                                 review_state="unreviewed", overrides={})
            s.add(event_row)
        position = max((src.position for src in event_row.sources), default=-1) + 1
        event_row.sources.append(EventSourceRow(article_id=article.id, position=position, extracted=extracted, evidence=evidence))
        self._note_actors_and_place(s, extracted)
        self._recompute(s, event_row)
        s.flush()
        return event_row, dropped, created

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
        articles = (s.get(ArticleRow, a) for a in article_ids)
        titles = [a.title for a in articles if a is not None and a.title]
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
                        existing.evidence = _split_evidence(record, article_id, article.text)[0]
                        self._recompute(s, existing.event)
                        result.events_replaced += 1
                        continue
                    _event, _dropped, created = self._attach(s, record, article, index, {})
                    if created:
                        result.events_new += 1
                    else:
                        result.events_fused += 1


def open_store(url: str | None = None, fusion: FusionConfig | None = None) -> Store:
    """The store at ``url``: a SQLite path/URL or a PostgreSQL URL; default ``RASAD_DB`` or
    ``./rasad.sqlite``. The schema is created or upgraded on open."""
    return Store(url, fusion)
