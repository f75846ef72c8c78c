"""``rasad extract PATH... [--published YYYY-MM-DD] [--format jsonl|table|csv]``."""

from __future__ import annotations

import csv
import datetime as dt
import json
import sys
from typing import Iterator

import click

from rasad.record import EVENT_KEYS, Article, InputError, parse_published

PROGRESS_MIN_ARTICLES = 5


def _read_inputs(paths: tuple[str, ...]) -> Iterator:
    from rasad.ingest.readers import Skipped, _sniff, read_bytes, read_source

    for spec in paths:
        if spec == "-":
            data = sys.stdin.buffer.read()
            if not data.strip():
                yield Skipped("<stdin>", "empty input")
                continue
            try:
                yield from read_bytes(data, "<stdin>", _sniff(data), article_id="stdin")
            except InputError as exc:
                yield Skipped("<stdin>", str(exc).split(": ", 1)[-1])
        else:
            yield from read_source(spec, fetch_pages=False)


def _published(value: str | None) -> dt.date | None:
    if value is None:
        return None
    try:
        return parse_published(value)
    except InputError:
        raise click.BadParameter(f"{value!r} is not a date: use YYYY-MM-DD, e.g. 2022-12-05",
                                 param_hint="--published") from None


@click.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("--published", help="publication date (YYYY-MM-DD) for articles that carry none")
@click.option("--format", "fmt", type=click.Choice(["jsonl", "table", "csv"]), default="jsonl", show_default=True)
@click.option("--bidi/--no-bidi", default=True, show_default=True,
              help="reorder Arabic for terminals that do not (table format only)")
def extract(paths: tuple[str, ...], published: str | None, fmt: str, bidi: bool) -> None:
    """Code the incidents in articles: text files, JSON Lines of article records, folders, or '-' (stdin)."""
    from rasad.extract import extract_article
    from rasad.ingest.readers import Skipped

    pub = _published(published)
    items = list(_read_inputs(paths))
    articles = [a for a in items if isinstance(a, Article)]
    for s in items:
        if isinstance(s, Skipped):
            click.echo(f"rasad: skipped {s.where}: {s.reason}", err=True)
    if not articles:
        raise click.ClickException("nothing could be read from the given input")

    results = []
    progress = None
    if len(articles) > PROGRESS_MIN_ARTICLES:
        from rich.progress import Progress

        progress = Progress(*Progress.get_default_columns(), "{task.completed}/{task.total} articles",
                            transient=True, console=_stderr_console())
        progress.start()
        task = progress.add_task("extracting", total=len(articles))
    try:
        for art in articles:
            if art.published is None and pub is not None:
                art.published = pub
            if art.encoding_note:
                click.echo(f"rasad: {art.id}: {art.encoding_note}", err=True)
            res = extract_article(art)
            for w in res.warnings:
                click.echo(f"rasad: {art.id}: {w}", err=True)
            results.append((art, res))
            if progress is not None:
                progress.advance(task)
    finally:
        if progress is not None:
            progress.stop()

    events = [ev for _, res in results for ev in res.events]
    if fmt == "jsonl":
        out = sys.stdout
        for ev in events:
            out.write(json.dumps(ev.to_dict(), ensure_ascii=False) + "\n")
    elif fmt == "csv":
        writer = csv.writer(sys.stdout)
        writer.writerow(EVENT_KEYS)
        for ev in events:
            d = ev.to_dict()
            writer.writerow([json.dumps(d[k], ensure_ascii=False) if isinstance(d[k], (list, dict)) else
                             ("" if d[k] is None else d[k]) for k in EVENT_KEYS])
    else:
        _print_table(results, bidi)
    click.echo(f"rasad: {len(articles)} article(s), {len(events)} event(s)", err=True)


def _stderr_console():
    from rich.console import Console

    return Console(stderr=True)


def _print_table(results, bidi: bool) -> None:
    from rich.console import Console
    from rich.table import Table

    def show(s: str | None) -> str:
        if not s:
            return ""
        if bidi and any("\u0600" <= c <= "\u06ff" for c in s):
            from bidi import get_display

            return get_display(s)
        return s

    console = Console()
    for art, res in results:
        table = Table(title=f"{art.id} — {len(res.events)} event(s)", show_lines=True, expand=True)
        for col in ("date", "type / sub-type", "actor 1", "actor 2", "place", "killed", "wounded", "evidence"):
            table.add_column(col, overflow="fold")
        for ev in res.events:
            place = ev.location or ""
            if ev.location_ar:
                place += f"\n{show(ev.location_ar)}"
            if ev.admin1:
                place += f"\n{ev.admin2 or ''}, {ev.admin1} (p{ev.geo_precision})"
            trig = "; ".join(e.text for e in ev.evidence.get("event_type", []))
            table.add_row(f"{ev.event_date or '?'} (p{ev.time_precision or '-'})",
                          f"{ev.event_type}\n{ev.sub_event_type}", ev.actor1 or "",
                          "\n".join([ev.actor2 or ""] + ev.assoc_actor_2), place,
                          str(ev.fatalities), "" if ev.injuries is None else str(ev.injuries), show(trig))
        console.print(table)
