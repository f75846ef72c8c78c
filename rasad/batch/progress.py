"""The progress bar of ``rasad batch``: partitions done, articles done (live, from the workers'
reports) and articles per second, on stderr."""

from __future__ import annotations

import threading
import time
from typing import Any


class BatchProgress:
    """Partitions done, articles done (live, from workers' reports) and articles/second on
    stderr; silent when disabled."""

    def __init__(self, total: int, enabled: bool):
        self.total = total
        self.enabled = enabled
        self.articles_by_partition: dict[str, int] = {}
        self.done: set[str] = set()
        self.started = time.perf_counter()
        self._lock = threading.Lock()

    def __enter__(self) -> "BatchProgress":
        if self.enabled:
            from rich.console import Console
            from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn, TimeRemainingColumn

            self._bar = Progress(
                TextColumn("partitions"), BarColumn(), MofNCompleteColumn(),
                TextColumn("{task.fields[articles]} articles, {task.fields[rate]} articles/s"),
                TimeElapsedColumn(), TimeRemainingColumn(),
                console=Console(stderr=True),
            )
            self._bar.__enter__()
            self._task = self._bar.add_task("batch", total=self.total, articles=0, rate="-")
        return self

    def running(self, message: dict[str, Any]) -> None:
        """A worker's report: articles done so far in a partition (called on Dask's thread)."""
        name = message.get("partition")
        with self._lock:
            if name and name not in self.done:
                self.articles_by_partition[name] = int(message.get("articles", 0))
        self._show()

    def finished(self, name: str, articles: int) -> None:
        with self._lock:
            self.done.add(name)
            self.articles_by_partition[name] = articles
        self._show()

    def _show(self) -> None:
        if not self.enabled:
            return
        with self._lock:
            articles = sum(self.articles_by_partition.values())
            completed = len(self.done)
        elapsed = time.perf_counter() - self.started
        rate = f"{articles / elapsed:.1f}" if elapsed > 0 else "-"
        self._bar.update(self._task, completed=completed, articles=articles, rate=rate)

    def __exit__(self, *exc) -> None:
        if self.enabled:
            self._bar.__exit__(*exc)
