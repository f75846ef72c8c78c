"""``rasad eval GOLD.jsonl``: run the extractor on a gold set and score it (docs/gold-format.md)."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

# Exit statuses: 0 all good; 1 the gold file had errors or the extractor failed on an article;
# 2 a usage/input error (raised as InputError, handled in rasad.cli.main); 3 a floor was missed.
EXIT_GOLD_ERRORS = 1
EXIT_FLOOR_MISSED = 3
# A broken extractor fails on every article; the first few lines say why, the rest is noise.
MAX_FAILURES_SHOWN = 10


def _write(path: Path, text: str) -> None:
    try:
        path.write_text(text, encoding="utf-8")
    except OSError as exc:
        raise click.ClickException(f"cannot write {path}: {exc.strerror}") from None


@click.command("eval")
@click.argument("gold", type=click.Path(path_type=Path))
@click.option("--report", "html_path", type=click.Path(dir_okay=False, path_type=Path),
              help="Write a self-contained HTML report listing every error side by side.")
@click.option("--json", "json_path", type=click.Path(dir_okay=False, path_type=Path),
              help="Write all figures and the per-article errors as JSON ('-' for stdout).")
@click.option("--floors", "floors_path", type=click.Path(dir_okay=False, path_type=Path),
              help="JSON of metric -> minimum (maximum for *.mae, *_km_*); exit 3 when one is missed.")
@click.option("--quiet", is_flag=True, help="Do not print the tables.")
def eval_command(gold: Path, html_path: Path | None, json_path: Path | None,
                 floors_path: Path | None, quiet: bool) -> None:
    """Score the extractor against the gold articles in GOLD (JSON Lines)."""
    from rich.console import Console

    from rasad.eval.floors import check_floors, load_floors
    from rasad.eval.gold import load_gold
    from rasad.eval.html_report import render_html
    from rasad.eval.json_report import report_json
    from rasad.eval.runner import default_extractor, predict
    from rasad.eval.scorer import score
    from rasad.eval.terminal import print_report

    floors = load_floors(floors_path) if floors_path else None  # fail early on a bad floors file
    gold_set = load_gold(gold)
    err = Console(stderr=True, soft_wrap=True)
    for issue in gold_set.issues:
        err.print(str(issue), markup=False, highlight=False)
    predictions, failures = predict(gold_set.articles, default_extractor())
    report = score(gold_set.articles, predictions)
    report.warnings.extend(failures)
    for failure in failures[:MAX_FAILURES_SHOWN]:
        err.print(failure, markup=False, highlight=False)
    if len(failures) > MAX_FAILURES_SHOWN:
        err.print(f"... and {len(failures) - MAX_FAILURES_SHOWN} more extractor failures (all in --json)",
                  markup=False, highlight=False)

    to_stdout_json = json_path is not None and str(json_path) == "-"
    if not quiet and not to_stdout_json:
        print_report(report)
    if json_path is not None:
        document = json.dumps(report_json(report, str(gold), [str(i) for i in gold_set.issues]),
                              ensure_ascii=False, indent=1, default=str)
        if to_stdout_json:
            sys.stdout.write(document + "\n")
        else:
            _write(json_path, document)
    if html_path is not None:
        _write(html_path, render_html(report, f"rasad eval: {gold.name}"))

    status = 0
    if floors is not None:
        misses = check_floors(report.flat(), floors)
        for miss in misses:
            err.print(f"floor missed: {miss}", markup=False, highlight=False)
        if misses:
            status = EXIT_FLOOR_MISSED
        elif not quiet:
            err.print(f"all {len(floors)} floors met", markup=False, highlight=False)
    if status == 0 and (gold_set.errors or failures):
        err.print(f"{len(gold_set.errors)} gold file error(s), {len(failures)} extractor failure(s)",
                  markup=False, highlight=False)
        status = EXIT_GOLD_ERRORS
    if status:
        sys.exit(status)
