"""The figures ``score`` produces, and their flat dotted names (used by --json and --floors)."""

from __future__ import annotations

import statistics
from dataclasses import dataclass, field
from typing import Any

from rasad.eval.gold import GoldArticle


@dataclass
class Counts:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float | None:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else None

    @property
    def recall(self) -> float | None:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else None

    @property
    def f1(self) -> float | None:
        if self.tp + self.fp + self.fn == 0:
            return None
        return 2 * self.tp / (2 * self.tp + self.fp + self.fn)

    def flat(self, prefix: str) -> dict[str, float | int | None]:
        return {f"{prefix}.tp": self.tp, f"{prefix}.fp": self.fp, f"{prefix}.fn": self.fn,
                f"{prefix}.precision": self.precision, f"{prefix}.recall": self.recall,
                f"{prefix}.f1": self.f1}


@dataclass
class FieldStat:
    """Agreement on one field over the matched pairs whose gold event gives that field."""

    n: int = 0
    correct: int = 0
    abs_errors: list[float] = field(default_factory=list)  # count fields only
    scores: list[float] = field(default_factory=list)  # set-valued fields (weapons): per-pair F1

    @property
    def accuracy(self) -> float | None:
        return self.correct / self.n if self.n else None

    @property
    def mae(self) -> float | None:
        return statistics.fmean(self.abs_errors) if self.abs_errors else None

    @property
    def mean_score(self) -> float | None:
        return statistics.fmean(self.scores) if self.scores else None


@dataclass
class DistanceStat:
    distances_km: list[float] = field(default_factory=list)
    no_coordinates: int = 0  # gold has a point, the matched prediction has none

    @property
    def median(self) -> float | None:
        return statistics.median(self.distances_km) if self.distances_km else None

    @property
    def p90(self) -> float | None:
        return percentile(self.distances_km, 0.9)


@dataclass
class EvidenceStat:
    overlap_f1: list[float] = field(default_factory=list)  # one per (pair, gold evidence field)
    any_overlap: int = 0

    @property
    def mean_f1(self) -> float | None:
        return statistics.fmean(self.overlap_f1) if self.overlap_f1 else None

    @property
    def any_overlap_rate(self) -> float | None:
        return self.any_overlap / len(self.overlap_f1) if self.overlap_f1 else None


@dataclass
class MatchedPair:
    gold_index: int
    predicted_index: int
    wrong_fields: list[str]


@dataclass
class ArticleResult:
    """Per-article outcome, kept for the analyst's error listing."""

    gold: GoldArticle
    predicted: list[dict[str, Any]]
    pairs: list[MatchedPair]
    missed: list[int]  # gold event indexes with no prediction
    spurious: list[int]  # predicted event indexes with no gold event

    @property
    def has_errors(self) -> bool:
        return bool(self.missed or self.spurious or any(p.wrong_fields for p in self.pairs))


@dataclass
class Report:
    detection: Counts = field(default_factory=Counts)
    by_language: dict[str, Counts] = field(default_factory=dict)
    by_type: dict[str, Counts] = field(default_factory=dict)
    fields: dict[str, FieldStat] = field(default_factory=dict)
    # Location names spelled as gold spells them (folded), beside the same-place rate of fields.
    location_spelling: FieldStat = field(default_factory=FieldStat)
    distance: DistanceStat = field(default_factory=DistanceStat)
    evidence: EvidenceStat = field(default_factory=EvidenceStat)
    evidence_by_field: dict[str, list[float]] = field(default_factory=dict)  # per gold evidence key
    articles: list[ArticleResult] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    @property
    def gold_events(self) -> int:
        return sum(len(a.gold.events) for a in self.articles)

    @property
    def predicted_events(self) -> int:
        return sum(len(a.predicted) for a in self.articles)

    def detection_rows(self) -> list[tuple[str, Counts]]:
        """The detection table's rows as the terminal and HTML reports show them: all, per
        language, then each event type that occurred in gold or output."""
        rows = [("all", self.detection)]
        rows += [(f"language {language}", c) for language, c in sorted(self.by_language.items())]
        rows += [(t, c) for t, c in self.by_type.items() if c.tp + c.fp + c.fn]
        return rows

    def flat(self) -> dict[str, float | int | None]:
        out: dict[str, float | int | None] = {
            "articles": len(self.articles), "gold_events": self.gold_events,
            "predicted_events": self.predicted_events,
        }
        out.update(self.detection.flat("detection"))
        for language, counts in sorted(self.by_language.items()):
            out.update(counts.flat(f"detection.language.{language}"))
        for event_type, counts in sorted(self.by_type.items()):
            out.update(counts.flat(f"detection.type.{event_type}"))
        for name, stat in self.fields.items():
            out[f"fields.{name}.n"] = stat.n
            if name == "weapons":
                out[f"fields.{name}.f1"] = stat.mean_score
                continue
            out[f"fields.{name}.accuracy"] = stat.accuracy
            if name in ("fatalities", "injuries"):
                out[f"fields.{name}.mae"] = stat.mae
        out["fields.location.spelling_accuracy"] = self.location_spelling.accuracy
        out["fields.location.distance_n"] = len(self.distance.distances_km)
        out["fields.location.distance_km_median"] = self.distance.median
        out["fields.location.distance_km_p90"] = self.distance.p90
        out["fields.location.no_coordinates"] = self.distance.no_coordinates
        out["evidence.n"] = len(self.evidence.overlap_f1)
        out["evidence.overlap_f1"] = self.evidence.mean_f1
        out["evidence.any_overlap"] = self.evidence.any_overlap_rate
        for name, scores in sorted(self.evidence_by_field.items()):
            out[f"evidence.{name}.n"] = len(scores)
            out[f"evidence.{name}.overlap_f1"] = statistics.fmean(scores)
        return out


def percentile(values: list[float], q: float) -> float | None:
    """Linear-interpolated percentile (the numpy default), ``q`` in [0, 1]."""
    if not values:
        return None
    ordered = sorted(values)
    rank = q * (len(ordered) - 1)
    low = int(rank)
    high = min(low + 1, len(ordered) - 1)
    return ordered[low] + (ordered[high] - ordered[low]) * (rank - low)
