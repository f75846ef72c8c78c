"""The extractor scored on the development and the held-out test gold sets must not fall below
floors/gold.json. The test sets are never used to tune rules: their floors only catch regressions."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from rasad.eval.floors import check_floors, parse_floors
from rasad.eval.gold import load_gold
from rasad.eval.runner import default_extractor, predict
from rasad.eval.scorer import score

ROOT = Path(__file__).resolve().parents[1]
FLOORS = Path(__file__).parent / "floors" / "gold.json"
GOLD_FILES = sorted((ROOT / "data" / "gold").glob("dev-*.jsonl")) + sorted((ROOT / "data" / "gold").glob("test-*.jsonl"))


@pytest.mark.skipif(not GOLD_FILES, reason="no data/gold/dev-*.jsonl in this checkout yet")
@pytest.mark.parametrize("gold_path", GOLD_FILES, ids=lambda p: p.name)
def test_gold_set_meets_floors(gold_path: Path):
    all_floors = json.loads(FLOORS.read_text("utf-8"))
    floors = parse_floors(all_floors.get(gold_path.name, {}), f"{FLOORS} [{gold_path.name}]")
    gold = load_gold(gold_path)
    assert not gold.errors, "gold file errors: " + "; ".join(map(str, gold.errors[:5]))
    predictions, failures = predict(gold.articles, default_extractor())
    assert not failures, failures[:3]
    misses = check_floors(score(gold.articles, predictions).flat(), floors)
    assert not misses, "; ".join(map(str, misses))
