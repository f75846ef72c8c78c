"""Counts in Arabic and English text: digits, number words, vague quantities and the dual.

Input is the *normalised* text (``rasad.text.normalize.normalize(raw).text``); every offset
returned is into that text. Matching runs on ``fold(text)`` (same length, so offsets survive).

Number words are read in every gender and case form (ثلاثة/ثلاث/ثلاثين/ثلاثون, اثنان/اثنين/
اثنتين, عشرة/عشر, أحد/إحدى), as teens (ثلاثة عشر), compounds joined by the conjunction
(خمسة وعشرين, مئة وخمسة), hundreds (مئة/مائة, مئتين, ثلاثمئة, ثلاث مئة), thousands and millions
(ألف, ثلاثة آلاف, 1.5 مليون) and English words ("twenty-five", "one hundred and five",
"a dozen", "two dozen"). "a"/"an" is a number only when the caller passes ``article_as_one``.

Vague quantities: ONE rule
--------------------------
A vague quantity resolves through :func:`vague_estimate` and nothing else: the word belongs to a
class, the class has one conservative low estimate, and the mention carries the rule name
(``vague:several=3``) so an event can say how its count was obtained. Classes and values live in
``rasad/data/lexicon/numbers.tsv``:

* several (عدة، عدد من، بعض، بضعة، العديد من, several, a number of, a few, some, many) = 3
* dozens (عشرات، العشرات, dozens, scores of, tens of) = 20: the plural of ten means at least two tens
* hundreds (مئات, hundreds) = 200; thousands (آلاف, thousands) = 2000
* "a dozen" is not vague: it is exactly 12.

ACLED's codebook codes "several"/"many" as 10 (and "dozens" as 12). We deliberately take the
lowest value the words can honestly mean: a plural in Arabic and English starts at three, so 3
never overstates a toll, and fatality totals built from many vague reports are not inflated by a
guess that is wrong in one direction only. Users who need ACLED's figure can map the rule name.

Numbers that are not counts
---------------------------
They are reported, not dropped, with ``kind`` saying what they are, so the extraction core can
skip them (it should use only ``kind == "count"`` for casualties):
``count`` | ``measure`` (followed by a unit: ثلاثة أيام, 5 كم, 20 عاما) | ``year`` (1900-2100, or
after عام/سنة, or before هـ/م) | ``date`` (next to a month name, or d/m/y) | ``time`` (الساعة 3,
3:30, 5 صباحا) | ``percent`` | ``ordinal`` (a unit's number: الفرقة 25، اللواء 47، رقم 3) |
``code`` (digits glued to letters: M4, T-72) | ``phone`` | ``decimal`` (2.5 without a unit).
Ordinal *words* (الفرقة الرابعة) are never read as numbers at all.

The dual (عنصرين "two fighters") is not a number word; :func:`dual_count` tells a caller that
looks at a casualty noun whether the noun is a dual. مدنيين is read as the plural "civilians".

One pass: each token is checked against one dict of every lexicon form with every clitic
prefix, so there is no loop over lexicon entries per token. With the Document's tokens that is
all; on bare text, one ``split`` finds the words that may open a number and only the stretches
around them are tokenised (``bench/numbers_dates.py`` prints both figures).
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from functools import lru_cache
from operator import attrgetter
from typing import Iterable

from rasad.record import InputError
from rasad.text.lexicon_file import LexiconRow, load_rows
from rasad.text.normalize import fold_raw
from rasad.text.tokens import WORD_RE, Token
from rasad.text.wordscan import blank_punctuation, language_code, locate_word, quick_fold

KINDS = ("count", "measure", "year", "date", "time", "percent", "ordinal", "code", "phone", "decimal")


@dataclass(frozen=True)
class NumberMention:
    start: int  # offsets into the normalised text given
    end: int
    value: int
    vague: bool  # True for عدة/عدد من/several...
    rule: str  # "exact", or the vague rule used, e.g. "vague:several=3"
    kind: str = "count"  # extension: one of KINDS; only "count" is a count of people or things


# ---------------------------------------------------------------- lexicon files


# Proclitic sequences (folded): conjunction, preposition, article, in their legal orders.
# No ك ("like"): ك + مئة folds to كمية ("quantity"), and "like three" is not a count anyway.
_PREFIXES = sorted(
    {c + p + a for c in ("", "و", "ف") for p in ("", "ب", "ل") for a in ("", "ال")}
    | {c + "لل" for c in ("", "و", "ف")},
    key=len,
)
# Inside a number phrase a word may carry only the conjunction and/or the article.
_CONTINUATION_PREFIXES = ("", "و", "ال", "وال")

_NUMERIC_CATEGORIES = ("unit", "ten", "tens", "hundred", "lump", "scale", "dozen")


@dataclass(frozen=True)
class _Word:
    category: str
    value: int
    flags: frozenset[str]


@dataclass
class _Lexicon:
    words: dict[str, dict[str, _Word]]  # folded form -> category -> word
    vague_classes: dict[str, int]
    vague_phrases: dict[str, list[tuple[tuple[str, ...], str]]]  # first word -> (words, class)
    negation: frozenset[str]
    before: dict[tuple[str, ...], str]
    after: dict[tuple[str, ...], str]
    dual_nouns: dict[str, bool]  # folded singular -> its -ين form is a dual too
    not_dual: frozenset[str]
    not_number: frozenset[str]
    months: dict[str, frozenset[str]]  # month name first word -> its second words ("" = none)
    # every form that can open a number or vague phrase, with every clitic prefix:
    # surface -> (prefix length, bare form)
    openers: dict[str, tuple[int, str]]


@lru_cache(maxsize=1)
def _lexicon() -> _Lexicon:
    words: dict[str, dict[str, _Word]] = {}
    vague_classes: dict[str, int] = {}
    vague_rows: list[LexiconRow] = []
    negation, not_dual, not_number = set(), set(), set()
    before: dict[tuple[str, ...], str] = {}
    after: dict[tuple[str, ...], str] = {}
    dual_nouns: dict[str, bool] = {}
    for row in load_rows("numbers.tsv"):
        cat = row.category
        if cat in _NUMERIC_CATEGORIES or cat == "connector":
            words.setdefault(row.form, {})[cat] = _Word(cat, int(row.value), row.flags)
        elif cat == "vague_class":
            vague_classes[row.form] = int(row.value)
        elif cat == "vague":
            vague_rows.append(row)
        elif cat == "negation":
            negation.add(row.form)
        elif cat == "before":
            before[tuple(row.form.split())] = row.value
        elif cat == "after":
            after[tuple(row.form.split())] = row.value
        elif cat == "dual_noun":
            dual_nouns[row.form] = "broken" in row.flags
        elif cat == "not_dual":
            not_dual.add(row.form)
        elif cat == "not_number":
            not_number.add(row.form)
        else:
            raise ValueError(f"numbers.tsv:{row.line}: unknown category {cat!r}")
    vague_phrases: dict[str, list[tuple[tuple[str, ...], str]]] = {}
    for row in vague_rows:
        if row.value not in vague_classes:
            raise ValueError(f"numbers.tsv:{row.line}: vague class {row.value!r} has no vague_class row")
        ws = tuple(row.form.split())
        vague_phrases.setdefault(ws[0], []).append((ws, row.value))
    for options in vague_phrases.values():
        options.sort(key=lambda o: -len(o[0]))
    months: dict[str, frozenset[str]] = {}
    for r in load_rows("dates.tsv"):
        if r.category in ("month", "hijri_month"):
            first, *rest = r.form.split()
            months[first] = months.get(first, frozenset()) | {rest[0] if rest else ""}
    openers: dict[str, tuple[int, str]] = {}
    bare_forms = [f for f in words if "connector" not in words[f]] + list(vague_phrases)
    for prefix in _PREFIXES:  # shortest prefix first, so the bare reading wins
        for form in bare_forms:
            if not ("\u0600" <= form[0] <= "\u06ff") and prefix:
                continue
            openers.setdefault(prefix + form, (len(prefix), form))
    for form in not_number:
        openers.pop(form, None)
    return _Lexicon(words, vague_classes, vague_phrases, frozenset(negation), before, after,
                    dual_nouns, frozenset(not_dual), frozenset(not_number), months, openers)


# ---------------------------------------------------------------- public functions


def vague_estimate(word: str) -> tuple[int, str]:
    """The one rule for vague quantities: (conservative low estimate, rule name).

    ``word`` is a vague word or phrase in any spelling ("عدة", "بعدة", "عدد من", "Dozens",
    "scores of") or a class name ("several"). Raises InputError for anything else.
    """
    lex = _lexicon()
    words = tuple(WORD_RE.findall(fold_raw(word or "")))
    if words:
        first_forms = [words[0]] + [words[0][len(p):] for p in _PREFIXES if p and words[0].startswith(p)]
        for first in first_forms:
            for phrase, cls in lex.vague_phrases.get(first, ()):
                if (first,) + words[1:] == phrase:
                    return _vague_rule(cls)
        if len(words) == 1 and words[0] in lex.vague_classes:
            return _vague_rule(words[0])
    raise InputError(f"{word!r} is not a known vague quantity; add it to rasad/data/lexicon/numbers.tsv")


def _vague_rule(cls: str) -> tuple[int, str]:
    value = _lexicon().vague_classes[cls]
    return value, f"vague:{cls}={value}"


def dual_count(token_text: str) -> bool:
    """True if an Arabic noun token looks like a dual (عنصرين، جنديين، شخصين، مدنيان).

    Meant for a casualty noun the caller has already found. When the token still carries its
    vowel marks (raw text: مدنيَّين vs مدنيِّين) they decide. Listed nouns (numbers.tsv
    ``dual_noun``) decide first; otherwise a -ان/-تان ending is a dual and a -ين/-تين ending is
    a dual only when the stem is not a participle (م...), an active participle (فاعل) or a
    nisba (...ي), whose -ين form is the sound plural (مقاتلين، نازحين، مدنيين).
    """
    lex = _lexicon()
    key = fold_raw(token_text or "").strip()
    if not key or not ("\u0600" <= key[0] <= "\u06ff"):
        return False
    vowelled = _YN_VOWEL_RE.search(token_text.strip().replace("\u0640", ""))
    if vowelled is not None and key not in lex.words:
        # Diacritics settle what the bare letters cannot: -َيْن is the dual, -ِين the plural.
        if "\u064e" in vowelled.group(1):
            return True
        if "\u0650" in vowelled.group(1):
            return False
    candidates = [key] + [key[len(p):] for p in _PREFIXES if p and key.startswith(p) and len(key) - len(p) >= 4]
    for word in candidates:
        if word in lex.not_dual or word in lex.words:
            return False
        verdict = _listed_dual(word, lex)
        if verdict is not None:
            return verdict
    # The most stripped reading decides (المقاتلين -> مقاتلين, a participle); a longer one is
    # used only when stripping leaves too short a stem (بلدتين is not ب + لدتين).
    for word in reversed(candidates):
        verdict = _looks_dual(word)
        if verdict is not None:
            return verdict
    return False


# The vowel marks just before a final ين (a caller may pass raw, vowelled text).
_YN_VOWEL_RE = re.compile(r"([\u064e\u0650\u0651]+)\u064a\u0652?\u0646[\u064b-\u0652]*$")


def _looks_dual(word: str) -> bool | None:
    for ending in ("تان", "تين", "ان", "ين"):
        if word.endswith(ending):
            stem = word[: -len(ending)]
            break
    else:
        return False
    if len(stem) < 3:
        return None
    if ending in ("ان", "تان", "تين"):
        return True  # feminine nouns make their plural in -ات, so -تين is the dual
    is_participle = stem.startswith("م") and len(stem) >= 4
    is_faail = len(stem) == 4 and stem[1] == "ا"
    is_nisba = stem.endswith("ي")
    return not (is_participle or is_faail or is_nisba)


def _listed_dual(word: str, lex: _Lexicon) -> bool | None:
    # -ان/-ين and the genitive construct -ي (عنصري الأمن) of a broken-plural noun. A final ا is
    # not read as a dual: after a consonant it is the accusative singular, with or without its
    # tanween (قتل شخصاً / شخصا = one person); the rare nominative construct dual (عنصرا الأمن)
    # cannot be told from it without vowel marks.
    for ending, needs_broken in (("ان", False), ("ين", True), ("ي", True)):
        if not word.endswith(ending):
            continue
        stem = word[: -len(ending)]
        for singular in (stem, stem[:-1] + "ه" if stem.endswith("ت") else None):
            if singular is not None and singular in lex.dual_nouns:
                if ending == "ي" and len(word) < 4:
                    return None
                return lex.dual_nouns[singular] or not needs_broken
    return None


def parse_count(phrase: str, lang: str = "ar") -> int | None:
    """Value of a phrase that is exactly one number ("ثلاثة", "خمسة وعشرين", "25"), else None."""
    normalised = fold_raw(phrase or "")
    found = [m for m in find_numbers(normalised, lang=lang) if not m.vague]
    if len(found) == 1 and found[0].start == 0 and found[0].end == len(normalised.rstrip()):
        return found[0].value
    return None


# ---------------------------------------------------------------- finding numbers

# Digit groups that are one thing, not a count: read before the token pass.
_SPECIAL_RE = re.compile(
    r"(?P<date>(?<![\d/.\-])(?:\d{4}-\d{1,2}-\d{1,2}|\d{1,2}[/.\-]\d{1,2}[/.\-](?:\d{4}|\d{2}))(?![\d/.\-]))"
    r"|(?P<time>(?<![\d:])\d{1,2}:\d{2}(?::\d{2})?(?![\d:]))"
    r"|(?P<phone>\+\d[\d \-]{6,}\d|(?<!\d)\d{7,}(?!\d))"
)
_PERCENT_SIGNS = ("%", "\u066a")


class _Tok:
    """A token of the local tokeniser: the fields of ``Token`` that the scanner reads."""

    __slots__ = ("start", "end", "key")

    def __init__(self, start: int, end: int, key: str):
        self.start = start
        self.end = end
        self.key = key  # folded surface


def find_numbers(
    text: str,
    tokens: list[Token] | None = None,
    lang: str = "ar",
    *,
    article_as_one: bool = False,
) -> list[NumberMention]:
    """Every number and vague quantity in normalised ``text``, in text order.

    ``tokens`` are ``rasad.text.tokens.tokenize(text)`` when the caller has them (the Document
    does; it is the fast path); otherwise the text is tokenised here. ``lang`` is "ar" or "en" and
    selects which lexicon words are read (digits are read in both). ``article_as_one`` reads a
    lone English "a"/"an" as 1 ("a soldier was killed").
    """
    lang = language_code(lang)
    if lang not in ("ar", "en"):
        raise InputError(f"unsupported language {lang!r} for number finding: use 'ar' or 'en'")
    if not isinstance(text, str):
        raise InputError("find_numbers needs the normalised article text as a string")
    if tokens is not None:
        return _Scanner(text, tokens, lang, article_as_one).run()
    folded = quick_fold(text)
    out: list[NumberMention] = []
    for start, end in _candidate_segments(folded, lang):
        toks = [_Tok(m.start(), m.end(), m.group()) for m in WORD_RE.finditer(folded, start, end)]
        out.extend(_Scanner(text, toks, lang, article_as_one).run())
    return out


_SEGMENT_BEFORE, _SEGMENT_AFTER = 24, 32


def _candidate_segments(folded: str, lang: str) -> list[tuple[int, int]]:
    """Stretches of text around words that may open a number, so that only they are tokenised.

    A stretch reaches far enough back for the context words that classify a number and far
    enough forward for a compound number and the unit after it; stretches end on whitespace.
    """
    openers = _lexicon().openers
    english = lang == "en"
    segments: list[tuple[int, int]] = []
    search_from = 0
    n = len(folded)
    spaced = blank_punctuation(folded)
    for key in spaced.split():
        if not ("0" <= key[0] <= "9" or "0" <= key[-1] <= "9" or key in openers
                or english and key in ("a", "an")):
            continue
        at = locate_word(spaced, key, search_from)
        search_from = at + len(key)
        start = folded.rfind(" ", 0, max(0, at - _SEGMENT_BEFORE)) + 1
        end = folded.find(" ", min(n, search_from + _SEGMENT_AFTER))
        end = n if end < 0 else end
        if segments and start <= segments[-1][1]:
            segments[-1] = (segments[-1][0], end)
        else:
            segments.append((start, end))
    return segments


_key_of = attrgetter("key")
_DIGITS = frozenset("0123456789")


class _Scanner:
    """Reads numbers token by token. Offsets, digits, spaces and punctuation are the same in the
    folded text, so the checks that look at characters read the normalised text itself."""

    def __init__(self, text: str, toks: list[_Tok] | list[Token], lang: str, article_as_one: bool):
        self.text = text
        self.toks = toks
        self.arabic = lang == "ar"
        self.article_as_one = article_as_one
        self.lex = _lexicon()

    def run(self) -> list[NumberMention]:
        out: list[NumberMention] = []
        text = self.text
        toks, openers = self.toks, self.lex.openers
        arabic = self.arabic
        # The tokens a number can begin at (digits, number words, English "a"/"an"/hyphenated),
        # found in one comprehension; the loop jumps between them instead of visiting every token.
        keys = list(map(_key_of, toks))
        if arabic:
            begins = [k for k, key in enumerate(keys) if key[0] in _DIGITS or key in openers]
        else:
            begins = [k for k, key in enumerate(keys)
                      if key[0] in _DIGITS or key in openers or key in ("a", "an") or "-" in key]
        i, n = 0, len(toks)
        while i < n:
            b = bisect.bisect_left(begins, i)
            if b == len(begins):
                break
            i = begins[b]
            tok = toks[i]
            key = tok.key
            if "0" <= key[0] <= "9":
                at = tok.start - 1 if tok.start and text[tok.start - 1] == "+" else tok.start
                special = _SPECIAL_RE.match(text, at)
                if special is not None:
                    s, e = special.span()
                    out.append(NumberMention(s, e, _first_int(text[s:e]), False, "exact", special.lastgroup or "count"))
                    while i < n and toks[i].start < e:
                        i += 1
                    continue
                hit = self._digits_at(i)
            elif key in openers or (not self.arabic and (key in ("a", "an") or "-" in key)):
                hit = self._words_at(i)
            else:
                hit = None
            if hit is None:
                i += 1
                continue
            mention, i = hit
            out.append(mention)
        return out

    # -- helpers over tokens

    def _bare(self, j: int, prefixes: Iterable[str] = _CONTINUATION_PREFIXES) -> tuple[str, str] | None:
        """(prefix, bare word) of token j when the bare word is a number word."""
        if j >= len(self.toks):
            return None
        key = self.toks[j].key
        if not self._adjacent(j):
            return None
        for p in prefixes:
            if key.startswith(p) and key[len(p):] in self.lex.words:
                return p, key[len(p):]
        return None

    def _adjacent(self, j: int) -> bool:
        """Token j follows token j-1 with only spaces between (no comma, full stop, newline)."""
        gap = self.text[self.toks[j - 1].end:self.toks[j].start]
        return gap.strip(" \t-") == "" and "\n" not in gap

    def _numeric(self, form: str) -> _Word | None:
        cats = self.lex.words.get(form)
        if not cats:
            return None
        if _is_latin(form) == self.arabic:
            return None
        for cat in _NUMERIC_CATEGORIES:
            if cat in cats:
                return cats[cat]
        return None

    # -- digits

    def _digits_at(self, i: int) -> tuple[NumberMention, int] | None:
        tok = self.toks[i]
        raw = tok.key
        if len(raw) > 18:
            return None  # a digit run this long is an identifier, not a quantity
        decimal = False
        if "," in raw and all(len(g) == 3 for g in raw.split(",")[1:]):
            number: float = int(raw.replace(",", ""))
        elif "." in raw and raw.count(".") == 1:
            number = float(raw)
            decimal = True
        else:
            try:
                number = int(raw.replace(",", "").replace(".", ""))
            except ValueError:
                return None
        j = i + 1
        nxt = self._bare(j)
        if nxt is not None:
            w = self._numeric(nxt[1])
            if w is not None and w.category in ("scale", "dozen"):
                value = int(round(number * w.value))
                return self._finish(tok.start, self.toks[j].end, value, i, j + 1, digits=False), j + 1
        value = int(number)
        mention = self._finish(tok.start, tok.end, value, i, j, digits=True, raw_digits=raw)
        if decimal and value != number and mention.kind == "count":
            mention = NumberMention(mention.start, mention.end, value, False, "exact", "decimal")
        return mention, j

    # -- words

    def _words_at(self, i: int) -> tuple[NumberMention, int] | None:
        tok = self.toks[i]
        lex = self.lex
        if not self.arabic and tok.key in ("a", "an"):
            return self._article_at(i)
        if not self.arabic and "-" in tok.key:
            return self._hyphenated_at(i)
        plen, form = lex.openers[tok.key]
        prefix = tok.key[:plen]
        start = tok.start + plen
        vague = self._vague_at(i, form, start)
        if vague is not None:
            return vague
        word = self._numeric(form)
        if word is None:
            return None
        if "noart" in word.flags and prefix.endswith(("ال", "لل")):
            return None
        if "needs_noun" in word.flags and not self._counts_something(i):
            return None
        if "not_negated" in word.flags and i and self._adjacent(i) and self.toks[i - 1].key in self.lex.negation:
            return None  # "no one was hurt"
        if word.category == "scale" and "plural" in word.flags:
            return None  # a bare آلاف/thousands is the vague quantity, handled above
        value, j = self._accumulate(i, word)
        return self._finish(start, self.toks[j - 1].end, value, i, j, digits=False), j

    def _counts_something(self, i: int) -> bool:
        """أحد/إحدى is "one (of)" only before a word and not after a negation (لم يصب أحد)."""
        if i + 1 >= len(self.toks) or not self._adjacent(i + 1):
            return False
        nxt = self._bare(i + 1, ("",))
        if nxt is not None and nxt[1] in self.lex.words and "ten" in self.lex.words[nxt[1]]:
            return True  # أحد عشر
        if self.toks[i + 1].key.startswith("ب"):
            return False  # لم يصب أحد بأذى
        for k in range(max(0, i - 3), i):
            key = self.toks[k].key
            if key in self.lex.negation or (key[:1] in "وف" and key[1:] in self.lex.negation):
                return False
        return True

    def _vague_at(self, i: int, form: str, start: int) -> tuple[NumberMention, int] | None:
        matched = self._vague_phrase(i, self.lex.vague_phrases.get(form, []))
        if matched is None:
            return None
        j, cls, one_word = matched
        if one_word and self._number_follows(j) and not self._scale_plural(j):
            return None  # "some 200", "بعض 20": an approximation word before a real number
        estimate, rule = _vague_rule(cls)
        end = self.toks[j - 1].end
        k = j
        if not self.arabic and k < len(self.toks) and self.toks[k].key == "of" and self._scale_plural(k + 1):
            k += 1
        if self._scale_plural(k):
            scale = self._numeric(self._bare(k)[1]).value  # type: ignore[index,union-attr]
            estimate *= scale
            rule = f"{rule}*{scale}"
            end = self.toks[k].end
            j = k + 1
        return NumberMention(start, end, estimate, True, rule, self._kind_after(j, "count")), j

    def _vague_phrase(self, i: int, options: list[tuple[tuple[str, ...], str]]) -> tuple[int, str, bool] | None:
        """(end token, class, one-word phrase?) of the longest vague phrase starting at token i."""
        for words, cls in options:
            j = i + 1
            for w in words[1:]:
                if j >= len(self.toks) or not self._adjacent(j):
                    break
                key = self.toks[j].key
                if key != w and not (key.startswith("ال") and key[2:] == w):
                    break
                j += 1
            else:
                return j, cls, len(words) == 1
        return None

    def _number_follows(self, j: int) -> bool:
        if j >= len(self.toks) or not self._adjacent(j):
            return False
        if "0" <= self.toks[j].key[0] <= "9":
            return True
        found = self._bare(j, ("",))
        return found is not None and self._numeric(found[1]) is not None

    def _scale_plural(self, j: int) -> bool:
        found = self._bare(j)
        if found is None:
            return False
        w = self._numeric(found[1])
        return w is not None and w.category == "scale" and w.value >= 1000

    def _accumulate(self, i: int, first: _Word) -> tuple[int, int]:
        """Read the number phrase starting with ``first`` at token i: (value, end token)."""
        total = 0
        current = first.value
        last = first.category
        magnitude = _magnitude(first)
        if first.category == "scale":
            total, current = first.value, 0
        j = i + 1
        while j < len(self.toks):
            connector = False
            if not self.arabic and self.toks[j].key == "and" and self._adjacent(j):
                nxt = self._bare(j + 1, ("",))
                if nxt is None or magnitude < 100:
                    break
                connector, j = True, j + 1
                found: tuple[str, str] | None = nxt
            else:
                found = self._bare(j)
            if found is None:
                break
            prefix, form = found
            word = self._numeric(form)
            if word is None:
                break
            if self.arabic and prefix.startswith("و"):
                connector = True
            if prefix.endswith("ال") and word.category != "scale":
                break
            cat, v = word.category, word.value
            if connector:
                if not ((last == "unit" and cat == "tens") or (magnitude >= 100 and v < magnitude and cat != "scale")):
                    break
                current += v
            elif cat == "ten" and last == "unit" and current < 10:
                current += 10  # ثلاثة عشر
            elif not self.arabic and cat == "unit" and last == "tens" and v < 10:
                current += v  # twenty five
            elif cat == "hundred" and last == "unit" and current < 10:
                current *= 100  # ثلاث مئة
            elif cat == "scale" and v == 100 and current and current < 100:
                current *= 100  # two hundred
            elif cat == "scale" and v >= 1000 and (current or total):
                if "plural" in word.flags and not 3 <= current <= 10:
                    break  # آلاف follows 3..10 only
                if current:
                    total += current * v  # ثلاثة آلاف، خمسة وعشرين ألف
                else:
                    total *= v  # ألف مليون: a scale of a scale
                current = 0
            elif cat == "dozen" and last in ("unit", "tens") and current:
                current *= 12
            else:
                break
            last = cat
            if cat in ("hundred", "lump", "scale"):
                magnitude = _magnitude(word)
            j += 1
        return total + current, j

    def _article_at(self, i: int) -> tuple[NumberMention, int] | None:
        tok = self.toks[i]
        nxt = self._bare(i + 1, ("",))
        word = self._numeric(nxt[1]) if nxt else None
        if word is not None and word.category in ("scale", "dozen") and "plural" not in word.flags:
            value, j = self._accumulate(i + 1, word)
            return self._finish(tok.start, self.toks[j - 1].end, value, i, j, digits=False), j
        if word is None and nxt is None and i + 1 < len(self.toks):
            vague = self.lex.vague_phrases.get(tok.key)
            if vague:
                found = self._vague_at(i, tok.key, tok.start)
                if found is not None:
                    return found
        if self.article_as_one and i + 1 < len(self.toks) and self._adjacent(i + 1):
            return NumberMention(tok.start, tok.end, 1, False, "exact", self._kind_after(i + 1, "count")), i + 1
        return None

    def _hyphenated_at(self, i: int) -> tuple[NumberMention, int] | None:
        tok = self.toks[i]
        parts = tok.key.split("-")
        words = [self._numeric(p) for p in parts]
        if len(parts) != 2 or words[0] is None or words[1] is None:
            return None
        if words[0].category == "tens" and words[1].category == "unit" and words[1].value < 10:
            return self._finish(tok.start, tok.end, words[0].value + words[1].value, i, i + 1, digits=False), i + 1
        return None

    # -- kinds

    def _finish(self, start: int, end: int, value: int, i: int, j: int, *, digits: bool,
                forced_kind: str | None = None, raw_digits: str = "") -> NumberMention:
        kind = forced_kind or self._kind(start, end, value, i, j, digits, raw_digits)
        return NumberMention(start, end, value, False, "exact", kind)

    def _kind(self, start: int, end: int, value: int, i: int, j: int, digits: bool, raw: str) -> str:
        text = self.text
        if digits:
            before_char = text[start - 1] if start else " "
            after_char = text[end] if end < len(text) else " "
            # Only Latin letters make a code (M4, T-72): an Arabic letter glued to digits is a
            # clitic (و120 صاروخ = "and 120 shells").
            if _latin_letter(before_char) or _latin_letter(after_char) or (
                before_char == "-" and start >= 2 and _latin_letter(text[start - 2])
            ):
                return "code"
        tail = text[end:end + 2].lstrip()
        if tail[:1] in _PERCENT_SIGNS:
            return "percent"
        before = self._context_before(i)
        after = self._context_after(j)
        if after == "percent":
            return "percent"
        if digits and before in ("time", "ordinal"):
            return before
        if digits and self._next_to_month(i, j):
            return "date"
        if digits and raw.isdigit():
            if before == "year" and 1000 <= value <= 2100:
                return "year"
            if after == "year" and len(raw) in (3, 4):
                return "year"
            if before != "count" and len(raw) == 4 and 1900 <= value <= 2100:
                return "year"
        if after in ("measure", "time") and (after != "time" or digits):
            return after
        return "count"

    def _kind_after(self, j: int, default: str) -> str:
        after = self._context_after(j)
        return after if after in ("measure", "percent") else default

    def _context_before(self, i: int) -> str | None:
        toks = self.toks
        if i >= 2 and self._adjacent(i) and self._adjacent(i - 1):
            two = (_strip_clitics(toks[i - 2].key), toks[i - 1].key)
            if two in self.lex.before:
                return self.lex.before[two]
        if i >= 1 and self._adjacent(i):
            key = toks[i - 1].key
            for form in (key, _strip_clitics(key)):
                if (form,) in self.lex.before:
                    return self.lex.before[(form,)]
        return None

    def _context_after(self, j: int) -> str | None:
        toks = self.toks
        if j < len(toks) and self._adjacent(j):
            if j + 1 < len(toks) and self._adjacent(j + 1):
                two = (toks[j].key, toks[j + 1].key)
                if two in self.lex.after:
                    return self.lex.after[two]
            key = toks[j].key
            for form in (key, _strip_clitics(key)):
                if (form,) in self.lex.after:
                    return self.lex.after[(form,)]
        return None

    def _next_to_month(self, i: int, j: int) -> bool:
        toks = self.toks
        if j < len(toks) and self._adjacent(j):
            k = j + 1 if toks[j].key == "من" and j + 1 < len(toks) and self._adjacent(j + 1) else j
            if self._month_at(k):
                return True
        if i >= 1 and self._adjacent(i) and toks[i - 1].key in self.lex.months and "" in self.lex.months[toks[i - 1].key]:
            return True
        return False

    def _month_at(self, k: int) -> bool:
        """A month name starts at token k (كانون needs الأول/الثاني after it, ذو needs القعدة…)."""
        seconds = self.lex.months.get(self.toks[k].key)
        if seconds is None:
            return False
        if "" in seconds:
            return True
        return k + 1 < len(self.toks) and self.toks[k + 1].key in seconds


def _strip_clitics(key: str) -> str:
    for p in ("وال", "بال", "لل", "ال", "و", "ب", "ل"):
        if key.startswith(p) and len(key) - len(p) >= 2:
            return key[len(p):]
    return key


def _magnitude(word: _Word) -> int:
    if word.category == "hundred":
        return 100
    if word.category in ("lump", "scale"):
        v = word.value
        m = 1
        while m * 10 <= v:
            m *= 10
        return m
    return 0


def _latin_letter(ch: str) -> bool:
    return ch.isascii() and ch.isalpha()


def _is_latin(form: str) -> bool:
    return form[:1].isascii()


_DIGITS_RE = re.compile(r"\d{1,15}")


def _first_int(s: str) -> int:
    m = _DIGITS_RE.search(s)
    return int(m.group()) if m else 0
