"""Rules that decide who acted and who was acted upon (actor 1 / actor 2), each with the text
that is the reason it exists and, where a rule could over-fire, a negative example."""

from __future__ import annotations

import datetime as dt

from rasad.extract import extract_article
from rasad.record import Article

PUB = dt.date(2023, 3, 15)  # a Wednesday


def events(text: str, published: dt.date | None = PUB):
    return extract_article(Article(text=text, published=published)).events


def by_sub(text: str) -> dict[str, object]:
    return {e.sub_event_type: e for e in events(text)}


def test_a_subordinate_clause_keeps_its_own_subject():
    # With no comma between the two acts, the subject of "arrested" stands after "after" and
    # belongs to the arrest, not to the clashes before it.
    evs = by_sub("Clashes broke out on Sunday between the SDF and regime forces in the city of Qamishli "
                 "after the regime's National Defence Forces arrested two SDF members at a checkpoint.")
    assert evs["Arrests"].actor1 == "QDW: National Defence Forces"
    assert evs["Arrests"].actor2 == "QSD: Syrian Democratic Forces"
    assert evs["Armed clash"].actor1 == "QSD: Syrian Democratic Forces"


def test_displaced_people_are_refugees_idps():
    # ACLED names refugees and IDPs as an actor of their own; they are civilians in every rule
    # (violence against them is violence against civilians).
    ev = events("قصفت قوات النظام بالمدفعية، أمس، مخيماً للنازحين قرب مدينة حارم، ما أسفر عن مقتل امرأة.")[0]
    assert ev.actor2 == "Refugees/IDPs (Syria)"
    assert ev.civilian_targeting


def test_civilians_hurt_in_a_camp_are_refugees_idps():
    ev = events("A woman was shot dead by ISIS gunmen inside her tent in Al-Hol camp in Hasakah on Monday.")[0]
    assert ev.actor2 == "Refugees/IDPs (Syria)"
    # without a camp, a woman shot dead is a civilian
    ev = events("A woman was shot dead by ISIS gunmen inside her house in Hasakah on Monday.")[0]
    assert ev.actor2 == "Civilians (Syria)"


def test_looting_shops_or_burning_houses_targets_civilians():
    ev = events("أقدم عناصر من فصيل أحرار الشرقية، أمس، على نهب عدد من المحال التجارية في سوق مدينة الباب.")[0]
    assert ev.sub_event_type == "Looting/property destruction"
    assert ev.actor2 == "Civilians (Syria)"
    ev = events("On Wednesday, armed tribesmen set fire to houses in a village near Muqdadiyah in Diyala.")[0]
    assert ev.actor2 == "Civilians (Iraq)"


def test_a_crowd_burning_a_house_is_a_riot_against_property():
    ev = events("Angry protesters set fire to the house of the mayor in Derna on Monday, local media reported.")[0]
    assert ev.event_type == "Riots"
    assert ev.actor2 is None


def test_the_national_army_is_read_by_country():
    # "الجيش الوطني" is the Syrian National Army in Syria, the LNA in Libya and the government's
    # army in Yemen: the named actor of the event's country wins.
    ev = events("استهدفت طائرة مسيّرة حوثية، أمس، مواقع للجيش الوطني في جبهة الضباب غربي مدينة تعز، ما أدى إلى إصابة جنديين.")[0]
    assert ev.actor2 == "Military Forces of Yemen (2016-)"
    ev = events("قصفت قوات النظام، أمس، مواقع للجيش الوطني في قرية كفرجنة بريف عفرين.")[0]
    assert ev.actor2 == "JWS: Syrian National Army"
    ev = events("قصفت طائرات مسيرة، أمس، مواقع للجيش الوطني في مدينة سرت الليبية.")[0]
    assert ev.actor2 == "LNA: Libyan National Army"


def test_a_possessor_before_a_named_unit_is_not_the_party():
    ev = events("Unknown gunmen shot dead a former opposition commander who had joined the regime's "
                "Military Security branch in the town of Tafas, in the countryside of Daraa, on Monday.")[0]
    assert ev.actor2 == "Military Forces of Syria (2000-) Military Intelligence"
