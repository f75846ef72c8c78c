"""Throughput of rasad's extraction, single process and through `rasad batch`, in one run.

    .venv/bin/python bench/throughput.py [--articles 600] [--bytes 6000] [--profile] [--json FILE]

Measures, on one generated corpus of realistic Arabic reports (rasad.batch.corpus):

1. floor: read the JSON Lines, parse, build the Article, normalise the text;
2. document: the floor plus fold and tokenise (the shared Document every component starts from);
3. single process: read + rasad.extract.extract_article, articles/second on one core;
4. `rasad batch` (run_batch) on a local Dask cluster with 1 and then 2 workers: articles/second
   from first submission to last result (cluster start and knowledge-base load reported apart),
   the speed-up 1 -> 2 workers and the peak resident memory of a worker.

Targets (issue 6): extraction within 5x of the floor; speed-up >= 1.8 from 1 to 2 workers; peak
memory per worker < 500 MB. The machine's load average is printed: on shared cores the scaling
figure is only meaningful when the other cores are idle.
"""

from __future__ import annotations

import argparse
import cProfile
import io
import json
import os
import pstats
import resource
import sys
import tempfile
import time
from pathlib import Path

from rasad.batch.corpus import write_corpus
from rasad.batch.run import run_batch
from rasad.document import Document
from rasad.record import Article
from rasad.text.normalize import normalize


def read_articles(paths: list[Path]) -> list[Article]:
    out = []
    for p in paths:
        with open(p, "rb") as f:
            for line in f:
                out.append(Article.from_dict(json.loads(line)))
    return out


def time_floor(paths: list[Path]) -> tuple[float, int]:
    started = time.perf_counter()
    n = 0
    for article in read_articles(paths):
        normalize(article.text)
        n += 1
    return time.perf_counter() - started, n


def time_document(paths: list[Path]) -> float:
    started = time.perf_counter()
    for article in read_articles(paths):
        Document(article)
    return time.perf_counter() - started


def time_extraction(paths: list[Path]) -> tuple[float, float, int]:
    from rasad.batch.task import warm_worker
    from rasad.extract import extract_article

    load_seconds = warm_worker("rasad.extract:extract_article")
    events = 0
    started = time.perf_counter()
    for article in read_articles(paths):
        events += len(extract_article(article).events)
    return time.perf_counter() - started, load_seconds, events


def profile_extraction(paths: list[Path]) -> str:
    """cProfile of a second, separate pass (profiling slows the code down ~2x, so the timed
    pass above runs without it)."""
    from rasad.extract import extract_article

    articles = read_articles(paths)
    profiler = cProfile.Profile()
    profiler.enable()
    for article in articles:
        extract_article(article)
    profiler.disable()
    buf = io.StringIO()
    stats = pstats.Stats(profiler, stream=buf)
    stats.sort_stats("tottime").print_stats(25)
    stats.sort_stats("cumulative").print_stats(30)
    return buf.getvalue()


def time_batch(corpus: Path, workers: int, chunk_bytes: int) -> dict:
    with tempfile.TemporaryDirectory(prefix="rasad-bench-") as tmp:
        started = time.perf_counter()
        summary = run_batch(str(corpus), Path(tmp) / "out", workers=workers, chunk_bytes=chunk_bytes,
                            progress=False, echo=lambda line: None)
        wall = time.perf_counter() - started
    return {
        "workers": workers,
        "articles": summary.articles,
        "events": summary.events,
        "processing_seconds": round(summary.processing_seconds, 3),
        "wall_seconds": round(wall, 3),
        "articles_per_second": round(summary.articles_per_second, 2),
        "peak_worker_rss_mb": summary.peak_worker_rss_mb,
    }


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description="rasad throughput benchmark")
    ap.add_argument("--articles", type=int, default=600)
    ap.add_argument("--bytes", type=int, default=6000, help="approximate article size")
    ap.add_argument("--files", type=int, default=4)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--profile", action="store_true", help="cProfile the single-process path")
    ap.add_argument("--no-batch", action="store_true", help="skip the Dask measurements")
    ap.add_argument("--json", type=Path, help="also write the figures to this file")
    args = ap.parse_args(argv)

    with tempfile.TemporaryDirectory(prefix="rasad-corpus-") as tmp:
        corpus = Path(tmp)
        paths = write_corpus(corpus, args.articles, files=args.files, seed=args.seed, target_bytes=args.bytes)
        size = sum(p.stat().st_size for p in paths)
        # About eight partitions per worker at two workers keeps the tail short.
        chunk_bytes = max(64 * 1024, size // 16)
        print(f"corpus: {args.articles} articles, {size / 1e6:.1f} MB in {len(paths)} files "
              f"(~{size / args.articles / 1000:.1f} KB per article line); load average {os.getloadavg()[0]:.2f}")

        floor_s, n = time_floor(paths)
        doc_s = time_document(paths)
        extract_s, load_s, events = time_extraction(paths)
        figures: dict = {
            "articles": n,
            "corpus_bytes": size,
            "floor_articles_per_second": round(n / floor_s, 1),
            "document_articles_per_second": round(n / doc_s, 1),
            "single_process_articles_per_second_per_core": round(n / extract_s, 1),
            "knowledge_base_load_seconds": round(load_s, 3),
            "events": events,
            "extraction_over_floor": round(extract_s / floor_s, 2),
            "main_process_peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
        }
        print(f"floor (read + parse + normalise): {figures['floor_articles_per_second']:>9.1f} articles/s")
        print(f"document (+ fold + tokenise):     {figures['document_articles_per_second']:>9.1f} articles/s")
        print(f"extraction, one process:          {figures['single_process_articles_per_second_per_core']:>9.1f} articles/s/core "
              f"({events} events; knowledge base loaded in {load_s:.2f} s)")
        print(f"extraction / floor:               {figures['extraction_over_floor']:>9.2f}x  (target <= 5x)")

        if not args.no_batch:
            one = time_batch(corpus, 1, chunk_bytes)
            two = time_batch(corpus, 2, chunk_bytes)
            speedup = two["articles_per_second"] / one["articles_per_second"] if one["articles_per_second"] else 0.0
            figures.update({"batch_1_worker": one, "batch_2_workers": two, "speedup_1_to_2": round(speedup, 2),
                            "scaling_efficiency": round(speedup / 2, 2),
                            "load_average_after": round(os.getloadavg()[0], 2)})
            for r in (one, two):
                print(f"rasad batch, {r['workers']} worker(s):          {r['articles_per_second']:>9.1f} articles/s "
                      f"(processing {r['processing_seconds']:.2f} s, wall {r['wall_seconds']:.2f} s, "
                      f"peak worker RSS {r['peak_worker_rss_mb']:.0f} MB)")
            print(f"speed-up 1 -> 2 workers:          {speedup:>9.2f}x  (target >= 1.8x; efficiency {speedup / 2:.0%})")
            print(f"load average after: {os.getloadavg()[0]:.2f} (other processes on these cores skew scaling)")
        if args.profile:
            print("\n--- cProfile of the single-process path ---")
            print(profile_extraction(paths))
        if args.json:
            args.json.write_text(json.dumps(figures, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
