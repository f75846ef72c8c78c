"""Writing event records as ACLED CSV, GeoJSON, JSON Lines or Parquet (CLI and API share this)."""

from __future__ import annotations

import csv
import io
import json
from typing import Any, BinaryIO, Iterable, Iterator

from rasad.export.acled import ACLED_COLUMNS, acled_row
from rasad.record import EVENT_KEYS, InputError

FORMATS = {
    "acled-csv": ("text/csv; charset=utf-8", "csv"),
    "geojson": ("application/geo+json", "geojson"),
    "jsonl": ("application/x-ndjson", "jsonl"),
    "parquet": ("application/vnd.apache.parquet", "parquet"),
}


def check_format(fmt: str | None) -> str:
    if fmt not in FORMATS:
        raise InputError(f"format={fmt!r}: use one of {', '.join(FORMATS)}")
    return fmt


def _json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def acled_csv_chunks(records: Iterable[dict[str, Any]]) -> Iterator[bytes]:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    buffer.write("\ufeff")  # spreadsheet programs need the BOM to read Arabic as UTF-8
    writer.writerow(ACLED_COLUMNS)
    for n, record in enumerate(records, 1):
        writer.writerow(acled_row(record))
        if n % 500 == 0:
            yield buffer.getvalue().encode("utf-8")
            buffer.seek(0)
            buffer.truncate()
    yield buffer.getvalue().encode("utf-8")


def jsonl_chunks(records: Iterable[dict[str, Any]]) -> Iterator[bytes]:
    for record in records:
        yield (_json({k: record.get(k) for k in EVENT_KEYS} | {"review_state": record.get("review_state")}) + "\n").encode("utf-8")


def geojson_chunks(records: Iterable[dict[str, Any]]) -> Iterator[bytes]:
    """A FeatureCollection of points; events without coordinates have a null geometry."""
    yield b'{"type":"FeatureCollection","features":['
    first = True
    for record in records:
        lat, lon = record.get("latitude"), record.get("longitude")
        geometry = {"type": "Point", "coordinates": [lon, lat]} if lat is not None and lon is not None else None
        properties = {k: record.get(k) for k in EVENT_KEYS if k not in ("evidence",)} | {"review_state": record.get("review_state")}
        feature = {"type": "Feature", "id": record.get("event_id"), "geometry": geometry, "properties": properties}
        yield (("" if first else ",") + _json(feature)).encode("utf-8")
        first = False
    yield b"]}"


def parquet_bytes(records: Iterable[dict[str, Any]], batch_rows: int = 10_000) -> bytes:
    """The records as one Parquet file (zstd), built batch by batch so memory stays bounded by
    the batch size plus the compressed output."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    columns = [k for k in EVENT_KEYS if k != "evidence"] + ["review_state"]
    types = {
        "time_precision": pa.int8(), "inter1": pa.int8(), "inter2": pa.int8(), "interaction": pa.int16(),
        "civilian_targeting": pa.bool_(), "iso": pa.int16(), "latitude": pa.float64(), "longitude": pa.float64(),
        "geo_precision": pa.int8(), "fatalities": pa.int32(), "injuries": pa.int32(), "confidence": pa.float32(),
        "assoc_actor_1": pa.list_(pa.string()), "assoc_actor_2": pa.list_(pa.string()), "weapons": pa.list_(pa.string()),
        "article_ids": pa.list_(pa.string()),
    }
    schema = pa.schema([(c, types.get(c, pa.string())) for c in columns])
    sink = io.BytesIO()
    with pq.ParquetWriter(sink, schema, compression="zstd") as writer:
        batch: list[dict[str, Any]] = []

        def flush() -> None:
            writer.write_table(pa.table({c: [r.get(c) for r in batch] for c in columns}, schema=schema))
            batch.clear()

        for record in records:
            batch.append(record)
            if len(batch) >= batch_rows:
                flush()
        if batch or sink.tell() == 0:
            flush()
    return sink.getvalue()


def export_chunks(records: Iterable[dict[str, Any]], fmt: str) -> Iterator[bytes]:
    fmt = check_format(fmt)
    if fmt == "acled-csv":
        yield from acled_csv_chunks(records)
    elif fmt == "geojson":
        yield from geojson_chunks(records)
    elif fmt == "jsonl":
        yield from jsonl_chunks(records)
    else:
        yield parquet_bytes(records)


def write_export(records: Iterable[dict[str, Any]], fmt: str, out: BinaryIO) -> None:
    for chunk in export_chunks(records, fmt):
        out.write(chunk)
