"""One partition processed in-process (no Dask): event rows round-trip, statuses, the manifest."""

from __future__ import annotations

import json
from pathlib import Path

import pyarrow.parquet as pq
import pytest

from rasad.batch import tables
from rasad.batch.manifest import done_records, expected_manifest, prepare_output
from rasad.batch.plan import plan_inputs
from rasad.batch.task import TaskSettings, process_partition
from rasad.cli import main
from rasad.record import InputError


def _write_input(path: Path) -> None:
    lines = [
        {"id": "b2", "text": "سطر أول\nمقتل ثلاثة عناصر في هجوم\nمقتل مدني آخر", "published": "2022-12-05", "title": "<b>x</b>"},
        {"id": "a1", "text": "لا شيء هنا"},
        {"id": "c3", "text": "RAISE please"},
        {"id": "d4", "text": "x" * 200},
        {"id": "e5"},
    ]
    path.write_text("\n".join(json.dumps(x, ensure_ascii=False) for x in lines) + "\n{oops\n", encoding="utf-8")


def _run_one(tmp_path: Path, settings: TaskSettings) -> tuple[Path, dict]:
    inp = tmp_path / "in.jsonl"
    _write_input(inp)
    plan = plan_inputs(str(inp))
    out = tmp_path / "out"
    prepare_output(out, expected_manifest(plan, settings.to_dict()))
    counts = process_partition(plan.partitions[0], str(out), settings)
    return out, counts


def test_partition_outputs(tmp_path: Path, extractor_dir: Path) -> None:
    settings = TaskSettings(extractor="fake_rasad_extract:extract", max_chars=100)
    out, counts = _run_one(tmp_path, settings)
    assert {k: counts[k] for k in ("articles", "ok", "skipped", "failed", "events")} == {
        "articles": 6, "ok": 2, "skipped": 3, "failed": 1, "events": 2,
    }
    assert done_records(out)["part-00000"]["events"] == 2

    status = pq.read_table(out / "status" / "part-00000.parquet").to_pylist()
    by_id = {s["article_id"]: s for s in status}
    assert by_id["c3"]["status"] == "failed" and by_id["c3"]["reason"] == "RuntimeError: boom in extraction"
    assert by_id["d4"]["status"] == "skipped" and "longer than 100 characters" in by_id["d4"]["reason"]
    assert by_id["e5"]["status"] == "skipped" and "no 'text'" in by_id["e5"]["reason"]
    assert by_id["b2"]["warnings"] == ["fake warning"] and by_id["b2"]["events"] == 2
    assert status[-1]["reason"].startswith("line is not valid JSON") and status[-1]["article_id"] is None
    assert [s["offset"] for s in status] == sorted(s["offset"] for s in status), "status keeps input order"

    events = pq.read_table(out / "events" / "part-00000.parquet")
    assert events.schema == tables.EVENTS_SCHEMA
    rows = events.to_pylist()
    assert [(r["article_id"], r["event_index"]) for r in rows] == [("b2", 0), ("b2", 1)]
    event = tables.event_from_row(rows[1])
    assert event.assoc_actor_1 == ["B", "C"] and event.civilian_targeting is True and event.latitude == 35.5
    span = event.evidence["trigger"][0]
    text = "سطر أول\nمقتل ثلاثة عناصر في هجوم\nمقتل مدني آخر"
    assert text[span.start:span.end] == span.text == "مقتل" and span.start > 20

    articles = pq.read_table(out / "articles" / "part-00000.parquet").to_pylist()
    assert [a["article_id"] for a in articles] == ["a1", "b2"], "articles sorted by id; only ok ones"
    article = tables.article_from_row(articles[1])
    assert article.published.isoformat() == "2022-12-05" and article.title == "<b>x</b>"


def test_empty_partition_has_full_schema(tmp_path: Path, extractor_dir: Path) -> None:
    inp = tmp_path / "in.jsonl"
    inp.write_text("\n\n{bad\n")
    plan = plan_inputs(str(inp))
    out = tmp_path / "out"
    settings = TaskSettings(extractor="fake_rasad_extract:extract")
    prepare_output(out, expected_manifest(plan, settings.to_dict()))
    counts = process_partition(plan.partitions[0], str(out), settings)
    assert counts["articles"] == 1 and counts["skipped"] == 1
    assert pq.read_table(out / "events" / "part-00000.parquet").schema == tables.EVENTS_SCHEMA


def test_output_refuses_other_jobs(tmp_path: Path) -> None:
    inp = tmp_path / "in.jsonl"
    inp.write_text('{"text": "a"}\n')
    plan = plan_inputs(str(inp))
    out = tmp_path / "out"
    manifest = expected_manifest(plan, TaskSettings().to_dict())
    assert prepare_output(out, manifest) is False
    assert prepare_output(out, manifest) is True
    inp.write_text('{"text": "a changed file"}\n')
    changed = expected_manifest(plan_inputs(str(inp)), TaskSettings().to_dict())
    with pytest.raises(InputError, match="different input files"):
        prepare_output(out, changed)
    (out / "events" / "part-00000.parquet").write_bytes(b"stale")
    assert prepare_output(out, changed, overwrite=True) is False
    assert not (out / "events" / "part-00000.parquet").exists()

    other = tmp_path / "not-a-batch"
    other.mkdir()
    (other / "precious.txt").write_text("keep me")
    with pytest.raises(InputError, match="not a rasad batch output"):
        prepare_output(other, manifest)


def test_cli_errors_are_one_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["batch", str(tmp_path / "missing"), str(tmp_path / "out")])
    assert exit_info.value.code == 2
    err = capsys.readouterr().err.strip()
    assert err.startswith("rasad: error: no article files match") and "\n" not in err

    (tmp_path / "a.jsonl").write_text('{"text": "a"}\n')
    with pytest.raises(SystemExit):
        main(["batch", str(tmp_path / "a.jsonl"), str(tmp_path / "o"), "--extractor", "no_such_module:fn"])
    assert "cannot be imported" in capsys.readouterr().err
    with pytest.raises(SystemExit):
        main(["batch", str(tmp_path / "a.jsonl"), str(tmp_path / "o"), "--chunk-size", "lots"])
    assert "--chunk-size 'lots'" in capsys.readouterr().err
    with pytest.raises(SystemExit):
        main(["batch", str(tmp_path / "a.jsonl"), str(tmp_path / "o"), "--scheduler", "tcp://x:1", "--workers", "2"])
    assert "--workers sizes a local cluster" in capsys.readouterr().err


def test_event_dict_equals_the_contract() -> None:
    from rasad.record import Event, Evidence

    event = Event(event_type="Battles", actor1="A", assoc_actor_1=["B"], assoc_actor_2=["C", "D"], weapons=["w"],
                  fatalities=3, injuries=None, latitude=1.5, article_ids=["x"], confidence=0.25, event_id="e1")
    event.add_evidence("actor1", Evidence("x", 3, 9, "نص دليل"))
    event.add_evidence("actor1", Evidence("x", 12, 15, "آخر"))
    event.add_evidence("fatalities", Evidence("x", 20, 21, "3"))
    assert tables.event_dict(event) == event.to_dict()
    assert tables.event_dict(Event()) == Event().to_dict()
    assert list(tables.event_dict(event)) == list(event.to_dict())


def test_progress_counts_live_reports_then_final_counts() -> None:
    from rasad.batch.progress import BatchProgress

    bar = BatchProgress(total=2, enabled=False)
    bar.running({"partition": "part-00000", "articles": 40})
    bar.running({"partition": "part-00001", "articles": 10})
    bar.running({"partition": "part-00000", "articles": 5})  # a retry after a lost worker restarts
    bar.finished("part-00001", 120)
    bar.running({"partition": "part-00001", "articles": 3})  # late report of a finished partition
    assert sum(bar.articles_by_partition.values()) == 125 and bar.done == {"part-00001"}


def test_hostile_records_are_skipped_not_fatal(tmp_path: Path, extractor_dir: Path) -> None:
    inp = tmp_path / "in.jsonl"
    inp.write_text("\n".join([
        '{"id": "s1", "text": "\\ud800 broken surrogate"}',
        '{"id": "t1", "text": "ok text", "title": 42}',
        '{"id": "u1", "text": "ok text", "url": {"nested": true}}',
        '{"id": "n1", "text": "NUL \\u0000 inside is fine"}',
        '{"id": ["list"], "text": "odd id"}',
        '{"id": "d1", "text": "x", "published": [2022]}',
        '{"id": "b1", "text": "BADTYPE from a buggy extractor"}',
    ]) + "\n", encoding="utf-8")
    plan = plan_inputs(str(inp))
    out = tmp_path / "out"
    settings = TaskSettings(extractor="fake_rasad_extract:extract")
    prepare_output(out, expected_manifest(plan, settings.to_dict()))
    process_partition(plan.partitions[0], str(out), settings)
    status = {s["offset"]: s for s in pq.read_table(out / "status" / "part-00000.parquet").to_pylist()}
    rows = [status[k] for k in sorted(status)]
    assert "invalid Unicode" in rows[0]["reason"]
    assert rows[1]["reason"] == "field 'title' must be a string, not int"
    assert rows[2]["reason"] == "field 'url' must be a string, not dict"
    assert rows[3]["status"] == "ok"
    assert rows[4]["status"] == "ok" and rows[4]["article_id"] == "['list']"
    assert rows[5]["status"] == "skipped" and "publication date" in rows[5]["reason"]
    assert rows[6]["status"] == "failed" and rows[6]["reason"].startswith("events could not be serialised")
