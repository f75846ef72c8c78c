"""SQLAlchemy 2 models of the store.

An event's coded fields are derived: they are the fusion of what each supporting article said
(``EventSourceRow.extracted``) with the reviewers' corrections (``EventRow.overrides``) laid on
top. Keeping both lets a re-extraction, a merge or a split recompute an event without losing
either the machine's evidence or the humans' decisions.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import JSON, Boolean, Date, DateTime, Float, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship


def utcnow() -> dt.datetime:
    return dt.datetime.now(dt.timezone.utc).replace(tzinfo=None)


class Base(DeclarativeBase):
    pass


class ArticleRow(Base):
    __tablename__ = "articles"

    id: Mapped[str] = mapped_column(String(200), primary_key=True)
    url: Mapped[str | None] = mapped_column(String(2000), unique=True)
    text_hash: Mapped[str] = mapped_column(String(64), index=True)
    title: Mapped[str | None] = mapped_column(Text)
    source: Mapped[str | None] = mapped_column(String(500))
    published: Mapped[dt.date | None] = mapped_column(Date, index=True)
    language: Mapped[str | None] = mapped_column(String(16))
    encoding_note: Mapped[str | None] = mapped_column(String(200))
    text: Mapped[str] = mapped_column(Text)
    extraction_warnings: Mapped[list[str]] = mapped_column(JSON, default=list)
    ingested_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)
    updated_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)

    sources: Mapped[list["EventSourceRow"]] = relationship(back_populates="article", cascade="all, delete-orphan")


class EventRow(Base):
    __tablename__ = "events"

    id: Mapped[str] = mapped_column(String(200), primary_key=True)
    event_date: Mapped[str | None] = mapped_column(String(10), index=True)  # ISO: sorts as text
    time_precision: Mapped[int | None] = mapped_column(Integer)
    disorder_type: Mapped[str | None] = mapped_column(String(100))
    event_type: Mapped[str | None] = mapped_column(String(100), index=True)
    sub_event_type: Mapped[str | None] = mapped_column(String(100))
    actor1: Mapped[str | None] = mapped_column(String(300), index=True)
    actor2: Mapped[str | None] = mapped_column(String(300), index=True)
    assoc_actor_1: Mapped[list[str]] = mapped_column(JSON, default=list)
    assoc_actor_2: Mapped[list[str]] = mapped_column(JSON, default=list)
    inter1: Mapped[int | None] = mapped_column(Integer)
    inter2: Mapped[int | None] = mapped_column(Integer)
    interaction: Mapped[int | None] = mapped_column(Integer)
    civilian_targeting: Mapped[bool] = mapped_column(Boolean, default=False)
    country: Mapped[str | None] = mapped_column(String(100))
    iso: Mapped[int | None] = mapped_column(Integer)
    admin1: Mapped[str | None] = mapped_column(String(200), index=True)
    admin2: Mapped[str | None] = mapped_column(String(200), index=True)
    admin3: Mapped[str | None] = mapped_column(String(200))
    location: Mapped[str | None] = mapped_column(String(300))
    location_ar: Mapped[str | None] = mapped_column(String(300))
    latitude: Mapped[float | None] = mapped_column(Float)
    longitude: Mapped[float | None] = mapped_column(Float)
    geo_precision: Mapped[int | None] = mapped_column(Integer)
    place_id: Mapped[str | None] = mapped_column(String(200), index=True)
    fatalities: Mapped[int] = mapped_column(Integer, default=0)
    injuries: Mapped[int | None] = mapped_column(Integer)
    weapons: Mapped[list[str]] = mapped_column(JSON, default=list)
    notes: Mapped[str] = mapped_column(Text, default="")
    source: Mapped[str | None] = mapped_column(Text)
    source_url: Mapped[str | None] = mapped_column(String(2000))
    language: Mapped[str | None] = mapped_column(String(16))
    confidence: Mapped[float] = mapped_column(Float, default=0.0, index=True)

    review_state: Mapped[str] = mapped_column(String(20), default="unreviewed", index=True)
    overrides: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    search_text: Mapped[str] = mapped_column(Text, default="")  # lower-cased text the `q` filter scans
    source_count: Mapped[int] = mapped_column(Integer, default=0)
    article_ids: Mapped[list[str]] = mapped_column(JSON, default=list)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)
    updated_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)

    sources: Mapped[list["EventSourceRow"]] = relationship(
        back_populates="event", cascade="all, delete-orphan", order_by="EventSourceRow.position"
    )

    __table_args__ = (
        Index("ix_events_lat_lon", "latitude", "longitude"),
        # migration 0003: the list's common filters, walked in date order
        Index("ix_events_type_date", "event_type", "event_date"),
        Index("ix_events_admin1_date", "admin1", "event_date"),
        Index("ix_events_admin1_type_date", "admin1", "event_type", "event_date"),
    )


class EventSourceRow(Base):
    """One article's report of one event: what it said (``extracted``) and where (``evidence``)."""

    __tablename__ = "event_sources"

    # A surrogate key: after a reviewer merges two events of one article, that article supports
    # the surviving event twice, once per incident it was read as.
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    event_id: Mapped[str] = mapped_column(ForeignKey("events.id", ondelete="CASCADE"), index=True)
    article_id: Mapped[str] = mapped_column(ForeignKey("articles.id", ondelete="CASCADE"))
    position: Mapped[int] = mapped_column(Integer, default=0)  # order in which sources arrived
    extracted: Mapped[dict[str, Any]] = mapped_column(JSON)  # the event as this article coded it
    evidence: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)  # field -> [{start,end,text}]

    event: Mapped[EventRow] = relationship(back_populates="sources")
    article: Mapped[ArticleRow] = relationship(back_populates="sources")

    __table_args__ = (Index("ix_event_sources_article", "article_id"),)


class ActorRow(Base):
    __tablename__ = "actors"

    name: Mapped[str] = mapped_column(String(300), primary_key=True)
    inter: Mapped[int | None] = mapped_column(Integer)


class PlaceRow(Base):
    __tablename__ = "places"

    place_id: Mapped[str] = mapped_column(String(200), primary_key=True)
    location: Mapped[str | None] = mapped_column(String(300))
    location_ar: Mapped[str | None] = mapped_column(String(300))
    latitude: Mapped[float | None] = mapped_column(Float)
    longitude: Mapped[float | None] = mapped_column(Float)
    country: Mapped[str | None] = mapped_column(String(100))
    admin1: Mapped[str | None] = mapped_column(String(200))
    admin2: Mapped[str | None] = mapped_column(String(200))
    admin3: Mapped[str | None] = mapped_column(String(200))


class ReviewRow(Base):
    """The audit trail: every human decision, with the event as it was before and after."""

    __tablename__ = "reviews"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    event_id: Mapped[str] = mapped_column(String(200), index=True)  # kept after a merge deletes the event
    action: Mapped[str] = mapped_column(String(20))
    reviewer: Mapped[str] = mapped_column(String(200))
    comment: Mapped[str | None] = mapped_column(Text)
    before: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    after: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)
