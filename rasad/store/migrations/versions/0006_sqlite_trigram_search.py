"""Trigram full-text index for the text search on SQLite

``q`` is a substring match on ``events.search_text``. FTS5's trigram tokenizer answers
``LIKE '%…%'`` from an index. The index hangs off ``event_search``, whose INTEGER PRIMARY KEY is
stable (the rowids of ``events``, keyed by a text id, may change on VACUUM); triggers keep both
in step with ``events``. Skipped where SQLite lacks FTS5 or the trigram tokenizer (< 3.34): the
search then scans, as before.

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-25
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None

STATEMENTS = (
    "CREATE TABLE event_search (seq INTEGER PRIMARY KEY, event_id TEXT NOT NULL UNIQUE, search_text TEXT NOT NULL DEFAULT '')",
    "CREATE VIRTUAL TABLE event_search_fts USING fts5(search_text, content='event_search', content_rowid='seq', tokenize='trigram')",
    "CREATE TRIGGER event_search_ai AFTER INSERT ON event_search BEGIN "
    "INSERT INTO event_search_fts(rowid, search_text) VALUES (new.seq, new.search_text); END",
    "CREATE TRIGGER event_search_ad AFTER DELETE ON event_search BEGIN "
    "INSERT INTO event_search_fts(event_search_fts, rowid, search_text) VALUES ('delete', old.seq, old.search_text); END",
    "CREATE TRIGGER event_search_au AFTER UPDATE ON event_search BEGIN "
    "INSERT INTO event_search_fts(event_search_fts, rowid, search_text) VALUES ('delete', old.seq, old.search_text); "
    "INSERT INTO event_search_fts(rowid, search_text) VALUES (new.seq, new.search_text); END",
    "CREATE TRIGGER events_search_ai AFTER INSERT ON events BEGIN "
    "INSERT INTO event_search(event_id, search_text) VALUES (new.id, new.search_text); END",
    "CREATE TRIGGER events_search_ad AFTER DELETE ON events BEGIN "
    "DELETE FROM event_search WHERE event_id = old.id; END",
    "CREATE TRIGGER events_search_au AFTER UPDATE OF id, search_text ON events "
    "WHEN old.id IS NOT new.id OR old.search_text IS NOT new.search_text BEGIN "
    "UPDATE event_search SET event_id = new.id, search_text = new.search_text WHERE event_id = old.id; END",
    "INSERT INTO event_search(event_id, search_text) SELECT id, search_text FROM events",
)


def _trigram_available(bind: sa.engine.Connection) -> bool:
    try:
        with bind.begin_nested():
            bind.exec_driver_sql("CREATE VIRTUAL TABLE temp.rasad_fts_probe USING fts5(x, tokenize='trigram')")
            bind.exec_driver_sql("DROP TABLE temp.rasad_fts_probe")
    except sa.exc.DBAPIError:
        return False
    return True


def upgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name != "sqlite" or not _trigram_available(bind):
        return
    for statement in STATEMENTS:
        bind.exec_driver_sql(statement)


def downgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name != "sqlite":
        return
    for trigger in ("events_search_ai", "events_search_ad", "events_search_au",
                    "event_search_ai", "event_search_ad", "event_search_au"):
        bind.exec_driver_sql(f"DROP TRIGGER IF EXISTS {trigger}")
    bind.exec_driver_sql("DROP TABLE IF EXISTS event_search_fts")
    bind.exec_driver_sql("DROP TABLE IF EXISTS event_search")
