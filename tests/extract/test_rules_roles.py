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


def test_victims_named_as_members_of_an_armed_actor():
    ev = events("استهدفت طائرة مسيّرة إسرائيلية، مساء الثلاثاء، سيارة في محيط بلدة خان أرنبة بريف القنيطرة، "
                "ما أدى إلى مقتل شخصين قالت مصادر محلية إنهما عنصران في “حزب الله” اللبناني.")[0]
    assert ev.actor2 == "Hezbollah"
    # with no member word, the people killed stay civilians
    ev = events("استهدفت طائرة مسيّرة إسرائيلية، مساء الثلاثاء، سيارة في محيط بلدة خان أرنبة بريف القنيطرة، "
                "ما أدى إلى مقتل شخصين، بحسب ما أفاد “حزب الله” اللبناني.")[0]
    assert ev.actor2 == "Civilians (Syria)"


def test_an_actor_name_before_a_person_noun_owns_the_person():
    ev = events("An Israeli drone strike on an office in Haret Hreik killed senior Hamas official Saleh "
                "al-Arouri on Tuesday, Lebanese security sources said.")[0]
    assert ev.actor2 == "Hamas Movement"
    ev = events("An Israeli drone strike on a car in Haret Hreik killed a civilian official on Tuesday.")[0]
    assert ev.actor2 == "Civilians (Lebanon)"


def test_unnamed_local_and_militant_groups_are_unidentified_armed_groups():
    ev = events("هاجمت مجموعة محلية مسلحة، مساء السبت، مفرزة للأمن العسكري في مدينة شهبا شمالي السويداء.")[0]
    assert ev.actor1 == "Unidentified Armed Group (Syria)"
    assert ev.actor2 == "Military Forces of Syria (2000-) Military Intelligence"
    ev = events("تجددت الاشتباكات، اليوم، في مخيم عين الحلوة قرب صيدا بين عناصر من حركة فتح ومجموعات إسلامية متشددة، ما أدى إلى مقتل ستة أشخاص.")[0]
    assert ev.actor2 == "Unidentified Armed Group (Lebanon)"


def test_shepherds_and_persons_are_civilians():
    ev = events("قُتل راعيان، أمس، بانفجار لغم أرضي من مخلفات تنظيم داعش قرب قضاء بيجي شمالي صلاح الدين.")[0]
    assert ev.actor2 == "Civilians (Iraq)"
    ev = events("On 28 August 2023, the Lebanese Army arrested 4 persons in Tripoli (North Lebanon).")[0]
    assert ev.actor2 == "Civilians (Lebanon)"


def test_rebels_are_named_only_where_the_country_has_them():
    ev = events("Syrian government forces took control of the Nasib border crossing with Jordan on Friday "
                "after rebels withdrew, state media said.")[0]
    assert ev.actor2 == "Opposition Rebels (Syria)"
    # Chadian rebels in Libya are no Syrian opposition
    evs = events("LNA warplanes struck rebels near Murzuq in southern Libya on Tuesday.")
    assert all(e.actor2 != "Opposition Rebels (Syria)" for e in evs)


def test_forces_of_the_libyan_unity_government():
    ev = events("شنّت طائرات مسيّرة تابعة لحكومة الوحدة الوطنية، أمس، ضربات على مواقع في مدينة الزاوية.")[0]
    assert ev.actor1 == "Military Forces of Libya (2021-)"


def test_the_other_side_of_between_is_actor_2_before_bystanders_named_earlier():
    # The refugees of the camp's name are named first, but the clash is between Fatah and the
    # Islamist groups.
    ev = events("تجددت الاشتباكات، اليوم، في مخيم عين الحلوة للاجئين الفلسطينيين قرب صيدا، بين عناصر من "
                "حركة “فتح” ومجموعات إسلامية متشددة، ما أدى إلى مقتل ستة أشخاص.")[0]
    assert (ev.actor1, ev.actor2) == ("Fatah Movement", "Unidentified Armed Group (Lebanon)")


def test_an_exchange_between_two_governments_forces_is_an_agreement_of_both():
    ev = events("جرت في مدينة سرت، اليوم، عملية تبادل للأسرى بين قوات القيادة العامة والقوات التابعة "
                "لحكومة الوحدة الوطنية، شملت 20 محتجزاً من الطرفين، تنفيذاً لاتفاق توصلت إليه اللجنة العسكرية المشتركة.")[0]
    assert ev.sub_event_type == "Agreement"
    assert (ev.actor1, ev.actor2) == ("LNA: Libyan National Army", "Military Forces of Libya (2021-)")


def test_a_libyan_town_near_a_libyan_city_names_libyan_actors():
    evs = events("Two people were killed on Tuesday in clashes between rival armed groups in the centre of Zawiya. "
                 "On the same day, gunmen abducted a civil servant in the nearby town of Surman as he left his office.")
    assert [e.country for e in evs] == ["Libya", "Libya"]
    assert evs[1].actor2 == "Civilians (Libya)"


def test_a_repelled_infiltration_is_the_infiltrators_act():
    # "مجموعة من" (a group of) stands between the agent marker and the actor like "عدد من".
    ev = events("تصدّت فصائل غرفة عمليات “الفتح المبين” فجر اليوم لمحاولة تسلل نفذتها مجموعة من قوات النظام "
                "على محور كفرنبل جنوبي إدلب، وقتلت أربعة من عناصرها.")[0]
    assert (ev.actor1, ev.actor2) == ("Military Forces of Syria (2000-)", "Al Fath Al Mubeen Operation Room")


def test_a_member_noun_after_the_doers_heads_the_unit_acted_upon():
    # The gunmen are the doers, not the head noun of the 8th Brigade: "عنصراً في" is.
    ev = events("اغتال مسلحون مجهولون، أمس، عنصراً في “اللواء الثامن” بإطلاق النار عليه وسط مدينة جاسم.")[0]
    assert (ev.actor1, ev.actor2) == ("Unidentified Armed Group (Syria)", "Military Forces of Syria (2000-) 8th Brigade")
    # but "عنصر من قسد" with no doer before it is still the SDF's member
    ev = events("قُتل عنصر من قسد، أمس، برصاص قناص في بلدة ذيبان بريف دير الزور الشرقي.")[0]
    assert ev.actor2 == "QSD: Syrian Democratic Forces"


def test_the_side_fought_with_is_actor_2():
    ev = events("دخلت أرتال “هيئة تحرير الشام” مدينة عفرين شمالي حلب، أمس، بعد اشتباكات مع مقاتلي “الفيلق الثالث” "
                "على أطراف المدينة، أسفرت عن سقوط عدد من القتلى من الطرفين.")[0]
    assert (ev.actor1, ev.actor2) == ("HTS: Hayat Tahrir al Sham", "3rd Corps")


def test_a_military_source_is_no_party_and_the_army_regains_territory():
    ev = events("أعلن مصدر عسكري سوري، اليوم الإثنين، أن وحدات الجيش استعادت السيطرة الكاملة على مدينة سراقب في "
                "ريف إدلب الشرقي، بعد معارك عنيفة مع فصائل المعارضة المسلحة أسفرت عن مقتل 12 مسلحاً.")[0]
    assert ev.sub_event_type == "Government regains territory"
    assert (ev.actor1, ev.actor2) == ("Military Forces of Syria (2000-)", "Opposition Rebels (Syria)")


def test_member_words_after_and_keep_the_sides_joined():
    ev = events("Five people were killed in clashes between government forces and fighters of the Southern "
                "Transitional Council near the town of Shuqrah in Abyan province on Monday.")[0]
    assert (ev.actor1, ev.actor2) == ("Military Forces of Yemen (2016-)", "STC: Southern Transitional Council")


def test_a_battle_told_again_less_precisely_is_one_battle():
    evs = events("Five people were killed in clashes between government forces and fighters of the Southern "
                 "Transitional Council near the town of Shuqrah in Abyan province on Monday, local sources said. "
                 "STC forces attacked government positions with tanks, the sources added.")
    assert len(evs) == 1
    # a battle between other sides the same day is another battle
    evs = events("Five people were killed in clashes between government forces and fighters of the Southern "
                 "Transitional Council near the town of Shuqrah in Abyan province on Monday. Houthi fighters "
                 "attacked government positions in Abyan province, the sources added.")
    assert len(evs) == 2


def test_a_generic_head_read_two_ways_still_heads_the_named_actor():
    # "Militants" is both the unidentified role and an anaphor; either way it heads the SNA.
    ev = events("Militants of the Turkish-backed Syrian National Army seized the olive harvest of several "
                "farmers in the Raju district of Afrin on Monday.")[0]
    assert ev.actor1 == "JWS: Syrian National Army"


def test_a_body_reporting_its_own_act_did_it_and_the_arrest_after_it():
    evs = by_sub("Kirkuk police said they had defused a car bomb parked near a market in the city on Monday. "
                 "A suspect was arrested at the scene.")
    assert evs["Disrupted weapons use"].actor1 == "Police Forces of Iraq (2020-)"
    assert evs["Arrests"].actor1 == "Police Forces of Iraq (2020-)"
    # "police said" before someone else's act only reports it
    ev = events("Gunmen shot dead a shopkeeper in Kirkuk on Monday, police said.")[0]
    assert ev.actor1 == "Unidentified Armed Group (Iraq)"


def test_whoever_held_a_captured_area_lost_it():
    ev = events("The US-backed Syrian Democratic Forces declared on Saturday that they had captured Baghouz, "
                "the last sliver of territory held by the Islamic State group.")[0]
    assert (ev.actor1, ev.actor2) == ("QSD: Syrian Democratic Forces", "Islamic State (Syria)")
    # whose area was shelled is only where it happened
    ev = events("Regime forces shelled villages held by HTS in southern Idlib on Monday, killing a child.")[0]
    assert ev.actor2 == "Civilians (Syria)"


def test_military_as_an_adjective_is_no_actor():
    ev = events("The Hamza Division announced on Wednesday that it had left the Third Corps and joined a new "
                "military alliance with the Sultan Suleiman Shah Division.")[0]
    assert ev.actor2 is None


def test_a_victim_before_a_place_and_a_semicolon_heads_no_later_actor():
    evs = events("SNHR documented the following violations on Tuesday: members of the Syrian National Army "
                 "arrested three civilians in Afrin city; the SDF arrested a teacher in the town of Al-Shaddadi.")
    assert [(e.actor1, e.actor2) for e in evs] == [("JWS: Syrian National Army", "Civilians (Syria)"),
                                                   ("QSD: Syrian Democratic Forces", "Civilians (Syria)")]


def test_an_aerial_aggression_is_an_air_strike():
    ev = events("At about 4:30 am on Monday, the Israeli enemy carried out an aerial aggression targeting points "
                "in the vicinity of Damascus International Airport.")[0]
    assert ev.sub_event_type == "Air/drone strike"


# --- where (rules in rasad/extract/events.py and rasad/geo/recognize.py) ----------------------

def test_where_a_victim_comes_from_is_not_where_it_happened():
    ev = events("توفي شاب من بلدة سرمدا تحت التعذيب في أحد سجون جهاز الأمن العام التابع لـ”هيئة تحرير الشام” "
                "في مدينة إدلب، وسُلّمت جثته لذويه أمس.")[0]
    assert ev.location == "Idleb"
    # alone, the home town is all the text gives
    ev = events("قُتل شاب من بلدة سرمدا، أمس، برصاص مسلحين مجهولين.")[0]
    assert ev.location == "Sarmada"
    # "arrested four young men from the town": taken from there
    ev = events("اعتقلت قوات النظام، أمس، ثلاثة شبان من بلدة طفس خلال حملة مداهمات بريف درعا الغربي.")[0]
    assert ev.location == "Tafas"


def test_a_roads_ends_name_the_road_not_the_spot():
    ev = events("اختطفت مجموعة مسلحة مجهولة، أمس، شابين على طريق دمشق – السويداء قرب شهبا.")[0]
    assert ev.location == "Shahba"
    # with only the country besides, the road's end is the best place there is
    ev = events("استهدفت طائرة مسيّرة تركية، مساء الخميس، سيارة عسكرية لقسد على طريق القامشلي – عامودا "
                "شمال شرقي سوريا.")[0]
    assert ev.location == "Quamishli"


def test_an_adjective_after_a_plural_cue_is_no_village():
    ev = events("ردّت المدفعية التركية، أمس، بقصف مكثف على قرى حدودية في منطقة زاخو بمحافظة دهوك.")[0]
    assert ev.location == "Zakho"


def test_the_town_is_the_town_named_before():
    evs = events("هاجم عناصر من خلايا تنظيم داعش، مساء الخميس، حاجزاً لـ”قسد” عند مدخل بلدة سبيخان، ما أدى إلى "
                 "إصابة ثلاثة عناصر بجروح.\nوصباح الجمعة، داهمت “قسد” منازل في البلدة وصادرت عدداً من الدراجات "
                 "النارية وأحرقتها.")
    assert [e.location for e in evs] == ["Subaykhan", "Subaykhan"]


def test_a_raid_that_took_property_and_nobody_is_looting():
    ev = events("داهمت “قسد”، صباح الجمعة، منازل في بلدة سبيخان وصادرت عدداً من الدراجات النارية.")[0]
    assert ev.sub_event_type == "Looting/property destruction"
    assert ev.actor2 == "Civilians (Syria)"
    # a raid with arrests is an arrest
    ev = events("داهمت “قسد”، صباح الجمعة، منازل في بلدة سبيخان واعتقلت خمسة شبان.")[0]
    assert ev.sub_event_type == "Arrests"


def test_a_bare_toll_sentence_tells_the_cost_of_the_incident_before():
    ev = events("At about 4:30 am on Monday, the Israeli enemy carried out an aerial aggression targeting points "
                "in the vicinity of Damascus International Airport. Two soldiers were martyred and material damage "
                "was caused, a military source said.")[0]
    assert (ev.actor2, ev.fatalities) == ("Military Forces of Syria (2000-)", 2)
    # a figure line of ACLED-style notes is no toll to add
    ev = events("On 14 January 2023, Turkish forces shelled Tal Tamr (Al-Hasakeh), injuring 2 civilians. Fatalities: 0.")[0]
    assert (ev.fatalities, ev.injuries) == (0, 2)
    # someone else's act beside the toll keeps the sentence apart
    ev = events("اندلعت اشتباكات بين عشيرتين في المقدادية مساء أمس. أصيب ثلاثة أشخاص بجروح، والشرطة طوقت المنطقة.")[0]
    assert ev.actor2 != "Police Forces of Iraq (2020-)"


def test_a_third_wounded_is_one_more_person():
    ev = events("Two shepherds were killed and a third wounded when a landmine exploded in the desert near Rutba, "
                "in western Anbar, on Wednesday.")[0]
    assert (ev.fatalities, ev.injuries) == (2, 1)
    ev = events("Two shepherds were killed and three others wounded when a landmine exploded near Rutba on Wednesday.")[0]
    assert (ev.fatalities, ev.injuries) == (2, 3)


# --- what kind (rasad/extract/classes.py) -----------------------------------------------------

def test_strikes_on_civilians_are_remote_violence_with_civilian_targeting():
    ev = events("Nine civilians were killed on Sunday when Russian warplanes struck a vegetable market in the "
                "city of Jisr al-Shughur, west of Idlib.")[0]
    assert (ev.event_type, ev.sub_event_type) == ("Explosions/Remote violence", "Air/drone strike")
    assert ev.civilian_targeting
    # gunmen shooting civilians are violence against civilians
    ev = events("Gunmen shot dead two civilians in the city of Jisr al-Shughur, west of Idlib, on Sunday.")[0]
    assert (ev.event_type, ev.sub_event_type) == ("Violence against civilians", "Attack")


def test_missiles_fired_by_warplanes_are_an_air_strike():
    ev = events("Israeli warplanes fired missiles at positions of Iranian-backed militias near Palmyra on Sunday "
                "evening, killing at least four militiamen.")[0]
    assert ev.sub_event_type == "Air/drone strike"
    ev = events("Regime forces fired missiles at positions of HTS near Saraqib on Sunday, killing two fighters.")[0]
    assert ev.sub_event_type == "Shelling/artillery/missile attack"


def test_a_crowd_that_stormed_or_burned_was_rioting_when_force_met_it():
    ev = events("أطلق جنود أتراك، أمس، النار على محتجين حاولوا اقتحام نقطة عسكرية تركية في مدينة عفرين، "
                "ما أدى إلى مقتل أربعة منهم.")[0]
    assert (ev.event_type, ev.sub_event_type, ev.actor1) == ("Riots", "Violent demonstration", "Rioters (Syria)")
    # a peaceful crowd shot at is excessive force against protesters
    ev = events("أطلق جنود أتراك، أمس، النار على محتجين تجمعوا أمام نقطة عسكرية تركية في مدينة عفرين، "
                "ما أدى إلى مقتل أربعة منهم.")[0]
    assert ev.sub_event_type == "Excessive force against protesters"


def test_shells_and_toxic_gases_and_medium_weapons():
    ev = events("استهدفت قذائف أُطلقت من مناطق سيطرة “قسد”، أمس، سوقاً شعبياً في مدينة مارع، ما أسفر عن مقتل مدني.")[0]
    assert ev.sub_event_type == "Shelling/artillery/missile attack"
    ev = events("قُتل أكثر من أربعين مدنياً، أمس، جراء استهداف مدينة دوما ببراميل متفجرة تحتوي على غازات سامة "
                "ألقتها مروحيات تابعة لقوات النظام.")[0]
    assert ev.sub_event_type == "Chemical weapon"
    ev = events("هاجم مسلحون مجهولون، أمس، حاجزاً لقوات النظام قرب بلدة طفس بريف درعا بالأسلحة المتوسطة والقذائف، "
                "ما أسفر عن مقتل عنصر.")[0]
    assert ev.sub_event_type == "Armed clash"


def test_fire_from_an_actors_ground_is_that_actors():
    ev = events("استهدفت قذائف أُطلقت من مناطق سيطرة “قسد”، أمس، سوقاً شعبياً في مدينة مارع، ما أسفر عن مقتل مدني.")[0]
    assert ev.actor1 == "QSD: Syrian Democratic Forces"
    ev = events("Rockets fired from areas controlled by HTS hit the town of Suqaylabiyah on Monday, killing a woman.")[0]
    assert ev.actor1 == "HTS: Hayat Tahrir al Sham"
    # shelling of an actor's areas says only where it fell
    ev = events("Regime forces shelled areas controlled by HTS in southern Idlib on Monday, killing a woman.")[0]
    assert ev.actor1 == "Military Forces of Syria (2000-)"


def test_storming_crowd_met_with_fire_is_a_riot_but_riot_police_are_no_riot():
    ev = events("اقتحم آلاف من أنصار التيار الصدري، أمس الإثنين، القصر الجمهوري وسط بغداد، وأطلقت قوات مكافحة "
                "الشغب الغاز المسيل للدموع والرصاص الحي لتفريقهم، ما أدى إلى مقتل 12 محتجاً.")[0]
    assert (ev.sub_event_type, ev.actor1, ev.actor2) == ("Violent demonstration", "Rioters (Iraq)",
                                                         "Police Forces of Iraq (2020-)")
    # riot police shooting at a peaceful gathering: excessive force
    ev = events("تجمع آلاف المحتجين، أمس الإثنين، وسط بغداد، وأطلقت قوات مكافحة الشغب الرصاص الحي عليهم، "
                "ما أدى إلى مقتل 12 محتجاً.")[0]
    assert ev.sub_event_type == "Excessive force against protesters"


# --- whether (context words) ------------------------------------------------------------------

def test_an_attack_named_as_the_cause_of_other_news_is_no_new_event():
    evs = events("The Yemeni rial fell to 1,150 against the US dollar in Aden on Wednesday, as the central bank "
                 "struggled to finance fuel imports after Houthi drone attacks halted oil exports.")
    assert evs == []
    # a toll before "after" is a report
    evs = events("Two people were killed in Aden on Wednesday after a Houthi drone attack hit a fuel depot.")
    assert len(evs) == 1


def test_counts_over_a_month_are_statistics_and_aims_are_no_agreement():
    assert events("The report also documented at least 205 arbitrary arrests across Syria during the month.") == []
    assert events("The Saudi foreign ministry said on Tuesday that the talks aimed to reach a permanent "
                  "ceasefire in Yemen.") == []


def test_a_building_near_which_it_happened_names_no_party_and_two_crowds_are_both_sides():
    ev = events("قُتل أربعة أشخاص، أمس السبت، في مواجهات بين متظاهرين كرد ومعتصمين عرب قرب مقر قيادة العمليات "
                "المشتركة في مدينة كركوك، تخللها إطلاق نار وإحراق سيارات.")[0]
    assert (ev.event_type, ev.actor1, ev.actor2) == ("Riots", "Rioters (Iraq)", "Rioters (Iraq)")
    # a crowd storming the headquarters is acting on its owner
    ev = events("هاجم محتجون غاضبون، أمس، مقر قيادة العمليات المشتركة في مدينة كركوك وأحرقوا سيارات.")[0]
    assert ev.actor2 == "Military Forces of Iraq (2020-)"


def test_the_second_side_after_between_and_a_member_word_is_actor_2():
    ev = events("اندلعت اشتباكات عنيفة، أمس، بين قسد وعناصر داعش في قرية الشحيل بريف دير الزور الشرقي، "
                "ما أدى إلى مقتل ثلاثة عناصر.")[0]
    assert (ev.actor1, ev.actor2) == ("QSD: Syrian Democratic Forces", "Islamic State (Syria)")


def test_another_battle_between_the_same_sides_is_not_merged():
    evs = events("Clashes broke out on Monday between the SDF and IS in the village of al-Shuhayl in Deir ez-Zor, "
                 "killing three fighters. Another clash between the SDF and IS in Deir ez-Zor province killed "
                 "two fighters.")
    assert len(evs) == 2


def test_victims_after_in_which_are_counted():
    ev = events("اندلعت اشتباكات، أمس، بين الطرفين في ريف دير الزور الشرقي، قتل فيها عنصران.")[0]
    assert ev.fatalities == 2
    ev = events("اندلعت اشتباكات، أمس، بين الطرفين في ريف دير الزور الشرقي، قتل خلالها مدني.")[0]
    assert ev.fatalities == 1


def test_a_generic_word_heading_a_named_actor_stands_where_the_marker_sees_it():
    # "هجوم شنه مسلحون من تنظيم داعش": the agent marker is followed by the generic head, which
    # names IS; IS is actor 1, the soldiers' army actor 2.
    ev = events("أعلنت خلية الإعلام الأمني أمس مقتل جنديين من الجيش العراقي، إثر هجوم شنه مسلحون من "
                "تنظيم داعش على نقطة عسكرية في قضاء الحويجة.")[0]
    assert (ev.actor1, ev.actor2) == ("Islamic State (Iraq)", "Military Forces of Iraq (2020-)")


def test_unidentified_men_in_the_nominative_after_killed_are_its_subject():
    # "قتل مسلحون مجهولون عنصرين": men no one can name, in the nominative, with whom they killed
    # after them, did the killing; the count is of the victims after them.
    ev = events("قتل مسلحون مجهولون عنصرين من الجيش العراقي أمس في قضاء الحويجة.")[0]
    assert (ev.actor1, ev.actor2, ev.fatalities) == (
        "Unidentified Armed Group (Iraq)", "Military Forces of Iraq (2020-)", 2)
    # With nobody named after them, they are not made the doers by this rule: "killed in clashes
    # with the army".
    ev = events("قتل مسلحون مجهولون أمس في اشتباكات مع الجيش في قضاء الحويجة.")[0]
    assert ev.actor1 == "Military Forces of Iraq (2020-)"


def test_an_angry_crowd_burning_tyres_on_a_road_is_a_violent_demonstration():
    # ACLED counts road blocks with burning tyres as violent; the crowd named as rioting and the
    # event type agree.
    ev = events("أغلق محتجون غاضبون طريقاً رئيسياً بالإطارات المحترقة في قضاء الزبير أمس.")[0]
    assert (ev.event_type, ev.sub_event_type, ev.actor1) == ("Riots", "Violent demonstration", "Rioters (Iraq)")
    # A crowd not named as rioting stays a peaceful protest.
    ev = events("تظاهر المئات من الخريجين أمام مبنى ديوان محافظة البصرة أمس للمطالبة بفرص عمل.")[0]
    assert (ev.event_type, ev.sub_event_type) == ("Protests", "Peaceful protest")


def test_a_victim_before_a_comma_and_a_conjunction_is_no_apposition_to_the_next_actor():
    # "wounding two children, while Russian warplanes…": a word between them is no apposition,
    # so the children stay the shelling's victims.
    evs = events("Government forces shelled the village of Kansafra in southern Idlib on Tuesday, wounding two "
                 "children, while Russian warplanes carried out four airstrikes on the Latakia countryside.")
    shelling = next(e for e in evs if e.sub_event_type == "Shelling/artillery/missile attack")
    assert shelling.actor2 == "Civilians (Syria)"
    # A true apposition names one party: the security forces, the Asayish.
    ev = events('قتل عنصر من قوات الأمن الداخلي "الأسايش" أمس برصاص مسلحين مجهولين في مدينة القامشلي.')[0]
    assert "Asayish" in (ev.actor2 or "")


def test_a_military_post_named_by_its_owners_adjective_is_the_side_hit():
    # "استهدف بالصواريخ موقعاً إسرائيلياً": the post is a place, the object of the verb, and its
    # adjective names the side hit; "an Israeli position" in English.
    ev = events("وأعلن حزب الله في بيان أنه استهدف بالصواريخ موقعا إسرائيليا قبالة بلدة عيترون أمس.")[0]
    assert (ev.actor1, ev.actor2) == ("Hezbollah", "Military Forces of Israel (2021-)")
    ev = events("Hezbollah said it fired rockets at an Israeli position opposite the town of Aitaroun on Thursday.")[0]
    assert (ev.actor1, ev.actor2) == ("Hezbollah", "Military Forces of Israel (2021-)")
    # A unit named by its adjective right after the verb is still its subject.
    ev = events("قصفت المدفعية الإسرائيلية أمس أطراف بلدة كفركلا.")[0]
    assert ev.actor1 == "Military Forces of Israel (2021-)"


def test_the_attacks_a_summary_gives_to_an_actor_are_its_when_told_without_a_doer():
    text = ("صعّدت خلايا تنظيم داعش من هجماتها في البادية أمس، حيث نفذت ثلاث هجمات متفرقة.\n"
            "ففي بادية الرصافة هاجم عناصر التنظيم نقطة عسكرية لقوات النظام، ما أدى إلى مقتل 4 عناصر.\n"
            "وفي بادية السخنة، قتل عنصران من قوات النظام جراء انفجار لغم أرضي بآليتهم.\n"
            "كما قتل عنصر آخر برصاص قناص في محيط منطقة الشولا بريف دير الزور الجنوبي.")
    evs = events(text)
    assert [e.actor1 for e in evs] == ["Islamic State (Syria)"] * 3
    # "عنصر آخر": another member of the regime forces hit just before, not a civilian.
    assert evs[2].actor2 == "Military Forces of Syria (2000-)" and evs[2].event_type == "Battles"
    # Without the summary, a mine with no doer named stays unattributed.
    ev = events("قتل عنصران من قوات النظام أمس جراء انفجار لغم أرضي بآليتهم في بادية السخنة.")[0]
    assert ev.actor1.startswith("Unidentified")


def test_whom_a_victim_had_reconciled_with_is_no_party_and_no_agreement():
    # "a former fighter who had reconciled with the regime": the regime is who he made peace with,
    # not the side hit; "أجرى تسوية مع النظام" is no new agreement either.
    ev = events("On 12 March 2023, unidentified gunmen shot and killed a former opposition fighter who had "
                "reconciled with the regime in Tafas town (Daraa).")[0]
    assert ev.actor2 == "Civilians (Syria)"
    evs = events("اغتال مسلحون مجهولون أمس شاباً أجرى تسوية مع النظام في بلدة طفس بريف درعا.")
    assert [e.sub_event_type for e in evs] == ["Attack"]
    # An agreement told as an event of its own stays one.
    evs = events("توصلت قوات النظام ووجهاء بلدة طفس أمس إلى تسوية تقضي بتسليم السلاح الخفيف.")
    assert [e.sub_event_type for e in evs] == ["Agreement"]


def test_a_possessor_before_an_adjective_and_a_name_told_again_are_one_party():
    # "the SDF's internal security forces, known as the Asayish, arrested…": the SDF's own forces
    # (an adjective between the possessive and the noun), named again after "known as".
    ev = events("Separately, the SDF's internal security forces, known as the Asayish, arrested five people "
                "suspected of belonging to IS cells during a raid in the Al-Hol camp on Monday.")[0]
    assert ev.actor1 == "QSD: Syrian Democratic Forces" and ev.actor2 != "Asayish (Syria)"
    assert ev.actor2 != "Police Forces of Syria (2000-)"


def test_a_victim_found_strangled_was_killed():
    ev = events("A woman was found strangled inside her tent in the Al-Hol camp on Monday, according to camp sources.")[0]
    assert (ev.event_type, ev.actor2, ev.fatalities) == ("Violence against civilians", "Refugees/IDPs (Syria)", 1)


def test_an_air_strike_named_by_its_owners_adjective_names_the_striker():
    # "A Turkish air strike": the two-word noun takes the adjective like "airstrike" does.
    ev = events("A Turkish air strike hit a vehicle near the town of Sinjar on Wednesday, killing a commander "
                "of the Sinjar Resistance Units (YBS).")[0]
    assert (ev.actor1, ev.actor2) == ("Military Forces of Turkey (2016-)", "YBS: Sinjar Resistance Units")


def test_people_counted_after_the_verb_are_its_object():
    # "وحدات الجيش طاردت المسلحين … وأوقفت أربعة أشخاص": the army arrested four people.
    ev = events("وأوضح البيان أن وحدات الجيش طاردت المسلحين ودهمت عدداً من المنازل في حي الشراونة في بعلبك، "
                "وأوقفت أربعة أشخاص يشتبه بتورطهم في الهجوم.")[0]
    assert (ev.actor1, ev.actor2) == ("Military Forces of Lebanon (2021-)", "Civilians (Lebanon)")


def test_a_riot_after_an_arrest_is_not_the_arrest_told_again():
    text = ("وأوقفت وحدات الجيش أمس أربعة أشخاص في مدينة بعلبك.\n"
            "وفي طرابلس، أقدم شبان غاضبون على قطع عدد من الطرقات بالإطارات المشتعلة احتجاجاً على الأوضاع "
            "المعيشية، فيما عمد آخرون إلى إحراق مدخل أحد المصارف.")
    assert [e.event_type for e in events(text)] == ["Strategic developments", "Riots"]


def test_a_former_member_is_no_longer_his_group():
    # ACLED codes a man who left an armed group by what he is now: killing "a former rebel
    # commander" who had settled with the regime is an attack on a civilian, not a battle.
    for text in ("اغتال مسلحون مجهولون يستقلون دراجة نارية عنصراً سابقاً في فصائل المعارضة في مدينة طفس "
                 "بريف درعا الغربي، أمس.",
                 "اغتال مسلحون مجهولون القيادي السابق في الجيش الحر في مدينة طفس بريف درعا الغربي، أمس.",
                 "Unidentified gunmen shot dead a former Free Syrian Army commander in the town of Tafas "
                 "in western Daraa on Tuesday."):
        ev = events(text)[0]
        assert (ev.sub_event_type, ev.actor2) == ("Attack", "Civilians (Syria)"), text
    # the group he joined since is what he is
    ev = events("Unknown gunmen shot dead a former opposition commander who had joined the regime's "
                "Military Security in Tafas on Tuesday.")[0]
    assert ev.actor2 == "Military Forces of Syria (2000-) Military Intelligence"
    # "في وقت سابق" (earlier) names no former member: the regime still did the shelling
    ev = events("قالت قوات النظام في وقت سابق إنها قصفت مواقع هيئة تحرير الشام في بلدة كنصفرة أمس.")[0]
    assert (ev.actor1, ev.actor2) == ("Military Forces of Syria (2000-)", "HTS: Hayat Tahrir al Sham")


def test_a_post_named_between_noun_and_owner_adjective():
    # Hezbollah's statements name Israeli posts "موقع المالكية الإسرائيلي": the adjective agrees
    # with the post across its name, so the post's owner is actor 2.
    ev = events("وأعلن حزب الله في بيان أن مقاتليه استهدفوا موقع المالكية الإسرائيلي بالأسلحة الصاروخية أمس.")[0]
    assert (ev.actor1, ev.actor2) == ("Hezbollah", "Military Forces of Israel (2021-)")
    assert ev.sub_event_type == "Shelling/artillery/missile attack"  # "rocket weapons"
    # an adjective that qualifies a person, not a post, is left to the usual rules
    ev = events("استهدفت غارة إسرائيلية سيارة في بلدة الناقورة أمس، ما أدى إلى مقتل الشاب اللبناني.")[0]
    assert ev.actor1 == "Military Forces of Israel (2021-)"


def test_internal_security_forces_are_the_asayish_in_syria_and_the_isf_in_lebanon():
    # "قوى الأمن الداخلي" names the Kurdish Asayish in north-east Syria and Lebanon's police in
    # Lebanon: the event's country chooses the reading.
    ev = events("هاجم مسلحون من تنظيم داعش، ليل أمس، نقطة لقوى الأمن الداخلي في بلدة الكرامة بريف الرقة الشرقي.")[0]
    assert ev.actor2 == "Asayish (Syria)"
    ev = events("أوقفت قوى الأمن الداخلي في مدينة طرابلس أمس شخصين بتهمة سرقة سيارات.")[0]
    assert ev.actor1 == "Police Forces of Lebanon (2021-)"


def test_a_lead_and_its_detail_paragraph_are_one_incident():
    # The lead names the doer and no day; the detail paragraph names "the terrorists" and the
    # day, with the same toll at the same place: one event, with the named doer and the day.
    lead = ("قتل مدنيان وأصيب أربعة آخرون جراء اعتداء إرهابيي تنظيم جبهة النصرة بالقذائف على مدينة "
            "السقيلبية بريف حماة.\n\n")
    detail = ("وذكر مراسلنا أن الإرهابيين استهدفوا مساء أمس بثلاث قذائف حي الجسر في مدينة السقيلبية، ما "
              "تسبب بمقتل رجل وزوجته وإصابة أربعة مدنيين.")
    evs = events(lead + detail)
    assert len(evs) == 1
    assert evs[0].actor1 == "HTS: Hayat Tahrir al Sham" and evs[0].event_date == "2023-03-14"
    assert (evs[0].fatalities, evs[0].injuries) == (2, 4)
    # Another toll at the same place is another incident.
    other = ("وذكر مراسلنا أن الإرهابيين استهدفوا مساء أمس بقذيفتين حي الجسر في مدينة السقيلبية، ما "
             "تسبب بمقتل طفل.")
    assert len(events(lead + other)) == 2


AMBUSH = ("Three Iraqi soldiers were killed late on Sunday by an Islamic State ambush south-west of Kirkuk "
          "that began with a roadside bomb, security sources said.\n\n")


def test_the_bomb_that_went_off_is_the_ambush_told_again():
    # "the bomb went off under the lead vehicle": "the bomb" names the roadside bomb already told.
    evs = events(AMBUSH + "The army patrol was travelling on a dirt road near the village of Zaghaitoun when the "
                 "bomb went off under the lead vehicle.")
    assert [(e.sub_event_type, e.actor1) for e in evs] == [("Armed clash", "Islamic State (Iraq)")]
    # "a bomb" is another one.
    evs = events(AMBUSH + "In Tuz Khurmatu, a bomb went off under a police car on Sunday, wounding two officers.")
    assert len(evs) == 2


def test_unnamed_attackers_of_the_same_side_the_same_day_are_the_battle_told_again():
    # "Militants … then opened fire on the soldiers": the ambush's attackers, not a second battle.
    evs = events(AMBUSH + "Militants hiding in nearby orchards then opened fire on the soldiers with machine guns.")
    assert [(e.actor1, e.admin1) for e in evs] == [("Islamic State (Iraq)", "Kirkuk")]
    # Told as another attack, it is one.
    evs = events(AMBUSH + "In another attack, militants opened fire on soldiers at a checkpoint south-west of "
                 "Kirkuk on Sunday.")
    assert len(evs) == 2


def test_where_the_attackers_withdrew_to_is_not_where_it_happened():
    # "before withdrawing towards the Hamrin mountains": a destination after "the" is still one;
    # with no other place in the clause, the incident is where the one just told happened (not a
    # Syrian village named Hamran).
    evs = events(AMBUSH + "Gunmen later attacked an army post near the village before withdrawing towards the "
                 "Hamrin mountains.")
    assert all(e.country == "Iraq" for e in evs)


def test_the_patron_in_an_apposition_describing_an_actor_is_no_party():
    # ", a Yazidi armed group linked to the Kurdistan Workers' Party (PKK)": the apposition says
    # who backs the YBS; the party hit is the YBS, and the abbreviation in brackets is the patron
    # named again, not another party.
    ev = events("Two members of the Sinjar Resistance Units (YBS), a Yazidi armed group linked to the "
                "Kurdistan Workers' Party (PKK), were killed on Monday when their car was hit by a Turkish "
                "drone near the town of Sinuni.")[0]
    assert (ev.actor1, ev.actor2) == ("Military Forces of Turkey (2016-)", "YBS: Sinjar Resistance Units")
    # Without the apposition's article the group named after "linked to" stays the party.
    ev = events("A Turkish drone struck fighters linked to the Kurdistan Workers' Party (PKK) near the "
                "town of Sinuni on Monday.")[0]
    assert ev.actor2 == "PKK: Kurdistan Workers Party"


def test_a_subjects_number_before_an_apposition_counts_the_dead():
    # "Two members of the YBS, a Yazidi armed group linked to the PKK, were killed": the
    # apposition stands between the number and its verb.
    ev = events("Two members of the Sinjar Resistance Units, a Yazidi armed group linked to the Kurdistan "
                "Workers' Party, were killed on Monday when their car was hit by a Turkish drone near the "
                "town of Sinuni.")[0]
    assert ev.fatalities == 2
    # A comma that opens no apposition leaves the count to the subject after it.
    ev = events("Two days after the funeral, three fighters of the Sinjar Resistance Units were killed on "
                "Monday when their car was hit by a Turkish drone near the town of Sinuni.")[0]
    assert ev.fatalities == 3


def test_a_bomb_followed_by_fire_and_a_clash_by_the_gangs_of_is_is_an_armed_clash():
    # Iraqi official wording: "تعرضت القوة إلى انفجار عبوة ناسفة أعقبه إطلاق نار من قبل عناصر من
    # عصابات داعش الإرهابية، وقد اشتبكت قواتنا مع الإرهابيين". "عصابات" (gangs) stands between the
    # member word and the name, and the clash that followed the bomb makes it a battle.
    ev = events("تعرضت قوة من الجيش العراقي إلى انفجار عبوة ناسفة أعقبه إطلاق نار من قبل عناصر من عصابات داعش "
                "الإرهابية في قضاء الطارمية شمالي بغداد أمس، وقد اشتبكت قواتنا مع الإرهابيين.")[0]
    assert (ev.sub_event_type, ev.actor1, ev.actor2) == (
        "Armed clash", "Islamic State (Iraq)", "Military Forces of Iraq (2020-)")
    assert "IED" in ev.weapons
    # A bomb alone stays an explosion.
    ev = events("انفجرت عبوة ناسفة بدورية للجيش العراقي في قضاء الطارمية شمالي بغداد أمس.")[0]
    assert ev.sub_event_type == "Remote explosive/landmine/IED"


def test_units_of_a_named_actor_are_that_actor_not_an_anaphor():
    # "نفذت وحدات تابعة للقيادة العامة حملة تفتيش … أسفرت عن توقيف خمسة شبان": "وحدات" (units)
    # is the head of the named actor after "تابعة ل", not "the units" of the group named before.
    text = ("قتل جنديان أمس في هجوم شنه مسلحون من قبائل التبو على بوابة للجيش الوطني الليبي في بلدة أم "
            "الأرانب.\n\nوفي أعقاب الهجوم، نفذت وحدات تابعة للقيادة العامة حملة تفتيش في أحياء البلدة، "
            "أسفرت عن توقيف خمسة شبان.")
    arrest = [e for e in events(text) if e.sub_event_type == "Arrests"][0]
    assert arrest.actor1 == "LNA: Libyan National Army"


def test_the_frame_aqdama_ala_reaches_its_noun_past_the_doers_description():
    # "أقدم مسلحون يستقلون سيارة "كيا ريو" فضية اللون بدون لوحات، مساء أمس الأحد، على اختطاف
    # الشاب": the doers' car and the time stand between "أقدم" and "على اختطاف".
    evs = events("أقدم مسلحون مجهولون يستقلون سيارة \"كيا ريو\" فضية اللون بدون لوحات، مساء أمس الأحد، على "
                 "اختطاف الشاب (خ. ع) من أبناء مدينة الحراك في ريف درعا الشرقي.")
    assert [(e.sub_event_type, e.actor2) for e in evs] == [("Abduction/forced disappearance", "Civilians (Syria)")]
    # Without "على" before it the noun is what someone spoke of.
    assert events("أقدم ناشطون مجهولون يستقلون سيارة فضية اللون بدون لوحات، مساء أمس الأحد، بالحديث عن "
                  "اختطاف الشاب من أبناء مدينة الحراك.") == []


def test_the_group_of_a_person_identified_by_wahuwa_is_the_side_hit():
    # "بسيارة المدعو (م. ز) وهو عنصر في فرع الأمن العسكري": the pronoun says who the man whose car
    # was hit is; his branch is actor 2, the bomb's planter unknown.
    ev = events("انفجرت عبوة ناسفة ظهر اليوم بسيارة المدعو (م. ز) وهو عنصر في فرع الأمن العسكري، أثناء مروره "
                "قرب دوار بلدة المسيفرة في ريف درعا.")[0]
    assert (ev.actor1, ev.actor2) == ("Unidentified Armed Group (Syria)",
                                      "Military Forces of Syria (2000-) Military Intelligence")
    # A group named without the pronoun keeps its reading as the doer.
    ev = events("فجر عناصر من فرع الأمن العسكري عبوة ناسفة ظهر اليوم قرب دوار بلدة المسيفرة في ريف درعا.")[0]
    assert ev.actor1 == "Military Forces of Syria (2000-) Military Intelligence"


def test_protesters_detained_where_a_protest_was_told_are_its_intervention():
    # "…protested … in Sulaimani. Riot police used tear gas to disperse the crowd and detained
    # several protesters": one protest, met with force (ACLED's protest with intervention), placed
    # in Sulaimani even though the dateline says Erbil.
    text = ("ERBIL (Kurdistan24) - In Sulaimani, hundreds of teachers protested on Tuesday in front of the "
            "directorate of education, demanding unpaid salaries. Riot police used tear gas to disperse the crowd "
            "and detained several protesters.")
    evs = events(text, dt.date(2024, 10, 9))
    assert [(e.sub_event_type, e.actor2, e.admin1) for e in evs] == [
        ("Protest with intervention", "Police Forces of Iraq (2020-)", "As-Sulaymaniyah")]
    # Detainees who are not protesters are an arrest of their own.
    text = ("In Sulaimani, hundreds of teachers protested on Tuesday in front of the directorate of education. "
            "Police detained two IS suspects in Kalar the same day.")
    assert "Arrests" in {e.sub_event_type for e in events(text, dt.date(2024, 10, 9))}


def test_an_attack_repelled_is_its_owners_named_after_by():
    # "the army said it had repelled an attack by Houthi fighters on its positions": the Houthis
    # attacked, the army was attacked.
    ev = events("Fighting flared late on Tuesday in Harib district, south of Marib, where the army said it had "
                "repelled an attack by Houthi fighters on its positions.")[0]
    assert (ev.actor1, ev.actor2) == ("Ansar Allah", "Military Forces of Yemen (2016-)")
    # "repelled a Houthi attack" keeps working.
    ev = events("Government forces repelled a Houthi attack on their positions in Harib district, south of "
                "Marib, late on Tuesday.")[0]
    assert (ev.actor1, ev.actor2) == ("Ansar Allah", "Military Forces of Yemen (2016-)")


def test_the_government_of_national_unity_named_in_english_is_libyas_military():
    # "clashes between forces affiliated with the Government of National Unity (GNU) and the Radaa
    # Special Deterrence Force": the GNU's forces are ACLED's Military Forces of Libya (2021-).
    ev = events("At least eight people were killed overnight in clashes between forces affiliated with the "
                "Government of National Unity (GNU) and the Radaa Special Deterrence Force in the Souq al-Jumaa "
                "district of Tripoli.")[0]
    assert ev.actor1 == "Military Forces of Libya (2021-)"


def test_a_headline_protest_is_the_bodys_protest_met_with_force():
    # "…as shots fired at Shahba protest" over "government forces … opened fire on dozens of
    # demonstrators": the body tells the headline's protest as force used on it.
    text = ("Gunmen strike checkpoint as shots fired at Shahba protest\n\nIn Suwayda, government forces guarding the "
            "Baath Party branch in the city of Shahba opened fire on Tuesday on dozens of demonstrators, wounding "
            "two of them, activists said.")
    assert [e.sub_event_type for e in events(text, dt.date(2024, 6, 12))] == ["Excessive force against protesters"]


def test_the_group_a_detainee_is_accused_of_belonging_to_is_the_side_arrested():
    # "arrested … a Syrian national accused of belonging to the Islamic State": the detainee is
    # coded as IS, not the doer of the arrest.
    ev = events("On Monday, a patrol arrested, in the town of Bebnine in Akkar, a Syrian national accused of "
                "belonging to the Islamic State.", dt.date(2025, 2, 11))[0]
    assert ev.sub_event_type == "Arrests" and ev.actor2 == "Islamic State (Lebanon)" and ev.actor1 != ev.actor2
    ev = events("اعتقل الجيش اللبناني أمس في بلدة ببنين شخصاً سورياً بتهمة الانتماء إلى تنظيم داعش.",
                dt.date(2025, 2, 11))[0]
    assert (ev.actor1, ev.actor2) == ("Military Forces of Lebanon (2021-)", "Islamic State (Lebanon)")


def test_a_toll_raised_for_a_named_place_goes_to_that_places_incident():
    # A liveblog: "The health ministry has raised the toll from the Bachoura strike to nine dead" is
    # the Bachoura strike told again, not the clash told last.
    text = ("07:05 - Overnight, an Israeli air strike hit a building in the Bachoura neighbourhood of central "
            "Beirut. The health ministry says six people were killed.\n\n08:55 - Hezbollah says its fighters "
            "clashed at dawn with Israeli troops near the border village of Adaisseh.\n\n11:20 - The health "
            "ministry has raised the toll from the Bachoura strike to nine dead.")
    evs = events(text, dt.date(2024, 10, 3))
    assert [(e.sub_event_type, e.fatalities) for e in evs] == [("Air/drone strike", 9), ("Armed clash", 0)]


def test_where_troops_advanced_towards_is_where_they_fought():
    # "Israeli troops who were trying to advance towards the border village of Odaisseh": unlike a
    # retreat, an advance's goal places the clash.
    text = ("Israeli jets struck a building in central Beirut on Thursday.\n\nHezbollah says its fighters clashed "
            "at dawn with Israeli troops who were trying to advance towards the border village of Odaisseh.")
    evs = events(text, dt.date(2024, 10, 3))
    assert evs[-1].sub_event_type == "Armed clash" and evs[-1].admin1 != "Beirut"


def test_a_person_noun_after_a_verb_of_violence_is_its_victim():
    # "قُتلت طفلة … جراء قصف مدفعي لقوات النظام": with its vowels gone, "قتلت طفلة" reads "killed a
    # girl" as well as "a girl was killed"; a civilian is who it was done to.
    ev = events("قُتلت طفلة وأصيبت والدتها بجروح مساء أمس جراء قصف مدفعي لقوات النظام السوري استهدف منازل "
                "المدنيين في بلدة تقاد بريف حلب الغربي.")[0]
    assert (ev.actor1, ev.actor2) == ("Military Forces of Syria (2000-)", "Civilians (Syria)")
    # Armed men after the verb are still its doers.
    ev = events("قتل مسلحون مجهولون عنصرين من قوات النظام أمس في بلدة تقاد بريف حلب الغربي.")[0]
    assert ev.actor1 == "Unidentified Armed Group (Syria)"


def test_houthi_media_wording_names_the_sides():
    # Al-Masirah: "طيران العدوان الأمريكي البريطاني" (US-UK aggression aircraft), "مرتزقة العدوان"
    # (the aggression's mercenaries: government forces), "الجيش واللجان الشعبية" (the Houthis' own
    # forces); "في خرق جديد لاتفاق السويد" names an agreement broken, none concluded.
    pub = dt.date(2024, 12, 28)
    ev = events("شن طيران العدوان الأمريكي البريطاني مساء أمس أربع غارات على ميناء رأس عيسى في محافظة الحديدة.",
                pub)[0]
    assert ev.actor1 == "Military Forces of the United States (2021-)"
    evs = events("استشهد مواطن أمس بقصف مدفعي لمرتزقة العدوان استهدف منازل المواطنين في محافظة الحديدة، في خرق "
                 "جديد لاتفاق السويد.", pub)
    assert [(e.sub_event_type, e.actor1) for e in evs] == [
        ("Shelling/artillery/missile attack", "Military Forces of Yemen (2016-)")]
    # "أبطال" (heroes) folds like "إبطال" (defusing): only "إبطال عبوة/لغم" is a defusal; the advance
    # repelled is the government forces' attack on the Houthis.
    ev = events("تصدى أبطال الجيش واللجان الشعبية فجر اليوم لزحف واسع لمرتزقة العدوان في محافظة مأرب.", pub)[0]
    assert (ev.sub_event_type, ev.actor1, ev.actor2) == (
        "Armed clash", "Military Forces of Yemen (2016-)", "Ansar Allah")
    assert events("تمكنت الفرق الهندسية أمس من إبطال عبوة ناسفة في مدينة مأرب.", pub)[0].sub_event_type == \
        "Disrupted weapons use"


DAEL = ("قتل عنصران من فرع \"الأمن العسكري\" التابع للنظام السوري ليل الثلاثاء بكمين استهدف سيارتهم قرب مدينة داعل "
        "في ريف درعا.\n\nوفي ريف درعا الشرقي، قتل الشاب محمد الزعبي برصاص مسلحين مجهولين في بلدة المسيفرة.\n\n")


def test_the_body_a_unit_belongs_to_is_no_party_of_its_own():
    # "فرع الأمن العسكري التابع للنظام السوري": the regime the branch belongs to is not a second side.
    ev = events(DAEL, dt.date(2024, 6, 13))[0]
    assert ev.actor2 == "Military Forces of Syria (2000-) Military Intelligence"
    assert ev.actor1 != "Military Forces of Syria (2000-)"


def test_a_claim_naming_a_place_reaches_the_incident_there_and_its_toll_is_no_report():
    # "تبنى تنظيم الدولة … الهجوم على سيارة الأمن العسكري قرب داعل، زاعماً مقتل ثلاثة عناصر": the
    # Daael ambush, told two paragraphs before, is the claimant's; the killing told just before the
    # claim is not, and the claimed toll changes no count.
    claim = ("وفي وقت متأخر من مساء أمس، تبنى تنظيم \"الدولة الإسلامية\" الهجوم على سيارة \"الأمن العسكري\" قرب "
             "داعل، زاعماً مقتل ثلاثة عناصر.")
    evs = events(DAEL + claim, dt.date(2024, 6, 13))
    assert [(e.actor1, e.fatalities) for e in evs] == [
        ("Islamic State (Syria)", 2), ("Unidentified Armed Group (Syria)", 1)]


def test_the_subject_of_a_casualty_verb_past_an_apposition_is_hit():
    # "Two members of the Security Belt forces, a unit affiliated with the STC, were killed … when
    # an explosive-laden drone struck their checkpoint": the apposition stands between the unit and
    # "were killed"; the unit is the side hit, not the drone's owner.
    ev = events("Two members of the Security Belt forces, a unit affiliated with the Southern Transitional "
                "Council, were killed on Sunday when an explosive-laden drone struck their checkpoint in Mudiyah "
                "district in Abyan province.", dt.date(2024, 6, 10))[0]
    assert (ev.actor1, ev.actor2) == ("Unidentified Armed Group (Yemen)", "STC: Southern Transitional Council")


def test_a_claim_two_sentences_on_names_the_drone_strike_told_last():
    # "…when an explosive-laden drone struck their checkpoint. The drone hit a vehicle parked beside
    # it … Al Qaeda in the Arabian Peninsula claimed responsibility, saying it had targeted the
    # militias": "The drone" tells the strike again, the long name is the claimant, and what it says
    # it targeted is the strike claimed, not a new attack.
    text = ("Two members of the Security Belt forces were killed on Sunday when an explosive-laden drone struck "
            "their checkpoint in Mudiyah district in Abyan province. The drone hit a vehicle parked beside the "
            "checkpoint, one official said. Al Qaeda in the Arabian Peninsula claimed responsibility on Sunday "
            "evening, saying it had targeted the militias of the Emirates.")
    evs = events(text, dt.date(2024, 6, 10))
    assert [(e.sub_event_type, e.actor1, e.fatalities) for e in evs] == [
        ("Air/drone strike", "AQAP: Al Qaeda in the Arabian Peninsula", 2)]


def test_lebanese_official_wording_names_israel_and_a_singular_martyr_counts_one():
    # NNA: "شن الطيران الحربي المعادي غارة … ما أدى إلى سقوط شهيد وجريحين", "قصفت مدفعية العدو":
    # "the hostile aircraft", "the enemy's artillery" are Israel's; "شهيد" with no number is one dead.
    pub = dt.date(2024, 4, 9)
    ev = events("شن الطيران الحربي المعادي بعد منتصف الليل غارة على مبنى في محلة السفري عند أطراف مدينة بعلبك، "
                "ما أدى إلى سقوط شهيد وجريحين.", pub)[0]
    assert (ev.actor1, ev.fatalities, ev.injuries) == ("Military Forces of Israel (2021-)", 1, 2)
    ev = events("قصفت مدفعية العدو قبل ظهر اليوم أطراف بلدة علما الشعب في قضاء صور.", pub)[0]
    assert ev.actor1 == "Military Forces of Israel (2021-)"
    # A martyr named as a title is no toll.
    assert events("وقال النائب إن المحكمة في جريمة اغتيال الرئيس الشهيد رفيق الحريري آتية لا محالة.", pub) == []


def test_a_unit_after_a_verb_whose_subject_is_the_bomb_is_its_object():
    # "بانفجار عبوة ناسفة استهدفت دورية لقوات الحزام الأمني": the bomb is the verb's subject, so the
    # patrol after it is what was hit, not who acted.
    ev = events("قتل جنديان يوم الأحد بانفجار عبوة ناسفة استهدفت دورية لقوات الحزام الأمني على الطريق العام في "
                "محافظة أبين.", dt.date(2025, 2, 8))[0]
    assert ev.actor2 == "STC: Southern Transitional Council" and ev.actor1 != ev.actor2
    # A patrol right after the verb, with no subject before it, is the doer.
    ev = events("داهمت دورية تابعة لهيئة تحرير الشام منزل ناشط في مدينة إدلب أمس واعتقلته.")[0]
    assert ev.actor1 == "HTS: Hayat Tahrir al Sham"


def test_people_detained_during_the_dispersal_are_the_protests_intervention():
    # "واعتقلت القوات الأمنية خلال عملية التفريق 12 شخصاً", two sentences after the riot: detentions
    # made dispersing the crowd are how it was met, one event with the forces as actor 2.
    text = ("تجمع مئات المحتجين أمس أمام مبنى مديرية الكهرباء في مدينة الديوانية، قبل أن يقدم عدد منهم على رشق "
            "القوات الأمنية بالحجارة.\n\nوأفاد مصدر طبي بأن مستشفى الديوانية التعليمي استقبل عدداً من الجرحى. "
            "واعتقلت القوات الأمنية خلال عملية التفريق 12 شخصاً.")
    evs = events(text, dt.date(2025, 7, 14))
    assert [(e.sub_event_type, e.actor2) for e in evs] == [("Violent demonstration", "Police Forces of Iraq (2020-)")]
    # Detentions not made dispersing it are their own event.
    text = ("تجمع مئات المحتجين أمس أمام مبنى مديرية الكهرباء في مدينة الديوانية.\n\nوأفاد مصدر طبي بأن المستشفى "
            "استقبل جرحى. واعتقلت القوات الأمنية 12 شخصاً بتهمة تهريب الأسلحة.")
    assert "Arrests" in {e.sub_event_type for e in events(text, dt.date(2025, 7, 14))}


def test_an_infiltration_repelled_is_its_owners_named_after_it():
    # "تصدت وحدات من الجيش … لمحاولة تسلل مجموعة إرهابية من تنظيم جبهة النصرة": the infiltrators
    # attacked, the army repelled them.
    ev = events("تصدت وحدات من الجيش العربي السوري العاملة على محور كبانة فجر اليوم لمحاولة تسلل مجموعة إرهابية من "
                "تنظيم \"جبهة النصرة\" باتجاه إحدى النقاط العسكرية في ريف اللاذقية الشمالي.")[0]
    assert (ev.actor1, ev.actor2) == ("HTS: Hayat Tahrir al Sham", "Military Forces of Syria (2000-)")


def test_a_toll_sentence_joining_more_victims_and_naming_its_source_is_the_cost_of_the_attack():
    # "Several attackers were killed, along with two SDF fighters, according to an SDF statement":
    # the SDF named after "along with" and "according to" are victims and a source, not an act, so the
    # sentence is the toll of the attack told before it.
    text = ("Arab tribal fighters crossed the Euphrates before dawn on Tuesday and attacked positions of the Syrian "
            "Democratic Forces (SDF) in the town of Al-Shuhail, sparking clashes that lasted several hours. Several "
            "attackers were killed, along with two SDF fighters, according to an SDF statement.")
    assert events(text, dt.date(2024, 8, 14))[0].fatalities >= 3
    # A sentence that tells another side's act beside its toll is not the attack's cost.
    text = ("Arab tribal fighters attacked positions of the SDF in the town of Al-Shuhail on Tuesday. Two men were "
            "killed, and the SDF arrested four suspects.")
    assert events(text, dt.date(2024, 8, 14))[0].fatalities == 0


def test_kurdish_spellings_of_kurdistan_name_the_kurdish_parties():
    # Kurdish outlets write "كوردستان" with و: "حزب العمال الكوردستاني" is the PKK.
    ev = events("قصفت طائرة مسيرة تركية عصر اليوم سيارة في ناحية سيدكان التابعة لقضاء سوران شمال أربيل، ما أسفر عن "
                "مقتل شخصين كانا بداخلها من مقاتلي حزب العمال الكوردستاني.")[0]
    assert (ev.actor1, ev.actor2) == ("Military Forces of Turkey (2016-)", "PKK: Kurdistan Workers Party")
    ev = events("قصفت المدفعية التركية أمس مواقع الوحدات الكوردية في قرية قرب بلدة تل رفعت بريف حلب الشمالي.")[0]
    assert ev.actor2 == "YPG: Peoples Protection Units"


def test_more_dead_joined_after_the_verb_add_to_the_count():
    # "Several attackers were killed, along with two SDF fighters": 3 (the vague rule) + 2.
    ev = events("Three soldiers were killed, as well as two civilians, when a car bomb exploded near a checkpoint "
                "in Kirkuk on Monday.", dt.date(2024, 8, 14))[0]
    assert ev.fatalities == 5
    # "along with" that joins no number adds nothing.
    ev = events("Three soldiers were killed along with their commander's driver when a car bomb exploded near a "
                "checkpoint in Kirkuk on Monday.", dt.date(2024, 8, 14))[0]
    assert ev.fatalities == 3


def test_a_patron_named_first_in_an_incident_does_not_break_the_roles_of_the_next_actor():
    # Found in review: when the first actor of an incident was a patron in an apposition, the role
    # loop skipped ahead before it had the tokens the next actor's checks read (a NameError).
    evs = events("Fighters, a group linked to the PKK in the YPG, were killed when a Turkish drone struck their car "
                 "near Sinuni on Monday.", dt.date(2025, 1, 13))
    assert [e.actor1 for e in evs] == ["Military Forces of Turkey (2016-)"]
