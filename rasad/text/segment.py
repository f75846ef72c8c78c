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
_SEMICOLON = set(";؛")


def split_sentences(doc: Document) -> list[Segment]:
    text = doc.text
    starts = [t.start for t in doc.tokens]
    segments: list[Segment] = []
    pos = 0
    bounds = [m.end() for m in _SENT_END.finditer(text)]
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
    for sent in doc.sentences:
        cut_points = [sent.tok_start]
        for i in range(sent.tok_start + 1, sent.tok_end):
            gap = text[doc.tokens[i - 1].end:doc.tokens[i].start]
            if any(c in _SEMICOLON for c in gap):
                cut_points.append(i)  # "roundup: an SDF fighter was killed…; two civilians…"
                continue
            if i not in connective_tokens:
                continue
            if i in multiword or any(c in _COMMA for c in gap):
                cut_points.append(i)
        cut_points.append(sent.tok_end)
        for a, b in zip(cut_points, cut_points[1:]):
            if b <= a:
                continue
            s = doc.tokens[a].start if a > sent.tok_start else sent.start
            e = doc.tokens[b - 1].end if b < sent.tok_end else sent.end
            clauses.append(Segment(len(clauses), s, e, a, b, sent.index))
    return clauses
