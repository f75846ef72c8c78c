"""Articles from a database query: ``rasad batch sqlite:///press.db OUT --query 'SELECT …'``.

The query (written by the operator, never built from article text) must return an ``id`` and a
``text`` column; ``title``, ``url``, ``source``, ``published`` and ``language`` are used when
present. It is wrapped as ``SELECT * FROM (query) AS q ORDER BY q.id LIMIT :rows OFFSET :start``
so every partition is a fixed slice of a fixed order. The fingerprint holds the row count: a
rerun against a table whose rows changed but whose count did not cannot notice the change.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, Iterator

from rasad.batch.plan import Partition, Plan
from rasad.record import InputError

_ENGINES: dict[str, Any] = {}


def _url(url: str) -> str:
    if url.startswith(("postgresql://", "postgres://")):
        return "postgresql+psycopg://" + url.split("://", 1)[1]
    return url


def _engine(url: str):
    import sqlalchemy as sa

    engine = _ENGINES.get(url)
    if engine is None:
        engine = sa.create_engine(_url(url))
        _ENGINES[url] = engine
    return engine


def display_url(url: str) -> str:
    import sqlalchemy as sa

    try:
        return sa.engine.make_url(_url(url)).render_as_string(hide_password=True)
    except Exception:  # an unparsable URL is reported by the caller; never echo a password
        return url.split("@")[-1]


def _clean(query: str) -> str:
    query = query.strip().rstrip(";").strip()
    if not query.lower().startswith(("select", "with")):
        raise InputError("--query must be a SELECT (or WITH … SELECT) statement")
    return query


def plan_query(url: str, query: str, chunk_rows: int) -> Plan:
    import sqlalchemy as sa

    query = _clean(query)
    if url.startswith("sqlite:"):
        path = url.split("///", 1)[-1]
        if path and path != ":memory:" and not Path(path).is_file():
            raise InputError(f"database file {path} does not exist")
    try:
        with _engine(url).connect() as conn:
            columns = list(conn.execute(sa.text(f"SELECT * FROM ({query}) AS q LIMIT 0")).keys())
            missing = {"id", "text"} - set(columns)
            if missing:
                raise InputError(f"--query must return columns id and text (missing: {', '.join(sorted(missing))})")
            rows = conn.execute(sa.text(f"SELECT COUNT(*) FROM ({query}) AS q")).scalar_one()
    except sa.exc.SQLAlchemyError as exc:
        raise InputError(f"the query failed on {display_url(url)}: {str(exc).splitlines()[0]}") from None
    source = display_url(url)
    partitions = [
        Partition(i, "sql", source, start, min(start + chunk_rows, rows))
        for i, start in enumerate(range(0, rows, chunk_rows))
    ]
    fingerprint = {"kind": "query", "database": source, "query": query, "rows": rows, "chunk_rows": chunk_rows}
    return Plan(partitions, fingerprint)


def read_query_slice(part: Partition, url: str, query: str) -> Iterator[Any]:
    import sqlalchemy as sa

    from rasad.batch.readers import SourceRecord

    sql = sa.text(f"SELECT * FROM ({_clean(query)}) AS q ORDER BY q.id LIMIT :rows OFFSET :start")
    with _engine(url).connect() as conn:
        result = conn.execute(sql, {"rows": part.stop - part.start, "start": part.start}).mappings()
        for i, row in enumerate(result):
            yield SourceRecord(part.start + i, dict(row))
