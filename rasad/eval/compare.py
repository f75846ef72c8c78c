"""How two field values are compared: folded names, distances, date gaps, span overlap."""

from __future__ import annotations

import datetime as dt
import math
import re
import unicodedata
from typing import Any, Iterable

from rapidfuzz import fuzz

from rasad.text.normalize import fold_raw

_EARTH_RADIUS_KM = 6371.0088
_PUNCT = re.compile(r"[-'’‘ʼʻ`´.,:;()\"/_]+")
# Transliterated Arabic article: "Al-Busayrah", "ash Shaddadi", "El Mina" name the same place as
# "Busayrah", "Shaddadi", "Mina"; sun-letter assimilations are the variants seen in ACLED/OCHA.
_LEADING_ARTICLE = re.compile(r"^(?:al|el|ad|ar|as|ash|at|az|adh|an|ath)\s+")
_ARABIC = re.compile(r"[\u0600-\u06ff]")


def fold_name(value: Any) -> str | None:
    """Comparison key for an actor or other proper name: case, accents and spacing ignored."""
    if value is None:
        return None
    text = unicodedata.normalize("NFKD", str(value))
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    if _ARABIC.search(text):
        text = fold_raw(text)
    return " ".join(text.casefold().split())


def fold_place(value: Any) -> str | None:
    """Comparison key for a place name: also ignores punctuation and a leading Arabic article."""
    key = fold_name(value)
    if key is None:
        return None
    key = " ".join(_PUNCT.sub(" ", key).split())
    if _ARABIC.search(key):
        return " ".join(re.sub(r"(^|\s)ال(?=\S{2})", r"\1", key).split())
    return _LEADING_ARTICLE.sub("", key)


# Romanisations of one Arabic name differ in vowels, doubled letters, final -h, article forms and
# a few consonant spellings (ACLED "Saraqab", GeoNames "Sarāqib"; "Sokhneh" / "As Sukhnah";
# "Thiban" / "Dhiban"). Equal consonant skeletons alone are too loose for short names ("Aden" /
# "Aydun", "Sirte" / "Sart"), so the spelled forms must also be close (rapidfuzz ratio).
_PARENTHESIS = re.compile(r"\([^)]*\)")
_ARTICLE_TOKENS = frozenset({"al", "el", "ad", "ar", "as", "ash", "at", "az", "adh", "an", "ath",
                             "ed", "er", "es", "esh", "et", "ez"})
_CONSONANT_SPELLINGS = (("dh", "th"), ("gh", "g"), ("ou", "u"), ("q", "k"), ("ph", "f"), ("j", "g"))
_VOWELS_AND_GLIDES = re.compile(r"[aeiouyw]")
MIN_SPELLING_RATIO = 70.0
MIN_SPELLING_RATIO_SHORT = 80.0  # skeletons of fewer than 3 consonants collide easily


def _romanised_tokens(value: Any) -> list[str]:
    key = fold_place(_PARENTHESIS.sub(" ", str(value))) or ""
    tokens = key.split()
    # Article words are dropped inside a name ("Busra esh Sham"), not as its last word ("Da'el").
    return [t for k, t in enumerate(tokens) if t not in _ARTICLE_TOKENS or k == len(tokens) - 1]


def place_skeleton(value: Any) -> str | None:
    """Consonant skeleton of a romanised place name, for matching transliteration variants."""
    if value is None:
        return None
    if _ARABIC.search(str(value)):
        return fold_place(value)
    tokens = _romanised_tokens(value)
    skeleton = "".join(t[:-1] if t.endswith("h") and len(t) > 3 else t for t in tokens)
    for spelling, canonical in _CONSONANT_SPELLINGS:
        skeleton = skeleton.replace(spelling, canonical)
    skeleton = _VOWELS_AND_GLIDES.sub("", skeleton)
    return re.sub(r"(.)\1+", r"\1", skeleton)


def same_place_name(a: Any, b: Any) -> bool:
    """Same place name: equal once folded, or romanisations of one name (same consonant skeleton
    and close spelling)."""
    if a is None or b is None:
        return a is None and b is None
    if same_place(a, b):
        return True
    ka, kb = place_skeleton(a), place_skeleton(b)
    if not ka or ka != kb or _ARABIC.search(ka):
        return False
    ratio = fuzz.ratio(" ".join(_romanised_tokens(a)), " ".join(_romanised_tokens(b)))
    return ratio >= (MIN_SPELLING_RATIO if len(ka) >= 3 else MIN_SPELLING_RATIO_SHORT)


def same_name(a: Any, b: Any) -> bool:
    return fold_name(a) == fold_name(b)


def same_place(a: Any, b: Any) -> bool:
    return fold_place(a) == fold_place(b)


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * _EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(h)))


def point(fields: dict[str, Any]) -> tuple[float, float] | None:
    lat, lon = fields.get("latitude"), fields.get("longitude")
    if isinstance(lat, (int, float)) and isinstance(lon, (int, float)):
        return float(lat), float(lon)
    return None


def distance_km(a: dict[str, Any], b: dict[str, Any]) -> float | None:
    pa, pb = point(a), point(b)
    if pa is None or pb is None:
        return None
    return haversine_km(pa[0], pa[1], pb[0], pb[1])


def parse_date(value: Any) -> dt.date | None:
    if not isinstance(value, str):
        return None
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        return None


def date_gap_days(a: Any, b: Any) -> int | None:
    da, db = parse_date(a), parse_date(b)
    if da is None or db is None:
        return None
    return abs((da - db).days)


def set_f1(gold: Iterable[str], predicted: Iterable[str]) -> float:
    return _overlap_f1({fold_name(g) for g in gold}, {fold_name(p) for p in predicted})


def span_overlap_f1(gold: list[tuple[int, int]], predicted: list[tuple[int, int]]) -> float:
    """Character-level F1 between two sets of ``[start, end)`` spans (overlaps inside a set merged)."""
    return _overlap_f1(_covered(gold), _covered(predicted))


def _overlap_f1(gold: set, predicted: set) -> float:
    """F1 of two sets; two empty sets agree fully."""
    if not gold and not predicted:
        return 1.0
    common = len(gold & predicted)
    if common == 0:
        return 0.0
    precision, recall = common / len(predicted), common / len(gold)
    return 2 * precision * recall / (precision + recall)


def _covered(spans: list[tuple[int, int]]) -> set[int]:
    chars: set[int] = set()
    for start, end in spans:
        chars.update(range(start, end))
    return chars
