"""``score(gold, predictions) -> Report``: the scorer, separate from running any extractor."""

from __future__ import annotations

from dataclasses import asdict, is_dataclass
from typing import Any, Callable, Mapping, Sequence

from rasad.eval.compare import distance_km, point, same_name, same_place, same_place_name, set_f1, span_overlap_f1
from rasad.eval.gold import GoldArticle
from rasad.eval.matching import NEAR_RADIUS_KM, match_events
from rasad.eval.report import ArticleResult, Counts, FieldStat, MatchedPair, Report
from rasad.eval.taxonomy import event_types
from rasad.record import Event

Prediction = Event | Mapping[str, Any]

# Field name -> is the predicted value right, given gold and predicted event fields. Order is the
# order of the report's tables.
_CATEGORICAL: dict[str, Callable[[Any, Any], bool]] = {
    "event_type": lambda g, p: g == p,
    "sub_event_type": lambda g, p: g == p,
    "actor1": lambda g, p: _both_none_or(g, p, same_name),
    "actor2": lambda g, p: _both_none_or(g, p, same_name),
    "admin1": lambda g, p: _both_none_or(g, p, same_place_name),
    "admin2": lambda g, p: _both_none_or(g, p, same_place_name),
    "admin3": lambda g, p: _both_none_or(g, p, same_place_name),
    "event_date": lambda g, p: g == p,
    "time_precision": lambda g, p: g == p,
    "civilian_targeting": lambda g, p: bool(g) == bool(p),
}
# Gold "trigger" (the words saying the event happened) is recorded by the extractor as the evidence
# of the field it decides, event_type (event-schema: evidence is keyed by field name).
EVIDENCE_ALIASES: dict[str, tuple[str, ...]] = {"trigger": ("trigger", "event_type")}
FIELD_ORDER = ("event_type", "sub_event_type", "actor1", "actor2", "location", "admin1", "admin2",
               "admin3", "event_date", "time_precision", "fatalities", "injuries",
               "civilian_targeting", "weapons")


def _both_none_or(gold: Any, pred: Any, same: Callable[[Any, Any], bool]) -> bool:
    if gold is None or pred is None:
        return gold is None and pred is None
    return same(gold, pred)


def prediction_fields(prediction: Prediction) -> dict[str, Any]:
    """A predicted event as a plain dict (the event record's keys), evidence as offset pairs."""
    if isinstance(prediction, Event):
        fields = prediction.to_dict()
    elif isinstance(prediction, Mapping):
        fields = dict(prediction)
    elif is_dataclass(prediction):
        fields = asdict(prediction)
    else:
        raise TypeError(f"a prediction must be an Event or a dict, not {type(prediction).__name__}")
    fields["evidence"] = _evidence_spans(fields.get("evidence"))
    return fields


def _evidence_spans(evidence: Any) -> dict[str, list[tuple[int, int]]]:
    spans: dict[str, list[tuple[int, int]]] = {}
    if not isinstance(evidence, Mapping):
        return spans
    for name, items in evidence.items():
        for item in items or ():
            start = item.get("start") if isinstance(item, Mapping) else getattr(item, "start", None)
            end = item.get("end") if isinstance(item, Mapping) else getattr(item, "end", None)
            if isinstance(start, int) and isinstance(end, int) and start < end:
                spans.setdefault(name, []).append((start, end))
    return spans


def score(gold_articles: Sequence[GoldArticle],
          predictions: Mapping[str, Sequence[Prediction]]) -> Report:
    """Match and score. ``predictions`` maps gold article id -> predicted events (missing id: none)."""
    report = Report(fields={name: FieldStat() for name in FIELD_ORDER},
                    by_type={name: Counts() for name in event_types()})
    for article in gold_articles:
        predicted = [prediction_fields(p) for p in predictions.get(article.id, ())]
        report.articles.append(_score_article(article, predicted, report))
    return report


def _score_article(article: GoldArticle, predicted: list[dict[str, Any]], report: Report) -> ArticleResult:
    pairs = match_events(article.events, predicted)
    matched_gold = {g for g, _ in pairs}
    matched_pred = {p for _, p in pairs}
    missed = [i for i in range(len(article.events)) if i not in matched_gold]
    spurious = [j for j in range(len(predicted)) if j not in matched_pred]

    language = article.language or "unknown"
    for counts in (report.detection, report.by_language.setdefault(language, Counts())):
        counts.tp += len(pairs)
        counts.fp += len(spurious)
        counts.fn += len(missed)
    _count_by_type(report, article.events, predicted, pairs, missed, spurious)

    matched = [MatchedPair(g, p, _score_fields(article.events[g], predicted[p], report)) for g, p in pairs]
    return ArticleResult(article, predicted, matched, missed, spurious)


def _count_by_type(report: Report, gold: list[dict[str, Any]], predicted: list[dict[str, Any]],
                   pairs: list[tuple[int, int]], missed: list[int], spurious: list[int]) -> None:
    def counts(event_type: str) -> Counts:
        return report.by_type.setdefault(event_type, Counts())

    for g, p in pairs:
        gold_type, pred_type = gold[g].get("event_type"), predicted[p].get("event_type")
        if gold_type is None:
            continue  # the annotator did not code the type: a typed tally cannot use this pair
        if gold_type == pred_type:
            counts(gold_type).tp += 1
            continue
        counts(gold_type).fn += 1
        if pred_type:
            counts(pred_type).fp += 1
    for g in missed:
        if gold[g].get("event_type"):
            counts(gold[g]["event_type"]).fn += 1
    for p in spurious:
        if predicted[p].get("event_type"):
            counts(predicted[p]["event_type"]).fp += 1


def _score_fields(gold: dict[str, Any], pred: dict[str, Any], report: Report) -> list[str]:
    """Tally each field the gold event gives; return the names of the fields predicted wrong."""
    wrong: list[str] = []

    def tally(name: str, correct: bool) -> None:
        stat = report.fields[name]
        stat.n += 1
        stat.correct += correct
        if not correct:
            wrong.append(name)

    for name, is_right in _CATEGORICAL.items():
        if name in gold:
            tally(name, is_right(gold[name], pred.get(name)))
    if "location" in gold or "location_ar" in gold:
        tally("location", _location_right(gold, pred))
        spelled = _both_none_or(gold.get("location"), pred.get("location"), same_place)
        report.location_spelling.n += 1
        report.location_spelling.correct += spelled
    for name in ("fatalities", "injuries"):
        if name in gold:
            gold_value, pred_value = gold[name], pred.get(name)
            if name == "fatalities" and pred_value is None:
                pred_value = 0  # the record's rule: 0 when none reported
            tally(name, gold_value == pred_value)
            report.fields[name].abs_errors.append(abs((gold_value or 0) - (pred_value or 0)))
    if "weapons" in gold:
        f1 = set_f1(gold["weapons"], pred.get("weapons") or [])
        report.fields["weapons"].scores.append(f1)
        tally("weapons", f1 == 1.0)
    if point(gold) is not None:
        km = distance_km(gold, pred)
        if km is None:
            report.distance.no_coordinates += 1
        else:
            report.distance.distances_km.append(km)
    for name, gold_spans in (gold.get("evidence") or {}).items():
        pred_spans = [span for alias in EVIDENCE_ALIASES.get(name, (name,))
                      for span in pred["evidence"].get(alias, [])]
        f1 = span_overlap_f1(gold_spans, pred_spans)
        report.evidence.overlap_f1.append(f1)
        report.evidence.any_overlap += f1 > 0
        report.evidence_by_field.setdefault(name, []).append(f1)
    return wrong


def _location_right(gold: dict[str, Any], pred: dict[str, Any]) -> bool:
    """Same place: names equal up to transliteration, or points within NEAR_RADIUS_KM."""
    if gold.get("location") is None and gold.get("location_ar") is None:
        return pred.get("location") is None
    if gold.get("location") and pred.get("location") and same_place_name(gold["location"], pred["location"]):
        return True
    if gold.get("location_ar") and pred.get("location_ar") and same_place(gold["location_ar"], pred["location_ar"]):
        return True
    km = distance_km(gold, pred)
    return km is not None and km <= NEAR_RADIUS_KM
