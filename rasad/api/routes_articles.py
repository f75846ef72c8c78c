"""Articles: list, read (original text), and submit one for extraction."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Body

from rasad.api.deps import PageQ, PageSizeQ, StoreDep, WriteAccess
from rasad.ingest import ingest_articles
from rasad.ingest.readers import MAX_ARTICLE_CHARS
from rasad.record import Article, InputError

router = APIRouter(prefix="/api/articles", tags=["articles"])


@router.get("", summary="List articles (text omitted)")
def list_articles(store: StoreDep, q: str | None = None, page: PageQ = 1, page_size: PageSizeQ = 50) -> dict[str, Any]:
    return store.list_articles(q, page, page_size).to_dict()


@router.get("/{article_id}", summary="One article with its original text and event ids")
def get_article(article_id: str, store: StoreDep) -> dict[str, Any]:
    return store.get_article(article_id)


@router.post("", summary="Ingest one article: extract its events and store both", dependencies=[WriteAccess])
def post_article(store: StoreDep, record: dict[str, Any] = Body(
        description="an article record: text (required), optional id, title, url, source, published, language",
        examples=[{"text": "...", "source": "Example News", "published": "2022-12-05"}])) -> dict[str, Any]:
    article = Article.from_dict(record)
    if len(article.text) > MAX_ARTICLE_CHARS:
        raise InputError(f"text longer than {MAX_ARTICLE_CHARS:,} characters; split it into articles")
    report = ingest_articles([article], store)
    if report.skipped:
        raise InputError(report.skipped[0].reason)
    stored = store.article_status(article)[1] or article.id
    status = "new" if report.new else "updated" if report.updated else "unchanged"
    return {"article_id": stored, "event_ids": store.get_article(stored)["event_ids"], "status": status}
