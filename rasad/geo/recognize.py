"""Toponym recognition: place mentions in a :class:`rasad.document.Document`.

Arabic: gazetteer names are matched on clitic-aware tokens (``بريف``, ``لمدينة``, ``وبلدة``), with
the cue words before them (قرية، بلدة، مدينة، حي، مخيم، ريف، بادية، محافظة، ناحية), "near" phrases,
and directions before ("شرقي سوريا") or after ("ريف ديرالزور الغربي") the name. A village name
that is also a common word ("الزر", "الحصان") is taken only after a cue; a single-word village
name needs a cue or a locative preposition. A name after a village/town cue that no data has is
still returned (no candidates), so the incident can be coded to its enclosing place.

English: capitalised spans ("Deir ez-Zor", "Al-Sukhnah") looked up by their article-free key,
then by a transliteration skeleton (Dayr az Zawr / Deir al-Zour), with the same cue, "near" and
direction handling ("western Deir ez-Zor countryside", "near Al-Sukhnah in eastern Homs").
"""

from __future__ import annotations

import bisect
import csv
import re
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources

from rasad.geo.gazetteer import POPULATED, Gazetteer, capital_ids, get_gazetteer
from rasad.geo.mentions import PlaceMention
from rasad.geo.names import EN_ARTICLES, ar_key, en_key, en_words, is_arabic, strip_article
from rasad.text.tokens import _MIN_STEM, Token

_UNKNOWN_NAME_CUES = frozenset({"village", "town", "city", "camp", "neighbourhood", "farm"})
_AREA_CUES = frozenset({"countryside", "badia"})
# Admin units whose unknown names still make a place: the district is kept as admin2.
_UNKNOWN_UNIT_CUES = frozenset({"district", "front"})
_UNIT_KINDS = frozenset({"district", "subdistrict", "governorate", "region"})  # Yemen's fronts bear district names
_STRICT_CUES = {"country": frozenset({"country"}), "governorate": frozenset({"governorate", "district"})}
_BARE_OK_KINDS = frozenset({"city", "governorate", "district", "region", "country", "camp"})


@dataclass
class CueLexicon:
    phrases: dict[str, dict[str, list[tuple[tuple[str, ...], str]]]] = field(default_factory=dict)  # lang -> first word -> [(key, role:value)]
    stop: dict[str, set[str]] = field(default_factory=dict)
    words: dict[str, set[str]] = field(default_factory=dict)  # "lang:role" -> folded words (locative, compound_head, kunya)
    areas: dict[str, str] = field(default_factory=dict)  # folded one-word area cue (ريف, باديه) -> cue
    # Arabic cue words written with the article in the data ("العاصمة"): the article is part of
    # the cue, not a sign that the place was named before.
    article_cues: set[str] = field(default_factory=set)


_WORD_ROLES = ("locative", "compound_head", "kunya", "coordinator", "joined_head", "street", "plural")


@dataclass
class _Lead:
    """What the words before a name say (both languages): "near", a direction, and cues; with
    chained cues ("بريف مدينة") the first is the mention's cue, the last the named place's kind."""
    cue: str | None = None
    kind: str | None = None
    direction: str | None = None
    near: bool = False
    cue_start: int | None = None  # span of the cue words
    cue_end: int | None = None

    def take(self, role: str, value: str, first: Token, last: Token) -> None:
        """Absorb a cue/near/dir_before phrase covering tokens first..last."""
        if role == "near":
            self.near = True
        elif role == "dir_before":
            self.direction = value
        else:
            if self.cue is None:
                self.cue = value
            self.kind = value
            if self.cue_start is None:
                self.cue_start = first.start
            self.cue_end = last.end


@lru_cache(maxsize=1)
def cue_lexicon() -> CueLexicon:
    text = resources.files("rasad.data").joinpath("gazetteer/cues.tsv").read_text(encoding="utf-8")
    lex = CueLexicon(phrases={"ar": {}, "en": {}}, stop={"ar": set(), "en": set()})
    rows = csv.DictReader((line for line in text.splitlines() if not line.startswith("#")), delimiter="\t")
    for r in rows:
        lang, role, phrase, value = r["lang"], r["role"], r["phrase"], r.get("value") or ""
        if role == "stop":
            lex.stop[lang].add(phrase if lang == "ar" else phrase.lower())
            continue
        if role in _WORD_ROLES:
            word = strip_article(ar_key(phrase)[0]) if lang == "ar" else phrase.lower()
            lex.words.setdefault(f"{lang}:{role}", set()).add(word)
            continue
        key = ar_key(phrase) if lang == "ar" else tuple(phrase.lower().split())
        if lang == "ar" and role == "cue" and phrase.startswith("ال"):
            lex.article_cues.add(key[0])
        lex.phrases[lang].setdefault(key[0], []).append((key, f"{role}:{value}"))
        if lang == "ar" and role == "cue" and value in ("countryside", "badia") and len(key) == 1:
            lex.areas[key[0]] = value
    for table in lex.phrases.values():
        for lst in table.values():
            lst.sort(key=lambda kv: -len(kv[0]))
    return lex


def _gap_ok(text: str, a: Token, b: Token) -> bool:
    """Tokens a and b are adjacent words of one name: only spaces (or a hyphen) between them."""
    gap = text[a.end:b.start]
    return gap.strip() in ("", "-")


def _match_phrase(tokens: list[Token], text: str, i: int, lang: str, roles: tuple[str, ...]) -> tuple[int, str, str] | None:
    """Longest cue phrase of one of ``roles`` at token i: (end token, role, value)."""
    lex = cue_lexicon()
    if lang == "ar":
        # "البلدة" is "the town" (already named): a cue word carries no article. A direction
        # after a name ("ديرالزور الغربي") does; one before it ("شرقي سوريا") does not.
        want_article = roles in (("dir_after",), ("country_adj",))
        firsts = _cue_firsts(tokens[i].key, tokens[i].stems, want_article)
    else:
        firsts = (tokens[i].key,)
    best: tuple[int, str, str] | None = None
    for first in firsts:
        for key, rv in lex.phrases[lang].get(first, ()):
            role, _, value = rv.partition(":")
            if role not in roles:
                continue
            j = i + 1
            ok = True
            for w in key[1:]:
                if j >= len(tokens) or not _gap_ok(text, tokens[j - 1], tokens[j]):
                    ok = False
                    break
                t = tokens[j]
                if w not in (t.key, strip_article(t.key)):
                    ok = False
                    break
                j += 1
            if ok and (best is None or j > best[0]):
                best = (j, role, value)
    return best


@lru_cache(maxsize=65536)
def _article_stems(key: str, stems: tuple[str, ...], with_article: bool) -> tuple[str, ...]:
    """The stems of a token that were (or were not) preceded by the article: cached, as the
    same words are asked about at every cue position of every article."""
    return tuple(st for st in stems if _has_article(key, st) == with_article)


@lru_cache(maxsize=65536)
def _cue_firsts(key: str, stems: tuple[str, ...], with_article: bool) -> tuple[str, ...]:
    """The stems of a token a cue phrase may start with: :func:`_article_stems`, and without an
    article wanted also the cue words the data writes with theirs ("العاصمة"). Cached like it
    (every Arabic place-word position of every article asks; the cue lexicon is loaded once)."""
    firsts = _article_stems(key, stems, with_article)
    article_cues = cue_lexicon().article_cues
    if not with_article and article_cues:
        firsts += tuple(st for st in stems if st in article_cues and st not in firsts)
    return firsts


def _has_article(key: str, stem: str) -> bool:
    prefix = key[: len(key) - len(stem)]
    return prefix.endswith("ال") or prefix.endswith("لل")


# Proclitics a bare (cue-less) place name may carry: conjunction, "in/at" ب and "to" ل with or
# without the article. ك ("like") and other readings make too many common words look like places.
_BARE_PREFIXES = frozenset({"", "ال", "و", "وال", "ف", "فال", "ب", "بال", "وب", "وبال", "ل", "لل", "ول", "ولل"})


def _walk_ar(gaz: Gazetteer, tokens: list[Token], text: str, i: int) -> tuple[int, list[int], bool] | None:
    """Longest gazetteer name starting at token i: (end token, place indices, bare-safe prefix)."""
    best: tuple[int, list[int], bool] | None = None
    for first in tokens[i].stems:
        node = gaz.trie.get(first)
        if node is None:
            continue
        clitic = tokens[i].key[: len(tokens[i].key) - len(first)] in _BARE_PREFIXES
        j = i + 1
        if None in node and (best is None or j > best[0]):
            best = (j, node[None], clitic)
        while j < len(tokens):
            # The word is looked up before the gap is checked: most lookups fail, and both
            # must pass for the name to go on.
            t = tokens[j]
            key = t.key
            nxt = node.get(key)
            if nxt is None and key.startswith("ال") and len(key) - 2 >= _MIN_STEM:
                nxt = node.get(key[2:])  # strip_article inlined (a word left unstripped just failed)
            if nxt is None or not _gap_ok(text, tokens[j - 1], t):
                break
            node = nxt
            j += 1
            if None in node and (best is None or j > best[0]):
                best = (j, node[None], clitic)
    return best


def find_places(doc) -> list[PlaceMention]:
    """Place mentions of a Document (normalised offsets), sorted by start; also sets doc.places."""
    gaz = get_gazetteer()
    tokens: list[Token] = doc.tokens
    text: str = doc.text
    mentions = _find_ar(gaz, tokens, text) + _find_en(gaz, tokens, text, doc.token_starts)
    mentions.sort(key=lambda m: (m.start, m.end))
    _mark_bracketed_areas(mentions, text)
    _name_the_capital(mentions)
    # "جبهة النصرة", "the Nusra Front": a cue and name that together are an actor's name are no place
    if any(m.cue_start is not None for m in mentions):
        actors = sorted((m.start, m.end) for m in doc.get("actor"))
        starts = [a for a, _ in actors]

        def in_actor(m: PlaceMention) -> bool:
            k = bisect.bisect_right(starts, min(m.start, m.cue_start)) - 1
            return k >= 0 and max(m.start, m.cue_start) < actors[k][1]

        mentions = [m for m in mentions if m.cue_start is None or not in_actor(m)]
    doc.places = mentions
    return mentions


def country_adjectives(doc) -> list[tuple[int, int, str]]:
    """(start, end, country) of each country adjective in the text ("العراقية", "Iraqi"),
    normalised offsets, in text order."""
    tokens: list[Token] = doc.tokens
    out = []
    for i, tok in enumerate(tokens):
        lang = "ar" if is_arabic(tok.text) else "en"
        m = _match_phrase(tokens, doc.text, i, lang, ("country_adj",))
        if m is not None:
            out.append((tok.start, tokens[m[0] - 1].end, m[2]))
    return out


def _name_the_capital(mentions: list[PlaceMention]) -> None:
    """"…مستشفى طرابلس المركزي … وقفة أمام وزارة الصحة في العاصمة": an unnamed capital is the
    capital among the places the article names (Tripoli of Libya here), when one is."""
    unnamed = [m for m in mentions if m.cue == "capital" and m.kind == "capital"]
    if not unnamed:
        return
    capitals = capital_ids()
    named = {c for m in mentions if m.kind != "capital" for c in m.candidates if c in capitals}
    for m in unnamed:
        kept = [c for c in m.candidates if c in named]
        if kept:
            m.candidates = kept


def _mark_bracketed_areas(mentions: list[PlaceMention], text: str) -> None:
    """"Darnaj (Deir ez-Zor)", "ذيبان (دير الزور)": the bracketed place is the area the first
    one lies in, so it is context (an area cue), never the incident's place itself."""
    for a, b in zip(mentions, mentions[1:], strict=False):
        if b.cue is None and text[a.end:b.start].strip() == "(" and text[b.end:b.end + 1] == ")":
            b.cue = "region"


def find_places_in_text(text: str) -> list[PlaceMention]:
    """Recognition over a bare phrase (the CLI, the benchmarks): offsets are normalised ones."""
    from rasad.document import Document
    from rasad.record import Article

    return find_places(Document(Article(text=text)))


# ---------------------------------------------------------------- Arabic


@lru_cache(maxsize=4)
def _ar_starters(gaz: Gazetteer) -> frozenset[str]:
    """Every folded word that can begin a place mention: a name's first word, a cue, near or
    direction phrase's first word, an area word. Other tokens are skipped in one set lookup."""
    lex = cue_lexicon()
    return frozenset(gaz.trie) | frozenset(lex.phrases["ar"]) | frozenset(lex.areas)


@lru_cache(maxsize=4)
def _country_ids(gaz: Gazetteer) -> dict[str, list[str]]:
    """Country name -> ids of its country-kind places (for a country adjective after a name)."""
    out: dict[str, list[str]] = {}
    for p in gaz.places:
        if p.kind == "country":
            out.setdefault(p.country, []).append(p.id)
    return out


def _next_begin(begins: list[int], i: int, n: int) -> int:
    """The first token at or after ``i`` where a mention can begin (``begins`` is sorted), or
    ``n`` (the token count) when none is left."""
    b = bisect.bisect_left(begins, i)
    return begins[b] if b < len(begins) else n


def _find_ar(gaz: Gazetteer, tokens: list[Token], text: str) -> list[PlaceMention]:
    lex = cue_lexicon()
    starters = _ar_starters(gaz)
    out: list[PlaceMention] = []
    n = len(tokens)
    # The tokens a mention can begin at, found in one comprehension; the walk below jumps from
    # one to the next instead of testing every token in its own loop.
    begins = [k for k, t in enumerate(tokens) if not starters.isdisjoint(t.stems) and is_arabic(t.text)]
    area_words = lex.areas.keys()
    i = 0
    while (i := _next_begin(begins, i, n)) < n:
        # (one set test first: few tokens are an area word such as الريف or البادية)
        area = None if area_words.isdisjoint(tokens[i].stems) else _nameless_area(tokens, text, i)
        if area is not None:
            out.append(area)
            i = _tok_index_after(tokens, area.end)
            continue
        j = i
        lead = _Lead()
        walked: tuple[int, tuple[int, list[int], bool] | None] | None = None  # (j, _walk_ar at j)
        # Absorb the words before the name: near-phrases, directions, cues (chained: "بريف مدينة").
        for _ in range(4):
            if j >= n:
                break
            name_here = _walk_ar(gaz, tokens, text, j)
            walked = (j, name_here)
            m = _match_phrase(tokens, text, j, "ar", ("cue", "near", "dir_before"))
            if m is None or (name_here is not None and name_here[0] > m[0]):
                break
            end, role, value = m
            if end < n and not _gap_ok(text, tokens[end - 1], tokens[end]) and value != "capital":
                break  # (but "في العاصمة، مطالبين": the capital needs no name after it)
            lead.take(role, value, tokens[j], tokens[end - 1])
            j = end
            if value == "capital":
                break
        cue, kind, direction, near = lead.cue, lead.kind, lead.direction, lead.near
        cue_start, cue_end = lead.cue_start, lead.cue_end
        if cue == "capital":
            capital = _capital_mention(gaz, tokens, text, j, "ar", cue_start, cue_end)
            if capital is not None:
                # "العاصمة الليبية طرابلس": whose capital it is; "في العاصمة": the capital itself
                if capital.cue == "capital" and (direction is not None or near):
                    capital.direction = direction or "near"  # "قرب الطارمية شمالي العاصمة"
                out.append(capital)
                if capital.cue == "capital":
                    i = j
                    continue
                j = _tok_index_after(tokens, capital.end)
        if j >= n:
            break
        hit = walked[1] if walked is not None and walked[0] == j else _walk_ar(gaz, tokens, text, j)
        if hit is None and j > i and (kind in _UNKNOWN_NAME_CUES or kind in _UNKNOWN_UNIT_CUES) and cue is not None:
            mention = _unknown_ar(tokens, text, j, cue, kind, cue_start, cue_end)
            if mention is not None:
                mention.candidates = _letter_variant(gaz, mention.name)
                out.append(mention)
                i = _tok_index_after(tokens, mention.end)
                continue
        if hit is None:
            if cue in _AREA_CUES and j > i:
                d = _match_phrase(tokens, text, j, "ar", ("dir_after",))
                if d is not None:  # "في الريف الشمالي": an area and a direction, no name
                    end = d[0]
                    out.append(PlaceMention(
                        start=tokens[i].start, end=tokens[end - 1].end, name=text[tokens[i].start:tokens[end - 1].end],
                        cue=cue, direction=d[2], cue_start=cue_start, cue_end=cue_end, candidates=[], kind=kind,
                    ))
                    i = end
                    continue
            i += 1
            continue
        end, indices, clitic = hit
        if cue is None and j > 0 and strip_article(tokens[j - 1].key) in lex.words.get("ar:street", ()):
            i = end  # "شارع طرابلس بمدينة مصراتة": a street named after a city
            continue
        if end == j + 1 and end < n and _gap_ok(text, tokens[j], tokens[end]) \
                and not _has_article(tokens[j].key, _stem_for(tokens[j], gaz)) and tokens[end].key.startswith("ال") \
                and all(gaz.places[x].name_ar.startswith("ال") for x in indices):
            # "باب التبانة" is the Bab al-Tabbaneh quarter ("gate of …"), not the town الباب: a
            # word the place's name only has with the article, here in construct with the next
            i = end
            continue
        if cue in _UNKNOWN_NAME_CUES:
            longer = _longer_variant(gaz, tokens, text, j, end)
            if longer is not None:
                end, indices = longer
        places = [gaz.places[k] for k in indices]
        if cue in _STRICT_CUES:
            # "دولة قطر", "محافظة أبين": a country or governorate cue with no such unit of that
            # name is no place we know (not a village that happens to share the name)
            places = [p for p in places if p.kind in _STRICT_CUES[cue]]
            if not places:
                i = end
                continue
        if cue == "region" and not any(p.kind in _BARE_OK_KINDS or p.kind in ("subdistrict", "town", "neighbourhood")
                                       for p in places):
            # "منطقة جبلية" is "a mountainous area": منطقة alone licenses no village (but it
            # names a city's quarters: "منطقة الظهرة بطرابلس")
            cue = kind = None
        if cue is None and not near and direction is None and single_word_person(tokens, j, end):
            i = end
            continue
        if cue is None and end - j >= 2:
            cm = _match_phrase(tokens, text, j, "ar", ("cue",))
            if cm is not None:
                cue = kind = cm[2]  # the name itself starts with its cue word ("مخيم الهول", "بادية البوكمال")
        if cue is None:
            # No cue: countries, governorates, districts and cities are taken; a town only right
            # after "في"/"قرب"/"من"…, a village only then and when its name has two words
            # (one-word village names are too often common words: "في كمين"); words that are
            # common Arabic words (cues.tsv "stop": "حول", "زيارة", "سلمية") need a cue.
            prev = tokens[j - 1].key if j > 0 else ""
            # "بالكسوة", "في الكسوة": ب / في before the name make a town's name a place
            in_prefix = tokens[j].key[: len(tokens[j].key) - len(_stem_for(tokens[j], gaz))]
            after_locative = (prev in lex.words["ar:locative"] or near or direction is not None
                              or in_prefix in ("ب", "بال", "وب", "وبال"))
            # "بلدتي سرمين والنيرب": a name joined by و to the place just named is read the same
            # way, with its cue.
            joined = in_prefix[:1] == "و" and bool(out) and out[-1].cue in _UNKNOWN_NAME_CUES and \
                out[-1].end == _end_before(text, tokens[j].start)
            if joined:
                cue = kind = out[-1].cue
            bare_ok = clitic and (
                joined
                or any(p.kind in _BARE_OK_KINDS and p.importance >= 4 for p in places)  # cities, admin units
                or (after_locative and any(p.kind in ("town", "city") for p in places))
                or (after_locative and end - j >= 2))
            if not bare_ok:
                i = j + 1
                continue
        # Most bare names fail above (~30 common words an article): where the name starts and
        # its key are worked out only for the few that pass.
        name_start = tokens[j].start + (len(tokens[j].text) - len(_stem_surface(tokens[j], gaz)))
        if cue is None and " ".join(ar_key(text[name_start:tokens[end - 1].end])) in lex.stop["ar"]:
            i = j + 1
            continue
        # A direction after the name: "ريف ديرالزور الغربي", "بادية ديرالزور الغربية".
        after = end
        if end < n and _gap_ok(text, tokens[end - 1], tokens[end]):
            d = _match_phrase(tokens, text, end, "ar", ("dir_after",))
            if d is not None:
                direction = d[2]
                after = d[0]
        # A country adjective right after the name ("طرابلس الليبية", "مادبا الأردنية") is a
        # country mention of its own: context for the resolver.
        country_mention = None
        if after < n and _gap_ok(text, tokens[after - 1], tokens[after]):
            c = _match_phrase(tokens, text, after, "ar", ("country_adj",))
            if c is not None:
                ids = list(_country_ids(gaz).get(c[2], ()))
                if ids:
                    s_, e_ = tokens[after].start, tokens[c[0] - 1].end
                    country_mention = PlaceMention(start=s_, end=e_, name=text[s_:e_], cue="country", candidates=ids,
                                                   kind="country", language="ar")
                    after = c[0]
        out.append(PlaceMention(
            start=name_start, end=tokens[end - 1].end, name=text[name_start:tokens[end - 1].end],
            cue=cue, direction="near" if near and direction is None else direction,
            cue_start=cue_start, cue_end=cue_end, candidates=[p.id for p in places],
            kind=kind if kind not in (None, "countryside", "badia", "region") else _guess_kind(places), language="ar",
        ))
        if country_mention is not None:
            out.append(country_mention)
        i = after
    out = _joined_unknown(gaz, tokens, text, out) if out else out
    _containers_after_of(gaz, text, out)
    return out


def _joined_unknown(gaz: Gazetteer, tokens: list[Token], text: str, out: list[PlaceMention]) -> list[PlaceMention]:
    """"قرى البارة وكنصفرة والفطيرة", "بلدتي كفرنبل وحاس": names joined by و after a village or
    town named with a plural or dual cue are villages or towns too, found by a letter variant or
    kept as unknown ones (the walk found only those the gazetteer has as written)."""
    starts = {m.start for m in out}
    added: list[PlaceMention] = []
    token_starts = [t.start for t in tokens]
    lex = cue_lexicon()
    plural = lex.words.get("ar:plural", ())
    for m in out:
        if m.cue not in _UNKNOWN_NAME_CUES or m.cue_start is None:
            continue
        cue_tok = tokens[bisect.bisect_left(token_starts, m.cue_start)]
        if not any(strip_article(st) in plural for st in cue_tok.stems):
            continue  # only a plural or dual cue lists names: not "مدينة السويداء وأضرموا النار"
        prev = m
        j = bisect.bisect_left(token_starts, m.end)
        while j < len(tokens) and tokens[j].key[:1] == "و" and len(tokens[j].key) > 3 \
                and tokens[j].start not in starts and tokens[j].start + 1 not in starts \
                and prev.end == _end_before(text, tokens[j].start):
            joined = _unknown_ar(tokens, text, j, m.cue, m.cue, None, None)
            if joined is None or joined.name[:1] != "و":
                break
            joined.start += 1
            joined.name = joined.name[1:]
            key = " ".join(ar_key(joined.name))
            joined.candidates = [p.id for p in gaz.lookup_ar(key) if p.kind in POPULATED] or _letter_variant(gaz, key)
            added.append(joined)
            prev = joined
            j = bisect.bisect_left(token_starts, joined.end)
    return sorted(out + added, key=lambda p: p.start) if added else out


def single_word_person(tokens: list[Token], j: int, end: int) -> bool:
    """"أبو الحسين", "ابن خالد": a kunya or patronymic is a person far more often than a village."""
    return end - j == 2 and strip_article(tokens[j].key) in cue_lexicon().words["ar:kunya"]


def _nameless_area(tokens: list[Token], text: str, i: int) -> PlaceMention | None:
    """"في الريف الشمالي", "البادية الشرقية": an area and a direction, its place named earlier."""
    t = tokens[i]
    areas = cue_lexicon().areas
    cue = next((areas[st] for st in t.stems if st in areas and _has_article(t.key, st)), None)
    if cue is None or i + 1 >= len(tokens) or not _gap_ok(text, t, tokens[i + 1]):
        return None
    d = _match_phrase(tokens, text, i + 1, "ar", ("dir_after",))
    if d is None:
        return None
    end = tokens[d[0] - 1].end
    return PlaceMention(start=t.start, end=end, name=text[t.start:end], cue=cue, direction=d[2],
                        cue_start=t.start, cue_end=t.end, candidates=[], kind=cue, language="ar")


def _stem_for(tok: Token, gaz: Gazetteer) -> str:
    for s in tok.stems:
        if s in gaz.trie:
            return s
    return tok.key


def _stem_surface(tok: Token, gaz: Gazetteer) -> str:
    """The surface of the token without the proclitics stripped to find the name (keeps ال)."""
    stem = _stem_for(tok, gaz)
    if stem == tok.key:
        return tok.text
    # The stem is a suffix of the folded key; keep the article when the key had one before it.
    cut = len(tok.key) - len(stem)
    if cut >= 2 and tok.key[cut - 2:cut] == "ال":
        cut -= 2
    return tok.text[cut:]


def _tok_index_after(tokens: list[Token], offset: int) -> int:
    """Index of the first token starting at or after ``offset`` (tokens are in text order)."""
    lo, hi = 0, len(tokens)
    while lo < hi:
        mid = (lo + hi) // 2
        if tokens[mid].start < offset:
            lo = mid + 1
        else:
            hi = mid
    return lo


_SWAPS = (("ق", "ك"), ("ص", "س"))


def _letter_variant(gaz: Gazetteer, name: str) -> list[str]:
    """Names the gazetteer lacks as written, found with one pair of letters swapped that local
    spellings mix: eastern Syrian reports write the Bedouin g of ق as ك ("جديد عكيدات" for WOF's
    "جديد عقيدات"), and ص and س stand for each other ("كنصفرة" for WOF's "كنسفرة")."""
    words = name.split()
    for a, b in _SWAPS:
        if a not in name and b not in name:
            continue
        both = str.maketrans({a: b, b: a})
        for k, w in enumerate(words):
            for variant in {w.translate(both), w.replace(b, a), w.replace(a, b)} - {w}:
                places = gaz.lookup_ar(" ".join(words[:k] + [variant] + words[k + 1:]))
                if places:
                    return [p.id for p in places]
    return []


def _longer_variant(gaz: Gazetteer, tokens: list[Token], text: str, j: int, end: int) -> tuple[int, list[int]] | None:
    """"قرية جديد عكيدات": the gazetteer has "جديد" but the name goes on, spelled with ك for ق."""
    for longer in (end + 1, end + 2):
        if longer > len(tokens) or not _gap_ok(text, tokens[longer - 2], tokens[longer - 1]):
            return None
        if _match_phrase(tokens, text, longer - 1, "ar", ("cue", "near", "dir_before", "dir_after", "country_adj")):
            return None
        name = text[tokens[j].start:tokens[longer - 1].end]
        ids = _letter_variant(gaz, " ".join(ar_key(name)))
        if ids:
            return longer, [gaz.index_of[i] for i in ids]
    return None


def _unknown_ar(tokens: list[Token], text: str, j: int, cue: str, kind: str, cue_start, cue_end) -> PlaceMention | None:
    """A name after a village/town (or district) cue that the gazetteer lacks: one word, two for
    compounds."""
    t = tokens[j]
    if not is_arabic(t.text) or t.is_number:
        return None
    if j > 0 and not _gap_ok(text, tokens[j - 1], t):
        return None
    if _match_phrase(tokens, text, j, "ar", ("cue", "near", "dir_before", "dir_after")):
        return None
    lex = cue_lexicon()
    if any(st in lex.phrases["ar"] for st in t.stems):
        return None  # "مدن وبلدات المنطقة": a feature word, not a name
    if t.key in lex.words["ar:locative"] or len(strip_article(t.key)) < 2:
        return None
    if j > 0 and not t.key.startswith("ال") and t.key.endswith(("ية", "يه")) and \
            any(strip_article(st) in lex.words.get("ar:plural", ()) for st in tokens[j - 1].stems):
        return None  # "قرى حدودية", "بلدات ريفية": an adjective agreeing with a plural cue, not a name
    end = j + 1
    if strip_article(t.key) in lex.words["ar:compound_head"] and end < len(tokens) and _gap_ok(text, t, tokens[end]):
        end += 1
    return PlaceMention(start=t.start, end=tokens[end - 1].end, name=text[t.start:tokens[end - 1].end], cue=cue,
                        cue_start=cue_start, cue_end=cue_end, candidates=[], kind=kind, language="ar")


def _guess_kind(places) -> str | None:
    if not places:
        return None
    return max(places, key=lambda p: (p.importance, p.kind in POPULATED)).kind


# ---------------------------------------------------------------- English

_POSSESSIVE_RE = re.compile(r"['\u2019]s$")
_EN_INNER_GAPS = frozenset({"`", "'", "\u2019", "\u2018", "\u02bf", "\u02be"})
_CAP_RE = re.compile(r"^[A-Z\u00C0-\u00DE]")
_ART_HYPHEN_RE = re.compile(r"^(?:al|el|ad|ar|as|ash|at|az|ez|es|ed|an|en|adh|ath)-", re.IGNORECASE)


def _en_name_token(tok: Token) -> bool:
    return bool(_CAP_RE.match(tok.text)) or bool(_ART_HYPHEN_RE.match(tok.text)) or tok.key in EN_ARTICLES


def _names_country(gaz: Gazetteer, tokens: list[Token], text: str, j: int) -> bool:
    """A country's name starts at token j ("the capital of Iraq"), "the" allowed before it."""
    if tokens[j].key == "the" and j + 1 < len(tokens):
        j += 1
    end = _en_name_at(gaz, tokens, text, j)
    return end > j and any(p.kind == "country" for p in gaz.lookup_en(text[tokens[j].start:tokens[end - 1].end]))


def _en_name_at(gaz: Gazetteer, tokens: list[Token], text: str, j: int) -> int:
    """End token of the longest gazetteer name (exact key) starting at token j, or j."""
    best = j
    for end in range(j + 1, min(len(tokens), j + gaz.max_en_words) + 1):
        if not _gap_ok(text, tokens[end - 2], tokens[end - 1]) and end > j + 1:
            break
        if en_key(text[tokens[j].start:tokens[end - 1].end]) in gaz.en_index:
            best = end
    return best


def _end_before(text: str, offset: int) -> int:
    """Where the text before ``offset`` ends, spaces and a comma skipped."""
    k = offset
    while k > 0 and text[k - 1] in " ,،":
        k -= 1
    return k


def _capital_mention(gaz: Gazetteer, tokens: list[Token], text: str, j: int, lang: str,
                     cue_start: int | None, cue_end: int | None) -> PlaceMention | None:
    """After "العاصمة" / "the capital": a country adjective ("العاصمة الليبية") as a country
    mention of its own, or, when no name follows, the capital itself, read as any national
    capital (the article's other places and country then choose)."""
    candidates = sorted(capital_ids())
    if j < len(tokens) and lang == "ar" and _gap_ok(text, tokens[j - 1], tokens[j]):
        c = _match_phrase(tokens, text, j, "ar", ("country_adj",))
        if c is not None and (ids := list(_country_ids(gaz).get(c[2], ()))):
            s_, e_ = tokens[j].start, tokens[c[0] - 1].end
            if c[0] < len(tokens) and _gap_ok(text, tokens[c[0] - 1], tokens[c[0]]) and _walk_ar(gaz, tokens, text, c[0]):
                return PlaceMention(start=s_, end=e_, name=text[s_:e_], cue="country", candidates=ids,
                                    kind="country", language=lang)
            # "في العاصمة العراقية": that country's capital, unnamed
            candidates = [c_id for c_id in candidates if (p := gaz.get(c_id)) is not None and p.country == c[2]] or candidates
            cue_end = e_
        elif _walk_ar(gaz, tokens, text, j):
            return None  # a name follows: it is the capital named
    elif j < len(tokens) and lang == "en" and _en_name_token(tokens[j]):
        return None
    if cue_start is None or cue_end is None:
        return None
    return PlaceMention(start=cue_start, end=cue_end, name=text[cue_start:cue_end], cue="capital",
                        candidates=candidates, kind="capital", language=lang)


# A letter outside the Arabic block: every token an English mention can begin at has one.
_NON_ARABIC_LETTER_RE = re.compile(r"[^\W\d_\u0600-\u06ff]+")


def _latin_tokens(tokens: list[Token], text: str, token_starts: list[int]) -> list[int]:
    """Indices of the tokens that are neither Arabic nor numbers, in order. Found from the
    text's runs of non-Arabic letters (a run lies inside one token), so an Arabic article with
    a few Latin words costs a few lookups, not a test of each of its ~1000 tokens."""
    found = sorted({bisect.bisect_right(token_starts, m.start()) - 1
                    for m in _NON_ARABIC_LETTER_RE.finditer(text)})
    return [k for k in found if k >= 0 and not is_arabic(tokens[k].text) and not tokens[k].is_number]


def _find_en(gaz: Gazetteer, tokens: list[Token], text: str, token_starts: list[int] | None = None) -> list[PlaceMention]:
    lex = cue_lexicon()
    out: list[PlaceMention] = []
    n = len(tokens)
    if token_starts is None:
        token_starts = [t.start for t in tokens]
    # A mention can begin only at a cue, "near" or direction phrase, at "the", or at a name
    # word; at any other word the loop below would find nothing and move on.
    phrases = lex.phrases["en"]
    begins = [k for k in _latin_tokens(tokens, text, token_starts)
              if tokens[k].key in phrases or tokens[k].key == "the" or _en_name_token(tokens[k])]
    i = 0
    while (i := _next_begin(begins, i, n)) < n:
        j = i
        lead = _Lead()
        for _ in range(4):
            if j >= n:
                break
            m = _match_phrase(tokens, text, j, "en", ("cue", "near", "dir_before"))
            if m is not None and _CAP_RE.match(tokens[j].text) and _en_name_at(gaz, tokens, text, j) > m[0]:
                break  # "Rural Damascus" is a governorate's name, not "rural" + "Damascus"
            if m is None:
                if tokens[j].key == "the" and j + 1 < n:
                    j += 1
                    continue
                break
            end, role, value = m
            lead.take(role, value, tokens[j], tokens[end - 1])
            j = end
        cue, kind, direction, near = lead.cue, lead.kind, lead.direction, lead.near
        cue_start, cue_end = lead.cue_start, lead.cue_end
        if cue == "capital" and j + 1 < n and tokens[j].key == "of" and not _names_country(gaz, tokens, text, j + 1):
            # "Nasiriyah, the capital of Dhi Qar province": whose capital is named next; the
            # phrase describes the city before it and is no capital of its own
            i = max(i + 1, j)
            continue
        if cue == "capital" and (j >= n or not _en_name_token(tokens[j])) and cue_start is not None \
                and text[cue_start:cue_end].lower().startswith("the "):
            capital = _capital_mention(gaz, tokens, text, j, "en", cue_start, cue_end)
            if capital is not None:  # "protested in the capital on Monday"
                if capital.cue == "capital" and (direction is not None or near):
                    # "near Tarmiyah, north of the capital": where from the capital, not in it
                    capital.direction = direction or "near"
                out.append(capital)
            i = max(i + 1, j)
            continue
        if j + 1 < n and tokens[j].key in lex.words["en:locative"] and _CAP_RE.match(tokens[j + 1].text) \
                and _gap_ok(text, tokens[j], tokens[j + 1]) and _en_name_at(gaz, tokens, text, j) == j:
            j += 1  # "In Aden, security forces…": a sentence's capitalised first word is no name
            # (unless a name begins with it: "At Tall")
        if j >= n or not _en_name_token(tokens[j]) or tokens[j].key in EN_ARTICLES and not (
                j + 1 < n and _CAP_RE.match(tokens[j + 1].text)):
            i = max(i + 1, j if j > i else i + 1)
            continue
        # The capitalised run ("Deir ez-Zor", "Kundak Sa`id"): a name must cover all of it, or
        # leave only a feature word ("Homs Governorate"), so "Tall `Adwaniyah" is never "Tall".
        k = j + 1
        while k < n and k - j <= gaz.max_en_words + 1 and not _POSSESSIVE_RE.search(tokens[k - 1].text):
            gap = text[tokens[k - 1].end:tokens[k].start]
            if gap in _EN_INNER_GAPS:
                k += 1  # "Sa`id": the ayn mark splits the token; the rest is lower-case
            elif (gap.strip() in ("", "-") or (gap.strip() in _EN_INNER_GAPS and gap.endswith(gap.strip()))) and (
                    _en_name_token(tokens[k]) or gap.strip() in _EN_INNER_GAPS):
                k += 1
            else:
                break

        def covers(end: int, k: int = k) -> bool:
            if end == k:
                return True
            m = _match_phrase(tokens, text, end, "en", ("cue_after", "facility_after"))
            return m is not None and m[0] >= k

        def span(a: int, b: int) -> str:
            """Text of tokens a..b-1 without a possessive ("Baghdad's" -> "Baghdad")."""
            return _POSSESSIVE_RE.sub("", text[tokens[a].start:tokens[b - 1].end])

        hit = None
        # A name that ends in its feature word ("Al-Hol camp", "Yarmouk camp") first.
        tail = _match_phrase(tokens, text, k, "en", ("cue_after",)) if k < n else None
        if tail is not None:
            key = en_key(span(j, tail[0]))
            if key in gaz.en_index:
                hit = (tail[0], gaz.en_index[key], False)
                cue = kind = tail[2]
        for end in range(k, j, -1):
            if hit is not None:
                break
            if not covers(end):
                continue
            key = en_key(span(j, end))
            if key and key in gaz.en_index:
                hit = (end, gaz.en_index[key], False)
                break
        pj = j - 1
        if pj > 0 and tokens[pj].key == "the":
            pj -= 1  # "in the Raju district"
        prev = tokens[pj].key if pj >= 0 else ""
        after_cue = tail  # a feature word right after the capitalised run
        # "Darnaj (Deir ez-Zor)": a name followed by its area in brackets, as monitors write
        bracketed = text[tokens[k - 1].end:tokens[k - 1].end + 2].strip().startswith("(")
        # "the towns of Sarmin and Al-Nayrab": a name joined by "and" to the place just named is
        # read the same way, with its cue.
        joined = (prev in lex.words.get("en:coordinator", ()) and cue is None and bool(out)
                  and out[-1].end == _end_before(text, tokens[pj].start))
        if joined and (out[-1].cue in _UNKNOWN_NAME_CUES or out[-1].cue in _AREA_CUES):
            cue = kind = out[-1].cue
        locative = (prev in lex.words["en:locative"] or near or cue is not None or direction is not None
                    or after_cue is not None or bracketed or joined)
        if hit is not None and locative:
            # with a cue or a preposition, transliteration variants of the name count too
            end = hit[0]
            hit = (end, gaz.lookup_en_indices(span(j, end), loose=True) or hit[1], False)
        if hit is None and locative:
            for end in range(k, j, -1):
                if not covers(end):
                    continue
                indices = gaz.lookup_en_indices(span(j, end), loose=True)
                if indices:
                    hit = (end, indices, True)
                    break
        if hit is None:
            if cue in _UNKNOWN_NAME_CUES and j > i:
                s_, e_ = tokens[j].start, tokens[k - 1].end
                out.append(PlaceMention(start=s_, end=e_, name=text[s_:e_], cue=cue, cue_start=cue_start,
                                        cue_end=cue_end, candidates=[], kind=kind, language="en"))
            elif (cue in _UNKNOWN_UNIT_CUES and j > i) or (tail is not None and tail[2] in _UNKNOWN_UNIT_CUES):
                # "the Maqbanah district", "the district of Hays": a district the data lacks
                # (Yemen, Libya) is still a place; resolution keeps its name as admin2.
                s_, e_ = tokens[j].start, tokens[k - 1].end
                if cue not in _UNKNOWN_UNIT_CUES:
                    cue = kind = tail[2]
                    cue_start, cue_end = tokens[k].start, tokens[tail[0] - 1].end
                out.append(PlaceMention(start=s_, end=e_, name=text[s_:e_], cue=cue, cue_start=cue_start,
                                        cue_end=cue_end, candidates=[], kind=cue, language="en"))
                k = max(k, tail[0]) if tail is not None else k
            elif cue is None and prev in lex.words["en:locative"] and k < n and text[tokens[k - 1].end:tokens[k].start].strip() == "," \
                    and (d := _match_phrase(tokens, text, k, "en", ("dir_before",))) is not None and d[2] != "centre":
                # "near Qaryat al-Dhahab, south of Kirkuk": an unknown place placed by the direction
                # from a known one is still a place, coded to that one
                s_, e_ = tokens[j].start, tokens[k - 1].end
                out.append(PlaceMention(start=s_, end=e_, name=text[s_:e_], cue="village", candidates=[],
                                        kind="village", direction="near" if near else None, language="en"))
            i = max(i + 1, k)
            continue
        end, indices, loose = hit
        places = [gaz.places[x] for x in indices]
        if end < n and _gap_ok(text, tokens[end - 1], tokens[end]):
            if _match_phrase(tokens, text, end, "en", ("not_after",)) is not None:
                i = end + 1  # "the Deir ez-Zor military council": a name, no place
                continue
            if _match_phrase(tokens, text, end, "en", ("facility_after",)) is not None:
                towns = [x for x, p in zip(indices, places) if p.kind in ("city", "town")]
                if not towns:
                    i = end + 1  # "the Al-Sahaba mosque": the mosque's name, no place
                    continue
                # "in front of Baghdad University": a facility in that city
                indices, places, locative = towns, [gaz.places[x] for x in towns], True
        words = en_words(span(j, end))
        content = [w for w in words if w not in EN_ARTICLES]
        if len(content) == 1 and content[0] in lex.stop["en"]:
            i = end
            continue
        if cue is None and not locative and not any(p.kind in _BARE_OK_KINDS for p in places):
            i = end
            continue
        after = end
        # "Thiban village", "Deir ez-Zor countryside", "Homs province"
        if end < n:
            m = _match_phrase(tokens, text, end, "en", ("cue_after",))
            if m is not None:
                cue = m[2] if cue is None or cue == "region" else cue
                kind = m[2]
                cue_start = cue_start if cue_start is not None else tokens[end].start
                cue_end = tokens[m[0] - 1].end
                after = m[0]
        start = tokens[j].start
        name = span(j, end)
        out.append(PlaceMention(
            start=start, end=start + len(name), name=name, cue=cue,
            direction="near" if near and direction is None else direction, cue_start=cue_start, cue_end=cue_end,
            candidates=[p.id for p in places],
            kind=kind if kind not in (None, "countryside", "badia", "region") else _guess_kind(places),
            language="en",
        ))
        i = after
    _containers_after_of(gaz, text, out)
    return out


# "Al-Khawkhah district of Hodeidah", "مديرية المنصورة بعدن", "مديرية المنصورة في محافظة عدن"
_OF_GAP = re.compile(r"^\s*(district|sub-?district)?\s*of\s+(the\s+)?$|^\s*ب?$|^\s*في\s+$", re.IGNORECASE)


def _containers_after_of(gaz: Gazetteer, text: str, out: list[PlaceMention]) -> None:
    """"Al-Khawkhah district of Hodeidah", "مديرية المنصورة بعدن": where the data has no districts
    (Yemen, Libya), the bare name after "district of" (ب، في) is the province the district lies in
    (read as its governorate),
    so the district, kept as admin2, stays the incident's place. Where districts are known, "the
    Mezzeh district of Damascus" is a quarter of the city and is read as before."""
    from rasad.geo.resolve import _district_countries

    known = _district_countries(gaz)
    for a, b in zip(out, out[1:]):
        if b.cue is None and (a.cue in _UNKNOWN_UNIT_CUES or a.kind in ("district", "subdistrict")) \
                and _OF_GAP.match(text[a.end:b.start]) and any(
                    (p := gaz.get(c)) is not None and p.name == p.admin1 and p.country not in known
                    for c in b.candidates):
            b.cue = "governorate"
