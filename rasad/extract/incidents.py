"""Finding incidents: which triggers report a real, completed incident, and how many incidents a
sentence holds.

Rules, each with the reason it exists (tests in ``tests/extract/test_incidents.py``):

* a trigger after a modal word in its sentence (يتوقع، يعتزم، expected to…) reports a forecast or
  plan, not an incident;
* a trigger right after a demonstrative (هذه الهجمات, "these attacks") or up to four words after
  "in response to"/ردا على refers back to incidents already told;
* a sentence of period statistics ("its monthly report", منذ بداية العام) reports no incident,
  nor does a clause dated only by a past year ("خلال غزو العراق عام 2003") or a past year or
  span in words ("العام الماضي", "قبل أكثر من عام") in a sentence that gives no day;
* a verb after a relative pronoun ("الهجوم الذي استهدف…") describes an incident named before, and
  so, in Arabic, does a trigger up to four words after it ("التي قضت في هجوم انتحاري") unless the
  relative clause gives the incident a date of its own;
* violent triggers in a clause that carries a summary marker (عدة هجمات، عمليات) or plural
  trigger nouns in a sentence followed by a detail sentence (حيث…، إذ…) are the article's summary
  of incidents it then details: the details become events, the summary does not;
* a trigger up to four words after a negation (لم يسجل أي هجوم، نفى وقوع اشتباكات, "denied")
  did not happen; a negation elsewhere in the clause ("…دون أن تسجل أي مواجهات") leaves the
  clause's other triggers alone;
* a toll is a casualty word that counts someone ("مقتل ثلاثة", "سقوط قتيلين"): a bare noun of
  killing ("تشجع القتل والتفجير") names a kind of violence and makes no noun beside it, nor a
  verb used figuratively ("الفساد قتل كل أمل"), a report (tests in ``test_rules_newswire.py``);
* a trigger up to four words after an "after" word (إثر، بعد، غداة، في أعقاب) that follows a main
  clause with no trigger, casualty word or armed actor of its own ("دعت الحكومة… إثر مقتل جنديين
  في هجوم") is the past incident the sentence's news follows from; a sentence that opens with
  the phrase, or whose main clause tells violence or names armed men ("دخلت أرتال الهيئة مدينة
  عفرين بعد اشتباكات…"), keeps it (ACLED codes an incident told in passing);
* a trigger next to a non-violent context word ("heart attack", الحكم بالإعدام) is not violence,
  nor is any trigger in a sentence about sport (مباراة, "striker": attacks and shots are moves);
* a projectile (pos ``o``: صواريخ، قذائف) is an attack only up to eight words after a verb of
  launching in its clause ("أطلقت الكتائب فجر أمس عشرات الصواريخ على البلدات");
* a weapon trigger up to four words after a word of carrying or holding in its clause ("وهم
  يستقلون سيارة مفخخة", "وبحوزتهم عبوات ناسفة") names a weapon that was not used: no explosion;
* triggers of one family within one clause are one incident (an ambush that "began with IEDs and
  went on with machine guns" is one event); a new family or a new clause starts a new incident;
* inside a demonstration's clause, shootings, killings and arrests are what happened to the
  protest (excessive force, intervention), not separate events.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field

from rasad.document import Document, Mention, Segment
from rasad.kb import Trigger, words
from rasad.text.dates import after_since
from rasad.text.normalize import fold_raw
from rasad.text.segment import PHRASE_PUNCT, PHRASE_STOPS
from rasad.text.tokens import is_definite
from rasad.extract.classes import ARMED_INTER, DEMONSTRATION, FAMILY, MODIFIERS, STRATEGIC, VIOLENT, rank

ANCHOR_MIN_WEIGHT = 0.5
# A verb this specific ("فجر نفسه", "assassinated") is never figurative: it reports an incident
# without the where, when, weapon or toll other verbs need beside them (triggers.csv weight).
SELF_GROUNDED_WEIGHT = 0.95
_PROTEST_ABSORBS = {"shooting", "killing", "arrest", "attack", "clash", "riot", "destruction"}
_PUNCT = PHRASE_PUNCT
_CLAUSE_STOPS = PHRASE_STOPS | set("!?")
_DISRUPTED_ABSORBS = {"ied", "explosion", "carbomb", "drone", "suicide", "shelling", "airstrike"}
# Triggers that name a weapon ("سيارة مفخخة", "عبوة ناسفة"): after a word of possession
# (بحوزتهم، يستقلون، ضبطت) the weapon was carried, held or found, not used.
_WEAPON_CLASSES = {"ied", "explosion", "carbomb", "suicide", "grenade", "shelling", "chemical"}
_FRAME_REACH = 24  # words from "أقدم" to the "على" + noun it frames
_POSSESSION_REACH = 4  # words from the word of possession to the weapon
_DISPERSE_REACH = 3  # "to disperse hundreds of protesters": words from the dispersal to the crowd noun
_SAW_REACH = 4  # words from "شهدت" (saw) to the protest noun it reports: the place stands between
_DO_REACH = 3  # "قام من فيها بإطلاق": words from the verb of doing to the launch noun
_LAUNCH_REACH = 8  # words from a verb of launching to the projectile it sent (pos o triggers)
# Remote means: two of different kinds, each with its place, are two incidents.
_REMOTE = {"shelling", "airstrike", "drone", "ied", "explosion", "carbomb", "suicide", "grenade"}
# What leads up to a violent incident when told in an "after" clause behind it.
_LEAD_UP = {"arrest", "looting"}


@dataclass
class Incident:
    sentence: int
    clause: int
    tok_start: int
    tok_end: int
    anchors: list[Mention]
    modifiers: list[Mention] = field(default_factory=list)
    referential: bool = False  # only definite nouns ("the ambush killed…"): tells more of a told incident

    @property
    def cls(self) -> str:
        # Asked ~40 times an article (events, roles, notes) and the anchors list is never changed
        # once the incident is built: the class is worked out once per (same, same-length) list.
        cached = self.__dict__.get("_cls")
        if cached is not None and cached[0] is self.anchors and cached[1] == len(self.anchors):
            return cached[2]
        value = self._cls_of_anchors()
        self.__dict__["_cls"] = (self.anchors, len(self.anchors), value)
        return value

    def _cls_of_anchors(self) -> str:
        top = min((a.value.cls for a in self.anchors), key=rank)
        if top == "arrest" and all(fold_raw(a.value.phrase) in words("raid") for a in self.anchors if a.value.cls == "arrest"):
            # "داهمت قسد منازل في البلدة وصادرت عدداً من الدراجات": a raid in which property was
            # taken or burned, and nobody arrested, is looting
            taken = [a.value.cls for a in self.anchors if a.value.cls in ("looting", "destruction")]
            if taken:
                return min(taken, key=rank)
        return top

    @property
    def family(self) -> str:
        return FAMILY[self.anchors[0].value.cls]

    @property
    def weight(self) -> float:
        return max(a.value.weight for a in self.anchors)

    def contains(self, m: Mention | int) -> bool:
        tok = m if isinstance(m, int) else m.tok_start
        return self.tok_start <= tok < self.tok_end


def _context_tokens(doc: Document, kind: str) -> list[Mention]:
    return [m for m in doc.get("context") if m.value.kind == kind]


def _in(seg: Segment, m: Mention) -> bool:
    return seg.tok_start <= m.tok_start < seg.tok_end


def find_incidents(doc: Document) -> list[Incident]:
    detail_starts = {m.tok_start for m in _context_tokens(doc, "detail")}
    years = doc.cache["past_years"] = _past_years(doc)

    incidents: list[Incident] = []
    orphans: list[tuple[Mention, Segment]] = []  # interventions in clauses that report nothing
    for clause in doc.clauses:
        triggers = doc.within("trigger", clause.start, clause.end)
        if not triggers:
            killed = _armed_subject_killed(doc, clause)
            if killed is None:
                continue  # most clauses: nothing below can make an incident without a trigger
            triggers = [killed]
        sent = doc.sentences[clause.sentence]
        # The sentence's context words by kind: looked up per sentence, so a long article costs
        # no more per trigger than a short one.
        ctx: dict[str, list[Mention]] = {}
        names = [(a.start, a.end) for a in doc.within("actor", sent.start, sent.end)]
        for m in doc.within("context", sent.start, sent.end):
            if any(s <= m.start and m.end <= e for s, e in names):
                continue  # part of a name: "قيادة العمليات المشتركة" is no summary of operations
            ctx.setdefault(m.value.kind, []).append(m)
        modal, negation, reference = ctx.get("modal", []), ctx.get("negation", []), ctx.get("reference", [])
        grievance, purpose = ctx.get("grievance", []), ctx.get("purpose", [])
        aftermath = _aftermath(doc, sent, ctx.get("aftermath", []))
        nonviolent = ctx.get("nonviolent", [])
        # "العام الماضي", "خلال السنوات الست الماضية": a past year or span, in a sentence that
        # gives no day, dates what its clause tells as history.
        gives_day = any(d.value.precision == 1 for d in doc.within("date", sent.start, sent.end))
        past_period = [] if gives_day else ctx.get("past_period", [])
        demonstrative_end = {m.tok_end for m in ctx.get("demonstrative", [])}
        sentence_blocked = bool(ctx.get("statistics") or ctx.get("sport"))
        next_is_detail = (
            clause.sentence + 1 < len(doc.sentences)
            and doc.sentences[clause.sentence + 1].tok_start in detail_starts
        )
        summaries = [m for m in ctx.get("summary", []) if _in(clause, m)]
        anniversary = bool(ctx.get("anniversary"))
        anchors: list[Mention] = []
        mods: list[Mention] = []
        # (an unresolved relative day, "أمس" with no publication date, gives a day too)
        past_years_only = clause.sentence in years and not any(
            (d.value.precision == 1 and not _long_past(doc, d, doc.article.published)) or d.value.date is None
            for d in doc.within("date", sent.start, sent.end))
        for t in sorted(triggers, key=lambda m: m.tok_start):
            trig = t.value
            if any(a.value.kind == "generic" and (a.start < t.start < a.end or (
                    a.start == t.start and t.end < a.end and a.value.role not in _CROWDS))
                   for a in doc.within("actor", t.start - 60, t.start + 1)):
                # inside a name: "قوات مكافحة الشغب", "riot police" are no riot (but the crowd of
                # "محتجون غاضبون" is the protest)
                continue
            if trig.cls in MODIFIERS:
                mods.append(t)
                continue
            if trig.weight < ANCHOR_MIN_WEIGHT or sentence_blocked:
                continue
            # (each list below is usually empty: tested before a generator is built for it)
            if modal and any(m.tok_start < t.tok_start for m in modal) and not _done_after_intent(doc, sent, t, modal):
                continue
            if negation and any(_in(clause, m) and 0 <= t.tok_start - m.tok_end <= 4 for m in negation):
                continue
            if t.tok_start in demonstrative_end and _definite(doc, t):
                continue
            if _in_relative_clause(doc, t, sent):
                continue  # "الهجوم الذي استهدف الكنيسة", "الذين قاموا بتفجير…": an incident named before
            if FAMILY.get(trig.cls) == VIOLENT and (any(_in(clause, y) for y in years.get(clause.sentence, ()))
                                                     or any(_in(clause, m) for m in past_period)):
                continue  # "خلال غزو العراق عام 2003": history, not a report
            if past_years_only and any(_in(clause, y) and abs(y.tok_start - t.tok_start) <= _HISTORY_REACH
                                       for y in years[clause.sentence]):
                # "احتجاجات عام 2019", "a truce that took effect in April 2022": protests and
                # agreements told with a past year and no day are history too. (With a day in the
                # sentence the year is what a protest is about: "ودائعهم المحتجزة منذ عام 2019".)
                continue
            if reference and any(0 <= t.tok_start - m.tok_end <= 4 for m in reference):
                continue
            if FAMILY.get(trig.cls) == VIOLENT and any(m.tok_end <= t.tok_start for m in ctx.get("claim", ())) \
                    and incidents:
                # "…a drone struck their checkpoint. … AQAP claimed responsibility, saying it had
                # targeted the militias": the attack told before, claimed (but "IS claimed
                # responsibility for a suicide bombing that…" may be the first telling)
                continue
            if FAMILY.get(trig.cls) == VIOLENT and any(0 <= t.tok_start - m.tok_end <= 4 for m in ctx.get("attempt", ())):
                continue  # "أُلقي القبض عليهم أثناء محاولتهم إطلاق صواريخ": stopped before it was done
            if purpose and any(0 <= t.tok_start - m.tok_end <= 4 for m in purpose):
                continue
            if aftermath and any(0 <= t.tok_start - m.tok_end <= 4 for m in aftermath):
                continue  # "قدم الوزير استقالته إثر مقتل متظاهرين في مواجهات": the cause of the news
            if grievance and any(0 <= t.tok_start - m.tok_end <= 2 for m in grievance):
                continue  # "احتجاجاً على اعتقال شبان": what a protest is against, not how it was met
            if nonviolent and any(_in(clause, m) and abs(m.tok_start - t.tok_start) <= 3 for m in nonviolent):
                continue
            family = FAMILY.get(trig.cls)
            if family is None:
                continue
            if family == VIOLENT and (anniversary or (summaries and _summarised(doc, sent, t, summaries))
                                      or (next_is_detail and trig.weight <= 0.6)):
                continue
            anchors.append(t)
        if not anchors:
            orphans.extend((m, clause) for m in mods)
            continue
        anchors = [a for a in anchors
                   if (a.value.verb and (a.value.weight >= SELF_GROUNDED_WEIGHT or _grounded(doc, clause)))
                   or FAMILY[a.value.cls] == STRATEGIC or _concrete(doc, clause, [a])]
        if not anchors:
            orphans.extend((m, clause) for m in mods)
            continue
        # "kidnapped two shepherds and seized their sheep": taking property in the course of an
        # attack is part of it, not a separate strategic development.
        if any(FAMILY[a.value.cls] == VIOLENT for a in anchors):
            # a settlement the victim had made (context "charge": تسوية مع النظام) says who he was
            settled = {m.tok_start for m in ctx.get("charge", ())}
            taken = [a for a in anchors if a.value.cls in ("looting", "destruction", "threat")
                     or (a.value.cls == "arrest" and not a.value.verb)  # "خلال مداهمة": the raid it happened in
                     or (a.value.cls == "agreement" and a.tok_start in settled)]  # "شاباً أجرى تسوية مع النظام"
            mods.extend(taken)
            anchors = [a for a in anchors if a not in taken]
        # "فككت عبوة ناسفة", "shot down a drone": the weapon named was not used.
        if any(a.value.cls == "disrupted" for a in anchors):
            anchors = [a for a in anchors if a.value.cls not in _DISRUPTED_ABSORBS]
        # "وهم يستقلون سيارة مفخخة", "وبحوزتهم قنابل يدوية": a weapon carried, held or found.
        held = [m for m in ctx.get("possession", []) if _in(clause, m)]
        if held:
            anchors = [a for a in anchors if not (a.value.cls in _WEAPON_CLASSES and any(
                0 <= a.tok_start - m.tok_end <= _POSSESSION_REACH for m in held))]
            if not anchors:
                continue
        # Inside a protest's clause, violence and arrests describe the protest's handling.
        if any(FAMILY[a.value.cls] == DEMONSTRATION for a in anchors):
            absorbed = [a for a in anchors if a.value.cls in _PROTEST_ABSORBS and FAMILY[a.value.cls] != DEMONSTRATION]
            mods.extend(absorbed)
            anchors = [a for a in anchors if a not in absorbed]
        groups: list[list[Mention]] = []
        for a in anchors:
            fam = FAMILY[a.value.cls]
            if groups and FAMILY[groups[-1][0].value.cls] == fam and not _new_means(doc, groups[-1], a):
                groups[-1].append(a)
            else:
                groups.append([a])
        # Strategic words inside a violent incident's clause ("burned" in a fight) only describe
        # it when they come before any violent trigger starts a new group.
        bounds = [clause.tok_start]
        for prev, group in zip(groups, groups[1:]):
            bounds.append(_boundary(doc, prev[-1].tok_end, group[0].tok_start))
        bounds.append(clause.tok_end)
        for i, group in enumerate(groups):
            inc = Incident(clause.sentence, clause.index, bounds[i], bounds[i + 1], group)
            # ("The drone hit a vehicle": the noun told again may itself be a trigger before its verb)
            inc.referential = all(not a.value.verb and _reference(doc, a) for a in group) or \
                any(_told_subject(doc, a) for a in group[:2])
            inc.modifiers = [m for m in mods if inc.contains(m)]
            incidents.append(inc)
    _extend_to_tolls(doc, incidents)
    _attach_interventions(incidents, orphans)
    incidents = _absorb_interceptions(incidents)
    incidents = _absorb_lead_ups(doc, incidents)
    return _absorb_protest_violence(doc, incidents)


def _summarised(doc: Document, sent: Segment, t: Mention, summaries: list[Mention]) -> bool:
    """"سلسلة هجمات استهدفت…", "عمليات الخطف والقتل": violence in a clause that speaks of incidents
    in general is that summary, except one of them named after "بينها" / "including", and violence
    told before it, with a punctuation mark between,
    and with words after it that date it or count its cost ("خطف مسلحون قبل خمسة أيام عددا من
    الأشخاص جنوب بغداد، حيث تكثر عمليات الخطف"): a report, then the background it is set in."""
    including = words("including")
    for m in summaries:
        if m.tok_start < t.tok_start:
            if any(doc.tokens[i].key in including for i in range(m.tok_end, t.tok_start)):
                continue  # "في هجمات متفرقة أمس بينها انفجار سيارة مفخخة": one of them, told
            return True
        gap = doc.text[t.end:m.start]
        stop = next((i for i, ch in enumerate(gap) if ch in _CLAUSE_STOPS), None)
        if stop is None:
            return True
        end = t.end + stop
        if not (doc.within("date", t.start, end) or doc.within("casualty", t.start, end)):
            return True
    return False


def _done_after_intent(doc: Document, sent: Segment, t: Mention, modal: list[Mention]) -> bool:
    """"رجل أراد تنفيذ عملية انتحارية في المطار، فتح النار ثم فجر الشحنة ما أدى إلى إصابة خمسة":
    after an intent and a punctuation mark, a verb with a toll after it tells what was done."""
    if not t.value.verb:
        return False
    last = max((m for m in modal if m.tok_start < t.tok_start), key=lambda m: m.tok_start)
    if _CLAUSE_STOPS.isdisjoint(doc.text[last.end:t.start]):
        return False
    return bool(doc.within("casualty", t.end, sent.end))


def _new_means(doc: Document, group: list[Mention], a: Mention) -> bool:
    """"Israeli artillery shelled the outskirts of Aitaroun, and an Israeli airstrike destroyed a
    house in Meiss el-Jabal": a remote weapon of another kind, after the place the first one
    hit, starts an incident of its own."""
    last = group[-1]
    if a.value.cls not in _REMOTE or last.value.cls not in _REMOTE or \
            a.value.cls in {g.value.cls for g in group}:
        return False
    return bool(doc.places_within(last.end, a.start))


def _absorb_lead_ups(doc: Document, incidents: list[Incident]) -> list[Incident]:
    """"…raped a woman in Shaykh al-Hadid, after they raided her house at night": a raid or
    arrest told in an "after" clause with no actor of its own is how the violent incident before
    it came about, not a separate strategic development."""
    out: list[Incident] = []
    lead = words("sequence")
    for inc in incidents:
        prev = out[-1] if out else None
        if (prev is not None and prev.family == VIOLENT and inc.sentence == prev.sentence
                and all(a.value.cls in _LEAD_UP for a in inc.anchors)
                and doc.tokens[inc.tok_start].key in lead
                and not doc.in_tokens("actor", inc.tok_start, inc.tok_end)):
            prev.modifiers.extend(inc.anchors + inc.modifiers)
            prev.tok_end = max(prev.tok_end, inc.tok_end)
            continue
        out.append(inc)
    return out


def _absorb_interceptions(incidents: list[Incident]) -> list[Incident]:
    """"Israeli jets struck…, adding that air defences intercepted most of the missiles": an
    interception told with the strike it answered is part of that strike, not its own event."""
    violent_sentences = {inc.sentence for inc in incidents if inc.family == VIOLENT}
    return [inc for inc in incidents
            if not (inc.cls == "disrupted" and all(a.value.cls == "disrupted" for a in inc.anchors)
                    and inc.sentence in violent_sentences)]


def _extend_to_tolls(doc: Document, incidents: list[Incident]) -> None:
    """"…، فيما أصيب اثنان آخران بجروح", "Three others were wounded.": a clause with a toll and no
    trigger of its own adds to the incident before it (same sentence, or the next sentence when
    it says "others")."""
    if not incidents:
        return
    ends = [inc.tok_end for inc in incidents]  # incidents are in text order
    for clause in doc.clauses:
        k = bisect.bisect_right(ends, clause.tok_start)  # incidents[:k] end before the clause
        if k < len(incidents) and incidents[k].tok_start <= clause.tok_start:
            continue  # the clause lies inside an incident
        if k == 0 or not doc.within("casualty", clause.start, clause.end):
            continue
        prev = incidents[k - 1]
        more_words = words("more")
        more = any(doc.tokens[i].key in more_words for i in range(clause.tok_start, clause.tok_end))
        if prev.sentence == clause.sentence or (prev.sentence == clause.sentence - 1 and (
                more or _bare_toll_sentence(doc, clause))):
            prev.tok_end = max(prev.tok_end, clause.tok_end)


_KILLED = Trigger(cls="killing", weight=0.8, phrase="killed", verb=True, pos="v")



def _armed_subject_killed(doc: Document, clause: Segment) -> Mention | None:
    """"Gunmen killed a man in Al-Sanamayn on Sunday": in English, "killed" is a casualty word, the
    toll of some act; with an armed subject right before it, the active voice and whom it killed
    after it, and no other act in the clause, it is the act itself."""
    if doc.language_at(clause.start) != "en":
        return None
    for c in doc.within("casualty", clause.start, clause.end):
        if c.value.kind != "killed" or c.tok_end >= clause.tok_end:
            continue
        if not any(a.tok_end == c.tok_start and (a.value.kind == "named" or a.value.role in ("unidentified", "military", "police"))
                   and not doc.within("weapon", a.start, a.end) and doc.tokens[a.tok_end - 1].key not in words("means")
                   for a in doc.within("actor", clause.start, c.start)):
            continue  # (people, not "Israeli strikes killed three people", a summary of strikes told after)
        nxt = doc.tokens[c.tok_end].key
        if nxt in words("object_start") or doc.tokens[c.tok_end].is_number or nxt in words("one_det"):
            return Mention("trigger", c.start, c.end, _KILLED, c.tok_start, c.tok_end, c.surface)
    return None


def _told_subject(doc: Document, verb: Mention) -> bool:
    """"The Houthis said the strikes targeted the Al-Salif district", "وقال المصدر إن العبوة
    انفجرت أثناء رعيهم الأغنام": a verb whose subject is "the strikes", "العبوة" (the bomb) tells
    more of an incident already told."""
    i = verb.tok_start
    if not verb.value.verb or i < 1 or doc.tokens[i - 1].key not in words("told_incident"):
        return False
    if doc.language_at(verb.start) == "ar":
        # the noun opens its clause or follows إن/أن; after a preposition ("وخلال المواجهات أضرم
        # عناصر…") it is not the verb's subject
        sent = doc.sentences[_sentence_of(doc, verb)]
        return i - 1 == sent.tok_start or doc.tokens[i - 2].key in words("subject_particle") or \
            not PHRASE_STOPS.isdisjoint(doc.text[doc.tokens[i - 2].end:doc.tokens[i - 1].start])
    return i >= 2 and doc.tokens[i - 2].key in ("the", "this", "these")


def _sentence_of(doc: Document, m: Mention) -> int:
    return bisect.bisect_right([s.start for s in doc.sentences], m.start) - 1


def _attach_interventions(incidents: list[Incident], orphans: list[tuple[Mention, Segment]]) -> None:
    """"…hundreds rallied in Haboubi Square. Police fired tear gas to disperse them.": force used
    on a crowd, told in a clause or the next sentence that reports nothing else, is how the
    protest just told was met (one event, a protest with intervention), not a lost word."""
    for m, clause in orphans:
        before = [inc for inc in incidents if inc.tok_end <= m.tok_start]
        if not before:
            continue
        prev = before[-1]
        if prev.family != DEMONSTRATION or clause.sentence - prev.sentence > 1 or \
                any(inc.sentence == clause.sentence for inc in incidents if inc is not prev):
            continue
        prev.tok_end = max(prev.tok_end, clause.tok_end)
        prev.modifiers.append(m)


def _bare_toll_sentence(doc: Document, clause: Segment) -> bool:
    """"…targeting points near Damascus airport. Two soldiers were martyred and material damage
    was caused, a military source said.": a sentence that opens with a toll and reports no act of
    its own (no trigger, no date) tells the cost of the incident just told."""
    sent = doc.sentences[clause.sentence]
    if clause.tok_start != sent.tok_start or doc.within("trigger", sent.start, sent.end) \
            or doc.within("date", sent.start, sent.end):
        return False
    tolls = doc.within("casualty", sent.start, sent.end)
    if any(doc.text[c.end:c.end + 1] == ":" for c in tolls):
        return False  # "Fatalities: 0.": the figure line of ACLED-style notes, not a report
    # Everyone named is a victim ("Two soldiers were martyred"), not someone else's act told
    # beside the toll ("…ثلاث جرحى، والشرطة طوقت المنطقة").
    def victim(a: Mention) -> bool:
        return any(abs(a.tok_start - c.tok_start) <= 3 and not any(
            ch in _PUNCT for ch in doc.text[min(a.end, c.end):max(a.start, c.start)]) for c in tolls)

    # "Several attackers were killed, along with two SDF fighters, according to an SDF statement":
    # more victims joined to the toll, and who reported it, are no act of their own
    joins = words("victim_join")
    sources = [m for m in doc.within("context", sent.start, sent.end) if m.value.kind == "source"]

    def joined_or_source(a: Mention) -> bool:
        before = {doc.tokens[i].key for i in range(max(sent.tok_start, a.tok_start - 4), a.tok_start)}
        return not joins.isdisjoint(before) or any(0 <= a.tok_start - m.tok_end <= 2 for m in sources)

    return all(victim(a) or joined_or_source(a) for a in doc.within("actor", sent.start, sent.end))


def _past_years(doc: Document) -> dict[int, list[Mention]]:
    """Bare years before the publication year (any year when it is unknown) in clauses that give
    no day, by sentence: "في عام 2004 حاولوا اغتيال…" tells history. So does the year of a month
    more than two months before publication ("In August 2022, clashes … killed 32 people": the
    background a wire report ends with, coded by ACLED when it happened, not now)."""
    published = doc.article.published
    out: dict[int, list[Mention]] = {}
    sentence_starts = [s.start for s in doc.sentences]
    for n in doc.get("number"):
        kind = getattr(n.value, "kind", "")
        if kind == "date" and published is not None and _year_of_long_past(doc, n, published):
            pass
        elif kind != "year":
            continue
        elif published is not None and n.value.value >= published.year:
            continue
        elif any(d.value.precision == 1 for d in doc.within("date", n.start - 40, n.start + 40)):
            continue  # part of, or next to, a full date ("3 آذار 2021")
        n.tok_start = bisect.bisect_left(doc.token_starts, n.start)
        sentence = bisect.bisect_right(sentence_starts, n.start) - 1
        out.setdefault(sentence, []).append(n)
    return out


_CROWDS = frozenset({"protesters", "rioters"})
_HISTORY_REACH = 10  # words between a protest or agreement and the past year that dates it
_HISTORY_DAYS = 60  # a month named with its year this long before publication is background


def _year_of_long_past(doc: Document, n: Mention, published) -> bool:
    """Whether the number is the year of a date told with its year ("August 2022", "آب 2022",
    "27 November 2024") that lies more than :data:`_HISTORY_DAYS` before publication."""
    if not 1900 <= n.value.value <= 2100:
        return False
    for d in doc.within("date", n.start - 40, n.end):
        if d.start <= n.start and n.end <= d.end:
            return _long_past(doc, d, published)
    return False


def _long_past(doc: Document, d: Mention, published) -> bool:
    """A month and year long past, or a day long past that starts a state ("in force since 27
    November 2024"). A day told by itself dates the incident the report tells, however old
    ("documented the rape … on 12 March 2022")."""
    if published is None or d.value.date is None or (published - d.value.date).days <= _HISTORY_DAYS:
        return False
    return d.value.precision == 3 or (d.value.precision == 1 and after_since(doc.folded, d.start))


_RELATIVE_REACH = 2  # words from a relative pronoun to the trigger it governs
_RELATIVE_REACH_AR = 4  # an Arabic relative clause opens with its verb and a preposition


def _in_relative_clause(doc: Document, t: Mention, sent: Segment) -> bool:
    """A trigger up to two words after a relative pronoun ("الهجوم الذي استهدف", "the attack
    that killed") describes an incident named before. In Arabic the reach is four words with no
    punctuation between ("زعيمته التي قضت في هجوم انتحاري", "الذين قاموا بتفجير سيارة مفخخة")
    unless the relative clause dates the incident itself ("الذي قتل في اشتباكات… قبل شهر"): an
    incident told in passing with its own date is reported (ACLED codes it)."""
    relative = words("relative")
    far = _RELATIVE_REACH_AR if doc.language_at(t.start) == "ar" else _RELATIVE_REACH
    for i in range(t.tok_start - 1, max(0, t.tok_start - far) - 1, -1):
        if doc.tokens[i].key in relative:
            if t.tok_start - i <= _RELATIVE_REACH:
                return True
            return not doc.within("date", doc.tokens[i].end, sent.end)
        if not _CLAUSE_STOPS.isdisjoint(doc.text[doc.tokens[i].end:doc.tokens[i + 1].start]):
            return False  # a punctuation mark between: the relative clause has ended
    return False


def _grounded(doc: Document, clause: Segment) -> bool:
    """A verb of violence reports an incident when its sentence says where, when, with what or
    at what cost; opinion and analysis use the same verbs without any of these."""
    sent = doc.sentences[clause.sentence]

    return bool(_toll(doc, sent) or doc.within("date", sent.start, sent.end)
                or doc.within("weapon", sent.start, sent.end)) or \
        bool(doc.places_within(sent.start, sent.end))


_AFTERMATH_LEAD = 3  # words of main clause before "إثر"/"بعد" for it to tell what followed


def _aftermath(doc: Document, sent: Segment, markers: list[Mention]) -> list[Mention]:
    """"دعت الحكومة … إثر مقتل جنديين في هجوم", "قدم استقالته بعد اشتباكات…": an "after"
    phrase behind a main clause that tells no violence of its own (no trigger, no casualty word
    before it) names the earlier incident the news follows from; the sentence reports the news.
    A sentence that opens with the phrase ("وبعد اشتباكات عنيفة سيطرت القوات…"), or whose main
    clause tells violence ("قتل ثلاثة إثر انفجار عبوة"), keeps its incident."""
    out = []
    for m in markers:
        if m.tok_start - sent.tok_start < _AFTERMATH_LEAD:
            continue
        before = [t for t in doc.within("trigger", sent.start, m.start) if t.value.weight >= ANCHOR_MIN_WEIGHT]
        if before or doc.within("casualty", sent.start, m.start):
            continue
        if any(_armed(a) for a in doc.within("actor", sent.start, m.start)):
            continue  # "دخلت أرتال الهيئة مدينة عفرين بعد اشتباكات…": armed men doing what followed the fight
        out.append(m)
    return out


def _armed(m: Mention) -> bool:
    ref = m.value
    if ref.kind == "named":
        return ref.actor.inter in ARMED_INTER
    return ref.kind == "generic" and ref.role not in ("civilians", "protesters", "rioters")


def _toll(doc: Document, seg: Segment) -> bool:
    """A casualty word that counts someone ("مقتل ثلاثة", "قتلوا مدنيا", "سقوط قتيلين"): a toll.
    A bare noun of killing ("تشجع القتل والتفجير", "هدفا للقتل والخطف") names a kind of
    violence, and counts no one."""
    if not doc.within("casualty", seg.start, seg.end):
        return False
    from rasad.extract.casualties import count_casualties

    memo = doc.cache.setdefault("tolls", {})
    key = (seg.tok_start, seg.tok_end)
    if key not in memo:
        probe = Incident(-1, -1, seg.tok_start, seg.tok_end, [])
        memo[key] = any(c is not None for c in count_casualties(doc, probe, doc.language_at(seg.start)))
    return memo[key]


def _absorb_protest_violence(doc: Document, incidents: list[Incident]) -> list[Incident]:
    """Shooting at, or clashing with, protesters in the sentence of a protest ("…فيما أطلقت
    عناصر الشرطة الرصاص الحي لتفريقهم") is how the protest was met, not a separate battle."""
    out: list[Incident] = []
    for i, inc in enumerate(incidents):
        nxt = incidents[i + 1] if i + 1 < len(incidents) else None
        if inc.family == DEMONSTRATION and (nxt is None or nxt.sentence != inc.sentence):
            # "…rallied in Sweida; security forces fired tear gas to disperse them": the rest of
            # the sentence tells how the protest was met.
            end = doc.sentences[inc.sentence].tok_end
            inc.modifiers.extend(m for m in doc.in_tokens("trigger", inc.tok_end, end)
                                 if m.value.cls in MODIFIERS and m not in inc.modifiers)
            inc.tok_end = max(inc.tok_end, end)  # (the next sentence's intervention may be its already)
        demo = next((d for d in out if d.sentence == inc.sentence and d.family == DEMONSTRATION), None)
        if demo is not None and inc.family == VIOLENT and all(a.value.cls in _PROTEST_ABSORBS for a in inc.anchors):
            demo.modifiers.extend(inc.anchors + inc.modifiers)
            demo.tok_end = max(demo.tok_end, inc.tok_end)
            continue
        out.append(inc)
    return out


def _concrete(doc: Document, clause: Segment, anchors: list[Mention]) -> bool:
    """Nouns name incidents that are only referred to or discussed ("اغتيال الحريري", "the
    attack") as often as ones reported: they count when the clause also holds a toll or a date,
    the two things a report of a new incident gives and a reference rarely repeats; a definite
    noun after a preposition or "the" ("against the Turkish air strikes") needs a toll."""
    def inside(kind: str) -> bool:
        return bool(doc.within(kind, clause.start, clause.end))

    # "شن الطيران الروسي عشرين غارة", "تجمع المتظاهرون", "على يد عناصر…": a verb of doing next
    # to the noun, or a named doer, makes it a report of something done.
    ctx = doc.within("context", clause.start, clause.end)
    first = min(a.tok_start for a in anchors)
    last = max(a.tok_end for a in anchors)
    if all(a.value.pos == "o" for a in anchors):
        # "أطلقت الكتائب فجر أمس عشرات الصواريخ على…": a projectile is an attack only as what a
        # verb of launching before it in its clause sent; alone it is a weapon held or talked of.
        return any(m.value.kind == "launch" and 0 <= first - m.tok_end <= _LAUNCH_REACH for m in ctx) or \
            _launched_by_doing(doc, ctx, first)
    verbs = {"light_verb", "crowd_verb"} if all(FAMILY[a.value.cls] == DEMONSTRATION for a in anchors) \
        else {"light_verb"}
    # In Arabic the doer stands between the verb and its object ("شن الطيران الحربي الروسي
    # أكثر من عشرين غارة"): the verb may be up to eight words before the noun.
    # After the noun, the verb is its predicate only with no punctuation between ("المتظاهرون
    # تجمعوا"; not "ووقفت الشرطة بين المتظاهرين، وأغلقوا بوابات الجامعة").
    if all(FAMILY[a.value.cls] == DEMONSTRATION for a in anchors) and any(
            m.value.kind == "saw" and 0 <= first - m.tok_end <= _SAW_REACH for m in ctx) \
            and not doc.tokens[first].key.startswith("لل"):
        return True  # "شهدت مدينة السويداء وقفة احتجاجية": the city saw a protest
    if any(m.value.kind in verbs and (0 <= first - m.tok_end <= 8 or (
            0 <= m.tok_start - last <= 2 and _CLAUSE_STOPS.isdisjoint(doc.text[doc.tokens[last - 1].end:m.start])))
           for m in ctx):
        return True
    if _launched_by_doing(doc, ctx, first):
        return True  # "وقام من فيها بإطلاق ثلاثة صواريخ كاتيوشا"
    if first > 0 and doc.tokens[first - 1].key in words("frame_prep") and any(
            m.value.kind == "light_verb" and 0 <= first - m.tok_end <= _FRAME_REACH
            and not words("light_frame").isdisjoint(doc.tokens[m.tok_start].stems) for m in ctx):
        return True  # "أقدم مسلحون يستقلون سيارة … مساء أمس الأحد، على اختطاف الشاب"
    if all(a.value.cls == "clash" for a in anchors) and _between_named(doc, ctx, last, clause):
        return True  # "دارت اشتباكات متقطعة بين هيئة تحرير الشام وقوات النظام": two sides named
    if doc.language_at(anchors[0].start) == "ar" and any(
            m.tok_end == first and m.value.kind == "named" for m in doc.within("actor", clause.start, clause.end)):
        return True  # "الحوثي قصف بالمدفعية قرية": after its subject, قصف is the verb "shelled"
    if doc.language_at(anchors[0].start) == "ar" and not any(_reference(doc, a) for a in anchors) and any(
            m.value.kind == "named" and 0 <= m.tok_start - last <= 2 and doc.tokens[m.tok_start].key.startswith("ل")
            for m in doc.within("actor", clause.start, clause.end)) and doc.places_within(clause.start, clause.end):
        # "قصف مدفعي وصاروخي مكثف لقوات النظام على قرى البارة": an indefinite act with its doer
        # (ل) and where it fell is told as it happened, not referred to
        return True
    if all(a.value.pos == "c" for a in anchors):
        # "المتظاهرين" alone names people, not a protest taking place; "used live ammunition to
        # disperse hundreds of protesters", "لتفريق المتظاهرين": a crowd broken up was protesting
        return any(m.value.cls == "protest_intervention" and 0 <= first - m.tok_end <= _DISPERSE_REACH
                   for m in doc.within("trigger", clause.start, clause.end)) and (
            inside("date") or bool(doc.places_within(clause.start, clause.end)) or _toll(doc, clause))
    if all(a.value.pos == "r" for a in anchors):
        # "اغتيال الحريري", "قتل على أيدي مدبري الانقلاب": history unless a doer and a when or
        # where of its own make it a report.
        # "the rape of a woman by two members of the Sultan Murad Division": a short marker
        # ("by") names a doer when an actor follows it closely.
        actor_starts = {a.tok_start for a in doc.within("actor", clause.start, clause.end)}
        doer = any(m.value.kind == "agent" and (len(m.surface) > 3 or any(
            0 <= t - m.tok_end <= 5 for t in actor_starts)) for m in ctx) or \
            any(m.value.kind == "light_verb" and 0 <= first - m.tok_end <= 8 for m in ctx)
        return (doer or _nominative_after(doc, anchors, clause)) and (
            inside("date") or bool(doc.places_within(clause.start, clause.end)))
    if all(_reference(doc, a) for a in anchors):
        return _toll(doc, clause)
    if _toll(doc, clause) or inside("date"):
        return True
    return any(m.value.kind == "agent" and len(m.surface) > 3 for m in ctx)


def _between_named(doc: Document, ctx: list[Mention], last: int, clause: Segment) -> bool:
    """Clashes "between" two named armed sides right after the noun: who fought whom is told."""
    between = [m for m in ctx if m.value.kind == "between" and 0 <= m.tok_start - last <= 2]
    if not between:
        return False
    start = between[0].tok_end
    named = [a for a in doc.within("actor", clause.start, clause.end)
             if a.value.kind == "named" and start <= a.tok_start <= start + 8]
    return len({a.value.actor.canonical for a in named}) >= 2


def _launched_by_doing(doc: Document, ctx: list[Mention], first: int) -> bool:
    """"قام من فيها بإطلاق ثلاثة صواريخ": the launch noun after a verb of doing sends the
    projectile after it."""
    do = words("do_verb")
    return any(m.value.kind == "launch_noun" and 0 <= first - m.tok_end <= _LAUNCH_REACH and any(
        not do.isdisjoint(doc.tokens[i].stems) for i in range(max(0, m.tok_start - _DO_REACH), m.tok_start))
        for m in ctx)


def _nominative_after(doc: Document, anchors: list[Mention], clause: Segment) -> bool:
    """"خطف مسلحون… عددا من الأشخاص": a plural in the nominative (-ون) right after a word that is a
    verb or a noun can only be its subject, so the word is the verb, told as done. A noun takes
    the genitive after it ("خطف المسلحين": the gunmen's kidnapping, or of the gunmen)."""
    ends = {a.tok_end for a in anchors}
    return any(a.tok_start in ends and doc.language_at(a.start) == "ar"
               and doc.tokens[a.tok_start].key.endswith("ون")
               for a in doc.within("actor", clause.start, clause.end))


def _reference(doc: Document, m: Mention) -> bool:
    tok = doc.tokens[m.tok_start]
    if doc.language_at(m.start) == "en":
        before = {doc.tokens[i].key for i in range(max(0, m.tok_start - 2), m.tok_start)}
        return bool(before & {"the", "this", "that", "these", "those", "its", "their"})
    # A definite noun (الهجوم، بالتفجير، المواجهات) names an incident already known to the reader.
    return is_definite(tok.key)


def _definite(doc: Document, m: Mention) -> bool:
    """"هذه الهجمات", "these attacks": a demonstrative before a definite noun, not "إلى ذلك، استهدفت"."""
    key = doc.tokens[m.tok_start].key
    return key.startswith("ال") or doc.language_at(m.start) == "en"


def _boundary(doc: Document, after_tok: int, before_tok: int) -> int:
    """The token where the next incident's text starts: after the last punctuation mark between
    the two anchors, else at the next anchor itself."""
    for i in range(before_tok, after_tok, -1):
        gap = doc.text[doc.tokens[i - 1].end:doc.tokens[i].start]
        if any(c in _PUNCT for c in gap):
            return i
    # "…in Qamishli after the regime's NDF arrested two SDF members": the subject of the second
    # act stands between a subordinating word and its verb, and belongs to that act.
    opens = words("subordinator")
    for i in range(before_tok - 1, after_tok, -1):
        if doc.tokens[i].key in opens:
            return i
    return before_tok


__all__ = ["Incident", "find_incidents", "STRATEGIC", "VIOLENT", "DEMONSTRATION"]
