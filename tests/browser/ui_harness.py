"""The harness of the browser tests: the live server, the page probe, the Chromium lookup."""

from __future__ import annotations

import os
import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

REPO = Path(__file__).resolve().parents[2]
SCREENSHOTS = REPO / "test-artifacts" / "screenshots"
TOKEN = "browser-test-token"
CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
    "--disable-sync", "--no-first-run",
]


def chromium_path() -> str:
    path = os.environ.get("RASAD_CHROMIUM", "/usr/bin/chromium")
    if not (os.path.isfile(path) and os.access(path, os.X_OK)):
        pytest.skip(f"no Chromium at {path!r}: install Debian's chromium or set RASAD_CHROMIUM")
    return path


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@dataclass
class LiveServer:
    base_url: str
    event_ids: dict[str, list[str]] = field(default_factory=dict)  # article id -> its event ids

    def get(self, path: str) -> Any:
        import httpx

        response = httpx.get(self.base_url + path, timeout=10)
        response.raise_for_status()
        return response.json()


@dataclass
class PageProbe:
    """A page plus what it did: uncaught errors and every URL it requested."""

    page: Any
    base_url: str
    errors: list[str] = field(default_factory=list)
    requests: list[str] = field(default_factory=list)

    def goto(self, route: str = "#/") -> None:
        self.page.goto(f"{self.base_url}/{route}")
        self.wait_ready()

    def wait_ready(self, view: str | None = None) -> None:
        selector = f'#view[data-ready="{view}"]' if view else "#view[data-ready]"
        self.page.wait_for_selector(selector, timeout=15000)

    def screenshot(self, name: str, full_page: bool = True) -> Path:
        """Save the page as ``name``.png; ``full_page=False`` for what is on screen, as a modal
        dialog (drawn over the viewport, not the page) is best seen."""
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        path = SCREENSHOTS / f"{name}.png"
        self.page.screenshot(path=str(path), full_page=full_page)
        return path


@contextmanager
def serving(app: Any) -> Iterator[str]:
    """Run ``app`` with uvicorn on a free local port in a thread; yield its base URL."""
    import uvicorn

    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=free_port(), log_level="warning"))
    thread = threading.Thread(target=server.run, name="ui-test-server", daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        if not thread.is_alive() or time.monotonic() > deadline:
            pytest.fail("the UI test server did not start")
        time.sleep(0.05)
    try:
        yield f"http://127.0.0.1:{server.config.port}"
    finally:
        server.should_exit = True
        thread.join(timeout=10)


@contextmanager
def probe_page(browser: Any, base_url: str) -> Iterator[PageProbe]:
    """A fresh browser context (own sessionStorage) and page on ``base_url``, watched."""
    context = browser.new_context(viewport={"width": 1400, "height": 1000}, locale="en-GB")
    page = context.new_page()
    probe = PageProbe(page, base_url)
    page.on("pageerror", lambda exc: probe.errors.append(str(exc)))
    page.on("console", lambda msg: probe.errors.append(msg.text) if msg.type == "error" else None)
    page.on("request", lambda req: probe.requests.append(req.url))
    try:
        yield probe
    finally:
        context.close()
