"""Schema of the SQLite store. Add a new function at the end; never edit an applied one."""

from __future__ import annotations

from typing import Any

from rathaus.store.migrations import script


def m001_initial(conn: Any) -> None:
    script(conn,
        """
        CREATE TABLE collections (
            name TEXT PRIMARY KEY,
            classification TEXT NOT NULL CHECK (classification IN ('offen','intern','vertraulich')),
            description TEXT NOT NULL DEFAULT ''
        );
        CREATE TABLE collection_groups (
            collection TEXT NOT NULL REFERENCES collections(name) ON DELETE CASCADE,
            grp TEXT NOT NULL,
            PRIMARY KEY (collection, grp)
        );
        CREATE TABLE documents (
            id TEXT PRIMARY KEY,
            collection TEXT NOT NULL REFERENCES collections(name),
            type TEXT NOT NULL,
            title TEXT NOT NULL,
            reference TEXT,
            date TEXT,
            organizations TEXT NOT NULL DEFAULT '[]',
            meeting_date TEXT,
            result TEXT,
            web_url TEXT,
            source_url TEXT,
            body TEXT,
            modified TEXT,
            content_hash TEXT NOT NULL,
            metadata TEXT NOT NULL DEFAULT '{}',
            indexed_at TEXT NOT NULL
        );
        CREATE INDEX documents_collection ON documents(collection);
        CREATE INDEX documents_date ON documents(date);
        CREATE INDEX documents_type ON documents(type);
        CREATE TABLE document_orgs (
            document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
            value TEXT NOT NULL
        );
        CREATE INDEX document_orgs_doc ON document_orgs(document_id);
        CREATE INDEX document_orgs_value ON document_orgs(value);
        CREATE TABLE chunks (
            id INTEGER PRIMARY KEY,
            document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
            ord INTEGER NOT NULL,
            text TEXT NOT NULL,
            page INTEGER,
            section TEXT,
            file_id TEXT,
            file_name TEXT,
            lead INTEGER NOT NULL DEFAULT 0,
            text_hash TEXT NOT NULL,
            doc_date TEXT,
            UNIQUE (document_id, ord)
        );
        CREATE INDEX chunks_embed_order ON chunks(lead DESC, doc_date DESC);
        CREATE VIRTUAL TABLE chunks_fts USING fts5(
            title, body, content='', contentless_delete=1, tokenize='unicode61 remove_diacritics 2'
        );
        CREATE TABLE chunk_vectors (
            chunk_id INTEGER PRIMARY KEY REFERENCES chunks(id) ON DELETE CASCADE,
            model TEXT NOT NULL,
            vector BLOB NOT NULL
        );
        CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
        """
    )


def m002_chunk_terms(conn: Any) -> None:
    """Keep each chunk's analysed terms, so the in-memory BM25 index builds without re-analysing,
    and count lexical generations, so it knows when it is stale."""
    conn.execute("ALTER TABLE chunks ADD COLUMN terms TEXT")
    conn.execute("INSERT OR IGNORE INTO meta VALUES ('lexical_generation', '0')")


def m003_collection_public(conn: Any) -> None:
    """Publication became its own decision: an *offen* collection is readable by all signed-in staff,
    and by anonymous citizens only when it is also *public*. Collections that existed before were
    all served to citizens when offen, so they stay public."""
    conn.execute("ALTER TABLE collections ADD COLUMN public INTEGER NOT NULL DEFAULT 0")
    conn.execute("UPDATE collections SET public = 1 WHERE classification = 'offen'")


MIGRATIONS = [("001_initial", m001_initial), ("002_chunk_terms", m002_chunk_terms),
              ("003_collection_public", m003_collection_public)]
