"""One-to-one matching of predicted to gold events within an article (rule: docs/gold-format.md)."""

from __future__ import annotations

from typing import Any

from rasad.eval.compare import date_gap_days, distance_km, point, same_name, same_place_name
from rasad.eval.taxonomy import family

PLACE_RADIUS_KM = 10.0
NEAR_RADIUS_KM = 2.0
DATE_WINDOW_DAYS = 3


def has_place(fields: dict[str, Any]) -> bool:
    return bool(fields.get("location") or fields.get("location_ar") or fields.get("admin2")
                or point(fields) is not None)


def places_agree(gold: dict[str, Any], pred: dict[str, Any]) -> bool:
    for key in ("location", "location_ar", "admin2"):
        if gold.get(key) and pred.get(key) and same_place_name(gold[key], pred[key]):
            return True
    km = distance_km(gold, pred)
    return km is not None and km < PLACE_RADIUS_KM


def compatible(gold: dict[str, Any], pred: dict[str, Any]) -> bool:
    if gold.get("event_type") is not None and family(gold["event_type"]) != family(pred.get("event_type")):
        return False
    if has_place(gold) and has_place(pred) and not places_agree(gold, pred):
        return False
    gap = date_gap_days(gold.get("event_date"), pred.get("event_date"))
    return gap is None or gap <= DATE_WINDOW_DAYS


def similarity(gold: dict[str, Any], pred: dict[str, Any]) -> float:
    """Score of a compatible pair; only breaks ties between possible assignments."""
    score = 1.0
    if gold.get("event_type") is not None and gold.get("event_type") == pred.get("event_type"):
        score += 1.0
    if gold.get("sub_event_type") is not None and gold.get("sub_event_type") == pred.get("sub_event_type"):
        score += 0.5
    km = distance_km(gold, pred)
    if (gold.get("location") and pred.get("location") and same_place_name(gold["location"], pred["location"])) or (
        km is not None and km < NEAR_RADIUS_KM
    ):
        score += 0.5
    if gold.get("event_date") is not None and gold.get("event_date") == pred.get("event_date"):
        score += 0.5
    for key in ("actor1", "actor2"):
        if gold.get(key) and pred.get(key) and same_name(gold[key], pred[key]):
            score += 0.25
    return score


def match_events(gold: list[dict[str, Any]], predicted: list[dict[str, Any]]) -> list[tuple[int, int]]:
    """Pairs ``(gold_index, predicted_index)``: as many as possible, then the most similar."""
    if not gold or not predicted:
        return []
    weights = [[similarity(g, p) if compatible(g, p) else 0.0 for p in predicted] for g in gold]
    # Each pair is worth more than any total of similarities, so cardinality is maximised first.
    bonus = 1.0 + 5.0 * max(len(gold), len(predicted))
    scored = [[w + bonus if w > 0 else 0.0 for w in row] for row in weights]
    return [(i, j) for i, j in max_weight_assignment(scored) if weights[i][j] > 0]


def max_weight_assignment(weights: list[list[float]]) -> list[tuple[int, int]]:
    """Hungarian algorithm (Kuhn-Munkres with potentials), O(n^2 m) for an n x m matrix.

    Returns ``(row, column)`` pairs of a complete assignment of the smaller side that maximises
    the total weight; callers drop the zero-weight pairs they consider unmatched.
    """
    rows, cols = len(weights), len(weights[0]) if weights else 0
    if rows == 0 or cols == 0:
        return []
    transposed = rows > cols
    if transposed:
        weights = [list(col) for col in zip(*weights, strict=True)]
        rows, cols = cols, rows
    top = max(max(row) for row in weights)
    cost = [[top - w for w in row] for row in weights]  # maximise weight = minimise cost
    inf = float("inf")
    u = [0.0] * (rows + 1)
    v = [0.0] * (cols + 1)
    owner = [0] * (cols + 1)  # owner[j]: row (1-based) assigned to column j, 0 none
    way = [0] * (cols + 1)
    for i in range(1, rows + 1):
        owner[0] = i
        j0 = 0
        min_to = [inf] * (cols + 1)
        used = [False] * (cols + 1)
        while True:
            used[j0] = True
            i0, delta, j1 = owner[j0], inf, 0
            for j in range(1, cols + 1):
                if used[j]:
                    continue
                reduced = cost[i0 - 1][j - 1] - u[i0] - v[j]
                if reduced < min_to[j]:
                    min_to[j], way[j] = reduced, j0
                if min_to[j] < delta:
                    delta, j1 = min_to[j], j
            for j in range(cols + 1):
                if used[j]:
                    u[owner[j]] += delta
                    v[j] -= delta
                else:
                    min_to[j] -= delta
            j0 = j1
            if owner[j0] == 0:
                break
        while j0:
            j1 = way[j0]
            owner[j0] = owner[j1]
            j0 = j1
    pairs = [(owner[j] - 1, j - 1) for j in range(1, cols + 1) if owner[j]]
    if transposed:
        pairs = [(c, r) for r, c in pairs]
    return sorted(pairs)
