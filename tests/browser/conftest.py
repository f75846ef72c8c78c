"""Browser tests of the web UI: Playwright driving the system's Chromium (never a downloaded one),
headless, against the real API app served in-process by uvicorn over a temporary SQLite store.

They skip with a reason when Playwright or a Chromium binary is missing (``RASAD_CHROMIUM`` or
``/usr/bin/chromium``; ``scripts/test-services.sh`` installs it in CI). Screenshots of the main
views go to ``test-artifacts/screenshots/``.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

sys.path.insert(0, str(Path(__file__).parent))

from ui_harness import CHROMIUM_ARGS, TOKEN, LiveServer, PageProbe, chromium_path, probe_page, serving  # noqa: E402
from ui_samples import all_samples  # noqa: E402

def _build_app(tmp: Path) -> tuple[Any, dict[str, list[str]]]:
    """The real API app (which mounts the UI) over a fresh SQLite store holding the samples."""
    from rasad.api.app import create_app
    from rasad.store import open_store

    store = open_store(f"sqlite:///{tmp / 'ui.sqlite'}")
    ids = {article.id: list(store.save_article(article, events).event_ids) for article, events in all_samples()}
    return create_app(token=TOKEN, store=store), ids


@pytest.fixture(scope="session")
def live_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LiveServer]:
    app, ids = _build_app(tmp_path_factory.mktemp("web-ui"))
    try:
        with serving(app) as base_url:
            yield LiveServer(base_url, ids)
    finally:
        app.state.store.close()


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    sync_api = pytest.importorskip("playwright.sync_api", reason="the playwright package is not installed")
    path = chromium_path()
    with sync_api.sync_playwright() as playwright:
        try:
            chromium = playwright.chromium.launch(executable_path=path, args=CHROMIUM_ARGS, headless=True)
        except Exception as exc:  # a broken or incompatible binary is an environment problem
            pytest.skip(f"Chromium at {path} did not start: {str(exc).splitlines()[0]}")
        yield chromium
        chromium.close()


@pytest.fixture()
def ui(browser: Any, live_server: LiveServer) -> Iterator[PageProbe]:
    with probe_page(browser, live_server.base_url) as probe:
        yield probe
