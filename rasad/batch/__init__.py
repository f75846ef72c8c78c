"""Batch extraction over many article files on Dask distributed (``rasad batch``), resumable,
and loading of its output into the store (``rasad load``). See ``docs/cluster.md``."""

from __future__ import annotations

__all__ = ["run_batch", "BatchSummary", "TaskSettings"]


def __getattr__(name: str):
    # Lazy: importing rasad.batch (e.g. for the corpus generator) must not import Dask.
    if name in ("run_batch", "BatchSummary"):
        from rasad.batch import run

        return getattr(run, name)
    if name == "TaskSettings":
        from rasad.batch.task import TaskSettings

        return TaskSettings
    raise AttributeError(name)
