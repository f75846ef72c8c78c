"""Articles and coded events for the browser tests.

The seed report's events are coded by hand here (as an analyst would code them) so the UI tests do
not depend on the state of the extractor; evidence offsets are found in the text, so
``text[start:end] == evidence text`` holds by construction.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from rasad.record import Article, Event, Evidence

SEED_PATH = Path(__file__).resolve().parents[2] / "rasad" / "examples" / "seed-report-ar.txt"

XSS_TEXT = (
    "Gunmen attacked a checkpoint near Jasim. <script>window.__pwned=1</script> "
    "Witnesses said <img src=x onerror=window.__pwned=1> two guards were killed.\n"
    "هاجم مسلحون حاجزاً قرب جاسم <b onmouseover=window.__pwned=1>نص</b>"
)


def _evidence(article: Article, phrase: str, after: int) -> Evidence:
    start = article.text.index(phrase, after)
    return Evidence(article.id, start, start + len(phrase), phrase)


def _event(article: Article, evidence: dict[str, list[str]], anchor: str = "", **fields: object) -> Event:
    """An event of ``article``; each evidence phrase is its first occurrence after ``anchor``."""
    event = Event(article_ids=[article.id], language=article.language, source=article.source, **fields)  # type: ignore[arg-type]
    after = article.text.index(anchor) if anchor else 0
    for field, phrases in evidence.items():
        for phrase in phrases:
            event.add_evidence(field, _evidence(article, phrase, after))
    return event


def seed_article() -> Article:
    return Article(
        text=SEED_PATH.read_text(encoding="utf-8"),
        id="seed-report-ar",
        title="خلايا داعش تبايع زعيمها الجديد وتصعّد هجماتها شرقي سوريا",
        url="https://example.org/reports/seed",
        source="Example Monitor",
        published=dt.date(2022, 12, 5),
        language="ar",
    )


def seed_events(article: Article) -> list[Event]:
    common = dict(country="Syria", iso=760, time_precision=1, disorder_type="Political violence")
    return [
        _event(article, {
            "event_type": ["هجوماً بالأسلحة الرشاشة"], "actor1": ["خلايا تنظيم داعش"],
            "actor2": ["قوات سوريا الديمقراطية"], "location": ["قرية الزر"],
            "injuries": ["إصابة عدد من العناصر"], "weapons": ["الآر بي جي"],
        }, anchor="حيث شنت", event_date="2022-12-04", event_type="Battles", sub_event_type="Armed clash",
            actor1="Islamic State (Syria)", actor2="SDF: Syrian Democratic Forces", inter1=2, inter2=3,
            interaction=23, admin1="Deir ez-Zor", admin2="Deir ez-Zor", location="Safat az Zur",
            location_ar="صفات الزر", latitude=35.16, longitude=40.40, geo_precision=1, fatalities=0,
            injuries=3, weapons=["machine gun", "RPG"], confidence=0.82,
            notes="Islamic State cells attacked an SDF post in al-Zir.", **common),
        _event(article, {
            "event_type": ["هاجمت مجموعة أخرى للتنظيم حاجزاً عسكرياً"], "location": ["بلدة الحصان"],
            "injuries": ["إصابة ثلاثة عناصر بجروح"], "actor2": ["قسد"],
        }, anchor="فيما هاجمت", event_date="2022-12-04", event_type="Battles", sub_event_type="Armed clash",
            actor1="Islamic State (Syria)", actor2="SDF: Syrian Democratic Forces", inter1=2, inter2=3,
            interaction=23, admin1="Deir ez-Zor", location="Al-Hisan", location_ar="الحصان",
            latitude=35.30, longitude=40.00, geo_precision=1, fatalities=0, injuries=3,
            weapons=["machine gun"], confidence=0.78, **common),
        _event(article, {
            "event_type": ["هجوم ثالث"], "location": ["بلدة الحريجي"], "injuries": ["إصابة أحد المدنيين"],
        }, anchor="هجوم ثالث", event_date="2022-12-04", event_type="Violence against civilians", sub_event_type="Attack",
            actor1="Islamic State (Syria)", actor2="Civilians (Syria)", inter1=2, inter2=7, interaction=27,
            civilian_targeting=True, admin1="Deir ez-Zor", location="Al-Hraiji", location_ar="الحريجي",
            latitude=35.55, longitude=40.25, geo_precision=1, fatalities=0, injuries=1, confidence=0.7,
            **common),
        _event(article, {
            "event_type": ["كمين"], "location": ["مدينة السخنة"], "weapons": ["عبوات ناسفة"],
            "fatalities": ["مقتل وإصابة عدد من عناصر النظام"], "actor2": ["رتل تابع لقوات النظام"],
        }, anchor="حيث تحدثت", event_date="2022-12-04", event_type="Battles", sub_event_type="Armed clash",
            actor1="Islamic State (Syria)", actor2="Military Forces of Syria", inter1=2, inter2=1,
            interaction=12, admin1="Homs", location="As Sukhnah", location_ar="السخنة",
            latitude=34.8875, longitude=38.8706, geo_precision=2, fatalities=3, injuries=3,
            weapons=["IED", "heavy machine gun"], confidence=0.75, **common),
    ]


def english_article() -> Article:
    return Article(
        text=("DARAA, Nov 20 (Example Wire) - Two civilians were killed when shells hit the town of "
              "Jasim in Daraa governorate on Sunday, local sources said."),
        id="en-jasim-shelling", title="Shelling kills two in Jasim", url="https://example.org/jasim",
        source="Example Wire", published=dt.date(2022, 11, 20), language="en",
    )


def english_events(article: Article) -> list[Event]:
    return [_event(article, {
        "event_type": ["shells hit"], "fatalities": ["Two civilians were killed"], "location": ["Jasim"],
        "admin1": ["Daraa governorate"], "event_date": ["on Sunday"],
    }, event_date="2022-11-20", time_precision=1, disorder_type="Political violence",
        event_type="Explosions/Remote violence", sub_event_type="Shelling/artillery/missile attack",
        actor2="Civilians (Syria)", inter2=7, civilian_targeting=True, country="Syria", iso=760,
        admin1="Daraa", location="Jasim", location_ar="جاسم", latitude=32.992, longitude=36.06,
        geo_precision=1, fatalities=2, confidence=0.66, weapons=["artillery"])]


def hostile_article() -> Article:
    return Article(text=XSS_TEXT, id="hostile-markup", title="<img src=x onerror=window.__pwned=1>",
                   url="javascript:window.__pwned=1", source="<script>window.__pwned=1</script>",
                   published=dt.date(2022, 12, 1), language="en")


def hostile_events(article: Article) -> list[Event]:
    return [_event(article, {
        "event_type": ["Gunmen attacked a checkpoint"], "location": ["Jasim"],
        "fatalities": ["two guards were killed"], "actor1": ["<script>window.__pwned=1</script>"],
    }, event_date="2022-12-01", event_type="Battles", sub_event_type="Armed clash",
        actor1="Unidentified Armed Group (Syria)", actor2="Military Forces of Syria", inter1=3, inter2=1,
        interaction=13, country="Syria", iso=760, admin1="Daraa", location="Jasim", latitude=32.99,
        longitude=36.07, geo_precision=2, fatalities=2, confidence=0.5, disorder_type="Political violence",
        notes="<img src=x onerror=window.__pwned=1>")]


def all_samples() -> list[tuple[Article, list[Event]]]:
    seed, english, hostile = seed_article(), english_article(), hostile_article()
    return [(seed, seed_events(seed)), (english, english_events(english)), (hostile, hostile_events(hostile))]


def second_report_article() -> Article:
    """Another outlet's report of the al-Hisan checkpoint attack in the seed report."""
    return Article(
        text=("DEIR EZ-ZOR, Dec 5 (Example Wire) - Islamic State gunmen opened fire on a checkpoint of the "
              "Syrian Democratic Forces in the town of Hisan, west of Deir ez-Zor, on Sunday, wounding "
              "three fighters before withdrawing, a local monitor said."),
        id="hisan-second-report", title="Gunmen wound three SDF fighters at Hisan checkpoint",
        url="https://example.org/hisan", source="Example Wire", published=dt.date(2022, 12, 5), language="en",
    )


def second_report_events(article: Article) -> list[Event]:
    # The geocoder did not place "Hisan" (no coordinates, another spelling of the town), so the
    # store's fusion, which then needs the same location name, keeps it apart from the seed
    # report's al-Hisan event: the case an analyst merges by hand.
    return [_event(article, {
        "event_type": ["opened fire on a checkpoint"], "actor1": ["Islamic State gunmen"],
        "actor2": ["Syrian Democratic Forces"], "location": ["Hisan"], "injuries": ["wounding three fighters"],
    }, event_date="2022-12-04", time_precision=1, disorder_type="Political violence", event_type="Battles",
        sub_event_type="Armed clash", actor1="Islamic State (Syria)", actor2="SDF: Syrian Democratic Forces",
        inter1=2, inter2=3, interaction=23, country="Syria", iso=760, admin1="Deir ez-Zor", location="Hisan",
        fatalities=0, injuries=3, confidence=0.6)]


def merge_samples() -> list[tuple[Article, list[Event]]]:
    """The samples plus a second report of one seed incident, kept as a separate event."""
    second = second_report_article()
    return [*all_samples(), (second, second_report_events(second))]
