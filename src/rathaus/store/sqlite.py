"""SQLite store: FTS5 for German lexical search, sqlite-vec for vectors, one file on disk.

Concurrency follows datasette's pattern: every thread gets its own connection, writes are
serialised by a process-wide lock and ``BEGIN IMMEDIATE`` (WAL mode lets readers go on),
and a busy timeout covers a second process (``rathaus sync`` while ``rathaus serve`` runs).

Vectors: float32 vectors live in ``chunk_vectors``; a sqlite-vec ``vec0`` table holds their
binary quantisation, partitioned by collection. A vector search takes the nearest binary
candidates of the visible collections, then re-scores them exactly by cosine similarity
and applies the access rules and filters again in the same statement.
"""

from __future__ import annotations

import contextlib
import json
import logging
import threading
from collections.abc import Iterable, Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import numpy as np

from rathaus.documents import Access, Chunk, ChunkHit, Collection, Document, SearchFilters, sha256
from rathaus.errors import NotFound, StoreError
from rathaus.language.german import index_text
from rathaus.store import migrations
from rathaus.store.base import ChunkRecord, DocumentRecord
from rathaus.store.indexing import chunk_terms, content_hash, embedding_text
from rathaus.store.lexical_memory import MemoryLexicalIndex
from rathaus.store.migrations.sqlite import MIGRATIONS
from rathaus.store.snapshot import SnapshotCache
from rathaus.store.sql import TRUE, access_sql, filter_sql, selective_terms
from rathaus.store.sqlitedb import connect, write_transaction
from rathaus.store.vector_memory import MemoryVectorIndex

log = logging.getLogger(__name__)

TITLE_WEIGHT = 2.0
BODY_WEIGHT = 1.0
_DOC_COLUMNS = ("d.id, d.collection, c2.classification, d.type, d.title, d.reference, d.date, d.organizations, "
                "d.meeting_date, d.result, d.web_url, d.source_url, d.body, d.modified, d.content_hash, d.metadata")
_CHUNK_COLUMNS = "ch.id, ch.document_id, ch.ord, ch.text, ch.page, ch.section, ch.file_id, ch.file_name, ch.lead, ch.text_hash"


def quote_fts(term: str) -> str:
    """Quote one term for an FTS5 MATCH expression, so user input is never FTS syntax."""
    return '"' + term.replace('"', '""') + '"'


class SQLiteStore:
    """The default store. ``SQLiteStore(path)``; ``path=":memory:"`` is not supported (threads)."""

    def __init__(self, path: str | Path, lexical_cache: str = "background", vector_cache: str = "background") -> None:
        self.path = Path(path)
        self.lexical_cache: SnapshotCache[MemoryLexicalIndex] = SnapshotCache("lexical", lexical_cache)
        # Vector hits are re-checked in SQL, so a lagging snapshot may answer while the next is built.
        self.vector_cache: SnapshotCache[MemoryVectorIndex] = SnapshotCache("vector", vector_cache, serve_stale=True)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self._local = threading.local()
        self._write_lock = threading.RLock()
        self._all_conns: list[Any] = []
        migrations.apply(self._conn(), MIGRATIONS)

    @classmethod
    def from_settings(cls, settings: Any) -> SQLiteStore:
        return cls(settings.db_path, lexical_cache=settings.lexical_cache, vector_cache=settings.vector_cache)

    # -- connections -------------------------------------------------------------------
    def _conn(self) -> Any:
        conn = getattr(self._local, "conn", None)
        if conn is None:
            conn = self._local.conn = connect(self.path, extensions=True)
            self._all_conns.append(conn)
        return conn

    def _write(self) -> Any:
        return write_transaction(self._conn(), self._write_lock)

    def close(self) -> None:
        for cache in (self.lexical_cache, self.vector_cache):  # a build in the background reads on its connection
            cache.wait()
        for conn in self._all_conns:
            with contextlib.suppress(Exception):  # closing connections of other threads may fail
                conn.close()
        self._all_conns.clear()
        self._local = threading.local()

    # -- collections -------------------------------------------------------------------
    def ensure_collection(self, collection: Collection) -> Collection:
        with self._write() as conn:
            conn.execute(
                "INSERT INTO collections(name, classification, description, public) VALUES (?,?,?,?) "
                "ON CONFLICT(name) DO UPDATE SET classification=excluded.classification, "
                "description=excluded.description, public=excluded.public",
                (collection.name, collection.classification, collection.description, int(collection.public)),
            )
            conn.execute("DELETE FROM collection_groups WHERE collection = ?", (collection.name,))
            conn.executemany("INSERT INTO collection_groups VALUES (?,?)",
                             [(collection.name, g.strip("/")) for g in collection.access_groups])
        return collection

    def get_collection(self, name: str) -> Collection:
        row = self._conn().execute("SELECT name, classification, description, public FROM collections WHERE name=?",
                                   (name,)).fetchone()
        if row is None:
            raise NotFound(f"collection {name!r} does not exist")
        groups = tuple(g for (g,) in self._conn().execute(
            "SELECT grp FROM collection_groups WHERE collection=? ORDER BY grp", (name,)))
        return Collection(row[0], row[1], groups, row[2], bool(row[3]))

    def list_collections(self, access: Access) -> list[Collection]:
        where, params = access_sql(access, "c0.name")
        names = [n for (n,) in self._conn().execute(
            f"SELECT c0.name FROM collections c0 WHERE {where} ORDER BY c0.name", params)]
        return [self.get_collection(n) for n in names]

    # -- documents ---------------------------------------------------------------------
    def upsert_document(self, document: Document, chunks: Sequence[Chunk]) -> bool:
        new_hash = content_hash(document, chunks)
        with self._write() as conn:
            if conn.execute("SELECT 1 FROM collections WHERE name=?", (document.collection,)).fetchone() is None:
                raise StoreError(f"collection {document.collection!r} does not exist; create it first")
            row = conn.execute("SELECT content_hash FROM documents WHERE id=?", (document.id,)).fetchone()
            if row is not None and row[0] == new_hash:
                return False
            kept_vectors: dict[str, tuple[str, bytes]] = {}
            if row is not None:
                # Vectors of chunks whose embedded text is unchanged survive the update (a new title or
                # one changed file must not cost the whole document's vectors).
                for r in conn.execute(
                        "SELECT d.title, d.reference, ch.file_name, ch.section, ch.text, v.model, v.vector "
                        "FROM chunks ch JOIN documents d ON d.id = ch.document_id "
                        "JOIN chunk_vectors v ON v.chunk_id = ch.id WHERE ch.document_id = ?", (document.id,)):
                    kept_vectors[sha256(embedding_text(*r[:5]))] = (r[5], r[6])
                self._delete_rows(conn, document.id)
            now = datetime.now(UTC).isoformat(timespec="seconds")
            conn.execute(
                "INSERT INTO documents(id, collection, type, title, reference, date, organizations, meeting_date, "
                "result, web_url, source_url, body, modified, content_hash, metadata, indexed_at) "
                "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                (document.id, document.collection, document.type, document.title, document.reference,
                 document.date, json.dumps(document.organizations, ensure_ascii=False), document.meeting_date,
                 document.result, document.web_url, document.source_url, document.body, document.modified,
                 new_hash, json.dumps(document.metadata, ensure_ascii=False), now),
            )
            self._bump_generation(conn)
            org_values = set(document.organizations) | set(document.metadata.get("organization_ids", []))
            conn.executemany("INSERT INTO document_orgs VALUES (?,?)", [(document.id, v) for v in sorted(org_values)])
            for chunk, (title_terms, body_terms) in zip(chunks, chunk_terms(document, chunks), strict=True):
                cur = conn.execute(
                    "INSERT INTO chunks(document_id, ord, text, page, section, file_id, file_name, lead, text_hash, "
                    "doc_date, terms) VALUES (?,?,?,?,?,?,?,?,?,?,?)",
                    (document.id, chunk.ord, chunk.text, chunk.page, chunk.section, chunk.file_id, chunk.file_name,
                     int(chunk.lead), sha256(chunk.text), document.date or "", f"{title_terms}\t{body_terms}"),
                )
                conn.execute("INSERT INTO chunks_fts(rowid, title, body) VALUES (?,?,?)",
                             (cur.lastrowid, title_terms, body_terms))
                if kept_vectors:
                    key = sha256(embedding_text(document.title, document.reference, chunk.file_name,
                                                chunk.section, chunk.text))
                    if key in kept_vectors and kept_vectors[key][0] == self._meta(conn, "vector_model"):
                        self._insert_vector(conn, cur.lastrowid, document.collection, *kept_vectors[key])
        return True

    @staticmethod
    def _bump_generation(conn: Any) -> None:
        conn.execute("UPDATE meta SET value = CAST(value AS INTEGER) + 1 WHERE key = 'lexical_generation'")

    @staticmethod
    def _bump_vector_generation(conn: Any) -> None:
        conn.execute("INSERT INTO meta VALUES ('vector_generation', '1') "
                     "ON CONFLICT(key) DO UPDATE SET value = CAST(value AS INTEGER) + 1")

    def _insert_vector(self, conn: Any, chunk_id: int, collection: str, model: str, blob: bytes) -> None:
        conn.execute("INSERT OR REPLACE INTO chunk_vectors VALUES (?,?,?)", (chunk_id, model, blob))
        conn.execute("DELETE FROM vec_index WHERE chunk_id = ?", (chunk_id,))
        conn.execute("INSERT INTO vec_index(chunk_id, collection, embedding) VALUES (?, ?, vec_quantize_binary(?))",
                     (chunk_id, collection, padded(np.frombuffer(blob, dtype=np.float32))))

    def _delete_rows(self, conn: Any, document_id: str) -> None:
        self._bump_generation(conn)
        ids = [i for (i,) in conn.execute("SELECT id FROM chunks WHERE document_id=?", (document_id,))]
        if ids:
            conn.executemany("DELETE FROM chunks_fts WHERE rowid=?", [(i,) for i in ids])
            if self._vec_table(conn):
                conn.executemany("DELETE FROM vec_index WHERE chunk_id=?", [(i,) for i in ids])
                self._bump_vector_generation(conn)
        conn.execute("DELETE FROM documents WHERE id=?", (document_id,))

    def delete_document(self, document_id: str) -> bool:
        with self._write() as conn:
            if conn.execute("SELECT 1 FROM documents WHERE id=?", (document_id,)).fetchone() is None:
                return False
            self._delete_rows(conn, document_id)
            return True

    def _doc_record(self, row: Sequence[Any], chunk_count: int = 0) -> DocumentRecord:
        return DocumentRecord(
            id=row[0], collection=row[1], classification=row[2], type=row[3], title=row[4], reference=row[5],
            date=row[6], organizations=json.loads(row[7]), meeting_date=row[8], result=row[9], web_url=row[10],
            source_url=row[11], body=row[12], modified=row[13], content_hash=row[14],
            metadata=json.loads(row[15]), chunk_count=chunk_count,
        )

    def get_document(self, document_id: str, access: Access) -> DocumentRecord:
        where, params = access_sql(access)
        row = self._conn().execute(
            f"SELECT {_DOC_COLUMNS}, (SELECT count(*) FROM chunks ch WHERE ch.document_id = d.id) "
            f"FROM documents d JOIN collections c2 ON c2.name = d.collection WHERE d.id = ? AND {where}",
            [document_id, *params],
        ).fetchone()
        if row is None:
            raise NotFound(f"document {document_id!r} not found")
        return self._doc_record(row[:16], row[16])

    def list_documents(self, access: Access, filters: SearchFilters | None = None,
                       offset: int = 0, limit: int = 50) -> list[DocumentRecord]:
        where, params = access_sql(access)
        fwhere, fparams = filter_sql(filters)
        rows = self._conn().execute(
            f"SELECT {_DOC_COLUMNS} FROM documents d JOIN collections c2 ON c2.name = d.collection "
            f"WHERE {where} AND {fwhere} ORDER BY d.date DESC, d.id LIMIT ? OFFSET ?",
            [*params, *fparams, limit, offset],
        ).fetchall()
        return [self._doc_record(r) for r in rows]

    def count_documents(self, access: Access, filters: SearchFilters | None = None) -> int:
        where, params = access_sql(access)
        fwhere, fparams = filter_sql(filters)
        return self._conn().execute(
            f"SELECT count(*) FROM documents d WHERE {where} AND {fwhere}", [*params, *fparams]).fetchone()[0]

    def document_ids(self, collection: str) -> set[str]:
        return {i for (i,) in self._conn().execute("SELECT id FROM documents WHERE collection=?", (collection,))}

    def _chunk_record(self, row: Sequence[Any]) -> ChunkRecord:
        return ChunkRecord(id=row[0], document_id=row[1], ord=row[2], text=row[3], page=row[4], section=row[5],
                           file_id=row[6], file_name=row[7], lead=bool(row[8]), text_hash=row[9])

    def get_chunks(self, chunk_ids: Sequence[int], access: Access) -> dict[int, ChunkRecord]:
        if not chunk_ids:
            return {}
        where, params = access_sql(access)
        out: dict[int, ChunkRecord] = {}
        ids = list(dict.fromkeys(chunk_ids))
        for start in range(0, len(ids), 500):
            part = ids[start:start + 500]
            rows = self._conn().execute(
                f"SELECT {_CHUNK_COLUMNS}, {_DOC_COLUMNS} FROM chunks ch JOIN documents d ON d.id = ch.document_id "
                f"JOIN collections c2 ON c2.name = d.collection "
                f"WHERE ch.id IN ({','.join('?' * len(part))}) AND {where}", [*part, *params]).fetchall()
            for r in rows:
                rec = self._chunk_record(r[:10])
                rec.document = self._doc_record(r[10:])
                out[rec.id] = rec
        return out

    def get_chunk(self, chunk_id: int, access: Access) -> ChunkRecord:
        found = self.get_chunks([chunk_id], access)
        if chunk_id not in found:
            raise NotFound(f"chunk {chunk_id} not found")
        return found[chunk_id]

    def document_chunks(self, document_id: str, access: Access) -> list[ChunkRecord]:
        self.get_document(document_id, access)  # raises NotFound when invisible
        rows = self._conn().execute(f"SELECT {_CHUNK_COLUMNS} FROM chunks ch WHERE ch.document_id=? ORDER BY ch.ord",
                                    (document_id,)).fetchall()
        return [self._chunk_record(r) for r in rows]

    # -- retrieval ---------------------------------------------------------------------
    def lexical_search(self, terms: Sequence[str], access: Access,
                       filters: SearchFilters | None = None, limit: int = 100) -> list[ChunkHit]:
        terms = [t for t in dict.fromkeys(terms) if t]
        if not terms:
            return []
        simple = filters is None or filters == SearchFilters(collections=filters.collections,
                                                             document_ids=filters.document_ids)
        if simple:
            memory = self.lexical_cache.current(self._generation(), self._build_memory_index)
            if memory is not None:
                return memory.search(terms, self._visible_collections(access, filters), limit,
                                     filters.document_ids if filters else ())
        terms = self._selective_terms(terms)
        match = " OR ".join(quote_fts(t) for t in terms)
        where, params = access_sql(access)
        fwhere, fparams = filter_sql(filters)
        rows = self._conn().execute(
            f"SELECT ch.id, ch.document_id, bm25(chunks_fts, {TITLE_WEIGHT}, {BODY_WEIGHT}) AS s "
            f"FROM chunks_fts JOIN chunks ch ON ch.id = chunks_fts.rowid JOIN documents d ON d.id = ch.document_id "
            f"WHERE chunks_fts MATCH ? AND {where} AND {fwhere} ORDER BY s LIMIT ?",
            [match, *params, *fparams, limit],
        ).fetchall()
        return [ChunkHit(chunk_id=r[0], document_id=r[1], score=-r[2], rank=i + 1) for i, r in enumerate(rows)]

    def _generation(self) -> int:
        return int(self._meta(self._conn(), "lexical_generation") or 0)

    def _build_memory_index(self) -> MemoryLexicalIndex:
        conn = self._conn()

        def analyse(chunk_id: int) -> str:  # chunks stored before migration 002 kept no terms
            r = conn.execute("SELECT d.title, d.reference, ch.file_name, ch.section, ch.text FROM chunks ch "
                             "JOIN documents d ON d.id = ch.document_id WHERE ch.id = ?", (chunk_id,)).fetchone()
            title = f"{index_text(' '.join(filter(None, r[:2])))} {index_text(' '.join(filter(None, r[2:4])))}"
            return f"{title.strip()}\t{index_text(r[4])}"

        return MemoryLexicalIndex.build(conn, analyse)

    def _visible_collections(self, access: Access, filters: SearchFilters | None) -> list[str]:
        where, params = access_sql(access, "c0.name")
        names = [n for (n,) in self._conn().execute(f"SELECT c0.name FROM collections c0 WHERE {where}", params)]
        if filters and filters.collections:
            names = [n for n in names if n in filters.collections]
        return names

    def _selective_terms(self, terms: list[str]) -> list[str]:
        """Drop the commonest terms of a long query (``sql.selective_terms``); two terms always stay."""
        return terms if len(terms) < 3 else selective_terms(terms, self.term_frequencies(terms)[0])

    def term_frequencies(self, terms: Sequence[str]) -> tuple[dict[str, int], int]:
        """How many chunks contain each analysed term, and how many chunks there are (for IDF weights)."""
        conn = self._conn()
        conn.execute("CREATE VIRTUAL TABLE IF NOT EXISTS temp.chunks_vocab USING fts5vocab(main, chunks_fts, 'row')")
        df = {t: (conn.execute("SELECT doc FROM temp.chunks_vocab WHERE term = ?", (t,)).fetchone() or (0,))[0]
              for t in dict.fromkeys(terms)}
        return df, conn.execute("SELECT count(*) FROM chunks").fetchone()[0]

    def _vec_table(self, conn: Any) -> bool:
        return conn.execute("SELECT 1 FROM sqlite_master WHERE name='vec_index'").fetchone() is not None

    def _meta(self, conn: Any, key: str) -> str | None:
        row = conn.execute("SELECT value FROM meta WHERE key=?", (key,)).fetchone()
        return row[0] if row else None

    def vector_search(self, vector: Sequence[float], model: str, access: Access,
                      filters: SearchFilters | None = None, limit: int = 100) -> list[ChunkHit]:
        conn = self._conn()
        if self._meta(conn, "vector_model") != model or not self._vec_table(conn):
            return []
        q = np.asarray(vector, dtype=np.float32)
        collections = self._visible_collections(access, filters)
        if not collections:
            return []
        where, params = access_sql(access)
        fwhere, fparams = filter_sql(filters)
        memory = self.vector_cache.current(self._vector_generation(conn), self._build_vector_index)
        if memory is not None and memory.model == model:
            # Exact candidates from memory, then every rule and the durable vector checked in SQL. Filters
            # can reject candidates, so ask for more until enough pass or none are left.
            n = limit if fwhere == TRUE else limit * 4
            while True:
                ids, visible = memory.candidates(q, collections, n)
                rows = self._rescore(conn, q, ids, model, where, params, fwhere, fparams, limit) if ids else []
                if len(rows) >= limit or n >= visible:
                    break
                n *= 4
        else:
            # Binary candidates per visible collection from sqlite-vec, then exact cosine re-scoring with
            # all rules applied. Two statements, so the nearest-neighbour scan runs exactly once whatever
            # plan SQLite picks.
            candidates = max(limit * 8, 400) if fwhere == TRUE else max(limit * 20, 2000)
            candidates = min(candidates, 4096)  # sqlite-vec's largest k
            knn = [cid for (cid,) in conn.execute(
                f"SELECT chunk_id FROM vec_index WHERE embedding MATCH vec_quantize_binary(?) AND k = ? "
                f"AND collection IN ({','.join('?' * len(collections))})", [padded(q), candidates, *collections])]
            rows = self._rescore(conn, q, knn, model, where, params, fwhere, fparams, limit) if knn else []
        return [ChunkHit(chunk_id=r[0], document_id=r[1], score=r[2], rank=i + 1) for i, r in enumerate(rows)]

    @staticmethod
    def _rescore(conn: Any, q: np.ndarray, chunk_ids: Sequence[int], model: str, where: str, params: list[Any],
                 fwhere: str, fparams: list[Any], limit: int) -> list[Any]:
        """Exact cosine of the candidates that exist and pass the access rule and filters, best first."""
        return conn.execute(
            f"SELECT ch.id, ch.document_id, 1 - vec_distance_cosine(v.vector, ?) AS sim FROM chunk_vectors v "
            f"JOIN chunks ch ON ch.id = v.chunk_id JOIN documents d ON d.id = ch.document_id "
            f"WHERE v.chunk_id IN ({','.join('?' * len(chunk_ids))}) AND v.model = ? AND {where} AND {fwhere} "
            f"ORDER BY sim DESC, ch.id LIMIT ?",
            [q.tobytes(), *chunk_ids, model, *params, *fparams, limit],
        ).fetchall()

    def _vector_generation(self, conn: Any) -> int:
        return int(self._meta(conn, "vector_generation") or 0)

    def _build_vector_index(self) -> MemoryVectorIndex:
        return MemoryVectorIndex.build(self._conn())

    # -- vectors -----------------------------------------------------------------------
    def _scope_sql(self, scope: str) -> str:
        return "ch.lead = 1" if scope == "lead" else TRUE

    def chunks_to_embed(self, model: str, scope: str, limit: int) -> list[tuple[int, str]]:
        """Chunks without a vector of ``model``: lead passages first, newest documents first."""
        conn = self._conn()
        current = self._meta(conn, "vector_model")
        vec_join = "" if current != model else "AND NOT EXISTS (SELECT 1 FROM chunk_vectors v WHERE v.chunk_id = ch.id)"
        rows = conn.execute(
            f"SELECT ch.id, d.title, d.reference, ch.file_name, ch.section, ch.text FROM chunks ch "
            f"JOIN documents d ON d.id = ch.document_id WHERE {self._scope_sql(scope)} {vec_join} "
            f"ORDER BY ch.lead DESC, ch.doc_date DESC, ch.id LIMIT ?", (limit,)).fetchall()
        return [(r[0], embedding_text(r[1], r[2], r[3], r[4], r[5])) for r in rows]

    def put_vectors(self, model: str, items: Iterable[tuple[int, Sequence[float]]]) -> int:
        items = [(cid, np.asarray(vec, dtype=np.float32)) for cid, vec in items]
        if not items:
            return 0
        dim = int(items[0][1].shape[0])
        with self._write() as conn:
            if self._meta(conn, "vector_model") != model or self._meta(conn, "vector_dim") != str(dim):
                log.info("vector space changes to %s (dim %d); dropping old vectors", model, dim)
                conn.execute("DELETE FROM chunk_vectors")
                conn.execute("DROP TABLE IF EXISTS vec_index")
                conn.execute(f"CREATE VIRTUAL TABLE vec_index USING vec0(chunk_id INTEGER PRIMARY KEY, "
                             f"collection TEXT PARTITION KEY, embedding BIT[{dim + (-dim) % 8}])")
                conn.execute("INSERT OR REPLACE INTO meta VALUES ('vector_model', ?), ('vector_dim', ?)",
                             (model, str(dim)))
            written = 0
            for cid, vec in items:
                row = conn.execute("SELECT d.collection FROM chunks ch JOIN documents d ON d.id = ch.document_id "
                                   "WHERE ch.id = ?", (cid,)).fetchone()
                if row is None:  # the chunk was replaced while its vector was computed
                    continue
                self._insert_vector(conn, cid, row[0], model, vec.tobytes())
                written += 1
            self._bump_vector_generation(conn)
            return written

    def vector_progress(self, model: str, scope: str, access: Access | None = None) -> tuple[int, int]:
        """(chunks with a vector of ``model``, chunks in ``scope``); counted over what ``access`` may read
        (every chunk without it: the operator's view)."""
        conn = self._conn()
        where, params = TRUE, []
        if access is not None:
            visible, params = access_sql(access)
            where = f"ch.document_id IN (SELECT d.id FROM documents d WHERE {visible})"
        total = conn.execute(f"SELECT count(*) FROM chunks ch WHERE {self._scope_sql(scope)} AND {where}",
                             params).fetchone()[0]
        if self._meta(conn, "vector_model") != model:
            return 0, total
        done = conn.execute(f"SELECT count(*) FROM chunks ch JOIN chunk_vectors v ON v.chunk_id = ch.id "
                            f"WHERE {self._scope_sql(scope)} AND {where}", params).fetchone()[0]
        return done, total

    def stats(self) -> dict[str, Any]:
        conn = self._conn()
        one = lambda sql: conn.execute(sql).fetchone()[0]  # noqa: E731
        return {
            "documents": one("SELECT count(*) FROM documents"),
            "chunks": one("SELECT count(*) FROM chunks"),
            "vectors": one("SELECT count(*) FROM chunk_vectors"),
            "collections": one("SELECT count(*) FROM collections"),
            "vector_model": self._meta(conn, "vector_model"),
            "by_type": dict(conn.execute("SELECT type, count(*) FROM documents GROUP BY type").fetchall()),
        }


def padded(vec: np.ndarray) -> bytes:
    """float32 bytes padded with zeros to a multiple of 8 dimensions, as binary quantisation needs."""
    extra = (-vec.shape[0]) % 8
    return (np.concatenate([vec, np.zeros(extra, dtype=np.float32)]) if extra else vec).tobytes()

