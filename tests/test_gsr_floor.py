"""Event detection on real Arabic newswire must not fall below the floors in floors/gsr.json."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from rasad.eval.floors import check_floors, parse_floors
from rasad.eval.gsr import candidate_dirs, find_gsr_dir, load_gsr, run_gsr
from rasad.eval.runner import default_extractor

FLOORS = Path(__file__).parent / "floors" / "gsr.json"


def test_gsr_detection_meets_floors():
    directory = find_gsr_dir()
    if directory is None:
        pytest.skip("OEDA Arabic GSR dev sentences not found in any of "
                    + ", ".join(map(str, candidate_dirs())) + " (set RASAD_GSR_DIR)")
    floors = parse_floors(json.loads(FLOORS.read_text("utf-8")), str(FLOORS))
    data = load_gsr(directory)
    assert not data.issues, data.issues[:5]
    result = run_gsr(data.sentences, default_extractor())
    assert not result.failures, f"{len(result.failures)} sentences crashed the extractor: {result.failures[:3]}"
    misses = check_floors(result.flat(), floors)
    assert not misses, "; ".join(map(str, misses))
