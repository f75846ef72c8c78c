"""``rasad ingest | watch | serve | export | demo``: the store's commands."""

from __future__ import annotations

import sys
from importlib import resources
from pathlib import Path

import click

from rasad.export import FORMATS
from rasad.record import InputError

db_option = click.option("--db", "db_url", metavar="URL|PATH", default=None,
                         help="store: a SQLite path or URL, or postgresql://... (default: $RASAD_DB or ./rasad.sqlite)")
fusion_option = click.option("--fusion-config", type=click.Path(dir_okay=False), default=None,
                             help="JSON file of fusion thresholds (see rasad/fusion/defaults.json)")


def _open(db_url: str | None, fusion_config: str | None = None):  # type: ignore[no-untyped-def]
    from rasad.fusion import load_fusion_config
    from rasad.store import open_store

    return open_store(db_url, load_fusion_config(fusion_config) if fusion_config else None)


def _progress(verbose: bool):  # type: ignore[no-untyped-def]
    def report(where: str, status: str) -> None:
        if verbose or status.startswith("skipped"):
            click.echo(f"{where}: {status}", err=True)
    return report


@click.command()
@click.argument("sources", nargs=-1, required=True, metavar="PATH|URL...")
@db_option
@fusion_option
@click.option("--no-fetch-pages", is_flag=True, help="for feeds, use entry summaries instead of fetching each page")
@click.option("--published", metavar="YYYY-MM-DD", default=None,
              help="publication date for articles that carry none (plain text files)")
@click.option("-v", "--verbose", is_flag=True, help="one line per article")
def ingest(sources: tuple[str, ...], db_url: str | None, fusion_config: str | None, no_fetch_pages: bool,
           published: str | None, verbose: bool) -> None:
    """Ingest text files, JSON Lines, CSV, HTML pages, RSS/Atom feeds, folders or URLs.

    Articles already stored with the same text are skipped; a known URL with new text is
    re-extracted and its events replaced. Each article is committed on its own, so an
    interrupted run loses nothing and a rerun finishes the rest."""
    from rasad.ingest import ingest as run_ingest

    from rasad.record import parse_published

    default_published = parse_published(published) if published else None
    store = _open(db_url, fusion_config)
    report = run_ingest(sources, store, fetch_pages=not no_fetch_pages, on_item=_progress(verbose),
                        default_published=default_published)
    click.echo(f"{report.summary()} -> {store.display_url}")
    if report.skipped and not (report.new or report.updated or report.unchanged):
        sys.exit(1)


@click.command()
@click.argument("feeds", type=click.Path(dir_okay=False))
@click.option("--every", default="15m", show_default=True, help="interval between rounds: 30s, 15m, 1h")
@click.option("--rounds", type=click.IntRange(min=1), default=None, help="stop after this many rounds (default: run until Ctrl-C)")
@db_option
@fusion_option
def watch(feeds: str, every: str, rounds: int | None, db_url: str | None, fusion_config: str | None) -> None:
    """Ingest the feeds listed in FEEDS (one URL per line) every --every, until interrupted."""
    from rasad.ingest.watch import parse_interval, read_feed_list, watch as run_watch

    interval = parse_interval(every)
    read_feed_list(feeds)  # fail now on an unreadable list, not after the first sleep
    store = _open(db_url, fusion_config)

    def on_round(n: int, report) -> None:  # type: ignore[no-untyped-def]
        for skipped in report.skipped:
            click.echo(f"{skipped.where}: skipped: {skipped.reason}", err=True)
        click.echo(f"round {n}: {report.summary()}")

    click.echo(f"watching {feeds} every {every} -> {store.display_url} (Ctrl-C stops)")
    run_watch(feeds, store, interval, rounds, on_round)


def _serve(store, host: str, port: int, token: str | None) -> None:  # type: ignore[no-untyped-def]
    import uvicorn

    from rasad.api.app import create_app

    app = create_app(token=token, store=store)
    click.echo(f"rasad: serving {store.display_url} at http://{host}:{port}/ (API docs: http://{host}:{port}/docs)")
    if not app.state.token:
        click.echo("rasad: no token given (--token or RASAD_TOKEN): reviews and uploads are disabled", err=True)
    uvicorn.run(app, host=host, port=port, log_level="warning")


@click.command()
@db_option
@click.option("--host", default="127.0.0.1", show_default=True)
@click.option("--port", type=click.IntRange(1, 65535), default=8000, show_default=True)
@click.option("--token", envvar="RASAD_TOKEN", default=None, help="token for write endpoints (default: $RASAD_TOKEN)")
def serve(db_url: str | None, host: str, port: int, token: str | None) -> None:
    """Serve the API and the web UI on the store."""
    _serve(_open(db_url), host, port, token)


@click.command()
@click.option("--format", "fmt", type=click.Choice(list(FORMATS)), default="acled-csv", show_default=True)
@click.option("-o", "--output", type=click.Path(dir_okay=False, allow_dash=True), default="-", help="file to write (default: stdout)")
@db_option
@click.option("--start", help="first event date, YYYY-MM-DD")
@click.option("--end", help="last event date, YYYY-MM-DD")
@click.option("--event-type")
@click.option("--sub-event-type")
@click.option("--actor", help="part of actor 1 or 2")
@click.option("--admin1")
@click.option("--admin2")
@click.option("--bbox", help="minlon,minlat,maxlon,maxlat")
@click.option("--q", "q", help="text search")
@click.option("--min-confidence")
@click.option("--review-state", help="unreviewed|confirmed|corrected|rejected (default: all but rejected)")
def export(fmt: str, output: str, db_url: str | None, **filters: str | None) -> None:
    """Export stored events as ACLED CSV, GeoJSON, JSON Lines or Parquet."""
    from rasad.export import write_export
    from rasad.store import EventFilters

    parsed = EventFilters.parse(filters)
    store = _open(db_url)
    records = store.iter_events(parsed, with_evidence=fmt == "jsonl")
    if output == "-":
        if fmt == "parquet" and sys.stdout.isatty():
            raise InputError("parquet is binary: write it to a file with -o events.parquet")
        write_export(records, fmt, sys.stdout.buffer)
        sys.stdout.buffer.flush()
        return
    target = Path(output)
    if not target.parent.is_dir():
        raise InputError(f"cannot write {output}: folder {target.parent} does not exist")
    partial = target.with_name(target.name + ".partial")
    with partial.open("wb") as out:
        write_export(records, fmt, out)
    partial.replace(target)  # a reader never sees half a file
    click.echo(f"wrote {output}", err=True)


def bundled_examples() -> list[Path]:
    folder = resources.files("rasad").joinpath("examples")
    # The JSON Lines examples carry their publication dates; the .txt is the raw worked example.
    return sorted(Path(str(p)) for p in folder.iterdir() if p.is_file() and p.suffix == ".jsonl")


@click.command()
@db_option
@click.option("--no-serve", is_flag=True, help="only ingest the examples and print how to serve them")
@click.option("--host", default="127.0.0.1", show_default=True)
@click.option("--port", type=click.IntRange(1, 65535), default=8000, show_default=True)
@click.option("--token", envvar="RASAD_TOKEN", default=None, help="token for write endpoints (default: $RASAD_TOKEN)")
def demo(db_url: str | None, no_serve: bool, host: str, port: int, token: str | None) -> None:
    """Ingest the bundled example reports into the store, then serve the UI."""
    from rasad.ingest import ingest as run_ingest

    store = _open(db_url)
    examples = [str(p) for p in bundled_examples()]
    report = run_ingest(examples, store, on_item=_progress(False))
    click.echo(f"demo: {len(examples)} example file(s): {report.summary()} -> {store.display_url}")
    if no_serve:
        db_hint = f" --db {db_url}" if db_url else ""
        click.echo(f"demo: run `rasad serve{db_hint}` and open http://{host}:{port}/")
        return
    _serve(store, host, port, token)
