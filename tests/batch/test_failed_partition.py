"""A partition that fails on every try is reported, the others are kept, the exit status is 1."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from rasad.batch.load import load_output
from rasad.batch.plan import plan_inputs
from rasad.batch.readers import read_partition

pytestmark = pytest.mark.slow


def test_failing_partition_is_reported_and_the_rest_kept(tmp_path: Path, extractor_dir: Path) -> None:
    inp = tmp_path / "in.jsonl"
    lines = [{"id": f"a{i}", "text": ("مقتل عنصر " if i % 2 else "خبر ") + "x" * 900} for i in range(12)]
    lines[7]["text"] = "FATAL " + lines[7]["text"]
    inp.write_text("\n".join(json.dumps(x, ensure_ascii=False) for x in lines) + "\n", encoding="utf-8")
    cmd = [sys.executable, "-c", "from rasad.cli import main; main()", "batch", str(inp), str(tmp_path / "out"),
           "--workers", "1", "--chunk-size", "2KB", "--extractor", "fake_rasad_extract:fatal_on_marker",
           "--no-progress", "--json"]
    run = subprocess.run(cmd, capture_output=True, timeout=300)
    assert run.returncode == 1, run.stderr.decode()[-2000:]
    summary = json.loads(run.stdout)
    assert len(summary["partitions_failed"]) == 1
    failed = summary["partitions_failed"][0]
    assert f"partition {failed} failed: Fatal: this article brings the worker down" in run.stderr.decode()
    failed_part = next(p for p in plan_inputs(str(inp), chunk_bytes=2048).partitions if p.name == failed)
    in_failed = [r.data["id"] for r in read_partition(failed_part)]
    assert "a7" in in_failed
    assert summary["ok"] == summary["articles"] == 12 - len(in_failed), "finished partitions are all counted"
    assert not (tmp_path / "out" / "_done" / f"{failed}.json").exists()
    assert not (tmp_path / "out" / "_summary.json").exists(), "no summary until every partition is done"

    loaded = load_output(tmp_path / "out", f"sqlite:///{tmp_path / 'store.sqlite'}")
    assert loaded.partitions_unfinished == 1 and loaded.partitions == summary["partitions"] - 1
