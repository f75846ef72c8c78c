"""``rasad batch`` (extraction over many files on Dask) and ``rasad load`` (batch output → store)."""

from __future__ import annotations

import json
import re
import sys

import click

from rasad.record import InputError

_SIZE_RE = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*([kmg]?i?b?)?\s*$", re.IGNORECASE)
_UNITS = {"": 1, "b": 1, "k": 1024, "m": 1024**2, "g": 1024**3}


def parse_size(value: str) -> int:
    """``4MB``, ``512k``, ``1048576`` → bytes (binary multiples)."""
    m = _SIZE_RE.match(value)
    if not m:
        raise InputError(f"--chunk-size {value!r}: use a size like 4MB, 512KB or a number of bytes")
    unit = (m.group(2) or "").lower()[:1]
    return int(float(m.group(1)) * _UNITS[unit])


@click.command("batch")
@click.argument("input_specs", metavar="INPUT...", nargs=-1, required=True)
@click.argument("output", type=click.Path(file_okay=False))
@click.option("--scheduler", metavar="ADDRESS", help="Run on an existing Dask cluster (tcp://host:8786).")
@click.option("--workers", type=click.IntRange(1, 1024), help="Local cluster size (default: one per core).")
@click.option("--chunk-size", default="4MB", show_default=True, help="JSON Lines bytes per partition.")
@click.option("--chunk-rows", default=1000, show_default=True, type=click.IntRange(1), help="Database rows per partition.")
@click.option("--query", help="SQL returning id, text[, title, url, source, published, language] when INPUT is a database URL.")
@click.option("--extractor", default=None, metavar="MODULE:FUNCTION", help="Extraction callable (default: rasad's pipeline).")
@click.option("--max-chars", default=1_000_000, show_default=True, type=click.IntRange(1), help="Skip longer articles.")
@click.option("--overwrite", is_flag=True, help="Discard an existing OUTPUT of a different job and start again.")
@click.option("--no-progress", is_flag=True, help="No progress bar (logs, CI).")
@click.option("--json", "as_json", is_flag=True, help="Print the final summary as JSON on stdout.")
def batch(input_specs, output, scheduler, workers, chunk_size, chunk_rows, query, extractor, max_chars,
          overwrite, no_progress, as_json) -> None:
    """Extract events from every article in INPUT into the Parquet dataset OUTPUT.

    INPUT is one or more directories, files or globs of JSON Lines (.jsonl, .jsonl.gz) or
    Parquet files of articles, or a database URL with --query. Rerunning the same command after an interruption
    resumes: finished partitions are kept, the rest is redone.
    """
    from rasad.batch.run import run_batch
    from rasad.batch.task import DEFAULT_EXTRACTOR, TaskSettings

    if scheduler and workers:
        raise InputError("--workers sizes a local cluster; with --scheduler, start workers with `dask worker`")
    settings = TaskSettings(extractor=extractor or DEFAULT_EXTRACTOR, max_chars=max_chars)

    def echo(line: str) -> None:
        click.echo(line, err=True)

    try:
        summary = run_batch(
            input_specs, output, scheduler=scheduler, workers=workers, chunk_bytes=parse_size(chunk_size),
            chunk_rows=chunk_rows, query=query, settings=settings, overwrite=overwrite,
            progress=not no_progress and sys.stderr.isatty(), echo=echo,
        )
    except KeyboardInterrupt:
        from pathlib import Path

        from rasad.batch.manifest import done_records

        echo(f"interrupted with {len(done_records(Path(output)))} partitions finished; "
             "rerun the same command to resume")
        sys.exit(130)
    if as_json:
        click.echo(json.dumps(summary.to_dict(), ensure_ascii=False))
    for line in summary.lines():
        echo(line)
    if summary.partitions_failed:
        sys.exit(1)


@click.command("load")
@click.argument("output", type=click.Path(exists=True, file_okay=False))
@click.option("--db", "db_url", envvar="RASAD_DB", help="Store URL (sqlite:///rasad.sqlite, postgresql://…); default: $RASAD_DB or the store's default.")
@click.option("--no-progress", is_flag=True, help="No progress bar.")
def load(output, db_url, no_progress) -> None:
    """Load the events and articles of a finished batch OUTPUT into the store (idempotent)."""
    from rasad.batch.load import load_output

    summary = load_output(output, db_url, progress=not no_progress and sys.stderr.isatty())
    for line in summary.lines():
        click.echo(line, err=True)
