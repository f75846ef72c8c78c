"""The report as a JSON document for machines: flat metrics plus the per-article errors."""

from __future__ import annotations

from typing import Any

from rasad.eval.report import Report

_SUMMARY_FIELDS = ("event_type", "sub_event_type", "event_date", "actor1", "actor2", "location",
                   "admin1", "admin2", "latitude", "longitude", "fatalities", "injuries")


def _summary(event: dict[str, Any]) -> dict[str, Any]:
    return {k: event[k] for k in _SUMMARY_FIELDS if k in event}


def report_json(report: Report, gold_path: str | None = None,
                gold_issues: list[str] | None = None) -> dict[str, Any]:
    errors = []
    for result in report.articles:
        if not result.has_errors:
            continue
        errors.append({
            "id": result.gold.id,
            "line": result.gold.line,
            "missed": [_summary(result.gold.events[i]) for i in result.missed],
            "spurious": [_summary(result.predicted[j]) for j in result.spurious],
            "wrong": [
                {"fields": pair.wrong_fields,
                 "gold": {k: result.gold.events[pair.gold_index].get(k) for k in pair.wrong_fields},
                 "predicted": {k: result.predicted[pair.predicted_index].get(k) for k in pair.wrong_fields}}
                for pair in result.pairs if pair.wrong_fields
            ],
        })
    return {
        "gold": gold_path,
        "metrics": report.flat(),
        "gold_issues": gold_issues or [],
        "warnings": report.warnings,
        "errors": errors,
    }
