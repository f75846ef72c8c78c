"""Planning and reading partitions: every record read exactly once, bad records become reasons."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from rasad.batch.plan import plan_inputs
from rasad.batch.readers import read_partition
from rasad.record import InputError


def _records(plan, **kw):
    return [r for part in plan.partitions for r in read_partition(part, **kw)]


@pytest.mark.parametrize("chunk", [1024, 1500, 4096, 1 << 20])
@pytest.mark.parametrize("trailing_newline", [True, False])
def test_byte_ranges_cover_every_line_once(tmp_path: Path, chunk: int, trailing_newline: bool) -> None:
    lines = [json.dumps({"id": f"a{i}", "text": "نص " * (i * 7 % 300 + 1)}, ensure_ascii=False) for i in range(200)]
    body = "\r\n".join(lines) + ("\n" if trailing_newline else "")
    f = tmp_path / "a.jsonl"
    f.write_text(body, encoding="utf-8")
    plan = plan_inputs(str(f), chunk_bytes=chunk)
    got = [r.data["id"] for r in _records(plan)]
    assert got == [f"a{i}" for i in range(200)]
    offsets = [r.offset for r in _records(plan)]
    raw = f.read_bytes()
    assert all(raw[o:o + 8] == b'{"id": "' for o in offsets), "offsets point at the start of each record"


def test_bad_lines_become_reasons(tmp_path: Path) -> None:
    f = tmp_path / "bad.jsonl"
    f.write_bytes(
        b"\xef\xbb\xbf" + json.dumps({"id": "ok1", "text": "x"}).encode() + b"\n"
        b"\n"
        b"{not json\n"
        b"\xff\xfe binary\n"
        b"[1, 2]\n"
        + b"[" * 100000 + b"\n"
        + b'{"text": "' + b"a" * 5000 + b'"}\n'
    )
    plan = plan_inputs(str(f), chunk_bytes=1024)
    records = _records(plan, max_line_bytes=4096)
    assert records[0].data == {"id": "ok1", "text": "x"}
    problems = [r.problem for r in records[1:]]
    assert problems[0].startswith("line is not valid JSON")
    assert problems[1].startswith("line is not valid UTF-8")
    assert problems[2] == "line is a JSON list, not an object with a 'text' key"
    assert problems[3] == "line longer than 4096 bytes (not an article record)"
    assert problems[4] == "line longer than 4096 bytes (not an article record)"
    assert len(records) == 6


def test_gzip_and_parquet_inputs(tmp_path: Path) -> None:
    with gzip.open(tmp_path / "a.jsonl.gz", "wb") as g:
        for i in range(5):
            g.write(json.dumps({"id": f"g{i}", "text": "t"}).encode() + b"\n")
    table = pa.table({"id": [f"p{i}" for i in range(7)], "text": ["نص"] * 7, "extra": list(range(7))})
    pq.write_table(table, tmp_path / "b.parquet", row_group_size=3)
    (tmp_path / "notes.txt").write_text("not an input")
    plan = plan_inputs(str(tmp_path), chunk_bytes=1024)
    assert [p.kind for p in plan.partitions] == ["jsonl.gz", "parquet", "parquet", "parquet"]
    records = _records(plan)
    assert [r.data["id"] for r in records] == [f"g{i}" for i in range(5)] + [f"p{i}" for i in range(7)]
    assert [r.offset for r in records[5:]] == list(range(7))
    assert "extra" not in records[5].data


def test_truncated_gzip_is_a_reason_not_a_crash(tmp_path: Path) -> None:
    data = gzip.compress(b"".join(json.dumps({"id": f"g{i}", "text": "t" * 50}).encode() + b"\n" for i in range(50)))
    (tmp_path / "cut.jsonl.gz").write_bytes(data[: len(data) // 2])
    records = _records(plan_inputs(str(tmp_path)))
    assert records[-1].data is None and "gzip" in records[-1].problem


def test_input_errors_are_clear(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no article files"):
        plan_inputs(str(tmp_path))
    with pytest.raises(InputError, match="no article files match"):
        plan_inputs(str(tmp_path / "*.jsonl"))
    (tmp_path / "x.csv").write_text("a,b")
    with pytest.raises(InputError, match="unsupported file type"):
        plan_inputs(str(tmp_path / "x.csv"))
    pq.write_table(pa.table({"body": ["x"]}), tmp_path / "no_text.parquet")
    with pytest.raises(InputError, match="no 'text' column"):
        plan_inputs(str(tmp_path / "no_text.parquet"))
    (tmp_path / "junk.parquet").write_bytes(b"not parquet at all")
    with pytest.raises(InputError, match="not a readable Parquet file"):
        plan_inputs(str(tmp_path / "junk.parquet"))
    with pytest.raises(InputError, match="needs --query"):
        plan_inputs("sqlite:///x.db")


def test_plan_is_reproducible(tmp_path: Path) -> None:
    (tmp_path / "b.jsonl").write_text('{"text": "x"}\n' * 500)
    (tmp_path / "a.jsonl").write_text('{"text": "y"}\n' * 300)
    one, two = plan_inputs(str(tmp_path), chunk_bytes=2048), plan_inputs(str(tmp_path), chunk_bytes=2048)
    assert one.partitions == two.partitions and one.fingerprint == two.fingerprint
    assert one.partitions[0].source.endswith("a.jsonl"), "files are planned in sorted order"
    assert [p.index for p in one.partitions] == list(range(len(one.partitions)))


def test_several_inputs_and_an_output_kept_inside_the_input(tmp_path: Path) -> None:
    (tmp_path / "a.jsonl").write_text('{"text": "a"}\n')
    (tmp_path / "b.jsonl").write_text('{"text": "b"}\n')
    out = tmp_path / "results"
    (out / "articles").mkdir(parents=True)
    (out / "_manifest.json").write_text("{}")
    pq.write_table(pa.table({"article_id": ["x"], "text": ["old output"]}), out / "articles" / "part-00000.parquet")
    plan = plan_inputs(str(tmp_path))
    assert [Path(p.source).name for p in plan.partitions] == ["a.jsonl", "b.jsonl"]
    both = plan_inputs([str(tmp_path / "b.jsonl"), str(tmp_path / "*.jsonl")])
    assert [Path(p.source).name for p in both.partitions] == ["a.jsonl", "b.jsonl"], "deduplicated and sorted"
    with pytest.raises(InputError, match="only INPUT"):
        plan_inputs([str(tmp_path), "sqlite:///x.db"], query="SELECT id, text FROM t")
