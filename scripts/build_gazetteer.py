#!/usr/bin/env python3
"""Build rasad's gazetteer (``rasad/data/gazetteer/gazetteer.tsv.gz``) from the real place data.

Inputs (see /work/shared/data/README.md and docs/gazetteer.md):
  * Who's On First localities of Syria, Iraq, Lebanon, Jordan (names, Arabic variants, points,
    governorate and district);
  * UN OCHA Syria admin-3 table (the English names ACLED uses, p-codes, centre points);
  * Open-Syria governorates / districts / sub-districts (aliases, centroids, population);
  * ``rasad/data/gazetteer/supplement.csv``: curated rows (missing places, extra spellings,
    named regions), each with its source or reason;
  * optional ``--local FILE.csv`` files in the same format: a user's own local names.

Run:  .venv/bin/python scripts/build_gazetteer.py [--data /work/shared/data/places] [--local my.csv]
The output is deterministic for the same inputs.
"""

from __future__ import annotations

import argparse
import csv
import gzip
import io
import json
import math
import re
import sys
import unicodedata
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from rasad.geo.names import ar_key, ar_variants, en_key, is_arabic  # noqa: E402

OUT_DIR = ROOT / "rasad" / "data" / "gazetteer"
DEFAULT_DATA = Path("/work/shared/data/places")
if not DEFAULT_DATA.exists():
    DEFAULT_DATA = ROOT.parent / "shared" / "data" / "places"

COUNTRIES = {"sy": ("Syria", 760), "iq": ("Iraq", 368), "lb": ("Lebanon", 422), "jo": ("Jordan", 400)}

# Feature kind and a base importance per GeoNames feature code (WOF carries the code).
FEATURE_KIND = {
    "PPLC": ("city", 6.0), "PPLA": ("city", 5.0), "PPLA2": ("city", 4.0), "PPLA3": ("town", 3.0),
    "PPLA4": ("town", 2.5), "PPL": ("village", 1.0), "STLMT": ("village", 0.8),
    "PPLF": ("farm", 0.6), "PPLL": ("farm", 0.6), "PPLW": ("village", 0.3), "PPLQ": ("village", 0.3),
    "PPLH": ("village", 0.2), "PPLS": ("village", 0.8), "": ("village", 1.0),
}
IRAQ_FULL_REGIONS = {"Al-Anbar", "Ninawa", "Diyala", "Kirkuk", "Sala ad-Din", "Baghdad"}
COLUMNS = (
    "id kind name name_ar names ar_keys en_keys lat lon population country iso admin1 admin2 "
    "admin3 pcode importance coord_quality precision src_ids source"
).split()


@dataclass
class Place:
    id: str
    kind: str
    name: str
    name_ar: str
    names: list[str]
    lat: float
    lon: float
    country: str
    iso: int
    admin1: str | None = None
    admin2: str | None = None
    admin3: str | None = None
    pcode: str | None = None
    population: int | None = None
    importance: float = 1.0
    coord_quality: str = "exact"
    precision: int | None = None
    src_ids: list[str] = field(default_factory=list)
    source: str = ""

    def add_names(self, *names: str) -> None:
        for n in names:
            n = (n or "").strip()
            if n and n not in self.names:
                self.names.append(n)


def km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p = math.pi / 180
    a = (math.sin((lat2 - lat1) * p / 2) ** 2
         + math.cos(lat1 * p) * math.cos(lat2 * p) * math.sin((lon2 - lon1) * p / 2) ** 2)
    return 12742 * math.asin(math.sqrt(a))


def split_names(raw: str) -> list[str]:
    return [n.strip() for n in (raw or "").split("|") if n.strip()]


# ---------------------------------------------------------------- Syrian admin units

@dataclass
class Admin:
    pcode: str
    level: int
    en: str
    ar: str
    parent: str | None
    lat: float
    lon: float
    aliases: list[str] = field(default_factory=list)
    population: int | None = None
    seat: "Place | None" = None


def load_admin(data: Path) -> dict[str, Admin]:
    units: dict[str, Admin] = {}
    sums: dict[str, list[float]] = defaultdict(lambda: [0.0, 0.0, 0])
    with open(data / "ocha_syr_admin3_subdistricts.csv", encoding="utf-8") as f:
        for r in csv.DictReader(f):
            lat, lon = float(r["center_lat"]), float(r["center_lon"])
            units[r["adm3_pcode"]] = Admin(r["adm3_pcode"], 3, r["adm3_en"], r["adm3_ar"], r["adm2_pcode"], lat, lon)
            units.setdefault(r["adm2_pcode"], Admin(r["adm2_pcode"], 2, r["adm2_en"], r["adm2_ar"], r["adm1_pcode"], 0, 0))
            units.setdefault(r["adm1_pcode"], Admin(r["adm1_pcode"], 1, r["adm1_en"], r["adm1_ar"], None, 0, 0))
            for p in (r["adm2_pcode"], r["adm1_pcode"]):
                s = sums[p]
                s[0] += lat
                s[1] += lon
                s[2] += 1
    for p, (la, lo, n) in sums.items():
        units[p].lat, units[p].lon = la / n, lo / n
    for fname in ("opensyria_governorates.json", "opensyria_districts.json", "opensyria_subdistricts.json"):
        for rec in json.loads((data / fname).read_text(encoding="utf-8")):
            unit = units.get(rec.get("externalIds", {}).get("ochaPcode", ""))
            if unit is None:
                continue
            unit.aliases += [rec["name"]["en"], rec["name"]["ar"]] + [a["value"] for a in rec.get("aliases", [])]
            c = rec.get("centroid") or {}
            if c.get("latitude") is not None:
                unit.lat, unit.lon = float(c["latitude"]), float(c["longitude"])
            pop = (rec.get("population") or {}).get("value")
            unit.population = int(pop) if pop else None
    return units


# ---------------------------------------------------------------- WOF localities

def wof_rows(data: Path, cc: str) -> list[dict]:
    with open(data / f"wof_{cc}_places.csv", encoding="utf-8", newline="") as f:
        return [{k: (v or "").strip() for k, v in r.items()} for r in csv.DictReader(f)]


# ayn and hamza as GeoNames' ASCII names (and ACLED's) write them: ` and '
_AYN_HAMZA = str.maketrans({"\u2018": "`", "\u02bf": "`", "\u2019": "'", "\u02be": "'"})


def plain_latin(name: str) -> str:
    """A romanised name in plain letters, as GeoNames' ASCII names and ACLED write it: "Al Ḩillah"
    -> "Al Hillah", "Al ‘Amārah" -> "Al `Amarah", "Batroûn" -> "Batroun", "Al Hårithah" ->
    "Al Harithah". Arabic script is left as it is."""
    if is_arabic(name):
        return name
    decomposed = unicodedata.normalize("NFKD", name.translate(_AYN_HAMZA))
    return unicodedata.normalize("NFC", "".join(c for c in decomposed if not unicodedata.combining(c)))


def wof_place(r: dict, cc: str) -> Place:
    country, iso = COUNTRIES[cc]
    all_names = split_names(r["names_ar"])
    ar_names = [n for n in all_names if is_arabic(n)]
    en_names = [n for n in all_names if not is_arabic(n)]
    name_en = r["name"] if not is_arabic(r["name"]) else (en_names[0] if en_names else r["name"])
    name_en = plain_latin(name_en)  # "An Nāşirīyah" -> "An Nasiriyah"; the marked form stays a name
    name_ar = ar_names[0] if ar_names else (r["name"] if is_arabic(r["name"]) else "")
    kind, imp = FEATURE_KIND.get(r["gn_feature_code"], ("village", 1.0))
    if r["placetype"] == "neighbourhood":
        kind, imp = "neighbourhood", 1.0
    elif r["placetype"] == "campus":
        kind, imp = "airport", 1.5
    if r["is_current"] == "1" and imp < 4:
        imp = max(imp, 4.0)  # WOF marks current major places; their feature code is often empty
        kind = "city" if kind in ("village", "town") else kind
    if any(n.startswith("مخيم") for n in ar_names):
        kind = "camp"
    p = Place(f"wof:{r['wof_id']}", kind, name_en, name_ar, [], float(r["lat"]), float(r["lon"]), country, iso,
              importance=imp, src_ids=[f"wof:{r['wof_id']}"], source="wof")
    p.add_names(r["name"], *all_names)
    if cc == "lb":
        # Lebanese names are romanised the French way ("Aita ech Chaab"); English news writes
        # sh ("Aita al-Shaab").
        p.add_names(*(n.replace("ch", "sh").replace("Ch", "Sh") for n in [r["name"], *en_names] if "ch" in n.lower()))
    return p


def build_syria(data: Path, units: dict[str, Admin]) -> list[Place]:
    adm2_by_en = {u.en: u for u in units.values() if u.level == 2}
    places: list[Place] = []
    for r in wof_rows(data, "sy"):
        if r["placetype"] not in ("locality", "neighbourhood", "campus") or r["is_current"] == "0":
            continue
        p = wof_place(r, "sy")
        unit = adm2_by_en.get(r["county"])
        if unit is not None:
            p.admin2 = unit.pcode
        places.append(p)
    fill_admin2(places, units)
    return dedupe(places)


def fill_admin2(places: list[Place], units: dict[str, Admin], reference: list[Place] | None = None) -> None:
    """Places WOF left without a district take the majority district of their 7 nearest
    labelled neighbours (borders follow villages better than centroids do)."""
    labelled = [p for p in (reference if reference is not None else places) if p.admin2]
    grid: dict[tuple[int, int], list[Place]] = defaultdict(list)
    for p in labelled:
        grid[(int(p.lat * 10), int(p.lon * 10))].append(p)
    districts = [u for u in units.values() if u.level == 2]
    for p in places:
        if p.admin2:
            continue
        near: list[tuple[float, Place]] = []
        gy, gx = int(p.lat * 10), int(p.lon * 10)
        for dy in range(-2, 3):
            for dx in range(-2, 3):
                for q in grid.get((gy + dy, gx + dx), ()):
                    near.append((km(p.lat, p.lon, q.lat, q.lon), q))
        near.sort(key=lambda t: t[0])
        if near:
            votes = Counter(q.admin2 for _, q in near[:7])
            p.admin2 = votes.most_common(1)[0][0]
        else:
            p.admin2 = min(districts, key=lambda u: km(p.lat, p.lon, u.lat, u.lon)).pcode
        p.source += ";admin2 inferred from nearest villages"


def dedupe(places: list[Place]) -> list[Place]:
    """WOF often holds one village two or three times (GeoNames + another import) a few hundred
    metres apart: merge same-key places closer than 2 km (5 km within one district), keeping
    every name and source id."""
    by_key: dict[tuple, list[Place]] = defaultdict(list)
    out: list[Place] = []
    for p in sorted(places, key=lambda p: (-p.importance, -len(p.name_ar), p.id)):
        # Match on the Arabic name, or on the English one (some duplicates lack Arabic).
        # Admin units and the towns named like them stay apart ("Beirut" governorate and city).
        level = "admin" if p.kind in ("governorate", "district") else "place"
        keys = [(level, "en", en_key(p.name))] + ([(level, *ar_key(p.name_ar))] if p.name_ar else [])
        twin = None
        for key in keys:
            # Same name in the same district a few km apart is the same village imported twice.
            twin = next((q for q in by_key[key] if km(p.lat, p.lon, q.lat, q.lon) <
                         (5.0 if p.admin2 and p.admin2 == q.admin2 else 2.0)), None)
            if twin is not None:
                break
        if twin is None:
            for key in keys:
                by_key[key].append(p)
            out.append(p)
        else:
            twin.add_names(*p.names)
            twin.src_ids += p.src_ids
            if twin.admin2 is None:
                twin.admin2 = p.admin2
            if not twin.name_ar and p.name_ar:
                twin.name_ar = p.name_ar
    return out


def find_seats(places: list[Place], units: dict[str, Admin]) -> None:
    """The seat of each admin unit: the locality in it named like the unit ("مركز X" -> X)."""
    by_key: dict[tuple, list[Place]] = defaultdict(list)
    for p in places:
        for n in p.names:
            if is_arabic(n):
                by_key[ar_key(n)].append(p)
    for u in sorted(units.values(), key=lambda u: u.pcode):
        name = re.sub(r"^(مركز|منطقة|ناحية)\s+", "", u.ar)
        cands = [p for p in by_key.get(ar_key(name), []) if p.admin2 and
                 (p.admin2 == u.pcode or units[p.admin2].parent == u.pcode or p.admin2 == u.parent)]
        if u.level == 1:
            cands = [p for p in cands if units[p.admin2].parent == u.pcode]
        if cands:
            u.seat = max(cands, key=lambda p: (p.importance, p.id))


def assign_admin3(places: list[Place], units: dict[str, Admin]) -> None:
    """Sub-district by the nearest sub-district seat (or centre, where no seat is known)
    within the place's district: the data has no boundaries, so this is an approximation."""
    subs_of: dict[str, list[Admin]] = defaultdict(list)
    for u in units.values():
        if u.level == 3:
            subs_of[u.parent].append(u)
    for p in places:
        if p.admin3 or not p.admin2 or p.coord_quality == "approx":
            continue  # an approximate point (a village placed at its area's point) has no known nahiya
        subs = subs_of.get(p.admin2) or []
        if not subs:
            continue
        own = [u for u in subs if u.seat is p]
        if own:
            p.admin3 = own[0].pcode
            continue

        def dist(u: Admin, p: Place = p) -> float:
            la, lo = (u.seat.lat, u.seat.lon) if u.seat else (u.lat, u.lon)
            return km(p.lat, p.lon, la, lo)

        p.admin3 = min(subs, key=dist).pcode


def admin_places(units: dict[str, Admin]) -> list[Place]:
    kinds = {1: "governorate", 2: "district", 3: "subdistrict"}
    out = []
    for u in sorted(units.values(), key=lambda u: u.pcode):
        lat, lon = (u.seat.lat, u.seat.lon) if u.seat else (u.lat, u.lon)
        p = Place(f"ocha:{u.pcode}", kinds[u.level], u.en, u.ar, [], lat, lon, "Syria", 760,
                  pcode=u.pcode, population=u.population, importance=8.0 - u.level,
                  precision=3 if u.level < 3 else 2, source="ocha;opensyria")
        p.add_names(u.en, u.ar, *u.aliases)
        if u.level == 3 and u.pcode.endswith("00"):
            p.names = [n for n in p.names if n in (u.en, u.ar) or "مركز" in n or "Markaz" in n
                       or "Subdistrict" in n or "ناحية" in n]
        if u.level == 1:
            p.admin1 = u.pcode
        elif u.level == 2:
            p.admin1, p.admin2 = u.parent, u.pcode
        else:
            p.admin2, p.admin3 = u.parent, u.pcode
            p.admin1 = units[u.parent].parent
        out.append(p)
    return out


# ---------------------------------------------------------------- neighbours

def build_neighbours(data: Path) -> list[Place]:
    out: list[Place] = []
    unit_names: dict[str, set[str]] = {}
    for cc in ("iq", "lb", "jo"):
        country, iso = COUNTRIES[cc]
        rows = wof_rows(data, cc)
        unit_names[cc] = {en_key(n) for r in rows if r["placetype"] in ("region", "county")
                          for n in [r["name"], *split_names(r["names_ar"])] if not is_arabic(n)}
        for r in rows:
            if r["is_current"] == "0":
                continue
            pt = r["placetype"]
            if pt == "country":
                continue
            if pt in ("region", "county"):
                p = wof_place(r, cc)
                p.kind = "governorate" if pt == "region" else "district"
                p.importance = 7.0 if pt == "region" else 6.0
                p.precision = 3
                p.admin1 = r["region"] or None
                p.admin2 = r["name"] if pt == "county" else None
                out.append(p)
                continue
            if pt not in ("locality", "neighbourhood"):
                continue
            major = r["is_current"] == "1" or r["gn_feature_code"].startswith("PPLA")
            has_ar = any(is_arabic(n) for n in split_names(r["names_ar"]))
            # Lebanon and Jordan whole; in Iraq every village with an Arabic name in the
            # governorates along the Syrian border (Anbar, Nineveh) and in those where the
            # insurgency is reported (Diyala, Kirkuk, Salah ad-Din, Baghdad), elsewhere district
            # seats and current major places: a report from Diyala is not forced into Syria, and
            # start-up stays small.
            if not (major or cc in ("lb", "jo") or (has_ar and r["region"] in IRAQ_FULL_REGIONS)):
                continue
            p = wof_place(r, cc)
            p.admin1, p.admin2 = r["region"] or None, r["county"] or None
            if (r["is_current"] == "1" and not r["gn_feature_code"].startswith("PPLA") and p.kind == "city"
                    and en_key(p.name) not in unit_names[cc]):
                # outside Syria WOF's "current" flag marks small towns too (Sabha of Jordan);
                # a place named like a district or governorate (Tripoli, Baalbek) stays a city
                p.kind, p.importance = "town", 3.0
            out.append(p)
    return dedupe(out)


# ---------------------------------------------------------------- supplement

def read_supplement(path: Path) -> list[dict]:
    with open(path, encoding="utf-8", newline="") as f:
        rows = []
        for i, r in enumerate(csv.DictReader(line for line in f if not line.startswith("#")), start=2):
            r = {k: (v or "").strip() for k, v in r.items() if k}
            if not r.get("id") or not r.get("source"):
                raise SystemExit(f"{path}:{i}: every row needs an id and a source/reason")
            rows.append(r)
        return rows


def apply_supplement(rows: list[dict], places: dict[str, Place], units: dict[str, Admin], origin: str) -> list[Place]:
    by_name = {}
    for u in units.values():
        by_name[(u.level, u.en)] = u.pcode
    new: list[Place] = []
    country_iso: dict[str, int] = {}  # from the country rows, for the places of that country
    for r in sorted(rows, key=lambda r: r.get("kind") != "country"):
        action = r.get("action") or "add"
        if action == "alias":
            target = places.get(r["id"])
            if target is None:
                raise SystemExit(f"{origin}: alias row for unknown id {r['id']}")
            if r.get("name"):
                target.name = r["name"]
                target.source += ";name set"
            if r.get("name_ar"):
                target.name_ar = r["name_ar"]
            if r.get("kind"):
                target.kind = r["kind"]
            target.add_names(r.get("name", ""), r.get("name_ar", ""), *split_names(r.get("names", "")))
            target.source += f";{origin}: {r['source']}"
            continue
        country = r.get("country") or "Syria"
        iso = {c: i for c, i in COUNTRIES.values()}.get(country) or int(r.get("iso") or 0) or country_iso.get(country)
        if r.get("iso"):
            country_iso[country] = int(r["iso"])
        lat, lon = point_of(r, units, places)
        p = Place(r["id"], r.get("kind") or "village", r.get("name", ""), r.get("name_ar", ""), [], lat, lon,
                  country, iso or 0, coord_quality=r.get("coord_quality") or "exact",
                  importance=float(r.get("importance") or 1.0), source=f"{origin}: {r['source']}")
        p.add_names(p.name, p.name_ar, *split_names(r.get("names", "")))
        if r.get("precision"):
            p.precision = int(r["precision"])
        for level, col in ((1, "admin1"), (2, "admin2"), (3, "admin3")):
            v = r.get(col)
            if not v:
                continue
            if country == "Syria":
                pc = by_name.get((level, v)) or (v if v in units else None)
                if pc is None:
                    raise SystemExit(f"{origin}: row {r['id']}: unknown {col} {v!r} (use the OCHA English name)")
                setattr(p, col, pc)
            else:
                setattr(p, col, v)
        if r.get("point_from") and country == "Syria" and not p.admin1:
            p.admin1, p.admin2 = common_admin(r["point_from"], units)
        new.append(p)
    return new


def _member_point(spec: str, units: dict[str, Admin], places: dict[str, Place]) -> tuple[float, float]:
    how, _, ref = spec.partition(":")
    if ref in units:
        u = units[ref]
        if how == "seat" and u.seat:
            return u.seat.lat, u.seat.lon
        return u.lat, u.lon
    p = places.get(ref)
    if p is None:
        raise SystemExit(f"point_from: unknown reference {spec!r}")
    return p.lat, p.lon


def point_of(r: dict, units: dict[str, Admin], places: dict[str, Place]) -> tuple[float, float]:
    if r.get("lat") and r.get("lon"):
        return float(r["lat"]), float(r["lon"])
    specs = r.get("point_from", "").split()
    if not specs:
        raise SystemExit(f"supplement row {r['id']}: needs lat/lon or point_from")
    pts = [_member_point(s, units, places) for s in specs]
    return round(sum(p[0] for p in pts) / len(pts), 5), round(sum(p[1] for p in pts) / len(pts), 5)


def common_admin(specs: str, units: dict[str, Admin]) -> tuple[str | None, str | None]:
    chains = []
    for s in specs.split():
        ref = s.partition(":")[2]
        if ref not in units:
            return None, None
        u = units[ref]
        chain = []
        while u is not None:
            chain.append(u)
            u = units.get(u.parent) if u.parent else None
        chains.append({c.level: c.pcode for c in chain})
    a1 = {c.get(1) for c in chains}
    a2 = {c.get(2) for c in chains}
    return (a1.pop() if len(a1) == 1 else None), (a2.pop() if len(a2) == 1 and None not in a2 else None)


# ---------------------------------------------------------------- output

def finalise(places: list[Place], units: dict[str, Admin]) -> None:
    for p in places:
        if p.country != "Syria":
            continue
        if p.admin3 and not p.admin2:
            p.admin2 = units[p.admin3].parent
        if p.admin2 and not p.admin1:
            p.admin1 = units[p.admin2].parent
    # Seats are the towns that give their admin unit its name: they matter more than villages,
    # and they take the unit's OCHA English name ("Thiban", "Sokhneh", "Busra Esh-Sham"), the
    # spelling ACLED uses for admin3, unless the supplement named them (the WOF name stays a name).
    for u in sorted(units.values(), key=lambda u: -u.level):
        if u.seat is not None:
            s = u.seat
            s.importance = max(s.importance, {1: 5.0, 2: 4.0, 3: 3.0}[u.level])
            if s.kind in ("village", "farm"):
                s.kind = "city" if u.level < 3 else "town"
            if u.level == 3 and "name set" not in s.source and not u.en.startswith("Markaz"):
                s.add_names(s.name)
                s.name = u.en
                s.source += ";name set from OCHA admin3"


def _name_cue_words() -> frozenset[str]:
    """Feature words that WOF and Open-Syria sometimes put in front of a name ("قرية X",
    "محافظة X"): recognition reads them as cues, so the key is the name without them."""
    from rasad.geo.recognize import cue_lexicon

    keep = {"countryside", "badia", "camp", "farm", "airport"}  # part of names: "مخيم الهول", "مزرعة X"
    lex = cue_lexicon()
    return frozenset(k[0] for lst in lex.phrases["ar"].values() for k, rv in lst
                     if rv.startswith("cue:") and rv[4:] not in keep and len(k) == 1)


_CUE_WORDS: frozenset[str] | None = None


def strip_cue_word(name: str) -> str:
    global _CUE_WORDS
    if _CUE_WORDS is None:
        _CUE_WORDS = _name_cue_words()
    words = name.split()
    if len(words) > 1 and ar_key(words[0]) and ar_key(words[0])[0] in _CUE_WORDS:
        return " ".join(words[1:])
    return name


def row_of(p: Place, units: dict[str, Admin]) -> list[str]:
    def admin_name(v: str | None) -> str:
        if v is None:
            return ""
        return units[v].en if p.country == "Syria" and v in units else v

    ar_keys, en_keys = [], []
    for n in p.names:
        if is_arabic(n):
            n = strip_cue_word(n)
            for v in sorted(ar_variants(n)):
                k = " ".join(ar_key(v))
                if k and k not in ar_keys:
                    ar_keys.append(k)
        else:
            k = en_key(n)
            if k and k not in en_keys:
                en_keys.append(k)
    return [
        p.id, p.kind, p.name, p.name_ar, "|".join(p.names), "|".join(ar_keys), "|".join(en_keys),
        f"{p.lat:.5f}", f"{p.lon:.5f}", str(p.population or ""), p.country, str(p.iso or ""),
        admin_name(p.admin1), admin_name(p.admin2), admin_name(p.admin3), p.pcode or "",
        f"{p.importance:g}", p.coord_quality, str(p.precision or ""), "|".join(p.src_ids), p.source,
    ]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA, help="folder with the wof_*/ocha/opensyria files")
    ap.add_argument("--supplement", type=Path, default=OUT_DIR / "supplement.csv")
    ap.add_argument("--local", type=Path, action="append", default=[], help="extra CSV of local names (same format)")
    ap.add_argument("--out", type=Path, default=OUT_DIR / "gazetteer.tsv.gz")
    args = ap.parse_args(argv)
    if not (args.data / "wof_sy_places.csv").exists():
        print(f"error: {args.data} has no wof_sy_places.csv; pass --data", file=sys.stderr)
        return 2

    units = load_admin(args.data)
    syria = build_syria(args.data, units)
    find_seats(syria, units)
    admins = admin_places(units)
    neighbours = build_neighbours(args.data)
    countries = [wof_place(r, cc) for cc in COUNTRIES for r in wof_rows(args.data, cc) if r["placetype"] == "country"]
    for c in countries:
        c.kind, c.importance, c.precision = "country", 9.0, 3
    all_places = admins + syria + neighbours + countries
    by_id = {p.id: p for p in all_places}
    for p in all_places:  # alias rows may name a WOF id that dedupe merged into another place
        for sid in p.src_ids:
            by_id.setdefault(sid, p)
    extra: list[Place] = []
    for path, origin in [(args.supplement, "supplement")] + [(p, f"local:{p.name}") for p in args.local]:
        rows = read_supplement(path)
        added = apply_supplement(rows, by_id, units, origin)
        for p in added:
            if p.id in by_id:
                raise SystemExit(f"{origin}: duplicate id {p.id}")
            by_id[p.id] = p
        extra += added
    all_places += extra
    fill_admin2([p for p in extra if p.country == "Syria" and p.kind not in ("region", "country") and not p.admin2],
                units, reference=syria)
    assign_admin3([p for p in all_places if p.country == "Syria" and p.kind not in
                   ("governorate", "district", "region", "country")], units)
    finalise(all_places, units)

    # Plain TSV (no quoting) so the loader can split lines: fields never hold tabs or newlines.
    buf = io.StringIO()
    buf.write("\t".join(COLUMNS) + "\n")
    for p in sorted(all_places, key=lambda p: p.id):
        buf.write("\t".join(re.sub(r"[\t\r\n]+", " ", field) for field in row_of(p, units)) + "\n")
    args.out.parent.mkdir(parents=True, exist_ok=True)
    with open(args.out, "wb") as raw:
        with gzip.GzipFile(fileobj=raw, mode="wb", mtime=0, compresslevel=9) as gz:
            gz.write(buf.getvalue().encode("utf-8"))
    kinds = Counter(p.kind for p in all_places)
    print(f"wrote {args.out} ({args.out.stat().st_size // 1024} KiB): {len(all_places)} places; "
          + ", ".join(f"{k} {n}" for k, n in sorted(kinds.items())))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
