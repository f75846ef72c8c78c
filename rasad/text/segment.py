"""Sentence and clause segmentation over normalised text.

Sentences end at . ! ? ؟ ؛ or a line break. A sentence that reports several incidents
("…، بالتزامن مع هجوم ثالث في بلدة الحريجي…") is cut into clauses at connectives from the
knowledge base (``context_words.csv``, kind ``connective``): multiword connectives cut wherever
they stand, single words only after a comma, because "وسط" also means "in the middle of".
A semicolon always cuts: news roundups list one incident per semicolon.
"""

from __future__ import annotations

import bisect
import re

from rasad.document import Document, Segment

_SENT_END = re.compile(r"[.!?؟]+(?=\s|$|[\"')\]])|\n+")
_COMMA = set("،,")
# Marks inside a sentence that end a phrase (a list of counts, a name, a clause's reach).
PHRASE_PUNCT = frozenset("،,;؛:")
# The same plus the full stop: nothing read as one phrase runs past these.
PHRASE_STOPS = PHRASE_PUNCT | {"."}
_SEMICOLON_RE = re.compile("[;؛]")


def _initial(text: str, stop: int) -> bool:
    return text[stop:stop + 1] == "." and stop >= 1 and text[stop - 1].isalpha() and (
        stop == 1 or not text[stop - 2].isalnum())


def split_sentences(doc: Document) -> list[Segment]:
    text = doc.text
    starts = doc.token_starts
    segments: list[Segment] = []
    pos = 0
    # "(ف. ج.)", "M. Ali": a single letter before a full stop is an initial, not a sentence's end
    bounds = [m.end() for m in _SENT_END.finditer(text) if not _initial(text, m.start())]
    if not bounds or bounds[-1] < len(text):
        bounds.append(len(text))
    for end in bounds:
        chunk = text[pos:end]
        if chunk.strip():
            lead = len(chunk) - len(chunk.lstrip())
            s = pos + lead
            e = pos + len(chunk.rstrip())
            t0 = bisect.bisect_left(starts, s)
            t1 = bisect.bisect_left(starts, e)
            if t1 > t0:
                segments.append(Segment(len(segments), s, e, t0, t1, len(segments)))
        pos = end
    return segments


def split_clauses(doc: Document, connective_tokens: set[int], multiword: set[int]) -> list[Segment]:
    """Cut each sentence before connective tokens: ``multiword`` ones anywhere, the others only
    when a comma stands between them and the previous token."""
    clauses: list[Segment] = []
    text = doc.text
    tokens = doc.tokens
    # Only tokens after a semicolon or at a connective can start a clause: find those once (a
    # semicolon is never inside a token, so it lies in the gap before the next token) instead
    # of looking at the gap before every token of the article.
    after_semicolon = {bisect.bisect_right(doc.token_starts, m.start()) for m in _SEMICOLON_RE.finditer(text)}
    candidates = sorted(after_semicolon | connective_tokens)
    for sent in doc.sentences:
        cut_points = [sent.tok_start]
        lo = bisect.bisect_right(candidates, sent.tok_start)
        hi = bisect.bisect_left(candidates, sent.tok_end)
        for i in candidates[lo:hi]:
            gap = text[tokens[i - 1].end:tokens[i].start]
            if i in after_semicolon:
                cut_points.append(i)  # "roundup: an SDF fighter was killed…; two civilians…"
                continue
            if i in multiword or any(c in _COMMA for c in gap):
                cut_points.append(i)
        cut_points.append(sent.tok_end)
        for a, b in zip(cut_points, cut_points[1:]):
            if b <= a:
                continue
            s = tokens[a].start if a > sent.tok_start else sent.start
            e = tokens[b - 1].end if b < sent.tok_end else sent.end
            clauses.append(Segment(len(clauses), s, e, a, b, sent.index))
    return clauses


_HEADLINE_MAX = 200  # characters: a title is one short line
_HEADLINE_ENDS = frozenset(".!?؟:…")


def headline_end(text: str) -> int:
    """Where the article's headline ends (0 when it has none): a first line of at most 200
    characters, with no sentence-final mark or colon at its end, followed by more text. Scraped
    and pasted reports often open with their title ("مقتل جنديين بهجوم لداعش في كركوك وغارة
    تركية في دهوك"), which sums up incidents the body tells again."""
    stripped = text.lstrip()
    lead = len(text) - len(stripped)
    newline = stripped.find("\n")
    if newline <= 0 or newline > _HEADLINE_MAX or not stripped[newline:].strip():
        return 0
    line = stripped[:newline].rstrip()
    if not line or line[-1] in _HEADLINE_ENDS:
        return 0
    return lead + newline
