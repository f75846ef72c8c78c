"""The analyst's web UI: static ES modules and CSS in ``static/``, served by the API process.

There is no build step and nothing is fetched from a CDN: every file the browser loads is in
``static/``, so the UI works on a machine without internet. The UI talks only to the JSON API
(``/api/...``), see ``docs/web-ui.md``.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from starlette.responses import Response
from starlette.staticfiles import StaticFiles
from starlette.types import Scope

if TYPE_CHECKING:
    from fastapi import FastAPI

STATIC_DIR = Path(__file__).with_name("static")

# Article text is untrusted. The UI never parses it as HTML, and this policy is the second wall:
# even if a bug let markup through, inline scripts and event-handler attributes would not run and
# nothing could be loaded from or sent to another origin.
CONTENT_SECURITY_POLICY = "; ".join((
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data:",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "frame-ancestors 'none'",
    "form-action 'self'",
))

SECURITY_HEADERS = {
    "Content-Security-Policy": CONTENT_SECURITY_POLICY,
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "X-Frame-Options": "DENY",
}


class UIStaticFiles(StaticFiles):
    """Static files with the UI's security headers on every response."""

    async def get_response(self, path: str, scope: Scope) -> Response:
        response = await super().get_response(path, scope)
        for name, value in SECURITY_HEADERS.items():
            response.headers.setdefault(name, value)
        if path.endswith(".js"):
            # Some systems map .js to text/plain, which browsers refuse for ES modules.
            response.headers["Content-Type"] = "text/javascript; charset=utf-8"
        return response


def mount(app: FastAPI) -> None:
    """Serve the UI at ``/`` (``index.html``) on ``app``.

    A mount at ``/`` matches every path, so call this after the API routes are registered;
    routes added afterwards would be shadowed by it.
    """
    app.mount("/", UIStaticFiles(directory=STATIC_DIR, html=True), name="web")
