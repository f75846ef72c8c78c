"""Extraction: one article in, one coded :class:`rasad.record.Event` per incident out.

Public entry points::

    result = extract_article(Article(text=..., published=date(2022, 12, 5)))
    result.events    # list[Event], fully coded, evidence offsets into the original text
    result.warnings  # list[str], e.g. relative date without publication date
    result.document  # the Document every component filled, for debugging and the UI

The pipeline components and the order they run in are in :mod:`rasad.extract.pipeline`.
"""

from __future__ import annotations

from rasad.extract.pipeline import ExtractionResult, extract_article, get_pipeline

__all__ = ["ExtractionResult", "extract_article", "get_pipeline"]
