"""Quality floors: a JSON object metric name -> minimum (maximum for error/distance metrics)."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Mapping

from rasad.record import InputError

# Per-language and per-type figures exist only for the languages/types a gold set holds; a floor on
# one that is absent is "not measured", not a typo.
_OPEN_ENDED_PREFIXES = ("detection.language.", "detection.type.")


def lower_is_better(metric: str) -> bool:
    return metric.endswith(".mae") or "_km_" in metric


@dataclass(frozen=True)
class FloorMiss:
    metric: str
    value: float | None
    limit: float

    def __str__(self) -> str:
        shown = "not measured" if self.value is None else f"{self.value:.4f}"
        relation = "above the maximum" if lower_is_better(self.metric) else "below the floor"
        return f"{self.metric} = {shown}, {relation} {self.limit}"


def load_floors(path: str | Path) -> dict[str, float]:
    p = Path(path)
    try:
        data = json.loads(p.read_text("utf-8"))
    except FileNotFoundError:
        raise InputError(f"floors file {p} not found") from None
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise InputError(f"floors file {p} is not valid UTF-8 JSON ({exc}); expected "
                         '{"detection.f1": 0.5, ...}') from None
    return parse_floors(data, str(p))


def parse_floors(data: object, source: str) -> dict[str, float]:
    """Validate a metric -> number mapping (keys starting with ``_`` are comments)."""
    if not isinstance(data, dict):
        raise InputError(f"floors in {source} must be a JSON object of metric -> number")
    floors: dict[str, float] = {}
    for key, value in data.items():
        if key.startswith("_"):
            continue
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            raise InputError(f"floors in {source}: {key!r} must map to a number, not {value!r}")
        floors[key] = float(value)
    return floors


def check_floors(metrics: Mapping[str, float | int | None], floors: Mapping[str, float]) -> list[FloorMiss]:
    """Every floor the metrics miss. An unknown metric name is an input error (likely a typo)."""
    unknown = sorted(m for m in set(floors) - set(metrics) if not m.startswith(_OPEN_ENDED_PREFIXES))
    if unknown:
        raise InputError(f"unknown metric(s) in floors: {', '.join(unknown)}; "
                         "see `rasad eval --json` for the names")
    misses: list[FloorMiss] = []
    for metric, limit in floors.items():
        value = metrics.get(metric)
        if value is None:
            if limit > 0 and not lower_is_better(metric):
                misses.append(FloorMiss(metric, None, limit))
            continue
        if (value > limit) if lower_is_better(metric) else (value < limit):
            misses.append(FloorMiss(metric, float(value), limit))
    return misses
