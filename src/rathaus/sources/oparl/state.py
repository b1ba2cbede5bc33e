"""Raw OParl objects and sync progress, kept in the source's own SQLite file.

Import runs in two phases (as meine-stadt-transparent does): raw objects are stored as the
server sent them, then transformed into documents. Keeping them means a transform can run
again (``rathaus reindex``) without refetching, and a crashed sync resumes where it stopped:

* ``raw``       every object by id, with a hash of its JSON and the run that last saw it
* ``deps``      which raw objects each document was built from
* ``dirty``     documents to (re)build: a raw object they depend on changed
* ``file_text`` extracted text of files that had no ``text`` field, per file version
* ``lists``     the next page of each list in the current run (the resume checkpoint)
* ``meta``      the last completed run's start time (for ``modified_since``) and the current run
"""

from __future__ import annotations

import hashlib
import json
import threading
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from rathaus.store import migrations
from rathaus.store.migrations import script
from rathaus.store.sqlitedb import connect, write_transaction

DOCUMENT_TYPES = ("Paper", "Meeting", "Organization")
REF_RUN = "ref:"  # run-column prefix of objects fetched by reference rather than from a list


def _m001(conn: Any) -> None:
    script(conn,
        """
        CREATE TABLE raw (id TEXT PRIMARY KEY, type TEXT NOT NULL, data TEXT NOT NULL, hash TEXT NOT NULL,
                          modified TEXT, deleted INTEGER NOT NULL DEFAULT 0, run TEXT);
        CREATE INDEX raw_type ON raw(type);
        CREATE TABLE deps (document_id TEXT NOT NULL, raw_id TEXT NOT NULL, PRIMARY KEY (document_id, raw_id));
        CREATE INDEX deps_raw ON deps(raw_id);
        CREATE TABLE dirty (document_id TEXT PRIMARY KEY);
        CREATE TABLE file_text (file_id TEXT PRIMARY KEY, version TEXT NOT NULL, status TEXT NOT NULL,
                                pages TEXT NOT NULL DEFAULT '[]', error TEXT);
        CREATE TABLE lists (run TEXT NOT NULL, url TEXT NOT NULL, next_url TEXT, done INTEGER NOT NULL DEFAULT 0,
                            PRIMARY KEY (run, url));
        CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
        """
    )


def object_hash(obj: Any) -> str:
    return hashlib.sha256(json.dumps(obj, sort_keys=True, ensure_ascii=False).encode()).hexdigest()


class SourceState:
    def __init__(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        self.path = path
        self.conn = connect(path)
        self.lock = threading.RLock()
        migrations.apply(self.conn, [("001_initial", _m001)])

    def close(self) -> None:
        self.conn.close()

    def transaction(self) -> Any:
        return write_transaction(self.conn, self.lock)

    # -- meta ------------------------------------------------------------------------
    def get_meta(self, key: str) -> str | None:
        with self.lock:
            row = self.conn.execute("SELECT value FROM meta WHERE key=?", (key,)).fetchone()
        return row[0] if row else None

    def set_meta(self, key: str, value: str | None) -> None:
        with self.transaction() as conn:
            if value is None:
                conn.execute("DELETE FROM meta WHERE key=?", (key,))
            else:
                conn.execute("INSERT OR REPLACE INTO meta VALUES (?,?)", (key, value))

    # -- raw objects -----------------------------------------------------------------
    def put_objects(self, conn: Any, objects: Iterable[tuple[str, str, dict[str, Any]]], run: str) -> int:
        """Upsert (id, type, object) triples inside an open transaction; mark what they affect dirty.

        Returns how many objects were new or changed."""
        changed = 0
        for oid, otype, obj in objects:
            digest = object_hash(obj)
            row = conn.execute("SELECT hash FROM raw WHERE id=?", (oid,)).fetchone()
            deleted = int(bool(obj.get("deleted")))
            if row is not None and row[0] == digest:
                conn.execute("UPDATE raw SET run=? WHERE id=?", (run, oid))
                continue
            conn.execute(
                "INSERT INTO raw(id, type, data, hash, modified, deleted, run) VALUES (?,?,?,?,?,?,?) "
                "ON CONFLICT(id) DO UPDATE SET type=excluded.type, data=excluded.data, hash=excluded.hash, "
                "modified=excluded.modified, deleted=excluded.deleted, run=excluded.run",
                (oid, otype, json.dumps(obj, ensure_ascii=False), digest, obj.get("modified"), deleted, run),
            )
            self._mark_dirty(conn, oid, otype)
            if otype == "Membership" and isinstance(obj.get("organization"), str):
                conn.execute("INSERT OR IGNORE INTO dirty VALUES (?)", (obj["organization"],))
            changed += 1
        return changed

    def _mark_dirty(self, conn: Any, oid: str, otype: str) -> None:
        conn.execute("INSERT OR IGNORE INTO dirty SELECT document_id FROM deps WHERE raw_id=?", (oid,))
        if otype in DOCUMENT_TYPES:
            conn.execute("INSERT OR IGNORE INTO dirty VALUES (?)", (oid,))

    def get(self, oid: str) -> dict[str, Any] | None:
        with self.lock:
            row = self.conn.execute("SELECT data FROM raw WHERE id=?", (oid,)).fetchone()
        return json.loads(row[0]) if row else None

    def get_type(self, oid: str) -> str | None:
        with self.lock:
            row = self.conn.execute("SELECT type FROM raw WHERE id=?", (oid,)).fetchone()
        return row[0] if row else None

    def memberships_of(self, organization_id: str) -> list[dict[str, Any]]:
        with self.lock:
            rows = self.conn.execute("SELECT data FROM raw WHERE type='Membership' AND deleted=0 AND "
                                     "json_extract(data, '$.organization') = ?", (organization_id,)).fetchall()
        return [json.loads(r[0]) for r in rows]

    def ids_of_type(self, otype: str) -> list[str]:
        with self.lock:
            return [i for (i,) in self.conn.execute("SELECT id FROM raw WHERE type=? AND deleted=0", (otype,))]

    def count_by_type(self) -> dict[str, int]:
        with self.lock:
            return dict(self.conn.execute("SELECT type, count(*) FROM raw WHERE deleted=0 GROUP BY type"))

    def sweep_unseen(self, run: str, types: Iterable[str]) -> list[str]:
        """After a complete full run: objects of these types the server no longer lists are gone.

        Objects fetched one by one because another object referenced them (run ``ref:...``) were
        never listed, so not being listed says nothing about them. A type of which this run listed
        nothing at all is left alone: an empty answer (or a 404 taken for one) from a misconfigured
        server must not wipe out everything already indexed."""
        with self.transaction() as conn:
            types = [t for t in types if conn.execute(
                "SELECT 1 FROM raw WHERE type = ? AND run = ? LIMIT 1", (t, run)).fetchone()]
            if not types:
                return []
            marks = ",".join("?" * len(types))
            gone = [(i, t) for i, t in conn.execute(
                f"SELECT id, type FROM raw WHERE type IN ({marks}) AND deleted=0 AND (run IS NULL OR run != ?) "
                f"AND (run IS NULL OR run NOT LIKE '{REF_RUN}%')", [*types, run])]
            for oid, otype in gone:
                # readers look at the object's own "deleted" (as a soft delete sends it); the emptied
                # hash makes the object count as changed should the server list it again
                conn.execute("UPDATE raw SET deleted=1, run=?, hash='', data=json_set(data, '$.deleted', json('true')) "
                             "WHERE id=?", (run, oid))
                self._mark_dirty(conn, oid, otype)
        return [i for i, _ in gone]

    # -- documents -------------------------------------------------------------------
    def dirty_documents(self) -> list[str]:
        with self.lock:
            return [i for (i,) in self.conn.execute("SELECT document_id FROM dirty ORDER BY document_id")]

    def mark_all_dirty(self) -> int:
        with self.transaction() as conn:
            marks = ",".join("?" * len(DOCUMENT_TYPES))
            conn.execute(f"INSERT OR IGNORE INTO dirty SELECT id FROM raw WHERE type IN ({marks})", DOCUMENT_TYPES)
            return conn.execute("SELECT count(*) FROM dirty").fetchone()[0]

    def finish_document(self, document_id: str, deps: Iterable[str]) -> None:
        with self.transaction() as conn:
            conn.execute("DELETE FROM deps WHERE document_id=?", (document_id,))
            conn.executemany("INSERT OR IGNORE INTO deps VALUES (?,?)", [(document_id, d) for d in set(deps)])
            conn.execute("DELETE FROM dirty WHERE document_id=?", (document_id,))

    # -- file texts ------------------------------------------------------------------
    def file_text(self, file_id: str, version: str) -> tuple[str, list[str]] | None:
        with self.lock:
            row = self.conn.execute("SELECT status, pages FROM file_text WHERE file_id=? AND version=?",
                                    (file_id, version)).fetchone()
        return (row[0], json.loads(row[1])) if row else None

    def put_file_text(self, file_id: str, version: str, status: str, pages: list[str], error: str | None) -> None:
        with self.transaction() as conn:
            conn.execute("INSERT OR REPLACE INTO file_text VALUES (?,?,?,?,?)",
                         (file_id, version, status, json.dumps(pages, ensure_ascii=False), error))

    def file_errors(self) -> list[tuple[str, str]]:
        with self.lock:
            return list(self.conn.execute("SELECT file_id, error FROM file_text WHERE status='error'"))

    # -- list checkpoints ------------------------------------------------------------
    def checkpoint(self, conn: Any, run: str, url: str, next_url: str | None) -> None:
        conn.execute("INSERT OR REPLACE INTO lists VALUES (?,?,?,?)", (run, url, next_url, int(next_url is None)))

    def list_position(self, run: str, url: str) -> tuple[str | None, bool] | None:
        with self.lock:
            row = self.conn.execute("SELECT next_url, done FROM lists WHERE run=? AND url=?", (run, url)).fetchone()
        return (row[0], bool(row[1])) if row else None

    def clear_checkpoints(self) -> None:
        with self.transaction() as conn:
            conn.execute("DELETE FROM lists")
