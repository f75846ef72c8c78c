"""Extraction time against article length: it must grow linearly, not quadratically.

    .venv/bin/python bench/long_article.py [--max-copies 300]

Builds articles of 1, 10, 100 and 300 copies of the worked example (about 3.3 KB each) and prints
the seconds per article and per 100 KB. A quadratic step anywhere shows as a per-100 KB time that
grows with length (it did: 164 s for 1 MB before mention lookups used binary search).
"""

from __future__ import annotations

import argparse
import datetime as dt
import time
from importlib import resources

from rasad.extract import extract_article
from rasad.record import Article


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--max-copies", type=int, default=300)
    args = ap.parse_args()
    seed = resources.files("rasad.examples").joinpath("seed-report-ar.txt").read_text(encoding="utf-8")
    extract_article(Article(text=seed, published=dt.date(2022, 12, 5)))  # load the knowledge base
    print(f"{'copies':>7} {'chars':>10} {'seconds':>9} {'s per 100 KB':>13}")
    for copies in (1, 10, 100, args.max_copies):
        text = (seed + "\n") * copies
        t0 = time.perf_counter()
        extract_article(Article(text=text, published=dt.date(2022, 12, 5)))
        took = time.perf_counter() - t0
        print(f"{copies:>7} {len(text):>10,} {took:>9.2f} {took / (len(text) / 100_000):>13.3f}")


if __name__ == "__main__":
    main()
