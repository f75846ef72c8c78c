"""The worked example (shared/examples/seed-report-ar.txt), coded field by field as an analyst would.

The report's publication date is not in the text; the new IS leader it names was announced at the
end of November 2022, so the tests publish it on 2022-12-05.
"""

from __future__ import annotations

import datetime as dt
from importlib import resources

import pytest

from rasad.extract import extract_article
from rasad.record import Article

PUBLISHED = dt.date(2022, 12, 5)
IS, SDF, SAA = "Islamic State (Syria)", "QSD: Syrian Democratic Forces", "Military Forces of Syria (2000-)"


@pytest.fixture(scope="module")
def seed():
    text = resources.files("rasad.examples").joinpath("seed-report-ar.txt").read_text(encoding="utf-8")
    result = extract_article(Article(text=text, id="seed", published=PUBLISHED))
    return text, result.events


def _find(events, sub_event_type, location_ar):
    hits = [e for e in events if e.sub_event_type == sub_event_type and e.location_ar and location_ar in e.location_ar]
    assert len(hits) == 1, f"expected one {sub_event_type} at {location_ar}, got {[(e.sub_event_type, e.location_ar) for e in events]}"
    return hits[0]


def test_every_evidence_span_is_a_slice_of_the_original_text(seed):
    text, events = seed
    for ev in events:
        assert ev.evidence, ev
        for spans in ev.evidence.values():
            for sp in spans:
                assert text[sp.start:sp.end] == sp.text


def test_water_station_attack_in_al_zir(seed):
    _, events = seed
    ev = _find(events, "Armed clash", "الزر")
    assert (ev.event_type, ev.actor1, ev.actor2) == ("Battles", IS, SDF)
    assert ev.inter1 == 2 and ev.inter2 == 2 and ev.interaction == 22
    assert ev.fatalities == 0 and ev.injuries == 3  # "عدد من العناصر": the vague rule, 3
    assert set(ev.weapons) == {"machine gun", "RPG"}
    assert ev.admin1 == "Deir-ez-Zor" and ev.geo_precision == 1
    assert ev.admin3 == "Basira"  # al-Zir near al-Busayrah, not another al-Zir
    assert (ev.event_date, ev.time_precision) == ("2022-12-05", 2)
    assert [s.text for s in ev.evidence["actor1"]] == ["تنظيم داعش"]
    assert ev.country == "Syria" and ev.iso == 760


def test_checkpoint_attack_in_al_hisan(seed):
    _, events = seed
    ev = _find(events, "Armed clash", "الحصان")
    assert (ev.actor1, ev.actor2) == (IS, SDF)
    assert ev.injuries == 3 and ev.fatalities == 0  # "ثلاثة عناصر"
    assert ev.weapons == ["machine gun"]
    assert ev.admin1 == "Deir-ez-Zor"
    assert "ثلاثة" in [s.text for s in ev.evidence["injuries"]]


def test_motorcycles_seized_and_burned_by_sdf_in_al_hisan(seed):
    _, events = seed
    ev = _find(events, "Looting/property destruction", "الحصان")
    assert ev.event_type == "Strategic developments" and ev.actor1 == SDF
    assert ev.fatalities == 0 and ev.injuries is None


def test_third_attack_wounds_a_civilian_in_al_hraiji(seed):
    _, events = seed
    ev = _find(events, "Attack", "الحريجي")
    assert ev.event_type == "Violence against civilians"
    assert ev.actor1 == IS  # "هجوم ثالث": the same cells' series
    assert ev.actor2 == "Civilians (Syria)" and ev.civilian_targeting is True
    assert ev.injuries == 1 and ev.fatalities == 0  # "أحد المدنيين"
    assert ev.interaction == 27


def test_ied_ambush_near_al_sukhnah_is_a_clash_with_ied_kept(seed):
    _, events = seed
    ev = _find(events, "Armed clash", "السخنة")
    assert (ev.actor1, ev.actor2) == (IS, SAA)
    assert "IED" in ev.weapons and "heavy machine gun" in ev.weapons
    # "مقتل وإصابة عدد من عناصر النظام": both stated, one vague number for each
    assert ev.fatalities == 3 and ev.injuries == 3
    assert ev.admin1 == "Homs" and ev.geo_precision == 2  # "بالقرب من": near the town


def test_two_separate_badia_attacks_are_two_events(seed):
    _, events = seed
    west = _find(events, "Armed clash", "بادية دير الزور")
    bukamal = _find(events, "Armed clash", "البوكمال")
    for ev in (west, bukamal):
        assert (ev.actor1, ev.actor2) == (IS, SAA)
        assert ev.assoc_actor_2 == ["Militia (Pro-Iran)"]
        assert ev.admin1 == "Deir-ez-Zor" and ev.geo_precision in (2, 3)
    # "قتل فيها عدد": one vague total (3) for both attacks, divided, never doubled
    assert west.fatalities + bukamal.fatalities == 3


def test_jasim_clash_a_month_before_publication(seed):
    _, events = seed
    ev = _find(events, "Armed clash", "جاسم")
    assert (ev.actor1, ev.actor2) == (IS, "Opposition Rebels (Syria)")
    assert ev.admin1 == "Dar'a" and ev.geo_precision == 1
    assert (ev.event_date, ev.time_precision) == ("2022-11-05", 3)  # "قبل شهر"
    assert ev.fatalities == 1  # "الذي قتل": the former leader
    assert [s.text for s in ev.evidence["event_date"]] == ["قبل شهر"]


def test_strategic_developments(seed):
    _, events = seed
    sd = [e for e in events if e.event_type == "Strategic developments"]
    subs = sorted((e.sub_event_type, e.actor1) for e in sd)
    assert ("Change to group/activity", IS) in subs  # pledge of allegiance to the new leader
    assert ("Other", IS) in subs  # threats posted to civilians
    assert ("Change to group/activity", SDF) in subs  # SDF withdrew checkpoints
    assert all(e.disorder_type == "Strategic developments" for e in sd)


def test_no_event_from_background_sentences(seed):
    text, events = seed
    background = [
        "خلايا التنظيم المتواجدة في مناطق سيطرة",  # statement of intent
        "وفي سياق متصل، تعرضت عدة مواقع",  # summary of the attacks told next
        "فيما يتوقع أن يزداد نشاط",  # forecast
    ]
    spans = []
    for opening in background:
        start = text.index(opening)
        end = text.index("\n", start) if "\n" in text[start:] else len(text)
        spans.append((start, end))
    for ev in events:
        for sp in ev.evidence["event_type"]:
            assert not any(s <= sp.start < e for s, e in spans), (ev.sub_event_type, sp.text)
    assert len(events) == 11


def test_ids_are_stable_and_unique(seed):
    text, events = seed
    again = extract_article(Article(text=text, id="seed", published=PUBLISHED)).events
    assert [e.event_id for e in events] == [e.event_id for e in again]
    assert len({e.event_id for e in events}) == len(events)


def test_notes_are_generated_from_fields(seed):
    _, events = seed
    ev = _find(events, "Armed clash", "السخنة")
    assert ev.notes.startswith("Around 5 December 2022, Islamic State (Syria) clashed with Military Forces of Syria (2000-)")
    assert "3 killed, 3 wounded" in ev.notes


def test_without_publication_date_relative_dates_are_null_with_warning(seed):
    text, _ = seed
    result = extract_article(Article(text=text, id="seed"))
    assert all(e.event_date is None for e in result.events)
    assert any("publication date" in w for w in result.warnings)
