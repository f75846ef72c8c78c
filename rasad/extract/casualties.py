"""Fatalities and injuries of an incident, with the rule used for each count.

* The count stands next to its casualty word: after it for nouns of the act ("مقتل ثلاثة عناصر",
  "killing 2"), before it for nouns of the victims and English participles ("ثلاثة قتلى",
  "two fighters were wounded").
* "مقتل وإصابة عدد من…": one number after two joined casualty words counts for both, because the
  text states both deaths and wounds (taxonomy.md).
* No number: a dual noun ("عنصرين") is 2, a singular person noun or "الذي قتل" is 1, a bare plural
  is :data:`BARE_PLURAL` (the smallest plural), never a guess larger than the text states.
* A noun with a pronoun suffix counts as its suffix says ("مقتلهما" 2, "إصابته" 1).
* A negated phrase ("دون وقوع إصابات", "no one was hurt") is 0.
* Several phrases of the same kind in one incident: the largest count is kept, since follow-up
  phrases usually restate the toll ("ارتفع عدد القتلى إلى…") rather than add to it.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field

from rasad.document import Document, Mention
from rasad.extract.incidents import Incident
from rasad.kb import words
from rasad.text.segment import PHRASE_STOPS
from rasad.text.tokens import is_definite

BARE_PLURAL = 2  # a plural noun with no number: at least two people


@dataclass
class Count:
    value: int
    rule: str
    spans: list[tuple[int, int]] = field(default_factory=list)  # normalised offsets (evidence)


def _numbers_by_token(doc: Document) -> dict[int, Mention]:
    import bisect

    if "numbers_by_token" in doc.cache:
        return doc.cache["numbers_by_token"]
    out: dict[int, Mention] = {}
    doc.cache["numbers_by_token"] = out
    starts = doc.token_starts

    for m in doc.get("number"):
        if getattr(m.value, "kind", "count") != "count":
            continue
        i = bisect.bisect_left(starts, m.start)
        if i < len(starts):
            out[i] = m
    return out


def count_casualties(doc: Document, inc: Incident, lang: str) -> tuple[Count | None, Count | None]:
    from rasad.text.numbers import dual_count

    numbers = _numbers_by_token(doc)
    cas = sorted(doc.in_tokens("casualty", inc.tok_start, inc.tok_end), key=lambda m: m.tok_start)
    negations = [m for m in doc.in_tokens("context", inc.tok_start, inc.tok_end) if m.value.kind == "negation"]
    best: dict[str, Count] = {}
    tokens = doc.tokens

    def keep(kind: str, c: Count) -> None:
        if kind not in best or c.value > best[kind].value:
            best[kind] = c

    for idx, c in enumerate(cas):
        kind = c.value.kind
        span = (c.start, c.end)
        if any(0 <= c.tok_start - n.tok_end <= 2 for n in negations):
            keep(kind, Count(0, "negated", [span]))
            continue
        near = doc.within("context", c.start - 40, c.end)
        if any(m.value.kind == "not_casualty" and m.start <= c.start < m.end for m in near):
            continue  # "ميدان الشهداء", "Martyrs' Square": a name, not a toll
        if any(m.value.kind == "grievance" and 0 <= c.tok_start - m.tok_end <= 2 for m in near):
            continue  # "احتجاجاً على مقتل متظاهر": the protest's cause, not its toll
        if any(m.value.kind == "modal" and 0 <= c.tok_start - m.tok_end <= 2 for m in near):
            continue  # "a man accused of killing a child", "بتهمة قتل": the charge, not the toll
        if c.value.position == "self":
            keep(kind, Count(c.value.count, "pronoun-suffix", [span]))  # "ما أدى إلى مقتلهما": two
            continue
        if lang != "en" and c.value.position == "before" and dual_count(doc.norm.raw_text(c.start, c.end)):
            keep(kind, Count(2, "dual", [span]))  # "سقوط قتيلين": the victims' noun is a dual
            continue
        found: Count | None = None
        if lang != "en" and c.value.position == "before":
            # "إلى 55 قتيلاً و146 جريحاً": a victims' noun counts the number before it first.
            found = _number_before(doc, numbers, c.tok_start, inc.tok_start, window=6)
        if found is None and (c.value.position == "after" or lang != "en"):
            # "مقتل وإصابة عدد": skip a joined second casualty word, its number counts for both.
            j = c.tok_end
            if idx + 1 < len(cas) and cas[idx + 1].tok_start == j and cas[idx + 1].value.kind != kind:
                j = cas[idx + 1].tok_end
            if any(t.value.verb for t in doc.within("trigger", c.start, c.end)) or _nominative_doer(doc, j):
                # "أعدم عناصر من داعش راعياً": the verb's doer comes first, then the victims.
                # An actor after a preposition ("وقتلوا قائدا للحركة") belongs to the victims'
                # phrase; it is no doer.
                doers = [a for a in doc.in_tokens("actor", j, j + 3) if a.value.role != "civilians"
                         and not _after_preposition(tokens[a.tok_start], a)]
                if doers:
                    j = _skip_doer(doc, doers[0].tok_end, inc.tok_end)
            found = _number_after(doc, numbers, j, inc.tok_end)
            if found is None and c.value.position == "after":
                found = _noun_count(tokens, j, inc.tok_end, dual_count, doc)
            if found is None and c.value.position == "before" and lang != "en" and \
                    not is_definite(tokens[c.tok_start].key) and \
                    _number_before(doc, numbers, c.tok_start, inc.tok_start, window=6) is None:
                # "وقتلوا شخصاً": a verb whose count usually stands before it (قُتلوا) counts
                # the person noun after it when it is active and has none before. A definite
                # noun ("ان القتلى مسلحون") is the subject of what follows, not a verb.
                found = _noun_count(tokens, j, inc.tok_end, dual_count, doc)
            if found is not None:
                found = _add_conjuncts(doc, numbers, found, inc.tok_end, dual_count)
        if found is None and c.value.position == "before" and lang == "en" and _one_more(tokens, c.tok_start):
            found = Count(1, "one-more", [])  # "Two shepherds were killed and a third wounded"
        if found is None and c.value.position == "before" and lang == "en" and _active_en(tokens, c, numbers):
            # "killed a commander and wounded two passers-by": the active verb counts its object,
            # not the person named before it
            found = _number_after(doc, numbers, c.tok_end, inc.tok_end)
        if found is None and c.value.position == "before" and lang == "en":
            # "Two civilians were wounded and a commander killed": the person right before the
            # verb ("a commander (was)"), before any number further back
            found = _person_before(tokens, c.tok_start, max(inc.tok_start, c.tok_start - _EN_NEAR_SUBJECT))
            if found is not None:
                found = _and_before(doc, numbers, found, inc.tok_start)
        if found is None and c.value.position == "before":
            found = _number_before(doc, numbers, c.tok_start, inc.tok_start,
                                   window=_EN_SUBJECT_WINDOW if lang == "en" else 6)
            if found is None and lang == "en" and (opening := apposition_before(doc, c.tok_start, inc.tok_start)):
                # "Two members of the YBS, a Yazidi armed group linked to the PKK, were killed":
                # the subject's number stands before the apposition that describes it
                found = _number_before(doc, numbers, opening, inc.tok_start, window=_EN_SUBJECT_WINDOW)
            if found is not None and lang == "en":
                found = _and_before(doc, numbers, found, inc.tok_start)
                found = _along_with_after(doc, numbers, found, c.tok_end, inc.tok_end)
            if found is None and lang == "en":
                # "A child was killed", "an SDF fighter was killed": one person, no numeral.
                found = _person_before(tokens, c.tok_start, inc.tok_start)
            if found is None and lang == "en":
                # Active voice: "killed 14 people", "shot dead an SDF member".
                found = _number_after(doc, numbers, c.tok_end, inc.tok_end) or \
                    _noun_count(tokens, c.tok_end, inc.tok_end, dual_count, doc)
            if found is None and c.tok_start > 0 and tokens[c.tok_start - 1].key in words("relative_one"):
                found = Count(1, "relative-singular", [])
            elif found is None and c.tok_start > 0 and tokens[c.tok_start - 1].key in words("relative_many"):
                found = Count(BARE_PLURAL, f"bare-plural={BARE_PLURAL}", [])
        if found is None and lang != "en" and c.value.position == "before" and c.value.count \
                and not is_definite(tokens[c.tok_start].key):  # ("الرئيس الشهيد رفيق الحريري": a title)
            # "ما أدى إلى سقوط شهيد وجريحين": a singular casualty noun with no number is one person
            # (casualties.csv count column)
            found = Count(c.value.count, "singular-noun", [])
        if found is None:
            if c.tok_start > 0 and tokens[c.tok_start - 1].key in words("relative_one"):
                found = Count(1, "relative-singular", [])
            else:
                continue
        found.spans.insert(0, span)
        keep(kind, found)
    return best.get("killed"), best.get("wounded")


def _nominative_doer(doc: Document, tok: int) -> bool:
    """"قتل مسلحون مجهولون عنصرين": unidentified men in the nominative right after the word are
    its subject (roles._nominative_killer), so the victims' count comes after them."""
    return any(a.tok_start == tok and a.value.kind == "generic" and a.value.role == "unidentified"
               and doc.tokens[tok].key.endswith("ون") for a in doc.in_tokens("actor", tok, tok + 1))


_AND_REACH = 4  # "three soldiers and two STC fighters": words from the number before "and" to it


def _and_before(doc: Document, numbers: dict[int, Mention], found: Count, start_tok: int) -> Count:
    """"left three soldiers and two STC fighters dead": counts joined by "and" before the one
    next to the casualty word add up."""
    tokens = doc.tokens
    total, spans = found.value, list(found.spans)
    i = bisect.bisect_left(doc.token_starts, spans[0][0])
    if i - 1 > start_tok and tokens[i - 1].key in words("one_det"):
        i -= 1  # "three civilians and a child"
    while i - 1 > start_tok and tokens[i - 1].key == "and":
        prev = next((k for k in range(i - 2, max(start_tok, i - 2 - _AND_REACH) - 1, -1) if k in numbers), None)
        if prev is None or not PHRASE_STOPS.isdisjoint(doc.text[tokens[prev].end:tokens[i - 1].start]) \
                or doc.in_tokens("casualty", prev, i - 1):
            break  # (not "two soldiers were killed and three wounded": another toll)
        n = numbers[prev]
        total += n.value.value
        spans.insert(0, (n.start, n.end))
        i = prev
    return found if total == found.value else Count(total, f"{found.rule};sum", spans)


def _active_en(tokens, c: Mention, numbers: dict[int, Mention]) -> bool:
    """"…and wounded two passers-by": a number right after the verb, and no "was/were/been"
    before it, is the verb's object."""
    return c.tok_end in numbers and not any(
        tokens[i].key in words("be") for i in range(max(0, c.tok_start - 2), c.tok_start))


def _one_more(tokens, tok: int) -> bool:
    """"a third wounded", "a fourth was injured": one more person, not the number before."""
    i = tok - 1
    if i >= 0 and tokens[i].key in words("be"):
        i -= 1
    return i >= 1 and tokens[i].key in words("ordinal_person") and tokens[i - 1].key in words("one_det")


def _after_preposition(t, actor: Mention) -> bool:
    """"للحركة", "لحركة حماس": an actor name behind the preposition ل (not one spelled with it,
    like لواء)."""
    from rasad.text.tokens import entry_key

    alias = getattr(actor.value, "alias", None) or ""
    first = (entry_key(alias) or ("",))[0]
    return t.key.startswith("ل") and not first.startswith("ل")


_RIDE_REACH = 3  # words of "riding a motorbike" after a verb of riding, before the victims


def _skip_doer(doc: Document, tok: int, end_tok: int) -> int:
    """Past the doer ("عناصر من تنظيم داعش"), a date after it ("أمس") and what the doers rode
    ("مسلحون يستقلون دراجة نارية ضابطاً": the officer is the victim)."""
    while tok < end_tok:
        t = doc.tokens[tok]
        if any(d.start <= t.start < d.end for d in doc.within("date", t.start - 40, t.end)) or t.key in ("من", "of"):
            tok += 1
            continue
        if any(m.value.kind == "possession" and m.tok_start == tok for m in doc.in_tokens("context", tok, tok + 1)):
            for j in range(tok + 1, min(end_tok, tok + 1 + _RIDE_REACH)):
                if _person_kind(doc.tokens[j]) is not None or doc.tokens[j].is_number:
                    return j
        break
    return min(tok, end_tok)


_CONJUNCT_STOPS = PHRASE_STOPS  # punctuation that ends a list of counts


def _add_conjuncts(doc: Document, numbers: dict[int, Mention], first: Count, end_tok: int, dual_count) -> Count:
    """"مقتل ضابط وعنصر", "قتل ٦ عناصر من قوات النظام و٣ من عناصر داعش", "قيادي واثنان من
    مرافقيه": counts joined by "و" after the first add up, up to the next punctuation."""
    tokens = doc.tokens
    last = max(e for _, e in first.spans) if first.spans else 0
    i = bisect.bisect_left(doc.token_starts, last)
    total, spans, steps = first.value, list(first.spans), 0
    while i < min(end_tok, len(tokens)) and steps < 8:
        gap = doc.text[tokens[i - 1].end:tokens[i].start] if i > 0 else ""
        if not _CONJUNCT_STOPS.isdisjoint(gap) or doc.within("casualty", tokens[i].start, tokens[i].end):
            break
        t = tokens[i]
        if t.key == "و" and numbers.get(i + 1) is not None:  # "و٣": the digits are a token apart
            n = numbers[i + 1]
            total += n.value.value
            spans.append((n.start, n.end))
            i += 2
            steps += 2
            continue
        if t.key.startswith("و") and len(t.key) > 1:
            n = numbers.get(i)
            if n is not None:
                total += n.value.value
                spans.append((n.start, n.end))
            elif dual_count(doc.norm.raw_text(t.start, t.end)):
                total += 2
                spans.append((t.start, t.end))
            elif _person_kind(t) == "singular":
                total += 1
                spans.append((t.start, t.end))
        i += 1
        steps += 1
    if total == first.value:
        return first
    return Count(total, f"{first.rule};sum", spans)


def _number_after(doc: Document, numbers: dict[int, Mention], start_tok: int, end_tok: int) -> Count | None:
    i = start_tok
    skipped = 0
    while i < min(end_tok, start_tok + 6):
        n = numbers.get(i)
        if n is not None:
            return Count(n.value.value, n.value.rule, [(n.start, n.end)])
        if doc.tokens[i].key in words("count_skip") and skipped < 3:
            skipped += 1
            i += 1
            continue
        break
    return None


_EN_NEAR_SUBJECT = 3  # "a commander (was) killed": the subject noun next to its verb
_EN_SUBJECT_WINDOW = 9  # "Three soldiers of the Syrian regime forces were killed"


def _person_before(tokens, end_tok: int, start_tok: int) -> Count | None:
    for i in range(end_tok - 1, max(start_tok, end_tok - 6) - 1, -1):
        kind = _person_kind(tokens[i])
        if kind is not None:
            art = {tokens[j].key for j in range(max(start_tok, i - 3), i)}
            if any(tokens[j].key in words("including") for j in range(max(0, i - 3), i)):
                return None  # "Three civilians, including a child, were killed": a subset
            if kind == "singular" and art & words("one_det"):  # "his brother was injured"
                return Count(1, "singular-noun", [(tokens[i].start, tokens[i].end)])
            return None
    return None


_ALONG_REACH = 3  # words from the casualty verb to "along with" / "as well as"


def _along_with_after(doc: Document, numbers: dict[int, Mention], found: Count, verb_end: int, end_tok: int) -> Count:
    """"Several attackers were killed, along with two SDF fighters": more dead joined after the verb
    add to the count before it."""
    keys = [t.key for t in doc.tokens]
    for i in range(verb_end, min(end_tok, verb_end + _ALONG_REACH)):
        for phrase in words("count_join"):
            join = phrase.split()
            if keys[i:i + len(join)] != join:
                continue
            n = numbers.get(i + len(join))
            if n is not None and getattr(n.value, "kind", "count") == "count":
                return Count(found.value + n.value.value, f"{found.rule};along-with", found.spans + [(n.start, n.end)])
            return found
    return found


_APPOSITION_SPAN = 16  # words an English apposition between a subject and its verb may hold


def apposition_before(doc: Document, verb_tok: int, start_tok: int) -> int | None:
    """The token opening an apposition (", a …", ", which …", ", who …") that ends with a comma just
    before the verb phrase at ``verb_tok``, or None."""
    tokens, text = doc.tokens, doc.text
    auxiliaries, openers = words("auxiliary"), words("apposition_open")
    k = verb_tok
    while k - 1 > start_tok and tokens[k - 1].key in auxiliaries:
        k -= 1
    if k <= start_tok + 1 or "," not in text[tokens[k - 1].end:tokens[k].start]:
        return None
    for i in range(k - 1, max(start_tok, k - 1 - _APPOSITION_SPAN), -1):
        if tokens[i].key in openers and "," in text[tokens[i - 1].end:tokens[i].start]:
            return i
    return None


def _number_before(doc: Document, numbers: dict[int, Mention], end_tok: int, start_tok: int,
                   window: int = 6) -> Count | None:
    for i in range(end_tok - 1, max(start_tok, end_tok - window) - 1, -1):
        n = numbers.get(i)
        if n is not None and not (i > 0 and doc.tokens[i - 1].key in words("including")):
            return Count(n.value.value, n.value.rule, [(n.start, n.end)])
        if doc.tokens[i].key in {"ب", "و"}:
            break
    return None


def _noun_count(tokens, start_tok: int, end_tok: int, dual_count, doc: Document) -> Count | None:
    """No number after the casualty word: a dual noun is 2, a person noun 1, a plural 2."""
    resumptive = words("resumptive")
    while start_tok < end_tok and tokens[start_tok].key in resumptive:
        start_tok += 1  # "قتل فيها عنصران": killed in it, two members
    if start_tok >= end_tok:
        return None
    t = tokens[start_tok]
    if t.key in words("one_det") and start_tok + 1 < end_tok:  # "killing a woman": one person
        # "an SDF member", "a senior Kataib Hezbollah commander", "wounding its driver"
        for j in range(start_tok + 1, min(end_tok, start_tok + 6)):
            if _person_kind(tokens[j]) == "singular":
                span = [(tokens[j].start, tokens[j].end)]
                # "wounding his wife and son": a second person joined by "and"
                if j + 2 < end_tok and tokens[j + 1].key == "and" and _person_kind(tokens[j + 2]) == "singular":
                    return Count(2, "singular-nouns", span + [(tokens[j + 2].start, tokens[j + 2].end)])
                return Count(1, "singular-noun", span)
        t = tokens[start_tok + 1]
    # The raw spelling keeps vowel marks that tell a dual (مدنيَّين) from a plural (مدنيِّين).
    if dual_count(doc.norm.raw_text(t.start, t.end)):
        return Count(2, "dual", [(t.start, t.end)])
    person = _person_kind(t)
    if person == "singular":
        return Count(1, "singular-noun", [(t.start, t.end)])
    if person == "plural":
        return Count(BARE_PLURAL, f"bare-plural={BARE_PLURAL}", [(t.start, t.end)])
    return None


def _person_kind(t) -> str | None:
    from rasad.extract.person_nouns import person_number

    return person_number(t)
