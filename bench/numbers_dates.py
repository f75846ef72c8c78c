"""Speed of rasad.text.numbers.find_numbers and rasad.text.dates.find_dates on a ~6 KB article.

    .venv/bin/python bench/numbers_dates.py [--bytes 6000] [--repeat 300]

The article is the project's worked example (rasad/examples/seed-report-ar.txt) repeated up to
--bytes characters, plus an English paragraph for the English path. Prints min and median
milliseconds per call for: find_numbers with the Document's tokens (the pipeline's path),
find_numbers on bare text, find_dates with the Document's folded text and find_dates on bare
text. Target: well under 1 ms per function per 6 KB article. On shared cores read the minimum.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import statistics
import time
from importlib import resources
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


if __name__ == "__main__":
    main()
