#!/usr/bin/env python3
"""Geocoding accuracy over place phrases built from the real place data.

Cases (``bench/geocode_cases.jsonl``) come from the Who's On First Syria file and the OCHA
admin table directly, never from rasad's resolver: a village's Arabic (or English) name put in a
sentence-like phrase with its district and/or governorate as the data gives them, e.g.
"قرية X بريف منطقة Y في محافظة Z". Villages that share their name with another village in a
different district are over-sampled, since those are what context must decide. The expected
answer is the WOF id (and its point and district).

Run:    .venv/bin/python bench/geocode_accuracy.py            # score the case file
        .venv/bin/python bench/geocode_accuracy.py --rebuild  # regenerate the cases (seeded)
Prints: cases, accuracy at the exact place, at admin2 (district), median and 90th-percentile
error in km, and the misses (with --show-misses).
"""

from __future__ import annotations

import argparse
import csv
import json
import random
import statistics
import sys
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

CASES = ROOT / "bench" / "geocode_cases.jsonl"
DATA = Path("/work/shared/data/places")
if not DATA.exists():
    DATA = ROOT.parent / "shared" / "data" / "places"
SEED = 20221205

# Templates naming the district, and (for names unique in their governorate) the governorate only.
AR_DISTRICT = [
    "قرية {name} بريف {district} في محافظة {gov}",
    "في قرية {name} التابعة لمنطقة {district}",
    "في بلدة {name} بمنطقة {district} شمالي سوريا",
]
AR_GOV = ["هجوم على بلدة {name} في ريف {gov}", "قرية {name} بمحافظة {gov}"]
EN_DISTRICT = ["in the village of {name} in {district} district, {gov}", "near {name} in the {district} countryside"]
EN_GOV = ["in {name}, {gov} governorate"]


def _is_arabic(s: str) -> bool:
    return any("\u0600" <= ch <= "\u06ff" for ch in s)


def build_cases(n_unique: int = 220, n_ambiguous: int = 160, n_english: int = 80, n_variants: int = 60,
                n_near: int = 80) -> list[dict]:
    from rasad.text.normalize import fold_raw

    adm2: dict[str, dict] = {}
    adm1_ar: dict[str, str] = {}
    with open(DATA / "ocha_syr_admin3_subdistricts.csv", encoding="utf-8") as f:
        for r in csv.DictReader(f):
            adm2[r["adm2_en"]] = {"ar": r["adm2_ar"].replace("مركز ", ""), "adm1_en": r["adm1_en"], "adm1_ar": r["adm1_ar"]}
            adm1_ar[r["adm1_en"]] = r["adm1_ar"]
    villages = []
    with open(DATA / "wof_sy_places.csv", encoding="utf-8") as f:
        for r in csv.DictReader(f):
            if r["placetype"] != "locality" or r["is_current"] == "0" or r["county"] not in adm2:
                continue
            if r["gn_feature_code"] not in ("PPL", "PPLA3", "PPLA2", ""):
                continue
            ar = [n for n in r["names_ar"].split("|") if _is_arabic(n)]
            if not ar:
                continue
            villages.append({"wof": f"wof:{r['wof_id']}", "name_ar": ar[0], "name_en": r["name"], "lat": float(r["lat"]),
                             "lon": float(r["lon"]), "admin2": r["county"], "ppla": r["gn_feature_code"] in ("PPLA2", "PPLA3"),
                             **adm2[r["county"]]})
    def ar_name_key(name: str) -> str:
        return fold_raw(name).removeprefix("ال")

    def en_name_key(name: str) -> str:
        return "".join(ch for ch in name.lower() if ch.isalnum())

    # Which governorates and districts hold each name (either script): a case may only name the
    # governorate when the name is unique there, and a name twice in one district is skipped,
    # since no context in the phrase could tell those apart.
    where: dict[str, list[dict]] = defaultdict(list)
    for v in villages:
        where["ar:" + ar_name_key(v["name_ar"])].append(v)
        where["en:" + en_name_key(v["name_en"])].append(v)

    def count_in(key: str, field: str, value: str) -> int:
        return sum(1 for x in where[key] if x[field] == value)

    by_name: dict[str, list[dict]] = defaultdict(list)
    for v in villages:
        by_name[ar_name_key(v["name_ar"])].append(v)
    ambiguous = [v for vs in by_name.values() if len({x["admin2"] for x in vs}) > 1 for v in vs
                 if count_in("ar:" + ar_name_key(v["name_ar"]), "admin2", v["admin2"]) == 1]
    unique = [v for vs in by_name.values() if len(vs) == 1 for v in vs]
    rng = random.Random(SEED)
    cases = []

    def add(v: dict, lang: str, group: str) -> None:
        key = ("ar:" + ar_name_key(v["name_ar"])) if lang == "ar" else ("en:" + en_name_key(v["name_en"]))
        gov_unique = count_in(key, "adm1_en", v["adm1_en"]) == 1
        if lang == "ar":
            tpl = rng.choice(AR_DISTRICT + (AR_GOV if gov_unique else []))
            phrase = tpl.format(name=v["name_ar"], district=v["ar"], gov=v["adm1_ar"])
        else:
            tpl = rng.choice(EN_DISTRICT + (EN_GOV if gov_unique else []))
            phrase = tpl.format(name=v["name_en"], district=v["admin2"], gov=v["adm1_en"])
        cases.append({"phrase": phrase, "expect": v["wof"], "admin1": v["adm1_en"], "admin2": v["admin2"],
                      "lat": v["lat"], "lon": v["lon"], "group": group, "lang": lang})

    for v in rng.sample(unique, n_unique):
        add(v, "ar", "unique")
    for v in rng.sample(ambiguous, n_ambiguous):
        add(v, "ar", "same-name")
    latin = [v for v in villages if v["name_en"] and not _is_arabic(v["name_en"])
             and count_in("en:" + en_name_key(v["name_en"]), "admin2", v["admin2"]) == 1]
    for v in rng.sample(latin, n_english):
        add(v, "en", "english")
    # News spellings: the WOF (GeoNames) transliteration rewritten by fixed rules that English
    # news applies ("Tall" -> "Tal", "Dayr" -> "Deir", "al " -> "al-", "-ah" -> "-a", no ayn marks).
    for v in rng.sample(latin, n_variants):
        w = dict(v, name_en=news_spelling(v["name_en"]))
        if w["name_en"] != v["name_en"]:
            add(w, "en", "english-variant")
    # A nearby town as the only context ("قرب مدينة X"): the town is the nearest district or
    # sub-district seat of the data (PPLA2/PPLA3) within 15 km, named as the data names it.
    seats = [v for v in villages if v["ppla"]]
    near_cases = 0
    for v in rng.sample(ambiguous + unique, len(ambiguous + unique)):
        if near_cases >= n_near or v["ppla"]:
            continue
        town = min(seats, key=lambda t: _km(t, v))
        if _km(town, v) > 15 or ar_name_key(town["name_ar"]) == ar_name_key(v["name_ar"]):
            continue
        same = [x for x in where["ar:" + ar_name_key(v["name_ar"])] if _km(x, town) <= 40]
        if len(same) != 1:
            continue  # another namesake near the same town: the phrase could not decide
        cases.append({"phrase": f"قصف على قرية {v['name_ar']} قرب مدينة {town['name_ar']}", "expect": v["wof"],
                      "admin1": v["adm1_en"], "admin2": v["admin2"], "lat": v["lat"], "lon": v["lon"],
                      "group": "near-town", "lang": "ar"})
        near_cases += 1
    return cases


def news_spelling(name: str) -> str:
    import re

    s = name.replace("`", "").replace("'", "")
    s = re.sub(r"\bTall\b", "Tal", s)
    s = re.sub(r"\bDayr\b", "Deir", s)
    s = re.sub(r"\b(al|an|ar|as|ash|at|az|ad) ", lambda m: m.group(1) + "-", s)
    s = re.sub(r"ah\b", "a", s)
    return s


def _km(a: dict, b: dict) -> float:
    from rasad.geo.gazetteer import km

    return km((a["lat"], a["lon"]), (b["lat"], b["lon"]))


def score(cases: list[dict], show_misses: bool) -> dict:
    from rasad.geo import geocode_phrase, get_gazetteer
    from rasad.geo.gazetteer import km

    gaz = get_gazetteer()
    exact = admin2 = found = 0
    errors: list[float] = []
    per_group: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    misses = []
    t0 = time.perf_counter()
    for c in cases:
        r = geocode_phrase(c["phrase"])
        g = per_group[c["group"]]
        g[1] += 1
        if r is None:
            misses.append((c, None))
            continue
        found += 1
        place = gaz.get(r.place_id) if r.place_id else None
        ok = place is not None and (c["expect"] == place.id or c["expect"] in place.src_ids)
        exact += ok
        g[0] += ok
        admin2 += r.admin2 == c["admin2"]
        errors.append(km((r.latitude, r.longitude), (c["lat"], c["lon"])))
        if not ok:
            misses.append((c, r))
    elapsed = time.perf_counter() - t0
    n = len(cases)
    errors_all = sorted(errors)
    out = {
        "cases": n, "resolved": found, "exact": exact / n, "admin2": admin2 / n,
        "median_km": statistics.median(errors_all) if errors_all else None,
        "p90_km": errors_all[int(0.9 * (len(errors_all) - 1))] if errors_all else None,
        "ms_per_phrase": 1000 * elapsed / max(1, n),
        "groups": {k: f"{v[0]}/{v[1]} ({100 * v[0] / v[1]:.1f}%)" for k, v in per_group.items()},
    }
    if show_misses:
        for c, r in misses:
            got = "nothing" if r is None else f"{r.location} ({r.admin2}, {r.admin1}) [{r.place_id}]"
            print(f"MISS {c['phrase']!r}: want {c['expect']} ({c['admin2']}), got {got}")
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--rebuild", action="store_true", help="regenerate bench/geocode_cases.jsonl from the data")
    ap.add_argument("--show-misses", action="store_true")
    args = ap.parse_args(argv)
    if args.rebuild:
        if not (DATA / "wof_sy_places.csv").exists():
            print(f"error: place data not found at {DATA}", file=sys.stderr)
            return 2
        cases = build_cases()
        with open(CASES, "w", encoding="utf-8") as f:
            for c in cases:
                f.write(json.dumps(c, ensure_ascii=False) + "\n")
        print(f"wrote {len(cases)} cases to {CASES}")
    cases = [json.loads(line) for line in CASES.read_text(encoding="utf-8").splitlines() if line.strip()]
    res = score(cases, args.show_misses)
    print(f"cases {res['cases']}  resolved {res['resolved']}")
    print(f"exact place  {100 * res['exact']:.1f}%   (target >= 90%)")
    print(f"admin2       {100 * res['admin2']:.1f}%   (target >= 97%)")
    print(f"median error {res['median_km']:.2f} km   p90 {res['p90_km']:.2f} km")
    print(f"per group    {res['groups']}")
    print(f"time         {res['ms_per_phrase']:.2f} ms per phrase (recognition + resolution)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
