"""Speed of rasad.text.numbers.find_numbers and rasad.text.dates.find_dates on a ~6 KB article.

    .venv/bin/python bench/numbers_dates.py [--bytes 6000] [--repeat 300] [--gold data/gold]

The article is the project's worked example (rasad/examples/seed-report-ar.txt) repeated up to
--bytes characters, plus an English paragraph for the English path. Prints min and median
milliseconds per call for: find_numbers with the Document's tokens (the pipeline's path),
find_numbers on bare text, find_dates with the Document's folded text and find_dates on bare
text. Target: well under 1 ms per function per 6 KB article. On shared cores read the minimum.

With the gold development sets present (data/gold/dev-{ar,en}.jsonl) it also prints how often an
event's gold event_date (and time_precision) is among the dates find_dates returns for its
article, and a gold non-zero fatality/injury figure among the count mentions: upper bounds for
what the extraction core can reach, since choosing the right mention is its job.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import statistics
import time
from importlib import resources
from pathlib import Path
from typing import Callable

from rasad.text.dates import find_dates
from rasad.text.normalize import fold, normalize
from rasad.text.numbers import find_numbers
from rasad.text.tokens import tokenize

_ENGLISH = (
    "Three soldiers were killed and several others wounded on Tuesday when Islamic State gunmen "
    "attacked a military checkpoint on the outskirts of the town, local sources said. The attackers "
    "used machine guns and rocket-propelled grenades before withdrawing towards the desert, and the "
    "security forces later sent reinforcements to the area and closed its main roads. The group has "
    "stepped up its attacks in the region in recent months, exploiting bad weather and fog to move "
    "between its hideouts, according to residents who asked not to be named for fear of reprisals. "
    "A similar ambush two days ago on a convoy near the same road killed a dozen fighters. "
)


def _time(fn: Callable[[], object], repeat: int) -> tuple[float, float]:
    fn()
    samples = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        samples.append(time.perf_counter() - t0)
    return min(samples) * 1000, statistics.median(samples) * 1000


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--bytes", type=int, default=6000)
    parser.add_argument("--repeat", type=int, default=300)
    parser.add_argument("--gold", type=Path, default=Path("data/gold"))
    args = parser.parse_args()
    seed = resources.files("rasad.examples").joinpath("seed-report-ar.txt").read_text(encoding="utf-8")
    arabic = normalize((seed * (args.bytes // len(seed) + 1))[: args.bytes]).text
    english = normalize((_ENGLISH * (args.bytes // len(_ENGLISH) + 1))[: args.bytes]).text
    published = dt.date(2022, 12, 6)
    print(f"load average {os.getloadavg()[0]:.2f}; article {len(arabic)} characters")
    for lang, text in (("ar", arabic), ("en", english)):
        tokens, folded = tokenize(text), fold(text)
        cases: dict[str, Callable[[], object]] = {
            "find_numbers(tokens)": lambda t=text, k=tokens, g=lang: find_numbers(t, k, g),
            "find_numbers(text)": lambda t=text, g=lang: find_numbers(t, lang=g),
            "find_dates(folded)": lambda t=text, g=lang, f=folded: find_dates(t, published, g, folded=f),
            "find_dates(text)": lambda t=text, g=lang: find_dates(t, published, g),
        }
        found = len(find_numbers(text, tokens, lang)), len(find_dates(text, published, lang))
        print(f"[{lang}] {len(tokens)} tokens, {found[0]} numbers, {found[1]} dates")
        for name, fn in cases.items():
            low, median = _time(fn, args.repeat)
            print(f"  {name:22s} min {low:6.3f} ms   median {median:6.3f} ms")
    if args.gold.exists():
        gold_coverage(args.gold)


def gold_coverage(folder: Path) -> None:
    for lang in ("ar", "en"):
        path = folder / f"dev-{lang}.jsonl"
        if not path.exists():
            print(f"[{lang}] no gold file at {path}")
            continue
        events = date_hits = precision_hits = counts = count_hits = small_misses = 0
        for line in path.read_text(encoding="utf-8").splitlines():
            article = json.loads(line)
            text = normalize(article["text"]).text
            published = dt.date.fromisoformat(article["published"]) if article.get("published") else None
            found = {(d.date.isoformat() if d.date else None, d.precision) for d in find_dates(text, published, lang)}
            values = {m.value for m in find_numbers(text, lang=lang) if m.kind == "count"}
            for event in article["events"]:
                events += 1
                date_hits += event.get("event_date") in {date for date, _p in found}
                precision_hits += (event.get("event_date"), event.get("time_precision")) in found
                for key in ("fatalities", "injuries"):
                    if event.get(key):
                        counts += 1
                        count_hits += event[key] in values
                        small_misses += event[key] not in values and event[key] <= 2
        print(f"[{lang}] gold events {events}: event_date among found dates {date_hits} ({date_hits / events:.0%}), "
              f"with its precision {precision_hits} ({precision_hits / events:.0%}); non-zero counts {counts}: "
              f"among count mentions {count_hits} ({count_hits / max(1, counts):.0%}); of the "
              f"{counts - count_hits} others {small_misses} are 1 or 2 (a singular or dual noun, or English "
              "'a', read by the extraction core) and the rest sums of several numbers")


if __name__ == "__main__":
    main()
