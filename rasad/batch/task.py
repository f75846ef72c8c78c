"""The worker side of a batch: extract every article of one partition and commit its files.

This runs inside Dask worker processes. The extraction pipeline (lexicons, actors, gazetteer) is
built on first use and cached per process by :func:`rasad.extract.get_pipeline`, so each worker
loads the knowledge base once, however many partitions it processes.
"""

from __future__ import annotations

import importlib
import resource
import sys
import time
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any, Callable

import pyarrow as pa
import pyarrow.parquet as pq

from rasad.batch import tables
from rasad.batch.manifest import DONE_DIR, commit, temporary_path, write_json_atomic
from rasad.batch.plan import Partition
from rasad.batch.readers import DEFAULT_MAX_LINE_BYTES, SourceRecord, read_partition
from rasad.record import Article, InputError

DEFAULT_EXTRACTOR = "rasad.extract:extract_article"
PROGRESS_TOPIC = "rasad-batch-progress"
_PROGRESS_EVERY_S = 1.0
DEFAULT_MAX_CHARS = 1_000_000

Extractor = Callable[[Article], Any]  # returns an object with .events and .warnings
_EXTRACTORS: dict[str, Extractor] = {}
_WARM_UP_TEXT = "قتل شخصان في قصف على قرية في ريف حلب الشمالي يوم الاثنين. Two people were killed in Aleppo."


@dataclass(frozen=True)
class TaskSettings:
    extractor: str = DEFAULT_EXTRACTOR  # "module:function", Article -> ExtractionResult
    max_chars: int = DEFAULT_MAX_CHARS  # longer articles are skipped, not extracted
    max_line_bytes: int = DEFAULT_MAX_LINE_BYTES

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def resolve_extractor(spec: str) -> Extractor:
    """The callable named ``module:function``, imported once per process."""
    fn = _EXTRACTORS.get(spec)
    if fn is None:
        module_name, _, attr = spec.partition(":")
        if not module_name or not attr:
            raise InputError(f"--extractor {spec!r}: use the form module:function")
        try:
            fn = getattr(importlib.import_module(module_name), attr)
        except (ImportError, AttributeError) as exc:
            raise InputError(f"--extractor {spec!r} cannot be imported ({exc})") from None
        _EXTRACTORS[spec] = fn
    return fn


def warm_worker(extractor: str) -> float:
    """Import the extractor and build rasad's pipeline now (knowledge base loaded once per
    process); returns the seconds it took. A worker restarted later warms on its first task."""
    started = time.perf_counter()
    extract = resolve_extractor(extractor)
    if extractor == DEFAULT_EXTRACTOR:
        from rasad.extract import get_pipeline

        get_pipeline()
        # Parts of the knowledge base (the gazetteer) load on first use: one short report
        # touches them all, so the first partition is not slower than the others.
        extract(Article(text=_WARM_UP_TEXT, id="rasad-warm-up"))
    return time.perf_counter() - started


Extracted = tuple[dict[str, Any], dict[str, Any], list[dict[str, Any]]]  # status, article, event rows


def process_partition(
    part: Partition, output: str, settings: TaskSettings, database: tuple[str, str] | None = None
) -> dict[str, Any]:
    """Extract one partition and commit it; returns the counts recorded in its ``_done`` file."""
    started = time.perf_counter()
    cpu_started = time.process_time()
    extract = resolve_extractor(settings.extractor)
    statuses: list[dict[str, Any]] = []
    extracted: list[Extracted] = []  # the articles extracted successfully
    report = _progress_reporter()
    last_report = started
    for record in read_partition(part, settings.max_line_bytes, database):
        if report is not None and time.perf_counter() - last_report >= _PROGRESS_EVERY_S:
            report({"partition": part.name, "articles": len(statuses)})
            last_report = time.perf_counter()
        status, done = _process_record(record, part, settings, extract)
        statuses.append(status)
        if done is not None:
            extracted.append(done)

    events_table = _events_table(extracted)
    articles = sorted((article_row for _, article_row, _ in extracted), key=lambda r: r["article_id"])
    out = Path(output)
    _write(out / "articles" / f"{part.name}.parquet", tables.to_table(articles, tables.ARTICLES_SCHEMA))
    _write(out / "events" / f"{part.name}.parquet", events_table)
    _write(out / "status" / f"{part.name}.parquet", tables.to_table(statuses, tables.STATUS_SCHEMA))
    counts = {
        "partition": part.name,
        "articles": len(statuses),
        "ok": sum(s["status"] == "ok" for s in statuses),
        "skipped": sum(s["status"] == "skipped" for s in statuses),
        "failed": sum(s["status"] == "failed" for s in statuses),
        "events": events_table.num_rows,
        "seconds": round(time.perf_counter() - started, 3),
        "cpu_seconds": round(time.process_time() - cpu_started, 3),
        "peak_rss_mb": peak_rss_mb(),
    }
    write_json_atomic(out / DONE_DIR / f"{part.name}.json", counts)
    return counts


def _process_record(
    record: SourceRecord, part: Partition, settings: TaskSettings, extract: Extractor
) -> tuple[dict[str, Any], Extracted | None]:
    """The status row of one input record, and its rows when it was extracted successfully."""
    status: dict[str, Any] = {
        "partition": part.name, "input": part.source, "offset": record.offset,
        "article_id": None, "status": "skipped", "reason": record.problem, "events": 0, "warnings": [],
    }
    if record.data is None:
        return status, None
    raw_id = record.data.get("id")
    if isinstance(raw_id, (str, int)) and str(raw_id):
        status["article_id"] = str(raw_id)  # lets a user find a skipped record by its id
    try:
        article = Article.from_dict(record.data)
    except InputError as exc:
        status["reason"] = str(exc)
        return status, None
    except (TypeError, ValueError) as exc:  # e.g. a field of a type Article cannot take
        status["reason"] = f"malformed article record ({exc})"
        return status, None
    status["article_id"] = article.id
    problem = _unstorable_field(article)
    if problem is None and len(article.text) > settings.max_chars:
        problem = f"article text longer than {settings.max_chars} characters"
    if problem:
        status["reason"] = problem
        return status, None
    try:
        result = extract(article)
        rows = [tables.event_row(article.id, i, e) for i, e in enumerate(result.events)]
    except Exception as exc:  # one bad article must not lose the partition
        status["status"] = "failed"
        status["reason"] = f"{type(exc).__name__}: {exc}"[:2000]
        return status, None
    status.update(status="ok", reason=None, events=len(rows), warnings=[str(w) for w in result.warnings])
    return status, (status, tables.article_row(article), rows)


def _events_table(extracted: list[Extracted]) -> pa.Table:
    """All event rows, sorted by (article, event index) whatever the input order. An article
    whose events do not fit the schema (an extraction bug) is marked failed and left out, so it
    cannot cost the whole partition; the per-article check runs only when that happens."""
    def build() -> pa.Table:
        rows = [r for _, _, event_rows in extracted for r in event_rows]
        rows.sort(key=lambda r: (r["article_id"], r["event_index"]))
        return tables.to_table(rows, tables.EVENTS_SCHEMA)

    try:
        return build()
    except (pa.ArrowException, TypeError, ValueError, OverflowError):
        pass
    kept = []
    for status, article_row, event_rows in extracted:
        try:
            tables.to_table(event_rows, tables.EVENTS_SCHEMA)
        except (pa.ArrowException, TypeError, ValueError, OverflowError) as exc:
            status.update(status="failed", events=0, warnings=[],
                          reason=f"events could not be serialised ({type(exc).__name__}: {exc})"[:2000])
            continue
        kept.append((status, article_row, event_rows))
    extracted[:] = kept
    return build()


_TEXT_FIELDS = ("id", "text", "title", "url", "source", "language")


def _unstorable_field(article: Article) -> str | None:
    """Why the article cannot be written to Parquet as it is (wrong type, broken Unicode), or None."""
    for name in _TEXT_FIELDS:
        value = getattr(article, name)
        if value is None:
            continue
        if not isinstance(value, str):
            return f"field '{name}' must be a string, not {type(value).__name__}"
        try:
            value.encode("utf-8")
        except UnicodeEncodeError:
            return f"field '{name}' holds invalid Unicode (an unpaired surrogate escape such as \\ud800)"
    return None


def _progress_reporter() -> Callable[[dict[str, Any]], None] | None:
    """Sends "articles done so far in this partition" to the client's progress bar when running
    on a Dask worker; None elsewhere (tests, benchmarks)."""
    try:
        from distributed import get_worker

        worker = get_worker()
    except (ImportError, ValueError):
        return None
    return lambda message: worker.log_event(PROGRESS_TOPIC, message)


def _write(final: Path, table) -> None:
    tmp = temporary_path(final)
    pq.write_table(table, tmp, compression="zstd")
    commit(tmp, final)


def peak_rss_mb() -> float:
    """Peak resident memory of this process so far, in MB."""
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    # Linux reports KiB, macOS bytes.
    return round(peak / (1024 * 1024) if sys.platform == "darwin" else peak / 1024, 1)
