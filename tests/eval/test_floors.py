from __future__ import annotations

import pytest

from rasad.eval.floors import check_floors
from rasad.record import InputError


def test_minimums_maximums_and_unmeasured():
    metrics = {"detection.f1": 0.4, "fields.fatalities.mae": 0.8, "fields.location.distance_km_p90": None,
               "fields.actor1.accuracy": None}
    misses = check_floors(metrics, {"detection.f1": 0.5, "fields.fatalities.mae": 1.0,
                                    "fields.location.distance_km_p90": 5.0, "fields.actor1.accuracy": 0.0})
    assert [m.metric for m in misses] == ["detection.f1"]
    misses = check_floors(metrics, {"fields.actor1.accuracy": 0.1, "fields.fatalities.mae": 0.5})
    assert [str(m) for m in misses] == ["fields.actor1.accuracy = not measured, below the floor 0.1",
                                        "fields.fatalities.mae = 0.8000, above the maximum 0.5"]


def test_unknown_metric_is_an_input_error_but_absent_slices_are_not():
    with pytest.raises(InputError, match="detection.fl"):
        check_floors({"detection.f1": 1.0}, {"detection.fl": 0.5})
    assert check_floors({"detection.f1": 1.0}, {"detection.language.fr.f1": 0.0}) == []
    assert [m.metric for m in check_floors({}, {"detection.language.fr.f1": 0.3})] == ["detection.language.fr.f1"]
