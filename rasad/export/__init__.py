"""Exports of stored events: ACLED CSV (ACLED's columns and order), GeoJSON, JSON Lines, Parquet."""

from rasad.export.acled import ACLED_COLUMNS, acled_row
from rasad.export.formats import FORMATS, check_format, export_chunks, write_export

__all__ = ["ACLED_COLUMNS", "FORMATS", "acled_row", "check_format", "export_chunks", "write_export"]
