"""Articles from a database query, partitioned by row slices in id order."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pyarrow.dataset as ds
import pytest

from rasad.batch.plan import plan_inputs
from rasad.batch.readers import read_partition
from rasad.batch.run import run_batch
from rasad.batch.task import TaskSettings
from rasad.record import InputError


@pytest.fixture
def press_db(tmp_path: Path) -> str:
    path = tmp_path / "press.db"
    with sqlite3.connect(path) as conn:
        conn.execute("CREATE TABLE press (id TEXT, body TEXT, headline TEXT, day TEXT, lang TEXT)")
        conn.executemany(
            "INSERT INTO press VALUES (?, ?, ?, ?, ?)",
            [(f"p{i:03d}", f"مقتل {i} عناصر" if i % 2 else "خبر عادي", f"t{i}", "2021-03-0" + str(i % 9 + 1), "ar")
             for i in range(25)],
        )
        conn.execute("INSERT INTO press VALUES ('p999', '', 'empty', NULL, 'ar')")
    return f"sqlite:///{path}"


QUERY = "SELECT id, body AS text, headline AS title, day AS published, lang AS language FROM press"


def test_query_partitions_read_every_row_once(press_db: str) -> None:
    plan = plan_inputs(press_db, chunk_rows=7, query=QUERY + ";")
    assert [(p.start, p.stop) for p in plan.partitions] == [(0, 7), (7, 14), (14, 21), (21, 26)]
    ids = [r.data["id"] for p in plan.partitions for r in read_partition(p, database=(press_db, QUERY))]
    assert ids == sorted(f"p{i:03d}" for i in range(25)) + ["p999"]
    assert plan.fingerprint["rows"] == 26


def test_query_errors_are_clear(press_db: str, tmp_path: Path) -> None:
    with pytest.raises(InputError, match="must return columns id and text"):
        plan_inputs(press_db, query="SELECT id, body FROM press")
    with pytest.raises(InputError, match="the query failed"):
        plan_inputs(press_db, query="SELECT * FROM no_such_table")
    with pytest.raises(InputError, match="SELECT"):
        plan_inputs(press_db, query="DELETE FROM press")
    with pytest.raises(InputError, match="does not exist"):
        plan_inputs(f"sqlite:///{tmp_path / 'nope.db'}", query=QUERY)


@pytest.mark.slow
def test_batch_over_a_query(press_db: str, tmp_path: Path, extractor_dir: Path) -> None:
    settings = TaskSettings(extractor="fake_rasad_extract:extract")
    summary = run_batch(press_db, tmp_path / "out", workers=1, chunk_rows=10, query=QUERY,
                        settings=settings, progress=False, echo=lambda line: None)
    assert (summary.articles, summary.ok, summary.skipped, summary.events) == (26, 25, 1, 12)
    status = ds.dataset(str(tmp_path / "out" / "status")).to_table().to_pylist()
    assert [s["reason"] for s in status if s["status"] == "skipped"] == [
        "article record has no 'text' (a non-empty string is required)"]
