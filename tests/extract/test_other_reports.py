"""Reports written for these tests, about incidents unlike the worked example's: shelling in Idlib,
an abduction in Daraa, a drone strike in Iraq, a protest in Suwayda, in Arabic and English.
The extractor must code them with no rule keyed to their wording."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from rasad.extract import extract_article
from rasad.record import Article

HERE = Path(__file__).parent / "reports"


@pytest.fixture(scope="module")
def arabic():
    text = (HERE / "idlib-daraa-iraq-suwayda-ar.txt").read_text(encoding="utf-8")
    return extract_article(Article(text=text, id="r2", published=dt.date(2022, 12, 4))).events


def _one(events, event_type):
    hits = [e for e in events if e.event_type == event_type]
    assert len(hits) == 1, [(e.event_type, e.sub_event_type) for e in events]
    return hits[0]


def test_four_incidents_and_no_event_from_the_forecast(arabic):
    assert sorted(e.sub_event_type for e in arabic) == sorted([
        "Shelling/artillery/missile attack", "Abduction/forced disappearance", "Air/drone strike",
        "Peaceful protest"])


def test_shelling_of_kansafra(arabic):
    ev = next(e for e in arabic if e.sub_event_type == "Shelling/artillery/missile attack")
    assert ev.actor1 == "Military Forces of Syria (2000-)"
    assert ev.actor2 == "Civilians (Syria)" and ev.civilian_targeting
    assert ev.fatalities == 1 and ev.injuries == 4  # "امرأة" and "أربعة أطفال"
    assert set(ev.weapons) >= {"artillery", "mortar"}
    assert ev.admin1 == "Idleb"
    assert (ev.event_date, ev.time_precision) == ("2022-12-04", 1)  # "صباح اليوم"


def test_abduction_in_tafas(arabic):
    ev = _one(arabic, "Violence against civilians")
    assert ev.sub_event_type == "Abduction/forced disappearance"
    assert ev.actor1 == "Unidentified Armed Group (Syria)" and ev.actor2 == "Civilians (Syria)"
    assert ev.admin1 == "Dar'a" and ev.location_ar and "طفس" in ev.location_ar
    assert ev.event_date == "2022-12-03"  # "مساء أمس"


def test_drone_strike_on_pmf_commanders_near_al_qaim(arabic):
    ev = next(e for e in arabic if e.sub_event_type == "Air/drone strike")
    assert ev.actor2 == "Military Forces of Iraq (2020-) Popular Mobilization Forces"
    assert ev.actor1.startswith("Unidentified")  # "طائرة مسيرة مجهولة"
    assert ev.fatalities == 2  # "قياديين اثنين"
    assert ev.country == "Iraq"


def test_peaceful_protest_in_suwayda(arabic):
    ev = _one(arabic, "Protests")
    assert ev.sub_event_type == "Peaceful protest"  # "دون أن تسجل أي مواجهات"
    assert ev.actor1 == "Protesters (Syria)" and ev.actor2 is None
    assert ev.admin1 == "As-Sweida"
    assert ev.event_date == "2022-12-02"  # "يوم الجمعة" before a Sunday publication
    assert ev.disorder_type == "Demonstrations"


ENGLISH = """Two SDF fighters were wounded when IS gunmen attacked a checkpoint in al-Hisan, western Deir ez-Zor, on Tuesday.
On 3 March 2021, IS militants attacked SDF positions in Thiban (Deir ez-Zor), killing 2 SDF members.
Unknown gunmen kidnapped a pharmacist in Daraa city late on Monday.
Syrian regime forces shelled the village of Kansafra in southern Idlib, killing a woman and wounding four children.
Hundreds of protesters rallied in Sweida on Friday demanding the release of detainees; security forces fired tear gas to disperse them.
Analysts expect IS attacks to increase during the winter."""


@pytest.fixture(scope="module")
def english():
    return extract_article(Article(text=ENGLISH, id="en1", published=dt.date(2022, 12, 3))).events


def test_english_agency_style(english):
    ev = english[0]
    assert (ev.event_type, ev.sub_event_type) == ("Battles", "Armed clash")
    assert (ev.actor1, ev.actor2) == ("Islamic State (Syria)", "QSD: Syrian Democratic Forces")
    assert ev.injuries == 2 and ev.fatalities == 0
    assert ev.admin1 == "Deir-ez-Zor" and ev.language == "en"
    assert (ev.event_date, ev.time_precision) == ("2022-11-29", 1)


def test_english_acled_notes_style(english):
    ev = english[1]
    assert (ev.actor1, ev.actor2) == ("Islamic State (Syria)", "QSD: Syrian Democratic Forces")
    assert ev.fatalities == 2
    assert ev.event_date == "2021-03-03"
    assert ev.admin1 == "Deir-ez-Zor"


def test_english_other_incidents(english):
    subs = [e.sub_event_type for e in english]
    assert subs[2:] == ["Abduction/forced disappearance", "Shelling/artillery/missile attack",
                        "Protest with intervention"]
    shelling = english[3]
    assert shelling.actor1 == "Military Forces of Syria (2000-)" and shelling.actor2 == "Civilians (Syria)"
    assert (shelling.fatalities, shelling.injuries) == (1, 4)
    assert english[4].actor1 == "Protesters (Syria)" and "tear gas" in english[4].weapons
    assert len(english) == 5  # the forecast is not an event
