"""A small hand-made gold set and predictions whose figures are worked out by hand in the tests."""

from __future__ import annotations

import pytest

from rasad.eval.gold import GoldArticle
from rasad.record import Event, Evidence

TEXT_A = "هاجم عناصر تنظيم داعش نقطة لقوات سوريا الديمقراطية في قرية الزر وقتل اثنان."
TEXT_B = "Gunmen shot dead a civilian in Raqqa city on Thursday."
TEXT_C = "The council met to discuss the water supply."
TEXT_D = "تظاهر العشرات في مدينة الرقة احتجاجا على انقطاع الكهرباء."
TRIGGER_A = TEXT_A.index("هاجم")


def _gold() -> list[GoldArticle]:
    battle = {
        "event_type": "Battles", "sub_event_type": "Armed clash", "event_date": "2022-12-04",
        "actor1": "Islamic State (Syria)", "actor2": "SDF: Syrian Democratic Forces",
        "location": "Al Zir", "admin2": "Deir ez-Zor", "latitude": 35.16, "longitude": 40.43,
        "fatalities": 2, "injuries": 3,
        # gold trigger = the 4-letter verb plus the following space and 1 letter (6 chars)
        "evidence": {"trigger": [(TRIGGER_A, TRIGGER_A + 6)]},
    }
    ied = {"event_type": "Explosions/Remote violence", "sub_event_type": "Remote explosive/landmine/IED",
           "event_date": "2022-12-04", "location": "Hajin", "latitude": 34.69, "longitude": 40.83}
    vac = {"event_type": "Violence against civilians", "sub_event_type": "Attack",
           "event_date": "2022-12-01", "actor1": "Unidentified Armed Group (Syria)",
           "actor2": "Civilians (Syria)", "location": "Raqqa", "admin1": "Ar-Raqqa",
           "latitude": 35.95, "longitude": 39.01, "fatalities": 1}
    protest = {"event_type": "Protests", "location": "Raqqa", "event_date": "2022-12-05"}
    return [
        GoldArticle("A", TEXT_A, "ar", "2022-12-05", [battle, ied], line=1),
        GoldArticle("B", TEXT_B, "en", "2022-12-02", [vac], line=2),
        GoldArticle("C", TEXT_C, "en", "2022-12-02", [], line=3),
        GoldArticle("D", TEXT_D, "ar", "2022-12-05", [protest], line=4),
    ]


def _predictions() -> dict[str, list[Event]]:
    battle = Event(
        event_type="Battles", sub_event_type="Armed clash", event_date="2022-12-04",
        actor1="Islamic State (Syria)", actor2="Military Forces of Syria",  # wrong actor 2
        location="al-Zir", admin2="Deir ez-Zor", latitude=35.169, longitude=40.43,  # ~1.0 km off
        fatalities=3, injuries=3,  # fatalities off by one
    )
    # predicted trigger starts 3 characters later than gold: 3 of 6 characters shared
    battle.add_evidence("trigger", Evidence("A", TRIGGER_A + 3, TRIGGER_A + 9, TEXT_A[TRIGGER_A + 3:TRIGGER_A + 9]))
    spurious_protest = Event(event_type="Protests", sub_event_type="Peaceful protest",
                             event_date="2022-12-04", location="Hajin", latitude=34.69, longitude=40.83)
    wrong_type = Event(event_type="Battles", sub_event_type="Armed clash", event_date="2022-12-02",
                       actor1="Unidentified Armed Group (Syria)", actor2="Civilians (Syria)",
                       location="Raqqa", admin1="Raqqa", latitude=35.95, longitude=39.01, fatalities=1)
    spurious_battle = Event(event_type="Battles", event_date="2022-12-02", location="Raqqa")
    return {"A": [spurious_protest, battle], "B": [wrong_type], "C": [spurious_battle], "D": []}


@pytest.fixture
def gold_articles() -> list[GoldArticle]:
    return _gold()


@pytest.fixture
def predictions() -> dict[str, list[Event]]:
    return _predictions()
