"""Ingestion: text, JSON Lines, CSV, HTML and RSS/Atom (files, folders, URLs) into the store.

    report = ingest(["reports/", "https://example.org/feed.xml"], open_store())
"""

from rasad.ingest.readers import Skipped, read_source
from rasad.ingest.run import IngestReport, ingest, ingest_articles

__all__ = ["IngestReport", "Skipped", "ingest", "ingest_articles", "read_source"]
