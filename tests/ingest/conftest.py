from __future__ import annotations

import functools
import http.server
import threading
from pathlib import Path
from typing import Iterator

import pytest

from rasad.extract.pipeline import ExtractionResult
from rasad.store import Store, open_store
from rasad.store.synthetic import make_event


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    st = open_store(str(tmp_path / "ingest.sqlite"))
    yield st
    st.close()


def one_event_per_article(article):  # type: ignore[no-untyped-def]
    """A stand-in extractor: one event per article, placed by the article id (tests need events
    whatever the state of the real extractor)."""
    n = sum(map(ord, article.id)) % 1000
    return ExtractionResult([make_event(event_id=f"ev-{article.id}", place_id=f"p{n}", latitude=30 + n * 0.05,
                                        longitude=40.0, article_ids=[article.id])])


@pytest.fixture
def extractor():  # type: ignore[no-untyped-def]
    return one_event_per_article


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    extensions_map = {**http.server.SimpleHTTPRequestHandler.extensions_map,
                      ".xml": "application/rss+xml", ".html": "text/html; charset=utf-8"}

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def web_root(tmp_path: Path) -> Iterator[tuple[Path, str]]:
    """A folder served over HTTP on loopback: (folder, base URL)."""
    root = tmp_path / "site"
    root.mkdir()
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_QuietHandler, directory=str(root)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield root, f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()
