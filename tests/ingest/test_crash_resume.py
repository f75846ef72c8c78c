"""kill -9 in the middle of a 1,000-article ingest, then a rerun: exactly 1,000 articles and no
duplicated events or event sources."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path
from typing import Iterator

import pytest
import sqlalchemy as sa

from rasad.store.testing import pg_test_database

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


def _count(engine: sa.Engine, table: str) -> int:
    try:
        with engine.connect() as conn:
            return conn.execute(sa.text(f"SELECT count(*) FROM {table}")).scalar() or 0
    except sa.exc.DBAPIError:
        return 0  # not created yet


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'store.sqlite'}"
        return
    with pg_test_database("rasad_t_crash", "test ingest crash recovery on PostgreSQL") as url:
        yield url


@pytest.mark.slow
def test_kill_during_ingest_then_rerun_loses_and_duplicates_nothing(tmp_path: Path, db_url: str) -> None:
    feed = tmp_path / "articles.jsonl"
    with feed.open("w", encoding="utf-8") as f:
        for i in range(N_ARTICLES):
            k = i // 2 if i < N_PAIRED else i
            f.write(json.dumps({"id": f"a{i:04d}", "text": f"report {i} of incident {k} (synthetic)",
                                "published": "2022-12-05", "source": "Synthetic Wire"}) + "\n")
    driver = tmp_path / "driver.py"
    driver.write_text(DRIVER, encoding="utf-8")
    engine = sa.create_engine(db_url)
    env = dict(os.environ, PYTHONPATH=str(Path(__file__).resolve().parents[2]))

    proc = subprocess.Popen([sys.executable, str(driver), db_url, str(feed)], env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 120
    while _count(engine, "articles") < 300 and proc.poll() is None and time.monotonic() < deadline:
        time.sleep(0.02)
    assert proc.poll() is None, f"ingest ended before it could be killed: {proc.communicate()}"
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait(timeout=30)
    killed_at = _count(engine, "articles")
    assert 0 < killed_at < N_ARTICLES, killed_at

    rerun = subprocess.run([sys.executable, str(driver), db_url, str(feed)], env=env,
                           capture_output=True, text=True, timeout=300)
    assert rerun.returncode == 0, rerun.stderr
    new, unchanged, updated, skipped = (int(x) for x in rerun.stdout.split())
    assert (new + unchanged, updated, skipped) == (N_ARTICLES, 0, 0)
    assert unchanged >= killed_at - 1  # everything committed before the kill was kept

    with engine.connect() as conn:
        def one(sql: str) -> int:
            return conn.execute(sa.text(sql)).scalar()

        assert one("SELECT count(*) FROM articles") == N_ARTICLES
        assert one("SELECT count(*) FROM events") == N_ARTICLES - N_PAIRED // 2
        assert one("SELECT count(*) FROM event_sources") == N_ARTICLES
        assert one("SELECT count(*) FROM (SELECT article_id FROM event_sources GROUP BY article_id HAVING count(*) > 1) d") == 0
        assert one("SELECT count(*) FROM events WHERE source_count = 2") == N_PAIRED // 2
    engine.dispose()
