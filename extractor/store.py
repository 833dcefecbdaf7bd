"""The collection: an embedded SQLite database of documents, their articles, facts and audit findings.

Why SQLite: one file a researcher can copy, open in Datasette, pandas or DuckDB, with transactions.
Each document is written in one transaction, so a crash mid-batch loses nothing already stored and
leaves no half document; WAL journalling lets readers read while a batch writes.

A document's identity is its id (the file name's stem, or its manifest id). Ingest is idempotent:
content already stored (same SHA-256) adds nothing; a changed file replaces its own rows and only them.
"""
from __future__ import annotations

import json
import os
import sqlite3
from dataclasses import dataclass, fields
from datetime import datetime, timezone
from pathlib import Path

from .errors import InputError

DEFAULT_DB = "facts.sqlite"
DB_ENV = "BULLETIN_FACTS_DB"

# Every fact field, in the Fact dataclass's order; bbox is stored as JSON text ([x0, top, x1, bottom]).
FACT_COLUMNS = ("doc", "id", "start", "end", "quote", "value", "unit", "base_value", "base_unit", "approx",
                "value_max", "metric", "aspect", "subject", "subject_type", "period", "status", "parent",
                "sentence", "metric_source", "city", "article", "section", "clean_start", "clean_end",
                "page", "bbox")

# The fact fields a wide table can put on its rows or columns.
AXES = ("subject", "metric", "period", "status", "aspect", "doc", "city", "subject_type")

# Schema migrations: MIGRATIONS[n] takes a database from version n to n+1. Never edit a released step;
# add the next one (PRAGMA user_version records where a file stands).
MIGRATIONS = [
    """
    CREATE TABLE documents (
        doc TEXT PRIMARY KEY,            -- the document's id (file stem or manifest id)
        source_path TEXT NOT NULL,       -- where it was read from, as given
        content_hash TEXT NOT NULL,      -- SHA-256 of the file's bytes
        year INTEGER,                    -- the year 今年 means in it
        meta TEXT NOT NULL DEFAULT '{}', -- manifest entry, as JSON
        n_facts INTEGER NOT NULL,
        n_pages INTEGER,                 -- PDFs only
        extractor_version TEXT NOT NULL,
        ingested_at TEXT NOT NULL        -- UTC, ISO 8601
    );
    CREATE INDEX documents_hash ON documents(content_hash);
    CREATE TABLE articles (
        doc TEXT NOT NULL, n INTEGER NOT NULL, kind TEXT, title TEXT, source TEXT, byline TEXT,
        start INTEGER, "end" INTEGER,
        PRIMARY KEY (doc, n)
    );
    CREATE TABLE facts (
        doc TEXT NOT NULL, id TEXT PRIMARY KEY, start INTEGER NOT NULL, "end" INTEGER NOT NULL,
        quote TEXT NOT NULL, value REAL NOT NULL, unit TEXT NOT NULL, base_value REAL, base_unit TEXT,
        approx TEXT, value_max REAL, metric TEXT, aspect TEXT, subject TEXT, subject_type TEXT,
        period TEXT, status TEXT, parent TEXT, sentence TEXT, metric_source TEXT, city TEXT,
        article TEXT, section TEXT, clean_start INTEGER, clean_end INTEGER, page INTEGER, bbox TEXT
    );
    CREATE INDEX facts_doc ON facts(doc);
    CREATE INDEX facts_cell ON facts(subject, metric, period);
    CREATE TABLE findings (
        doc TEXT NOT NULL, n INTEGER NOT NULL, kind TEXT NOT NULL, verdict TEXT NOT NULL,
        arithmetic TEXT, message TEXT, fact_ids TEXT NOT NULL, facts TEXT NOT NULL,
        PRIMARY KEY (doc, n)
    );
    """,
]
SCHEMA_VERSION = len(MIGRATIONS)


def default_path() -> Path:
    return Path(os.environ.get(DB_ENV) or DEFAULT_DB)


@dataclass
class StoredDocument:
    """What ingest writes for one document: built in a worker, written by the one writer."""
    doc: str
    source_path: str
    content_hash: str
    year: int | None
    meta: dict
    facts: list          # Fact objects
    articles: list[dict]
    findings: list[dict]  # Relation.to_dict() of the document's own audit
    n_pages: int | None = None


class Store:
    def __init__(self, path: str | Path, create: bool = True):
        self.path = Path(path)
        if not create and not self.path.exists():
            raise InputError(self.path, "no such database: run `bulletin-facts ingest` first")
        try:
            self.conn = sqlite3.connect(self.path, timeout=30, isolation_level=None)
            self.conn.row_factory = sqlite3.Row
            self.conn.execute("PRAGMA journal_mode=WAL")
            self._migrate()
        except sqlite3.DatabaseError as exc:
            raise InputError(self.path, f"not a bulletin-facts database ({exc})") from None

    # --- schema ---------------------------------------------------------------------------------

    @property
    def version(self) -> int:
        return self.conn.execute("PRAGMA user_version").fetchone()[0]

    def _migrate(self) -> None:
        version = self.version
        if version > SCHEMA_VERSION:
            raise InputError(self.path, f"database schema v{version} is newer than this bulletin-facts "
                                        f"(v{SCHEMA_VERSION}): upgrade bulletin-facts")
        if version == 0 and self._tables() - {"sqlite_sequence"}:
            raise InputError(self.path, "an SQLite database of something else, not a bulletin-facts database")
        for step in range(version, SCHEMA_VERSION):
            with self.transaction():
                if self.version != step:
                    continue  # another process migrated it while we waited for the lock
                for statement in MIGRATIONS[step].split(";"):  # migrations hold no ';' inside strings
                    if statement.strip():
                        self.conn.execute(statement)
                self.conn.execute(f"PRAGMA user_version = {step + 1}")

    def _tables(self) -> set[str]:
        return {r[0] for r in self.conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}

    # --- writing --------------------------------------------------------------------------------

    def transaction(self):
        return _Transaction(self.conn)

    def stored_hash(self, doc: str) -> str | None:
        row = self.conn.execute("SELECT content_hash FROM documents WHERE doc = ?", (doc,)).fetchone()
        return row[0] if row else None

    def has_content(self, content_hash: str) -> bool:
        return self.conn.execute("SELECT 1 FROM documents WHERE content_hash = ? LIMIT 1",
                                 (content_hash,)).fetchone() is not None

    def write(self, stored: StoredDocument, extractor_version: str) -> str:
        """Write one document in one transaction, replacing its earlier rows; 'added' or 'replaced'."""
        with self.transaction():
            replaced = self._delete(stored.doc)
            self.conn.execute(
                "INSERT INTO documents VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (stored.doc, stored.source_path, stored.content_hash, stored.year,
                 json.dumps(stored.meta, ensure_ascii=False, default=str), len(stored.facts), stored.n_pages,
                 extractor_version, datetime.now(timezone.utc).isoformat(timespec="seconds")))
            self.conn.executemany(
                "INSERT INTO articles VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                [(stored.doc, n, a["kind"], a["title"], a["source"], a["byline"], a["start"], a["end"])
                 for n, a in enumerate(stored.articles, start=1)])
            self.conn.executemany(
                f"INSERT INTO facts VALUES ({', '.join('?' * len(FACT_COLUMNS))})",
                [_fact_row(f) for f in stored.facts])
            self.conn.executemany(
                "INSERT INTO findings VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                [(stored.doc, n, r["kind"], r["verdict"], r["arithmetic"], r["message"],
                  json.dumps([f["id"] for f in r["facts"]]), json.dumps(r["facts"], ensure_ascii=False))
                 for n, r in enumerate(stored.findings, start=1)])
        return "replaced" if replaced else "added"

    def _delete(self, doc: str) -> bool:
        existed = self.conn.execute("DELETE FROM documents WHERE doc = ?", (doc,)).rowcount > 0
        for table in ("articles", "facts", "findings"):
            self.conn.execute(f"DELETE FROM {table} WHERE doc = ?", (doc,))
        return existed

    # --- reading --------------------------------------------------------------------------------

    def documents(self) -> list[dict]:
        return [dict(r) for r in self.conn.execute("SELECT * FROM documents ORDER BY doc")]

    def facts(self, exclude_docs: tuple[str, ...] = ()) -> list:
        """Every stored fact as a Fact, in document and text order."""
        from .components.facts import Fact

        rows = self.conn.execute("SELECT * FROM facts ORDER BY doc, start, id")
        return [_fact_from_row(r, Fact) for r in rows if r["doc"] not in exclude_docs]

    def frame(self, sql: str = "SELECT * FROM facts ORDER BY doc, start, id", params=()):
        import pandas as pd

        return pd.read_sql_query(sql, self.conn, params=params)

    def close(self) -> None:
        self.conn.close()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()


class _Transaction:
    """BEGIN IMMEDIATE … COMMIT, rolled back on any exception (Ctrl-C included)."""

    def __init__(self, conn: sqlite3.Connection):
        self.conn = conn

    def __enter__(self):
        self.conn.execute("BEGIN IMMEDIATE")
        return self.conn

    def __exit__(self, exc_type, exc, tb):
        self.conn.execute("ROLLBACK" if exc_type else "COMMIT")
        return False


def _fact_row(fact) -> tuple:
    row = fact.to_dict() if hasattr(fact, "to_dict") else dict(fact)
    row["bbox"] = json.dumps(row["bbox"]) if row.get("bbox") is not None else None
    return tuple(row.get(c) for c in FACT_COLUMNS)


def _fact_from_row(row, fact_type):
    values = dict(row)
    values["bbox"] = json.loads(values["bbox"]) if values["bbox"] else None
    names = {f.name for f in fields(fact_type)}
    return fact_type(**{k: v for k, v in values.items() if k in names})
