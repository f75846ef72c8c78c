#!/usr/bin/env python3
"""Geocoding speed: start-up (import + gazetteer load) and time per place after start-up.

Targets (issue 3): start-up < 1 s; loading the gazetteer and geocoding one place < 1 ms after
start-up. Start-up is measured in fresh interpreters (the median of --runs), geocoding over the
accuracy benchmark's phrases and over single-name look-ups.

Run: .venv/bin/python bench/geocode_speed.py [--runs 5]
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

STARTUP = """
import time, resource
t0 = time.perf_counter()
from rasad.geo import get_gazetteer, geocode_phrase
t1 = time.perf_counter()
g = get_gazetteer()
t2 = time.perf_counter()
geocode_phrase("قرية الزر بريف مدينة البصيرة")
t3 = time.perf_counter()
rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
print(t1 - t0, t2 - t1, t3 - t2, len(g), rss)
"""


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--runs", type=int, default=5)
    args = ap.parse_args(argv)

    imports, loads, firsts, rss = [], [], [], []
    for _ in range(args.runs):
        out = subprocess.run([sys.executable, "-c", STARTUP], capture_output=True, text=True, cwd=ROOT, check=True)
        a, b, c, n, r = out.stdout.split()
        imports.append(float(a))
        loads.append(float(b))
        firsts.append(float(c))
        rss.append(int(r))
    print(f"places in gazetteer        {n}")
    print(f"import rasad.geo           {1000 * statistics.median(imports):7.1f} ms (median of {args.runs})")
    print(f"load gazetteer             {1000 * statistics.median(loads):7.1f} ms")
    print(f"start-up total             {1000 * statistics.median(i + l for i, l in zip(imports, loads, strict=True)):7.1f} ms   (target < 1000)")
    print(f"first geocode (cold)       {1000 * statistics.median(firsts):7.2f} ms")
    print(f"peak RSS after start-up    {statistics.median(rss) / 1024:7.1f} MiB")

    from rasad.geo import geocode_phrase, get_gazetteer, resolve_incident
    from rasad.geo.mentions import PlaceMention

    gaz = get_gazetteer()
    cases = [json.loads(line)["phrase"] for line in (ROOT / "bench" / "geocode_cases.jsonl").read_text(encoding="utf-8").splitlines()]
    geocode_phrase(cases[0])
    t = time.perf_counter()
    for _ in range(3):
        for c in cases:
            geocode_phrase(c)
    per_phrase = (time.perf_counter() - t) / (3 * len(cases))
    print(f"geocode one phrase         {1000 * per_phrase:7.3f} ms   (recognition + resolution, {len(cases)} phrases; target < 1)")

    from importlib import resources

    from rasad.document import Document
    from rasad.geo import find_places
    from rasad.record import Article

    seed = resources.files("rasad").joinpath("examples/seed-report-ar.txt").read_text(encoding="utf-8")
    doc = Document(Article(text=seed * 20))
    t = time.perf_counter()
    found = find_places(doc)
    elapsed = time.perf_counter() - t
    print(f"recognition throughput     {len(doc.tokens) / elapsed / 1000:7.1f} k tokens/s "
          f"({len(doc.tokens)} tokens, {len(found)} mentions)")

    names = [p.name_ar for p in gaz.places if p.country == "Syria" and p.name_ar][:2000]
    t = time.perf_counter()
    for name in names:
        places = gaz.lookup_ar(name)
        resolve_incident([PlaceMention(0, len(name), name, candidates=[p.id for p in places])])
    per_name = (time.perf_counter() - t) / len(names)
    print(f"resolve one known name     {1000 * per_name:7.3f} ms   ({len(names)} names; target < 1)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
