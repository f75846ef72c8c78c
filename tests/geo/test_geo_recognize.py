"""Toponym recognition: cues, clitics, directions, common words, English, bad input."""

from rasad.geo import find_places


def names(mentions):
    return [m.name for m in mentions]


def test_cue_and_clitics(doc_of):
    doc = doc_of("قرية الزر بريف مدينة البصيرة شرقي سوريا")
    ms = find_places(doc)
    assert doc.places is not None and doc.places == ms
    assert names(ms) == ["الزر", "البصيرة", "سوريا"]
    zir, busayrah, syria = ms
    assert zir.cue == "village" and zir.candidates
    assert busayrah.cue == "countryside" and busayrah.kind == "city"  # "بريف مدينة": countryside of a city
    assert syria.direction == "east"
    # offsets are of the name itself, and cue offsets cover the cue phrase
    assert doc.text[zir.start:zir.end] == "الزر"
    assert doc.text[busayrah.cue_start:busayrah.cue_end] == "بريف مدينة"


def test_offsets_map_back_to_raw_text(doc_of):
    raw = "هجوم في بلدةِ الحُصان بريف ديرالزور الغربي"
    doc = doc_of(raw)
    ms = find_places(doc)
    hisan = ms[0]
    ev = doc.evidence(hisan.start, hisan.end)
    assert ev.text == raw[ev.start:ev.end] and ev.text.replace("ُ", "") == "الحصان"


def test_direction_after_name(mentions_of):
    ms = mentions_of("وسط بلدة الحصان في ريف ديرالزور الغربي")
    assert [m.cue for m in ms] == ["town", "countryside"]
    assert ms[1].candidates == ["region:deir-ez-zor-west"]


def test_area_with_direction_and_no_name(mentions_of):
    ms = mentions_of("هجوم ثالث في بلدة الحريجي في الريف الشمالي")
    assert names(ms) == ["الحريجي", "الريف الشمالي"]
    assert ms[1].cue == "countryside" and ms[1].direction == "north" and ms[1].candidates == []


def test_common_word_needs_a_cue(mentions_of):
    # "الزر" (button) and "الحصان" (horse) are village names too: only a cue makes them places.
    assert mentions_of("ضغط على الزر ثم ركب الحصان") == []
    assert names(mentions_of("في قرية الزر")) == ["الزر"]
    # lexicon words that happen to be villages are not places without a cue
    assert mentions_of("أصيب ثلاثة عناصر بجروح في كمين") == []
    assert mentions_of("قتل أبو الحسين القرشي") == []


def test_the_town_already_named_is_not_a_new_place(mentions_of):
    # "البلدة" / "المنطقة" refer back; they are not cue words for a new name
    assert mentions_of("استنفار كبير في البلدة وقيامهم بمصادرة") == []
    assert mentions_of("وسط مدن وبلدات المنطقة") == []


def test_unknown_village_after_a_cue_is_kept(mentions_of):
    ms = mentions_of("في قرية أبو النيتول بريف دير الزور الشرقي")
    assert names(ms)[0] == "أبو النيتول" and ms[0].candidates == [] and ms[0].cue == "village"


def test_near_phrase(mentions_of):
    ms = mentions_of("كمين بالقرب من مدينة السخنة")
    assert ms[0].direction == "near" and ms[0].cue == "city"


def test_bare_city_and_governorate_names(mentions_of):
    ms = mentions_of("قصف على درعا وحمص")
    assert names(ms) == ["درعا", "حمص"]


def test_english(mentions_of):
    ms = mentions_of("An ambush near Al-Sukhnah in eastern Homs")
    assert names(ms) == ["Al-Sukhnah", "Homs"]
    assert ms[0].direction == "near" and ms[1].direction == "east" and ms[0].language == "en"
    ms = mentions_of("clashes in Thiban, Deir ez-Zor")
    assert names(ms) == ["Thiban", "Deir ez-Zor"]
    ms = mentions_of("attacks in the western Deir ez-Zor countryside")
    assert ms[0].cue == "countryside" and ms[0].direction == "west"


def test_a_capitalised_preposition_opening_a_sentence_is_no_part_of_the_name(mentions_of):
    # "In Aden, …": the sentence's first word is capitalised, so the run was "In Aden", which no
    # gazetteer name covers, and Aden was lost.
    assert names(mentions_of("In Aden, security forces arrested a journalist on Sunday.")) == ["Aden"]
    assert names(mentions_of("Near Al-Sukhnah, IS cells ambushed a convoy.")) == ["Al-Sukhnah"]
    # A name that begins with such a word is still read whole: "At Tall" is a town.
    assert names(mentions_of("At Tall, gunmen shot a man on Sunday.")) == ["At Tall"]


def test_the_capital_of_a_province_describes_the_city_before_it(mentions_of):
    # "Nasiriyah, the capital of Dhi Qar province": no national capital is named.
    ms = mentions_of("In Nasiriyah, the capital of Dhi Qar province, hundreds rallied on Thursday.")
    assert names(ms) == ["Nasiriyah", "Dhi Qar"] and all(m.cue != "capital" for m in ms)
    # "the capital of Iraq" is Iraq's capital.
    ms = mentions_of("Protesters gathered in the capital of Iraq on Monday.")
    assert any(m.cue == "capital" for m in ms)


def test_english_does_not_take_part_of_a_longer_name(mentions_of):
    # "Tall `Adwaniyah" must not become "At Tall"; "Islamic State" is no place
    ms = mentions_of("The Islamic State attacked Tall `Adwaniyah, Al-Hasakeh governorate")
    assert "Tall" not in names(ms)
    assert all(m.name != "Islamic State" for m in ms)


def test_hostile_and_empty_input(doc_of):
    assert find_places(doc_of("")) == []
    assert find_places(doc_of("\x00\x01\ufffd<script>alert(1)</script>")) == []
    big = "هجوم على قرية الزر بريف مدينة البصيرة. " * 2000
    ms = find_places(doc_of(big))
    assert len(ms) == 4000


def test_english_name_inside_another_name_is_no_place(mentions_of):
    ms = mentions_of("protesters gathered outside the Al-Sahaba mosque in Derna")
    assert names(ms) == ["Derna"]


def test_bracketed_area_becomes_context(mentions_of):
    ms = mentions_of("IS attacked a checkpoint in Thiban (Deir ez-Zor), killing 2")
    assert names(ms) == ["Thiban", "Deir ez-Zor"] and ms[1].cue == "region"


def test_qaf_written_as_kaf(mentions_of):
    # eastern Syrian reports write the Bedouin g of ق as ك: WOF has "جديد عقيدات"
    ms = mentions_of("في قرية جديد عكيدات بريف دير الزور الشرقي")
    assert ms[0].name == "جديد عكيدات" and ms[0].candidates == ["wof:1260076937"]


def test_a_name_joined_by_and_takes_the_cue_of_the_place_before(doc_of):
    # "the towns of Sarmin and Al-Nayrab", "بلدتي سرمين والنيرب": the second village has no cue
    # or preposition of its own, yet is a place of the same kind (and, as such, an incident's
    # second location).
    en = find_places(doc_of("Regime forces shelled the towns of Sarmin and Al-Nayrab on Thursday."))
    assert [(m.name, m.cue) for m in en] == [("Sarmin", "town"), ("Al-Nayrab", "town")]
    ar = find_places(doc_of("قصفت قوات النظام بلدتي سرمين والنيرب يوم الخميس"))
    assert [m.cue for m in ar] == ["town", "town"] and ar[1].name.endswith("النيرب")
    # Without a place right before it, "and" licenses nothing.
    assert find_places(doc_of("Regime forces shelled positions and Al-Nayrab residents fled.")) == []


def test_a_facility_named_after_a_city_is_in_that_city(doc_of):
    # "in front of Baghdad University": a place (Baghdad); "the Al-Sahaba mosque" and "the Deir
    # ez-Zor military council" are names, not places.
    assert names(find_places(doc_of("Students staged a sit-in in front of Baghdad University on Monday."))) == ["Baghdad"]
    assert names(find_places(doc_of("Protesters gathered outside the Al-Sahaba mosque on Monday."))) == []
    assert names(find_places(doc_of("A statement by the Deir ez-Zor military council said so."))) == []


def test_people_names_are_not_places(doc_of):
    # "Hundreds of Kurds": an ethnonym after "of" is no village (Kurdis) by a loose spelling match.
    assert names(find_places(doc_of("Hundreds of Kurds rallied in Qamishli on Saturday."))) == ["Qamishli"]


def test_a_name_joined_to_an_area_takes_its_cue(doc_of):
    # "the outskirts of Aitaroun and Aita al-Shaab": both villages' outskirts were shelled.
    ms = find_places(doc_of("Israeli artillery shelled the outskirts of Aitaroun and Aita al-Shaab on Monday."))
    assert [(m.name, m.cue) for m in ms] == [("Aitaroun", "countryside"), ("Aita al-Shaab", "countryside")]


def test_names_joined_after_a_plural_cue_are_places_of_that_kind(mentions_of):
    # "قرى البارة وكنصفرة والفطيرة": the villages listed after "قرى"; كنصفرة is WOF's كنسفرة (ص for س).
    ms = mentions_of("قصفت قوات النظام قرى البارة وكنصفرة والفطيرة بريف إدلب")
    assert names(ms)[:3] == ["البارة", "كنصفرة", "الفطيرة"]
    assert ms[1].candidates and ms[1].cue == "village"
    # After a singular cue, a verb joined by و is no village.
    ms = mentions_of("اقتحم محتجون مبنى المحافظة في مدينة السويداء وأضرموا النار فيه")
    assert "أضرموا" not in names(ms)
