"""Shared fixtures: extractor modules written to a temporary directory and put on sys.path (and on
PYTHONPATH for Dask worker processes), so tests choose what extraction returns or how long it takes."""

from __future__ import annotations

import os
import sys
import textwrap
from pathlib import Path

import pytest

FAKE_EXTRACTOR = '''
import time
from types import SimpleNamespace

from rasad.record import Event, Evidence

def extract(article):
    """One event per paragraph that names a killing; fails on demand for error-path tests."""
    if "RAISE" in article.text:
        raise RuntimeError("boom in extraction")
    if "BADTYPE" in article.text:
        return SimpleNamespace(events=[Event(fatalities="many", article_ids=[article.id])], warnings=[])
    events = []
    pos = 0
    for para in article.text.split("\\n"):
        if "مقتل" in para:
            start = article.text.index("مقتل", pos)
            ev = Event(event_type="Battles", actor1="A", assoc_actor_1=["B", "C"], weapons=["rifle"],
                       fatalities=para.count("مقتل"), latitude=35.5, longitude=40.1, article_ids=[article.id],
                       civilian_targeting=True, confidence=0.5, event_id=f"{article.id}-{len(events)}")
            ev.add_evidence("trigger", Evidence(article.id, start, start + 4, article.text[start:start + 4]))
            events.append(ev)
        pos += len(para) + 1
    return SimpleNamespace(events=events, warnings=["fake warning"] if events else [])

class Fatal(BaseException):
    """Escapes rasad's per-article error handling, as a crash of the worker would."""

def fatal_on_marker(article):
    if "FATAL" in article.text:
        raise Fatal("this article brings the worker down")
    return extract(article)

def pipeline_identity(article):
    """Which process ran the article and which pipeline object it used."""
    import os
    from rasad.extract import get_pipeline

    return SimpleNamespace(events=[], warnings=[f"{os.getpid()}:{id(get_pipeline())}"])

def slow_real(article):
    """rasad's own extraction, slowed so that a test can interrupt a run midway."""
    from rasad.extract import extract_article

    time.sleep(0.04)
    return extract_article(article)
'''


@pytest.fixture
def extractor_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    d = tmp_path / "extractors"
    d.mkdir()
    (d / "fake_rasad_extract.py").write_text(textwrap.dedent(FAKE_EXTRACTOR), encoding="utf-8")
    monkeypatch.syspath_prepend(str(d))
    monkeypatch.setenv("PYTHONPATH", os.pathsep.join([str(d), *filter(None, [os.environ.get("PYTHONPATH")])]))
    yield d
    sys.modules.pop("fake_rasad_extract", None)
