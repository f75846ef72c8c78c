"""The packaged gazetteer: loading it once per process and looking names up.

The file (``rasad/data/gazetteer/gazetteer.tsv.gz``) is built by ``scripts/build_gazetteer.py``;
its columns are documented in ``docs/gazetteer.md``. Matching keys are precomputed at build
time, so loading is parsing plus building three dictionaries.
"""

from __future__ import annotations

import gzip
import math
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path

from rapidfuzz.distance import Levenshtein

from rasad.geo.names import _skeleton_word, ar_key, en_key, en_skeleton, is_arabic
from rasad.record import InputError

# How specific a kind of place is: larger means smaller area. Used to pick the incident's
# place among its mentions and to order candidates in output.
KIND_RANK = {
    "country": 0, "governorate": 1, "region": 2, "district": 3, "subdistrict": 4, "city": 5,
    "town": 6, "airport": 7, "camp": 7, "village": 7, "farm": 7, "neighbourhood": 8,
    "natural": 5,
}
SKELETON_MIN_LETTERS = 3
_N_COLUMNS = 21
POPULATED = frozenset({"city", "town", "village", "farm", "camp", "neighbourhood", "airport"})
ADMIN_KINDS = frozenset({"country", "governorate", "district", "subdistrict"})


@dataclass(slots=True, eq=False)
class Place:  # treated as immutable; not frozen only because frozen dataclasses load ~2x slower
    id: str
    kind: str
    name: str
    name_ar: str
    names: tuple[str, ...]
    lat: float
    lon: float
    population: int | None
    country: str
    iso: int | None
    admin1: str | None
    admin2: str | None
    admin3: str | None
    pcode: str | None
    importance: float
    coord_quality: str
    precision: int | None  # geo_precision when the place is coded to as a whole area
    src_ids: tuple[str, ...]
    source: str

    @property
    def rank(self) -> int:
        return KIND_RANK.get(self.kind, 7)

    def to_dict(self) -> dict:
        return {
            "id": self.id, "kind": self.kind, "name": self.name, "name_ar": self.name_ar,
            "lat": self.lat, "lon": self.lon, "country": self.country, "iso": self.iso,
            "admin1": self.admin1, "admin2": self.admin2, "admin3": self.admin3,
            "population": self.population,
        }


def km(a: Place | tuple[float, float], b: Place | tuple[float, float]) -> float:
    la1, lo1 = (a.lat, a.lon) if isinstance(a, Place) else a
    la2, lo2 = (b.lat, b.lon) if isinstance(b, Place) else b
    p = math.pi / 180
    h = (math.sin((la2 - la1) * p / 2) ** 2
         + math.cos(la1 * p) * math.cos(la2 * p) * math.sin((lo2 - lo1) * p / 2) ** 2)
    return 12742 * math.asin(min(1.0, math.sqrt(h)))


def bearing(a: Place, b: Place) -> float:
    """Compass bearing in degrees from a to b (0 north, 90 east)."""
    p = math.pi / 180
    y = math.sin((b.lon - a.lon) * p) * math.cos(b.lat * p)
    x = (math.cos(a.lat * p) * math.sin(b.lat * p)
         - math.sin(a.lat * p) * math.cos(b.lat * p) * math.cos((b.lon - a.lon) * p))
    return (math.atan2(y, x) / p) % 360


class Gazetteer:
    def __init__(self, places: list[Place], ar_keys: list[list[str]], en_keys: list[list[str]]):
        self.places = places
        self.by_id: dict[str, Place] = {}
        self.trie: dict = {}  # Arabic: word -> {word -> ..., None: [place index]}
        self.en_index: dict[str, list[int]] = {}
        self._en_skeleton: dict[str, list[tuple[str, int]]] | None = None
        for i, p in enumerate(places):
            self.by_id[p.id] = p
            for sid in p.src_ids:
                self.by_id.setdefault(sid, p)
            for key in ar_keys[i]:
                node = self.trie
                for w in key.split(" "):
                    node = node.setdefault(w, {})
                bucket = node.setdefault(None, [])
                if i not in bucket:
                    bucket.append(i)
            for key in en_keys[i]:
                lst = self.en_index.setdefault(key, [])
                if i not in lst:
                    lst.append(i)
        self.max_en_words = max((k.count(" ") + 1 for k in self.en_index), default=1)
        self.index_of = {p.id: i for i, p in enumerate(places)}
        self.regions = [p for p in places if p.kind == "region"]
        self.cities = [p for p in places if p.kind == "city" and p.importance >= 4]

    @property
    def en_skeleton(self) -> dict[str, list[tuple[str, int]]]:
        """Transliteration-skeleton index, built on the first loose English look-up (Arabic-only
        use never pays for it)."""
        if self._en_skeleton is None:
            index: dict[str, list[tuple[str, int]]] = {}
            for key, ids in self.en_index.items():
                skel = " ".join(_skeleton_word(w) for w in key.split(" "))
                index.setdefault(skel, []).extend((key, i) for i in ids)
            self._en_skeleton = index
        return self._en_skeleton

    def __len__(self) -> int:
        return len(self.places)

    def get(self, place_id: str) -> Place | None:
        return self.by_id.get(place_id)

    def lookup_ar(self, name: str) -> list[Place]:
        node = self.trie
        for w in ar_key(name):
            node = node.get(w)
            if node is None:
                return []
        return [self.places[i] for i in node.get(None, [])]

    def lookup_en_indices(self, name: str, loose: bool = True) -> list[int]:
        """Places whose article-free English key matches, plus (``loose``) those whose
        transliteration skeleton matches: "Al Mansura" is also "Al Mansurah"."""
        key = en_key(name)
        hits = list(self.en_index.get(key) or [])
        if not hits:
            # Ta marbuta is written with or without a final h (Jalawla / Jalawlah, Hawija /
            # Hawijah); the skeleton cannot catch it when the name is too short to go loose.
            other = key[:-1] if key.endswith(("ah", "eh")) else key + "h" if key.endswith(("a", "e")) else None
            hits = list(self.en_index.get(other) or []) if other else []
        if loose:
            skel = en_skeleton(name)
            # A short skeleton ("hl" for Al-Hol) matches dozens of unrelated names: too loose.
            if len(skel.replace(" ", "")) >= SKELETON_MIN_LETTERS:
                # Same skeleton and a small edit distance: "Hamidiya" ~ "Hamidiyah", "Abu Rasin" ~
                # "Abu Rasayn".
                # Short names get one edit only: "Kobani" is not the village "Kuban".
                limit = 1 if len(key) <= 6 else max(2, len(key) // 4)
                for other, i in self.en_skeleton.get(skel) or []:
                    if i not in hits and Levenshtein.distance(key, other, score_cutoff=limit) <= limit:
                        hits.append(i)
        return hits

    def lookup_en(self, name: str, loose: bool = True) -> list[Place]:
        return [self.places[i] for i in self.lookup_en_indices(name, loose)]

    def lookup(self, name: str) -> list[Place]:
        return self.lookup_ar(name) if is_arabic(name) else self.lookup_en(name)

    def admin1_names(self) -> set[str]:
        return {p.admin1 for p in self.places if p.kind == "governorate" and p.admin1}


def _split(s: str) -> list[str]:
    return s.split("|") if s else []


def parse(text: str) -> Gazetteer:
    """Parse the gazetteer TSV (plain tab-separated lines, no quoting: the build guarantees it)."""
    lines = text.split("\n")
    header = lines[0].split("\t") if lines else []
    expected = ["id", "kind", "name", "name_ar", "names", "ar_keys", "en_keys", "lat", "lon"]
    if header[:9] != expected or len(header) != _N_COLUMNS:
        raise InputError("the gazetteer file has an unexpected header: rebuild it with scripts/build_gazetteer.py")
    places, ar_keys, en_keys = [], [], []
    for number, line in enumerate(lines[1:], start=2):
        if not line:
            continue
        row = line.split("\t")
        if len(row) != _N_COLUMNS:
            raise InputError(f"gazetteer line {number} has {len(row)} fields, not {_N_COLUMNS}: rebuild it")
        (pid, kind, name, name_ar, names, ark, enk, lat, lon, pop, country, iso, a1, a2, a3, pcode,
         imp, cq, prec, src, source) = row
        places.append(Place(
            pid, kind, name, name_ar, tuple(_split(names)), float(lat), float(lon),
            int(pop) if pop else None, country, int(iso) if iso else None, a1 or None, a2 or None,
            a3 or None, pcode or None, float(imp or 1), cq or "exact", int(prec) if prec else None,
            tuple(_split(src)), source,
        ))
        ar_keys.append(_split(ark))
        en_keys.append(_split(enk))
    return Gazetteer(places, ar_keys, en_keys)


def load(path: str | Path | None = None) -> Gazetteer:
    """Load a gazetteer file (the packaged one by default)."""
    if path is None:
        data = resources.files("rasad.data").joinpath("gazetteer/gazetteer.tsv.gz").read_bytes()
    else:
        try:
            data = Path(path).read_bytes()
        except OSError as exc:
            raise InputError(f"cannot read gazetteer file {path}: {exc.strerror}") from None
    try:
        text = gzip.decompress(data).decode("utf-8")
    except (OSError, UnicodeDecodeError, EOFError):
        raise InputError("the gazetteer file is not a gzip'd UTF-8 TSV: rebuild it with scripts/build_gazetteer.py") from None
    return parse(text)


@lru_cache(maxsize=1)
def get_gazetteer() -> Gazetteer:
    """The packaged gazetteer, loaded once per process."""
    return load()


@lru_cache(maxsize=1)
def capital_ids() -> frozenset[str]:
    """Place ids of national capitals (data file capitals.tsv)."""
    text = resources.files("rasad.data").joinpath("gazetteer/capitals.tsv").read_text(encoding="utf-8")
    rows = [line.split("\t") for line in text.splitlines() if line and not line.startswith("#")]
    return frozenset(r[1].strip() for r in rows[1:] if len(r) >= 2)
