"""The report as rich tables for the terminal."""

from __future__ import annotations

from rich.console import Console
from rich.table import Table

from rasad.eval.report import Counts, Report


def _fmt(value: float | int | None, digits: int = 3) -> str:
    if value is None:
        return "–"
    if isinstance(value, int):
        return str(value)
    return f"{value:.{digits}f}"


def _detection_table(report: Report) -> Table:
    table = Table(title="Event detection", title_justify="left")
    for column in ("slice", "TP", "FP", "FN", "precision", "recall", "F1"):
        table.add_column(column, justify="left" if column == "slice" else "right")

    def row(name: str, counts: Counts) -> None:
        table.add_row(name, str(counts.tp), str(counts.fp), str(counts.fn),
                      _fmt(counts.precision), _fmt(counts.recall), _fmt(counts.f1))

    for name, counts in report.detection_rows():
        row(name, counts)
    return table


def _fields_table(report: Report) -> Table:
    table = Table(title="Fields of matched events", title_justify="left")
    for column in ("field", "n", "right", "rate", "MAE / F1"):
        table.add_column(column, justify="left" if column == "field" else "right")
    for name, stat in report.fields.items():
        extra = "" if name not in ("fatalities", "injuries", "weapons") else _fmt(
            stat.mean_score if name == "weapons" else stat.mae, 2)
        table.add_row(name, str(stat.n), str(stat.correct), _fmt(stat.accuracy), extra)
    return table


def print_report(report: Report, console: Console | None = None) -> None:
    console = console or Console(soft_wrap=True)
    console.print(f"{len(report.articles)} articles, {report.gold_events} gold events, "
                  f"{report.predicted_events} predicted events")
    console.print(_detection_table(report))
    console.print(_fields_table(report))
    distance = report.distance
    console.print(f"location distance: median {_fmt(distance.median, 1)} km, "
                  f"p90 {_fmt(distance.p90, 1)} km over {len(distance.distances_km)} pairs; "
                  f"{distance.no_coordinates} matched predictions without coordinates")
    evidence = report.evidence
    console.print(f"evidence: span overlap F1 {_fmt(evidence.mean_f1)}, any overlap "
                  f"{_fmt(evidence.any_overlap_rate)} over {len(evidence.overlap_f1)} gold spans fields")
