"""The OUTPUT directory of a batch: its manifest, its finished-partition records, atomic writes.

Layout::

    OUTPUT/_manifest.json          what this output is of: inputs, chunking, rasad + KB versions
    OUTPUT/_done/part-00000.json   one per finished partition: its counts (the commit point)
    OUTPUT/events/part-00000.parquet
    OUTPUT/status/part-00000.parquet
    OUTPUT/articles/part-00000.parquet
    OUTPUT/_summary.json           totals of the last run that finished every partition

A partition counts as finished only once its ``_done`` record exists; that record is written after
its three Parquet files, each written under a temporary name and renamed into place, so a job
killed at any moment leaves either a finished partition or one that the next run redoes whole.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import uuid
from pathlib import Path
from typing import Any

import rasad
from rasad.batch.plan import MANIFEST_NAME, Plan
from rasad.record import InputError

MANIFEST = MANIFEST_NAME
DONE_DIR = "_done"
SUMMARY = "_summary.json"
DATASETS = ("events", "status", "articles")
FORMAT_VERSION = 1

# Files whose content decides what extraction finds: a change means old partitions are stale.
_KB_DIRS = ("data", "kb")
_KB_SUFFIXES = (".csv", ".tsv", ".json", ".txt", ".gz", ".sqlite", ".bin", ".yaml", ".yml")


def knowledge_base_hash() -> str:
    """SHA-256 over the package's lexicon, actor and gazetteer files (paths and contents)."""
    root = Path(rasad.__file__).parent
    digest = hashlib.sha256()
    for sub in _KB_DIRS:
        base = root / sub
        if not base.is_dir():
            continue
        for path in sorted(base.rglob("*")):
            if path.is_file() and path.name.lower().endswith(_KB_SUFFIXES):
                digest.update(str(path.relative_to(root)).encode())
                with open(path, "rb") as f:
                    for block in iter(lambda: f.read(1 << 20), b""):
                        digest.update(block)
    return digest.hexdigest()


def expected_manifest(plan: Plan, settings: dict[str, Any]) -> dict[str, Any]:
    return {
        "format": FORMAT_VERSION,
        "rasad_version": rasad.__version__,
        "knowledge_base_sha256": knowledge_base_hash(),
        "input": plan.fingerprint,
        "settings": settings,
        "partitions": [p.to_dict() for p in plan.partitions],
    }


def prepare_output(output: Path, manifest: dict[str, Any], overwrite: bool = False) -> bool:
    """Create OUTPUT or check that it holds this same job; True when resuming an earlier run."""
    path = output / MANIFEST
    if output.exists() and not output.is_dir():
        raise InputError(f"OUTPUT {output} is a file; give a directory for the Parquet dataset")
    if path.exists():
        if overwrite:
            _clear(output)
        else:
            try:
                previous = json.loads(path.read_text(encoding="utf-8"))
            except (OSError, ValueError) as exc:
                raise InputError(f"{path} is unreadable ({exc}); use --overwrite to start this output again") from None
            differences = _differences(previous, manifest)
            if differences:
                raise InputError(
                    f"{output} holds a batch with different {', '.join(differences)}; "
                    "rerun with the original arguments to resume it, choose a new OUTPUT, "
                    "or pass --overwrite to discard it"
                )
            _remove_temporaries(output)
            return True
    elif output.is_dir() and any(output.iterdir()):
        raise InputError(f"OUTPUT {output} exists and is not a rasad batch output; choose an empty or new directory")
    for sub in (*DATASETS, DONE_DIR):
        (output / sub).mkdir(parents=True, exist_ok=True)
    write_json_atomic(path, manifest)
    return False


def _differences(previous: dict[str, Any], current: dict[str, Any]) -> list[str]:
    labels = {
        "format": "output format", "rasad_version": "rasad version",
        "knowledge_base_sha256": "knowledge base (lexicons/gazetteer)", "input": "input files or chunking",
        "settings": "settings", "partitions": "partitioning",
    }
    return [label for key, label in labels.items() if previous.get(key) != current.get(key)]


def _clear(output: Path) -> None:
    for sub in (*DATASETS, DONE_DIR):
        shutil.rmtree(output / sub, ignore_errors=True)
    for name in (MANIFEST, SUMMARY):
        (output / name).unlink(missing_ok=True)


def _remove_temporaries(output: Path) -> None:
    for d in (output, *(output / sub for sub in (*DATASETS, DONE_DIR))):
        if d.is_dir():
            for p in d.glob(".tmp-*"):
                p.unlink(missing_ok=True)


def done_records(output: Path) -> dict[str, dict[str, Any]]:
    """Finished partitions by name, with the counts each one recorded."""
    records: dict[str, dict[str, Any]] = {}
    d = output / DONE_DIR
    if not d.is_dir():
        return records
    for p in sorted(d.glob("part-*.json")):
        try:
            records[p.stem] = json.loads(p.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            continue  # unreadable record: the partition is simply done again
    return records


def temporary_path(final: Path) -> Path:
    # Unique per writer: a task still running for a killed client must not share a name with
    # the rerun's task for the same partition.
    return final.with_name(f".tmp-{uuid.uuid4().hex}-{final.name}")


def commit(tmp: Path, final: Path) -> None:
    with open(tmp, "rb+") as f:
        os.fsync(f.fileno())
    os.replace(tmp, final)


def write_json_atomic(path: Path, data: dict[str, Any]) -> None:
    tmp = temporary_path(path)
    tmp.write_text(json.dumps(data, ensure_ascii=False, indent=1, sort_keys=True), encoding="utf-8")
    commit(tmp, path)
