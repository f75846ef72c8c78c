"""Arabic/English normalisation that never loses the way back to raw offsets.

Every normalised character remembers the raw character it came from, so a span found in the
normalised text maps back to ``raw[start:end]`` exactly. Two levels exist:

* ``normalize`` (display-safe): drops diacritics, tatweel, zero-width and bidi controls, maps
  Eastern Arabic / Persian digits to ASCII and every quote character to ``"``. Letters keep
  their identity, so the text stays readable.
* ``fold`` (matching key): additionally unifies alef/hamza variants, alef maqsura -> ya,
  ta marbuta -> ha, and lower-cases Latin letters. Lexicon entries and text are compared in
  this form only; it is a one-to-one character mapping, so offsets survive it unchanged.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import chain
from functools import lru_cache

# Harakat, tanween, shadda, sukun, superscript alef, Quranic marks: meaning-neutral for matching.
_DIACRITICS = set(chr(c) for c in range(0x064B, 0x0660)) | {"\u0670"} | set(
    chr(c) for c in range(0x06D6, 0x06EE)
)
_TATWEEL = "\u0640"
# Zero-width and bidi control characters that copy-paste from news sites scatters in text.
_INVISIBLE = set("\u200b\u200c\u200d\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\ufeff\u00ad\u061c")

_CHAR_MAP: dict[str, str] = {}
for _i in range(10):
    _CHAR_MAP[chr(0x0660 + _i)] = str(_i)  # Eastern Arabic digits
    _CHAR_MAP[chr(0x06F0 + _i)] = str(_i)  # Persian/Urdu digits
for _q in "\u201c\u201d\u201e\u201f\u00ab\u00bb\u2033\u2036\u301d\u301e\uff02":
    _CHAR_MAP[_q] = '"'
for _q in "\u2018\u2019\u201a\u201b\u2032\u2035":
    _CHAR_MAP[_q] = "'"
_CHAR_MAP.update({
    "\u066b": ".",  # Arabic decimal separator
    "\u066c": ",",  # Arabic thousands separator
    "\u00a0": " ", "\u2009": " ", "\u202f": " ", "\u2002": " ", "\u2003": " ",
    "\u2013": "-", "\u2014": "-",
    "\u06cc": "\u064a",  # Persian yeh -> Arabic yeh
    "\u06a9": "\u0643",  # keheh -> kaf
})

_FOLD_MAP = {
    "\u0623": "\u0627", "\u0625": "\u0627", "\u0622": "\u0627", "\u0671": "\u0627",  # alef variants
    "\u0649": "\u064a",  # alef maqsura -> ya
    "\u0629": "\u0647",  # ta marbuta -> ha
    "\u0624": "\u0648",  # waw hamza -> waw
    "\u0626": "\u064a",  # ya hamza -> ya
}


@dataclass(frozen=True)
class NormalizedText:
    """Normalised text plus, for each of its characters, the index of the raw character."""

    raw: str
    text: str
    to_raw: tuple[int, ...]

    def raw_span(self, start: int, end: int) -> tuple[int, int]:
        """Map a normalised ``[start, end)`` span to the raw text's ``[start, end)`` span."""
        if end <= start:
            pos = self.to_raw[start] if start < len(self.to_raw) else len(self.raw)
            return pos, pos
        return self.to_raw[start], self.to_raw[end - 1] + 1

    def raw_text(self, start: int, end: int) -> str:
        s, e = self.raw_span(start, end)
        return self.raw[s:e]


_REMOVED = _DIACRITICS | _INVISIBLE | {_TATWEEL, "\r"}
_REMOVED_RE = re.compile("[" + "".join(sorted(_REMOVED)) + "]+")
_NORM_TABLE = str.maketrans({**_CHAR_MAP, **{ch: None for ch in _REMOVED}})


def normalize(raw: str) -> NormalizedText:
    # One C-level translate for the text; the offset map is built from the runs of removed
    # characters, so the common article costs a few slices instead of a Python loop per character.
    text = raw.translate(_NORM_TABLE)
    if len(text) == len(raw):
        return NormalizedText(raw, text, tuple(range(len(raw))))
    kept: list[range] = []
    pos = 0
    for m in _REMOVED_RE.finditer(raw):
        kept.append(range(pos, m.start()))
        pos = m.end()
    kept.append(range(pos, len(raw)))
    return NormalizedText(raw, text, tuple(chain.from_iterable(kept)))


_FOLD_PAIRS = tuple(_FOLD_MAP.items())


def fold(text: str) -> str:
    """Matching key of already-normalised text: same length, so offsets are unchanged.

    Chained ``str.replace`` rather than ``str.translate``: translate looks every non-ASCII
    character up in a dict (~0.15 ms per 6 KB Arabic article), replace is a C scan per pair
    (~0.015 ms). No replacement produces a character another one replaces, so the order of the
    pairs does not matter."""
    for old, new in _FOLD_PAIRS:
        if old in text:
            text = text.replace(old, new)
    return text.lower()


@lru_cache(maxsize=65536)
def fold_raw(raw: str) -> str:
    """Matching key straight from raw text (for lexicon entries and queries; offsets dropped).
    Cached: the same names and markers are folded again and again across articles."""
    return fold(normalize(raw).text)
