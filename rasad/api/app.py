"""The FastAPI application: JSON API under ``/api``, OpenAPI at ``/docs``, the web UI at ``/``."""

from __future__ import annotations

import logging
import os

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse

import rasad
from rasad.record import InputError
from rasad.store import NotFoundError, Store, open_store

log = logging.getLogger(__name__)
MAX_BODY_BYTES = 16 * 1024 * 1024


def _validation_message(exc: RequestValidationError) -> str:
    parts = []
    for error in exc.errors():
        where = ".".join(str(p) for p in error.get("loc", ()) if p not in ("body", "query", "path"))
        parts.append(f"{where or 'request'}: {error.get('msg', 'invalid')}")
    return "; ".join(parts) or "invalid request"


def create_app(store_url: str | None = None, token: str | None = None, store: Store | None = None) -> FastAPI:
    """The API app on the store at ``store_url`` (default ``RASAD_DB`` / ``./rasad.sqlite``).
    Write endpoints need ``token`` (default env ``RASAD_TOKEN``); without one they answer 403."""
    app = FastAPI(title="rasad API", version=rasad.__version__,
                  description="Conflict events read from Arabic and English news reports, ACLED-style.")
    app.state.store = store or open_store(store_url)
    app.state.token = token if token is not None else (os.environ.get("RASAD_TOKEN") or None)

    @app.exception_handler(InputError)
    async def input_error(_request: Request, exc: InputError) -> JSONResponse:
        return JSONResponse({"detail": str(exc)}, status_code=400)

    @app.exception_handler(NotFoundError)
    async def not_found(_request: Request, exc: NotFoundError) -> JSONResponse:
        return JSONResponse({"detail": str(exc.args[0]) if exc.args else "not found"}, status_code=404)

    @app.exception_handler(RequestValidationError)
    async def invalid_request(_request: Request, exc: RequestValidationError) -> JSONResponse:
        return JSONResponse({"detail": _validation_message(exc)}, status_code=422)

    @app.middleware("http")
    async def limit_body_size(request: Request, call_next):  # type: ignore[no-untyped-def]
        # An article is at most a few MB of text; refuse bigger bodies before reading them.
        length = request.headers.get("content-length")
        if length is not None and (not length.isdigit() or int(length) > MAX_BODY_BYTES):
            return JSONResponse({"detail": f"request body larger than {MAX_BODY_BYTES // (1024 * 1024)} MiB"}, status_code=413)
        return await call_next(request)

    from rasad.api import routes_articles, routes_events, routes_misc

    app.include_router(routes_events.router)
    app.include_router(routes_articles.router)
    app.include_router(routes_misc.router)

    try:
        from rasad.web import mount
    except ImportError:
        log.info("rasad.web is not available: serving the API only")
    else:
        mount(app)  # last: a mount at "/" shadows routes added after it
    return app
