"""`rasad batch` on a local two-worker Dask cluster, killed midway (a worker, then the client),
rerun with the same arguments: the output must equal that of an uninterrupted run, byte for byte."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import psutil
import pyarrow.dataset as ds
import pytest

from rasad.batch.corpus import write_corpus

pytestmark = pytest.mark.slow



def _cmd(inp: Path, out: Path) -> list[str]:
    return [
        sys.executable, "-c", "from rasad.cli import main; main()", "batch", str(inp), str(out),
        "--workers", "2", "--chunk-size", "12KB", "--extractor", "fake_rasad_extract:slow_real", "--no-progress",
    ]


def _done(out: Path) -> dict[str, str]:
    d = out / "_done"
    return {p.name: p.read_text() for p in d.glob("part-*.json")} if d.is_dir() else {}


def _files(out: Path) -> dict[str, bytes]:
    return {
        str(p.relative_to(out)): p.read_bytes()
        for sub in ("events", "status", "articles")
        for p in sorted((out / sub).glob("*"))
    }


def _wait(predicate, timeout: float, proc: subprocess.Popen) -> None:
    deadline = time.monotonic() + timeout
    while not predicate():
        if proc.poll() is not None:
            pytest.fail(f"batch exited early with {proc.returncode}: {proc.stderr.read().decode()[-2000:]}")
        if time.monotonic() > deadline:
            pytest.fail("batch made no progress in time")
        time.sleep(0.05)


def _is_dask_worker(p: psutil.Process) -> bool:
    try:
        return "spawn_main" in " ".join(p.cmdline())
    except psutil.Error:  # exited meanwhile
        return False


def _kill_tree(proc: subprocess.Popen) -> None:
    try:
        family = psutil.Process(proc.pid).children(recursive=True)
    except psutil.NoSuchProcess:
        family = []
    os.killpg(proc.pid, signal.SIGKILL)
    proc.wait(timeout=30)
    for p in family:  # anything that left the process group
        try:
            p.kill()
        except psutil.NoSuchProcess:
            pass


def test_killed_batch_resumes_to_identical_output(tmp_path: Path, extractor_dir: Path) -> None:
    inp = tmp_path / "in"
    write_corpus(inp, articles=90, files=2, seed=11, target_bytes=2500, bad_fraction=0.05)

    reference = tmp_path / "uninterrupted"
    run = subprocess.run(_cmd(inp, reference), capture_output=True, timeout=300)
    assert run.returncode == 0, run.stderr.decode()[-3000:]
    total = len(_done(reference))
    assert total >= 12, "the corpus should give many partitions"

    interrupted = tmp_path / "interrupted"
    proc = subprocess.Popen(_cmd(inp, interrupted), stdout=subprocess.PIPE, stderr=subprocess.PIPE, start_new_session=True)
    try:
        _wait(lambda: len(_done(interrupted)) >= 2, 120, proc)
        workers = [p for p in psutil.Process(proc.pid).children(recursive=True) if _is_dask_worker(p)]
        assert len(workers) >= 2, "expected two Dask worker processes"
        workers[0].kill()  # a worker dies mid-partition; Dask gives its task to the other worker
        before = len(_done(interrupted))
        _wait(lambda: len(_done(interrupted)) >= before + 2, 120, proc)
    finally:
        _kill_tree(proc)
    finished_before = _done(interrupted)
    assert 0 < len(finished_before) < total, "the run must be interrupted midway for this test to mean anything"

    rerun = subprocess.run(_cmd(inp, interrupted), capture_output=True, timeout=300)
    assert rerun.returncode == 0, rerun.stderr.decode()[-3000:]
    assert f"{len(finished_before)} of {total} partitions already done" in rerun.stderr.decode()

    after = _done(interrupted)
    for name, record in finished_before.items():
        assert after[name] == record, f"{name} was finished before the kill and must not be redone"
    assert len(after) == total

    got, expected = _files(interrupted), _files(reference)
    assert sorted(got) == sorted(expected)
    assert [name for name in expected if got[name] != expected[name]] == []
    assert not list(interrupted.rglob(".tmp-*")), "temporary files must not survive a completed run"
    summary_ref = json.loads((reference / "_summary.json").read_text())
    summary_int = json.loads((interrupted / "_summary.json").read_text())
    for key in ("articles", "ok", "skipped", "failed", "events", "partitions"):
        assert summary_int[key] == summary_ref[key]

    status = ds.dataset(str(reference / "status")).to_table().to_pylist()
    # Every generated article is read (ok, or failed if extraction raised); bad lines are skipped.
    assert sum(s["status"] in ("ok", "failed") for s in status) == 90
    assert all(s["reason"] for s in status if s["status"] != "ok")
    events = ds.dataset(str(reference / "events")).to_table()
    assert events.num_rows == sum(s["events"] for s in status)
