"""Clitic-aware tokens and a token-trie matcher for multiword lexicon entries.

A token keeps its span in the normalised text and a set of *keys*: the folded surface form and
the forms left after removing proclitics (و ف ب ل ك and the article ال, in their legal orders),
so that ``بريف`` finds ``ريف``, ``والميليشيات`` finds ``ميليشيات`` and ``لـ"قسد"`` finds
``قسد`` (the quote after the clitic is split off as punctuation first).
"""

from __future__ import annotations

import re
from functools import lru_cache
from itertools import repeat
from dataclasses import dataclass
from typing import Generic, Iterable, Iterator, NamedTuple, TypeVar

from rasad.text.normalize import fold

# Words of normalised text; numbers.py and lexicon_file.py split with the same pattern.
WORD_RE = re.compile(r"[0-9]+(?:[.,][0-9]+)*|[^\W\d_]+(?:['\-][^\W\d_]+)*", re.UNICODE)

# Proclitic sequences, longest first, in folded form. Conjunction (و/ف), then preposition
# (ب/ل/ك), then the article (ال). "لل" is ل + ال with the alef dropped, as Arabic writes it.
# ك ("like") only before the article: alone it strips real first letters (كبيرة -> بيرة).
_PREFIXES = sorted(
    {
        c + p + a
        for c in ("", "و", "ف")
        for p in ("", "ب", "ل")
        for a in ("", "ال")
    }
    | {c + "كال" for c in ("", "و", "ف")}
    | {c + "لل" for c in ("", "و", "ف")},
    key=len,
    reverse=True,
)
_PREFIXES = [p for p in _PREFIXES if p]
# The proclitic sequences that end in the article: a word carrying one is definite.
_DEFINITE = tuple(p for p in _PREFIXES if p.endswith(("ال", "لل")))
_MIN_STEM = 2
_MIN_ENTRY_STEM = 3  # the shortest word a lexicon phrase's ال may be stripped to


class Token(NamedTuple):
    # A NamedTuple, not a dataclass: an article has hundreds of tokens and this is the cheapest
    # immutable record to build.
    index: int
    start: int  # offsets into the normalised text
    end: int
    text: str  # normalised surface
    key: str  # folded surface
    stems: tuple[str, ...] = ()  # folded surface first, then clitic-stripped forms

    @property
    def is_number(self) -> bool:
        return self.text[:1].isdigit()


def is_definite(key: str) -> bool:
    """Whether a folded Arabic word carries the article, after any conjunction or preposition
    ("الهجوم", "بالتفجير", "للمواجهات", "والمسلحين")."""
    return key.startswith(_DEFINITE)


@lru_cache(maxsize=131072)
def stems_of(key: str) -> tuple[str, ...]:
    """Folded surface plus each form left after stripping a proclitic sequence.

    Words whose Latin or digit content makes clitics meaningless return only themselves.
    """
    forms = [key]
    if not key or not ("\u0600" <= key[0] <= "\u06ff"):
        if key.endswith(("'s", "\u2019s")) and len(key) > 3:
            return (key, key[:-2])  # "HTS's artillery", "Baghdad's Tayaran Square"
        return (key,)
    for p in _PREFIXES:
        if key.startswith(p) and len(key) - len(p) >= _MIN_STEM:
            rest = key[len(p):]
            if rest not in forms:
                forms.append(rest)
    return tuple(forms)


def tokenize(text: str, folded: str | None = None) -> list[Token]:
    """Tokens of normalised text (letters or digits; punctuation is dropped). ``folded`` is
    ``fold(text)`` when the caller has it already."""
    if folded is None:
        folded = fold(text)
    # Column by column with C-level map() rather than one Python loop iteration per token (a
    # 6 KB article has ~550 tokens): ~0.05 ms less per Document in the pipeline. The regex
    # matches are let go before the tokens are built, so the GC never sees both sets at once.
    # tuple.__new__ skips the NamedTuple's Python-level __new__.
    matches = list(WORD_RE.finditer(text))
    starts = list(map(_Match.start, matches))
    ends = list(map(_Match.end, matches))
    surfaces = list(map(_Match.group, matches))
    del matches
    keys = list(map(folded.__getitem__, map(slice, starts, ends)))
    columns = zip(range(len(starts)), starts, ends, surfaces, keys, map(stems_of, keys))
    return list(map(tuple.__new__, repeat(Token), columns))


_Match = re.Match


def entry_key(phrase: str) -> tuple[str, ...]:
    """Folded key of a lexicon phrase: its words, each without a leading article."""
    from rasad.text.normalize import fold_raw

    words = [w.group() for w in WORD_RE.finditer(fold_raw(phrase))]
    # "ألقت" (threw) folds to "القت": its ال is root letters, and stripped it would leave "قت",
    # which every "وقت" (time) and "بقي" ("قي") carries once its own clitic is gone. A lexicon
    # word keeps its ال when fewer than three letters would be left.
    return tuple(w if len(w) - 2 < _MIN_ENTRY_STEM else strip_article(w) for w in words)


def strip_article(w: str) -> str:
    """The word without a leading article ال, unless too little would be left (shared with
    rasad.geo.names: gazetteer keys and token matching must strip alike)."""
    if w.startswith("ال") and len(w) - 2 >= _MIN_STEM:
        return w[2:]
    return w


T = TypeVar("T")


@dataclass(frozen=True)
class Match(Generic[T]):
    start_token: int
    end_token: int  # exclusive
    start: int  # normalised offsets
    end: int
    value: T
    surface: str


class PhraseMatcher(Generic[T]):
    """Longest-match lookup of multiword phrases over clitic-aware tokens, one pass over tokens.

    Each phrase is stored as a tuple of folded words (leading article removed). At each token the
    matcher tries every stem of the first token and, for following tokens, the token itself and
    its article-less form; the longest phrase wins and matching resumes after it.
    """

    def __init__(self, entries: Iterable[tuple[str, T]] = ()):  # (phrase, value)
        self._trie: dict = {}
        self.size = 0
        for phrase, value in entries:
            self.add(phrase, value)

    def add(self, phrase: str, value: T) -> None:
        key = entry_key(phrase)
        if not key:
            raise ValueError(f"empty lexicon phrase: {phrase!r}")
        node = self._trie
        for w in key:
            node = node.setdefault(w, {})
        node.setdefault(None, []).append(value)
        self.size += 1

    def _walk(self, tokens: list[Token], i: int) -> tuple[int, list[T]] | None:
        best: tuple[int, list[T]] | None = None
        n = len(tokens)
        for first in tokens[i].stems:
            node = self._trie.get(first)
            if node is None:
                continue
            j = i + 1
            if None in node and (best is None or j > best[0]):
                best = (j, node[None])
            while j < n:
                key = tokens[j].key
                nxt = node.get(key)
                if nxt is None:
                    # strip_article inlined: this is the innermost loop of every lexicon
                    if not key.startswith("ال") or len(key) - 2 < _MIN_STEM:
                        if key.endswith(("'s", "\u2019s")):
                            # "the Southern Transitional Council's forces": a possessive ends the name
                            end = node.get(key[:-2])
                            if end is not None and None in end and (best is None or j + 1 > best[0]):
                                best = (j + 1, end[None])
                        break
                    nxt = node.get(key[2:])
                    if nxt is None:
                        break
                node = nxt
                j += 1
                if None in node and (best is None or j > best[0]):
                    best = (j, node[None])
        return best

    @property
    def first_words(self) -> frozenset[str]:
        """Folded words that can begin a phrase (a token starts a match only if a stem is one)."""
        return frozenset(self._trie)

    def find(self, tokens: list[Token], text: str | None = None, overlapping: bool = False,
             starts: Iterable[int] | None = None) -> Iterator[Match[T]]:
        """Matches in token order. ``starts``, when given, are the ascending indices of the only
        tokens that may begin a phrase (any superset of those whose stems meet ``first_words``):
        several lexicons over one document share one scan of its tokens for them."""
        for found in self.find_tuples(tokens, text, overlapping, starts):
            yield Match(*found)

    def find_tuples(self, tokens: list[Token], text: str | None = None, overlapping: bool = False,
                    starts: Iterable[int] | None = None) -> Iterator[tuple[int, int, int, int, T, str]]:
        """:meth:`find` as plain ``(start_token, end_token, start, end, value, surface)`` tuples:
        the pipeline turns each straight into a Mention, and a frozen Match per hit (~1 us to
        build) was a quarter of the lexicon component."""
        n = len(tokens)
        firsts = self._trie.keys()
        resume = 0  # tokens before this one are inside a match already taken (or were tried)
        for i in range(n) if starts is None else starts:
            if i < resume or firsts.isdisjoint(tokens[i].stems):  # most words start no phrase
                continue
            hit = self._walk(tokens, i)
            if hit is None:
                continue
            j, values = hit
            if not overlapping and j - i > 1:
                # Leftmost-longest, but a phrase as long or longer that starts inside this one and
                # ends after it wins:
                # "قوات الجيش الوطني الليبي" is the LNA, not "قوات الجيش الوطني" + "الليبي".
                longer = next((k for k in range(i + 1, j) if not firsts.isdisjoint(tokens[k].stems)
                               and (h := self._walk(tokens, k)) is not None and h[0] > j
                               and h[0] - k >= j - i), None)
                if longer is not None:
                    resume = longer  # the loop reaches it next: its stems meet ``firsts``
                    continue
            s, e = tokens[i].start, tokens[j - 1].end
            surface = text[s:e] if text is not None else " ".join(t.text for t in tokens[i:j])
            for v in values:
                yield i, j, s, e, v, surface
            resume = i + 1 if overlapping else j
