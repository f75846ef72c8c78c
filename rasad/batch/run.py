"""The client side of a batch: plan, resume, submit partitions to Dask, show progress, sum up."""

from __future__ import annotations

import importlib.util
import logging
import os
import socket
import time
from contextlib import ExitStack
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any, Callable, Sequence

from rasad.batch.manifest import SUMMARY, done_records, expected_manifest, prepare_output, write_json_atomic
from rasad.batch.plan import DEFAULT_CHUNK_BYTES, DEFAULT_CHUNK_ROWS, Partition, is_database_url, plan_inputs
from rasad.batch.progress import BatchProgress
from rasad.batch.task import PROGRESS_TOPIC, TaskSettings, process_partition, resolve_extractor, warm_worker
from rasad.record import InputError


@dataclass
class BatchSummary:
    partitions: int = 0
    partitions_resumed: int = 0  # finished by an earlier run and not redone
    partitions_failed: list[str] = field(default_factory=list)
    articles: int = 0
    ok: int = 0
    skipped: int = 0
    failed: int = 0
    events: int = 0
    seconds: float = 0.0  # wall time of this run
    processing_seconds: float = 0.0  # from the first submission to the last result
    articles_this_run: int = 0
    worker_cpu_seconds: float = 0.0  # CPU time the workers spent on this run's partitions
    peak_worker_rss_mb: float = 0.0
    dashboard: str | None = None

    @property
    def articles_per_second(self) -> float:
        return self.articles_this_run / self.processing_seconds if self.processing_seconds else 0.0

    def to_dict(self) -> dict[str, Any]:
        d = asdict(self)
        d["articles_per_second"] = round(self.articles_per_second, 2)
        return d

    def lines(self) -> list[str]:
        out = [
            f"partitions: {self.partitions} ({self.partitions_resumed} already done, "
            f"{len(self.partitions_failed)} failed)",
            f"articles read: {self.articles}  ok: {self.ok}  skipped: {self.skipped}  failed: {self.failed}",
            f"events found: {self.events}",
            f"time: {self.seconds:.1f} s ({self.articles_per_second:.1f} articles/s over "
            f"{self.articles_this_run} articles this run)",
        ]
        if self.peak_worker_rss_mb:
            out.append(f"peak worker memory: {self.peak_worker_rss_mb:.0f} MB")
        if self.partitions_failed:
            out.append(
                "failed partitions: " + ", ".join(self.partitions_failed[:10])
                + (" …" if len(self.partitions_failed) > 10 else "")
                + " (rerun the same command to retry them)"
            )
        return out


def run_batch(
    input_spec: str | Sequence[str],
    output: str | os.PathLike[str],
    *,
    scheduler: str | None = None,
    workers: int | None = None,
    chunk_bytes: int = DEFAULT_CHUNK_BYTES,
    chunk_rows: int = DEFAULT_CHUNK_ROWS,
    query: str | None = None,
    settings: TaskSettings | None = None,
    overwrite: bool = False,
    progress: bool = True,
    echo: Callable[[str], None] = print,
) -> BatchSummary:
    """Run (or resume) a batch over ``input_spec`` (directories, files, globs, or a database URL
    with ``query``) into the Parquet dataset at ``output``."""
    specs = [input_spec] if isinstance(input_spec, str) else list(input_spec)
    started = time.perf_counter()
    settings = settings or TaskSettings()
    resolve_extractor(settings.extractor)  # a wrong --extractor fails here, not on every worker
    out = Path(output).expanduser().resolve()
    plan = plan_inputs(specs, chunk_bytes=chunk_bytes, chunk_rows=chunk_rows, query=query)
    if not plan.partitions:
        raise InputError(f"{' '.join(specs)}: the input holds no articles (all files are empty)")
    manifest = expected_manifest(plan, settings.to_dict())
    resumed = prepare_output(out, manifest, overwrite=overwrite)
    done = done_records(out)
    pending = [p for p in plan.partitions if p.name not in done]
    summary = BatchSummary(partitions=len(plan.partitions), partitions_resumed=len(done))
    if resumed:
        echo(f"resuming {out}: {len(done)} of {len(plan.partitions)} partitions already done")

    if pending:
        database = (specs[0], query) if is_database_url(specs[0]) and query else None
        results, failures, processing = _run_on_dask(
            pending, str(out), settings, database, scheduler, workers, progress, echo, summary
        )
        summary.processing_seconds = processing
        summary.partitions_failed = sorted(failures)
        summary.articles_this_run = sum(r["articles"] for r in results)
        summary.worker_cpu_seconds = round(sum(r.get("cpu_seconds", 0.0) for r in results), 3)
        summary.peak_worker_rss_mb = max((r.get("peak_rss_mb", 0.0) for r in results), default=0.0)
        for name, message in sorted(failures.items()):
            echo(f"partition {name} failed: {message}")

    for record in done_records(out).values():
        for key in ("articles", "ok", "skipped", "failed", "events"):
            setattr(summary, key, getattr(summary, key) + int(record.get(key, 0)))
    summary.seconds = time.perf_counter() - started
    if not summary.partitions_failed:
        write_json_atomic(out / SUMMARY, {k: v for k, v in summary.to_dict().items() if k != "dashboard"})
    return summary


def _run_on_dask(
    pending: list[Partition], output: str, settings: TaskSettings, database: tuple[str, str] | None,
    scheduler: str | None, workers: int | None, progress: bool, echo: Callable[[str], None],
    summary: BatchSummary,
) -> tuple[list[dict[str, Any]], dict[str, str], float]:
    """Counts of the partitions that finished, messages of those that failed, processing seconds."""
    from distributed import Client, LocalCluster, as_completed

    results: list[dict[str, Any]] = []
    failures: dict[str, str] = {}
    with ExitStack() as stack:
        if scheduler:
            try:
                client = stack.enter_context(Client(scheduler, timeout="30s"))
            except (OSError, TimeoutError, ValueError) as exc:
                raise InputError(f"cannot reach the Dask scheduler at {scheduler} ({exc}); "
                                 "start it with `dask scheduler` or check the address") from None
        else:
            n = workers or os.cpu_count() or 1
            cluster = stack.enter_context(LocalCluster(
                n_workers=n, threads_per_worker=1, processes=True,
                dashboard_address=_dashboard_address(),
                # rasad reports failed partitions itself; worker log lines (a heartbeat racing
                # the shutdown, say) would only clutter the summary.
                silence_logs=logging.CRITICAL,
            ))
            client = stack.enter_context(Client(cluster))
        info = client.scheduler_info()
        # A scheduler without bokeh still answers on the dashboard port, with a page asking for
        # bokeh: locally, check for bokeh itself; remotely, trust what the scheduler serves.
        served = "dashboard" in info.get("services", {}) and (scheduler is not None or _has_dashboard())
        summary.dashboard = client.dashboard_link if served else None
        n_workers = len(info.get("workers", {}))
        echo(f"Dask scheduler {client.scheduler.address} with {n_workers} workers")
        echo(
            f"dashboard: {summary.dashboard}" if summary.dashboard
            else "dashboard: not served (pip install 'rasad[dashboard]' where the scheduler runs)"
        )
        if not n_workers:
            echo("the scheduler has no workers yet: partitions wait until `dask worker` processes join")
        try:
            warm = client.run(warm_worker, settings.extractor)
        except Exception as exc:  # e.g. a worker without rasad installed cannot unpickle the call
            raise InputError(f"a Dask worker could not load rasad's extraction ({type(exc).__name__}: {exc}); "
                             "install the same rasad version on every worker") from None
        if warm:
            echo(f"workers loaded the knowledge base in {max(warm.values()):.1f} s")
        begin = time.perf_counter()
        run_id = f"{os.getpid()}-{time.time_ns()}"  # distinct keys: a rerun never joins a stale task
        futures = {
            client.submit(process_partition, p, output, settings, database,
                          key=f"rasad-{p.name}-{run_id}", pure=False, retries=1): p
            for p in pending
        }
        with BatchProgress(len(pending), progress) as bar:
            client.subscribe_topic(PROGRESS_TOPIC, lambda event: bar.running(event[1]))
            for future in as_completed(futures):
                part = futures[future]
                if future.status == "finished":
                    counts = future.result()
                    results.append(counts)
                    bar.finished(part.name, counts["articles"])
                else:
                    failures[part.name] = _failure_message(future)
                    bar.finished(part.name, 0)
            client.unsubscribe_topic(PROGRESS_TOPIC)
        processing = time.perf_counter() - begin
    return results, failures, processing


def _failure_message(future: Any) -> str:
    if future.status == "cancelled":
        return "cancelled by the scheduler (a worker was lost too many times?)"
    exc = future.exception()
    return f"{type(exc).__name__}: {exc}"


def _dashboard_address(preferred: int = 8787) -> str:
    """Dask's usual dashboard port when free, else any free port (no "port in use" warning)."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        try:
            probe.bind(("", preferred))
        except OSError:
            return ":0"
    return f":{preferred}"


def _has_dashboard() -> bool:
    return importlib.util.find_spec("bokeh") is not None
