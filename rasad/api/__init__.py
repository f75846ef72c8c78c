"""The HTTP API (FastAPI): ``create_app(store_url, token)``; contract in ``docs/store-and-api.md``."""

from rasad.api.app import create_app

__all__ = ["create_app"]
