"""Synthetic, clearly fake events and articles for tests and the API load benchmark.

Nothing here is real data: ids start with ``syn-``, sources are ``Synthetic Wire``, places are
jittered around a few real governorate centres so maps and bbox filters have something to show.
"""

from __future__ import annotations

import random
from typing import Any

from rasad.record import Article, Event, Evidence

# (admin1, latitude, longitude): governorate centres, for plausible coordinates only.
CENTRES = (
    ("Deir ez-Zor", 35.336, 40.141), ("Ar-Raqqa", 35.950, 39.009), ("Al-Hasakeh", 36.502, 40.747),
    ("Aleppo", 36.202, 37.134), ("Idleb", 35.930, 36.634), ("Homs", 34.730, 36.710), ("Dar'a", 32.625, 36.106),
)
TYPES = (
    ("Battles", "Armed clash", "Political violence"),
    ("Explosions/Remote violence", "Shelling/artillery/missile attack", "Political violence"),
    ("Explosions/Remote violence", "Remote explosive/landmine/IED", "Political violence"),
    ("Violence against civilians", "Attack", "Political violence"),
    ("Protests", "Peaceful protest", "Demonstrations"),
    ("Strategic developments", "Arrests", "Strategic developments"),
)
ACTORS = (
    ("Islamic State (Syria)", 2), ("SDF: Syrian Democratic Forces", 3), ("Military Forces of Syria", 1),
    ("Civilians (Syria)", 7), ("Protesters (Syria)", 6),
)


def make_event(**fields: Any) -> Event:
    """A fully coded event (a clash at an invented village in Deir ez-Zor) with ``fields`` overriding."""
    defaults: dict[str, Any] = dict(
        event_id="syn-e1", event_date="2022-12-04", time_precision=1, disorder_type="Political violence",
        event_type="Battles", sub_event_type="Armed clash", actor1="Islamic State (Syria)",
        actor2="SDF: Syrian Democratic Forces", inter1=2, inter2=3, interaction=23, country="Syria", iso=760,
        admin1="Deir ez-Zor", admin2="Deir ez-Zor", admin3="Basira", location="Synthetic Village",
        location_ar="قرية اصطناعية", latitude=35.15, longitude=40.40, geo_precision=1, place_id="syn-p1",
        fatalities=0, injuries=None, weapons=["machine gun"], notes="Synthetic clash.", source="Synthetic Wire",
        language="ar", confidence=0.8,
    )
    defaults.update(fields)
    evidence = defaults.pop("evidence", None)
    event = Event(**defaults)
    for name, spans in (evidence or {}).items():
        for span in spans:
            event.add_evidence(name, span if isinstance(span, Evidence) else Evidence(**span))
    return event


def synthetic_record(index: int, rng: random.Random) -> dict[str, Any]:
    """Event number ``index`` of a synthetic store (a dict in the event record shape)."""
    admin1, lat, lon = CENTRES[index % len(CENTRES)]
    event_type, sub_type, disorder = TYPES[rng.randrange(len(TYPES))]
    (actor1, inter1), (actor2, inter2) = rng.sample(ACTORS, 2)
    day = 1 + rng.randrange(28)
    month = 1 + rng.randrange(12)
    year = 2019 + rng.randrange(5)
    return make_event(
        event_id=f"syn-{index:07d}", event_date=f"{year}-{month:02d}-{day:02d}", event_type=event_type,
        sub_event_type=sub_type, disorder_type=disorder, actor1=actor1, actor2=actor2, inter1=inter1, inter2=inter2,
        interaction=int(f"{min(inter1, inter2)}{max(inter1, inter2)}"), admin1=admin1, admin2=admin1, admin3=None,
        location=f"Synthetic place {index % 5000}", location_ar=None, latitude=round(lat + rng.uniform(-0.4, 0.4), 5),
        longitude=round(lon + rng.uniform(-0.4, 0.4), 5), place_id=f"syn-p{index % 5000}",
        fatalities=rng.choice((0, 0, 0, 1, 2, 3, 5)), confidence=round(rng.uniform(0.3, 1.0), 3),
        notes=f"Synthetic event {index}.", article_ids=[f"syn-a{index:07d}"],
    ).to_dict()


def synthetic_article(index: int) -> Article:
    return Article(text=f"Synthetic report number {index}. Nothing in it happened.", id=f"syn-a{index:07d}",
                   title=f"Synthetic report {index}", source="Synthetic Wire")
