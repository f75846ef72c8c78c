"""Turn a batch INPUT into a fixed, reproducible list of partitions (the unit of work).

A partition is one of:

* a byte range of a JSON Lines file (``chunk_bytes`` long; a line belongs to the partition its
  first byte lies in, so ranges never split or repeat a line and need no scan to plan);
* a whole gzip-compressed JSON Lines file (gzip cannot be entered in the middle);
* one row group of a Parquet file;
* a slice of ``chunk_rows`` rows of a database query, ordered by the article id.

The plan depends only on the input files' names and sizes and on the chunk size, all of which the
manifest records, so a rerun cuts the input exactly as the first run did.
"""

from __future__ import annotations

import glob
import os
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any, Sequence

from rasad.record import InputError

JSONL_SUFFIXES = (".jsonl", ".ndjson", ".json")
GZIP_SUFFIXES = (".jsonl.gz", ".ndjson.gz", ".json.gz")
PARQUET_SUFFIXES = (".parquet", ".pq")
DATABASE_SCHEMES = ("sqlite:", "postgresql:", "postgresql+psycopg:", "postgres:")

MANIFEST_NAME = "_manifest.json"  # marks a batch OUTPUT directory (see rasad.batch.manifest)
DEFAULT_CHUNK_BYTES = 4 * 1024 * 1024
DEFAULT_CHUNK_ROWS = 1000


@dataclass(frozen=True)
class Partition:
    index: int
    kind: str  # "jsonl" | "jsonl.gz" | "parquet" | "sql"
    source: str  # absolute file path, or the database URL without its password
    start: int  # byte offset (jsonl), row group (parquet), row offset (sql); 0 for jsonl.gz
    stop: int  # exclusive end of the same unit

    @property
    def name(self) -> str:
        return f"part-{self.index:05d}"

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> "Partition":
        return cls(**d)


@dataclass(frozen=True)
class InputFile:
    path: str
    size: int
    mtime_ns: int


@dataclass
class Plan:
    partitions: list[Partition]
    fingerprint: dict[str, Any]  # what a rerun must match: files, sizes, mtimes, chunking, query


def is_database_url(spec: str) -> bool:
    return spec.startswith(DATABASE_SCHEMES)


def plan_inputs(
    spec: str | Sequence[str],
    chunk_bytes: int = DEFAULT_CHUNK_BYTES,
    chunk_rows: int = DEFAULT_CHUNK_ROWS,
    query: str | None = None,
) -> Plan:
    """Partitions of ``spec``: directories, files or globs (one or several), or one database URL
    with ``query``."""
    specs = [spec] if isinstance(spec, str) else list(spec)
    if not specs:
        raise InputError("no INPUT given: name a directory, files, a glob or a database URL")
    if chunk_bytes < 1024:
        raise InputError("--chunk-size must be at least 1 KiB")
    if chunk_rows < 1:
        raise InputError("--chunk-rows must be at least 1")
    if any(is_database_url(s) for s in specs):
        if len(specs) > 1:
            raise InputError("a database URL must be the only INPUT")
        if not query:
            raise InputError("a database INPUT needs --query 'SELECT id, text, ... FROM ...'")
        from rasad.batch.sql_input import plan_query

        return plan_query(specs[0], query, chunk_rows)
    if query:
        raise InputError("--query only applies when INPUT is a database URL (sqlite:///…, postgresql://…)")
    files = sorted({f.path: f for s in specs for f in discover_files(s)}.values(), key=lambda f: f.path)
    partitions: list[Partition] = []
    for f in files:
        for kind, start, stop in _cut_file(f, chunk_bytes):
            partitions.append(Partition(len(partitions), kind, f.path, start, stop))
    fingerprint = {
        "kind": "files",
        "files": [asdict(f) for f in files],
        "chunk_bytes": chunk_bytes,
    }
    return Plan(partitions, fingerprint)


def discover_files(spec: str) -> list[InputFile]:
    """Article files named by ``spec`` (directory: every supported file in it, recursively,
    except the files of a batch OUTPUT kept inside it)."""
    path = Path(spec).expanduser()
    if path.is_dir():
        outputs = [m.parent for m in path.rglob(MANIFEST_NAME)]
        candidates = [
            p for p in path.rglob("*")
            if p.is_file() and not p.name.startswith((".", "_")) and _file_kind(p) is not None
            and not any(p.is_relative_to(o) for o in outputs)
        ]
        if not candidates:
            raise InputError(
                f"no article files in {spec}: expected *.jsonl, *.jsonl.gz or *.parquet files"
            )
    elif path.is_file():
        if _file_kind(path) is None:
            raise InputError(
                f"{spec}: unsupported file type; use JSON Lines (.jsonl, .jsonl.gz) or Parquet (.parquet)"
            )
        candidates = [path]
    else:
        matches = [Path(m) for m in glob.glob(os.path.expanduser(spec), recursive=True)]
        candidates = [p for p in matches if p.is_file() and _file_kind(p) is not None]
        if not candidates:
            raise InputError(f"no article files match {spec!r} (a directory, a file or a glob is expected)")
    files = []
    for p in sorted({c.resolve() for c in candidates}):
        st = p.stat()
        files.append(InputFile(str(p), st.st_size, st.st_mtime_ns))
    return files


def _file_kind(path: Path) -> str | None:
    name = path.name.lower()
    if name.endswith(GZIP_SUFFIXES):
        return "jsonl.gz"
    if name.endswith(JSONL_SUFFIXES):
        return "jsonl"
    if name.endswith(PARQUET_SUFFIXES):
        return "parquet"
    return None


def _cut_file(f: InputFile, chunk_bytes: int) -> list[tuple[str, int, int]]:
    kind = _file_kind(Path(f.path))
    if kind == "jsonl":
        if f.size == 0:
            return []
        return [(kind, s, min(s + chunk_bytes, f.size)) for s in range(0, f.size, chunk_bytes)]
    if kind == "jsonl.gz":
        return [(kind, 0, f.size)]
    return [("parquet", g, g + 1) for g in range(_parquet_row_groups(f.path))]


def _parquet_row_groups(path: str) -> int:
    import pyarrow.parquet as pq

    try:
        pf = pq.ParquetFile(path)
    except Exception as exc:  # pyarrow raises several types for a damaged file
        raise InputError(f"{path}: not a readable Parquet file ({exc})") from None
    if "text" not in pf.schema_arrow.names:
        raise InputError(f"{path}: Parquet file has no 'text' column (articles need id and text columns)")
    return pf.num_row_groups
