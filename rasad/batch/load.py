"""``rasad load``: a batch OUTPUT into the store, article by article, with the store's fusion.

Each article is saved with its events through :meth:`rasad.store.Store.save_article`, which keys
articles by URL and text: loading the same output twice changes nothing the second time
(``unchanged``), and an article whose text changed replaces the events it supported.
"""

from __future__ import annotations

import json
import time
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

import pyarrow.parquet as pq

from rasad.batch import tables
from rasad.batch.manifest import MANIFEST, done_records
from rasad.record import InputError

if TYPE_CHECKING:
    from rasad.store import Store


@dataclass
class LoadSummary:
    store: str = ""
    partitions: int = 0
    partitions_unfinished: int = 0
    articles: Counter = field(default_factory=Counter)  # new / unchanged / updated
    events: int = 0
    seconds: float = 0.0

    def lines(self) -> list[str]:
        out = [
            f"store: {self.store}",
            f"partitions loaded: {self.partitions}",
            "articles: " + ", ".join(f"{n} {k}" for k, n in sorted(self.articles.items())) if self.articles else "articles: 0",
            f"events loaded: {self.events} (of new or changed articles)",
            f"time: {self.seconds:.1f} s",
        ]
        if self.partitions_unfinished:
            out.append(
                f"warning: {self.partitions_unfinished} partitions of this batch are not finished; "
                "rerun `rasad batch` with the same arguments, then `rasad load` again"
            )
        return out


def load_output(output: str | Path, db_url: str | None = None, progress: bool = False) -> LoadSummary:
    from rasad.store import open_store

    out = Path(output)
    if not (out / MANIFEST).is_file():
        raise InputError(f"{output} is not a rasad batch output (no {MANIFEST}); give the OUTPUT of `rasad batch`")
    try:
        planned = len(json.loads((out / MANIFEST).read_text(encoding="utf-8")).get("partitions", []))
    except (OSError, ValueError, AttributeError) as exc:
        raise InputError(f"{out / MANIFEST} is unreadable ({exc}); rerun `rasad batch` into a new OUTPUT") from None
    finished = sorted(done_records(out))
    started = time.perf_counter()
    summary = LoadSummary(partitions=len(finished), partitions_unfinished=planned - len(finished))
    with open_store(db_url) as store, _Bar(len(finished), progress) as bar:
        summary.store = store.display_url
        for name in finished:
            _load_partition(store, out, name, summary)
            bar.advance()
    summary.seconds = time.perf_counter() - started
    return summary


def _load_partition(store: Store, out: Path, name: str, summary: LoadSummary) -> None:
    articles = pq.read_table(out / "articles" / f"{name}.parquet").to_pylist()
    events_by_article: dict[str, list] = defaultdict(list)
    for row in pq.read_table(out / "events" / f"{name}.parquet").to_pylist():
        events_by_article[row["article_id"]].append(tables.event_from_row(row))
    warnings = {
        s["article_id"]: s["warnings"] or []
        for s in pq.read_table(out / "status" / f"{name}.parquet", columns=["article_id", "status", "warnings"]).to_pylist()
        if s["status"] == "ok"
    }
    for row in articles:
        article = tables.article_from_row(row)
        events = events_by_article.get(article.id, [])
        result = store.save_article(article, events, warnings.get(article.id, []))
        summary.articles[result.status] += 1
        if result.status != "unchanged":
            summary.events += len(events)


class _Bar:
    def __init__(self, total: int, enabled: bool):
        self.total, self.enabled = total, enabled

    def __enter__(self) -> "_Bar":
        if self.enabled:
            from rich.console import Console
            from rich.progress import Progress

            self._progress = Progress(console=Console(stderr=True))
            self._progress.__enter__()
            self._task = self._progress.add_task("loading partitions", total=self.total)
        return self

    def advance(self) -> None:
        if self.enabled:
            self._progress.advance(self._task)

    def __exit__(self, *exc) -> None:
        if self.enabled:
            self._progress.__exit__(*exc)
