"""What the store's methods return, and the errors they raise besides InputError."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from typing import Any

from rasad.record import InputError

MAX_PAGE_SIZE = 500


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
