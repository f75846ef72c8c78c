"""Who acted and who was acted upon.

Each actor mention in an incident gets a role from the words around it (markers are data in
``context_words.csv``):

* agent markers before it (نفذه، من قبل، على يد، "by") make it actor 1;
* "بين X و Y" / "between X and Y": X is actor 1, Y actor 2;
* a target noun or owner marker before it (حاجزاً عسكرياً لـ"قسد"، رتل تابع لقوات النظام، مواقع
  النظام, "SDF positions"), a patient marker (على، ضد، "against"), a passive verb (تعرض),
  or a casualty phrase around it (مقتل عدد من عناصر النظام, "two SDF fighters were wounded")
  make it actor 2;
* territory markers (مناطق سيطرة قسد) name whose area it is, source markers (بحسب، "according
  to the city's police") who reported it, and charge markers (بتهمة التواصل مع النظام) whom a
  detainee is accused of dealing with, not a party: no role;
* word order decides the rest: in Arabic the actor right after a verb is its subject (VSO), in
  English the actor before the verb is the subject and the one right after it the object;
* an actor joined to the previous one by "و"/"and" is on the same side (an associated actor).
"""

from __future__ import annotations

from dataclasses import dataclass

from rasad.document import Document, Mention
from rasad.extract.casualties import apposition_before
from rasad.extract.classes import ARMED_INTER
from rasad.extract.incidents import Incident
from rasad.kb import words
from rasad.text.normalize import fold_raw

AGENT, PATIENT, NONE, UNKNOWN = "agent", "patient", "none", "unknown"
# Acts a body announces having done itself.
_ANNOUNCED = frozenset({"arrest", "capture", "disrupted"})
# Acts that take an area from whoever held it.
_TAKEN = frozenset({"capture"})



@dataclass
class ActorRole:
    mention: Mention
    name: str
    inter: int
    role: str  # generic role or "" for named actors
    side: str = UNKNOWN
    coordinated: bool = False  # joined to the previous actor by and/و
    paired: bool = False  # the second side of "between X and Y"


def _ends_before(markers: list[Mention], tok: int, window: int, skip: set[int]) -> bool:
    """A marker ends within ``window`` tokens before ``tok``, not counting skippable tokens."""
    for m in markers:
        if m.tok_end > tok:
            continue
        dist = sum(1 for i in range(m.tok_end, tok) if i not in skip)
        if dist < window:
            return True
    return False


def _identified_person(tokens, t: int, member_toks: set[int]) -> bool:
    """"وهو عنصر في فرع الأمن العسكري": a singular identity pronoun, then member and "of" words
    only, then the actor at ``t``."""
    identity, of = words("identity"), words("of")
    for i in range(t - 1, max(-1, t - 5), -1):
        key = tokens[i].key
        if key in identity:
            return i < t - 1
        if i not in member_toks and key not in of:
            return False
    return False


_APPOSITION_REACH = 6  # words from "a"/"an" to the affiliation word in a describing apposition


def _patron_in_apposition(doc: Document, markers: list[Mention], tok: int, skip: set[int]) -> bool:
    """An actor right after an affiliation or ally word inside an apposition that opens with "a"/"an"
    (function words apposition_article) after a comma or bracket: ", a Yazidi armed group linked to the PKK", ", a militia backed by
    Iran". The apposition describes the actor named before it; its patron took no part."""
    tokens, text = doc.tokens, doc.text
    openers = words("apposition_article")
    for m in markers:
        if m.tok_end > tok or sum(1 for i in range(m.tok_end, tok) if i not in skip) >= 2:
            continue
        for i in range(m.tok_start - 1, max(-1, m.tok_start - 1 - _APPOSITION_REACH), -1):
            if any(c in ",;.()" for c in text[tokens[i].end:tokens[i + 1].start]):
                break  # the apposition ends before its article
            if tokens[i].key in openers:
                return i > 0 and any(c in ",(" for c in text[tokens[i - 1].end:tokens[i].start])
    return False


def assign(doc: Document, inc: Incident, actors: list[ActorRole], lang: str) -> None:
    by_kind: dict[str, list[Mention]] = {}
    lower = max(inc.tok_start - 6, doc.sentences[inc.sentence].tok_start)
    for m in doc.in_tokens("context", lower, inc.tok_end):
        by_kind.setdefault(m.value.kind, []).append(m)
    # "on", "by", "على" mark a role only right after what was done ("an attack on", "killed by",
    # "هجوم على"); elsewhere they are dates ("on Sunday"), passives of other verbs ("used by the
    # SDF") or places ("على طريق").
    anchor_ends = {m.tok_end for m in inc.anchors}
    # "opened fire with live ammunition and tear gas on protesters": the weapons used stand
    # between the act and its marker without unbinding it.
    weapon_toks = {i for w in doc.in_tokens("weapon", inc.tok_start, inc.tok_end) for i in range(w.tok_start, w.tok_end)}
    if weapon_toks:
        instrument = words("instrument")
        for e in list(anchor_ends):
            j = e
            while j < len(doc.tokens) and (j in weapon_toks or doc.tokens[j].key in instrument):
                j += 1
            if j > e and any(i in weapon_toks for i in range(e, j)):
                anchor_ends.add(j)
    inc_casualties = doc.in_tokens("casualty", inc.tok_start, inc.tok_end)
    casualty_ends = {c.tok_end for c in inc_casualties}
    for kind in ("agent", "patient"):
        kept = []
        for m in by_kind.get(kind, []):
            word = fold_raw(m.surface)
            ends = anchor_ends | casualty_ends if word == "by" else anchor_ends  # "killed by"
            # "أطلق مسلحون النار على شاب": the marker may be the last word of the trigger itself
            inside = any(a.tok_start <= m.tok_start and m.tok_end <= a.tok_end for a in inc.anchors)
            if word not in words("bound_marker") or inside or any(0 <= m.tok_start - e <= 1 for e in ends):
                kept.append(m)
        by_kind[kind] = kept
    member_toks = {i for m in by_kind.get("member", []) for i in range(m.tok_start, m.tok_end)}
    owner_toks = {i for m in by_kind.get("owner", []) for i in range(m.tok_start, m.tok_end)}
    skip = member_toks | owner_toks
    verb_spans = {(t.start, t.end) for t in doc.in_tokens("trigger", inc.tok_start, inc.tok_end) if t.value.verb}
    # "أعدم عناصر داعش راعياً": a casualty word that is also the act's verb has its doer after it.
    casualties = [m for m in inc_casualties if (m.start, m.end) not in verb_spans]
    anchors = inc.anchors
    anchor_toks = {i for a in anchors for i in range(a.tok_start, a.tok_end)}

    allies = by_kind.get("ally", [])
    prev: ActorRole | None = None
    determiners = words("one_det") | {"the"}
    of_words = words("of")
    filler = determiners | of_words  # member words' company: "fighters of the STC", "عناصر من قسد"
    by_marker: list[ActorRole] = []  # actor 1 by an explicit agent marker ("برصاص قناص حوثي")
    by_order: list[ActorRole] = []  # actor 1 only by Arabic word order
    tokens = doc.tokens
    for a in actors:
        # "هجوم شنه مسلحون من تنظيم داعش": a generic word heading the named actor stands where
        # the markers see it (events._heads records it)
        t = a.mention.attrs.get("head_start", a.mention.tok_start)
        if prev is not None and a.name == prev.name and prev.mention.tok_end == t \
                and doc.text[tokens[t - 1].end:tokens[t].start].strip() == "(":
            a.side = prev.side  # "the Kurdistan Workers' Party (PKK)": the same party, abbreviated
            prev = a
            continue
        if prev is not None and not a.role and not prev.role and 0 < t - prev.mention.tok_end <= 2 and all(
                tokens[i].key in of_words for i in range(prev.mention.tok_end, t)) and a.name != prev.name \
                and lang != "en":
            # "فرع الأمن العسكري التابع للنظام السوري": the body the unit belongs to, no party of its own
            a.side = NONE
            continue
        if lang == "en" and _patron_in_apposition(doc, by_kind.get("link", []) + allies, t, skip):
            a.side = NONE  # "the YBS, a Yazidi armed group linked to the PKK": who backs them
            prev = a
            continue
        if prev is not None and _ends_before(allies, t, 2, skip):
            # "coalition forces, backed by SDF fighters": an ally on the same side.
            a.side, a.coordinated = prev.side, True
            prev = a
            continue
        first_tok = tokens[t]
        a.coordinated = prev is not None and prev.mention.tok_end == t and (
            first_tok.key.startswith("و") or (t > 0 and tokens[t - 1].key in ("and", "و")))
        if prev is not None and t > 0 and prev.mention.tok_end == t - 1 and tokens[t - 1].key in ("and", "و", "&"):
            a.coordinated = True
        if prev is not None and t > 1 and prev.mention.tok_end == t - 2 and tokens[t - 2].key == "and" \
                and tokens[t - 1].key in determiners:
            a.coordinated = True  # "between LNA forces and an armed group"
        if prev is not None and not a.coordinated and prev.mention.tok_end < t:
            # "between government forces and fighters of the STC", "بين قوات النظام وعناصر من قسد":
            # member words between the "and" and the name do not undo the joining
            gap = [i for i in range(prev.mention.tok_end, t) if i not in member_toks and tokens[i].key not in filler]
            lead = prev.mention.tok_end
            a.coordinated = (gap == [lead] and tokens[lead].key in ("and", "و")) or (
                not gap and lead in member_toks and tokens[lead].key.startswith("و"))
        said_after = lang == "en" and bool(a.role) and a.mention.tok_end < len(tokens) and tokens[a.mention.tok_end].key in words("said")
        if said_after and _reports_own_act(tokens, a.mention.tok_end + 1):
            # "Kirkuk police said they had defused a car bomb": the body reports its own act
            a.side = AGENT
            by_marker.append(a)
            prev = a
            continue
        if inc.cls == "arrest" and _ends_before(by_kind.get("belong", []), t, 2, skip):
            a.side = PATIENT  # "arrested a Syrian accused of belonging to the Islamic State"
        elif inc.family == "violent" and _identified_person(tokens, t, member_toks):
            a.side = PATIENT  # "بسيارة المدعو (م. ز) وهو عنصر في فرع الأمن العسكري": the man hit
        elif _ends_before(by_kind.get("aka", []), t, 2, skip):
            a.side = NONE  # "…, known as the Asayish": the party before, named again
        elif _landmark(tokens, t):
            # "مواجهات … قرب مقر قيادة العمليات المشتركة", "outside the headquarters of the
            # police": a building named to say where, not a party
            a.side = NONE
        elif _ends_before(by_kind.get("territory", []), t, 2, skip) and _fired_from(doc, by_kind["territory"], t):
            # "قذائف أُطلقت من مناطق سيطرة قسد", "rockets fired from areas held by HTS": ACLED
            # attributes fire to whoever holds the ground it came from
            a.side = AGENT
        elif _ends_before(by_kind.get("territory", []), t, 2, skip) and inc.cls in _TAKEN:
            # "captured Baghouz, the last territory held by the Islamic State group": whose area
            # it was is the side that lost it
            a.side = PATIENT
        elif _ends_before(by_kind.get("territory", []), t, 2, skip) or \
                _ends_before(by_kind.get("source", []), t, 3, skip) or said_after or \
                _ends_before(by_kind.get("charge", []), t, 2, skip):
            a.side = NONE  # whose area it is, or who reported it ("according to the police", "police said")
        elif _ends_before(by_kind.get("agent", []), t, 2, skip):
            a.side = AGENT
            by_marker.append(a)
        elif _ends_before(by_kind.get("between", []), t, 2, skip) and not (
                prev is not None and prev.side == AGENT and a.coordinated
                and _ends_before(by_kind["between"], prev.mention.tok_start, 2, skip)):
            # the first side after "بين"/"between" (not the second, "بين قسد وعناصر داعش", which
            # the member word brings as close to the marker)
            a.side = AGENT
        elif prev is not None and prev.side == AGENT and _ends_before(by_kind.get("between", []), prev.mention.tok_start, 2, skip) and a.coordinated:
            a.side = PATIENT
            a.coordinated = False
            a.paired = True
        elif lang != "en" and _subject_target(by_kind.get("target", []), anchors, t, skip):
            # "داهمت دورية تابعة لهيئة تحرير الشام منزل ناشط": the patrol right after the verb
            # is its subject, so whose patrol it is tells the doer.
            a.side = AGENT
        elif _ends_before(by_kind.get("target", []), t, 4, skip) or _ends_before(by_kind.get("passive", []), t, 2, skip):
            a.side = PATIENT
        elif _ends_before(by_kind.get("patient", []), t, 3, skip):
            a.side = PATIENT
        elif lang != "en" and _nominative_killer(a, casualties, actors, tokens):
            a.side = AGENT
            by_order.append(a)
        elif _in_casualty_phrase(a.mention, casualties, lang, skip, tokens, anchor_toks, doc):
            a.side = PATIENT
        elif lang == "en" and _ends_before(anchors, t, 2, skip) and any(
                x.mention.tok_start < t for x in actors if x is not a):
            a.side = PATIENT
        elif lang == "en" and by_kind.get("target") and any(
                m.tok_start == a.mention.tok_end for m in by_kind["target"]):
            # "SDF positions", "an army checkpoint": the actor qualifies the target noun.
            a.side = PATIENT
        elif lang != "en" and tokens[t].key in words("fixed_target"):
            # "استهدف بالصواريخ موقعاً إسرائيلياً", "نقطة تركية": a post named by its owner's
            # adjective is a place, the object of the verb before it, never its subject
            a.side = PATIENT
        elif lang != "en" and a.role == "civilians" and t > 0 and doc.in_tokens("number", t - 1, t) \
                and _ends_before(anchors, t - 1, 3, skip):
            # "وأوقفت أربعة أشخاص": people counted after the verb are what was done to, its doer
            # told before ("وحدات الجيش طاردت المسلحين … وأوقفت أربعة أشخاص")
            a.side = PATIENT
        elif lang != "en" and _ends_before(anchors, t, 3, skip):
            if a.role == "civilians" and inc.family == "violent":
                # "قُتلت طفلة … جراء قصف مدفعي لقوات النظام": a person noun after a verb of violence,
                # its vowels gone, is who it was done to ("was killed"), not its doer
                a.side = PATIENT
            elif by_order and not a.coordinated:
                # "اعتقلت قسد خمسة شبان": VSO, so the actor after the subject is the object
                a.side = PATIENT
            else:
                a.side = AGENT  # VSO: the subject follows the verb; "قصف مدفعي لقوات النظام": ل marks the doer
                by_order.append(a)
        elif lang != "en" and _ends_before(by_kind.get("light_verb", []), t, 2, skip) and \
                any(x.tok_start >= a.mention.tok_end for x in anchors):
            a.side = AGENT  # "أطلق مسلحون النار", "شن الطيران غارات": the light verb's subject
            by_order.append(a)
        elif a.role == "civilians":
            a.side = PATIENT
        if a.coordinated and prev is not None and a.side == UNKNOWN:
            a.side = prev.side
        if any(a.mention.tok_start <= i < a.mention.tok_end for i in anchor_toks) and a.side == UNKNOWN:
            # the actor names the weapon's owner: "غارة إسرائيلية", "Turkish drone strike"; a
            # generic word inside the trigger ("a new military point") names nobody
            a.side = AGENT if not a.role else NONE
        prev = a
    for r in by_kind.get("repel", []):
        # "government forces repelled a Houthi attack", "تصدت الدفاعات لعدوان إسرائيلي", "صدت
        # قوات الجيش هجوماً شنته ميليشيا الحوثي": the attack is its owner's; those who
        # repelled it are the side attacked.
        after = [x for x in anchors if x.tok_start >= r.tok_end]
        if lang == "en":
            # "repelled a Houthi attack"; "repelled an attack by Houthi fighters"
            owners = [a for a in actors if r.tok_end <= a.mention.tok_start
                      and any(0 <= x.tok_start - a.mention.tok_end <= 1 or (
                          x.tok_end < len(doc.tokens) and doc.tokens[x.tok_end].key == "by"
                          and 0 < a.mention.tok_start - x.tok_end <= 2) for x in after)]
        else:
            owners = [a for a in actors if any(
                a.mention.tok_start < x.tok_end and x.tok_start < a.mention.tok_end  # "عدوان إسرائيلي"
                or 0 <= a.mention.tok_start - x.tok_end <= 4 and a.side == AGENT
                # "تصدت … لمحاولة تسلل مجموعة إرهابية من تنظيم جبهة النصرة": the attack's owner
                # in construct after it, not yet given a side
                or 0 <= a.mention.tok_start - x.tok_end <= 5 and a.side == UNKNOWN and not a.role
                for x in after)]
            # "تصدت الدفاعات لعدوان إسرائيلي": what the preposition ل after the verb introduces
            first = next((a for a in actors if 0 <= a.mention.tok_start - r.tok_end <= 5), None)
            if first is not None and first not in owners and (
                    doc.tokens[first.mention.tok_start].key.startswith("ل")
                    or doc.tokens[first.mention.tok_start - 1].key in ("ل", "لـ")):
                owners.append(first)
        if owners:
            for a in actors:
                if a in owners:
                    a.side = AGENT
                elif a.side == AGENT and (a.mention.tok_end <= r.tok_start or (
                        lang != "en" and all(a.mention.tok_end <= x.tok_start for x in after))):
                    a.side = PATIENT
    _opponent(doc, inc, actors)
    for r in by_kind.get("announce", []):
        # "أعلن جهاز مكافحة الإرهاب اعتقال أربعة من عناصر داعش": the announcer made the arrest
        acts = [x for x in anchors if not x.value.verb and x.value.cls in _ANNOUNCED and x.tok_start > r.tok_end]
        if not acts:
            continue
        first = acts[0]
        announcers = [a for a in actors if 0 <= a.mention.tok_start - r.tok_end <= 1 and a.mention.tok_end <= first.tok_start
                      and first.tok_start - a.mention.tok_end <= 3 and a.role != "civilians"]
        if announcers:
            for a in actors:
                if a is announcers[0]:
                    a.side = AGENT
                elif a.mention.tok_start >= first.tok_end and a.side == AGENT:
                    a.side = PATIENT
    if by_marker:
        # "قُتلت امرأة برصاص قناص حوثي": unvowelled قتلت reads as "killed" or "was killed"; with
        # the doer named after an agent marker, the civilian after the verb is its victim.
        for a in by_order:
            if a.role == "civilians" and a.side == AGENT:
                a.side = PATIENT


def _opponent(doc: Document, inc: Incident, actors: list[ActorRole]) -> None:
    """"دخلت أرتال الهيئة عفرين بعد اشتباكات مع مقاتلي الفيلق الثالث", "government forces, after
    clashes with IS": the side fought "with" is actor 2 when an armed actor came before it; word
    order alone would make it the clash's subject."""
    opponent = words("opponent")
    clash_ends = {t.tok_end for t in doc.in_tokens("trigger", inc.tok_start, inc.tok_end) if t.value.cls == "clash"}
    member_toks = {i for m in doc.in_tokens("context", inc.tok_start, inc.tok_end) if m.value.kind == "member"
                   for i in range(m.tok_start, m.tok_end)}
    for k, a in enumerate(actors):
        t = a.mention.tok_start
        if t == 0 or a.side not in (AGENT, UNKNOWN):
            continue
        j = t - 1
        while j > 0 and j in member_toks:
            j -= 1  # "مع مقاتلي", "with members of"
        if doc.tokens[j].key not in opponent or not (j in clash_ends or j - 1 in clash_ends):  # "معارك عنيفة مع"
            continue
        before = [b for b in actors[:k] if b.inter in ARMED_INTER and b.name != a.name and b.side != NONE]
        if before and before[0].side in (AGENT, UNKNOWN):
            a.side = PATIENT
            before[0].side = AGENT
        return  # one "with" per incident: the first side named after it


def owned_people(doc: Document, actors: list[ActorRole], lang: str) -> list[ActorRole]:
    """Victims named as members of an armed actor are that actor.

    * "killed senior Hamas official Saleh al-Arouri": an actor's name right before a person noun
      says whose the person is (English only: Arabic puts the owner after, "قيادي في حماس");
    * "مقتل شخصين قالت مصادر إنهما عنصران في حزب الله": "people" acted upon, then a member word
      and an armed actor with no role of its own: the victims were that actor's members.
    """
    out: list[ActorRole] = []
    for a in actors:
        prev = out[-1] if out else None
        if lang == "en" and prev is not None and a.role == "civilians" and not prev.role \
                and prev.mention.tok_end == a.mention.tok_start and prev.side != AGENT:
            out[-1] = ActorRole(a.mention, prev.name, prev.inter, "", a.side, prev.coordinated)
            continue
        out.append(a)
    member_ends = {m.tok_end for m in doc.in_tokens("context", actors[0].mention.tok_start if actors else 0,
                                                    actors[-1].mention.tok_end if actors else 0)
                   if m.value.kind == "member"}
    vague = words("vague_people")
    victims = [a for a in out if a.side == PATIENT and a.role == "civilians"
               and (fold_raw(a.mention.surface).split() or [""])[-1] in vague]
    if victims and not any(a.side == PATIENT and a.inter in ARMED_INTER for a in out):
        for a in out:
            if a.side == UNKNOWN and a.inter in ARMED_INTER and a.mention.tok_start > victims[0].mention.tok_start \
                    and any(0 <= a.mention.tok_start - e <= 1 for e in member_ends):
                a.side = PATIENT
                break
    return out


def _landmark(tokens, tok: int) -> bool:
    """The actor at ``tok`` owns a building named after a word of nearness ("قرب مقر", "أمام مبنى",
    "outside the headquarters of")."""
    i = tok - 1
    while i >= 0 and tokens[i].key in ("of", "the"):
        i -= 1
    if i < 1 or tokens[i].key not in words("building"):
        return False
    j = i - 1
    if j >= 0 and tokens[j].key == "the":
        j -= 1
    return j >= 0 and any(st in words("nearness") for st in tokens[j].stems)


def _fired_from(doc: Document, territory: list[Mention], tok: int) -> bool:
    """The territory marker before ``tok`` follows "fired from" ("أطلقت من", "fired from")."""
    for m in territory:
        if 0 <= tok - m.tok_end <= 2 and m.tok_start >= 2 and doc.tokens[m.tok_start - 1].key in words("origin") \
                and any(st in words("fired") for st in doc.tokens[m.tok_start - 2].stems):
            return True
    return False


def _reports_own_act(tokens, i: int) -> bool:
    """"(police said) that they had", "(the army said) it had": the reporter is the doer."""
    if i < len(tokens) and tokens[i].key == "that":
        i += 1
    return i + 1 < len(tokens) and tokens[i].key in words("reporter_self") and tokens[i + 1].key in words("perfect")


def _object_follows(tokens, c: Mention) -> bool:
    """"killing two policemen", "killed at least 40 people": the casualty word takes an object."""
    if c.surface.lower().endswith("ing"):
        return True
    nxt = tokens[c.tok_end] if c.tok_end < len(tokens) else None
    return nxt is not None and (nxt.is_number or nxt.key in words("object_start"))


def _passive_en(tokens, tok: int) -> bool:
    return any(tokens[i].key in words("be") for i in range(max(0, tok - 2), tok))


def _subject_target(targets: list[Mention], anchors: list[Mention], tok: int, skip: set[int]) -> bool:
    """"داهمت دورية تابعة لهيئة تحرير الشام منزلاً": a unit right after the verb is its subject;
    a fixed place there ("استهدف ربيئة للجيش") is its object."""
    # (not after a subject told before the verb: "بانفجار عبوة ناسفة استهدفت دورية لقوات الحزام
    # الأمني": the bomb is the subject, the patrol its object)
    ends = {a.tok_end for a in anchors}
    verb_ends = {a.tok_end for a in anchors if a.value.verb and a.tok_start not in ends}
    fixed = words("fixed_target")
    return any(m.tok_start in verb_ends and _ends_before([m], tok, 4, skip)
               and fold_raw(m.surface).split()[0] not in fixed for m in targets)


def _nominative_killer(a: ActorRole, casualties: list[Mention], actors: list[ActorRole], tokens) -> bool:
    """"قتل مسلحون مجهولون عنصرين من الجيش": unidentified men in the nominative right after the
    verb, with whom they killed after them, are its subject: "killed" and not "were killed"
    (nobody reports the death of men no one can name)."""
    m = a.mention
    if a.role != "unidentified" or "head_start" in m.attrs or not tokens[m.tok_start].key.endswith("ون"):
        return False
    if not any(c.tok_end == m.tok_start for c in casualties):
        return False
    return any(0 < x.mention.tok_start - m.tok_end <= 2 for x in actors if x is not a)


def _in_casualty_phrase(m: Mention, casualties: list[Mention], lang: str, skip: set[int], tokens,
                        anchor_toks: set[int] = frozenset(), doc: Document | None = None) -> bool:
    for c in casualties:
        if lang == "en" and doc is not None and c.value.position == "before" and m.tok_end <= c.tok_start \
                and (opening := apposition_before(doc, c.tok_start, m.tok_end - 1)) is not None \
                and 0 <= opening - m.tok_end <= 1 and not _object_follows(tokens, c):
            return True  # "Two members of the Security Belt forces, a unit affiliated with the STC, were killed"
        if c.value.position == "after" and 0 <= m.tok_start - c.tok_end and \
                sum(1 for i in range(c.tok_end, m.tok_start) if i not in skip) <= 4 and \
                not any(c.tok_end <= i < m.tok_start for i in anchor_toks):
            # "أصيب آخرون جراء قصف مدفعي لقوات النظام": past the trigger, the actor is its doer.
            return True
        if lang == "en" and c.value.position == "before" and 0 <= c.tok_start - m.tok_end <= 3 \
                and not _object_follows(tokens, c):
            return True  # "two SDF fighters were wounded", not "government shelling killed a family"
        if lang == "en" and 0 <= m.tok_start - c.tok_end <= 3 and not _passive_en(tokens, c.tok_start) \
                and _object_follows(tokens, c):
            return True  # active voice: "killed at least 40 people", "shot dead an SDF member"
        if lang != "en" and c.value.position == "before" and 0 <= m.tok_start - c.tok_end <= 2 and \
                not any(c.tok_end <= i < m.tok_start for i in anchor_toks):
            return True
    return False


def pick_sides(actors: list[ActorRole], fallback_patient: bool = True) -> tuple[list[ActorRole], list[ActorRole]]:
    """Actor 1 side and actor 2 side, first of each the main actor, the rest associated."""
    side1: list[ActorRole] = []
    side2: list[ActorRole] = []
    for a in actors:
        if a.side == AGENT:
            side1.append(a)
        elif a.side == PATIENT:
            side2.append(a)
    for k, a in enumerate(actors):
        if a.side != UNKNOWN:
            continue
        if a.coordinated and k > 0 and actors[k - 1].side in (AGENT, PATIENT):
            # "coalition forces, backed by SDF fighters": the ally joins its partner's side.
            a.side = actors[k - 1].side
            (side1 if a.side == AGENT else side2).append(a)
            continue
        if not side1:
            a.side = AGENT
            side1.append(a)
        elif fallback_patient and not side2 and a.name not in {x.name for x in side1}:
            a.side = PATIENT
            side2.append(a)
    # Associated actors are only those joined to a main actor; others on a side are repeats.
    side1 = _dedupe([a for i, a in enumerate(side1) if i == 0 or a.coordinated])
    names1 = {a.name for a in side1}
    # "Sixteen people were killed when the Houthis attacked army positions": "people" may be the
    # fighters themselves; an armed actor acted upon is actor 2 before them.
    if len(side2) > 1 and fold_raw(side2[0].mention.surface or "").split()[-1:] and \
            fold_raw(side2[0].mention.surface).split()[-1] in words("vague_people") and \
            any(a.inter in ARMED_INTER for a in side2[1:]):
        armed = next(a for a in side2[1:] if a.inter in ARMED_INTER)
        side2 = [armed] + [a for a in side2 if a is not armed]
    # "clashes in the camp for Palestinian refugees between Fatah and Islamist groups": the
    # other side of "between" is actor 2 before anyone named earlier.
    side2 = [a for a in side2 if a.paired] + [a for a in side2 if not a.paired]
    side2 = _dedupe([a for a in side2 if a.name not in names1])
    if len(side2) > 1:
        head = side2[0]
        side2 = [head] + [a for a in side2[1:] if a.coordinated]
    return side1, side2


def _dedupe(items: list[ActorRole]) -> list[ActorRole]:
    seen: set[str] = set()
    out = []
    for a in items:
        if a.name not in seen:
            seen.add(a.name)
            out.append(a)
    return out
