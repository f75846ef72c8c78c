"""Scoring of multi-incident reports coded by hand (bench/written_reports/): each expected event is
matched, within its report, to an unused extracted event of the same event type agreeing on most
fields. Precision and recall count those matches; field accuracy is over the matched pairs; a report
is "exact" when its events all agree, in order. Used by ``bench/written_reports.py`` and the floor
test; figures to compare versions by, not gold (one author per set, no adjudication)."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any, Callable

from rasad.record import Article

FIELDS = ("event_type", "sub_event_type", "actor1", "actor2", "admin1", "fatalities")


def _agree(want: dict, got: dict, field: str) -> bool:
    return want[field] == "*" or want[field] == got[field]


def score_written(path: Path, extract: Callable[[Article], Any] | None = None,
                  on_diff: Callable[[str, list[dict], list[dict]], None] | None = None) -> dict[str, Any]:
    """Scores of one set (a JSON Lines file of ``{"id", "published", "text", "expect"}``);
    ``on_diff(id, want, got)`` is called for each report that differs."""
    if extract is None:
        from rasad.extract import extract_article as extract
    reports = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    matched = n_got = n_want = exact = 0
    field_ok = dict.fromkeys(FIELDS, 0)
    for rep in reports:
        article = Article(text=rep["text"], id=rep["id"], published=dt.date.fromisoformat(rep["published"]))
        got = [{k: getattr(e, k) for k in FIELDS} for e in extract(article).events]
        want = rep["expect"]
        n_got += len(got)
        n_want += len(want)
        used: set[int] = set()
        for w in want:
            options = [(sum(_agree(w, g, k) for k in FIELDS), i) for i, g in enumerate(got)
                       if i not in used and g["event_type"] == w["event_type"]]
            if not options:
                continue
            _, best = max(options, key=lambda o: (o[0], -o[1]))
            used.add(best)
            matched += 1
            for k in FIELDS:
                field_ok[k] += _agree(w, got[best], k)
        same = len(got) == len(want) and all(_agree(w, g, k) for w, g in zip(want, got) for k in FIELDS)
        exact += same
        if on_diff is not None and not same:
            on_diff(rep["id"], want, got)
    p = matched / n_got if n_got else 0.0
    r = matched / n_want if n_want else 0.0
    return {
        "set": path.stem, "reports": len(reports), "exact": exact, "expected": n_want, "extracted": n_got,
        "precision": p, "recall": r, "f1": 2 * p * r / (p + r) if p + r else 0.0,
        **{k: (field_ok[k] / matched if matched else 0.0) for k in FIELDS[1:]},
    }
