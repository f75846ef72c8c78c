"""Each Dask worker process builds rasad's pipeline (knowledge base, gazetteer) once."""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path

import pyarrow.dataset as ds
import pytest

from rasad.batch.corpus import write_corpus
from rasad.batch.run import run_batch
from rasad.batch.task import TaskSettings

pytestmark = pytest.mark.slow


def test_one_pipeline_per_worker_process(tmp_path: Path, extractor_dir: Path) -> None:
    write_corpus(tmp_path / "in", articles=40, files=1, seed=5, target_bytes=1500)
    summary = run_batch(str(tmp_path / "in"), tmp_path / "out", workers=2, chunk_bytes=4096,
                        settings=TaskSettings(extractor="fake_rasad_extract:pipeline_identity"),
                        progress=False, echo=lambda line: None)
    assert summary.ok == 40 and summary.partitions >= 8
    pipelines = defaultdict(set)
    for row in ds.dataset(str(tmp_path / "out" / "status")).to_table().to_pylist():
        pid, pipeline = row["warnings"][0].split(":")
        pipelines[pid].add(pipeline)
    assert pipelines and all(len(ids) == 1 for ids in pipelines.values())
    assert len(pipelines) <= 2
