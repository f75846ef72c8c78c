"""The multi-incident reports written for rasad (bench/written_reports/) must not score below
floors/written.json: a rule that helps one style of report must not undo what was fixed for another."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from rasad.eval.written import score_written

ROOT = Path(__file__).resolve().parents[1]
FLOORS = json.loads((Path(__file__).parent / "floors" / "written.json").read_text("utf-8"))
SETS = sorted(k for k in FLOORS if not k.startswith("_"))


@pytest.mark.parametrize("name", SETS)
def test_written_report_set_meets_floors(name: str):
    scores = score_written(ROOT / "bench" / "written_reports" / f"{name}.jsonl")
    below = {k: (round(scores[k], 3), floor) for k, floor in FLOORS[name].items() if scores[k] < floor}
    assert not below, f"{name}: below the floor (score, floor): {below}"


def test_the_scorer_counts_a_wrong_event_as_a_miss(tmp_path: Path):
    # The scorer itself: one expected event and an extraction that finds another type scores 0.
    path = tmp_path / "one.jsonl"
    path.write_text(json.dumps({
        "id": "t1", "published": "2024-05-01",
        "text": "Protesters gathered peacefully in Basra on Tuesday to demand electricity.",
        "expect": [{"event_type": "Battles", "sub_event_type": "Armed clash", "actor1": "*", "actor2": "*",
                    "admin1": "Al-Basrah", "fatalities": 0}]}) + "\n", encoding="utf-8")
    s = score_written(path)
    assert (s["recall"], s["exact"]) == (0.0, 0)
