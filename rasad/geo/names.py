"""Matching keys for place names, shared by the gazetteer build and the run-time lookup.

Both sides must compute keys the same way, so the build stores keys made here and the lookup
folds text with the same functions.

* Arabic: the words of the folded name (``rasad.text.normalize.fold_raw``), each without a
  leading article, the same form :mod:`rasad.text.tokens` produces for clitic stripping.
* English: ASCII-folded, lower-case words with the Arabic article (al-, el-, ad-, as-, ash-…)
  and punctuation removed: "Deir ez-Zor" -> "deir zor", "Al-Bukamal" -> "bukamal".
* English skeleton: a looser key for transliteration variants (Dayr az Zawr / Deir ez-Zor /
  Deir al-Zour all give "dr zr"); used only when no exact English key matches.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from importlib import resources

from rasad.text.normalize import fold_raw
from rasad.text.tokens import strip_article

_AR_WORD_RE = re.compile(r"[^\W\d_]+|[0-9]+", re.UNICODE)
_ARTICLE = "ال"

# Transliterations of the Arabic article as separate words ("as Sukhnah", "ad-Dana", and the
# French-style "ech", "ej" of Lebanese names: "Aita ech Chaab", "Meiss ej Jabal").
EN_ARTICLES = frozenset(
    "al el il ul ad ed ar er as es ash esh ech ej at et ath eth az ez an en adh edh dh".split()
)
_EN_SPLIT_RE = re.compile(r"[^a-z0-9]+")
_EN_MARKS_RE = re.compile(r"['`\u2018\u2019\u02bb\u02bc\u02be\u02bf\u2032]")
_SKELETON_VOWELS_RE = re.compile(r"[aeiouyw]")
_REPEATS_RE = re.compile(r"(.)\1+")


_ARABIC_CHAR_RE = re.compile("[\u0600-\u06ff]")


def is_arabic(text: str) -> bool:
    # One C-level search: a generator over the characters cost ~0.7 us a word, and place
    # recognition asks it of every token.
    return _ARABIC_CHAR_RE.search(text) is not None


@lru_cache(maxsize=65536)
def ar_key(name: str) -> tuple[str, ...]:
    """Folded words of an Arabic name, each without its leading article. Cached: place
    recognition keys every name it finds, and the same names recur across articles."""
    return tuple(strip_article(w) for w in _AR_WORD_RE.findall(fold_raw(name)))


def ascii_fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def en_words(name: str) -> list[str]:
    """Lower-case ASCII words of a Latin-script name; apostrophes and ayn marks vanish."""
    s = ascii_fold(name).lower()
    s = _EN_MARKS_RE.sub("", s)
    return [w for w in _EN_SPLIT_RE.split(s) if w]


@lru_cache(maxsize=1)
def en_word_variants() -> dict[str, str]:
    """Variant -> canonical spelling of common name words (data file en_variants.tsv)."""
    text = resources.files("rasad.data").joinpath("gazetteer/en_variants.tsv").read_text(encoding="utf-8")
    rows = [line.split("\t") for line in text.splitlines() if line and not line.startswith("#")]
    return {r[0].strip(): r[1].strip() for r in rows[1:] if len(r) >= 2}


@lru_cache(maxsize=1)
def joined_heads() -> frozenset[str]:
    """First words of two-word names that news also glues to the next (cues.tsv joined_head)."""
    text = resources.files("rasad.data").joinpath("gazetteer/cues.tsv").read_text(encoding="utf-8")
    return frozenset(r[2] for r in (line.split("\t") for line in text.splitlines() if line and not line.startswith("#"))
                     if len(r) >= 3 and r[1] == "joined_head")


@lru_cache(maxsize=65536)
def en_key(name: str) -> str:
    # Cached: the resolver compares the key of every name variant of every English candidate
    # (~40 keys an English report), and the same names come back article after article.
    variants = en_word_variants()
    words = [variants.get(w, w) for w in en_words(name) if w not in EN_ARTICLES]
    # "Al Bukamal" and "Albukamal": a glued article is dropped as well, when the rest is long.
    words = [w[2:] if w.startswith("al") and len(w) > 5 and w[2] not in "aeiou" else w for w in words]
    return " ".join(words)


def _skeleton_word(w: str) -> str:
    w = w.replace("dh", "th").replace("q", "k").replace("ou", "u").replace("ee", "i")
    w = w.replace("ck", "k").replace("ph", "f")
    if len(w) > 2 and w.endswith("h") and w[-2] in "aeiouy":
        w = w[:-1]  # ta marbuta: Sukhnah / Sukhna
    head, tail = w[:1], w[1:]
    tail = _SKELETON_VOWELS_RE.sub("", tail)
    return _REPEATS_RE.sub(r"\1", head + tail)


def en_skeleton(name: str) -> str:
    key = en_key(name)
    return " ".join(_skeleton_word(w) for w in key.split())


def ar_variants(name: str) -> set[str]:
    """Spelling variants Arabic news uses for one name: "دير الزور" also as "ديرالزور"."""
    out = {name}
    words = name.split()
    for i in range(1, len(words)):
        if (words[i].startswith(_ARTICLE) or words[i].startswith("أل")) and not words[i - 1].startswith(_ARTICLE):
            joined = words[:i - 1] + [words[i - 1] + words[i]] + words[i + 1:]
            out.add(" ".join(joined))
    if len(words) > 1 and words[0] in joined_heads():
        out.add(words[0] + " ".join(words[1:]))  # "كفر نبودة" also as "كفرنبودة"
    if words and words[0] in ("أبو", "ابو") and len(words) > 1:
        out.add("البو" + " ".join(words[1:]))
    if words and words[0] == "البو" and len(words) > 1:
        out.add("أبو " + " ".join(words[1:]))
    return out


@lru_cache(maxsize=1)
def _romanisation() -> dict[str, tuple[str, str, str]]:
    """letter -> (usual, inside a word, at a word's end) spellings (data file romanise.tsv)."""
    text = resources.files("rasad.data").joinpath("gazetteer/romanise.tsv").read_text(encoding="utf-8")
    rows = [line.split("\t") for line in text.splitlines() if line and not line.startswith("#")]
    table = {}
    for r in rows[1:]:
        r += [""] * (4 - len(r))
        table[r[0]] = (r[1], r[2] or r[1], r[3] or r[1])
    return table


def romanise_ar(name: str) -> str:
    """A readable Latin spelling of an Arabic name the data lacks ("حريب" -> "Hrib", "مودية" ->
    "Mudiah"), for an admin2 where no district list exists; see romanise.tsv."""
    table = _romanisation()
    words = []
    for word in _AR_WORD_RE.findall(fold_raw(name)):
        article = word.startswith(_ARTICLE) and len(word) > 3
        if article:
            word = word[2:]
        last = len(word) - 1
        whole = table.get(word) if len(word) > 1 else None
        if whole is not None:
            words.append(("Al-" if article else "") + whole[0])
            continue
        roman = "".join(
            (forms[2] if i == last and i > 0 else forms[1] if 0 < i < last else forms[0])
            if (forms := table.get(ch)) else ch
            for i, ch in enumerate(word))
        words.append(("Al-" if article else "") + roman[:1].upper() + roman[1:])
    return " ".join(words)
