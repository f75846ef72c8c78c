"""Fetching pages and feeds over HTTP with bounded time and size."""

from __future__ import annotations

from dataclasses import dataclass

import httpx

from rasad.record import InputError

MAX_BYTES = 20 * 1024 * 1024
TIMEOUT_S = 30.0
USER_AGENT = "rasad-ingest/0.1 (+https://github.com/rasad; conflict event research)"


@dataclass
class Fetched:
    url: str  # after redirects
    content: bytes
    content_type: str


def fetch(url: str, client: httpx.Client | None = None, max_bytes: int = MAX_BYTES) -> Fetched:
    if not url.startswith(("http://", "https://")):
        raise InputError(f"{url}: only http:// and https:// addresses can be fetched")
    own = client is None
    client = client or httpx.Client(timeout=TIMEOUT_S, follow_redirects=True, headers={"User-Agent": USER_AGENT})
    try:
        with client.stream("GET", url) as response:
            if response.status_code >= 400:
                raise InputError(f"{url}: the server answered HTTP {response.status_code}")
            chunks: list[bytes] = []
            size = 0
            for chunk in response.iter_bytes():
                size += len(chunk)
                if size > max_bytes:
                    raise InputError(f"{url}: larger than {max_bytes // (1024 * 1024)} MiB, not fetched")
                chunks.append(chunk)
            return Fetched(str(response.url), b"".join(chunks), response.headers.get("content-type", ""))
    except httpx.HTTPError as exc:
        raise InputError(f"{url}: could not fetch ({type(exc).__name__}: {exc})") from None
    finally:
        if own:
            client.close()
