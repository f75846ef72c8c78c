"""Read the article records of one partition, turning unreadable ones into reasons, not crashes."""

from __future__ import annotations

import gzip
import json
from dataclasses import dataclass
from typing import IO, Any, Iterator

from rasad.batch.plan import Partition

ARTICLE_COLUMNS = ("id", "text", "title", "url", "source", "published", "language")
DEFAULT_MAX_LINE_BYTES = 16 * 1024 * 1024


@dataclass
class SourceRecord:
    offset: int  # byte offset of the line (jsonl), row index in the file (parquet), row number (sql)
    data: dict[str, Any] | None
    problem: str | None = None  # why the record could not be read; data is None then


def read_partition(
    part: Partition, max_line_bytes: int = DEFAULT_MAX_LINE_BYTES, database: tuple[str, str] | None = None
) -> Iterator[SourceRecord]:
    """Records of ``part``; ``database`` is (URL with password, query) for query partitions, kept
    out of the partition itself because partitions are written to the manifest."""
    if part.kind == "jsonl":
        with open(part.source, "rb") as f:
            yield from _jsonl_range(f, part.start, part.stop, max_line_bytes)
    elif part.kind == "jsonl.gz":
        try:
            with gzip.open(part.source, "rb") as f:
                yield from _jsonl_range(f, 0, None, max_line_bytes)
        except (OSError, EOFError) as exc:  # truncated or not really gzip
            yield SourceRecord(-1, None, f"gzip file could not be read to the end ({exc}); recompress it")
    elif part.kind == "parquet":
        yield from _parquet_row_group(part)
    elif part.kind == "sql":
        from rasad.batch.sql_input import read_query_slice

        if database is None:
            raise ValueError("a query partition needs the database URL and query")
        yield from read_query_slice(part, *database)
    else:
        raise ValueError(f"unknown partition kind {part.kind!r}")


def _jsonl_range(f: IO[bytes], start: int, stop: int | None, max_line_bytes: int) -> Iterator[SourceRecord]:
    pos = 0
    if start > 0:
        # The line holding byte start-1 belongs to the previous partition: skip to its end.
        f.seek(start - 1)
        pos = start - 1 + _skip_line(f)
    while stop is None or pos < stop:
        line, size = _read_line(f, max_line_bytes)
        if size == 0:
            break
        offset = pos
        pos += size
        if line is None:
            yield SourceRecord(offset, None, f"line longer than {max_line_bytes} bytes (not an article record)")
            continue
        yield from _decode_line(line, offset)


def _skip_line(f: IO[bytes]) -> int:
    skipped = 0
    while True:
        piece = f.readline(1 << 20)
        skipped += len(piece)
        if not piece or piece.endswith(b"\n"):
            return skipped


def _read_line(f: IO[bytes], limit: int) -> tuple[bytes | None, int]:
    """The next line (None when longer than ``limit``) and its size in bytes, read in bounded pieces."""
    pieces: list[bytes] = []
    size = 0
    too_long = False
    while True:
        piece = f.readline(1 << 20)
        if not piece:
            break
        size += len(piece)
        if not too_long:
            if size > limit:
                too_long = True
                pieces.clear()  # drop what was kept: a huge line must not cost its size in memory
            else:
                pieces.append(piece)
        if piece.endswith(b"\n"):
            break
    return (None if too_long else b"".join(pieces)), size


def _decode_line(line: bytes, offset: int) -> Iterator[SourceRecord]:
    line = line.strip()
    if not line:
        return
    if offset == 0 and line.startswith(b"\xef\xbb\xbf"):
        line = line[3:]
    try:
        text = line.decode("utf-8")
    except UnicodeDecodeError as exc:
        yield SourceRecord(offset, None, f"line is not valid UTF-8 (byte {exc.start}); re-encode the file as UTF-8")
        return
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        yield SourceRecord(offset, None, f"line is not valid JSON ({exc.msg} at column {exc.colno})")
        return
    except RecursionError:
        yield SourceRecord(offset, None, "line is JSON nested too deeply to be an article record")
        return
    if not isinstance(data, dict):
        yield SourceRecord(offset, None, f"line is a JSON {type(data).__name__}, not an object with a 'text' key")
        return
    yield SourceRecord(offset, data)


def _parquet_row_group(part: Partition) -> Iterator[SourceRecord]:
    import pyarrow.parquet as pq

    pf = pq.ParquetFile(part.source)
    columns = [c for c in ARTICLE_COLUMNS if c in pf.schema_arrow.names]
    first_row = sum(pf.metadata.row_group(g).num_rows for g in range(part.start))
    row = first_row
    # Batches keep a large row group from sitting in memory as Python objects all at once.
    for batch in pf.iter_batches(batch_size=256, row_groups=[part.start], columns=columns):
        for record in batch.to_pylist():
            yield SourceRecord(row, record)
            row += 1
