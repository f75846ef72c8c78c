"""`rasad load`: a batch output into a SQLite store, twice, without duplicates."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from rasad.batch.load import load_output
from rasad.batch.manifest import expected_manifest, prepare_output
from rasad.batch.plan import plan_inputs
from rasad.batch.task import TaskSettings, process_partition
from rasad.cli import main
from rasad.record import InputError
from rasad.store import open_store


def _batch_output(tmp_path: Path, finish_all: bool = True) -> Path:
    inp = tmp_path / "in.jsonl"
    rows = [
        {"id": "r1", "text": "مقتل ثلاثة عناصر في هجوم على حاجز", "url": "https://example.org/1", "published": "2022-12-05"},
        {"id": "r2", "text": "مقتل مدني في قصف\nومقتل آخر", "url": "https://example.org/2"},
        {"id": "r3", "text": "لا حوادث اليوم"},
    ]
    inp.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in rows) + "\n", encoding="utf-8")
    plan = plan_inputs(str(inp), chunk_bytes=1024)
    assert len(plan.partitions) == 1
    settings = TaskSettings(extractor="fake_rasad_extract:extract")
    out = tmp_path / "out"
    prepare_output(out, expected_manifest(plan, settings.to_dict()))
    if finish_all:
        process_partition(plan.partitions[0], str(out), settings)
    return out


def test_load_is_idempotent(tmp_path: Path, extractor_dir: Path) -> None:
    out = _batch_output(tmp_path)
    db = f"sqlite:///{tmp_path / 'store.sqlite'}"
    first = load_output(out, db)
    assert first.articles == {"new": 3} and first.events == 3
    with open_store(db) as store:
        total = store.list_events(page_size=100).total
    assert total >= 1
    second = load_output(out, db)
    assert second.articles == {"unchanged": 3} and second.events == 0
    with open_store(db) as store:
        assert store.list_events(page_size=100).total == total


def test_load_warns_about_unfinished_batch_and_rejects_other_dirs(tmp_path: Path, extractor_dir: Path,
                                                                 capsys: pytest.CaptureFixture[str]) -> None:
    out = _batch_output(tmp_path, finish_all=False)
    summary = load_output(out, f"sqlite:///{tmp_path / 's.sqlite'}")
    assert summary.partitions == 0 and summary.partitions_unfinished == 1
    assert any("not finished" in line for line in summary.lines())
    with pytest.raises(InputError, match="not a rasad batch output"):
        load_output(tmp_path, f"sqlite:///{tmp_path / 's.sqlite'}")
    with pytest.raises(SystemExit) as exit_info:
        main(["load", str(tmp_path), "--db", str(tmp_path / "s.sqlite")])
    assert exit_info.value.code == 2 and "not a rasad batch output" in capsys.readouterr().err


def test_load_rejects_a_damaged_manifest(tmp_path: Path) -> None:
    (tmp_path / "_manifest.json").write_text("{not json")
    with pytest.raises(InputError, match="unreadable"):
        load_output(tmp_path, f"sqlite:///{tmp_path / 's.sqlite'}")
