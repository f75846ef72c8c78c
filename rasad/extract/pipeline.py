"""Pipeline of small named components over one Document (filled in step by step)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable

from rasad.document import Document
from rasad.record import Article, Event

Component = Callable[[Document], None]


@dataclass
class ExtractionResult:
    events: list[Event]
    warnings: list[str] = field(default_factory=list)
    document: Document | None = None


class Pipeline:
    def __init__(self, components: list[tuple[str, Component]]):
        self.components = components

    def __call__(self, article: Article) -> ExtractionResult:
        doc = Document(article)
        for _name, component in self.components:
            component(doc)
        return ExtractionResult(doc.events, doc.warnings, doc)


_PIPELINE: Pipeline | None = None


def get_pipeline() -> Pipeline:
    """The default pipeline, built once per process (lexicons and gazetteer loaded once)."""
    global _PIPELINE
    if _PIPELINE is None:
        _PIPELINE = Pipeline([])
    return _PIPELINE


def extract_article(article: Article) -> ExtractionResult:
    return get_pipeline()(article)
