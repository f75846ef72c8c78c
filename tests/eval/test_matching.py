from __future__ import annotations

from rasad.eval.matching import compatible, match_events, max_weight_assignment


def test_family_place_and_date_decide_compatibility():
    gold = {"event_type": "Battles", "location": "Al Zir", "latitude": 35.16, "longitude": 40.43,
            "event_date": "2022-12-04"}
    assert compatible(gold, {"event_type": "Explosions/Remote violence", "location": "Zir"})
    assert not compatible(gold, {"event_type": "Protests", "location": "Al Zir"})
    # 0.08 degree of latitude is ~8.9 km: within the 10 km radius although the names differ
    assert compatible(gold, {"event_type": "Battles", "location": "Elsewhere", "latitude": 35.24, "longitude": 40.43})
    assert not compatible(gold, {"event_type": "Battles", "location": "Hajin", "latitude": 34.69, "longitude": 40.83})
    assert compatible(gold, {"event_type": "Battles", "event_date": "2022-12-01"})  # 3 days
    assert not compatible(gold, {"event_type": "Battles", "event_date": "2022-11-30"})  # 4 days
    assert compatible(gold, {"event_type": "Battles"})  # no place, no date: scored as field errors
    assert compatible({"location": "Raqqa"}, {"event_type": "Riots", "location": "Raqqa"})


def test_count_of_matches_is_maximised_before_similarity():
    gold = [{"event_type": "Battles", "location": "Al Zir", "event_date": "2022-12-04"},
            {"event_type": "Battles", "location": "Hajin", "event_date": "2022-12-04"}]
    # p0 has no place: compatible with both, most similar to gold 0 (same date and type).
    # p1 fits gold 0 only. Greedy by similarity would pair p0-g0 and leave p1 unmatched.
    predicted = [{"event_type": "Battles", "event_date": "2022-12-04"},
                 {"event_type": "Battles", "location": "al-Zir", "event_date": "2022-12-06"}]
    assert match_events(gold, predicted) == [(0, 1), (1, 0)]


def test_incompatible_pairs_stay_unmatched():
    gold = [{"event_type": "Protests"}]
    assert match_events(gold, [{"event_type": "Battles"}]) == []
    assert match_events(gold, []) == [] and match_events([], [{"event_type": "Protests"}]) == []


def test_assignment_is_optimal_on_small_matrices():
    import itertools
    import random

    rng = random.Random(7)
    for _ in range(200):
        rows, cols = rng.randint(1, 5), rng.randint(1, 5)
        weights = [[rng.choice([0, 0, 1, 2.5, 7]) for _ in range(cols)] for _ in range(rows)]
        if rows <= cols:
            best = max(sum(weights[i][p[i]] for i in range(rows)) for p in itertools.permutations(range(cols), rows))
        else:
            best = max(sum(weights[p[j]][j] for j in range(cols)) for p in itertools.permutations(range(rows), cols))
        pairs = max_weight_assignment(weights)
        assert len({i for i, _ in pairs}) == len(pairs) == len({j for _, j in pairs})
        assert sum(weights[i][j] for i, j in pairs) == best
