"""One test per extraction rule, each with the Arabic (or English) text that is the reason it
exists, and negative examples where a rule must not fire."""

from __future__ import annotations

import datetime as dt

import pytest

from rasad.extract import extract_article
from rasad.kb import knowledge_base
from rasad.record import Article
from rasad.text.normalize import normalize
from rasad.text.tokens import tokenize

PUB = dt.date(2023, 3, 15)  # a Wednesday


def events(text: str, published: dt.date | None = PUB):
    return extract_article(Article(text=text, published=published)).events


def only(text: str, published: dt.date | None = PUB):
    evs = events(text, published)
    assert len(evs) == 1, [(e.event_type, e.sub_event_type, e.location) for e in evs]
    return evs[0]


# --- text layer -----------------------------------------------------------------------------

def test_normalisation_keeps_offsets_back_to_raw_text():
    raw = "هاجمَ عناصرُ تنظيمِ داعـــش حاجزاً لـ”قسد” ٣ مرات\u200f"
    norm = normalize(raw)
    assert "ـ" not in norm.text and "\u200f" not in norm.text and "3" in norm.text
    start = norm.text.index("داعش")
    s, e = norm.raw_span(start, start + len("داعش"))
    assert raw[s:e] == "داعـــش"


@pytest.mark.parametrize("word,stem", [("بريف", "ريف"), ("والميليشيات", "ميليشيات"), ("بالأسلحة", "اسلحه"),
                                       ("للمدنيين", "مدنيين")])
def test_clitics_are_stripped_for_matching(word, stem):
    assert stem in tokenize(normalize(word).text)[0].stems


def test_kaf_is_not_stripped_without_the_article():
    # "كبيرة" (big) must not become "بيرة"; only "كال…" is the preposition ك + article.
    assert "بيره" not in tokenize(normalize("كبيرة").text)[0].stems


def test_actor_aliases_with_clitics_and_quotes():
    kb = knowledge_base()
    text = normalize('حاجزاً عسكرياً لـ"قسد" والميليشيات الإيرانية').text
    names = [m.value.actor.canonical for m in kb.actors.find(tokenize(text), text) if m.value.actor]
    assert names == ["QSD: Syrian Democratic Forces", "Militia (Pro-Iran)"]


def test_english_acronyms_are_case_sensitive():
    # "IS" the group, not "is" the verb.
    evs = events("The situation is calm. IS militants attacked an SDF checkpoint in Thiban on Monday, killing 2 SDF fighters.")
    assert [e.actor1 for e in evs] == ["Islamic State (Syria)"]


# --- which sentences report incidents -------------------------------------------------------

def test_forecast_is_not_an_event():
    assert events("ويتوقع ناشطون أن يشن التنظيم هجمات جديدة على مواقع قسد في ريف دير الزور خلال الشتاء.") == []


def test_negated_incident_is_not_an_event():
    assert events("نفى مصدر عسكري وقوع اشتباكات في مدينة الرقة أمس.") == []


def test_verbal_attack_by_a_politician_is_not_an_event():
    assert events("شن رئيس الحزب النائب وليد جنبلاط هجوماً عنيفاً على حزب الله أمس.") == []


def test_sport_is_not_violence():
    assert events("سجل مهاجم الفريق هدفاً في الدقيقة 78 بعد هجوم منظم في مباراة الدوري أمس.") == []


def test_referenced_assassination_is_not_a_new_event():
    # A noun that names a past incident, with no toll or date of its own.
    assert events("تستمر المحكمة الدولية الخاصة باغتيال الرئيس رفيق الحريري في عملها.") == []


def test_summary_of_attacks_told_in_detail_next_is_not_an_extra_event():
    text = ("تعرضت عدة مواقع لقوات النظام لعدة هجمات نفذتها خلايا داعش.\n"
            "حيث هاجم عناصر التنظيم حاجزاً لقوات النظام قرب مدينة السخنة أمس، ما أدى إلى مقتل جنديين.")
    ev = only(text)
    assert ev.fatalities == 2 and ev.event_date == "2023-03-14"


def test_multi_incident_sentence_is_split_at_connectives():
    text = ("هاجم مسلحون حاجزاً لقسد في بلدة ذيبان، ما أدى إلى إصابة عنصر، "
            "بالتزامن مع هجوم آخر في بلدة الشحيل أسفر عن مقتل مدني.")
    evs = events(text)
    assert len(evs) == 2
    assert evs[1].actor1 == evs[0].actor1  # "هجوم آخر": the same attackers' series
    assert evs[1].fatalities == 1 and evs[1].civilian_targeting


def test_wedat_meaning_in_the_middle_of_does_not_split():
    # "وسط بلدة" is "in the centre of the town", not the connective "amid".
    ev = only("هاجم عناصر داعش حاجزاً لقسد وسط بلدة الحصان أمس.")
    assert ev.location_ar and "الحصان" in ev.location_ar


# --- types ----------------------------------------------------------------------------------

def test_shelling_civilians_is_explosions_with_civilian_targeting():
    ev = only("قصفت قوات النظام بقذائف الهاون مدينة أريحا أمس، ما أدى إلى مقتل مدنيين اثنين.")
    assert (ev.event_type, ev.sub_event_type) == ("Explosions/Remote violence", "Shelling/artillery/missile attack")
    assert ev.civilian_targeting and ev.fatalities == 2


def test_ied_then_gunfire_on_soldiers_is_an_armed_clash_with_ied_kept():
    ev = only("انفجرت عبوة ناسفة بدورية لقوات النظام قرب مدينة السخنة أمس، قبل أن يهاجمها عناصر داعش بالأسلحة الرشاشة.")
    assert (ev.event_type, ev.sub_event_type) == ("Battles", "Armed clash")
    assert "IED" in ev.weapons


def test_defused_ied_is_disrupted_weapons_use_not_an_explosion():
    ev = only("فككت فرق الهندسة عبوة ناسفة على طريق في مدينة الرقة صباح اليوم.")
    assert ev.sub_event_type == "Disrupted weapons use"


def test_shooting_at_protesters_is_excessive_force():
    ev = only("قُتل متظاهر برصاص عناصر الأمن أثناء مظاهرة في مدينة السويداء أمس.")
    assert (ev.event_type, ev.sub_event_type) == ("Protests", "Excessive force against protesters")
    assert ev.actor1 == "Protesters (Syria)"


def test_riot_actor_is_rioters():
    ev = only("اقتحم محتجون غاضبون مبنى المحافظة في مدينة السويداء أمس وأضرموا النار فيه.")
    assert ev.event_type == "Riots" and ev.actor1 == "Rioters (Syria)"


def test_abduction_victims_default_to_civilians():
    ev = only("اختطف مسلحون مجهولون صيدلانياً في مدينة طفس أمس.")
    assert ev.sub_event_type == "Abduction/forced disappearance"
    assert ev.actor1 == "Unidentified Armed Group (Syria)" and ev.actor2 == "Civilians (Syria)"


# --- roles ----------------------------------------------------------------------------------

def test_agent_marker_after_passive():
    ev = only("تعرض رتل تابع لقوات النظام لكمين نفذه عناصر تنظيم داعش قرب مدينة السخنة أمس.")
    assert (ev.actor1, ev.actor2) == ("Islamic State (Syria)", "Military Forces of Syria (2000-)")


def test_weapon_owner_adjective_is_the_attacker():
    ev = only("استهدفت طائرة مسيرة تركية سيارة تابعة لقوات سوريا الديمقراطية قرب القامشلي أمس، ما أدى إلى مقتل عنصرين.")
    assert (ev.actor1, ev.actor2) == ("Military Forces of Turkey (2016-)", "QSD: Syrian Democratic Forces")
    assert ev.fatalities == 2  # dual noun "عنصرين"


def test_territory_owner_is_not_a_party():
    ev = only("هاجم مسلحون مجهولون منزل مدني في مناطق سيطرة قسد ببلدة الشحيل أمس.")
    assert ev.actor2 != "QSD: Syrian Democratic Forces"


def test_coordinated_patients_are_associated_actors():
    ev = only("هاجم عناصر داعش مواقع قوات النظام والميليشيات الإيرانية في بادية البوكمال أمس.")
    assert ev.actor2 == "Military Forces of Syria (2000-)" and ev.assoc_actor_2 == ["Militia (Pro-Iran)"]


def test_english_on_sunday_is_not_a_target_marker():
    ev = only("Nine civilians were killed on Sunday when Russian warplanes struck a market in Jisr al-Shughur.")
    assert ev.actor1 == "Military Forces of Russia (2000-)" and ev.actor2 == "Civilians (Syria)"


# --- counts ---------------------------------------------------------------------------------

def test_vague_count_uses_the_one_rule():
    ev = only("هاجم عناصر داعش حاجزاً لقسد في بلدة ذيبان أمس، ما أدى إلى إصابة عدد من العناصر.")
    assert ev.injuries == 3 and ev.fatalities == 0


def test_killed_and_wounded_with_one_vague_number_sets_both():
    ev = only("هاجم عناصر داعش رتلاً لقوات النظام قرب السخنة أمس، ما أدى إلى مقتل وإصابة عدد من العناصر.")
    assert (ev.fatalities, ev.injuries) == (3, 3)


def test_a_year_is_not_a_casualty_count():
    ev = only("قتل 3 مدنيين بقصف لقوات النظام على مدينة أريحا في آذار 2023.")
    assert ev.fatalities == 3


def test_negated_injuries_are_zero_not_missing():
    ev = only("قصفت قوات النظام مدينة أريحا أمس دون وقوع إصابات.")
    assert ev.fatalities == 0


# --- dates and places -----------------------------------------------------------------------

def test_relative_date_without_publication_date_is_null_with_warning():
    res = extract_article(Article(text="هاجم عناصر داعش حاجزاً لقسد في بلدة ذيبان أمس."))
    assert res.events and res.events[0].event_date is None
    assert res.warnings


def test_no_date_in_text_is_publication_date_week_precision():
    ev = only("هاجم عناصر داعش حاجزاً لقسد في بلدة ذيبان بالأسلحة الرشاشة.")
    assert (ev.event_date, ev.time_precision) == ("2023-03-15", 2)


def test_a_headline_told_again_with_its_day_takes_the_day_precision():
    # The headline gives no day (the report's days: precision 2); the body's "صباح اليوم" does,
    # and the two are one event.
    ev = only("مقتل ثلاثة مدنيين بقصف مدفعي لقوات النظام على بلدة الأتارب\n\n"
              "قتل ثلاثة مدنيين صباح اليوم جراء قصف مدفعي لقوات النظام على بلدة الأتارب بريف حلب الغربي.")
    assert (ev.event_date, ev.time_precision) == (PUB.isoformat(), 1)
    # With no day anywhere, the report's days stay precision 2.
    ev = only("مقتل ثلاثة مدنيين بقصف مدفعي لقوات النظام على بلدة الأتارب\n\n"
              "قتل ثلاثة مدنيين جراء قصف مدفعي لقوات النظام على بلدة الأتارب بريف حلب الغربي.")
    assert ev.time_precision == 2


def test_two_separate_attacks_in_two_places_are_two_events():
    evs = events("شن عناصر داعش هجومين منفصلين على مواقع النظام في بادية ديرالزور الغربية وبادية البوكمال أمس.")
    assert len(evs) == 2 and evs[0].location != evs[1].location


def test_place_named_later_in_the_sentence_is_not_the_incident_place():
    ev = only("هاجم عناصر داعش حاجزاً لقوات النظام قرب مدينة السخنة أمس، قبل أن ينسحبوا باتجاه عمق البادية السورية.")
    assert ev.location_ar and "السخنة" in ev.location_ar


def test_evidence_offsets_index_the_original_text():
    text = "هاجمَ عناصرُ داعـــش، أمس، حاجزاً لـ”قسد” في بلدة ذيبان، ما أدى إلى مقتل عنصرين."
    ev = only(text)
    for spans in ev.evidence.values():
        for sp in spans:
            assert text[sp.start:sp.end] == sp.text


def test_mixed_language_article_reads_each_paragraph_in_its_language():
    text = ("هاجم عناصر داعش حاجزاً لقسد في بلدة ذيبان أمس، ما أدى إلى مقتل ثلاثة عناصر.\n"
            "In a statement, the SDF said two of its fighters were wounded when IS gunmen attacked "
            "a checkpoint in Hajin on Monday.")
    evs = events(text)
    assert [e.language for e in evs] == ["ar", "en"]
    assert evs[0].fatalities == 3 and evs[1].injuries == 2
    assert evs[1].event_date == "2023-03-13"


def test_toll_in_a_following_clause_adds_to_the_incident():
    ev = only("انفجر لغم أرضي بسيارة مدنية قرب مدينة السخنة صباح اليوم، فيما أصيب اثنان آخران بجروح خطيرة.")
    assert ev.injuries == 2


def test_anniversary_of_an_explosion_is_not_a_new_event():
    ev = only("نظم أهالي ضحايا انفجار المرفأ مسيرة سلمية وسط بيروت اليوم في الذكرى الثالثة للانفجار.")
    assert ev.event_type == "Protests"


def test_reporting_source_is_not_a_party():
    ev = only("Unknown assailants threw a hand grenade at a house in Jarablus on Friday, wounding two people, according to the city's police.")
    assert ev.actor2 != "Police Forces of Syria (2000-)"


def test_vague_people_yield_to_an_armed_target():
    ev = only("Sixteen people were killed on Monday when IS militants attacked army positions near Palmyra.")
    assert ev.actor2 == "Military Forces of Syria (2000-)" and ev.event_type == "Battles"


def test_past_year_only_clause_is_history():
    assert events("وفي عام 2004 حاول مسلحون اغتيال الوزير في بيروت.", published=dt.date(2023, 3, 15)) == []


def test_defused_car_bomb_in_english():
    ev = only("The SDF said on Sunday that its forces defused a car bomb parked near the Ghweiran prison in Hasakah.")
    assert ev.sub_event_type == "Disrupted weapons use"


def test_country_of_a_single_country_actor_outside_the_gazetteer():
    ev = only("قصفت ميليشيا الحوثي بقذائف الهاون حي الروضة وسط مدينة تعز أمس، ما أسفر عن مقتل طفل.")
    assert ev.actor1 == "Ansar Allah" and ev.country == "Yemen" and ev.actor2 == "Civilians (Yemen)"


def test_claim_of_responsibility_names_actor_1():
    evs = events("Two suicide bombers blew themselves up in a market in Baghdad on Thursday, killing 32 people. "
                 "Islamic State claimed responsibility for the attack.")
    assert len(evs) == 1 and evs[0].actor1 == "Islamic State (Iraq)"


def test_english_possessive_actor():
    ev = only("HTS's artillery shelled regime positions in Maarat al-Numan on Monday.")
    assert ev.actor1 == "HTS: Hayat Tahrir al Sham" and ev.actor2 == "Military Forces of Syria (2000-)"


def test_joined_counts_add_up():
    ev = only("قتل ٦ عناصر من قوات النظام و٣ من عناصر تنظيم داعش في اشتباكات قرب مدينة تدمر أمس.")
    assert ev.fatalities == 9


def test_victims_noun_counts_the_number_before_it():
    ev = only("ارتفعت حصيلة الاشتباكات في مدينة السخنة أمس إلى 55 قتيلاً و146 جريحاً.")
    assert (ev.fatalities, ev.injuries) == (55, 146)


def test_martyrs_square_is_not_a_toll():
    ev = only("تظاهر المئات اليوم في ساحة الشهداء وسط مدينة السويداء مطالبين بالإفراج عن المعتقلين.")
    assert ev.event_type == "Protests" and ev.fatalities == 0


def test_execution_counts_the_victim_not_the_killers():
    ev = only("أعدم عناصر من تنظيم داعش أمس راعي أغنام في بادية بلدة الكسرة بريف دير الزور الغربي.")
    assert ev.fatalities == 1 and ev.actor1 == "Islamic State (Syria)"


# --- more rules, each with the text that is its reason ---------------------------------------

def test_light_verb_makes_a_noun_a_report():
    # "شن الطيران الحربي الروسي أكثر من عشرين غارة": no toll, no date, but a verb of doing.
    ev = only("شن الطيران الحربي الروسي أكثر من عشرين غارة جوية على مواقع لداعش في بادية الرصافة.")
    assert ev.sub_event_type == "Air/drone strike" and ev.actor1 == "Military Forces of Russia (2000-)"


def test_reference_after_in_response_to_is_not_an_event():
    evs = events("Local gunmen attacked regime checkpoints east of Daraa on Thursday, in response to "
                 "the regime's shelling of Daraa al-Balad.")
    assert [e.sub_event_type for e in evs] == ["Armed clash"]


def test_monthly_statistics_are_not_an_event():
    assert events("SNHR documented the deaths of 76 civilians and 205 arbitrary arrests in its monthly report issued on Tuesday.") == []


def test_semicolons_separate_incidents_in_a_roundup():
    evs = events("Security roundup, Monday: ISIS militants attacked an army post near Balad, killing a soldier; "
                 "an IED hit a PMF vehicle near Miqdadiyah, injuring two fighters.")
    assert len(evs) == 2 and evs[1].sub_event_type == "Remote explosive/landmine/IED"


def test_the_latter_refers_to_the_last_named_actor():
    ev = only("تشهد مناطق سيطرة قوات سوريا الديمقراطية انفلاتاً أمنياً، وقامت الأخيرة بسحب عدد كبير من حواجزها العسكرية.")
    assert ev.actor1 == "QSD: Syrian Democratic Forces" and ev.sub_event_type == "Change to group/activity"


def test_an_ally_is_an_associated_actor_not_a_target():
    ev = only("US-led coalition forces, backed by SDF fighters, carried out an airborne raid on the village of "
              "Abu Hammam on Thursday, arresting three suspected Islamic State members.")
    assert ev.actor1 == "Global Coalition Against Daesh" and ev.actor2 != "QSD: Syrian Democratic Forces"


def test_a_grenade_on_a_house_targets_civilians():
    ev = only("ألقى مجهول قنبلة يدوية على منزل أحد وجهاء بلدة داعل ليل السبت.")
    assert ev.sub_event_type == "Grenade" and ev.actor2 == "Civilians (Syria)"


def test_a_road_between_two_towns_is_one_place():
    ev = only("انفجرت عبوة ناسفة اليوم بسيارة عسكرية على الطريق الواصل بين مدينة درعا وبلدة طفس، ما أدى إلى مقتل عنصرين.")
    assert ev.fatalities == 2


def test_opening_governorate_yields_to_the_town_where_it_happened():
    ev = only("وفي محافظة درعا، اختطف مسلحون مجهولون صيدلانياً في مدينة طفس مساء أمس.")
    assert ev.location_ar and "طفس" in ev.location_ar


def test_verb_without_where_when_weapon_or_toll_is_opinion():
    assert events("قال المحلل إن التنظيم هاجم خصومه مراراً وسيبقى كذلك.") == []


def test_verb_in_a_relative_clause_names_a_known_incident():
    assert events("ودانت الحكومة الهجوم الذي استهدف الكنيسة.") == []


def test_riot_police_intervening_in_a_protest():
    ev = only("تظاهر المئات أمام مبنى المحافظة في مدينة البصرة اليوم، وأطلقت قوات مكافحة الشغب الغاز المسيل للدموع لتفريقهم.")
    assert ev.sub_event_type == "Protest with intervention" and ev.actor2 == "Police Forces of Iraq (2020-)"


def test_clash_casualties_are_not_civilian_targeting():
    ev = only("At least 27 people were killed in clashes between two rival armed groups in Tripoli on Tuesday.")
    assert ev.event_type == "Battles" and not ev.civilian_targeting


def test_the_reporters_place_is_not_the_incident_place():
    ev = only("قال مصدر في شرطة كركوك إن عبوة ناسفة انفجرت مساء أمس بدورية للجيش العراقي في قضاء الحويجة، ما أدى إلى مقتل جنديين.")
    assert ev.location_ar == "الحويجة"


def test_interception_told_with_a_strike_is_part_of_it():
    ev = only("Israeli jets struck targets near Damascus international airport early on Monday, Syrian state "
              "media reported, adding that air defences intercepted most of the missiles.")
    assert ev.sub_event_type == "Air/drone strike" and ev.actor1 == "Military Forces of Israel (2021-)"


def test_an_explosion_outranks_the_verb_struck():
    ev = only("A roadside explosion struck a Russian military patrol on the M4 highway near Ariha, wounding three Russian soldiers.")
    assert ev.sub_event_type == "Remote explosive/landmine/IED" and ev.injuries == 3


def test_active_casualty_verb_keeps_its_subject_as_actor_1():
    ev = only("Syrian government shelling killed two civilians in the village of Kafr Nouran on Wednesday.")
    assert ev.actor1 == "Military Forces of Syria (2000-)" and ev.actor2 == "Civilians (Syria)"


def test_probe_reports_in_arabic():
    # Phrasings written while checking generalisation (none from the gold sets).
    ev = only("لقي ثلاثة مدنيين حتفهم وأصيب آخرون جراء قصف مدفعي لقوات النظام استهدف بلدة سرمين شرقي إدلب، صباح اليوم.")
    assert (ev.actor1, ev.actor2, ev.fatalities, ev.injuries) == ("Military Forces of Syria (2000-)", "Civilians (Syria)", 3, 2)
    ev = only("اغتال مجهولون، الليلة الماضية، مختار قرية الطيبة في ريف درعا الشرقي بإطلاق النار عليه أمام منزله.")
    assert ev.fatalities == 1 and ev.actor2 == "Civilians (Syria)"
    ev = only("نفذت قوات الأمن الداخلي «الأسايش» حملة دهم واعتقالات في حي غويران بمدينة الحسكة، طالت 12 شاباً.")
    assert ev.sub_event_type == "Arrests" and ev.actor1 == "Asayish (Syria)"
    ev = only("نظم العشرات من أهالي مدينة جرمانا وقفة احتجاجية أمام مبنى البلدية للمطالبة بتحسين واقع الكهرباء.")
    assert ev.sub_event_type == "Peaceful protest"


def test_probe_reports_in_english():
    # Phrasings written while checking generalisation (none from the gold sets).
    ev = only("Three members of the regime's 4th Division were killed when their car hit a landmine near Mayadin on Sunday.")
    assert (ev.actor1, ev.actor2, ev.fatalities) == ("Unidentified Armed Group (Syria)",
                                                     "Military Forces of Syria (2000-) 4th Armored Division", 3)
    ev = only("Hundreds of Sadrist supporters stormed the Swedish embassy in Baghdad early on Thursday and set part "
              "of it on fire, in protest at a Koran burning in Stockholm.")
    assert (ev.event_type, ev.actor1) == ("Riots", "Rioters (Iraq)")
    ev = only("Houthi forces fired a ballistic missile at Marib city on Friday, killing two children.")
    assert (ev.sub_event_type, ev.actor1, ev.fatalities) == ("Shelling/artillery/missile attack", "Ansar Allah", 2)


def test_probe_roles_in_arabic():
    # Phrasings written while checking generalisation (none from the gold sets).
    ev = only("أصيب ثلاثة مدنيين بجروح جراء استهداف قوات سوريا الديمقراطية بقذائف الهاون قرية عون الدادات شمالي منبج.")
    assert (ev.actor1, ev.actor2, ev.injuries) == ("QSD: Syrian Democratic Forces", "Civilians (Syria)", 3)
    ev = only("داهمت دورية تابعة لهيئة تحرير الشام منزل ناشط إعلامي في مدينة سرمدا أمس واعتقلته.")
    assert (ev.sub_event_type, ev.actor1) == ("Arrests", "HTS: Hayat Tahrir al Sham")
    ev = only("تعرضت دورية روسية لهجوم بعبوة ناسفة على الطريق الدولي قرب بلدة عين عيسى أمس، دون وقوع إصابات.")
    assert ev.actor2 == "Military Forces of Russia (2000-)" and ev.injuries == 0


def test_probe_detection_in_arabic():
    # Phrasings written while checking generalisation (none from the gold sets).
    ev = only("أقدم مسلحون مجهولون على قتل راعي أغنام في بادية السخنة أمس وسرقة مواشيه.")
    assert (ev.sub_event_type, ev.fatalities) == ("Attack", 1)
    ev = only("سقط صاروخان على محيط مطار أربيل الدولي مساء أمس دون أن يسفرا عن إصابات.")
    assert ev.sub_event_type == "Shelling/artillery/missile attack" and ev.country == "Iraq"
    ev = only("ضربت طائرة مسيرة مجهولة شاحنات تنقل أسلحة للميليشيات الإيرانية قرب البوكمال أمس.")
    assert (ev.sub_event_type, ev.actor1) == ("Air/drone strike", "Unidentified Military Forces")
    ev = only("قضى ثلاثة أطفال بانفجار جسم من مخلفات الحرب أثناء لعبهم في حي الراشدين بحلب أمس.")
    assert (ev.sub_event_type, ev.fatalities) == ("Remote explosive/landmine/IED", 3)
    ev = only("تجددت الاحتجاجات في مدينة السويداء لليوم الثالث على التوالي رفضاً لرفع أسعار المحروقات.")
    assert ev.sub_event_type == "Peaceful protest"
    ev = only("نجا قيادي في الفرقة الرابعة من محاولة اغتيال بعبوة ناسفة استهدفت سيارته في مدينة درعا أمس.")
    assert ev.actor2 == "Military Forces of Syria (2000-) 4th Armored Division"


def test_killing_noun_alone_is_a_reference():
    # "قتل" names an incident only with a doer or a verb of doing: a bare mention is history.
    assert events("وقتل 76 صحافيا عراقيا منذ الغزو.") == []


def test_probe_english_arson_accidents_and_reporters():
    # Phrasings written while checking generalisation (none from the gold sets).
    ev = only("Masked men set fire to a shop owned by a Christian family in Qamishli overnight, police said.")
    assert (ev.sub_event_type, ev.actor1) == ("Looting/property destruction", "Unidentified Armed Group (Syria)")
    assert events("Five people, including two children, were injured when a gas cylinder exploded in a house in Homs on Friday.") == []
    ev = only("Rival tribes exchanged gunfire in the village of Ziban in eastern Deir ez-Zor on Monday over a land dispute, leaving two dead.")
    assert (ev.sub_event_type, ev.actor1) == ("Armed clash", "Unidentified Tribal Militia (Syria)")


def test_number_inside_including_is_not_the_total():
    ev = only("Seven people, including two children, were injured when a car bomb exploded in Azaz on Friday.")
    assert ev.injuries == 7


def test_probe_arabic_names_duals_grievances():
    # Phrasings written while checking generalisation (none from the gold sets).
    ev = only("أعلنت قيادة العمليات المشتركة العراقية مقتل ثلاثة إرهابيين بضربة جوية في جبال حمرين أمس.")
    assert (ev.sub_event_type, ev.actor1, ev.fatalities) == ("Air/drone strike", "Military Forces of Iraq (2020-)", 3)
    ev = only("شهدت مدينة عدن أمس اشتباكات بين فصيلين من قوات الحزام الأمني أسفرت عن سقوط قتيلين.")
    assert ev.fatalities == 2  # "قتيلين": the victims' noun is a dual
    ev = only("أحرق محتجون غاضبون مقر حزب الدعوة في مدينة الناصرية أمس احتجاجاً على مقتل متظاهر.")
    assert (ev.event_type, ev.actor1, ev.fatalities) == ("Riots", "Rioters (Iraq)", 0)
    ev = only("قتل مدنيان برصاص قناص حوثي في حي الجحملية بمدينة تعز أمس.")
    assert (ev.actor1, ev.actor2, ev.fatalities) == ("Ansar Allah", "Civilians (Yemen)", 2)


@pytest.mark.parametrize("text", [
    "قصفت قوات النظام بلدة طفس وبلدة اليادودة بريف درعا الغربي أمس.",
    "قصفت قوات النظام بلدة طفس وفي بلدة اليادودة بريف درعا الغربي أمس.",
    "Regime forces shelled the town of Tafas and the town of al-Yadudah in western Daraa yesterday.",
])
def test_places_joined_by_and_are_one_event_each(text):
    # Why: ACLED codes one event per location; "X and (in) Y" at the same level names two places
    # hit by one act (kb/function_words.csv, kind place_and). A comma alone does not split unless
    # the incident is marked as several.
    assert [e.location for e in events(text)] == ["Tafas", "Al Yadudah"]
    assert [e.location for e in events(text.replace(" وبلدة", "، بلدة").replace(" وفي بلدة", "، بلدة")
                                       .replace(" and the town", ", the town"))] == ["Tafas"]


def test_weapons_between_the_act_and_its_role_marker():
    # "opened fire with live ammunition and tear gas on protesters": the weapons do not unbind
    # "on" from the act, so the protesters are whom the fire was opened on.
    ev = only("Security forces opened fire with live ammunition and tear gas on protesters in Nasiriyah "
              "on Friday, killing five people.")
    assert (ev.event_type, ev.sub_event_type, ev.actor1) == (
        "Protests", "Excessive force against protesters", "Protesters (Iraq)")
    # Without weapons in the gap the marker still needs to touch the act: "on Friday" is a date.
    ev = only("Gunmen opened fire in the market of Nasiriyah on Friday, killing two people.")
    assert ev.actor2 == "Civilians (Iraq)"


def test_a_reference_noun_with_a_doer_after_by_is_a_report():
    # "the rape of a woman by two members of X" names its doer after "by": with a place and a
    # date of its own it reports an incident; without the doer it stays history.
    ev = only("STJ documented the rape of a Kurdish woman by two members of the Sultan Murad Division in "
              "the town of Shaykh al-Hadid in Afrin on 12 March 2022.")
    assert (ev.sub_event_type, ev.actor1) == ("Sexual violence", "Sultan Murad Division")
    assert events("The rape of Kurdish women remains a taboo in Afrin, activists say.") == []


def test_a_raid_told_in_an_after_clause_is_part_of_the_incident():
    # "…, after they raided her house": how the incident came about, not a second event; an
    # "after" clause with an actor of its own is not absorbed.
    evs = events("Gunmen shot dead a teacher in the town of Shaykh al-Hadid in Afrin on Monday, "
                 "after they raided her house at night.")
    assert [(e.sub_event_type, e.fatalities) for e in evs] == [("Attack", 1)]
    evs = events("Gunmen shot dead a teacher in the town of Shaykh al-Hadid in Afrin on Monday, "
                 "after the police arrested her brother.")
    assert sorted(e.sub_event_type for e in evs) == ["Arrests", "Attack"]


def test_a_second_remote_weapon_with_its_own_place_is_a_second_incident():
    # Shelling of one town and an air strike on another, in one sentence, are two events; the
    # date told with the first governs the second; "Israeli artillery" names the army.
    evs = events("Israeli artillery shelled the town of Aitaroun on Monday afternoon, and an Israeli airstrike "
                 "destroyed a house in the town of Yaroun.")
    assert [(e.sub_event_type, e.location, e.actor1, e.event_date) for e in evs] == [
        ("Shelling/artillery/missile attack", "Aitaroun", "Military Forces of Israel (2021-)", "2023-03-13"),
        ("Air/drone strike", "Yaroun", "Military Forces of Israel (2021-)", "2023-03-13")]
    # Two means of one strike on one place stay one event.
    assert len(events("Israeli drones and artillery shelled the town of Yaroun on Monday.")) == 1


def test_attacks_named_as_background_are_no_events():
    # "following recent ISIS attacks", "after days of clashes", "the third such attack": earlier
    # incidents named as the reason or the tally, not reported here.
    evs = events("Peshmerga forces handed over three positions near Makhmur to the Iraqi army on Monday, "
                 "as part of a plan to coordinate security following recent ISIS attacks.")
    assert all(e.event_type == "Strategic developments" for e in evs)
    assert events("It was the third such attack in the area this week.") == []
    assert events("Two rival armed groups in Zawiya signed a ceasefire agreement on Sunday, after days of "
                  "clashes in the city.")[0].event_type == "Strategic developments"
    # A new attack told after "after" is still one.
    assert only("Two soldiers were killed after ISIS militants attacked a checkpoint near Makhmur on Monday."
                ).event_type == "Battles"


def test_gunmen_said_to_belong_to_a_group_are_that_group():
    # "Gunmen believed to belong to IS cells": the named group is the party, not unknown gunmen.
    ev = only("Gunmen believed to belong to IS cells assassinated an SDF member in the town of Al-Busayrah on Monday night.")
    assert ev.actor1 == "Islamic State (Syria)"
    ev = only("Gunmen assassinated an SDF member in the town of Al-Busayrah on Monday night.")
    assert ev.actor1 == "Unidentified Armed Group (Syria)"


def test_a_group_said_to_be_behind_a_killing_is_its_doer():
    # "Camp sources said ISIS cells were behind the killing": attribution told after the fact.
    ev = only("A Syrian woman was found shot dead inside her tent in Al-Hol camp yesterday. "
              "Camp sources said ISIS cells were behind the killing.")
    assert ev.actor1 == "Islamic State (Syria)"


def test_an_actor_named_by_an_adjective_on_its_weapon():
    # "برصاص قناص حوثي", "a Houthi sniper", "المدفعية الإسرائيلية": the adjective names the
    # doer (actor_adjectives.csv); the civilian after unvowelled قتلت ("was killed") is the victim.
    ev = only("قُتلت امرأة، صباح اليوم، برصاص قناص حوثي أثناء جلبها المياه في حي ثعبات شرقي مدينة تعز.")
    assert (ev.actor1, ev.actor2) == ("Ansar Allah", "Civilians (Yemen)")
    ev = only("A Houthi sniper shot dead a woman in the city of Taiz on Monday.")
    assert ev.actor1 == "Ansar Allah"
    ev = only("استهدفت المدفعية الإسرائيلية، صباح اليوم، أطراف بلدة كفركلا بعدد من القذائف.")
    assert ev.actor1 == "Military Forces of Israel (2021-)"
    # An adjective alone, with no weapon or armed party, names no actor.
    ev = only("قُتلت امرأة إسرائيلية برصاص مسلحين مجهولين في مدينة طرابلس.")
    assert ev.actor1.startswith("Unidentified")


def test_residents_in_a_development_without_victims_are_no_actor2():
    # A bomb defused after a resident's tip, a base set up in a school: the civilians named are
    # bystanders, not the side acted upon; an arrest of civilians still has them as actor 2.
    ev = only('فككت فرق الهندسة التابعة لـ"قسد"، صباح اليوم، عبوة ناسفة على جانب طريق وسط مدينة الرقة، بعد بلاغ من أحد السكان.')
    assert (ev.sub_event_type, ev.actor2) == ("Disrupted weapons use", None)
    ev = only("اعتقلت قوات النظام، أمس، عشرات الشبان في مدينة دوما بالغوطة الشرقية.")
    assert (ev.sub_event_type, ev.actor2) == ("Arrests", "Civilians (Syria)")


def test_english_probe_went_off_and_a_titled_victim():
    # "went off" reports an explosion; "killed a senior Kataib Hezbollah commander" counts one.
    ev = only("An explosive device planted in a car went off in the city of Azaz in the northern Aleppo "
              "countryside on Monday, injuring seven civilians.")
    assert (ev.sub_event_type, ev.injuries) == ("Remote explosive/landmine/IED", 7)
    ev = only("A US drone strike killed a senior Kataib Hezbollah commander in eastern Baghdad on Wednesday.")
    assert (ev.actor2, ev.fatalities) == ("Kataib Hezbollah", 1)


def test_a_bombed_mosque_hits_civilians():
    # A mosque, church, bakery or tent hit with no armed target named: the victims are civilians.
    ev = only("ISIS claimed responsibility for a suicide bombing that targeted a Shiite mosque in the Iraqi "
              "city of Kirkuk on Friday, killing 12 worshippers and wounding 30.")
    assert (ev.actor1, ev.actor2, ev.fatalities, ev.injuries) == (
        "Islamic State (Iraq)", "Civilians (Iraq)", 12, 30)


def test_arabic_pronoun_suffix_counts():
    # "ما أدى إلى مقتلهما": the dual suffix counts two; "إصابته" one.
    ev = only("استهدفت طائرة مسيرة مجهولة سيارة تقل قياديين في الحشد الشعبي على طريق القائم الحدودي "
              "غربي الأنبار، ما أدى إلى مقتلهما.")
    assert ev.fatalities == 2
    ev = only("أطلق مسلحون النار على شاب في مدينة طفس، ما أدى إلى إصابته بجروح خطيرة.")
    assert ev.injuries == 1


def test_subject_of_a_light_verb_and_a_marker_inside_the_trigger():
    # "أطلق مسلحون النار على شاب": the gunmen are the subject of أطلق; على ends the trigger
    # "النار على" and makes the young man whom they fired at.
    ev = only("أطلق مسلحون النار على شاب في مدينة طفس.")
    assert (ev.event_type, ev.actor1, ev.actor2) == (
        "Violence against civilians", "Unidentified Armed Group (Syria)", "Civilians (Syria)")


def test_vso_object_after_the_subject_and_dealing_charges():
    # "اعتقلت قسد خمسة شبان": the young men after the subject are whom QSD arrested; "بتهمة
    # التعامل مع خلايا داعش": IS is what they are accused of dealing with, not a party, while
    # "بتهمة الانتماء لداعش" codes the detainees as IS.
    ev = only("اعتقلت قسد خمسة شبان في مدينة البصيرة بتهمة التعامل مع خلايا داعش.")
    assert (ev.actor1, ev.actor2) == ("QSD: Syrian Democratic Forces", "Civilians (Syria)")
    ev = only("اعتقلت شرطة نينوى أربعة مطلوبين بتهمة الانتماء لداعش في مدينة الموصل.")
    assert ev.actor2 == "Islamic State (Iraq)"


def test_battle_sides_are_armed():
    # "Three people were killed in clashes between two tribes": no side is civilian, and both
    # sides are tribal militias; "between rival armed groups" likewise two unidentified groups.
    ev = only("Three people were killed in armed clashes between two tribes in the city of Amarah on Sunday.")
    assert (ev.actor1, ev.actor2) == ("Unidentified Tribal Militia (Iraq)", "Unidentified Tribal Militia (Iraq)")
    ev = only("اندلعت اشتباكات بين مجموعتين مسلحتين في مدينة الزاوية أمس أسفرت عن مقتل ثلاثة أشخاص.")
    assert ev.actor2 == ev.actor1 == "Unidentified Armed Group (Libya)"
    # A named second side stays.
    ev = only("Clashes broke out between the SDF and regime forces in the city of Qamishli on Sunday.")
    assert {ev.actor1, ev.actor2} == {"QSD: Syrian Democratic Forces", "Military Forces of Syria (2000-)"}


def test_country_from_an_adjective_when_no_place_is_named():
    # "وزارة الداخلية العراقية" with no place recognised: the event is in Iraq; an adjective in an
    # actor's name ("Turkish drones") says whose forces, not where.
    ev = only("قالت وزارة الداخلية العراقية إن قواتها قتلت ثلاثة من عناصر داعش في عملية أمنية في وادي حوران.")
    assert ev.country == "Iraq"
    ev = only("Turkish drones struck a car on Monday, killing two PKK members.")
    assert ev.country != "Turkey"
    ev = only("أغارت طائرات حربية مجهولة على مواقع للحرس الثوري الإيراني قرب مدينة البوكمال.")
    assert ev.actor1 == "Unidentified Military Forces"


def test_arabic_probe_fire_suffixes_and_grievances():
    # "بنيران قوات الاحتلال" reports shooting; "سائقها", "والده" are persons with a suffix;
    # "اغتيل مختار" counts one dead; road-blocking with burning tyres is a protest; the arrest a protest is
    # against ("احتجاجاً على اعتقال") is no intervention.
    ev = only("استشهد طفل وأصيب والده بنيران قوات الاحتلال في بلدة بيت جن بريف دمشق الغربي.")
    assert (ev.actor1, ev.fatalities, ev.injuries) == ("Military Forces of Israel (2021-)", 1, 1)
    ev = only("انفجرت عبوة ناسفة بسيارة مدنية في مدينة عفرين ما أدى لمقتل سائقها.")
    assert (ev.fatalities, ev.actor2) == (1, "Civilians (Syria)")
    assert only("اغتيل مختار قرية الحراك بريف درعا الشرقي برصاص مجهولين أمام منزله.").fatalities == 1
    ev = only("قطع محتجون الطريق الدولي دمشق - السويداء، أمس، بالإطارات المشتعلة احتجاجاً على تردي الأوضاع المعيشية.")
    assert ev.event_type == "Protests"
    ev = only("نفذ أهالي بلدة المزيريب إضراباً عاماً وأغلقوا محلاتهم احتجاجاً على اعتقال شبان من البلدة.")
    assert ev.sub_event_type == "Peaceful protest"
    ev = only("تعرضت نقطة عسكرية تركية في ريف حلب الغربي لقصف مدفعي من قوات النظام دون وقوع إصابات.")
    assert (ev.actor1, ev.actor2) == ("Military Forces of Syria (2000-)", "Military Forces of Turkey (2016-)")


def test_burning_tyres_and_a_foreign_village_namesake():
    # Burning tyres to block a road is a demonstration, not destruction of property.
    ev = only("Protesters set fire to tyres and blocked the main road in the city of Nasiriyah on Monday.")
    assert (ev.event_type, ev.sub_event_type) == ("Protests", "Peaceful protest")
    # Iraqi forces "in the Hamrin mountains": the Syrian village Hamran is no match; the event is
    # in the actors' country with its place unknown.
    ev = only("Iraqi counter-terrorism forces killed four ISIS militants in an airstrike in the Hamrin mountains on Sunday.")
    assert (ev.country, ev.actor2, ev.location) == ("Iraq", "Islamic State (Iraq)", None)


def test_soldiers_named_by_nationality():
    # "جنديان تركيان": the adjective on soldiers names their army.
    ev = only("أصيب جنديان تركيان بانفجار لغم أثناء دورية في منطقة رأس العين.")
    assert (ev.actor2, ev.injuries) == ("Military Forces of Turkey (2016-)", 2)


def test_a_new_base_or_position_is_a_headquarters():
    # "استحدثت … موقعاً عسكرياً جديداً", "a new headquarters": Headquarters or base established.
    ev = only("استحدثت القوات السعودية، الأسبوع الماضي، موقعاً عسكرياً جديداً قرب مطار الغيضة في محافظة المهرة شرقي اليمن.")
    assert (ev.sub_event_type, ev.actor1) == ("Headquarters or base established", "Military Forces of Saudi Arabia (2015-)")


def test_english_counts_with_possessives_and_pairs():
    # "wounding his wife and son" is two; "his brother was seriously injured" one; "its driver" one.
    ev = only("Unknown assailants threw a hand grenade at the house of a local council member in the city of "
              "Jarablus on Friday night, wounding his wife and son.")
    assert ev.injuries == 2
    ev = only("A child was killed and his brother was seriously injured on Monday when a landmine exploded "
              "near their home in Tafas.")
    assert (ev.fatalities, ev.injuries) == (1, 1)
    ev = only("An explosive device planted in a civilian car went off in the village of Al-Sha'fah, seriously wounding its driver.")
    assert ev.injuries == 1


def test_repelled_attacks_and_generic_words_inside_triggers():
    # "government forces repelled a Houthi attack": the Houthis attacked.
    ev = only("Government forces repelled a Houthi attack near the town of Hays on Monday, killing several of the attackers.")
    assert (ev.actor1, ev.actor2) == ("Ansar Allah", "Military Forces of Yemen (2016-)")
    # "a new military point": "military" inside the trigger names no actor.
    ev = only("Russian forces set up a new military point on Wednesday near the town of Al-Mansoura, west of Raqqa.")
    assert (ev.sub_event_type, ev.actor1) == ("Headquarters or base established", "Military Forces of Russia (2000-)")


def test_arabic_repel_enemy_army_and_streets():
    # "تصدت الدفاعات الجوية لعدوان إسرائيلي": Israel attacked; "جيش العدو الإسرائيلي" is the
    # Israeli army; "شارع طرابلس بمدينة مصراتة" is a street of Misrata, not Tripoli.
    ev = only("نقلت وكالة سانا عن مصدر عسكري قوله إن الدفاعات الجوية تصدّت، فجر اليوم، لـ”عدوان إسرائيلي” نفذته "
              "طائرات حربية، استهدف بعدة صواريخ مطار دمشق الدولي ومحيطه.")
    assert ev.actor1 == "Military Forces of Israel (2021-)"
    ev = only("أطلق جنود من جيش العدو الإسرائيلي النار باتجاه رعاة في خراج بلدة شبعا، أمس.")
    assert ev.actor1 == "Military Forces of Israel (2021-)" and ev.actor2.startswith("Civilians")
    ev = only("أُصيب أربعة أشخاص بجروح، ليل الأحد، إثر إلقاء مجهول قنبلة يدوية على مقهى شعبي في شارع طرابلس بمدينة مصراتة.")
    assert (ev.location, ev.country) == ("Misrata", "Libya")


def test_violence_against_civilians_always_has_civilians_as_actor2():
    # ACLED codes every violence-against-civilians event with civilians as actor 2, also when the
    # victim is not named as a person ("kidnapped a staff member", "اختطف مجهولون طالباً").
    ev = only("اختطف مسلحون مجهولون، صباح اليوم، طالباً جامعياً من أمام كلية الهندسة في مدينة الزاوية.")
    assert (ev.event_type, ev.actor2) == ("Violence against civilians", "Civilians (Libya)")


def test_warplanes_with_no_owner_are_unidentified_military_forces():
    # Only states fly warplanes: an air strike by unnamed aircraft is coded to Unidentified
    # Military Forces; a drone (armed groups fly them too) stays an unidentified armed group.
    ev = only("Warplanes struck a convoy near Al-Bukamal on Thursday night, killing ten militiamen.")
    assert ev.actor1 == "Unidentified Military Forces"
    ev = only("A drone struck a car near Al-Bukamal on Thursday night, killing two people.")
    assert ev.actor1 == "Unidentified Armed Group (Syria)"


def test_a_suicide_bomber_detonated():
    # "فجر انتحاري سيارة مفخخة": فجر is "detonated" here, not "dawn".
    ev = only("فجر انتحاري سيارة مفخخة أمام مطعم شعبي في مدينة الرمادي.")
    assert ev.sub_event_type == "Suicide bomb"


def test_warplanes_named_by_nationality_and_hostile_drones():
    # "طائرات حربية تركية" is Turkey's air force; "مسيّرة معادية" (hostile drone) is how Lebanese
    # media name Israeli drones; clan and ethnic militias by name.
    ev = only("قصفت طائرات حربية تركية، فجر اليوم، مواقع لمقاتلي حزب العمال الكردستاني في جبال متينا التابعة لقضاء العمادية بمحافظة دهوك.")
    assert (ev.actor1, ev.actor2) == ("Military Forces of Turkey (2016-)", "PKK: Kurdistan Workers Party")
    ev = only("كما استهدفت مسيّرة معادية دراجة نارية في مدينة بنت جبيل، ما أدى إلى استشهاد عنصر في حزب الله.")
    assert ev.actor1 == "Military Forces of Israel (2021-)"
    ev = only("قُتل شخصان في اشتباك مسلح بين أفراد من عشيرتي زعيتر وجعفر في أحد أحياء مدينة بعلبك، ليل أمس.")
    assert ev.actor1 == "Zaiter Clan Militia (Lebanon)"


def test_country_as_a_party_and_drone_shelling_and_series():
    # "صعّدت تركيا من هجماتها": Turkey acts, it is not where the strikes fell; "قصفت مسيّرة
    # أخرى": another drone of the same series, an air strike.
    evs = events("صعّدت تركيا من هجماتها الجوية على مناطق شمال شرقي سوريا، إذ استهدفت طائرة مسيّرة تركية "
                 "محطة تحويل الكهرباء في مدينة عامودا أمس.\\nوفي اليوم التالي، قصفت مسيّرة أخرى حاجزاً لقوات "
                 "الأسايش على مدخل بلدة الدرباسية، ما أسفر عن مقتل عنصرَين.")
    assert [(e.location, e.actor1, e.sub_event_type) for e in evs] == [
        ("Amuda", "Military Forces of Turkey (2016-)", "Air/drone strike"),
        ("Darbasiyah", "Military Forces of Turkey (2016-)", "Air/drone strike")]


def test_destinations_and_construct_names_are_not_the_place():
    # "أثناء محاولته عبور الحدود إلى تركيا … قرب بلدة الدرباسية": where he was going is not where
    # he was shot; "منطقة باب التبانة بطرابلس" is a quarter of Tripoli, not the town الباب.
    ev = only("قُتل شاب من ريف الحسكة برصاص حرس الحدود التركي (الجندرما)، أمس الأحد، أثناء محاولته عبور "
              "الحدود إلى تركيا بطريقة غير شرعية قرب بلدة الدرباسية.")
    assert (ev.location, ev.actor2) == ("Darbasiyah", "Civilians (Syria)")
    ev = only("ألقى مجهول قنبلة يدوية على محل لبيع الهواتف في منطقة باب التبانة بطرابلس، فجر اليوم، ما أدى إلى إصابة شخصين.")
    assert (ev.location, ev.country) == ("Tripoli", "Lebanon")


def test_clans_in_lebanon_and_rival_sides():
    # ACLED names Lebanon's clan militias "Unidentified Clan Militia (Lebanon)" and tribes
    # elsewhere "Unidentified Tribal Militia (X)" (country_actors.csv, role tribal); "rival
    # tribes" are two sides of one kind.
    ev = only("Two people were killed on Monday in an armed clash between two clans in the city of Baalbek.")
    assert ev.actor1 == ev.actor2 == "Unidentified Clan Militia (Lebanon)"
    ev = only("Rival tribes exchanged gunfire in the village of Ziban in eastern Deir ez-Zor on Monday, leaving two dead.")
    assert ev.actor1 == ev.actor2 == "Unidentified Tribal Militia (Syria)"
    ev = only("Villagers and patients were among the dead when a rocket hit the hospital in Azaz on Monday.")
    assert ev.actor2 == "Civilians (Syria)"


def test_who_launched_a_downed_weapon_is_actor2():
    # "أسقطت الدفاعات الجوية طائرة مسيّرة أطلقتها هيئة تحرير الشام": the air defences stopped it,
    # HTS launched it; likewise "a bomb planted by ISIS cells" that the SDF defused.
    ev = only("أسقطت وحدات الدفاع الجوي، فجر اليوم، طائرة مسيّرة أطلقتها “هيئة تحرير الشام” باتجاه الأحياء السكنية "
              "في مدينة محردة بريف حماة الشمالي الغربي.")
    assert (ev.sub_event_type, ev.actor1, ev.actor2) == (
        "Disrupted weapons use", "Military Forces of Syria (2000-)", "HTS: Hayat Tahrir al Sham")
    ev = only("SDF engineers defused a bomb planted by ISIS cells on the road near Raqqa on Monday.")
    assert (ev.actor1, ev.actor2) == ("QSD: Syrian Democratic Forces", "Islamic State (Syria)")
    ev = only("Russian air defences at the Hmeimim airbase shot down two drones launched by militants on Monday night.")
    assert (ev.actor1, ev.actor2) == ("Military Forces of Russia (2000-)", "Unidentified Armed Group (Syria)")


def test_fixed_targets_houthi_drones_and_yemeni_governorates():
    # "استهدف ربيئة للجيش": an outpost after the verb is its object, so the army is attacked;
    # "بالطيران المسير" is a drone; Houthi attacks in Hodeidah are placed in Yemen's Hodeidah,
    # not a Syrian namesake, with the unknown district kept.
    ev = only("استشهد جندي وأصيب اثنان آخران بهجوم إرهابي استهدف ربيئة للجيش في ناحية العظيم شمالي ديالى.")
    assert (ev.actor1, ev.actor2) == ("Unidentified Armed Group (Iraq)", "Military Forces of Iraq (2020-)")
    ev = only("قصفت ميليشيا الحوثي بالطيران المسير مواقع القوات الحكومية في مديرية حيس جنوبي الحديدة.")
    assert (ev.sub_event_type, ev.country, ev.admin1, ev.location_ar) == (
        "Air/drone strike", "Yemen", "Al Hudaydah", "حيس")


def test_strikes_launched_by_named_warships():
    # "شنّت طائرات وسفن حربية أمريكية … ضربات": ضربات with a verb of doing reports strikes; the
    # adjective on the warships names the US. A lone "ضربة" stays ambiguous (a blow).
    ev = only("شنّت طائرات وسفن حربية أمريكية وبريطانية، فجر اليوم الجمعة، ضربات على مواقع لجماعة الحوثي في محافظة الحديدة غربي اليمن.")
    assert (ev.sub_event_type, ev.actor1, ev.actor2) == (
        "Air/drone strike", "Military Forces of the United States (2021-)", "Ansar Allah")
    assert events("وجهت الحكومة ضربة قوية للمهربين بقرار منع التصدير.") == []


def test_singular_verb_before_a_plural_subject():
    # Arabic verbs agree in the singular before their subject: "أضرم محتجون النار" is a riot.
    ev = only("ومساء الخميس، أضرم محتجون النار في مدخل مبنى بلدية طرابلس وسط غياب شبه تام للقوى الأمنية.")
    assert (ev.event_type, ev.actor1) == ("Riots", "Rioters (Lebanon)")


def test_dialect_shooting_wounded_and_svo_shelling():
    # Levantine "قوّصوا على" (shot at); Yemeni "انصاب" (was wounded); "الحوثي قصف": after its
    # subject قصف is the verb "shelled", a report even with the day told a sentence earlier.
    ev = only("مبارح العصر طلعوا ملثمين على موتور وقوّصوا على صاحب محل صرافة بالسوق في بلدة العشارة.")
    assert ev.event_type == "Violence against civilians"
    ev = only("ايش اللي صار بالضالع البارحة؟ الحوثي قصف بالمدفعية قرية حجر شمال المدينة، وانصاب اثنين من الأهالي وتضررت بيوت.")
    assert (ev.actor1, ev.injuries) == ("Ansar Allah", 2)


def test_a_crowd_beating_a_man_to_death_is_mob_violence():
    ev = events("An angry crowd beat a man to death in Basra on Sunday after accusing him of killing a child.")[0]
    assert (ev.sub_event_type, ev.actor1, ev.actor2, ev.fatalities) == (
        "Mob violence", "Rioters (Iraq)", "Civilians (Iraq)", 1)


def test_a_security_unit_arrests():
    # "اعتقلت قوة أمنية ناشطاً": a security unit is the police.
    ev = only("اعتقلت قوة أمنية ناشطاً في مدينة الحسكة أمس.")
    assert (ev.sub_event_type, ev.actor1, ev.actor2) == ("Arrests", "Police Forces of Syria (2000-)", "Civilians (Syria)")


def test_between_x_and_a_y():
    # "between LNA forces and an armed group": a determiner after "and" still joins the second side.
    ev = only("Three people were killed on Monday in clashes between LNA forces and an armed group in the city of Sabha.")
    assert (ev.actor1, ev.actor2) == ("LNA: Libyan National Army", "Unidentified Armed Group (Libya)")


def test_rival_groups_agree():
    # "Two rival armed groups signed a ceasefire agreement": both sides of the agreement alike.
    ev = only("Two rival armed groups in Zawiya signed a ceasefire agreement on Sunday.")
    assert (ev.sub_event_type, ev.actor1, ev.actor2) == (
        "Agreement", "Unidentified Armed Group (Libya)", "Unidentified Armed Group (Libya)")


def test_the_body_and_the_party_refer_back():
    # "الهيئة", "الحزب", "الحركة" refer back to the named body whose name holds the word.
    ev = only("اقتحم عناصر الهيئة منزل ناشط في مدينة إدلب أمس واعتقلوه، بعد أيام من انتقاده هيئة تحرير الشام.")
    assert ev.actor1 == "HTS: Hayat Tahrir al Sham"


def test_agreement_parties_are_its_two_sides():
    # "توصلت قسد وقوات النظام إلى اتفاق": the parties joined by و are actor 1 and actor 2.
    ev = only("توصلت “قسد” وقوات النظام، اليوم، إلى اتفاق يقضي بإنهاء الحصار المفروض على حيي الشيخ مقصود والأشرفية في مدينة حلب.")
    assert (ev.sub_event_type, ev.actor1, ev.actor2) == (
        "Agreement", "QSD: Syrian Democratic Forces", "Military Forces of Syria (2000-)")


def test_the_body_announcing_its_arrests_made_them():
    # "أعلن جهاز مكافحة الإرهاب اعتقال أربعة من عناصر داعش": CTS arrested, IS members were arrested.
    ev = only("أعلن جهاز مكافحة الإرهاب، اليوم، اعتقال أربعة من عناصر تنظيم داعش في عملية نوعية نفذها في مدينة كركوك.")
    assert (ev.actor1, ev.actor2) == ("Military Forces of Iraq (2020-) Counter-Terrorism Service", "Islamic State (Iraq)")


def test_a_possessive_ends_an_actor_name():
    # "the Southern Transitional Council's forces": the council is the party, "forces" its head.
    ev = only("Four soldiers of the Southern Transitional Council's forces were killed on Tuesday when an explosive "
              "device planted by Al-Qaeda militants hit their vehicle in the Mudiyah district of Abyan province.")
    assert (ev.actor1, ev.actor2) == ("AQAP: Al Qaeda in the Arabian Peninsula", "STC: Southern Transitional Council")


def test_a_crew_killed_with_no_number_is_the_vague_estimate():
    # "ومقتل طاقمها": deaths are stated, their number is not; the one vague rule applies (3).
    ev = only("استهدف مقاتلو المعارضة بصاروخ موجه دبابة لقوات النظام قرب بلدة كفرنوران أمس، "
              "ما أدى إلى تدميرها ومقتل طاقمها.")
    assert ev.fatalities == 3
    assert [e.text for e in ev.evidence["fatalities"]] == ["ومقتل", "طاقمها"]
    # the fighters of the opposition are actor 1, the regime's tank crew actor 2
    assert (ev.actor1, ev.actor2) == ("Opposition Rebels (Syria)", "Military Forces of Syria (2000-)")
    # A crew that escaped is no casualty.
    ev = only("استهدف مقاتلو المعارضة بصاروخ موجه دبابة لقوات النظام قرب بلدة كفرنوران أمس، "
              "وتمكن طاقمها من الفرار.")
    assert ev.fatalities == 0


def test_a_body_found_with_the_marks_of_a_killing_is_a_killing():
    # "عثر الأهالي على جثة شاب مقتولاً بطلق ناري": ACLED codes the killing, by an unidentified
    # group, one dead.
    ev = only("عثر الأهالي صباح اليوم على جثة شاب مقتولاً بطلق ناري في الرأس على أطراف بلدة الشحيل.")
    assert (ev.event_type, ev.sub_event_type, ev.fatalities) == ("Violence against civilians", "Attack", 1)
    assert ev.actor1.startswith("Unidentified")
    ev = only("وعثر الأهالي أمس على جثة شاب عليها آثار تعذيب قرب بلدة الشحيل.")
    assert ev.fatalities == 1
    # "جثتي شابين مكبلي الأيدي … وعليهما آثار طلقات نارية": two bodies, hands tied, shot.
    ev = only("وعثر صباح اليوم على جثتي شابين مكبلي الأيدي على أطراف بلدة الشحيل، وعليهما آثار طلقات نارية.")
    assert ev.fatalities == 2
    # A body with no mark of violence (a drowning) is no event.
    assert events("وعثر الأهالي أمس على جثة طفل غرق في نهر الفرات قرب بلدة الشحيل.") == []


def test_a_subdistrict_named_for_the_act_beats_the_governorate_that_opened_the_scene():
    # "وفي محافظة دهوك، … قرب ناحية باطوفة": the subdistrict (named by its cue word) is where it
    # happened; the governorate set off by a comma only set the scene.
    ev = only("وفي محافظة دهوك، قصفت طائرة مسيرة تركية أمس سيارة مدنية قرب ناحية باطوفة، ما أدى إلى مقتل شخصين.")
    assert ev.location == "Batufe" and ev.admin2 == "Zakho"
    # A district named where someone withdrew to, after the place of the act, does not.
    ev = only("سيطر عناصر داعش أمس على قرية الباغوز جنوبي محافظة دير الزور، بعد معارك مع قسد، "
              "وسط انسحاب لقسد نحو ناحية هجين.")
    assert ev.location != "Hajin"


def test_a_headline_sums_up_incidents_the_body_tells_again():
    # The title names both incidents; each paragraph tells one with its day and place.
    text = ("مقتل جنديين بهجوم لداعش في الحويجة وغارة تركية في دهوك\n\n"
            "قتل جنديان من الجيش العراقي أمس في هجوم شنه عناصر داعش على نقطة عسكرية في قضاء الحويجة.\n"
            "وفي محافظة دهوك، قصفت طائرة مسيرة تركية أمس سيارة مدنية قرب ناحية باطوفة، ما أدى إلى مقتل شخصين.")
    evs = events(text)
    assert sorted(e.location for e in evs) == ["Al Hawijah", "Batufe"]
    assert all(e.time_precision == 1 for e in evs)
    # A headline incident of a family the body does not report stays.
    evs = events("تظاهر المئات في البصرة أمس للمطالبة بالكهرباء\n\n"
                 "قتل جنديان من الجيش العراقي أمس في هجوم شنه عناصر داعش على نقطة عسكرية في قضاء الحويجة.")
    assert {e.event_type for e in evs} == {"Protests", "Battles"}


def test_a_first_line_ending_like_a_sentence_is_no_headline():
    from rasad.text.segment import headline_end

    assert headline_end("مقتل جنديين بهجوم لداعش في الحويجة\n\nقتل جنديان أمس.") == len("مقتل جنديين بهجوم لداعش في الحويجة")
    assert headline_end("قتل جنديان أمس في الحويجة.\nوأصيب ثالث.") == 0
    assert headline_end("أعلنت القيادة حصيلة عملياتها:\nمقتل ثلاثة.") == 0
    assert headline_end("سطر واحد بلا نص بعده") == 0


def test_a_governorate_named_before_the_place_in_its_sentence_chooses_among_namesakes():
    # The article names Hasakah first; the kidnapping's own sentence opens with Daraa, so Nawa is
    # the town of Daraa, not the village of Homs.
    text = ("A Turkish drone struck a car near Qamishli in Hasakah province on Tuesday.\n"
            "In Daraa, unidentified gunmen kidnapped a pharmacist from his home in the town of Nawa on Monday.")
    nawa = [e for e in events(text) if e.location == "Nawa"]
    assert nawa and nawa[0].admin1 == "Dar'a"
    # A governorate named after the place, where someone was taken, does not choose.
    ev = only("اعتقلت قسد فجر اليوم أربعة شبان من بلدة الحسينية بريف دير الزور ونقلتهم إلى أحد سجونها في الحسكة.")
    assert ev.admin1 == "Deir-ez-Zor"


def test_force_on_the_crowd_told_in_the_next_sentence_is_how_the_protest_was_met():
    text = ("Hundreds of contract workers rallied in Nasiriyah on Thursday, demanding permanent jobs. "
            "Police fired tear gas to disperse them.")
    ev = only(text)
    assert (ev.sub_event_type, ev.actor2) == ("Protest with intervention", "Police Forces of Iraq (2020-)")
    # After a report of something else, the same sentence is not taken for a protest's handling.
    evs = events("Unidentified gunmen shot dead a shopkeeper in Nasiriyah on Thursday. "
                 "Police fired tear gas to disperse them.")
    assert [e.event_type for e in evs] == ["Violence against civilians"]


def test_the_strikes_told_again_name_the_district_inside_the_province():
    # "the strikes targeted the Al-Salif district": the subject names the strikes just told, so
    # no second event; the district it names is the event's admin2.
    ev = only("US and British forces struck Houthi targets in Hodeidah province on Saturday. "
              "The Houthis said the strikes targeted the Al-Salif district.")
    assert (ev.admin1, ev.admin2) == ("Al Hudaydah", "Al-Salif")
    # A new subject is a new incident.
    evs = events("US and British forces struck Houthi targets in Hodeidah province on Saturday. "
                 "Houthi fighters later attacked a government checkpoint in Taiz.")
    assert len(evs) == 2


def test_a_namesake_abroad_set_aside_leaves_the_articles_governorate():
    # "Hamrin" is also a village in Syria; with Iraqi forces acting, the incident is placed by the
    # article's own governorate (Diyala), not left without a place.
    evs = events("Two policemen were killed when a bomb went off near their patrol in Diyala province on Wednesday.\n"
                 "Earlier on Wednesday, Iraqi army aircraft struck an IS hideout in the Hamrin mountains, "
                 "killing four militants.")
    strike = next(e for e in evs if e.fatalities == 4)
    assert strike.admin1 == "Diyala" and strike.country == "Iraq"


def test_a_country_named_with_li_says_whose_side_not_where():
    # "المواليين لتركيا": loyal to Turkey; the clash is in al-Bab, and the article's other places
    # are not taken for Turkish ones.
    text = ("دارت اشتباكات عنيفة أمس بين فصيلي \"السلطان مراد\" و\"الحمزات\" المواليين لتركيا في مدينة الباب.\n"
            "إلى ذلك، انفجر لغم أرضي أمس بمجموعة من رعاة الأغنام في بادية السخنة شرقي حمص، ما أدى إلى مقتل راعٍ.")
    clash, mine = events(text)
    assert (clash.location, clash.actor1, clash.actor2) == ("Al Bab", "Sultan Murad Division", "Hamza Brigade")
    assert (mine.country, mine.admin1, mine.fatalities) == ("Syria", "Homs", 1)  # "راعٍ" is one shepherd
    # A country named with في is where it happened.
    ev = only("قتل ثلاثة جنود أمس في هجوم مسلح في العراق.")
    assert ev.country == "Iraq"


def test_a_place_that_saw_a_protest_reports_it():
    ev = only("في حين شهدت مدينة السويداء وقفة احتجاجية لعشرات المواطنين في ساحة الكرامة.")
    assert (ev.event_type, ev.admin1) == ("Protests", "As-Sweida")
    # "saw a disagreement … about demonstrating" reports no protest.
    assert events("وقال إن الاجتماع شهد خلافا في وجهات النظر بين مؤيدين للتظاهر ومعارضين له.") == []


def test_what_the_killers_rode_stands_between_them_and_the_victim():
    # "اغتال مسلحون مجهولون يستقلون دراجة نارية ضابطاً": the officer after the motorbike is the one
    # killed.
    ev = only("اغتال مسلحون مجهولون يستقلون دراجة نارية ضابطاً أمام منزله في مدينة الرقة أمس.")
    assert ev.fatalities == 1


def test_a_raid_that_killed_is_violence_not_an_arrest():
    ev = only("The SDF said its fighters killed an Islamic State commander during a raid on his hideout "
              "in the town of Diban on Friday.")
    assert (ev.event_type, ev.actor1, ev.actor2, ev.fatalities) == (
        "Battles", "QSD: Syrian Democratic Forces", "Islamic State (Syria)", 1)
    # A raid in which people were taken, nobody killed, stays an arrest.
    ev = only("The SDF arrested three Islamic State suspects during a raid on a house in the town of Diban on Friday.")
    assert ev.sub_event_type == "Arrests"


def test_an_indefinite_act_with_its_doer_and_where_it_fell_is_told_as_it_happened():
    # "قصف مدفعي … لقوات النظام على قرى البارة وكنصفرة": no date or toll, but the doer (ل) and the
    # villages hit make it a report; one event per village listed.
    evs = events("وتزامن القصف الجوي مع قصف مدفعي وصاروخي مكثف لقوات النظام على قرى البارة وكنصفرة والفطيرة.")
    assert sorted(e.location for e in evs) == ["Barah", "Fatirah", "Kansafrah"]
    assert {e.actor1 for e in evs} == {"Military Forces of Syria (2000-)"}
    # The definite noun names shelling already known: "ندد الأهالي بالقصف المدفعي لقوات النظام على قرية البارة".
    assert events("وندد الأهالي بالقصف المدفعي لقوات النظام على قرية البارة.") == []


def test_the_bomb_told_again_as_a_subject_is_the_same_incident():
    # "إن العبوة انفجرت أثناء رعيهم الأغنام": the bomb just told, not a second explosion; the
    # hospital the wounded were taken to is not its place.
    text = ("أفاد مصدر أمني أمس بمقتل راعي أغنام وإصابة اثنين من أشقائه بانفجار عبوة ناسفة في ناحية العلم شرقي تكريت.\n"
            "وقال المصدر إن العبوة انفجرت أثناء رعيهم الأغنام، ونقل الجرحى إلى مستشفى تكريت التعليمي.")
    ev = only(text)
    assert (ev.fatalities, ev.injuries) == (1, 2) and ev.location != "Tikrit"
    # After a preposition the noun is no subject: "during the clashes, NDF members set fire to
    # shops" is an act of its own.
    evs = events("اندلعت اشتباكات أمس بين الأسايش والدفاع الوطني في مدينة القامشلي. "
                 "وخلال المواجهات أضرم عناصر الدفاع الوطني النار في عدد من المحال التجارية.")
    assert len(evs) == 2


def test_the_context_after_a_list_of_villages_places_each_of_them():
    # "the villages of Um Al-Kaif and Tal Shanan in the countryside of Tal Tamr": each village is
    # placed near Tal Tamr (not in the article's first governorate), and two villages the
    # gazetteer lacks, coded near one town, stay two events.
    evs = events("IS cells attacked an SDF checkpoint in Deir ez-Zor on Saturday.\n"
                 "Turkish-backed factions shelled the villages of Um Al-Kaif and Tal Shanan in the countryside "
                 "of Tal Tamr on Saturday.")
    shelling = [e for e in evs if e.sub_event_type == "Shelling/artillery/missile attack"]
    assert len(shelling) == 2 and {e.admin1 for e in shelling} == {"Al-Hasakeh"}


def test_english_active_and_elliptic_tolls_count_their_own_people():
    # "killed a commander and wounded two civilians": the active verb counts its object.
    ev = only("An Israeli drone strike on a car in the town of Nabatieh killed a Hezbollah commander and "
              "wounded two civilians on Monday.")
    assert (ev.fatalities, ev.injuries) == (1, 2)
    # "Two civilians were wounded and a commander killed": the person next to "killed".
    ev = only("Two civilians were wounded and a commander killed in an Israeli drone strike on a car in "
              "Nabatieh on Monday.")
    assert (ev.fatalities, ev.injuries) == (1, 2)
    # A subset is no subject: "Three civilians, including a child, were killed".
    ev = only("Three civilians, including a child, were killed on Saturday when a missile hit a "
              "neighbourhood in the city of Marib.")
    assert ev.fatalities == 3


def test_the_date_of_what_detainees_are_charged_with_is_not_the_arrests():
    ev = only("اعتقلت الشرطة أربعة أشخاص في مدينة الرقة بتهمة قتل ناشط الشهر الماضي.")
    assert (ev.event_date, ev.time_precision) == (PUB.isoformat(), 2)
    ev = only("Police arrested four men in Raqqa suspected of involvement in the killing of an activist last month.")
    assert ev.time_precision == 2
    # The arrest's own date stands.
    ev = only("اعتقلت الشرطة أمس أربعة أشخاص في مدينة الرقة بتهمة قتل ناشط الشهر الماضي.")
    assert (ev.event_date, ev.time_precision) == ("2023-03-14", 1)


def test_english_counts_joined_by_and_before_the_verb_add_up():
    ev = only("Clashes between government forces and STC fighters in Ataq left three soldiers and two "
              "STC fighters dead on Wednesday.")
    assert ev.fatalities == 5
    assert only("Three civilians and a child were killed in shelling on Sarmin on Monday.").fatalities == 4
    # "and" joining two tolls is no sum.
    ev = only("Two soldiers were killed and three wounded in an attack on a checkpoint in Daraa on Monday.")
    assert (ev.fatalities, ev.injuries) == (2, 3)


def test_clashes_between_two_named_sides_are_reported():
    # "دارت اشتباكات متقطعة بين هيئة تحرير الشام وقوات النظام": no date or toll, but who fought
    # whom is told.
    ev = only("وفي ريف إدلب الجنوبي، دارت اشتباكات متقطعة بين هيئة تحرير الشام وقوات النظام على محور كفرنبل.")
    assert (ev.actor1, ev.actor2) == ("HTS: Hayat Tahrir al Sham", "Military Forces of Syria (2000-)")
    # Clashes named as a topic, with no sides, are not.
    assert events("وتحدث الوزير عن الاشتباكات في ريف إدلب الجنوبي.") == []


def test_a_road_named_by_its_end_places_the_incident_near_that_town():
    # "على طريق سرمدا – باب الهوى" with no other spot: near Sarmada (geo_precision 2).
    ev = only("استهدفت طائرة مسيرة لقوات النظام أمس سيارة مدنية على طريق سرمدا – باب الهوى.")
    assert (ev.location, ev.geo_precision) == ("Sarmada", 2)


def test_an_axis_named_after_the_scene_is_near_its_town():
    # "وفي ريف إدلب الجنوبي، … على محور كفرنبل": the front near Kafr Nabl, not the countryside
    # that opened the sentence.
    ev = only("وفي ريف إدلب الجنوبي، دارت اشتباكات متقطعة بين هيئة تحرير الشام وقوات النظام على محور كفرنبل.")
    assert ev.location == "Kafr Nobol" and ev.geo_precision == 2
    # Without the comma that sets the scene apart, the first place told stays the place.
    ev = only("قصفت قوات النظام أمس قرية البارة في ريف إدلب الجنوبي قرب كفرنبل.")
    assert ev.location == "Barah"


def test_yemen_district_in_its_province_a_mother_with_her_suffix_and_a_foiled_attack():
    # "مديرية المنصورة بعدن": the district of Aden (Yemen has no district data), not the Raqqa
    # subdistrict of that name.
    ev = only("اختطف مسلحون مجهولون صباح اليوم تاجراً في مديرية المنصورة بعدن.")
    assert (ev.admin1, ev.admin2) == ("Aden", "Al-Mansura")
    # "وأصيبت والدته": his mother (ة written ت before the suffix) is one person wounded.
    ev = only("قتل طفل وأصيبت والدته أمس جراء قصف مدفعي شنته ميليشيا الحوثي على حي الروضة في مدينة تعز.")
    assert (ev.fatalities, ev.injuries) == (1, 1)
    # "أفشلت القوات المشتركة هجوماً لميليشيا الحوثي على مواقعها": the forces that foiled the
    # attack were its target; the attack noun between them is no apposition.
    ev = only("وفي الضالع، أفشلت القوات المشتركة أمس هجوماً لميليشيا الحوثي على مواقعها في جبهة مريس.")
    assert (ev.event_type, ev.actor1, ev.actor2) == ("Battles", "Ansar Allah", "Military Forces of Yemen (2016-)")


def test_a_date_in_what_a_protest_demands_is_not_its_date():
    ev = only("نفذ مئات الموظفين في عدن وقفة احتجاجية للمطالبة بصرف رواتبهم المتأخرة منذ أربعة أشهر.")
    assert (ev.event_date, ev.time_precision) == (PUB.isoformat(), 2)


def test_a_country_someone_came_from_the_charge_and_gunned_down():
    # "after they returned from Lebanon": where they came from is not the place; Nawa of Daraa is.
    text = ("Gunmen gunned down a local council member in the town of Al-Sanamayn in northern Daraa on Sunday.\n"
            "Regime intelligence detained three young men at a checkpoint at the entrance of Nawa after they "
            "returned from Lebanon.")
    killing, arrest = events(text)
    assert killing.fatalities == 1  # "gunned down a … member"
    assert (arrest.location, arrest.admin1) == ("Nawa", "Dar'a")
    # "a man accused of killing a child": the charge is no toll of the riot.
    ev = only("Angry residents stormed and torched the house of a man accused of killing a child in the "
              "village of Al-Mataiyah, east of Daraa, on Saturday night.")
    assert ev.fatalities == 0


def test_armed_men_who_killed_in_english_did_an_act():
    # "Gunmen killed a man in Al-Sanamayn": "killed" is a toll word, but with armed men right before
    # it, in the active voice, and no other act in the clause, it is the act.
    ev = only("Gunmen killed a man in Al-Sanamayn in northern Daraa on Sunday.")
    assert (ev.actor1, ev.fatalities) == ("Unidentified Armed Group (Syria)", 1)
    ev = only("Islamic State militants killed three shepherds in the desert east of Palmyra on Monday.")
    assert (ev.actor1, ev.actor2, ev.fatalities) == ("Islamic State (Syria)", "Civilians (Syria)", 3)
    # "Israeli strikes killed three people in south Lebanon": a summary of strikes, no act of people.
    assert events("Israeli strikes killed three people in south Lebanon on Friday.") == []


def test_a_crowd_broken_up_was_protesting():
    # "used live ammunition to disperse hundreds of protesters": the protest took place and was met
    # with force.
    ev = only("In Nasiriyah, security forces used live ammunition on Monday to disperse hundreds of protesters, "
              "wounding 12 of them.")
    assert (ev.event_type, ev.actor1) == ("Protests", "Protesters (Iraq)") and ev.injuries == 12
    # Protesters named with no dispersal are people, not a protest taking place.
    assert events("The minister met representatives of the protesters in Nasiriyah on Monday.") == []


def test_force_on_a_crowd_that_tried_to_storm_a_building_met_a_riot():
    ev = only("In Nasiriyah, security forces used live ammunition on Monday to disperse hundreds of protesters "
              "who tried to storm the provincial government building, wounding 12 of them.")
    assert (ev.event_type, ev.actor1) == ("Riots", "Rioters (Iraq)")
    # A peaceful crowd dispersed with tear gas stays a protest with intervention.
    ev = only("In Nasiriyah, police fired tear gas on Monday to disperse hundreds of protesters demanding jobs.")
    assert (ev.event_type, ev.sub_event_type) == ("Protests", "Protest with intervention")


def test_two_air_strikes_in_the_dual():
    # "شنت طائرات التحالف غارتين جويتين": the dual of غارة.
    ev = only("شنت طائرات التحالف الدولي أمس غارتين جويتين على مواقع للتنظيم قرب مدينة البوكمال.")
    assert ev.sub_event_type == "Air/drone strike"


def test_duals_of_incident_nouns_are_incident_words():
    ev = only("وانفجرت أمس عبوتان ناسفتان بدورية لقوات النظام قرب مدينة الصنمين، ما أدى إلى إصابة ثلاثة عناصر.")
    assert (ev.sub_event_type, ev.injuries) == ("Remote explosive/landmine/IED", 3)
    ev = only("وقتل خمسة مدنيين أمس في تفجيرين انتحاريين استهدفا سوقا شعبيا في مدينة كركوك.")
    assert ev.fatalities == 5
    # the dual alone, with no other incident word beside it
    assert events("ووقع انفجاران في مدينة الرقة أمس أسفرا عن مقتل شخصين.")
    assert events("وقتل ثلاثة جنود أمس في كمينين نصبهما مسلحون قرب مدينة الصنمين.")


def test_the_articles_country_chooses_among_namesakes_abroad():
    # A report on Iraq: "غربي الأنبار" is the Iraqi governorate, not a village of Afrin that WOF
    # also lists as "أنبار".
    text = ("قتل عنصر من الحشد الشعبي أمس بهجوم لداعش في قضاء طوز خورماتو شرقي محافظة صلاح الدين.\n"
            "وشنت طائرات التحالف الدولي غارتين جويتين على مواقع للتنظيم في وادي حوران غربي الأنبار.")
    strike = events(text)[-1]
    assert (strike.country, strike.admin1) == ("Iraq", "Al-Anbar")
    # Alone, with nothing to say the country, the reading by the default order stands.
    assert only("وشنت طائرات غارتين جويتين أمس على مواقع في مدينة البوكمال.").country == "Syria"
