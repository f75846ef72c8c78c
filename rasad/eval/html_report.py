"""A self-contained HTML report (no scripts, no external resources) listing every error side by
side for an analyst. Article text is untrusted: every value goes through ``html.escape``."""

from __future__ import annotations

import datetime as dt
import json
from html import escape
from typing import Any

from rasad.eval.report import ArticleResult, Counts, Report

# Long articles are cut in the listing; the gold file keeps the whole text.
MAX_SHOWN_CHARS = 20_000

_SHOWN_FIELDS = ("event_type", "sub_event_type", "event_date", "time_precision", "actor1", "actor2",
                 "location", "location_ar", "admin1", "admin2", "admin3", "latitude", "longitude",
                 "fatalities", "injuries", "civilian_targeting", "weapons")

_CSS = """
body{font-family:system-ui,sans-serif;margin:2em;max-width:80em;color:#222}
table{border-collapse:collapse;margin:.5em 0 1em}
td,th{border:1px solid #ccc;padding:.2em .6em;text-align:left;vertical-align:top}
th{background:#f3f3f3}
td.num{text-align:right;font-variant-numeric:tabular-nums}
tr.wrong td{background:#fde2e2}
.article{border-top:2px solid #999;margin-top:2em;padding-top:.5em}
.text{white-space:pre-wrap;background:#fafafa;border:1px solid #ddd;padding:.6em;
 max-height:20em;overflow:auto;unicode-bidi:plaintext}
.missed{color:#a00}.spurious{color:#a60}
.ev-g{background:#d6ecff}.ev-p{text-decoration:underline 2px #c60}
"""


def _e(value: Any) -> str:
    if value is None:
        return "<i>null</i>"
    if isinstance(value, (list, tuple)):
        return escape(", ".join(str(v) for v in value))
    if isinstance(value, float):
        return escape(f"{value:.4f}")
    return escape(str(value))


def _num(value: float | int | None) -> str:
    if value is None:
        return "–"
    return str(value) if isinstance(value, int) else f"{value:.3f}"


def render_html(report: Report, title: str, generated: dt.datetime | None = None) -> str:
    generated = generated or dt.datetime.now(dt.timezone.utc)
    parts = [
        "<!DOCTYPE html>",
        '<html lang="en"><head><meta charset="utf-8">',
        # No scripts and no remote loads, even if an escape were ever missed.
        "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">",
        f"<title>{escape(title)}</title><style>{_CSS}</style></head><body>",
        f"<h1>{escape(title)}</h1>",
        f"<p>Generated {escape(generated.strftime('%Y-%m-%d %H:%M UTC'))}: {len(report.articles)} articles, "
        f"{report.gold_events} gold events, {report.predicted_events} predicted events. "
        "Matching rule and metric definitions: docs/gold-format.md.</p>",
    ]
    if report.warnings:
        parts.append("<h2>Warnings</h2><ul>")
        parts.extend(f"<li>{escape(w)}</li>" for w in report.warnings)
        parts.append("</ul>")
    parts.append(_detection_html(report))
    parts.append(_metrics_html(report))
    with_errors = [a for a in report.articles if a.has_errors]
    parts.append(f"<h2>Errors ({len(with_errors)} of {len(report.articles)} articles)</h2>")
    parts.extend(_article_html(a) for a in with_errors)
    parts.append("</body></html>")
    return "\n".join(parts)


def _detection_html(report: Report) -> str:
    rows = ["<h2>Event detection</h2><table><tr><th>slice</th><th>TP</th><th>FP</th><th>FN</th>"
            "<th>precision</th><th>recall</th><th>F1</th></tr>"]

    def row(name: str, c: Counts) -> None:
        rows.append(f"<tr><td>{escape(name)}</td><td class=num>{c.tp}</td><td class=num>{c.fp}</td>"
                    f"<td class=num>{c.fn}</td><td class=num>{_num(c.precision)}</td>"
                    f"<td class=num>{_num(c.recall)}</td><td class=num>{_num(c.f1)}</td></tr>")

    for name, counts in report.detection_rows():
        row(name, counts)
    rows.append("</table>")
    return "".join(rows)


def _metrics_html(report: Report) -> str:
    rows = ["<h2>All figures</h2><table><tr><th>metric</th><th>value</th></tr>"]
    for name, value in report.flat().items():
        if name.startswith("detection."):
            continue
        rows.append(f"<tr><td>{escape(name)}</td><td class=num>{escape(_num(value))}</td></tr>")
    rows.append("</table>")
    return "".join(rows)


def _article_html(result: ArticleResult) -> str:
    gold = result.gold
    parts = [
        '<section class="article">',
        f"<h3>{escape(gold.id)} <small>(line {gold.line}, language {_e(gold.language)}, "
        f"published {_e(gold.published)})</small></h3>",
        '<p><small><span class="ev-g">gold evidence</span> · <span class="ev-p">predicted evidence'
        "</span></small></p>",
        f'<div class="text" dir="auto">{_marked_text(result)}</div>',
    ]
    for pair in result.pairs:
        if pair.wrong_fields:
            parts.append(f"<h4>Matched event: wrong {escape(', '.join(pair.wrong_fields))}</h4>")
            parts.append(_side_by_side(gold.text, gold.events[pair.gold_index],
                                       result.predicted[pair.predicted_index], pair.wrong_fields))
    for index in result.missed:
        parts.append('<h4 class="missed">Missed gold event (no prediction matched)</h4>')
        parts.append(_side_by_side(gold.text, gold.events[index], None, []))
    for index in result.spurious:
        parts.append('<h4 class="spurious">Spurious prediction (no gold event matched)</h4>')
        parts.append(_side_by_side(gold.text, None, result.predicted[index], []))
    parts.append("</section>")
    return "\n".join(parts)


def _marked_text(result: ArticleResult) -> str:
    """The article text, escaped, with gold and predicted evidence spans marked."""
    text = result.gold.text[:MAX_SHOWN_CHARS]
    marks = [0] * (len(text) + 1)  # per character: bit 1 gold evidence, bit 2 predicted evidence
    for bit, events in ((1, result.gold.events), (2, result.predicted)):
        for event in events:
            for spans in (event.get("evidence") or {}).values():
                for start, end in spans:
                    for i in range(max(start, 0), min(end, len(text))):
                        marks[i] |= bit
    parts: list[str] = []
    run_start = 0
    for i in range(1, len(text) + 1):
        if i == len(text) or marks[i] != marks[run_start]:
            chunk = escape(text[run_start:i])
            css = " ".join(name for bit, name in ((1, "ev-g"), (2, "ev-p")) if marks[run_start] & bit)
            parts.append(f'<span class="{css}">{chunk}</span>' if css else chunk)
            run_start = i
    if len(result.gold.text) > MAX_SHOWN_CHARS:
        parts.append(" […]")
    return "".join(parts)


def _side_by_side(text: str, gold: dict[str, Any] | None, pred: dict[str, Any] | None,
                  wrong: list[str]) -> str:
    rows = ["<table><tr><th>field</th><th>gold</th><th>predicted</th></tr>"]
    for name in _SHOWN_FIELDS:
        in_gold = gold is not None and name in gold
        in_pred = pred is not None and pred.get(name) not in (None, [], "")
        if not (in_gold or in_pred):
            continue
        gold_cell = _e(gold[name]) if in_gold else "<i>not coded</i>" if gold is not None else ""
        pred_cell = _e(pred.get(name)) if pred is not None else ""
        css = ' class="wrong"' if name in wrong else ""
        rows.append(f"<tr{css}><td>{escape(name)}</td><td dir=auto>{gold_cell}</td>"
                    f"<td dir=auto>{pred_cell}</td></tr>")
    names = sorted(set((gold or {}).get("evidence", {})) | set((pred or {}).get("evidence", {})))
    for name in names:
        gold_spans = (gold or {}).get("evidence", {}).get(name, [])
        pred_spans = (pred or {}).get("evidence", {}).get(name, [])
        rows.append(f"<tr><td>evidence {escape(name)}</td><td dir=auto>{_spans(text, gold_spans)}</td>"
                    f"<td dir=auto>{_spans(text, pred_spans)}</td></tr>")
    rows.append("</table>")
    return "".join(rows)


def _spans(text: str, spans: list[tuple[int, int]]) -> str:
    return "<br>".join(f"{start}–{end}: {escape(json.dumps(text[start:end], ensure_ascii=False))}"
                       for start, end in spans)
