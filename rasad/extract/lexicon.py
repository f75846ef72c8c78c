"""Pipeline components that mark what the knowledge base and the text layer recognise.

Each adds :class:`rasad.document.Mention` objects of one kind to the document: ``actor``,
``trigger``, ``casualty``, ``weapon``, ``context``, ``number``, ``date``. Matching is one pass
over the tokens per lexicon (token trie, longest match).
"""

from __future__ import annotations

from functools import lru_cache

from rasad.document import Document, Mention
from rasad.extract.person_nouns import person_number
from rasad.kb import ActorRef, knowledge_base, words
from rasad.text.tokens import PhraseMatcher


def _mark(doc: Document, kind: str, matcher: PhraseMatcher, starts: list[int], keep=None) -> None:
    for tok_start, tok_end, start, end, value, surface in matcher.find_tuples(doc.tokens, doc.text, starts=starts):
        if keep is not None and not keep(value, surface):
            continue
        doc.add(Mention(kind, start, end, value, tok_start, tok_end, surface))


def _acronym_ok(ref, surface: str) -> bool:
    # "IS", "SDF": English acronyms match only when written in capitals ("is" is a verb).
    if ref.is_acronym:
        surface = surface.replace(".", "").removesuffix("'s").removesuffix("\u2019s")
        return surface.upper() == surface and any(c.isupper() for c in surface)
    return True


@lru_cache(maxsize=4)
def _first_words(matchers: tuple[PhraseMatcher, ...], sizes: tuple[int, ...]) -> frozenset[str]:
    """Every word that begins a phrase of any of ``matchers`` (``sizes`` keys the cache to
    their contents)."""
    return frozenset().union(*(m.first_words for m in matchers))


def mark_lexicon(doc: Document) -> None:
    kb = knowledge_base()
    matchers = (kb.actors, kb.triggers, kb.casualties, kb.weapons, kb.context)
    firsts = _first_words(matchers, tuple(m.size for m in matchers))
    # One scan of the tokens for all five lexicons: each then looks only at the few tokens
    # that begin a phrase of some lexicon instead of testing every token again.
    starts = [i for i, t in enumerate(doc.tokens) if not firsts.isdisjoint(t.stems)]
    _mark(doc, "actor", kb.actors, starts, _acronym_ok)
    _mark_triggers(doc, kb.triggers, starts)
    _mark(doc, "casualty", kb.casualties, starts)
    _mark(doc, "weapon", kb.weapons, starts)
    _mark(doc, "context", kb.context, starts)
    _drop_former_affiliations(doc)
    _mark_owner_after_name(doc)


def _mark_owner_after_name(doc: Document) -> None:
    """"موقع المالكية الإسرائيلي", "ثكنة زرعيت الإسرائيلية": a post's name stands between the post
    and its owner's adjective, which agrees with the post, so the noun-adjective aliases miss it.
    A definite owner adjective one or two words after a fixed-target noun (function_words.csv
    fixed_target, which the context lexicon marks as targets), with no actor, number or
    punctuation between, names the post's owner."""
    posts = words("fixed_target")
    found = [m.tok_start for m in doc.get("context") if m.value.kind == "target"]
    tokens = doc.tokens
    found = [j for j in found if not posts.isdisjoint(tokens[j].stems)]
    if not found:
        return
    kb = knowledge_base()
    adjectives = kb.owner_adjectives
    covered = {i for a in doc.get("actor") for i in range(a.tok_start, a.tok_end)}
    named = kb.named_actors
    for j in found:
        for i in (j + 2, j + 3):
            if i >= len(tokens) or any(k in covered or not tokens[k].key.isalpha() for k in range(j + 1, i)):
                break
            canonical = adjectives.get(tokens[i].key)
            if canonical is not None and i not in covered:
                t = tokens[i]
                doc.add(Mention("actor", t.start, t.end, ActorRef("named", actor=named[canonical], alias=t.text),
                                i, i + 1, t.text))
                covered.add(i)
                break


def _drop_former_affiliations(doc: Document) -> None:
    """"قيادياً سابقاً في الجيش الحر", "a former Free Syrian Army commander": the group someone
    once belonged to is not a party to what happens to him now (ACLED codes him by what he is,
    a civilian, or by the group he joined since). A context word of kind ``former`` after a
    member or person noun (Arabic) or before the name (English) removes that actor mention."""
    context = doc.get("context")
    formers = [m for m in context if m.value.kind == "former"]
    actors = doc.get("actor")
    if not formers or not actors:
        return
    tokens = doc.tokens
    members = {i for m in context if m.value.kind == "member" for i in range(m.tok_start, m.tok_end)}
    links = words("of") | words("former_link")

    def person(i: int) -> bool:
        return i in members or person_number(tokens[i]) is not None

    dropped: list[Mention] = []
    for f in formers:
        if doc.language_at(f.start) == "en":
            after = f.tok_end  # "former [member of the] SDF", "former rebel commander"
            while after < len(tokens) and after - f.tok_end < 4 and (person(after) or tokens[after].key in links):
                after += 1
        else:
            if not any(person(i) for i in range(max(0, f.tok_start - 2), f.tok_start)):
                continue  # "في وقت سابق": earlier, not formerly
            after = f.tok_end
            while after < len(tokens) and after - f.tok_end < 2 and tokens[after].key in links:
                after += 1
        dropped.extend(a for a in actors if a.tok_start == after)
    if dropped:
        doc.discard("actor", dropped)


def _mark_triggers(doc: Document, matcher: PhraseMatcher, starts: list[int]) -> None:
    """Triggers; a verb read through the article ("التظاهر", "بالتفجير", "للاغتيال") is its
    verbal noun: Arabic verbs never take ال, so the word names the act and reports nothing by
    itself. It is marked as a noun, which needs concrete context beside it."""
    for tok_start, tok_end, start, end, value, surface in matcher.find_tuples(doc.tokens, doc.text, starts=starts):
        if value.verb and _through_article(doc.tokens[tok_start].key, value.phrase):
            value = _as_noun(value)
        doc.add(Mention("trigger", start, end, value, tok_start, tok_end, surface))


_VERB_CLITICS = ("وس", "فس", "ول", "فل", "و", "ف", "ل", "س")  # what a verb may carry before it


@lru_cache(maxsize=8192)
def _through_article(key: str, phrase: str) -> bool:
    from rasad.text.normalize import fold_raw
    from rasad.text.tokens import entry_key

    first = entry_key(phrase)[0]
    if fold_raw(phrase).startswith(("ال", "لل")):
        return False  # the entry has the article itself ("النار على": fire opened on…)
    if key == first or any(key.startswith(c) and key[len(c):] == first for c in _VERB_CLITICS):
        return False
    return any(key.endswith(a + first) for a in ("ال", "لل"))


@lru_cache(maxsize=1024)
def _as_noun(value):
    from dataclasses import replace

    return replace(value, verb=False, pos="n")


def _language_runs(doc: Document) -> list[tuple[int, int, str]]:
    if len(doc.paragraphs) <= 1:
        return [(0, len(doc.text), doc.language or "ar")]
    return doc.paragraphs


def mark_numbers(doc: Document) -> None:
    from dataclasses import replace

    from rasad.text.numbers import find_numbers

    runs = _language_runs(doc)
    for start, end, lang in runs:
        whole = len(runs) == 1
        found = find_numbers(doc.text, doc.tokens, lang=lang) if whole else find_numbers(doc.text[start:end], lang=lang)
        for n in found:
            if not whole:
                n = replace(n, start=n.start + start, end=n.end + start)
            doc.add(Mention("number", n.start, n.end, n, surface=doc.text[n.start:n.end]))


def mark_dates(doc: Document) -> None:
    from dataclasses import replace

    from rasad.text.dates import find_dates

    for start, end, lang in _language_runs(doc):
        for d in find_dates(doc.text[start:end], doc.article.published, lang=lang, folded=doc.folded[start:end]):
            if start:
                d = replace(d, start=d.start + start, end=d.end + start)
            doc.add(Mention("date", d.start, d.end, d, surface=doc.text[d.start:d.end]))
            if d.warning:
                doc.warn(d.warning)
