"""`rasad extract` on good and bad input: one-line errors, exit codes, no tracebacks."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

ARTICLE = "هاجم عناصر داعش حاجزاً لقسد في بلدة ذيبان أمس، ما أدى إلى مقتل عنصرين."


def run(*args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-c", "from rasad.cli import main; main()", "extract", *args],
                          input=stdin, capture_output=True, timeout=120)


def events_of(proc: subprocess.CompletedProcess) -> list[dict]:
    return [json.loads(line) for line in proc.stdout.decode().splitlines() if line.strip()]


def assert_clean_error(proc: subprocess.CompletedProcess, words: str) -> None:
    err = proc.stderr.decode()
    assert proc.returncode != 0
    assert "Traceback" not in err
    assert words in err, err


def test_text_file_with_publication_date(tmp_path: Path):
    f = tmp_path / "a.txt"
    f.write_text(ARTICLE, encoding="utf-8")
    proc = run(str(f), "--published", "2023-03-15")
    assert proc.returncode == 0, proc.stderr.decode()
    (ev,) = events_of(proc)
    assert ev["event_date"] == "2023-03-14" and ev["fatalities"] == 2 and ev["article_ids"] == ["a.txt"]


def test_stdin_and_csv_and_table(tmp_path: Path):
    proc = run("-", "--published", "2023-03-15", stdin=ARTICLE.encode())
    assert len(events_of(proc)) == 1
    proc = run("-", "--format", "csv", "--published", "2023-03-15", stdin=ARTICLE.encode())
    lines = proc.stdout.decode().splitlines()
    assert lines[0].startswith("event_id,event_date") and len(lines) == 2
    proc = run("-", "--format", "table", "--no-bidi", "--published", "2023-03-15", stdin=ARTICLE.encode())
    assert proc.returncode == 0 and "Battles" in proc.stdout.decode() and "1 event(s)" in proc.stdout.decode()


def test_windows_1256_is_detected_and_decoded(tmp_path: Path):
    f = tmp_path / "legacy.txt"
    f.write_bytes(ARTICLE.encode("cp1256"))
    proc = run(str(f), "--published", "2023-03-15")
    assert proc.returncode == 0
    assert "decoded from" in proc.stderr.decode()
    assert len(events_of(proc)) == 1


def test_malformed_json_lines_report_line_numbers_and_go_on(tmp_path: Path):
    f = tmp_path / "mixed.jsonl"
    good = json.dumps({"id": "ok", "text": ARTICLE, "published": "2023-03-15"}, ensure_ascii=False)
    f.write_text(good + "\n{bad json\n" + json.dumps({"title": "no text"}) + "\n", encoding="utf-8")
    proc = run(str(f))
    assert proc.returncode == 0
    err = proc.stderr.decode()
    assert "mixed.jsonl:2" in err and "mixed.jsonl:3" in err
    assert len(events_of(proc)) == 1


@pytest.mark.parametrize("content,words", [(b"", "empty"), (bytes(range(256)) * 8, "binary")])
def test_empty_or_binary_input_is_a_clear_error(tmp_path: Path, content: bytes, words: str):
    f = tmp_path / "bad.txt"
    f.write_bytes(content)
    assert_clean_error(run(str(f)), words)


def test_missing_path_and_bad_date(tmp_path: Path):
    assert_clean_error(run(str(tmp_path / "nope.txt")), "no such file")
    f = tmp_path / "a.txt"
    f.write_text(ARTICLE, encoding="utf-8")
    assert_clean_error(run(str(f), "--published", "2023-13-01"), "is not a date")


def test_huge_file_is_skipped_with_a_reason(tmp_path: Path):
    f = tmp_path / "huge.txt"
    with f.open("w", encoding="utf-8") as out:
        line = ARTICLE + "\n"
        for _ in range(50 * 1024 * 1024 // len(line.encode())):
            out.write(line)
    proc = run(str(f))
    assert_clean_error(proc, "split it")


def test_relative_date_without_publication_date_warns(tmp_path: Path):
    f = tmp_path / "a.txt"
    f.write_text(ARTICLE, encoding="utf-8")
    proc = run(str(f))
    assert proc.returncode == 0
    (ev,) = events_of(proc)
    assert ev["event_date"] is None
    assert "publication date" in proc.stderr.decode()
