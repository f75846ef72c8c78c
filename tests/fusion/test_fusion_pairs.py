"""Fusion precision and recall on hand-labelled pairs of reports (``pairs.jsonl``).

Each line holds two events as two outlets coded them, labelled ``same`` (one incident) or
``different``, with a note saying why. Places use approximate real coordinates so distances
are realistic. The floors below are what the default thresholds reach; a threshold change that
lowers them has to be argued for.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from rasad.fusion import fuse_records, load_fusion_config, same_incident
from rasad.record import InputError

PAIRS = [json.loads(line) for line in (Path(__file__).parent / "pairs.jsonl").read_text("utf-8").splitlines() if line.strip()]
PRECISION_FLOOR = 0.95
RECALL_FLOOR = 0.85


def test_pair_set_is_balanced_enough() -> None:
    labels = [p["label"] for p in PAIRS]
    assert set(labels) == {"same", "different"}
    assert min(labels.count("same"), labels.count("different")) >= 15


def test_precision_and_recall_on_labelled_pairs(capsys: pytest.CaptureFixture[str]) -> None:
    cfg = load_fusion_config()
    tp = fp = fn = tn = 0
    errors = []
    for pair in PAIRS:
        predicted, why = same_incident(pair["a"], pair["b"], cfg)
        symmetric, _ = same_incident(pair["b"], pair["a"], cfg)
        assert predicted == symmetric, f"{pair['id']}: fusion must not depend on arrival order"
        truth = pair["label"] == "same"
        tp += predicted and truth
        fp += predicted and not truth
        fn += truth and not predicted
        tn += not predicted and not truth
        if predicted != truth:
            errors.append(f"{pair['id']} ({pair['label']}, predicted {'same' if predicted else 'different'}: {why}): {pair['note']}")
    precision = tp / (tp + fp)
    recall = tp / (tp + fn)
    with capsys.disabled():
        print(f"\nfusion on {len(PAIRS)} labelled pairs: precision {precision:.3f}, recall {recall:.3f} "
              f"(tp {tp}, fp {fp}, fn {fn}, tn {tn})")
        for line in errors:
            print("  miss:", line)
    assert precision >= PRECISION_FLOOR
    assert recall >= RECALL_FLOOR


def test_stricter_thresholds_trade_recall_for_precision(tmp_path: Path) -> None:
    strict = tmp_path / "strict.json"
    strict.write_text(json.dumps({"max_km_coarse": 5, "date_window_days": {"1": 0, "2": 3, "3": 14}}), encoding="utf-8")
    loose, tight = load_fusion_config(), load_fusion_config(strict)
    fused = lambda cfg: sum(same_incident(p["a"], p["b"], cfg)[0] for p in PAIRS)  # noqa: E731
    assert fused(tight) < fused(loose)


@pytest.mark.parametrize(("content", "message"), [
    ("{not json", "not valid JSON"),
    ('{"max_km": 3}', "unknown fusion setting"),
    ('{"max_km_precise": "far"}', "kilometres"),
    ('{"date_window_days": {"day": 1}}', "whole days"),
    ("[1, 2]", "JSON object"),
])
def test_bad_fusion_config_files(tmp_path: Path, content: str, message: str) -> None:
    path = tmp_path / "fusion.json"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(InputError, match=message):
        load_fusion_config(path)
    with pytest.raises(InputError, match="cannot read"):
        load_fusion_config(tmp_path / "missing.json")


def test_fused_record_keeps_every_source_and_the_most_precise_facts() -> None:
    a = {"event_id": "a", "event_type": "Battles", "event_date": "2022-12-04", "time_precision": 2, "actor1": "X",
         "actor2": None, "location": "Town", "geo_precision": 2, "latitude": 35.0, "longitude": 40.0,
         "fatalities": 1, "injuries": None, "weapons": ["rifle"], "source": "A", "article_ids": ["1"], "confidence": 0.9,
         "evidence": {"actor1": [{"article_id": "1", "start": 0, "end": 1, "text": "X"}]}}
    b = {"event_id": "b", "event_type": "Battles", "event_date": "2022-12-05", "time_precision": 1, "actor1": "X",
         "actor2": "Y", "location": "Village", "geo_precision": 1, "latitude": 35.01, "longitude": 40.01,
         "fatalities": 3, "injuries": 2, "weapons": ["RPG", "rifle"], "source": "B;A", "article_ids": ["2"], "confidence": 0.6,
         "evidence": {"actor1": [{"article_id": "2", "start": 5, "end": 6, "text": "X"}]}}
    fused = fuse_records([a, b])
    assert fused["event_id"] == "a" and fused["actor2"] == "Y"
    assert (fused["location"], fused["geo_precision"]) == ("Village", 1)
    assert (fused["event_date"], fused["time_precision"]) == ("2022-12-05", 1)
    assert (fused["fatalities"], fused["injuries"]) == (3, 2)
    assert fused["weapons"] == ["rifle", "RPG"] and fused["source"] == "A;B" and fused["article_ids"] == ["1", "2"]
    assert len(fused["evidence"]["actor1"]) == 2 and fused["confidence"] == 0.9


def test_actor_spellings_known_to_the_knowledge_base_are_one_actor() -> None:
    cfg = load_fusion_config()
    a = {"event_type": "Battles", "event_date": "2022-12-04", "time_precision": 1, "place_id": "p1", "geo_precision": 1,
         "latitude": 35.1, "longitude": 40.4, "actor1": "Islamic State (Syria)", "actor2": "SDF: Syrian Democratic Forces"}
    b = dict(a, actor2="QSD: Syrian Democratic Forces")
    assert same_incident(a, b, cfg)[0]
    assert not same_incident(a, dict(a, actor2="Military Forces of Syria (2000-)"), cfg)[0]


def test_rioters_and_protesters_of_one_country_are_one_crowd() -> None:
    # Why: outlets differ on whether a demonstration turned violent, and the same crowd was coded
    # "Protesters (Syria)" by one and "Rioters (Syria)" by the other (pairs.jsonl missed it).
    cfg = load_fusion_config()
    protest = {"event_type": "Protests", "event_date": "2023-03-10", "time_precision": 1,
               "actor1": "Protesters (Syria)", "location": "as-Suwayda", "admin1": "As-Suwayda",
               "latitude": 32.709, "longitude": 36.566, "geo_precision": 1}
    riot = {**protest, "event_type": "Riots", "actor1": "Rioters (Syria)"}
    assert same_incident(protest, riot, cfg)[0]
    assert not same_incident(protest, {**riot, "actor1": "Rioters (Lebanon)"}, cfg)[0]
    assert cfg.canonical_actor("Rioters (Syria)") == "Protesters (Syria)"


def test_actor_alias_settings_must_be_string_maps(tmp_path: Path) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps({"actor_prefix_aliases": ["Rioters", "Protesters"]}), encoding="utf-8")
    with pytest.raises(InputError, match="actor_prefix_aliases must map names to names"):
        load_fusion_config(bad)


def test_swapped_roles_need_an_actor_named_on_both_sides() -> None:
    # Why: with one actor each, "either unknown" made any two attackers compatible as a swap, so an
    # IS attack and an SDF attack at one place and day fused.
    cfg = load_fusion_config()
    a = {"event_type": "Battles", "event_date": "2022-12-04", "time_precision": 1,
         "actor1": "Islamic State (Syria)", "location": "al-Hisan", "admin1": "Deir ez-Zor",
         "latitude": 35.449, "longitude": 40.046, "geo_precision": 1}
    assert not same_incident(a, {**a, "actor1": "SDF: Syrian Democratic Forces"}, cfg)[0]
    swapped = {**a, "actor1": "SDF: Syrian Democratic Forces", "actor2": "Islamic State (Syria)"}
    assert same_incident(a, swapped, cfg)[0]


def test_a_partial_config_file_keeps_the_other_defaults(tmp_path: Path) -> None:
    # Why: a file changing one threshold used to drop the type families, so a protest and a riot
    # report of one demonstration stopped fusing without the user asking for it.
    path = tmp_path / "fusion.json"
    path.write_text(json.dumps({"max_km_coarse": 12}), encoding="utf-8")
    cfg = load_fusion_config(path)
    assert cfg.max_km_coarse == 12
    assert cfg.family("Riots") == cfg.family("Protests") == load_fusion_config().family("Protests")
    assert cfg.date_window_days == load_fusion_config().date_window_days
