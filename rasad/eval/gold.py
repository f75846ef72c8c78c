"""Loading gold files (format: ``docs/gold-format.md``) with line-numbered errors that do not stop
the load: one bad line costs that article, not the whole evaluation."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from rasad.eval.compare import parse_date
from rasad.eval.taxonomy import event_types, sub_event_types
from rasad.record import Article, InputError, parse_published

# A news article is well under this; a longer line is almost surely a broken file (no newlines).
MAX_LINE_BYTES = 5_000_000

_STRING_FIELDS = (
    "event_type", "sub_event_type", "disorder_type", "actor1", "actor2", "location",
    "location_ar", "admin1", "admin2", "admin3", "event_date", "country",
)
_COUNT_FIELDS = ("fatalities", "injuries")
_SCORED_FIELDS = frozenset(
    _STRING_FIELDS + _COUNT_FIELDS
    + ("time_precision", "latitude", "longitude", "civilian_targeting", "weapons", "evidence")
)
# Event-record keys an annotator may copy from extractor output; accepted but not scored.
_IGNORED_FIELDS = frozenset({
    "event_id", "assoc_actor_1", "assoc_actor_2", "inter1", "inter2", "interaction", "iso",
    "geo_precision", "place_id", "notes", "source", "source_url", "article_ids", "language",
    "confidence",
})
_ARTICLE_KEYS = frozenset({"id", "text", "published", "language", "source", "url", "title", "events"})


@dataclass(frozen=True)
class GoldIssue:
    path: str
    line: int
    message: str
    is_error: bool = True  # False: a warning (e.g. an unknown key), nothing wrong was scored

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.message}"


@dataclass
class GoldArticle:
    id: str
    text: str
    language: str | None
    published: str | None
    events: list[dict[str, Any]]
    source: str | None = None
    url: str | None = None
    title: str | None = None
    line: int = 0

    def to_article(self) -> Article:
        return Article.from_dict({
            "id": self.id, "text": self.text, "published": self.published,
            "language": self.language, "source": self.source, "url": self.url, "title": self.title,
        })


@dataclass
class GoldSet:
    articles: list[GoldArticle] = field(default_factory=list)
    issues: list[GoldIssue] = field(default_factory=list)

    @property
    def errors(self) -> list[GoldIssue]:
        return [i for i in self.issues if i.is_error]


def load_gold(path: str | Path) -> GoldSet:
    """Read a gold JSON Lines file. Raises InputError only when the file cannot be read at all."""
    p = Path(path)
    try:
        data = p.read_bytes()
    except FileNotFoundError:
        raise InputError(f"gold file {p} not found: give the path of a .jsonl gold file") from None
    except IsADirectoryError:
        raise InputError(f"{p} is a directory: give the path of a .jsonl gold file") from None
    except OSError as exc:
        raise InputError(f"cannot read gold file {p}: {exc.strerror}") from None
    if b"\x00" in data[:4096]:
        raise InputError(f"{p} looks binary (NUL bytes): a gold file is UTF-8 JSON Lines text")
    gold = parse_gold_lines(data.splitlines(), str(p))
    if not gold.articles and not gold.issues:
        raise InputError(f"{p} holds no articles: a gold file has one JSON object per line")
    return gold


def parse_gold_lines(lines: list[bytes] | list[str], path: str = "<gold>") -> GoldSet:
    gold = GoldSet()
    seen_ids: set[str] = set()
    for number, line in enumerate(lines, start=1):
        issues_here: list[str] = []
        article = _parse_line(line, issues_here, seen_ids)
        for message in issues_here:
            gold.issues.append(GoldIssue(path, number, message, is_error=not message.startswith("warning: ")))
        if article is not None:
            article.line = number
            gold.articles.append(article)
            seen_ids.add(article.id)
    return gold


def _parse_line(line: bytes | str, issues: list[str], seen_ids: set[str]) -> GoldArticle | None:
    if isinstance(line, bytes):
        if len(line) > MAX_LINE_BYTES:
            issues.append(f"line is {len(line):,} bytes, over the {MAX_LINE_BYTES:,} limit; skipped")
            return None
        try:
            line = line.decode("utf-8")
        except UnicodeDecodeError as exc:
            issues.append(f"not UTF-8 (byte {exc.start}); re-save the file as UTF-8")
            return None
    stripped = line.strip().lstrip("\ufeff")
    if not stripped or stripped.startswith("#"):
        return None
    try:
        record = json.loads(stripped)
    except json.JSONDecodeError as exc:
        issues.append(f"malformed JSON ({exc.msg} at column {exc.colno}); article skipped")
        return None
    if not isinstance(record, dict):
        issues.append("a gold line must be a JSON object; skipped")
        return None
    text = record.get("text")
    if not isinstance(text, str) or not text.strip():
        issues.append("missing or empty 'text'; article skipped")
        return None
    article_id = record.get("id")
    if not isinstance(article_id, (str, int)) or isinstance(article_id, bool) or str(article_id) == "":
        issues.append("missing 'id' (a non-empty string); article skipped")
        return None
    article_id = str(article_id)
    if article_id in seen_ids:
        issues.append(f"duplicate id {article_id!r}; this later article skipped")
        return None
    published = record.get("published")
    if published is not None:
        try:
            published = parse_published(published).isoformat()
        except InputError as exc:
            issues.append(f"{exc}; article skipped")
            return None
    language = record.get("language")
    if language is not None and not isinstance(language, str):
        issues.append("'language' must be a string such as \"ar\" or \"en\"; article skipped")
        return None
    events = record.get("events")
    if not isinstance(events, list):
        issues.append("'events' must be a list ([] for an article with no event); article skipped")
        return None
    for key in sorted(set(record) - _ARTICLE_KEYS):
        issues.append(f"warning: unknown article key {key!r} ignored")
    checked: list[dict[str, Any]] = []
    for index, event in enumerate(events):
        fields = _check_event(event, index, text, issues)
        if fields is None:
            issues.append(f"event {index} is unusable; article skipped (scoring it without that "
                          "event would count every prediction of it as false)")
            return None
        checked.append(fields)
    return GoldArticle(
        id=article_id, text=text, language=language, published=published, events=checked,
        source=_opt_str(record.get("source")), url=_opt_str(record.get("url")),
        title=_opt_str(record.get("title")),
    )


def _opt_str(value: Any) -> str | None:
    return value if isinstance(value, str) else None


def _check_event(event: Any, index: int, text: str, issues: list[str]) -> dict[str, Any] | None:
    """The scored fields of one gold event; bad fields are dropped with a message."""
    if not isinstance(event, dict):
        issues.append(f"event {index} is not a JSON object")
        return None
    fields: dict[str, Any] = {}
    where = f"event {index}"
    for key, value in event.items():
        if key in _IGNORED_FIELDS:
            continue
        if key not in _SCORED_FIELDS:
            issues.append(f"warning: {where}: unknown key {key!r} ignored (typo?)")
            continue
        problem = _field_problem(key, value)
        if problem:
            issues.append(f"{where}: {key}: {problem}; field not scored")
            continue
        if key == "evidence":
            value = _check_evidence(value, text, where, issues)
        fields[key] = value
    sub = fields.get("sub_event_type")
    if sub is not None:
        allowed = (sub_event_types(fields["event_type"]) if fields.get("event_type")
                   else tuple(x for t in event_types() for x in sub_event_types(t)))
        if sub not in allowed:
            issues.append(f"{where}: sub_event_type {sub!r} is not a sub-event type of "
                          f"{fields.get('event_type') or 'any event type'}; field not scored")
            del fields["sub_event_type"]
    if ("latitude" in fields) != ("longitude" in fields) or (
        fields.get("latitude") is None) != (fields.get("longitude") is None):
        issues.append(f"{where}: latitude and longitude come together; both dropped")
        fields.pop("latitude", None)
        fields.pop("longitude", None)
    return fields


def _field_problem(key: str, value: Any) -> str | None:
    if key in _STRING_FIELDS:
        if value is not None and not isinstance(value, str):
            return "must be a string or null"
        if key == "event_type" and value is not None and value not in event_types():
            return f"{value!r} is not an ACLED event type ({', '.join(event_types())})"
        if key == "event_date" and value is not None and (len(value) != 10 or parse_date(value) is None):
            return f"{value!r} is not a YYYY-MM-DD date"
        return None
    if key == "fatalities":
        return None if _is_count(value) else "must be an integer >= 0"
    if key == "injuries":
        return None if value is None or _is_count(value) else "must be an integer >= 0 or null"
    if key == "time_precision":
        return None if value in (1, 2, 3) and not isinstance(value, bool) else "must be 1, 2 or 3"
    if key in ("latitude", "longitude"):
        if value is None:
            return None
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            return "must be a number"
        limit = 90 if key == "latitude" else 180
        return None if -limit <= value <= limit else f"out of range ±{limit}"
    if key == "civilian_targeting":
        return None if isinstance(value, bool) else "must be true or false"
    if key == "weapons":
        ok = isinstance(value, list) and all(isinstance(w, str) for w in value)
        return None if ok else "must be a list of strings"
    if key == "evidence":
        return None if isinstance(value, dict) else 'must be an object like {"trigger": [{"start", "end", "text"}]}'
    return None


def _is_count(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and value >= 0


def _check_evidence(value: dict[str, Any], text: str, where: str,
                    issues: list[str]) -> dict[str, list[tuple[int, int]]]:
    spans_by_field: dict[str, list[tuple[int, int]]] = {}
    for name, spans in value.items():
        if not isinstance(spans, list):
            issues.append(f"{where}: evidence {name!r} must be a list of spans; dropped")
            continue
        kept: list[tuple[int, int]] = []
        for span in spans:
            problem = _span_problem(span, text)
            if problem:
                issues.append(f"{where}: evidence {name!r}: {problem}; span dropped")
            else:
                kept.append((span["start"], span["end"]))
        if kept:
            spans_by_field[name] = kept
    return spans_by_field


def _span_problem(span: Any, text: str) -> str | None:
    if not isinstance(span, dict):
        return 'a span is {"start", "end", "text"}'
    start, end = span.get("start"), span.get("end")
    if not (_is_count(start) and _is_count(end)) or not start < end <= len(text):
        return f"start/end {start!r}/{end!r} are not a span of the article text (length {len(text)})"
    if "text" in span and span["text"] != text[start:end]:
        return f"text {span['text']!r} differs from the article's {text[start:end]!r} at {start}:{end}"
    return None
