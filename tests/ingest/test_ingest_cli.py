"""The store's commands end to end: ingest, export, watch, demo --no-serve, serve."""

from __future__ import annotations

import csv
import io
import json
import os
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest

from rasad.cli import main
from rasad.export import ACLED_COLUMNS
from rasad.store import open_store
from rasad.store.synthetic import make_event


def run_cli(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    try:
        main(args)
        code = 0
    except SystemExit as exc:
        code = int(exc.code or 0)
    out, err = capsys.readouterr()
    return code, out, err


def test_ingest_twice_then_export(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = tmp_path / "cli.sqlite"
    batch = tmp_path / "batch.jsonl"
    batch.write_text("\n".join(json.dumps({"id": f"r{i}", "text": f"تقرير رقم {i} عن اشتباك."}, ensure_ascii=False)
                               for i in range(3)) + "\n{broken\n", encoding="utf-8")
    code, out, err = run_cli(["ingest", str(batch), "--db", str(db)], capsys)
    assert code == 0 and "3 new, 0 updated, 0 unchanged" in out and "1 skipped" in out
    assert "not valid JSON" in err
    code, out, _ = run_cli(["ingest", str(batch), "--db", str(db)], capsys)
    assert "0 new, 0 updated, 3 unchanged" in out

    with open_store(str(db)) as store:  # events the extractor may not find yet, loaded directly
        store.save_extracted([make_event(event_id="cli-1", article_ids=["r0"]).to_dict()])
    out_csv = tmp_path / "events.csv"
    code, _, err = run_cli(["export", "--db", str(db), "--format", "acled-csv", "-o", str(out_csv), "--admin1", "Deir ez-Zor"], capsys)
    assert code == 0, err
    rows = list(csv.reader(io.StringIO(out_csv.read_text("utf-8-sig"))))
    assert tuple(rows[0]) == ACLED_COLUMNS
    assert "cli-1" in [r[0] for r in rows[1:]]
    code, out, _ = run_cli(["export", "--db", str(db), "--format", "geojson"], capsys)
    assert json.loads(out)["type"] == "FeatureCollection"


@pytest.mark.parametrize(("args", "message"), [
    (["export", "--start", "last week"], "YYYY-MM-DD"),
    (["export", "--bbox", "1,2"], "four numbers"),
    (["export", "-o", "/no/such/dir/x.csv"], "does not exist"),
    (["watch", "feeds.txt", "--every", "soon"], "interval"),
    (["ingest", "--db", "/no/such/dir/s.sqlite", "x.txt"], "does not exist"),
])
def test_cli_errors_are_one_line(tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch,
                                 args: list[str], message: str) -> None:
    (tmp_path / "feeds.txt").write_text("https://example.org/feed\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    if "--db" not in args:
        args = args + ["--db", str(tmp_path / "err.sqlite")]
    code, _, err = run_cli(args, capsys)
    assert code == 2 and message in err and "Traceback" not in err
    assert err.strip().count("\n") == 0


def test_watch_runs_rounds_over_a_feed_list(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    feed = tmp_path / "feed.xml"
    feed.write_text('<?xml version="1.0"?><rss version="2.0"><channel><title>F</title><item><title>T</title>'
                    '<link>https://news.example/1</link><description>نص الخبر الأول.</description></item></channel></rss>',
                    encoding="utf-8")
    feeds = tmp_path / "feeds.txt"
    feeds.write_text(f"# local test feed\n{feed}\n", encoding="utf-8")
    code, out, err = run_cli(["watch", str(feeds), "--every", "1s", "--rounds", "2", "--db", str(tmp_path / "w.sqlite")], capsys)
    assert code == 0, err
    assert "round 1: 1 new" in out and "round 2: 0 new, 0 updated, 1 unchanged" in out


def test_demo_ingests_bundled_examples(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = tmp_path / "demo.sqlite"
    code, out, err = run_cli(["demo", "--no-serve", "--db", str(db)], capsys)
    assert code == 0, err
    assert "new" in out and "rasad serve" in out
    with open_store(str(db)) as store:
        assert store.counts()["articles"] >= 1
    code, out, _ = run_cli(["demo", "--no-serve", "--db", str(db)], capsys)
    assert "0 new" in out  # a second demo run adds nothing


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.mark.slow
def test_serve_answers_on_loopback(tmp_path: Path) -> None:
    port = _free_port()
    env = dict(os.environ, RASAD_TOKEN="")
    proc = subprocess.Popen([sys.executable, "-c", "from rasad.cli import main; main()", "serve", "--db", str(tmp_path / "s.sqlite"), "--port", str(port)],
                            env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                response = httpx.get(f"http://127.0.0.1:{port}/api/events", timeout=2)
                break
            except httpx.TransportError:
                assert proc.poll() is None, proc.communicate()
                assert time.monotonic() < deadline, "server did not start in 60 s"
                time.sleep(0.2)
        assert response.json() == {"items": [], "total": 0, "page": 1, "page_size": 50}
        assert httpx.get(f"http://127.0.0.1:{port}/docs", timeout=5).status_code == 200
    finally:
        proc.terminate()
        proc.wait(timeout=20)
