"""``rasad watch``: ingest a list of feeds again and again at a fixed interval."""

from __future__ import annotations

import re
import time
from pathlib import Path
from typing import Callable

from rasad.ingest.run import IngestReport, ingest
from rasad.record import InputError
from rasad.store import Store

_DURATION = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*([smhd]?)\s*$")
_UNIT_SECONDS = {"": 1, "s": 1, "m": 60, "h": 3600, "d": 86400}


def parse_interval(text: str) -> float:
    """``90``, ``30s``, ``15m``, ``1h``, ``1d`` -> seconds."""
    match = _DURATION.match(text or "")
    if not match:
        raise InputError(f"interval {text!r} not understood: use e.g. 30s, 15m, 1h")
    seconds = float(match.group(1)) * _UNIT_SECONDS[match.group(2)]
    if seconds < 1:
        raise InputError("interval must be at least one second")
    return seconds


def read_feed_list(path: str | Path) -> list[str]:
    """One feed URL or path per line; blank lines and ``#`` comments are ignored."""
    try:
        lines = Path(path).read_text("utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(f"cannot read feed list {path}: {exc}") from None
    feeds = [line.strip() for line in lines if line.strip() and not line.strip().startswith("#")]
    if not feeds:
        raise InputError(f"{path} lists no feeds: put one URL per line")
    return feeds


def watch(feed_list: str | Path, store: Store, every_s: float, rounds: int | None = None,
          on_round: Callable[[int, IngestReport], None] | None = None, sleep: Callable[[float], None] = time.sleep) -> int:
    """Ingest the feeds every ``every_s`` seconds (``rounds`` times, or until interrupted).
    The list is re-read each round so feeds can be added without a restart."""
    done = 0
    while rounds is None or done < rounds:
        started = time.monotonic()
        report = ingest(read_feed_list(feed_list), store)
        done += 1
        if on_round:
            on_round(done, report)
        if rounds is not None and done >= rounds:
            break
        sleep(max(0.0, every_s - (time.monotonic() - started)))
    return done
