"""Rules for real Arabic newswire (the kind of sentence the OEDA event gold standard holds): each
test gives the text that is the reason the rule exists and, with the same words, the incident
it must still report."""

from __future__ import annotations

import datetime as dt

from rasad.extract import extract_article
from rasad.record import Article

PUB = dt.date(2023, 3, 15)

VIOLENT = {"Battles", "Explosions/Remote violence", "Violence against civilians"}
DEMONSTRATION = {"Protests", "Riots"}


def types(text: str, published: dt.date | None = PUB) -> set[str]:
    return {e.event_type for e in extract_article(Article(text=text, published=published)).events}


# --- protests -------------------------------------------------------------------------------

def test_banners_and_chants_of_the_protesters_tell_a_protest_already_reported():
    # Raising banners and chanting are what a crowd did at a protest told before, not a report
    # that one took place.
    assert not types("ورفع المتظاهرون لافتات كتب عليها «لا للفساد» وهتفوا ضد الحكومة.") & DEMONSTRATION
    assert not types("وهتف المحتجون «الشعب يريد الماء والكهرباء».") & DEMONSTRATION
    # A verb of gathering beside them still reports one, and so does chanting as the crowd's
    # accompaniment ("…مرددين هتافات").
    assert types("وتجمع المتظاهرون أمام مبنى المحافظة في البصرة ورفعوا لافتات تطالب بالكهرباء.") & DEMONSTRATION
    assert types("تجمع العشرات من الأهالي في ساحة المدينة أمس مرددين هتافات ضد الغلاء.") & DEMONSTRATION


# --- lexicon matching -----------------------------------------------------------------------

def _context_kinds(text: str) -> list[tuple[str, str]]:
    from rasad.kb import knowledge_base
    from rasad.text.normalize import normalize
    from rasad.text.tokens import tokenize

    norm = normalize(text).text
    return [(m.surface, m.value.kind) for m in knowledge_base().context.find(tokenize(norm), norm)]


def test_a_lexicon_word_whose_al_is_root_letters_keeps_it():
    # "ألقت" (threw) folds to "القت"; stripped of "ال" it was "قت", which "وقت" (time) carries
    # once its "و" is gone: every "في وقت لاحق" had a verb of doing before a crowd noun.
    assert ("وقت", "light_verb") not in _context_kinds("وخاطب الزعيم المتظاهرين في وقت لاحق")
    assert ("بقي", "light_verb") not in _context_kinds("بقي الوضع هادئا")
    assert not types("وخاطبت الناشطة المتظاهرين في وقت متأخر من مساء أمس.") & DEMONSTRATION
    # The verb itself, with or without a clitic, is still found.
    assert ("وألقت", "light_verb") in _context_kinds("وألقت طائرة حربية قنابل على القرية")
    assert ("ألقى", "light_verb") in _context_kinds("ألقى مجهولون قنبلة يدوية على منزل")
    assert types("ألقى مجهولون قنبلة يدوية على منزل في حي الجمعيات بمدينة الرقة أمس.") & VIOLENT


# --- violence named, not reported -----------------------------------------------------------

def test_a_noun_of_killing_that_counts_no_one_is_no_toll():
    # "القتل" is a casualty word, but with no one counted it names a kind of violence: it does
    # not make the nouns beside it (التفجير، الخطف) a report, nor ground a verb used figuratively.
    assert not types("وانتقد الكاتب وسائل إعلام تمجد القتل والتفجير والخطف.") & VIOLENT
    assert not types("وقال إن الفساد قتل كل أمل لدى الشباب.") & VIOLENT
    # Someone counted is a toll: the same nouns and verb report an incident.
    assert types("وأسفر التفجير عن مقتل ثلاثة أشخاص وإصابة سبعة آخرين.") & VIOLENT
    assert types("وأطلق مسلحون النار على سيارة مدنية وقتلت مدنياً.") & VIOLENT



def test_training_threats_fears_and_confessions_report_no_attack():
    # Training for attacks, a threat or fear of one, and confessions about one are about
    # attacks not (or not here) carried out.
    assert not types("واعتقلت الشرطة خمسة أشخاص تلقوا تدريبا على تنفيذ هجمات في العاصمة.") & VIOLENT
    assert not types("وهددت الحكومة باستهداف معاقل المسلحين في الجبال.") & VIOLENT
    assert not types("وتخشى الأجهزة الأمنية أن يؤدي الهجوم إلى مقتل الرهائن.") & VIOLENT
    assert not types("وبث التلفزيون اعترافات ثلاثة أشخاص حول تفجير سيارة مفخخة في المدينة الشهر الماضي.") & VIOLENT
    # The same nouns in a report of the attack itself.
    assert types("وقتل خمسة أشخاص في تفجير سيارة مفخخة في المدينة أمس.") & VIOLENT
    assert types("واستهدفت طائرات حربية معاقل المسلحين في الجبال أمس، ما أدى إلى مقتل عشرة منهم.") & VIOLENT


def test_a_verbal_attack_and_bursting_into_laughter_are_no_violence():
    assert not types("وشن رئيس النادي هجوما قويا على أعضاء مجلس الإدارة خلال زيارته أمس.") & VIOLENT
    assert not types("فانفجرت الوزيرتان بالضحك أمام الصحافيين في المؤتمر أمس.") & VIOLENT
    assert types("وانفجرت عبوة ناسفة أمام مقر الشرطة في المدينة أمس.") & VIOLENT


# --- a past incident the news follows from --------------------------------------------------

def test_an_after_phrase_behind_a_main_clause_about_something_else_names_a_past_incident():
    # The news is the call or the resignation; the attack is what it followed.
    assert not types("دعا وزير الخارجية رعايا بلاده إلى مغادرة البلاد، إثر مقتل مهندسين في هجوم مسلح الجمعة.") & VIOLENT
    assert not types("وقدم وزير الداخلية استقالته أمس بعد مقتل متظاهرين اثنين في مواجهات مع الشرطة.") & VIOLENT
    # A main clause that tells violence, or armed men acting, keeps the incident (ACLED codes
    # one told in passing), and so does a sentence that opens with the phrase.
    assert types("قتل ثلاثة مدنيين أمس إثر انفجار عبوة ناسفة في سوق المدينة.") & VIOLENT
    assert types("دخلت أرتال هيئة تحرير الشام مدينة عفرين أمس بعد اشتباكات مع الفيلق الثالث أسفرت عن سقوط قتلى.") & VIOLENT
    assert types("وبعد اشتباكات عنيفة أسفرت عن مقتل خمسة عناصر، سيطرت القوات على القرية أمس.") & VIOLENT


# --- counting person nouns ------------------------------------------------------------------

def _killed(text: str) -> list[int | None]:
    return [e.fatalities for e in extract_article(Article(text=text, published=PUB)).events]


def test_the_accusative_singular_is_one_person_and_the_dual_two():
    # "شخصاً" / "مدنيا" (a final ا, with or without tanween) is one person, not a dual.
    shot = "أطلق مسلحون مجهولون النار على سيارة في بلدة الشحيل أمس وقتلوا "
    assert _killed(shot + "شخصاً.") == [1]
    assert _killed(shot + "شخصا.") == [1]
    assert _killed("قصفت طائرة مسيرة سيارة في مدينة مأرب أمس وقتلت مدنياً.") == [1]
    # -ين/-ان are the dual; the nisba's -ين is the plural (at least two), and a number after it counts.
    assert _killed(shot + "شخصين.") == [2]
    shell = "سقطت قذيفة هاون على حي المحطة في مدينة درعا أمس، ما أدى إلى مقتل "
    assert _killed(shell + "مدنيين اثنين.") == [2]
    assert _killed(shell + "خمسة مدنيين.") == [5]
    assert _killed(shell + "مدنيين.") == [2]
    # A definite casualty noun is the subject of what follows, not a verb with its object:
    # "وأن القتلى رجال" counts no one, and the definite "الغارة" it followed stays a reference.
    assert not types("وذكر الأهالي أن الغارة أصابت منازل في القرية وأن القتلى رجال.") & VIOLENT


# --- plans, options and guesses -------------------------------------------------------------

def test_preparing_for_an_attack_or_weighing_it_reports_none():
    # "استعدادا لـ" (in preparation for), "خيار" (an option) and "من المعتقد/من المرجح" (it is
    # believed/likely) make the violence after them a plan or a guess.
    assert not types("حشد الجيش دباباته قرب مدينة الموصل أمس استعدادا لشن هجوم على مواقع المسلحين.") & VIOLENT
    assert not types("وبحث الوزراء في بغداد أمس خيار شن غارات جوية على معسكرات المسلحين في الجبال.") & VIOLENT
    assert not types("وقال المتحدث إن من المعتقد أن المسلحين أصيبوا في غارة جوية قرب الحدود أمس.") & VIOLENT
    # Told before them, the incident stands.
    assert types("شن الجيش هجوما على مواقع المسلحين قرب مدينة الموصل أمس، استعدادا لاقتحام المدينة.") & VIOLENT
    assert types("قال المتحدث إن ثلاثة مسلحين أصيبوا في غارة جوية قرب الحدود أمس، ومن المعتقد أن بينهم قياديا.") & VIOLENT


def test_an_investigation_into_an_incident_or_its_repercussions_name_it_as_known():
    # "التحقيقات في التفجير", "تداعيات تفجير": the incident is already known; the news is the
    # investigation or what followed.
    assert not types("تواصلت التحقيقات الأمنية في التفجير الذي استهدف دورية للشرطة في مدينة صيدا "
                     "وأدى إلى إصابة جنديين.") & VIOLENT
    assert not types("وعقد مجلس الوزراء جلسة طارئة في بيروت لبحث تداعيات تفجير سيارة مفخخة قرب مقر "
                     "الشرطة في صيدا أمس.") & VIOLENT
    # The report itself, with an investigation opened after it, stands.
    assert types("انفجرت عبوة ناسفة بدورية للشرطة في مدينة صيدا أمس وأدت إلى إصابة جنديين، وبدأت "
                 "الشرطة تحقيقات في الحادث.") & VIOLENT
    assert types("اغتال مسلحون مجهولون نائبا في بيروت أمس، وسط تداعيات الأزمة السياسية.") & VIOLENT


# --- incidents named in a relative clause ---------------------------------------------------

def test_an_arabic_relative_clause_describes_an_incident_named_before():
    # The Arabic relative clause opens with its verb and a preposition, so its trigger may stand
    # four words after the pronoun: "التي قضت في هجوم", "الذين قاموا بتفجير سيارة مفخخة".
    assert not types("وانتخب الحزب في لاهور أمس زعيما جديدا خلفا لزعيمته التي قضت في هجوم انتحاري.") & VIOLENT
    assert not types("ودان الحزب في بيان أصدره في دمشق أمس الإرهابيين الذين قاموا بتفجير سيارة مفخخة.") & VIOLENT
    # The same incident told in a main clause is a report.
    assert types("قضت زعيمة الحزب في هجوم انتحاري استهدف موكبها في مدينة روالبندي أمس.") & VIOLENT
    assert types("تعرض مكتب المنظمة في العاصمة لاعتداء انتحاري أمس أسفر عن مقتل ثلاثة من موظفيه.") & VIOLENT
    # A relative clause that dates the incident itself tells it in passing, and ACLED codes it.
    assert types("وعين التنظيم زعيما جديدا خلفا للزعيم السابق الذي قتل في اشتباكات مع فصائل المعارضة "
                 "في مدينة جاسم قبل شهر.") & VIOLENT


def test_an_actor_behind_a_preposition_is_the_victims_side_not_the_doer():
    # "وقتلوا قائدا لحركة حماس": the name after ل says whose leader was killed; the count is
    # the person noun before it (one), not something after the name.
    assert _killed("اقتحم مسلحون منزلا في بلدة الشحيل أمس وقتلوا قائدا لحركة حماس.") == [1]
    assert _killed("اقتحم مسلحون منزلا في بلدة الشحيل أمس وقتلوا قائدا للحركة.") == [1]
    # The doer right after the verb is still skipped to reach the victims.
    assert _killed("أعدم عناصر من تنظيم داعش، أمس، راعي أغنام ذبحاً في بادية بلدة الشحيل.") == [1]


# --- weapons carried, not used --------------------------------------------------------------

def test_a_car_bomb_carried_or_held_is_no_explosion():
    # Men arrested "وهم يستقلون سيارة مفخخة" / "وبحوزتهم عبوات ناسفة": the weapon was not used.
    assert not types("اعتقلت الشرطة ثلاثة مسلحين في مدينة كربلاء أمس وهم يستقلون سيارة مفخخة.") & VIOLENT
    assert "Strategic developments" in types(
        "اعتقلت الشرطة ثلاثة مسلحين في مدينة كربلاء أمس وهم يستقلون سيارة مفخخة.")
    assert not types("ألقت قوات الأمن القبض على مسلحين في مدينة الموصل أمس وبحوزتهم عبوات ناسفة.") & VIOLENT
    # A car bomb that went off, with its driver "كان يستقلها", is an explosion.
    assert "Explosions/Remote violence" in types(
        "انفجرت سيارة مفخخة كان يستقلها مسلح قرب حاجز للشرطة في مدينة كربلاء أمس.")


def test_a_halt_asked_for_or_agreed_is_no_report_of_what_it_halts():
    # "يقضي بوقف اطلاق الصواريخ", "لإيقاف القصف": the violence named is to stop.
    assert not types("وأكد الوسيط أمس أن الفصائل وافقت على عرض يقضي بوقف اطلاق الصواريخ مقابل اعادة "
                     "فتح المعابر التي اغلقت قبل عشرة أيام.") & VIOLENT
    # The rockets fired, with calls to halt something else after them, stand.
    assert types("أطلقت الفصائل في غزة أمس صواريخ على البلدات الإسرائيلية، رغم دعوات لوقف التصعيد.") & VIOLENT


def test_a_verb_that_is_never_figurative_needs_no_place_or_date():
    # "فجر نفسه" (blew himself up) reports an incident even when the sentence names no known
    # place, date, weapon or toll.
    assert types("وأفاد مسؤولون بأن انتحاريا فجر نفسه خارج مكتب شركة أمنية أجنبية.") & VIOLENT
    # An ordinary verb of violence still needs them: it is used in opinion and analysis too.
    assert not types("وأفاد مسؤولون بأن مسلحين قصفوا مكتب شركة أمنية أجنبية.") & VIOLENT


# --- history ----------------------------------------------------------------------------------

def test_a_past_year_or_span_in_words_dates_history():
    # "العام الماضي", "قبل أكثر من عام": like a bare past year, in a sentence that gives no day.
    assert not types("وقال الأب إن مسلحين قتلوا ابنه في مدينة الموصل العام الماضي.") & VIOLENT
    assert not types("وأشار المتحدث إلى تفجير انتحاري في حي الأعظمية ببغداد قبل أكثر من عام أدى إلى "
                     "مقتل خمسة أشخاص.") & VIOLENT
    # Today's incident, compared with last year's in another clause or dated to the day, stands.
    assert types("هاجم مسلحون حاجزا للشرطة في مدينة الموصل أمس وقتلوا ثلاثة عناصر، وكان الحاجز قد "
                 "تعرض لهجوم مماثل العام الماضي.") & VIOLENT
    assert types("قتل ثلاثة عناصر من الشرطة في هجوم على حاجز في مدينة الموصل في 3 آذار، وهو أعنف "
                 "هجوم منذ العام الماضي.") & VIOLENT


def test_a_month_named_with_its_year_long_before_publication_dates_history():
    # Wire reports end with background: "In August 2022, clashes … killed 32 people". A month and
    # year more than two months before publication dates its clause's violence as history.
    pub = dt.date(2025, 8, 20)
    assert not types("In August 2022, clashes between rival armed groups in Tripoli killed 32 people.", pub) & VIOLENT
    assert not types("وفي آب 2022 قتل 32 شخصاً في اشتباكات بين مجموعات مسلحة في طرابلس.", pub) & VIOLENT
    # Last month's incident, told with its month and year, is news.
    assert types("In July 2025, clashes between rival armed groups in Tripoli killed 32 people.", pub) & VIOLENT


def test_a_state_in_force_since_a_day_long_past_is_history_and_no_same_day():
    # "despite the ceasefire agreement in force since 27 November 2024", in notes of April 2025:
    # the truce is history, and "On the same day" after it counts from the strike, not the truce.
    pub = dt.date(2025, 4, 11)
    text = ("On 8 April 2025, an Israeli drone struck a car in Ain Baal, killing a Hezbollah member. The "
            "strike took place despite the ceasefire agreement in force since 27 November 2024. On the same "
            "day, Israeli forces fired several artillery shells at the outskirts of Kfar Shouba.")
    evs = extract_article(Article(text=text, published=pub)).events
    assert [(e.sub_event_type, e.event_date) for e in evs] == [
        ("Air/drone strike", "2025-04-08"), ("Shelling/artillery/missile attack", "2025-04-08")]
    # A full date a few days before publication is news.
    assert "Strategic developments" in types("A ceasefire agreement between the two clans took effect in "
                                             "Baalbek on 9 April 2025.", pub)


def test_protests_and_agreements_dated_by_a_past_year_are_history():
    # Not only violence: protests and truces a past year dates, in a sentence that gives no day.
    pub = dt.date(2024, 7, 24)
    assert not types("Basra was the epicentre of mass anti-government protests in 2018 and 2019.", pub) & DEMONSTRATION
    assert not types("Protesters in Suwayda have been holding near-daily demonstrations since August 2023.",
                     pub) & DEMONSTRATION
    assert "Strategic developments" not in types("A UN-brokered truce that took effect in April 2022 has "
                                                 "largely held in Marib.", pub)
    # A day in the sentence makes the year what the protest is about, and a year far from the
    # protest belongs to another clause of history ("الذي أطاحه انقلاب عام 2006").
    assert types("اقتحم عشرات المودعين الغاضبين، أمس، فروعاً لعدد من المصارف في بيروت، وأضرموا النار في واجهة "
                 "أحدها، مطالبين بالحصول على ودائعهم المحتجزة منذ عام 2019.", pub) & DEMONSTRATION
    assert types("ويعتصم آلاف المتظاهرين داخل مجمع الحكومة في بانكوك ويطالبون باستقالة رئيس الوزراء الذي "
                 "يتهمونه بأنه دمية يحركها سلفه الذي أطاحه انقلاب عام 2006.", None) & DEMONSTRATION


def test_an_incident_dated_after_publication_is_a_plan_not_a_report():
    # "يوم الجمعة المقبل", "next week": ACLED codes what happened, never what is planned.
    pub = dt.date(2025, 7, 14)
    assert not types("ويعتزم المحتجون تنظيم تظاهرات في الديوانية يوم الجمعة المقبل.", pub) & DEMONSTRATION
    assert not types("وينظم المعلمون وقفة احتجاجية أمام مبنى المحافظة في الكوت الأسبوع المقبل.", pub) & DEMONSTRATION
    result = extract_article(Article(text="وتظاهر المعلمون أمام مبنى المحافظة في الكوت يوم الجمعة المقبل.",
                                     published=pub))
    assert not result.events and any("after publication" in w for w in result.warnings)
    # A day before publication is a report, and so is an explicit date after it: a wrong
    # publication date is likelier than a plan told with its full date.
    assert types("Thousands marched in Diwaniyah last Friday to demand electricity.", pub) & DEMONSTRATION
    assert types("On 28 August 2025, thousands marched in Diwaniyah to demand electricity.", pub) & DEMONSTRATION


def _coded(text: str, published: dt.date = PUB) -> list[tuple[str, str | None]]:
    return [(e.sub_event_type, e.actor2) for e in extract_article(Article(text=text, published=published)).events]


def test_a_protest_that_turned_into_clashes_with_the_forces_is_a_riot():
    # "احتجاجات … تحولت إلى مواجهات مع القوات الأمنية": clashing with the police is the crowd's
    # own violence (ACLED's violent demonstration), like storming or burning.
    assert _coded("قتل متظاهر وأصيب العشرات أمس خلال احتجاجات في مدينة الديوانية تحولت إلى مواجهات مع "
                  "القوات الأمنية.") == [("Violent demonstration", "Police Forces of Iraq (2020-)")]
    # Without the clashes it stays a protest met with force.
    assert _coded("قتل متظاهر وأصيب العشرات أمس برصاص القوات الأمنية خلال احتجاجات في مدينة "
                  "الديوانية.")[0][0] == "Excessive force against protesters"


def test_riot_police_are_no_riot():
    # "riot police" is a name, as "قوات مكافحة الشغب" is: its first word is no riot trigger.
    coded = _coded("Hundreds of teachers protested in Kut on Sunday in front of riot police.")
    assert coded and all(sub != "Violent demonstration" for sub, _ in coded)
    # Rioting told by a verb beside the same police stands.
    assert _coded("Hundreds of youths rioted in Kut on Sunday, throwing stones at riot police.")[0][0] == \
        "Violent demonstration"


def test_history_told_after_an_incident_lends_it_no_toll():
    # "وتتجدد الاحتجاجات … إذ شهدت البصرة في تموز 2018 احتجاجات قتل خلالها أكثر من عشرة": the
    # protests named again are set beside history; its dead are not today's.
    text = ("وتظاهر المئات أمس في مدينة الحلة احتجاجاً على انقطاع الكهرباء. وتتجدد الاحتجاجات على أزمة "
            "الكهرباء كل صيف منذ سنوات، إذ شهدت محافظة البصرة في تموز 2018 احتجاجات واسعة قتل خلالها "
            "أكثر من عشرة متظاهرين.")
    evs = extract_article(Article(text=text, published=dt.date(2025, 7, 14))).events
    assert [(e.admin1, e.fatalities) for e in evs] == [("Babil", 0)]
    # A toll told again without history is the incident's.
    text = "وتظاهر المئات أمس في مدينة الحلة. وأدت الاحتجاجات إلى مقتل متظاهرين اثنين."
    evs = extract_article(Article(text=text, published=dt.date(2025, 7, 14))).events
    assert [e.fatalities for e in evs] == [2]


def test_attacks_a_detainee_was_suspected_of_planning_are_no_attack():
    # "arrested a man on suspicion of belonging to IS and planning attacks": what he is suspected
    # of planning did not happen.
    pub = dt.date(2025, 4, 11)
    assert types("On 10 April 2025, police arrested a Syrian man in Tripoli on suspicion of belonging to the "
                 "Islamic State and planning attacks in the city.", pub) == {"Strategic developments"}
    assert not types("Security forces said the cell was plotting bombings in Kirkuk.", pub) & VIOLENT
    # The attack told before the plans stands.
    assert types("IS militants attacked an army post near Kirkuk on Monday, and officials said the cells were "
                 "planning more attacks.", pub) & VIOLENT


def test_a_count_since_the_start_of_a_period_is_statistics():
    # "Since the start of 2024, the monitor has documented the deaths of 163 regime soldiers in IS
    # attacks": a running total, not an incident.
    pub = dt.date(2024, 9, 18)
    assert not types("Since the start of 2024, the monitor has documented the deaths of 163 regime soldiers "
                     "and militiamen in IS attacks across the Syrian Badia.", pub) & VIOLENT
    # Today's attack told with its own toll stands.
    assert types("IS cells attacked a regime position near Al-Shoula on Tuesday, killing three soldiers.",
                 pub) & VIOLENT


def test_what_a_force_says_it_will_do_is_no_incident():
    # "it will continue to strike with an iron fist against all those who tamper with security": a
    # vow, not a strike.
    pub = dt.date(2025, 2, 11)
    assert not types("The Army Command stresses that it will continue to strike with an iron fist against all "
                     "those who tamper with security, and reaffirms its commitment to the cessation of hostilities "
                     "arrangement that took effect on 27 November 2024.", pub) & VIOLENT
    # What was done before the vow in the same sentence stands.
    assert types("Israeli drones struck a car near Tyre on Monday, killing two men, and the army said it will "
                 "continue its operations.", pub) & VIOLENT


def test_an_arrest_someone_urged_and_the_drone_told_again_are_no_new_incidents():
    # "urged the federal government to arrest the perpetrators": a demand; "The drone hit a storage
    # area of the field": the drone strike just told, told again.
    pub = dt.date(2024, 4, 27)
    text = ("Four workers were killed late on Friday when a drone struck the Khor Mor gas field in Chamchamal "
            "district, officials said.\n\nThe drone hit a storage area of the field at around 9pm, the district "
            "mayor said. The prime minister urged the federal government to arrest the perpetrators.")
    evs = extract_article(Article(text=text, published=pub)).events
    assert [(e.sub_event_type, e.fatalities) for e in evs] == [("Air/drone strike", 4)]
    # A drone told as "a drone" is another.
    text = ("Four workers were killed late on Friday when a drone struck the Khor Mor gas field in Chamchamal "
            "district.\n\nOn Saturday, a drone hit a Peshmerga post near Kifri, wounding two fighters.")
    assert len(extract_article(Article(text=text, published=pub)).events) == 2


def test_the_start_of_this_year_dates_history():
    # "وكانت بلدة تقاد نفسها قد شهدت مطلع العام الحالي مقتل ثلاثة أطفال بقصف مماثل": months back,
    # told as background to today's shelling.
    pub = dt.date(2024, 10, 15)
    assert not types("وكانت بلدة تقاد نفسها قد شهدت مطلع العام الحالي مقتل ثلاثة أطفال بقصف مماثل.", pub) & VIOLENT
    assert not types("Three children were killed in similar shelling on Taqad earlier this year.", pub) & VIOLENT
    # With a day of its own the incident is news.
    assert types("قتل ثلاثة أطفال أمس بقصف على بلدة تقاد، وهو الأعنف منذ مطلع العام الحالي.", pub) & VIOLENT


def test_those_detained_and_what_a_group_claims_it_did_are_no_new_incidents():
    # "Those detained were taken to an unknown location": the people of the arrest told before.
    # "the Islamic Resistance in Iraq claimed it had launched a drone at a vital target": a claim,
    # after the drone shot down was told, is no strike of its own.
    pub = dt.date(2024, 11, 21)
    text = ("Military Intelligence forces arrested at least 12 young men in the town of Kanakir on Monday, residents "
            "said. Those detained were taken to an unknown location.")
    assert [e.sub_event_type for e in extract_article(Article(text=text, published=pub)).events] == ["Arrests"]
    text = ("Late Wednesday, Israeli air defenses shot down a drone over the countryside of Quneitra province. Hours "
            "later, the Islamic Resistance in Iraq claimed it had launched a drone at a vital target in the Golan.")
    assert [e.sub_event_type for e in extract_article(Article(text=text, published=pub)).events] == [
        "Disrupted weapons use"]


def test_a_crowds_gathering_broken_up_is_a_protest_met_with_force():
    # "فرّقت قوات مكافحة الشغب تجمعاً لمئات المعلمين … واعتقلت عدداً منهم": one protest with
    # intervention; "استهداف … تجمعاً لهم بطائرة مسيرة" (soldiers gathered) is a target, no protest.
    pub = dt.date(2024, 5, 19)
    evs = extract_article(Article(text="فرّقت قوات مكافحة الشغب في مدينة السليمانية اليوم تجمعاً لمئات المعلمين "
                                  "المطالبين بصرف رواتبهم أمام مبنى المحافظة، واعتقلت عدداً منهم.", published=pub)).events
    assert [e.sub_event_type for e in evs] == ["Protest with intervention"]
    assert not types("أصيب أربعة جنود إثر استهداف جماعة الحوثي تجمعاً لهم بطائرة مسيرة مفخخة في مديرية بيحان.",
                     pub) & DEMONSTRATION


def test_a_suspected_weapon_is_no_explosion():
    # "بسبب الاشتباه بوجود سيارة مفخخة": suspicion, like other guesses, is modal.
    assert not types("وأغلقت الشرطة وسط المدينة أمس أمام السيارات بسبب الاشتباه بوجود سيارة مفخخة.") & VIOLENT
    # The explosion told before a suspect's arrest stands.
    assert "Explosions/Remote violence" in types(
        "انفجرت سيارة مفخخة في وسط المدينة أمس، واعتقلت الشرطة رجلا للاشتباه بعلاقته بالتفجير.")


def test_a_verb_read_through_the_article_is_its_verbal_noun():
    # Arabic verbs never take the article: "التظاهر" is the act of demonstrating named, as in a
    # statement about rights, not a verb of completed action that reports one.
    assert not types("وقال الوزير إن التظاهر السلمي حق يكفله القانون في بغداد وكل المحافظات.") & DEMONSTRATION
    assert not types("ودعا البيان أهالي البصرة إلى التظاهر والاعتصام حتى تلبية مطالبهم.") & DEMONSTRATION
    # The verb itself still reports one, and so does an entry that carries the article itself.
    assert types("وتظاهر المئات أمام مبنى المحافظة في البصرة أمس للمطالبة بالكهرباء.") & DEMONSTRATION
    assert types("وأكد مسؤول أن دبابات فتحت النار على سكان ودمرت مباني في مدينة درعا.") & VIOLENT


def test_feminine_dual_and_passive_forms_of_violent_verbs_report_incidents():
    # The lexicon lists verb forms: "أطلقت النار" (a feminine subject), "اختطفا" (two people
    # taken) and the passive "اغتيل" report incidents like the forms listed before them.
    assert types("فأطلقت الدورية النار باتجاه السيارة ما أدى إلى مقتل سائقها في بلدة طفس.") & VIOLENT
    assert types("وقال مصدر إن موظفين اثنين اختطفا من منزليهما في مدينة الرقة أمس.") & VIOLENT
    assert types("واغتيل مختار القرية برصاص مجهولين في ريف درعا الغربي أمس.") & VIOLENT
    # A form that is also a noun or an adjective is not listed: "انفجرت" is, "انفجار" stays a noun
    # that needs something concrete beside it.
    assert not types("وحذر الكاتب من انفجار الغضب الشعبي.") & VIOLENT


def test_a_projectile_sent_by_a_verb_of_launching_some_words_before_is_an_attack():
    # The launcher, a time or a count may stand between the verb and the projectile.
    assert types("وكانت الفصائل قد أطلقت عشرات الصواريخ فجر أمس على البلدات المحيطة بالمدينة.") & VIOLENT
    assert types("وأطلقت طائرة مسيرة مجهولة أمس صاروخين على سيارة قرب بلدة سرمدا.") & VIOLENT
    # Projectiles seized, shown or talked of are no attack.
    assert not types("وضبطت القوات الأمنية عشرات الصواريخ في مخزن قرب بلدة سرمدا أمس.") & VIOLENT
    assert not types("وعرض الجيش أمس عشرات الصواريخ والقذائف في بلدة سرمدا.") & VIOLENT


def test_a_past_span_of_years_counted_in_words_is_history():
    # "السنوات الخمس الماضية" is a past span like "السنوات الماضية": with no day in the sentence,
    # the violence it dates is history.
    assert not types("وخلال السنوات الخمس الماضية سقطت آلاف القذائف على المدينة وتسببت في قتل مئات المدنيين.") & VIOLENT
    # A sentence that gives the incident its day reports it.
    assert types("وقتل أمس ثلاثة مدنيين في قصف على بلدة كفرنبل التي سقطت عليها آلاف القذائف خلال السنوات الخمس الماضية.") & VIOLENT


def test_a_verb_of_gathering_after_a_comma_is_not_the_crowds_predicate():
    # "بين المتظاهرين، وأغلقوا": the crowd noun ends a clause about someone else; the verb after
    # the comma has another subject.
    assert not types("ووقفت قوات الأمن بين المحتجين، وأغلقوا مداخل الجامعة في البصرة أمس.") & DEMONSTRATION
    # Right after the noun, with no punctuation between, the verb is what the crowd did.
    assert types("وقال شهود إن المحتجين أغلقوا مداخل الجامعة في البصرة أمس.") & DEMONSTRATION


def test_blocking_a_road_clashing_and_a_sit_in_broken_up_report_a_protest():
    assert types("وسد المحتجون الطريق الرئيسي المؤدي إلى ميناء البصرة أمس.") & DEMONSTRATION
    assert types("وفضت قوات الأمن اعتصاما أمام مبنى المحافظة في الناصرية أمس.") & DEMONSTRATION
    assert types("وخرج المئات في البصرة أمس واصطدموا مع رجال الشرطة قرب مبنى المحافظة.") & (DEMONSTRATION | VIOLENT)
    # "سد" is also a dam: with no crowd beside it, it reports nothing.
    assert not types("وقال الوزير إن سد الموصل بحاجة إلى صيانة عاجلة هذا العام.") & (DEMONSTRATION | VIOLENT)


def _sub_types(text: str, published: dt.date | None = PUB) -> set[str | None]:
    return {e.sub_event_type for e in extract_article(Article(text=text, published=published)).events}


def test_a_report_before_a_comma_is_not_the_background_summary_after_it():
    # "…، حيث تكثر عمليات الخطف": the clause after the comma speaks of kidnappings in general;
    # the kidnapping before it, dated, is reported.
    assert types("كما خطف مسلحون قبل ثلاثة أيام، خمسة مزارعين في ريف كركوك، حيث تكثر عمليات الخطف والقتل.") & VIOLENT
    # Without a date or a toll of its own before the comma, the verb is part of the background.
    assert not types("ويخطف مسلحون المزارعين في ريف كركوك، حيث تكثر عمليات الخطف والقتل.") & VIOLENT
    # Violence after the summary word is the summary itself.
    assert not types("وتحدث التقرير عن عمليات خطف وقتل في ريف كركوك.") & VIOLENT


def test_a_plural_subject_in_the_nominative_makes_a_verb_of_a_word_that_may_be_a_noun():
    # "خطف مسلحون": the nominative -ون is a subject, so خطف is "kidnapped", told as done.
    assert types("خطف مسلحون أمس ثلاثة مزارعين قرب بلدة الحويجة.") & VIOLENT
    # In the genitive ("خطف المسلحين": the gunmen's kidnapping) it stays a noun, here named
    # in a demand and not reported.
    assert not types("وطالب الأهالي بوقف خطف المسلحين للمزارعين قرب بلدة الحويجة.") & VIOLENT


def test_what_was_done_after_an_intent_and_a_comma_with_a_toll_is_reported():
    # "يشتبه في أنه أراد تنفيذ عملية انتحارية…، فتح النار ثم فجر" with the wounded counted: the
    # suspected intent is told, then the act.
    assert types("قالت الشرطة إن رجلا يشتبه في أنه أراد تنفيذ عملية انتحارية في سوق المدينة، فتح النار ثم فجر "
                 "حزامه الناسف ما أدى إلى إصابة خمسة أشخاص.") & VIOLENT
    # With no punctuation between, the verb is still inside the intent…
    assert not types("وقالت الشرطة إن المسلح كان يعتزم فتح النار على المصلين ما يؤدي إلى مقتل العشرات.") & VIOLENT
    # …and with no toll after it, the act after the comma may be intended too.
    assert not types("وكان المسلح يعتزم تنفيذ هجوم على السوق، وفتح النار على المارة.") & VIOLENT


def test_an_aircraft_without_a_pilot_is_a_drone():
    # "طائرة بدون طيار" / "بلا طيار": the long name of a drone; missiles it fired are a drone strike.
    assert "Air/drone strike" in _sub_types("أطلقت طائرة بدون طيار صاروخين على سيارة قرب بلدة سرمدا أمس.")
    assert "Air/drone strike" in _sub_types("أطلقت طائرة بلا طيار أمس صاروخا على منزل في قرية قرب سرمدا.")


def test_fire_with_the_shooters_pronoun_is_shooting():
    # "أطلقت دبابات الجيش نيرانها على الحي": نيرانها is النار with "its"; the phrase reports fire.
    assert types("أطلقت دبابات الجيش نيرانها على حي الكرامة في مدينة حمص أمس.") & VIOLENT
    # Focusing "its fire" on the economy is a figure of speech with no violence.
    assert not types("وركزت الحكومة نيرانها على الفساد في خطاب الموازنة أمس.") & VIOLENT


def test_violence_named_as_a_purpose_is_not_done():
    # "من أجل": like "بهدف", what follows is what someone meant to do.
    assert not types("وقال الوزير إن الجماعة لم تدخر جهدا من أجل تدمير البلاد وقتل أبنائها.") & VIOLENT
    # Violence told before the purpose was done: "killed two … in order to steal their car".
    assert types("قتل مسلحون مجهولون شابين في بلدة الشحيل أمس من أجل سرقة سيارتهما.") & VIOLENT
    # Inside a name the words reach no further than a purpose: "the Alliance for Change" attack.
    assert types("وأكد قائد تحالف الطوارق من أجل التغيير مقتل 30 عسكريا أمس في هجوم شنه التحالف "
                 "على معسكر للجيش في منطقة نامبالا.") & VIOLENT


def test_weapons_tests_and_judicial_hangings_are_no_attack():
    # A test of missiles or of an atomic bomb strikes no one.
    assert not types("وأجرت الدولة أمس تجربة صواريخ بعيدة المدى في الصحراء.") & VIOLENT
    assert not types("وقال دبلوماسي إن الدولة فجرت قنبلتها الذرية الأولى في الموقع أمس.") & VIOLENT
    # Hanging is how a court's sentence is carried out; ACLED codes no legal execution.
    assert not types("وقال المدعي العام إن ثلاثة مدانين أعدموا شنقا أمس في سجن المدينة.") & VIOLENT
    # The same verbs in an attack.
    assert types("وفجرت مجموعة مسلحة عبوة ناسفة في سوق المدينة أمس ما أدى إلى مقتل ثلاثة أشخاص.") & VIOLENT
    assert types("وأعدم مسلحو التنظيم ثلاثة رعاة رميا بالرصاص في بادية المدينة أمس.") & VIOLENT


def test_a_count_so_far_this_month_is_statistics():
    assert not types("وقال موقع يتابع القتلى إن 13 جنديا قتلوا في البلاد حتى الآن الشهر الحالي.") & VIOLENT
    # An incident numbered in a series this month is still reported.
    assert types("قتل جنديان أمس في هجوم على حاجز في المدينة، وهو الهجوم الرابع منذ مطلع الشهر.") & VIOLENT


def test_fell_victim_counts_the_dead_and_attacks_with_a_pronoun_are_attacks():
    # "راح ضحيتها خمسة": five fell victim to it, i.e. were killed.
    assert _killed("انفجرت سيارة مفخخة في سوق المدينة أمس وراح ضحيتها خمسة مدنيين.") == [5]
    # "اعتداءاتها": its attacks, the noun with the attacker's pronoun.
    assert types("وواصلت القوات اعتداءاتها أمس على قرى ريف درعا.") & VIOLENT
    # A victim of a policy or of a fraud is no casualty.
    assert not types("وقال التقرير إن آلاف المزارعين راحوا ضحية سياسات الحكومة الزراعية.") & VIOLENT


def test_one_of_the_summarised_attacks_named_after_among_them_is_reported():
    # "في هجمات متفرقة أمس بينها انفجار سيارة مفخخة": the car bomb is one of them, told.
    assert types("قتل ستة أشخاص وأصيب آخرون في هجمات متفرقة أمس بينها انفجار سيارة مفخخة جنوب غربي بغداد.") & VIOLENT
    # Without it the sentence only counts the attacks.
    assert not types("وقال التقرير إن ستة أشخاص قتلوا في هجمات متفرقة شهدتها البلاد خلال الأسبوع.") & VIOLENT


def test_the_launch_noun_after_a_verb_of_doing_sends_the_rockets():
    # "وقام من فيها بإطلاق ثلاثة صواريخ كاتيوشا": those in the car launched three rockets.
    assert types("وقام من فيها بإطلاق ثلاثة صواريخ كاتيوشا باتجاه بلدة العديسة.") & VIOLENT
    # Without the verb of doing, the noun names launch pads or an order, not a launching.
    assert not types("وعرض الجيش منصات إطلاق صواريخ كاتيوشا في بلدة العديسة.") & VIOLENT
    assert not types("وأصدر القائد أوامر بإطلاق صواريخ كاتيوشا على البلدة.") & VIOLENT


def test_violence_tried_and_stopped_is_not_done():
    # "أُلقي القبض عليهم أثناء محاولتهم إطلاق صواريخ": arrested while trying to launch rockets.
    assert not types("وقالت الشرطة إن أربعة مسلحين ألقي القبض عليهم أمس أثناء محاولتهم إطلاق صواريخ على البلدة.") & VIOLENT
    # A protest the police tried to break up still took place.
    assert types("واعتقلت الشرطة أمس عشرة ناشطين خلال محاولتها تفريق مظاهرة في وسط المدينة.") & DEMONSTRATION
