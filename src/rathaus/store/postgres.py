"""PostgreSQL store: BM25 in SQL over a postings table (term, chunk, tf, length; btree on the term),
pgvector HNSW for vectors. For deployments with several workers, or more documents than one SQLite
file serves well.

    store = PostgresStore("postgresql://rathaus:secret@db:5432/rathaus")   # or RATHAUS_DATABASE_URL

It keeps the SQLite store's semantics exactly (store/base.py; the contract suite runs on both): the
same access and filter SQL (store/sql.py), the same analysed terms (store/indexing.py), and the same
lexical scores as SQLite's in-memory index, whose BM25 this computes in SQL: Lucene's variant with
bm25s's k1 and b, title terms counted twice, document frequencies over all chunks, ties by chunk id.
The German analysis (Snowball, ä→a, ß→ss, compound splitting) runs in Python for both backends;
PostgreSQL's ``german`` configuration would not split compounds.

Connections come from a pool. Each operation borrows one, checked with an empty query first, so
after a server restart the next operation reconnects. Every write is one transaction: an error, a
lost connection or a killed session leaves no half-written document.
"""

from __future__ import annotations

import logging
import math
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

import numpy as np
from psycopg.types.json import Jsonb
from psycopg_pool import ConnectionPool, PoolTimeout

from rathaus.documents import Access, Chunk, ChunkHit, Collection, Document, SearchFilters, sha256
from rathaus.errors import ConfigError, NotFound, StoreError
from rathaus.store.base import ChunkRecord, DocumentRecord
from rathaus.store.indexing import chunk_terms, content_hash, embedding_text
from rathaus.store.lexical_memory import BM25_B, BM25_K1, TITLE_REPEAT
from rathaus.store.migrations import postgres as migrations
from rathaus.store.pgdb import Target, connect, translated
from rathaus.store.sql import TRUE, access_sql, filter_sql, selective_terms

log = logging.getLogger(__name__)

HNSW_M = 16  # links per node (pgvector's default)
# Candidates kept while building (pgvector's default is 64). bench/scale.py, 100k chunks: recall@10 at
# ef_search 100 rises from 0.87 to 0.95, at 400 from 0.97 to 0.99, for a build about twice as long.
HNSW_EF_CONSTRUCTION = 128
# Candidates an HNSW search keeps (pgvector's default is 40); raised to `limit` when larger. bench/scale.py
# (ef_construction 128): recall@10 against exact search is 0.99 at 400 and 0.99 at 800 with 100k chunks, but
# 0.90 at 400 and 0.98 at 800 with 1M chunks (p50 about 15 and 24 ms there).
EF_SEARCH = 800
INDEXABLE = (("vector", 2000), ("halfvec", 4000))  # HNSW's largest dimension per type; larger: exact search
DOCUMENT_LOCK = 0x52415449  # pg_advisory_xact_lock(DOCUMENT_LOCK, hashtext(id)): one writer per document
VECTOR_SPACE_LOCK = (0x52415448, 2)  # one worker at a time replaces the vector space
MAX_POSITION = 16383  # PostgreSQL's largest tsvector position
MAX_LEXEME_BYTES = 2046  # PostgreSQL refuses longer tsvector lexemes

_DOC_COLUMNS = ("d.id, d.collection, c2.classification, d.type, d.title, d.reference, d.date, d.organizations, "
                "d.meeting_date, d.result, d.web_url, d.source_url, d.body, d.modified, d.content_hash, d.metadata")
_CHUNK_COLUMNS = "ch.id, ch.document_id, ch.ord, ch.text, ch.page, ch.section, ch.file_id, ch.file_name, ch.lead, ch.text_hash"


@dataclass(frozen=True)
class VectorSpace:
    id: int
    model: str
    dim: int


class PostgresStore:
    """``PostgresStore(url)``; ``exact_vectors=True`` makes vector searches exact scans instead of HNSW
    (for recall measurements; ``vector_search(..., exact=True)`` does so for one search)."""

    def __init__(self, url: str, *, exact_vectors: bool = False, max_connections: int = 10,
                 timeout: float = 10.0) -> None:
        self.target = Target(url)
        self.exact_vectors = exact_vectors
        self.timeout = timeout
        with connect(self.target, timeout) as conn, translated(self.target):
            migrations.apply(conn, self.target)
        # prepare_threshold None: no server-side prepared statements, whose generic plans cannot see the
        # terms' or filters' selectivity, nor which model's partial HNSW index applies.
        self._pool = ConnectionPool(self.target.url, min_size=1, max_size=max_connections, open=False,
                                    kwargs={"autocommit": True, "prepare_threshold": None,
                                            "application_name": "rathaus"},
                                    check=ConnectionPool.check_connection, timeout=timeout, name="rathaus-store")
        with self._errors():
            self._pool.open(wait=True, timeout=timeout)

    @classmethod
    def from_settings(cls, settings: Any) -> PostgresStore:
        if not settings.database_url:
            raise ConfigError("the postgres store needs RATHAUS_DATABASE_URL (postgresql://user:password@host/db)")
        return cls(settings.database_url)

    # -- connections -------------------------------------------------------------------
    @contextmanager
    def _errors(self) -> Iterator[None]:
        """Driver and pool errors become StoreError, naming the server."""
        with translated(self.target):
            try:
                yield
            except PoolTimeout as exc:
                raise StoreError(f"no connection to PostgreSQL at {self.target.where} within {self.timeout:g} s",
                                 user_message="Die Datenbank ist gerade nicht erreichbar.") from exc

    @contextmanager
    def _connection(self) -> Iterator[Any]:
        """A pooled connection in autocommit mode."""
        with self._errors(), self._pool.connection() as conn:
            yield conn

    @contextmanager
    def _transaction(self) -> Iterator[Any]:
        with self._connection() as conn, conn.transaction():
            yield conn

    def close(self) -> None:
        self._pool.close()

    # -- collections -------------------------------------------------------------------
    def ensure_collection(self, collection: Collection) -> Collection:
        with self._transaction() as conn:
            conn.execute(
                "INSERT INTO collections (name, classification, description, public) VALUES (%s, %s, %s, %s) "
                "ON CONFLICT (name) DO UPDATE SET classification = EXCLUDED.classification, "
                "description = EXCLUDED.description, public = EXCLUDED.public",
                (collection.name, collection.classification, _clean(collection.description), collection.public))
            conn.execute("DELETE FROM collection_groups WHERE collection = %s", (collection.name,))
            for group in collection.access_groups:
                conn.execute("INSERT INTO collection_groups VALUES (%s, %s) ON CONFLICT DO NOTHING",
                             (collection.name, group.strip("/")))
        return collection

    def _collections(self, conn: Any, where: str, params: list[Any]) -> list[Collection]:
        rows = conn.execute(
            f"SELECT c0.name, c0.classification, c0.description, c0.public, "
            f"array(SELECT cg.grp FROM collection_groups cg WHERE cg.collection = c0.name ORDER BY cg.grp) "
            f"FROM collections c0 WHERE {where} ORDER BY c0.name", params).fetchall()
        return [Collection(r[0], r[1], tuple(r[4]), r[2], r[3]) for r in rows]

    def get_collection(self, name: str) -> Collection:
        with self._connection() as conn:
            found = self._collections(conn, "c0.name = %s", [name])
        if not found:
            raise NotFound(f"collection {name!r} does not exist")
        return found[0]

    def list_collections(self, access: Access) -> list[Collection]:
        where, params = access_sql(access, "c0.name", mark="%s")
        with self._connection() as conn:
            return self._collections(conn, where, params)

    # -- documents ---------------------------------------------------------------------
    def upsert_document(self, document: Document, chunks: Sequence[Chunk]) -> bool:
        new_hash = content_hash(document, chunks)
        with self._transaction() as conn:
            conn.execute("SELECT pg_advisory_xact_lock(%s, hashtext(%s))", (DOCUMENT_LOCK, document.id))
            if conn.execute("SELECT 1 FROM collections WHERE name = %s", (document.collection,)).fetchone() is None:
                raise StoreError(f"collection {document.collection!r} does not exist; create it first")
            row = conn.execute("SELECT content_hash FROM documents WHERE id = %s", (document.id,)).fetchone()
            if row is not None and row[0] == new_hash:
                return False
            kept: dict[str, str] = {}  # embedding text hash -> vector, for chunks whose embedded text survives
            removed: tuple[int, int, Counter[str]] = (0, 0, Counter())
            if row is not None:
                for r in conn.execute(
                        "SELECT d.title, d.reference, ch.file_name, ch.section, ch.text, v.embedding::text "
                        "FROM chunks ch JOIN documents d ON d.id = ch.document_id "
                        "JOIN chunk_vectors v ON v.chunk_id = ch.id WHERE ch.document_id = %s", (document.id,)):
                    kept[sha256(embedding_text(*r[:5]))] = r[5]
                removed = self._delete_rows(conn, document.id)
            conn.execute(
                "INSERT INTO documents (id, collection, type, title, reference, date, organizations, meeting_date, "
                "result, web_url, source_url, body, modified, content_hash, metadata) "
                "VALUES (%s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s)",
                (document.id, document.collection, *_clean([document.type, document.title, document.reference,
                 document.date]), Jsonb(_clean(document.organizations)), *_clean([document.meeting_date,
                 document.result, document.web_url, document.source_url, document.body, document.modified]),
                 new_hash, Jsonb(_clean(document.metadata))))
            org_values = set(document.organizations) | set(document.metadata.get("organization_ids", []))
            for value in sorted(org_values):
                conn.execute("INSERT INTO document_orgs VALUES (%s, %s) ON CONFLICT DO NOTHING",
                             (document.id, _clean(value)))
            space = self._space(conn) if kept else None  # vectors exist only in the current space
            tokens = 0
            df: Counter[str] = Counter()  # chunks of this document per term, for the lexicon
            for chunk, (title_terms, body_terms) in zip(chunks, chunk_terms(document, chunks), strict=True):
                title, body = title_terms.split(), body_terms.split()
                length = len(title) * TITLE_REPEAT + len(body)
                tokens += length
                df.update(t for t in set(title) | set(body) if len(t.encode()) <= MAX_LEXEME_BYTES)
                chunk_id = conn.execute(
                    "INSERT INTO chunks (document_id, ord, text, page, section, file_id, file_name, lead, text_hash, "
                    "doc_date, terms, tsv, tf, length) VALUES (%s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, "
                    "%s::tsvector, %s, %s) RETURNING id",
                    (document.id, chunk.ord, _clean(chunk.text), chunk.page, *_clean([chunk.section, chunk.file_id,
                     chunk.file_name]), chunk.lead, sha256(chunk.text), _clean(document.date or ""),
                     f"{title_terms}\t{body_terms}", tsvector(title, body),
                     Jsonb(Counter(title * TITLE_REPEAT + body)), length)).fetchone()[0]
                if space is not None:
                    key = sha256(embedding_text(document.title, document.reference, chunk.file_name,
                                                chunk.section, chunk.text))
                    if key in kept:
                        conn.execute("INSERT INTO chunk_vectors VALUES (%s, %s, %s::vector)",
                                     (chunk_id, space.id, kept[key]))
            conn.execute(
                "INSERT INTO postings (term, chunk_id, tf, length) SELECT e.key, ch.id, e.value::integer, ch.length "
                "FROM chunks ch CROSS JOIN LATERAL jsonb_each_text(ch.tf) e "
                "WHERE ch.document_id = %s AND octet_length(e.key) <= %s", (document.id, MAX_LEXEME_BYTES))
            # the shared rows last: concurrent writers wait for each other only for the commit
            df.subtract(removed[2])
            self._update_lexicon(conn, df)
            conn.execute("UPDATE lexical_stats SET chunks = chunks + %s, tokens = tokens + %s",
                         (len(chunks) - removed[0], tokens - removed[1]))
        return True

    @staticmethod
    def _update_lexicon(conn: Any, delta: Counter[str]) -> None:
        """Add ``delta`` to the terms' document frequencies. Rows are locked in term order, so two writers
        never wait for each other crosswise."""
        changed = sorted(t for t, n in delta.items() if n)
        if changed:
            conn.execute(
                "INSERT INTO lexicon (term, df) SELECT u.t, u.n FROM unnest(%s::text[], %s::bigint[]) AS u(t, n) "
                "ORDER BY u.t ON CONFLICT (term) DO UPDATE SET df = lexicon.df + EXCLUDED.df",
                (changed, [delta[t] for t in changed]))

    @staticmethod
    def _delete_rows(conn: Any, document_id: str) -> tuple[int, int, Counter[str]]:
        """Delete a document with its chunks and their postings (vectors and organisations follow by
        cascade); return the number of chunks, their total length and the chunks per term, which the
        caller takes off ``lexical_stats`` and ``lexicon``."""
        pairs = conn.execute(
            "SELECT k, ch.id FROM chunks ch CROSS JOIN LATERAL jsonb_object_keys(ch.tf) k "
            "WHERE ch.document_id = %s AND octet_length(k) <= %s", (document_id, MAX_LEXEME_BYTES)).fetchall()
        # deleted by their keys: joined to the chunks instead, the planner may scan all postings
        conn.execute("DELETE FROM postings p USING unnest(%s::text[], %s::bigint[]) AS x(term, chunk_id) "
                     "WHERE p.term = x.term AND p.chunk_id = x.chunk_id",
                     ([t for t, _ in pairs], [c for _, c in pairs]))
        df = Counter(t for t, _ in pairs)
        gone = conn.execute("DELETE FROM chunks WHERE document_id = %s RETURNING length", (document_id,)).fetchall()
        conn.execute("DELETE FROM documents WHERE id = %s", (document_id,))
        return len(gone), sum(n for (n,) in gone), df

    def delete_document(self, document_id: str) -> bool:
        with self._transaction() as conn:
            conn.execute("SELECT pg_advisory_xact_lock(%s, hashtext(%s))", (DOCUMENT_LOCK, document_id))
            if conn.execute("SELECT 1 FROM documents WHERE id = %s", (document_id,)).fetchone() is None:
                return False
            chunks, tokens, df = self._delete_rows(conn, document_id)
            self._update_lexicon(conn, Counter({t: -n for t, n in df.items()}))
            conn.execute("UPDATE lexical_stats SET chunks = chunks - %s, tokens = tokens - %s", (chunks, tokens))
            return True

    @staticmethod
    def _doc_record(row: Sequence[Any], chunk_count: int = 0) -> DocumentRecord:
        return DocumentRecord(*row[:16], chunk_count=chunk_count)  # _DOC_COLUMNS are its fields, in order

    @staticmethod
    def _chunk_record(row: Sequence[Any]) -> ChunkRecord:
        return ChunkRecord(*row[:10])  # likewise _CHUNK_COLUMNS

    def get_document(self, document_id: str, access: Access) -> DocumentRecord:
        where, params = access_sql(access, mark="%s")
        with self._connection() as conn:
            row = conn.execute(
                f"SELECT {_DOC_COLUMNS}, (SELECT count(*) FROM chunks ch WHERE ch.document_id = d.id) "
                f"FROM documents d JOIN collections c2 ON c2.name = d.collection WHERE d.id = %s AND {where}",
                [document_id, *params]).fetchone()
        if row is None:
            raise NotFound(f"document {document_id!r} not found")
        return self._doc_record(row, row[16])

    def list_documents(self, access: Access, filters: SearchFilters | None = None,
                       offset: int = 0, limit: int = 50) -> list[DocumentRecord]:
        where, params = access_sql(access, mark="%s")
        fwhere, fparams = filter_sql(filters, mark="%s")
        with self._connection() as conn:
            rows = conn.execute(  # NULLS LAST: undated documents come last, as in SQLite
                f"SELECT {_DOC_COLUMNS} FROM documents d JOIN collections c2 ON c2.name = d.collection "
                f"WHERE {where} AND {fwhere} ORDER BY d.date DESC NULLS LAST, d.id LIMIT %s OFFSET %s",
                [*params, *fparams, limit, offset]).fetchall()
        return [self._doc_record(r) for r in rows]

    def count_documents(self, access: Access, filters: SearchFilters | None = None) -> int:
        where, params = access_sql(access, mark="%s")
        fwhere, fparams = filter_sql(filters, mark="%s")
        with self._connection() as conn:
            return conn.execute(f"SELECT count(*) FROM documents d WHERE {where} AND {fwhere}",
                                [*params, *fparams]).fetchone()[0]

    def document_ids(self, collection: str) -> set[str]:
        with self._connection() as conn:
            return {i for (i,) in conn.execute("SELECT id FROM documents WHERE collection = %s", (collection,))}

    def get_chunks(self, chunk_ids: Sequence[int], access: Access) -> dict[int, ChunkRecord]:
        if not chunk_ids:
            return {}
        where, params = access_sql(access, mark="%s")
        with self._connection() as conn:
            rows = conn.execute(
                f"SELECT {_CHUNK_COLUMNS}, {_DOC_COLUMNS} FROM chunks ch JOIN documents d ON d.id = ch.document_id "
                f"JOIN collections c2 ON c2.name = d.collection WHERE ch.id = ANY(%s) AND {where}",
                [[int(i) for i in chunk_ids], *params]).fetchall()
        out = {}
        for r in rows:
            record = self._chunk_record(r)
            record.document = self._doc_record(r[10:])
            out[record.id] = record
        return out

    def get_chunk(self, chunk_id: int, access: Access) -> ChunkRecord:
        found = self.get_chunks([chunk_id], access)
        if chunk_id not in found:
            raise NotFound(f"chunk {chunk_id} not found")
        return found[chunk_id]

    def document_chunks(self, document_id: str, access: Access) -> list[ChunkRecord]:
        self.get_document(document_id, access)  # raises NotFound when invisible
        with self._connection() as conn:
            rows = conn.execute(f"SELECT {_CHUNK_COLUMNS} FROM chunks ch WHERE ch.document_id = %s ORDER BY ch.ord",
                                (document_id,)).fetchall()
        return [self._chunk_record(r) for r in rows]

    # -- lexical search ----------------------------------------------------------------
    def lexical_search(self, terms: Sequence[str], access: Access,
                       filters: SearchFilters | None = None, limit: int = 100) -> list[ChunkHit]:
        terms = [t for t in dict.fromkeys(terms) if t]
        if not terms:
            return []
        where, params = access_sql(access, mark="%s")
        fwhere, fparams = filter_sql(filters, mark="%s")
        with self._connection() as conn:
            df, chunks, tokens = self._statistics(conn, terms)
            terms = [t for t in selective_terms(terms, df) if df[t]]
            if not terms:
                return []
            weights, score = bm25(terms, df, chunks, tokens)
            scored = (f"SELECT p.chunk_id, {score} AS score FROM (VALUES {', '.join(['(%s, %s::float8)'] * len(terms))}) "
                      f"AS w(term, idf) JOIN postings p ON p.term = w.term GROUP BY p.chunk_id")
            if fwhere == TRUE and self._sees_everything(conn, access):
                # every chunk is a candidate: rank the postings alone, then read the best `limit` chunks (the
                # access rule is checked on them all the same; a collection hidden meanwhile makes them too few)
                rows = conn.execute(
                    f"WITH s AS MATERIALIZED ({scored} ORDER BY score DESC, p.chunk_id LIMIT %s) "
                    f"SELECT ch.id, ch.document_id, s.score, (SELECT count(*) FROM s) FROM s "
                    f"JOIN chunks ch ON ch.id = s.chunk_id JOIN documents d ON d.id = ch.document_id "
                    f"WHERE {where} ORDER BY s.score DESC, ch.id", [*weights, limit, *params]).fetchall()
                if rows and rows[0][3] == len(rows):
                    return [ChunkHit(chunk_id=r[0], document_id=r[1], score=r[2], rank=i + 1)
                            for i, r in enumerate(rows)]
            rows = conn.execute(
                f"SELECT ch.id, ch.document_id, s.score FROM ({scored}) s JOIN chunks ch ON ch.id = s.chunk_id "
                f"JOIN documents d ON d.id = ch.document_id WHERE {where} AND {fwhere} "
                f"ORDER BY s.score DESC, ch.id LIMIT %s", [*weights, *params, *fparams, limit]).fetchall()
        return [ChunkHit(chunk_id=r[0], document_id=r[1], score=r[2], rank=i + 1) for i, r in enumerate(rows)]

    @staticmethod
    def _sees_everything(conn: Any, access: Access) -> bool:
        """Whether ``access`` may read every collection (then ranking needs no access check per candidate)."""
        if access.admin:
            return True
        where, params = access_sql(access, "c0.name", mark="%s")
        return conn.execute(f"SELECT NOT EXISTS (SELECT 1 FROM collections c0 WHERE NOT ({where}))",
                            params).fetchone()[0]

    @staticmethod
    def _statistics(conn: Any, terms: Sequence[str]) -> tuple[dict[str, int], int, int]:
        """Document frequency of each term (from the lexicon), chunks and their total length."""
        indexed = [t for t in dict.fromkeys(terms) if t and len(t.encode()) <= MAX_LEXEME_BYTES]
        row = conn.execute(
            "SELECT s.chunks, s.tokens, array(SELECT coalesce((SELECT l.df FROM lexicon l WHERE l.term = u.t), 0) "
            "FROM unnest(%s::text[]) WITH ORDINALITY AS u(t, i) ORDER BY u.i) FROM lexical_stats s",
            (indexed,)).fetchone()
        return dict.fromkeys(terms, 0) | dict(zip(indexed, row[2], strict=True)), row[0], row[1]

    def term_frequencies(self, terms: Sequence[str]) -> tuple[dict[str, int], int]:
        """How many chunks contain each analysed term, and how many chunks there are (for IDF weights)."""
        with self._connection() as conn:
            df, chunks, _ = self._statistics(conn, terms)
        return df, chunks

    # -- vectors -----------------------------------------------------------------------
    @staticmethod
    def _space(conn: Any) -> VectorSpace | None:
        """The current vector space. One at a time, as in SQLite: a new model or dimension replaces it."""
        row = conn.execute("SELECT id, model, dim FROM vector_models ORDER BY id DESC LIMIT 1").fetchone()
        return VectorSpace(*row) if row else None

    @staticmethod
    def _new_space(conn: Any, model: str, dim: int) -> VectorSpace:
        """Drop the old vectors and their indexes; record the model and create its HNSW index. Built while
        the table is empty, the index then grows with every insert."""
        log.info("vector space changes to %s (dim %d); dropping old vectors", model, dim)
        for (old,) in conn.execute("SELECT id FROM vector_models").fetchall():
            conn.execute(f"DROP INDEX IF EXISTS chunk_vectors_hnsw_{int(old)}")
        conn.execute("TRUNCATE chunk_vectors")
        conn.execute("DELETE FROM vector_models")
        space = VectorSpace(conn.execute("INSERT INTO vector_models (model, dim) VALUES (%s, %s) RETURNING id",
                                         (model, dim)).fetchone()[0], model, dim)
        kind = index_kind(dim)
        if kind is None:
            log.warning("%d dimensions are too many for an HNSW index; vector searches scan all vectors", dim)
        else:  # the id and dimension are integers of our own: safe to write into the statement
            conn.execute(f"CREATE INDEX chunk_vectors_hnsw_{space.id} ON chunk_vectors USING hnsw "
                         f"((embedding::{kind}({dim})) {kind}_cosine_ops) "
                         f"WITH (m = {HNSW_M}, ef_construction = {HNSW_EF_CONSTRUCTION}) WHERE model_id = {space.id}")
        return space

    def vector_search(self, vector: Sequence[float], model: str, access: Access,
                      filters: SearchFilters | None = None, limit: int = 100, *,
                      exact: bool | None = None) -> list[ChunkHit]:
        """Nearest chunks by cosine similarity, access rule and filters in the same statement. The HNSW
        scan goes on through the index until ``limit`` chunks pass them (pgvector's iterative scan);
        ``exact`` scans every vector instead."""
        q = np.asarray(vector, dtype=np.float32)
        with self._transaction() as conn:
            space = self._space(conn)
            if space is None or space.model != model:
                return []
            if q.shape != (space.dim,):
                raise StoreError(f"the query vector has {q.size} dimensions; {model} vectors have {space.dim}")
            kind = None if (self.exact_vectors if exact is None else exact) else index_kind(space.dim)
            # The index only serves the very expression it was built on; any other ordering scans exactly.
            distance = (f"(v.embedding::{kind}({space.dim})) <=> %s::{kind}({space.dim})" if kind
                        else "v.embedding <=> %s::vector")
            where, params = access_sql(access, mark="%s")
            fwhere, fparams = filter_sql(filters, mark="%s")
            conn.execute("SELECT set_config('hnsw.ef_search', %s, true), "
                         "set_config('hnsw.iterative_scan', 'relaxed_order', true)",
                         (str(min(1000, max(EF_SEARCH, limit))),))
            rows = conn.execute(  # relaxed order: re-sorted outside the materialised scan
                f"WITH nearest AS MATERIALIZED (SELECT ch.id, ch.document_id, {distance} AS distance "
                f"FROM chunk_vectors v JOIN chunks ch ON ch.id = v.chunk_id JOIN documents d ON d.id = ch.document_id "
                f"WHERE v.model_id = {space.id} AND {where} AND {fwhere} ORDER BY distance LIMIT %s) "
                f"SELECT id, document_id, 1 - distance FROM nearest ORDER BY distance, id",
                [vector_text(q), *params, *fparams, limit]).fetchall()
        return [ChunkHit(chunk_id=r[0], document_id=r[1], score=r[2], rank=i + 1) for i, r in enumerate(rows)]

    def _scope_sql(self, scope: str) -> str:
        return "ch.lead" if scope == "lead" else TRUE

    def chunks_to_embed(self, model: str, scope: str, limit: int) -> list[tuple[int, str]]:
        """Chunks without a vector of ``model``: lead passages first, newest documents first."""
        with self._connection() as conn:
            space = self._space(conn)
            missing = (f"AND NOT EXISTS (SELECT 1 FROM chunk_vectors v WHERE v.chunk_id = ch.id "
                       f"AND v.model_id = {space.id})" if space and space.model == model else "")
            rows = conn.execute(
                f"SELECT ch.id, d.title, d.reference, ch.file_name, ch.section, ch.text FROM chunks ch "
                f"JOIN documents d ON d.id = ch.document_id WHERE {self._scope_sql(scope)} {missing} "
                f"ORDER BY ch.lead DESC, ch.doc_date DESC, ch.id LIMIT %s", (limit,)).fetchall()
        return [(r[0], embedding_text(*r[1:])) for r in rows]

    def put_vectors(self, model: str, items: Iterable[tuple[int, Sequence[float]]]) -> int:
        items = [(int(cid), np.asarray(vec, dtype=np.float32)) for cid, vec in items]
        if not items:
            return 0
        dim = int(items[0][1].shape[0])
        if any(vec.shape != (dim,) for _, vec in items):
            raise StoreError(f"vectors of {model} differ in length; expected {dim} dimensions each")
        with self._transaction() as conn:
            space = self._space(conn)
            if space is None or (space.model, space.dim) != (model, dim):
                conn.execute("SELECT pg_advisory_xact_lock(%s, %s)", VECTOR_SPACE_LOCK)
                space = self._space(conn)  # another worker may have switched meanwhile
                if space is None or (space.model, space.dim) != (model, dim):
                    space = self._new_space(conn, model, dim)
            # chunks replaced while their vectors were computed are skipped; KEY SHARE keeps the rest
            live = {i for (i,) in conn.execute("SELECT id FROM chunks WHERE id = ANY(%s) FOR KEY SHARE",
                                               ([cid for cid, _ in items],))}
            written = [(cid, space.id, vector_text(vec)) for cid, vec in items if cid in live]
            with conn.cursor() as cur:
                cur.executemany("INSERT INTO chunk_vectors VALUES (%s, %s, %s::vector) ON CONFLICT (chunk_id, "
                                "model_id) DO UPDATE SET embedding = EXCLUDED.embedding", written)
            return len(written)

    def vector_progress(self, model: str, scope: str, access: Access | None = None) -> tuple[int, int]:
        """(chunks with a vector of ``model``, chunks in ``scope``); counted over what ``access`` may read
        (every chunk without it: the operator's view)."""
        where, params = TRUE, []
        if access is not None:
            visible, params = access_sql(access, mark="%s")
            where = f"ch.document_id IN (SELECT d.id FROM documents d WHERE {visible})"
        with self._connection() as conn:
            space = self._space(conn)
            done = (f"EXISTS (SELECT 1 FROM chunk_vectors v WHERE v.chunk_id = ch.id AND v.model_id = {space.id})"
                    if space and space.model == model else "FALSE")
            row = conn.execute(f"SELECT count(*) FILTER (WHERE {done}), count(*) FROM chunks ch "
                               f"WHERE {self._scope_sql(scope)} AND {where}", params).fetchone()
        return row[0], row[1]

    def stats(self) -> dict[str, Any]:
        with self._connection() as conn:
            one = lambda sql: conn.execute(sql).fetchone()[0]  # noqa: E731
            space = self._space(conn)
            return {
                "documents": one("SELECT count(*) FROM documents"),
                "chunks": one("SELECT count(*) FROM chunks"),
                "vectors": one("SELECT count(*) FROM chunk_vectors"),
                "collections": one("SELECT count(*) FROM collections"),
                "vector_model": space.model if space else None,
                "by_type": dict(conn.execute("SELECT type, count(*) FROM documents GROUP BY type").fetchall()),
            }


def bm25(terms: Sequence[str], df: dict[str, int], chunks: int, tokens: int) -> tuple[list[Any], str]:
    """BM25 as bm25s's Lucene variant scores it (lexical_memory.py): the sum over the terms of
    idf · tf / (tf + k1 · (1 - b + b · length / average length)), where idf = ln(1 + (N - df + 0.5) / (df + 0.5))
    and N, df and the average length are over all chunks.

    Returns the parameters of the weights table ``w(term, idf)`` (term, idf, term, idf, ...) and the score
    expression, an aggregate over the matching postings ``p`` joined to ``w``. The length normalisation is
    k1 (1 - b) + (k1 b / average length) · length, in float8 (numeric arithmetic would double the cost of
    an aggregate over 30,000 postings); its two constants are our own floats, written as literals."""
    average = tokens / max(chunks, 1) or 1.0
    norm = f"({BM25_K1 * (1 - BM25_B)!r}::float8 + {BM25_K1 * BM25_B / average!r}::float8 * p.length)"
    weights = [v for t in terms for v in (t, math.log(1 + (chunks - df[t] + 0.5) / (df[t] + 0.5)))]
    return weights, f"sum(w.idf * p.tf::float8 / (p.tf::float8 + {norm}))"


def index_kind(dim: int) -> str | None:
    """The pgvector type whose HNSW index takes ``dim`` dimensions (halfvec halves the precision), or None."""
    return next((kind for kind, largest in INDEXABLE if dim <= largest), None)


def quote_lexeme(term: str) -> str:
    """One term as a quoted tsvector/tsquery lexeme, taken as it is: user input is never query syntax."""
    return "'" + term.replace("\\", "\\\\").replace("'", "''") + "'"


def tsvector(title: Sequence[str], body: Sequence[str]) -> str:
    """The analysed terms as a tsvector literal, title positions weighted A. Written out rather than
    parsed by to_tsvector, which would split terms again ("d'hondt") or drop them ("½") and so index
    other terms than SQLite does. Searches no longer read it (since migration 003 they read ``postings``); it
    is still written for databases and tools that do. The position limits (16383, 256 per term) do no harm;
    terms longer than PostgreSQL takes (base64 runs) are left out."""
    positions: dict[str, list[str]] = {}
    for i, term in enumerate([*title, *body], start=1):
        if len(term.encode()) <= MAX_LEXEME_BYTES:
            positions.setdefault(term, []).append(f"{min(i, MAX_POSITION)}{'A' if i <= len(title) else ''}")
    return " ".join(f"{quote_lexeme(t)}:{','.join(p[:256])}" for t, p in positions.items())


def vector_text(vec: np.ndarray) -> str:
    """pgvector's text form; every float32 survives the round trip exactly."""
    return "[" + ",".join(map(repr, vec.astype(np.float32).tolist())) + "]"


def _clean(value: Any) -> Any:
    """PostgreSQL text and jsonb cannot hold NUL characters (PDF text sometimes has them); they carry
    nothing, so they go. Strings, lists and dicts are cleaned through; anything else is returned as is."""
    if isinstance(value, str):
        return value.replace("\x00", "")
    if isinstance(value, list):
        return [_clean(v) for v in value]
    if isinstance(value, dict):
        return {_clean(k): _clean(v) for k, v in value.items()}
    return value
