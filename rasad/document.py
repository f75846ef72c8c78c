"""The one shared object every pipeline component reads and adds to (spaCy-style).

Offsets held by components are into the *normalised* text (``doc.text``); ``doc.evidence``
turns them into :class:`rasad.record.Evidence` with offsets into the original article text.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field
from operator import attrgetter
from typing import Any

from rasad.record import Article, Event, Evidence
from rasad.text.normalize import NormalizedText, fold, normalize
from rasad.text.tokens import Token, tokenize


@dataclass
class Segment:
    """A sentence or a clause: normalised offsets and the token index range it covers."""

    index: int
    start: int
    end: int
    tok_start: int
    tok_end: int  # exclusive
    sentence: int = 0  # for clauses: index of the enclosing sentence


@dataclass
class Mention:
    """Something a component recognised: an actor, trigger, weapon, number, date, place…"""

    kind: str
    start: int  # normalised offsets
    end: int
    value: Any
    tok_start: int = -1
    tok_end: int = -1
    surface: str = ""
    attrs: dict[str, Any] = field(default_factory=dict)


_token_start = attrgetter("start")
_bisect_left = bisect.bisect_left  # a global name: within() runs ~200 times an article


def _start_of(m: Mention) -> int:
    return m.start


class Document:
    def __init__(self, article: Article):
        self.article = article
        self.norm: NormalizedText = normalize(article.text)
        self.text: str = self.norm.text
        self.folded: str = fold(self.text)
        self.tokens: list[Token] = tokenize(self.text, self.folded)
        self.token_starts: list[int] = list(map(_token_start, self.tokens))
        self.language: str = article.language or ""
        self.sentences: list[Segment] = []
        self.clauses: list[Segment] = []
        self.mentions: dict[str, list[Mention]] = {}
        self.paragraphs: list[tuple[int, int, str]] = []  # (start, end, language) runs
        self.places: list = []  # rasad.geo.mentions.PlaceMention
        self.events: list[Event] = []
        self.warnings: list[str] = []
        self.cache: dict[str, Any] = {}  # indexes components derive once per document
        self._sorted: dict[str, tuple[list[int], list[Mention], int]] = {}

    def add(self, mention: Mention) -> None:
        self.mentions.setdefault(mention.kind, []).append(mention)

    def discard(self, kind: str, drop: list[Mention]) -> None:
        """Remove mentions a later look shows were misread (an actor named only as a former
        affiliation)."""
        gone = set(map(id, drop))
        self.mentions[kind] = [m for m in self.mentions.get(kind, []) if id(m) not in gone]
        self._sorted.pop(kind, None)

    def get(self, kind: str) -> list[Mention]:
        return self.mentions.get(kind, [])

    def within(self, kind: str, start: int, end: int) -> list[Mention]:
        """Mentions of one kind starting in the normalised ``[start, end)``, in text order, by
        binary search: long articles must not make every lookup a scan of every mention."""
        found = self.mentions.get(kind)
        if not found:
            return []  # the events component asks ~150 times an article, often of absent kinds
        cached = self._sorted.get(kind)
        if cached is None or cached[2] != len(found):
            ordered = sorted(found, key=_start_of)
            cached = ([m.start for m in ordered], ordered, len(found))
            self._sorted[kind] = cached
        starts, ordered, _ = cached
        return ordered[_bisect_left(starts, start):_bisect_left(starts, end)]

    def places_within(self, start: int, end: int) -> list:
        """Place mentions starting in the normalised ``[start, end)`` (``doc.places`` is sorted)."""
        starts = self.cache.get("place_starts")
        if starts is None or len(starts) != len(self.places):
            starts = self.cache["place_starts"] = [p.start for p in self.places]
        return self.places[bisect.bisect_left(starts, start):bisect.bisect_left(starts, end)]

    def in_tokens(self, kind: str, tok_start: int, tok_end: int) -> list[Mention]:
        """Mentions of one kind starting in the token range ``[tok_start, tok_end)``."""
        starts = self.token_starts
        n = len(starts)
        return self.within(kind, starts[tok_start] if tok_start < n else len(self.text),
                           starts[tok_end] if tok_end < n else len(self.text))

    def evidence(self, start: int, end: int) -> Evidence:
        s, e = self.norm.raw_span(start, end)
        return Evidence(self.article.id, s, e, self.article.text[s:e])

    def language_at(self, offset: int) -> str:
        """Language of the paragraph holding a normalised offset (the article's by default)."""
        for start, end, lang in self.paragraphs:
            if start <= offset <= end:
                return lang
        return self.language or "ar"

    def warn(self, message: str) -> None:
        if message not in self.warnings:
            self.warnings.append(message)
