"""Load test of the event list endpoint at 100,000 stored events.

Generates synthetic events straight into a SQLite store (bulk insert, no extraction), starts
``rasad serve`` with uvicorn on loopback, then runs a bounded request loop with httpx from a few
client threads and prints requests/second and latency percentiles per query.

    .venv/bin/python bench/api_load.py                 # 100k events, 1,500 requests
    .venv/bin/python bench/api_load.py --events 20000 --requests 300 --db /tmp/x.sqlite
    .venv/bin/python bench/api_load.py --db postgresql+psycopg://user@127.0.0.1:5432/bench   # an empty database

Figures from a run are recorded in bench/README.md.
"""

from __future__ import annotations

import argparse
import random
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import httpx
import sqlalchemy as sa

from rasad.store import open_store
from rasad.store.models import ArticleRow, EventRow, EventSourceRow, utcnow
from rasad.store.records import STORED_EVENT_FIELDS, search_text_of
from rasad.store.store import text_hash
from rasad.store.synthetic import synthetic_article, synthetic_record

QUERIES = {
    "list (newest first)": "/api/events",
    "page 200": "/api/events?page=200&page_size=50",
    "type+admin1": "/api/events?event_type=Battles&admin1=Deir%20ez-Zor",
    "date range": "/api/events?start=2021-03-01&end=2021-03-31",
    "bbox": "/api/events?bbox=39.8,35.0,40.5,35.6",
    "text search (broad)": "/api/events?q=synthetic%20place%2042",
    "text search (one)": "/api/events?q=event%204217.",
    "min_confidence": "/api/events?min_confidence=0.95&sort=-confidence",
}


def populate(db: str, n_events: int, seed: int = 7) -> float:
    store = open_store(db)
    started = time.perf_counter()
    rng = random.Random(seed)
    now = utcnow()
    with store.engine.begin() as conn:
        for chunk_start in range(0, n_events, 5000):
            articles, events, sources = [], [], []
            for i in range(chunk_start, min(n_events, chunk_start + 5000)):
                record = synthetic_record(i, rng)
                article = synthetic_article(i)
                articles.append({"id": article.id, "url": None, "text_hash": text_hash(article.text), "title": article.title,
                                 "source": article.source, "published": None, "language": "en", "encoding_note": None,
                                 "text": article.text, "extraction_warnings": [], "ingested_at": now, "updated_at": now})
                row = {name: record.get(name) for name in STORED_EVENT_FIELDS}
                row.update(id=record["event_id"], review_state="unreviewed", overrides={}, source_count=1,
                           article_ids=[article.id], search_text=search_text_of(record, [article.title or ""]),
                           created_at=now, updated_at=now)
                events.append(row)
                sources.append({"event_id": record["event_id"], "article_id": article.id, "position": 0,
                                "extracted": {k: v for k, v in record.items() if k != "evidence"}, "evidence": {}})
            conn.execute(sa.insert(ArticleRow), articles)
            conn.execute(sa.insert(EventRow), events)
            conn.execute(sa.insert(EventSourceRow), sources)
    with store.engine.begin() as conn:
        conn.exec_driver_sql("ANALYZE")  # fresh statistics, as a long-lived store would have
    store.close()
    return time.perf_counter() - started


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_for(url: str, proc: subprocess.Popen, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise SystemExit(f"server exited: {proc.communicate()[1].decode()[-2000:]}")
        try:
            httpx.get(url, timeout=5)
            return
        except httpx.TransportError:
            time.sleep(0.2)
    raise SystemExit("server did not start")


def hammer(base: str, path: str, n_requests: int, concurrency: int) -> tuple[float, list[float]]:
    latencies: list[float] = []
    lock = threading.Lock()
    per_thread = max(1, n_requests // concurrency)

    def worker() -> None:
        with httpx.Client(base_url=base, timeout=30) as client:
            for _ in range(per_thread):
                t0 = time.perf_counter()
                response = client.get(path)
                elapsed = time.perf_counter() - t0
                if response.status_code != 200:
                    raise SystemExit(f"{path}: HTTP {response.status_code} {response.text[:200]}")
                with lock:
                    latencies.append(elapsed)

    threads = [threading.Thread(target=worker) for _ in range(concurrency)]
    started = time.perf_counter()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return time.perf_counter() - started, latencies


def pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(q * (len(ordered) - 1))))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--events", type=int, default=100_000)
    parser.add_argument("--requests", type=int, default=1500, help="requests for the plain list query")
    parser.add_argument("--concurrency", type=int, default=4)
    parser.add_argument("--db", default=None,
                        help="SQLite file or PostgreSQL URL to use; filled with synthetic events when empty (default: a temp file)")
    args = parser.parse_args()

    tmp = tempfile.TemporaryDirectory()
    db = args.db or str(Path(tmp.name) / "bench.sqlite")
    with open_store(db) as store:
        total = store.counts()["events"]
        shown = store.display_url
    if total == 0:
        seconds = populate(db, args.events)
        print(f"generated {args.events:,} synthetic events into {shown} in {seconds:.1f} s")
        total = args.events
    print(f"store: {shown}, {total:,} events")

    port = free_port()
    proc = subprocess.Popen([sys.executable, "-c", "from rasad.cli import main; main()", "serve", "--db", db,
                             "--port", str(port)], stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    base = f"http://127.0.0.1:{port}"
    try:
        wait_for(f"{base}/api/meta", proc)
        hammer(base, "/api/events", 20, 2)  # warm-up: imports, caches, SQLite pages
        print(f"{'query':<22}{'requests':>9}{'req/s':>9}{'p50 ms':>9}{'p99 ms':>9}  (concurrency {args.concurrency})")
        for name, path in QUERIES.items():
            n = args.requests if name == "list (newest first)" else max(40, args.requests // 10)
            wall, lat = hammer(base, path, n, args.concurrency)
            print(f"{name:<22}{len(lat):>9}{len(lat) / wall:>9.1f}{pct(lat, 0.5) * 1000:>9.1f}{pct(lat, 0.99) * 1000:>9.1f}")
        print(f"mean latency of list: {statistics.mean(lat) * 1000:.1f} ms (last query)")
    finally:
        proc.terminate()
        proc.wait(timeout=20)
        tmp.cleanup()


if __name__ == "__main__":
    main()
