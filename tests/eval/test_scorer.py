"""Figures of ``score`` on the conftest set, each worked out by hand in the comments."""

from __future__ import annotations

import math

import pytest

from rasad.eval.compare import haversine_km
from rasad.eval.scorer import score

APPROX = pytest.approx


def test_detection_counts_missed_spurious_and_matched(gold_articles, predictions):
    report = score(gold_articles, predictions)
    # A: battle matched, IED missed, protest spurious; B: matched (same family, wrong type);
    # C: no gold event, one spurious; D: protest missed.
    assert (report.detection.tp, report.detection.fp, report.detection.fn) == (2, 2, 2)
    assert report.detection.precision == APPROX(0.5)
    assert report.detection.recall == APPROX(0.5)
    assert report.detection.f1 == APPROX(0.5)
    flat = report.flat()
    assert flat["gold_events"] == 4 and flat["predicted_events"] == 4 and flat["articles"] == 4


def test_detection_per_language(gold_articles, predictions):
    report = score(gold_articles, predictions)
    ar, en = report.by_language["ar"], report.by_language["en"]
    assert (ar.tp, ar.fp, ar.fn) == (1, 1, 2)
    assert ar.recall == APPROX(1 / 3)
    assert ar.f1 == APPROX(2 * 1 / (2 * 1 + 1 + 2))  # 0.4
    assert (en.tp, en.fp, en.fn) == (1, 1, 0)
    assert en.f1 == APPROX(2 / 3)


def test_detection_per_type(gold_articles, predictions):
    by_type = score(gold_articles, predictions).by_type
    # Battles: A's pair (TP); B's pair predicted Battles for a VAC gold (FP); C spurious (FP).
    assert (by_type["Battles"].tp, by_type["Battles"].fp, by_type["Battles"].fn) == (1, 2, 0)
    assert by_type["Battles"].f1 == APPROX(0.5)
    vac = by_type["Violence against civilians"]
    assert (vac.tp, vac.fp, vac.fn) == (0, 0, 1) and vac.f1 == 0.0
    assert (by_type["Protests"].tp, by_type["Protests"].fp, by_type["Protests"].fn) == (0, 1, 1)
    assert by_type["Explosions/Remote violence"].fn == 1
    assert by_type["Riots"].f1 is None  # nothing to measure


def test_field_accuracy_on_matched_pairs(gold_articles, predictions):
    fields = score(gold_articles, predictions).fields
    expected = {  # name: (n, correct)
        "event_type": (2, 1),  # B: Battles for VAC
        "sub_event_type": (2, 1),  # B: Armed clash for Attack
        "actor1": (2, 2),
        "actor2": (2, 1),  # A: Military Forces of Syria for SDF
        "location": (2, 2),  # al-Zir = Al Zir once folded
        "admin1": (1, 1),  # Raqqa = Ar-Raqqa once folded
        "admin2": (1, 1),
        "admin3": (0, 0),
        "event_date": (2, 1),  # B: a day late
        "fatalities": (2, 1),  # A: 3 for 2
        "injuries": (1, 1),
    }
    for name, (n, correct) in expected.items():
        assert (fields[name].n, fields[name].correct) == (n, correct), name
    assert fields["fatalities"].mae == APPROX(0.5)
    assert fields["injuries"].mae == APPROX(0.0)
    assert fields["event_type"].accuracy == APPROX(0.5)
    assert fields["admin3"].accuracy is None


def test_location_distance_median_and_p90(gold_articles, predictions):
    report = score(gold_articles, predictions)
    a_km = haversine_km(35.16, 40.43, 35.169, 40.43)
    assert a_km == APPROX(1.0008, abs=1e-3)  # 0.009 degree of latitude
    assert sorted(report.distance.distances_km) == APPROX([0.0, a_km])
    assert report.distance.median == APPROX(a_km / 2)
    assert report.distance.p90 == APPROX(0.9 * a_km)  # linear interpolation between 0 and a_km
    assert report.distance.no_coordinates == 0


def test_evidence_overlap(gold_articles, predictions):
    evidence = score(gold_articles, predictions).evidence
    # gold [t, t+6), predicted [t+3, t+9): 3 shared characters, precision = recall = 1/2
    assert evidence.overlap_f1 == APPROX([0.5])
    assert evidence.any_overlap_rate == 1.0


def test_wrong_fields_listed_per_pair(gold_articles, predictions):
    report = score(gold_articles, predictions)
    article_a = report.articles[0]
    assert article_a.missed == [1] and article_a.spurious == [0]
    assert [p.wrong_fields for p in article_a.pairs] == [["actor2", "fatalities"]]
    assert report.articles[2].spurious == [0]  # C: "events": [] so the prediction is spurious
    assert not report.articles[3].pairs and report.articles[3].missed == [0]


def test_perfect_predictions_score_one(gold_articles):
    as_predicted = {a.id: [dict(e, evidence={k: [{"start": s, "end": t} for s, t in v]
                                             for k, v in e.get("evidence", {}).items()})
                           for e in a.events] for a in gold_articles}
    flat = score(gold_articles, as_predicted).flat()
    assert flat["detection.f1"] == 1.0
    assert flat["fields.event_type.accuracy"] == 1.0
    assert flat["fields.fatalities.mae"] == 0.0
    assert flat["fields.location.distance_km_p90"] == 0.0
    assert flat["evidence.overlap_f1"] == 1.0


def test_no_predictions_at_all(gold_articles):
    flat = score(gold_articles, {}).flat()
    assert flat["detection.tp"] == 0 and flat["detection.fn"] == 4
    assert flat["detection.precision"] is None  # nothing predicted: undefined, not zero
    assert flat["detection.recall"] == 0.0 and flat["detection.f1"] == 0.0
    assert not math.isnan(flat["detection.f1"])


def test_location_same_place_by_transliteration_or_distance_and_spelling_rate():
    from rasad.eval.gold import GoldArticle

    gold = [
        GoldArticle("s", "Shelling hit Saraqab.", "en", None, [{"event_type": "Explosions/Remote violence",
                                                                "location": "Saraqab"}]),
        GoldArticle("z", "Clashes in al-Zir.", "en", None, [{"event_type": "Battles", "location": "Al Zir",
                                                             "latitude": 35.16, "longitude": 40.43}]),
        GoldArticle("h", "Clashes in Hajin.", "en", None, [{"event_type": "Battles", "location": "Hajin",
                                                            "latitude": 34.69, "longitude": 40.83}]),
    ]
    predictions = {
        "s": [{"event_type": "Explosions/Remote violence", "location": "Sarāqib"}],  # same place, GeoNames spelling
        "z": [{"event_type": "Battles", "location": "Safat az Zur", "latitude": 35.165, "longitude": 40.43}],  # 0.6 km
        "h": [{"event_type": "Battles", "location": "Gharanij", "latitude": 34.72, "longitude": 40.83}],  # 3.3 km
    }
    report = score(gold, predictions)
    assert report.detection.tp == 3  # all within the 10 km matching radius
    assert (report.fields["location"].n, report.fields["location"].correct) == (3, 2)
    assert report.flat()["fields.location.spelling_accuracy"] == 0.0


def test_gold_trigger_compares_with_event_type_evidence():
    from rasad.eval.gold import GoldArticle

    text = "Gunmen attacked a checkpoint."
    start = text.index("attacked")
    gold = [GoldArticle("t", text, "en", None, [{"event_type": "Battles", "evidence": {
        "trigger": [(start, start + len("attacked"))], "actor1": [(0, 6)]}}])]
    predicted = {"t": [{"event_type": "Battles", "evidence": {
        "event_type": [{"start": start, "end": start + len("attacked")}], "actor1": [{"start": 0, "end": 3}]}}]}
    flat = score(gold, predicted).flat()
    assert flat["evidence.trigger.overlap_f1"] == 1.0
    assert flat["evidence.actor1.overlap_f1"] == APPROX(2 * 3 / (3 + 6))  # 3 of 6 gold characters
    assert flat["evidence.n"] == 2 and flat["evidence.overlap_f1"] == APPROX((1.0 + 2 / 3) / 2)
