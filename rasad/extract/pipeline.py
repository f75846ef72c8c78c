"""The default pipeline: small named components over one Document, run in order.

    language   -> doc.language (ar | en), per article
    lexicon    -> actor / trigger / casualty / weapon / context mentions (one pass per lexicon)
    segment    -> doc.sentences, doc.clauses (cut at the connectives the lexicon marked)
    numbers    -> number mentions (digits, words, vague quantities)
    dates      -> date mentions resolved against the publication date
    places     -> doc.places (toponyms with cue words, via rasad.geo)
    events     -> doc.events (incidents, roles, counts, places resolved, notes, evidence)
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable

from rasad.document import Document
from rasad.record import Article, Event

Component = Callable[[Document], None]
_LONGEST_PHRASE = 80  # characters: no lexicon phrase is longer


@dataclass
class ExtractionResult:
    events: list[Event]
    warnings: list[str] = field(default_factory=list)
    document: Document | None = None


def detect(doc: Document) -> None:
    from rasad.text.language import detect_language, paragraph_languages

    if not doc.language:
        doc.language = detect_language(doc.text) or "ar"
    # Mixed articles (an Arabic report quoting an English statement): each paragraph is read
    # with its own language's number, date and word-order rules.
    doc.paragraphs = paragraph_languages(doc.text, doc.language)
    if doc.language not in ("ar", "en"):
        doc.warn(f"article language {doc.language!r} is not supported (Arabic and English are): skipped")
        doc.cache["stop"] = True  # nothing after language detection applies


def segment(doc: Document) -> None:
    from rasad.text.segment import split_clauses, split_sentences

    doc.sentences = split_sentences(doc)
    connectives: set[int] = set()
    multi: set[int] = set()
    for m in doc.get("context"):  # marked by the lexicon component, which runs first
        if m.value.kind == "connective":
            connectives.add(m.tok_start)
            if m.tok_end - m.tok_start > 1:
                multi.add(m.tok_start)
    doc.clauses = split_clauses(doc, connectives, multi)


def places(doc: Document) -> None:
    from rasad import geo

    found = geo.find_places(doc)
    # A cue-less toponym that is also a lexicon word ("كمين" ambush, "جروح" wounds) is that
    # word: villages named like common nouns need a cue (قرية، بلدة…) to count as places.
    def taken(p) -> bool:
        return any(m.start < p.end and p.start < m.end
                   for kind in ("trigger", "casualty", "weapon", "actor")
                   for m in doc.within(kind, p.start - _LONGEST_PHRASE, p.end))

    doc.places = [p for p in found if p.cue is not None or not taken(p)]


def events(doc: Document) -> None:
    from rasad.extract.events import build_events

    if doc.language in ("ar", "en"):
        build_events(doc)


class Pipeline:
    def __init__(self, components: list[tuple[str, Component]]):
        self.components = components

    @property
    def names(self) -> list[str]:
        return [n for n, _ in self.components]

    def __call__(self, article: Article) -> ExtractionResult:
        doc = Document(article)
        for _name, component in self.components:
            component(doc)
            if doc.cache.get("stop"):
                break
        return ExtractionResult(doc.events, doc.warnings, doc)


def default_components() -> list[tuple[str, Component]]:
    from rasad.extract.lexicon import mark_dates, mark_lexicon, mark_numbers

    return [("language", detect), ("lexicon", mark_lexicon), ("segment", segment),
            ("numbers", mark_numbers), ("dates", mark_dates), ("places", places), ("events", events)]


_PIPELINE: Pipeline | None = None


def get_pipeline() -> Pipeline:
    """The default pipeline, built once per process (lexicons and gazetteer loaded once)."""
    global _PIPELINE
    if _PIPELINE is None:
        import gc

        from rasad.geo import get_gazetteer
        from rasad.kb import knowledge_base

        knowledge_base()
        get_gazetteer()
        _PIPELINE = Pipeline(default_components())
        # The knowledge base and gazetteer (~110k objects) live as long as the process. Left to
        # the cyclic GC, every full collection walks them all (~40 ms, about every 150 fresh
        # articles: ~0.25 ms an article); frozen, collections see only what extraction makes.
        gc.collect()
        gc.freeze()
    return _PIPELINE


def extract_article(article: Article) -> ExtractionResult:
    return get_pipeline()(article)
