"""Places told by a compass direction from a city, and a city's quarters named with منطقة."""

from __future__ import annotations

import datetime as dt

from rasad.geo.resolve import geocode_phrase


def test_a_town_west_of_a_city_may_lie_beyond_the_near_radius():
    # Zawiya is 45 km west of Tripoli (Libya): with the direction stated, the pair in Libya
    # is read, not Lebanon's Tripoli with the town dropped.
    r = geocode_phrase("مدينة الزاوية غرب طرابلس")
    assert (r.location, r.country) == ("Az Zawiyah", "Libya")


def test_a_quarter_named_with_mintaqa_places_the_city():
    r = geocode_phrase("منطقة الظهرة بطرابلس")
    assert (r.location, r.country) == ("Tripoli", "Libya")
    r = geocode_phrase("the Souq al-Jumaa area of Tripoli")
    assert (r.location, r.country) == ("Tripoli", "Libya")
    # a plain area word before a name that is no quarter still licenses no village
    r = geocode_phrase("منطقة جبلية قرب طرابلس")
    assert r is None or r.country == "Lebanon"


def test_a_refugee_camp_named_before_its_feature_words():
    # "the Ain al-Hilweh Palestinian refugee camp near Sidon": the camp, not the city it is near
    r = geocode_phrase("in the Ain al-Hilweh Palestinian refugee camp near Sidon")
    assert r.location == "Ain el Hiloue"


def test_a_libyan_suburb_south_of_tripoli():
    r = geocode_phrase("near their home in Ain Zara, south of Tripoli")
    assert (r.location, r.country) == ("Ain Zara", "Libya")


def test_an_unknown_quarter_is_coded_to_its_city_in_english_as_in_arabic():
    r = geocode_phrase("in the Al-Hamidiyah neighbourhood of Al-Mayadin city")
    assert (r.location, r.geo_precision) == ("Al Mayadin", 2)
    assert geocode_phrase("في حي الحميدية بمدينة الميادين").location == "Al Mayadin"
    # an unknown village keeps its own name beside the place it is near
    assert geocode_phrase("in Al-Hamidiyah village near Al-Mayadin").location == "Al-Hamidiyah (Al Mayadin)"



def test_a_far_namesake_lying_against_the_stated_direction_is_rejected():
    # The only Makhul in the data is a village in Diyala, 145 km south-east of Baiji: "north of
    # Baiji" contradicts it, so the place is coded to Baiji, not snapped to that village.
    import datetime as dt

    from rasad.extract import extract_article
    from rasad.record import Article

    def place(text):
        ev = extract_article(Article(text=text, published=dt.date(2023, 3, 15))).events[0]
        return ev.location, ev.admin1

    assert place("Iraqi army aircraft bombed hideouts of IS in the Makhoul mountains, north of Baiji, "
                 "on Tuesday, killing five militants.") == ("Makhoul (Baiji)", "Sala ad-Din")
    # lying the stated way, the same far village is not pushed out by the direction
    assert place("Iraqi army aircraft bombed hideouts of IS in Makhoul, south-east of Baiji, "
                 "on Tuesday, killing five militants.") == ("Makhul", "Diyala")


def test_a_name_of_several_countries_is_read_in_the_country_of_the_next_unambiguous_name():
    # "الحديدة | مأرب": Hodeidah is also a Syrian town's name; Marib, named next, is only Yemen's.
    from rasad.extract import extract_article
    from rasad.record import Article

    text = ("المسيرة نت – الحديدة | مأرب\n\nوفي مديرية بيت الفقيه، استشهد مواطن وأصيب طفلان بقصف مدفعي "
            "استهدف منازل المواطنين في قرية الجاح الأعلى أمس.")
    ev = extract_article(Article(text=text, published=dt.date(2024, 12, 28))).events[0]
    assert (ev.country, ev.admin1) == ("Yemen", "Al Hudaydah")


def test_a_village_known_only_abroad_is_a_namesake_in_an_article_about_another_country():
    # A report from Hodeidah: "قرية تقاد" is a Syrian village's name; the article's country stands.
    from rasad.extract import extract_article
    from rasad.record import Article

    text = ("شنت طائرات التحالف أمس غارات على مواقع في محافظة الحديدة.\n\nوفي سياق آخر، قتل مواطن بقصف "
            "مدفعي على قرية تقاد أمس.")
    evs = extract_article(Article(text=text, published=dt.date(2024, 12, 28))).events
    assert [e.country for e in evs] == ["Yemen", "Yemen"]


def test_a_syrian_namesake_near_a_city_of_the_articles_country_is_set_aside():
    # "a Katyusha rocket landed near the Rumaila oil field west of Basra" in a report from Basra:
    # the only Rumaila the gazetteer knows is a Syrian village; the incident stays in Iraq.
    from rasad.extract import extract_article
    from rasad.record import Article

    text = ("BASRA, Iraq (AFP) - One protester was killed on Tuesday when security forces fired live ammunition "
            "to disperse a demonstration in Basra.\n\nSeparately, a Katyusha rocket landed near the Rumaila oil "
            "field west of Basra early on Wednesday without causing casualties.")
    evs = extract_article(Article(text=text, published=dt.date(2024, 7, 24))).events
    assert [e.country for e in evs] == ["Iraq", "Iraq"]
