"""Resolution of an incident's mentions: the seed report's places, precision, context, priors."""

import pytest

from rasad.geo import admin1_of_mention, geocode_phrase, resolve_incident
from rasad.geo.mentions import PlaceMention


def resolve(mentions_of, phrase, prior=None):
    return resolve_incident(mentions_of(phrase), prior)


# The seed report's incidents, each as the clause the extraction hands over.
SEED = [
    ("في قرية الزر بريف مدينة البصيرة شرقي سوريا", "wof:1276787897", "Safat az Zur", 1, "Deir-ez-Zor", "Deir-ez-Zor"),
    ("وسط بلدة الحصان في ريف ديرالزور الغربي", "sup:al-hisan", "Al-Hisan", 2, "Deir-ez-Zor", "Deir-ez-Zor"),
    ("هجوم ثالث في بلدة الحريجي في الريف الشمالي", "sup:al-hraiji", "Al-Hraiji", 2, "Deir-ez-Zor", "Deir-ez-Zor"),
    ("كمين بالقرب من مدينة السخنة", "wof:1260068243", "Sokhneh", 2, "Homs", "Tadmor"),
    ("على مواقع النظام في بادية ديرالزور الغربية", "region:deir-ez-zor-badia-west", None, 3, "Deir-ez-Zor", None),
    ("وبادية البوكمال", "region:abu-kamal-badia", None, 2, "Deir-ez-Zor", "Abu Kamal"),
    ("في مدينة جاسم بمحافظة درعا جنوبي سوريا", "wof:1125964931", "Jasim", 1, "Dar'a", "Izra'"),
]


@pytest.mark.parametrize("phrase,place_id,location,precision,admin1,admin2", SEED)
def test_seed_report_places(mentions_of, phrase, place_id, location, precision, admin1, admin2):
    r = resolve(mentions_of, phrase)
    assert r.place_id == place_id
    if location:
        assert r.location == location
    assert r.geo_precision == precision
    assert r.admin1 == admin1
    if admin2:
        assert r.admin2 == admin2
    assert r.location_ar and r.latitude and r.longitude and r.country == "Syria" and r.iso == 760


def test_al_zir_is_the_one_by_al_busayrah(mentions_of):
    r = resolve(mentions_of, "قرية الزر بريف مدينة البصيرة")
    assert r.admin3 == "Basira" and abs(r.latitude - 35.12) < 0.05
    assert len(r.candidates) >= 2  # another al-Zir was weighed and rejected
    assert r.candidates[0]["id"] == r.place_id


def test_unknown_village_goes_to_enclosing_unit_with_its_name_kept(mentions_of):
    r = resolve(mentions_of, "في قرية أبو النيتول بريف دير الزور الشرقي")
    assert r.place_id == "region:deir-ez-zor-east"
    assert r.geo_precision == 2
    assert r.location_ar == "أبو النيتول"
    assert any("no data" in why for why in r.reasons)


def test_never_snapped_to_a_namesake_in_another_governorate(mentions_of):
    # the only "الكبر" in the data is not in Deir ez-Zor: code to the stated countryside instead
    r = resolve(mentions_of, "قرية الكبر بريف دير الزور الغربي")
    assert r.admin1 == "Deir-ez-Zor" and r.geo_precision == 2 and r.location_ar == "الكبر"


def test_unknown_village_with_only_a_governorate(mentions_of):
    r = resolve(mentions_of, "في قرية أبو النيتول بمحافظة الرقة")
    assert r.admin1 == "Ar-Raqqa" and r.location_ar == "أبو النيتول" and r.geo_precision >= 2


def test_countryside_restricts_to_that_side(mentions_of):
    # "ريف دير الزور الغربي" + a village name found on both sides of the city
    west = resolve(mentions_of, "قرية جاسم بريف دير الزور")
    assert west.admin1 == "Deir-ez-Zor"


def test_prior_governorate_breaks_a_tie(mentions_of):
    ms = mentions_of("في قرية العوينة")
    a = resolve_incident(ms, "Hama")
    b = resolve_incident(ms, "Dar'a")
    assert a.admin1 == "Hama" and b.admin1 == "Dar'a"
    # the prior is only a prior: stated context wins
    c = resolve_incident(mentions_of("في قرية العوينة بمحافظة حماة"), "Dar'a")
    assert c.admin1 == "Hama"


def test_jordanian_namesake_needs_jordanian_context(mentions_of):
    assert resolve(mentions_of, "بلدة ذيبان بريف دير الزور").country == "Syria"
    assert resolve(mentions_of, "بلدة ذيبان في محافظة مادبا").country == "Jordan"
    assert resolve(mentions_of, "the town of Dhiban in Jordan").iso == 400


def test_iraqi_places_resolve_in_iraq(mentions_of):
    r = resolve(mentions_of, "هجوم في الرمادي بمحافظة الأنبار غربي العراق")
    assert r.country == "Iraq" and r.iso == 368 and r.admin1 == "Al-Anbar"


def test_diagonal_direction_marks_the_context_place(mentions_of):
    # "X, southwest of Y": Y is where X lies from, not the place of the incident.
    r = resolve(mentions_of, "militants attacked a police checkpoint in Hawija district, southwest of Kirkuk")
    assert r.location == "Al Hawijah" and r.admin1 == "Kirkuk"
    r = resolve(mentions_of, "an attack near Jalawla, north-east of Diyala")
    assert r.location == "Jalawlah" and r.admin2 == "Khanaqin"


def test_a_major_city_beats_smaller_namesakes(mentions_of):
    # Iraq's Basra has no current WOF locality; without the supplement row it snapped to the
    # Syrian town of Busra.
    r = resolve(mentions_of, "An angry crowd beat a man to death in Basra on Sunday")
    assert r.country == "Iraq" and r.location == "Basra"


def test_an_unresolvable_tie_says_so(mentions_of):
    r = resolve(mentions_of, "في قرية العوينة")
    assert any(why.startswith("ambiguous") for why in r.reasons)


def test_english_incidents(mentions_of):
    r = resolve(mentions_of, "an IED near Al-Sukhnah in eastern Homs")
    assert r.place_id == "wof:1260068243" and r.geo_precision == 2 and r.admin1 == "Homs"
    r = resolve(mentions_of, "gunmen attacked a checkpoint in Thiban, Deir ez-Zor")
    assert r.location == "Thiban" and r.admin2 == "Al Mayadin" and r.geo_precision == 1
    r = resolve(mentions_of, "clashes in the western Deir ez-Zor countryside")
    assert r.place_id == "region:deir-ez-zor-west" and r.geo_precision == 2


def test_governorate_alone_is_precision_3(mentions_of):
    r = resolve(mentions_of, "في محافظة دير الزور")
    assert r.place_id == "ocha:SY09" and r.geo_precision == 3 and r.admin1 == "Deir-ez-Zor" and r.admin2 is None


def test_admin1_of_mention(mentions_of):
    gov, = mentions_of("في محافظة دير الزور")
    assert admin1_of_mention(gov) == "Deir-ez-Zor"
    syria, = mentions_of("في سوريا")
    assert admin1_of_mention(syria) is None


def test_nothing_to_resolve():
    assert resolve_incident([]) is None
    ghost = PlaceMention(start=0, end=3, name="xyz", candidates=["wof:0"])
    assert resolve_incident([ghost]) is None
    assert geocode_phrase("لا شيء هنا") is None


def test_bracketed_area_is_context(mentions_of):
    r = resolve(mentions_of, "unidentified gunmen killed a civilian in Darnaj (Deir ez-Zor)")
    assert r.location == "Darnaj" and r.admin1 == "Deir-ez-Zor" and r.geo_precision == 1


def test_possessive_and_named_feature(mentions_of):
    r = resolve(mentions_of, "two drones were shot down near the Hmeimim airbase in Syria's Latakia province")
    assert r is not None and r.admin1 == "Lattakia"
    r = resolve(mentions_of, "a car bomb in central Baghdad's Tayaran Square")
    assert r.country == "Iraq" and r.admin1 == "Baghdad"


def test_country_adjective_decides_between_namesakes(mentions_of):
    assert resolve(mentions_of, "اشتباكات في طرابلس الليبية").country == "Libya"
    assert resolve(mentions_of, "اشتباكات في طرابلس اللبنانية").country == "Lebanon"
    # with nothing said, the neighbour comes first
    assert resolve(mentions_of, "protesters in Tripoli").country == "Lebanon"


def test_neighbourhood_is_coded_to_its_city(mentions_of):
    r = resolve(mentions_of, "خطف ناشط أمام منزله في حي الكرادة ببغداد")
    assert r.location == "Baghdad" and r.geo_precision == 2 and r.country == "Iraq"


def test_yemen_and_libya_capitals(mentions_of):
    r = resolve(mentions_of, "اشتباكات في مدينة زنجبار عاصمة محافظة أبين")
    assert (r.country, r.iso, r.admin1) == ("Yemen", 887, "Abyan")
    r = resolve(mentions_of, "clashes in Benghazi")
    assert (r.country, r.iso) == ("Libya", 434)


def test_bare_name_contradicting_the_context_goes_to_the_context(mentions_of):
    # the only "Zinjibar" is in Yemen: a Syrian context wins and the name is not snapped
    r = resolve(mentions_of, "clashes in Zinjibar (Deir ez-Zor)")
    assert r.country == "Syria" and r.admin1 == "Deir-ez-Zor" and r.geo_precision >= 2


def test_countryside_of_a_governorate_without_a_region_row(mentions_of):
    r = resolve(mentions_of, "قصف مدفعي على ريف حلب الشمالي")
    assert r.admin1 == "Aleppo" and r.admin2 is None and r.admin3 is None and r.geo_precision == 2


def test_direction_of_the_countryside_restricts_the_village(mentions_of):
    # four villages called شويحان in Raqqa: the side of the countryside picks among them
    assert resolve(mentions_of, "قرية شويحان بريف الرقة الشمالي").admin2 == "Tell Abiad"
    assert resolve(mentions_of, "قرية شويحان بريف الرقة الغربي").admin2 == "Ath-Thawrah"


def test_the_capital_cue(mentions_of):
    # "العاصمة طرابلس", "the capital Tripoli": Libya's capital, not Lebanon's namesake city.
    assert resolve(mentions_of, "تظاهر المئات في ميدان الشهداء وسط العاصمة طرابلس").country == "Libya"
    assert resolve(mentions_of, "clashes in the capital Tripoli on Monday").country == "Libya"
    # "العاصمة الليبية طرابلس": the country adjective after the cue is context.
    assert resolve(mentions_of, "اشتباكات في العاصمة الليبية طرابلس").country == "Libya"
    # Unnamed: "في العاصمة العراقية" is Baghdad.
    assert resolve(mentions_of, "تظاهر العشرات في العاصمة العراقية أمس").location == "Baghdad"
    # A bare Tripoli, with no cue, stays the nearer namesake.
    assert resolve(mentions_of, "اشتباكات في مدينة طرابلس").country == "Lebanon"


def test_an_unnamed_capital_is_the_capital_the_article_names(doc_of):
    # "…مستشفى طرابلس المركزي… أمام وزارة الصحة في العاصمة": Tripoli is a capital (of Libya).
    from rasad.geo import find_places

    mentions = find_places(doc_of("اقتحم مسلحون مستشفى طرابلس المركزي. ونظم العشرات وقفة أمام وزارة الصحة في العاصمة."))
    capital = [m for m in mentions if m.cue == "capital"]
    assert len(capital) == 1 and capital[0].candidates == ["libya:tripoli"]


def test_an_unknown_district_is_kept_as_admin2_where_the_data_has_none(mentions_of):
    # Yemen's districts are in no data rasad ships: "the Maqbanah district, west of Taiz" is
    # coded to Taiz with the district's name, as written, in admin2.
    r = resolve(mentions_of, "a landmine exploded in the Maqbanah district, west of Taiz")
    assert (r.admin1, r.admin2, r.location) == ("Taizz", "Maqbanah", "Maqbanah (Taizz)")
    r = resolve(mentions_of, "a drone struck their position in the district of Hays in Hodeidah province")
    assert r.admin2 == "Hays"
    # Where the data has districts, an unknown district name does not replace the known admin2.
    r = resolve(mentions_of, "shelling in the Zorba district of Aleppo governorate")
    assert r.admin2 != "Zorba"


def test_an_unknown_arabic_district_gets_a_romanised_admin2(mentions_of):
    # "مديرية حريب جنوبي محافظة مأرب": Yemen's districts are in no data; the district's name is
    # kept (romanised) as admin2 and as written in location_ar.
    r = resolve(mentions_of, "سيطرت جماعة الحوثيين على مركز مديرية حريب جنوبي محافظة مأرب")
    assert (r.admin1, r.admin2, r.location_ar) == ("Marib", "Hrib", "حريب")


def test_romanisation_keeps_the_consonant_skeleton():
    from rasad.geo.names import en_skeleton, romanise_ar

    for arabic, acled in [("حريب", "Harib"), ("مودية", "Mudiyah"), ("التحيتا", "At Tuhayta"), ("حيفان", "Hayfan")]:
        assert en_skeleton(romanise_ar(arabic)) == en_skeleton(acled)


def test_a_spelling_variant_reading_of_the_context_hardly_counts(mentions_of):
    # "Al-Mayadin city" is the city of that spelling, not the Homs village Al Maydan a loose match
    # adds, so a Homs Hamidiyah 2 km from that village is no reading of "Al-Hamidiyah".
    r = resolve(mentions_of, "a school in the Al-Hamidiyah neighbourhood of Al-Mayadin city")
    assert r.admin2 == "Al Mayadin"


def test_a_farm_in_an_unknown_district_and_a_district_in_the_article_governorate(mentions_of):
    # "في مزرعة بمديرية التحيتا جنوبي محافظة الحديدة": the district (no data) is admin2.
    r = resolve(mentions_of, "انفجر لغم في مزرعة بمديرية التحيتا جنوبي محافظة الحديدة")
    assert (r.admin1, r.admin2) == ("Al Hudaydah", "Al-Thita")
    # "في مديرية حيفان جنوبي المحافظة": only the article's governorate (Taiz) is known.
    r = resolve(mentions_of, "اندلعت مواجهات في مديرية حيفان جنوبي المحافظة", prior="Taizz")
    assert (r.admin1, r.admin2, r.location_ar) == ("Taizz", "Hifan", "حيفان")


def test_a_front_named_after_a_district(mentions_of):
    # Yemen's fronts bear the names of districts the data lacks: "the Sirwah front, west of Marib".
    r = resolve(mentions_of, "an attack on army positions on the Sirwah front, west of Marib")
    assert (r.admin1, r.admin2) == ("Marib", "Sirwah")
    # "جبهة النصرة" is an actor, not a front in a place.
    from rasad.geo import find_places
    from rasad.document import Document
    from rasad.extract import get_pipeline
    from rasad.record import Article

    doc = Document(Article(text="اشتبك عناصر من جبهة النصرة مع قوات النظام في ريف إدلب."))
    for name, component in get_pipeline().components:
        if name == "places":
            break
        component(doc)
    assert [m.name for m in find_places(doc)] == ["إدلب"]


def test_an_unknown_english_place_located_from_a_known_one(mentions_of):
    # "near Umm Khuzaymat, south of Kirkuk": the village is in no data; it is still the place,
    # coded to Kirkuk with its name kept.
    r = resolve(mentions_of, "ISIS militants attacked a checkpoint near Umm Khuzaymat, south of Kirkuk")
    assert (r.location, r.admin1, r.geo_precision) == ("Umm Khuzaymat (Kirkuk)", "Kirkuk", 2)


def test_common_name_words_are_spelled_as_news_spells_them(mentions_of):
    # "مديرية الشيخ عثمان": الشيخ is the head of a two-word name, and عثمان is Othman, not 'thman.
    from rasad.geo.names import romanise_ar

    assert romanise_ar("الشيخ عثمان") == "Al-Sheikh Othman"
    assert romanise_ar("حريب") == "Hrib"  # letters still spell a name with no such word
    r = resolve(mentions_of, "اغتال مسلحون ضابطاً أمام منزله في مديرية الشيخ عثمان بمحافظة عدن")
    assert (r.admin1, r.admin2, r.location_ar) == ("Aden", "Al-Sheikh Othman", "الشيخ عثمان")


def test_a_bearing_from_the_capital_places_the_town_named_before_it(mentions_of):
    # "near Tarmiyah, north of the capital": the capital is where the bearing is taken from.
    for phrase in ("near Tarmiyah, north of the capital", "قرب الطارمية شمالي العاصمة"):
        r = resolve(mentions_of, phrase)
        assert r.location == "At Tarmiyah", phrase
    # In the capital itself, it is the place.
    assert resolve(mentions_of, "في العاصمة بغداد").location == "Baghdad"


def test_a_district_of_a_province_without_district_data_is_its_admin2(mentions_of):
    # "Al-Khawkhah district of Hodeidah": Yemen's districts are in no data, and the only reading
    # of the name is a village in Jordan, which the province contradicts; the district is kept as
    # the admin2 of Al Hudaydah.
    r = resolve(mentions_of, "in Al-Khawkhah district of Hodeidah")
    assert (r.country, r.admin1, r.admin2) == ("Yemen", "Al Hudaydah", "Al-Khawkhah")
    # Where districts are known, "the Mezzeh district of Damascus" is a quarter of the city.
    assert resolve(mentions_of, "in the Mezzeh district of Damascus").location == "Damascus"


def test_a_namesake_far_beyond_the_stated_bearing_is_no_reading(mentions_of):
    # "بادية الرصافة جنوب غربي الرقة": the badia of Resafa, southwest of Raqqa (a supplement row);
    # Rusafah villages of Idlib and Hama, 190 km and more away, are not rescued by lying southwest.
    r = resolve(mentions_of, "بادية الرصافة جنوب غربي الرقة")
    assert r.admin1 == "Ar-Raqqa"


def test_a_village_namesake_is_no_quarter_of_the_city_named(mentions_of):
    # "the Al-Jadida neighbourhood of Baqubah": a village Jadidah 13 km out is not the quarter;
    # the quarter the data lacks is coded to Baqubah.
    for phrase in ("in the Al-Jadida neighbourhood of Baqubah", "حي الجديدة في مدينة بعقوبة"):
        r = resolve(mentions_of, phrase)
        assert (r.location, r.geo_precision) == ("Baqubah", 2), phrase
