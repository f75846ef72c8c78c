"""kill -9 in the middle of a 1,000-article ingest, then a rerun: exactly 1,000 articles and no
duplicated events or event sources."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

N_ARTICLES = 1000
N_PAIRED = 200  # the first 200 articles report 100 incidents, two reports each

DRIVER = textwrap.dedent('''
    import sys, time
    from rasad.extract.pipeline import ExtractionResult
    from rasad.ingest import ingest
    from rasad.store import open_store
    from rasad.store.synthetic import make_event

    def extractor(article):
        # "report I of incident K": one event per report, placed 11 km apart per incident.
        words = article.text.split()
        i, k = int(words[1]), int(words[4])
        time.sleep(0.002)  # extraction takes time; makes the kill land mid-batch
        return ExtractionResult([make_event(event_id=f"ev-{i}", place_id=f"p{k}", location=f"Place {k}",
                                            latitude=30 + k * 0.1, longitude=40.0, article_ids=[article.id])])

    report = ingest([sys.argv[2]], open_store(sys.argv[1]), extractor=extractor)
    print(report.new, report.unchanged, report.updated, len(report.skipped))
''')


def _count(db: Path, table: str) -> int:
    try:
        with sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=5) as conn:
            return conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
    except sqlite3.OperationalError:
        return 0  # not created yet


@pytest.mark.slow
def test_kill_during_ingest_then_rerun_loses_and_duplicates_nothing(tmp_path: Path) -> None:
    feed = tmp_path / "articles.jsonl"
    with feed.open("w", encoding="utf-8") as f:
        for i in range(N_ARTICLES):
            k = i // 2 if i < N_PAIRED else i
            f.write(json.dumps({"id": f"a{i:04d}", "text": f"report {i} of incident {k} (synthetic)",
                                "published": "2022-12-05", "source": "Synthetic Wire"}) + "\n")
    driver = tmp_path / "driver.py"
    driver.write_text(DRIVER, encoding="utf-8")
    db = tmp_path / "store.sqlite"
    env = dict(os.environ, PYTHONPATH=str(Path(__file__).resolve().parents[2]))

    proc = subprocess.Popen([sys.executable, str(driver), str(db), str(feed)], env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 120
    while _count(db, "articles") < 300 and proc.poll() is None and time.monotonic() < deadline:
        time.sleep(0.02)
    assert proc.poll() is None, f"ingest ended before it could be killed: {proc.communicate()}"
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait(timeout=30)
    killed_at = _count(db, "articles")
    assert 0 < killed_at < N_ARTICLES, killed_at

    rerun = subprocess.run([sys.executable, str(driver), str(db), str(feed)], env=env,
                           capture_output=True, text=True, timeout=300)
    assert rerun.returncode == 0, rerun.stderr
    new, unchanged, updated, skipped = (int(x) for x in rerun.stdout.split())
    assert (new + unchanged, updated, skipped) == (N_ARTICLES, 0, 0)
    assert unchanged >= killed_at - 1  # everything committed before the kill was kept

    with sqlite3.connect(db) as conn:
        assert conn.execute("SELECT count(*) FROM articles").fetchone()[0] == N_ARTICLES
        assert conn.execute("SELECT count(*) FROM events").fetchone()[0] == N_ARTICLES - N_PAIRED // 2
        assert conn.execute("SELECT count(*) FROM event_sources").fetchone()[0] == N_ARTICLES
        duplicated = conn.execute(
            "SELECT count(*) FROM (SELECT article_id FROM event_sources GROUP BY article_id HAVING count(*) > 1)").fetchone()[0]
        assert duplicated == 0
        two_source = conn.execute("SELECT count(*) FROM events WHERE source_count = 2").fetchone()[0]
        assert two_source == N_PAIRED // 2
