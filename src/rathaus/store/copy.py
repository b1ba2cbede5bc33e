"""Copying one store into another (an SQLite installation into PostgreSQL: ``rathaus db copy-to-postgres``),
and proving the copy with counts and checksums that depend on neither row ids nor order.

    report = copy_store(SQLiteStore(path), PostgresStore(url))
    check = verify(source, target)
    check.ok, check.differences          # True, [] -- or e.g. ['chunks checksum']

**What is copied.** Collections (classification, groups, description, publication), every document
with its chunks (page, section, file, lead flag), and the vectors of the source's vector space. Writes
go through the Store API: ``ensure_collection``, ``upsert_document`` with ``Document``/``Chunk`` objects
rebuilt from the records, ``put_vectors``. Chunk ids differ between backends, so vectors are matched by
``(document id, ord)``. Both stores keep one vector space (model) at a time, so that is what is copied.

**Batches.** Document ids are read in pages of ``batch`` ids. Each document is read and upserted on
its own (one transaction); the content hashes and vectors that follow are written once per page, or
per ``VECTORS_PER_WRITE`` vectors. Memory is bounded by one page of ids and that many vectors. An SQLite
source is read in the order its documents were written, so the copy's chunk ids are in the same order
and ranking ties (broken by chunk id) fall the same way; other sources are read in id order.

**Resumable.** Every upsert is one transaction, so an interrupted copy leaves complete documents only
(their chunks all there). A rerun skips documents whose content hash already matches, writes the
others, and adds the vectors the target lacks; a second complete run writes nothing. ``progress`` hears
of documents only when their hashes and vectors are written too. The target must be empty or a previous
copy of the same source: documents or collections the source does not have are refused before
anything is written.

**Content hashes.** The source's ``content_hash`` covers the document's passages, which the store does
not keep; a rebuilt document hashes differently. So the source's hash is written onto the target's
row after the upsert (``_Tables.set_content_hashes``). Should a copy stop between the two, the rerun sees
the wrong hash and sets it (the upsert itself then changes nothing). That step uses SQL of the two
known backends; so do the reads that the Store API does not offer (vectors, pages of ids, checksums).

**Checksums.** sha256 over canonical JSON lines, sorted by document id (bytewise) and ``ord``:
collections (name, classification, groups, description, publication); documents (all stored fields,
``content_hash`` among them); chunks (``document_id, ord``, position, lead flag, ``text_hash`` and the
sha256 of the text as stored, so a text changed behind the hash's back is seen); vectors per model
(``document_id, ord, model``, sha256 of the little-endian float32 bytes). PostgreSQL keeps vectors as
float4 and pgvector's text form round-trips float32 exactly, so exact bytes are compared, not rounded
ones. Texts are compared without NUL characters, which PostgreSQL cannot store and the store drops.
"""

from __future__ import annotations

import hashlib
import json
import threading
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from rathaus.documents import Access, Chunk, Document, SearchFilters
from rathaus.errors import StoreError
from rathaus.store.base import ChunkRecord, DocumentRecord, Store

ADMIN = Access.operator()
BATCH = 200  # document ids per page while copying
VECTORS_PER_WRITE = 2000  # vectors put at a time
VERIFY_BATCH = 1000  # rows per page while computing checksums
EXAMPLES = 5  # foreign ids named in a refusal

Progress = Callable[[int, int], None]  # (documents done, documents in the source)


@dataclass
class CopyReport:
    collections: int = 0
    documents: int = 0  # documents in the source, all looked at
    written: int = 0  # copied in this run
    unchanged: int = 0  # already in the target with the same content hash
    chunks: int = 0  # chunks written in this run
    vectors: int = 0  # vectors written in this run
    model: str | None = None  # the source's vector model
    seconds: float = 0.0


@dataclass(frozen=True)
class Check:
    """One compared item: ``collections``, ``documents``, ``chunks`` or ``vectors:<model>``."""

    name: str
    source_count: int
    target_count: int
    source_checksum: str
    target_checksum: str

    @property
    def counts_match(self) -> bool:
        return self.source_count == self.target_count

    @property
    def checksums_match(self) -> bool:
        return self.source_checksum == self.target_checksum

    @property
    def ok(self) -> bool:
        return self.counts_match and self.checksums_match


@dataclass
class Verification:
    checks: list[Check] = field(default_factory=list)
    seconds: float = 0.0

    @property
    def ok(self) -> bool:
        return all(c.ok for c in self.checks)

    @property
    def differences(self) -> list[str]:
        """What differs, e.g. ``['chunks checksum', 'vectors:m count', 'vectors:m checksum']``."""
        out: list[str] = []
        for c in self.checks:
            out += [f"{c.name} count"] * (not c.counts_match) + [f"{c.name} checksum"] * (not c.checksums_match)
        return out


def copy_store(source: Store, target: Store, *, progress: Progress | None = None, batch: int = BATCH) -> CopyReport:
    """Copy everything in ``source`` into ``target`` (empty, or an earlier copy of the same source).
    ``progress(done, total)`` is called after each page, when its documents are complete in the target."""
    if batch < 1:
        raise ValueError("batch must be at least 1")
    started = time.monotonic()
    src, dst = _tables(source), _tables(target)
    try:
        _refuse_foreign(source, target, dst, batch)
        report = CopyReport()
        for collection in source.list_collections(ADMIN):
            target.ensure_collection(collection)
            report.collections += 1
        report.model = src.model()
        writer = _Writer(target, dst, report, progress, source.count_documents(ADMIN))
        for ids in src.id_pages(batch):
            records = {r.id: r for r in source.list_documents(ADMIN, SearchFilters(document_ids=ids), limit=len(ids))}
            present = {r.id: r.content_hash
                       for r in target.list_documents(ADMIN, SearchFilters(document_ids=ids), limit=len(ids))}
            have_vectors = dst.vector_keys(ids)
            for doc_id in ids:
                record = records.get(doc_id)
                if record is None:  # deleted from the source since the page was read
                    continue
                unchanged = present.get(doc_id) == record.content_hash
                if unchanged:
                    report.unchanged += 1
                else:
                    chunks = [_chunk(c) for c in source.document_chunks(doc_id, ADMIN)]
                    target.upsert_document(_document(record), chunks)  # False after a stop before the hash
                    report.written += 1
                    report.chunks += len(chunks)
                # a rewritten document's vectors are all put again: the upsert may have kept some, not all
                vectors = [v for v in src.document_vectors(doc_id)
                           if not unchanged or (doc_id, v[0], v[1]) not in have_vectors]
                writer.add(doc_id, None if unchanged else record.content_hash, vectors)
            writer.flush()
    finally:
        src.close()
        dst.close()
    report.seconds = round(time.monotonic() - started, 2)
    return report


def verify(source: Store, target: Store, *, batch: int = VERIFY_BATCH) -> Verification:
    """Compare counts and checksums of collections, documents, chunks and vectors per model."""
    started = time.monotonic()
    sides: list[dict[str, tuple[int, str]]] = []
    for store in (source, target):
        tables = _tables(store)
        try:
            sides.append(_fingerprints(store, tables, batch))
        finally:
            tables.close()
    empty = (0, hashlib.sha256().hexdigest())
    names = ["collections", "documents", "chunks", *sorted((set(sides[0]) | set(sides[1])) - {
        "collections", "documents", "chunks"})]
    checks: list[Check] = []
    for name in names:
        (sc, ss), (tc, ts) = sides[0].get(name, empty), sides[1].get(name, empty)
        checks.append(Check(name, sc, tc, ss, ts))
    return Verification(checks, round(time.monotonic() - started, 2))


# -- copying ---------------------------------------------------------------------------
def _refuse_foreign(source: Store, target: Store, dst: _Tables, batch: int) -> None:
    """The target must hold nothing the source lacks: it is empty or an earlier copy of this source."""
    names = {c.name for c in source.list_collections(ADMIN)}
    extra = sorted(c.name for c in target.list_collections(ADMIN) if c.name not in names)
    if extra:
        raise StoreError(f"the target holds collections the source does not have: {', '.join(extra[:EXAMPLES])}; "
                         f"copy into an empty database",
                         user_message=f"Die Zieldatenbank enthält Sammlungen, die es in der Quelle nicht gibt "
                                      f"({', '.join(extra[:EXAMPLES])}). Bitte in eine leere Datenbank kopieren.")
    foreign: list[str] = []
    count = 0
    for ids in dst.id_pages(batch):
        known = {r.id for r in source.list_documents(ADMIN, SearchFilters(document_ids=ids), limit=len(ids))}
        missing = [i for i in ids if i not in known]
        count += len(missing)
        foreign += missing[:EXAMPLES - len(foreign)]
    if count:
        shown = ", ".join(foreign) + (", …" if count > len(foreign) else "")
        raise StoreError(f"the target holds {count} documents the source does not have ({shown}); it is neither "
                         f"empty nor a copy of this source",
                         user_message=f"Die Zieldatenbank enthält {count} Dokument(e), die es in der Quelle nicht "
                                      f"gibt ({shown}). Bitte in eine leere Datenbank kopieren.")


def _document(r: DocumentRecord) -> Document:
    return Document(id=r.id, collection=r.collection, type=r.type, title=r.title, reference=r.reference,
                    date=r.date, organizations=list(r.organizations), meeting_date=r.meeting_date, result=r.result,
                    web_url=r.web_url, source_url=r.source_url, body=r.body, modified=r.modified,
                    metadata=dict(r.metadata))


def _chunk(c: ChunkRecord) -> Chunk:
    return Chunk(document_id=c.document_id, ord=c.ord, text=c.text, page=c.page, section=c.section,
                 file_id=c.file_id, file_name=c.file_name, lead=bool(c.lead))


class _Writer:
    """What follows the upserts, written a page (or ``VECTORS_PER_WRITE`` vectors) at a time: the source's
    content hashes and the vectors. Only then do the documents count as done."""

    def __init__(self, target: Store, dst: _Tables, report: CopyReport, progress: Progress | None,
                 total: int) -> None:
        self.target, self.dst, self.report, self.progress, self.total = target, dst, report, progress, total
        self.hashes: dict[str, str] = {}
        self.vectors: list[tuple[str, int, str, np.ndarray]] = []
        self.documents = 0

    def add(self, doc_id: str, content_hash: str | None, vectors: list[tuple[int, str, np.ndarray]]) -> None:
        if content_hash is not None:
            self.hashes[doc_id] = content_hash
        self.vectors += [(doc_id, o, m, v) for o, m, v in vectors]
        self.documents += 1
        if len(self.vectors) >= VECTORS_PER_WRITE:
            self.flush()

    def flush(self) -> None:
        if self.hashes:
            self.dst.set_content_hashes(self.hashes)
        if self.vectors:
            ids = self.dst.chunk_ids(list(dict.fromkeys(d for d, *_ in self.vectors)))
            by_model: dict[str, list[tuple[int, np.ndarray]]] = {}
            for doc_id, ord_, model, vec in self.vectors:
                if (doc_id, ord_) in ids:
                    by_model.setdefault(model, []).append((ids[doc_id, ord_], vec))
            for model, items in by_model.items():
                self.report.vectors += self.target.put_vectors(model, items)
        self.hashes, self.vectors = {}, []
        if self.documents:
            self.report.documents += self.documents
            self.documents = 0
            if self.progress is not None:
                self.progress(self.report.documents, max(self.total, self.report.documents))


# -- checksums -------------------------------------------------------------------------
def _fingerprints(store: Store, tables: _Tables, batch: int) -> dict[str, tuple[int, str]]:
    """name -> (count, sha256 hex) for collections, documents, chunks and each vector model."""
    out: dict[str, tuple[int, str]] = {}
    collections = sorted(store.list_collections(ADMIN), key=lambda c: c.name)
    out["collections"] = _digest([c.name, c.classification, sorted(g.strip("/") for g in c.access_groups),
                                  c.description, bool(c.public)] for c in collections)
    out["documents"] = _digest(tables.document_rows(batch))
    out["chunks"] = _digest(tables.chunk_rows(batch))
    models: dict[str, tuple[int, Any]] = {}
    for doc_id, ord_, model, vec in tables.vector_rows(batch):
        count, digest = models.get(model) or (0, hashlib.sha256())
        digest.update(_line([doc_id, ord_, model, hashlib.sha256(vec.astype("<f4").tobytes()).hexdigest()]))
        models[model] = (count + 1, digest)
    for model, (count, digest) in models.items():
        out[f"vectors:{model}"] = (count, digest.hexdigest())
    return out


def _digest(rows: Iterable[Sequence[Any]]) -> tuple[int, str]:
    return _digest_lines(_line(row) for row in rows)


def _digest_lines(lines: Iterable[bytes]) -> tuple[int, str]:
    digest, count = hashlib.sha256(), 0
    for line in lines:
        digest.update(line)
        count += 1
    return count, digest.hexdigest()


def _line(row: Sequence[Any]) -> bytes:
    return (json.dumps(_plain(row), ensure_ascii=False, separators=(",", ":"), sort_keys=True) + "\n").encode()


def _plain(value: Any) -> Any:
    """A value as both backends give it back: without NUL characters (PostgreSQL drops them), numbers as
    floats (jsonb may return 1e16 as an integer)."""
    if isinstance(value, str):
        return value.replace("\x00", "")
    if isinstance(value, bool) or value is None:
        return value
    if isinstance(value, int | float):
        return float(value) if abs(value) < 1e300 else value
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {_plain(k): _plain(v) for k, v in value.items()}
    return value


def _text_digest(text: str) -> str:
    return hashlib.sha256(text.replace("\x00", "").encode("utf-8")).hexdigest()


# -- the small databases -------------------------------------------------------------------
def copy_small_db(name: str, source: Any, target: Any, skip: dict[str, str] | None = None) -> Check:
    """Copy one small database (accounts, audit log, answers, workspace: store/smalldb.py) from its
    SQLite file (``SQLiteFile``) into its PostgreSQL schema (``PostgresFile``), then compare them.

    All tables in one transaction, so a stop leaves the schema as it was. Rows keep their ids (a session
    refers to its user by id); identity columns then continue after the highest. The schema must be
    empty or hold nothing but rows of the source (an earlier copy, to which the rows added since, such as
    new audit entries, are appended). A schema with other or changed rows is left alone, and the
    comparison shows the difference: two installations are never mixed. ``skip``: see verify_small_db."""
    columns = {table: _small_columns(source, table) for table in _small_tables(source)}
    with target.write() as conn:
        wanted: dict[str, list[tuple[bytes, Sequence[Any]]]] = {}
        present: dict[str, set[bytes]] = {}
        for table, names in columns.items():
            # in the order written, so a group comes after the group above it (a foreign key in the same table)
            wanted[table] = [(_line(row), row) for row in source.conn().execute(
                f'SELECT {_quoted(names)} FROM "{table}" ORDER BY rowid')]
            present[table] = {_line(row) for row in conn.execute(f'SELECT {_quoted(names)} FROM "{table}"')}
        if all(present[t] <= {line for line, _ in wanted[t]} for t in columns):
            identity = {(t, c) for t, c in conn.execute(
                "SELECT table_name, column_name FROM information_schema.columns WHERE table_schema = ? "
                "AND is_identity = 'YES'", (target.schema,))}
            for table, names in columns.items():
                rows = [row for line, row in wanted[table] if line not in present[table]]
                conn.executemany(f'INSERT INTO "{table}" ({_quoted(names)}) VALUES ({", ".join("?" * len(names))})',
                                 rows)
                for column in names:
                    if (table, column) in identity and rows:
                        conn.execute(f"SELECT setval(pg_get_serial_sequence(?, ?), (SELECT max(\"{column}\") "
                                     f'FROM "{table}"))', (f'"{target.schema}"."{table}"', column))
    return verify_small_db(name, source, target, skip)


def verify_small_db(name: str, source: Any, target: Any, skip: dict[str, str] | None = None) -> Check:
    """Counts and a checksum over every row of every table (sorted canonical JSON lines), both sides.
    ``skip``: table -> an SQL condition for rows left out of the comparison (the copy command's own
    audit entries, which every run adds to one side)."""
    selects = [(table, f'SELECT {_quoted(_small_columns(source, table))} FROM "{table}"'
                       + (f" WHERE NOT ({skip[table]})" if skip and table in skip else ""))
               for table in _small_tables(source)]
    sides = []
    for db in (source, target):
        lines = [line for table, select in selects for line in sorted(_line([table, *row])
                                                                      for row in db.conn().execute(select))]
        sides.append(_digest_lines(lines))
    return Check(f"small:{name}", sides[0][0], sides[1][0], sides[0][1], sides[1][1])


def _quoted(columns: Sequence[str]) -> str:
    return ", ".join(f'"{c}"' for c in columns)


def _small_tables(source: Any) -> list[str]:
    """The tables of a SQLite small database, each after the tables its foreign keys point to."""
    conn = source.conn()
    names = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE "
                                        "'sqlite%' AND name != '_migrations' ORDER BY name")]
    parents = {n: {r[2] for r in conn.execute(f'PRAGMA foreign_key_list("{n}")')} - {n} for n in names}
    ordered: list[str] = []
    while len(ordered) < len(names):
        ready = [n for n in names if n not in ordered and parents[n] <= set(ordered)]
        ordered += ready or [n for n in names if n not in ordered]  # a cycle: keep the rest as it is
    return ordered


def _small_columns(source: Any, table: str) -> list[str]:
    return [r[1] for r in source.conn().execute(f'PRAGMA table_info("{table}")')]


# -- backend SQL -----------------------------------------------------------------------
_DOC_FIELDS = ("id, collection, type, title, reference, date, organizations, meeting_date, result, web_url, "
               "source_url, body, modified, content_hash, metadata")
_CHUNK_FIELDS = "document_id, ord, page, section, file_id, file_name, lead, text_hash, text"
_VECTOR_KEY = {"sqlite": ("ch.document_id", "ch.ord"), "postgres": ("ch.document_id", "ch.ord", 'm.model COLLATE "C"')}


class _Tables:
    """What the Store API does not offer, per backend: pages of ids, vectors, rows for the checksums, and
    setting a document's content hash. Pages are keyset-paginated in bytewise order (SQLite's BINARY,
    PostgreSQL's COLLATE "C"), the order in which Python compares ``str``."""

    mark = "?"
    conn: Any

    def close(self) -> None:
        self.conn.close()

    def _rows(self, sql: str, params: Sequence[Any] = (), binary: bool = False) -> list[Any]:
        return self.conn.execute(sql, params).fetchall()

    def _pages(self, select: str, key: Sequence[str], order: str, batch: int,
               binary: bool = False) -> Iterator[list[Any]]:
        """``select`` (ending in WHERE) page by page, ordered by the columns ``key``, which are the first
        columns of each row: each page starts after the last row of the one before."""
        after: list[Any] | None = None
        marks = ", ".join([self.mark] * len(key))
        while True:
            where, params = (f"({', '.join(key)}) > ({marks})", after) if after else ("1 = 1", [])
            rows = self._rows(f"{select} {where} ORDER BY {order} LIMIT {self.mark}", [*params, batch], binary)
            if not rows:
                return
            yield rows
            after = list(rows[-1][:len(key)])

    def id_pages(self, batch: int) -> Iterator[list[str]]:
        for rows in self._pages("SELECT id FROM documents WHERE", ["id"], "id", batch):
            yield [i for (i,) in rows]

    def document_rows(self, batch: int) -> Iterator[list[Any]]:
        for rows in self._pages(f"SELECT {_DOC_FIELDS} FROM documents WHERE", ["id"], "id", batch):
            yield from (self._document_row(r) for r in rows)

    def chunk_rows(self, batch: int) -> Iterator[list[Any]]:
        for rows in self._pages(f"SELECT {_CHUNK_FIELDS} FROM chunks WHERE", ["document_id", "ord"],
                                "document_id, ord", batch):
            yield from ([*r[:6], bool(r[6]), r[7], _text_digest(r[8])] for r in rows)

    def _document_row(self, r: Sequence[Any]) -> list[Any]:
        return list(r)

    def model(self) -> str | None:
        raise NotImplementedError

    def vector_keys(self, ids: Sequence[str]) -> set[tuple[str, int, str]]:
        raise NotImplementedError

    def document_vectors(self, doc_id: str) -> list[tuple[int, str, np.ndarray]]:
        raise NotImplementedError

    def vector_rows(self, batch: int) -> Iterator[tuple[str, int, str, np.ndarray]]:
        raise NotImplementedError

    def chunk_ids(self, ids: Sequence[str]) -> dict[tuple[str, int], int]:
        raise NotImplementedError

    def set_content_hashes(self, hashes: dict[str, str]) -> None:
        raise NotImplementedError


def _tables(store: Store) -> _Tables:
    from rathaus.store.sqlite import SQLiteStore

    if isinstance(store, SQLiteStore):
        return _SQLiteTables(store)
    try:
        from rathaus.store.postgres import PostgresStore
    except ImportError:  # without psycopg it cannot be a PostgresStore either
        PostgresStore = None  # type: ignore[assignment,misc]  # noqa: N806
    if PostgresStore is not None and isinstance(store, PostgresStore):
        return _PostgresTables(store)
    raise StoreError(f"cannot copy or verify a {type(store).__name__}: only the sqlite and postgres stores")


class _SQLiteTables(_Tables):
    def __init__(self, store: Any) -> None:
        from rathaus.store.sqlitedb import connect

        self.conn = connect(store.path)
        self.lock = threading.RLock()

    def model(self) -> str | None:
        rows = self._rows("SELECT value FROM meta WHERE key = 'vector_model'")
        return rows[0][0] if rows else None

    def _document_row(self, r: Sequence[Any]) -> list[Any]:
        return [*r[:6], json.loads(r[6]), *r[7:14], json.loads(r[14])]

    def id_pages(self, batch: int) -> Iterator[list[str]]:
        """In the order the documents were written (rowid), which is the order of their chunk ids: a copy
        written in this order breaks ranking ties (by chunk id) as the source does."""
        after = 0
        while rows := self._rows("SELECT rowid, id FROM documents WHERE rowid > ? ORDER BY rowid LIMIT ?",
                                 (after, batch)):
            yield [i for _, i in rows]
            after = rows[-1][0]

    def vector_keys(self, ids: Sequence[str]) -> set[tuple[str, int, str]]:
        return {(d, o, m) for d, o, m in self._rows(
            f"SELECT ch.document_id, ch.ord, v.model FROM chunk_vectors v JOIN chunks ch ON ch.id = v.chunk_id "
            f"WHERE ch.document_id IN ({','.join('?' * len(ids))})", list(ids))}

    def document_vectors(self, doc_id: str) -> list[tuple[int, str, np.ndarray]]:
        return [(o, m, np.frombuffer(blob, dtype=np.float32)) for o, m, blob in self._rows(
            "SELECT ch.ord, v.model, v.vector FROM chunk_vectors v JOIN chunks ch ON ch.id = v.chunk_id "
            "WHERE ch.document_id = ? ORDER BY ch.ord", (doc_id,))]

    def vector_rows(self, batch: int) -> Iterator[tuple[str, int, str, np.ndarray]]:
        for rows in self._pages("SELECT ch.document_id, ch.ord, v.model, v.vector FROM chunk_vectors v "
                                "JOIN chunks ch ON ch.id = v.chunk_id WHERE", _VECTOR_KEY["sqlite"],
                                "ch.document_id, ch.ord", batch):  # one vector per chunk in SQLite
            yield from ((d, o, m, np.frombuffer(blob, dtype=np.float32)) for d, o, m, blob in rows)

    def chunk_ids(self, ids: Sequence[str]) -> dict[tuple[str, int], int]:
        return {(d, o): i for d, o, i in self._rows(
            f"SELECT document_id, ord, id FROM chunks WHERE document_id IN ({','.join('?' * len(ids))})", list(ids))}

    def set_content_hashes(self, hashes: dict[str, str]) -> None:
        from rathaus.store.sqlitedb import write_transaction

        with write_transaction(self.conn, self.lock) as conn:
            conn.executemany("UPDATE documents SET content_hash = ? WHERE id = ?", [(h, i) for i, h in hashes.items()])


class _PostgresTables(_Tables):
    mark = "%s"

    def __init__(self, store: Any) -> None:
        from rathaus.store.pgdb import connect

        self.target = store.target
        self.conn = connect(store.target, store.timeout)

    def _rows(self, sql: str, params: Sequence[Any] = (), binary: bool = False) -> list[Any]:
        from rathaus.store.pgdb import translated

        with translated(self.target):
            cur = self.conn.execute(sql, params, binary=binary)
            return cur.fetchall() if cur.description else []

    def model(self) -> str | None:
        rows = self._rows("SELECT model FROM vector_models ORDER BY id DESC LIMIT 1")
        return rows[0][0] if rows else None

    def vector_keys(self, ids: Sequence[str]) -> set[tuple[str, int, str]]:
        return {(d, o, m) for d, o, m in self._rows(
            "SELECT ch.document_id, ch.ord, m.model FROM chunk_vectors v JOIN chunks ch ON ch.id = v.chunk_id "
            "JOIN vector_models m ON m.id = v.model_id WHERE ch.document_id = ANY(%s)", (list(ids),))}

    def document_vectors(self, doc_id: str) -> list[tuple[int, str, np.ndarray]]:
        # binary: float4 arrives as its exact bits, no decimal round trip
        return [(o, m, np.asarray(v, dtype=np.float32)) for o, m, v in self._rows(
            "SELECT ch.ord, m.model, v.embedding::real[] FROM chunk_vectors v JOIN chunks ch ON ch.id = v.chunk_id "
            "JOIN vector_models m ON m.id = v.model_id WHERE ch.document_id = %s ORDER BY ch.ord",
            (doc_id,), binary=True)]

    def vector_rows(self, batch: int) -> Iterator[tuple[str, int, str, np.ndarray]]:
        for rows in self._pages("SELECT ch.document_id, ch.ord, m.model, v.embedding::real[] FROM chunk_vectors v "
                                "JOIN chunks ch ON ch.id = v.chunk_id JOIN vector_models m ON m.id = v.model_id WHERE",
                                _VECTOR_KEY["postgres"], ", ".join(_VECTOR_KEY["postgres"]), batch, binary=True):
            yield from ((d, o, m, np.asarray(v, dtype=np.float32)) for d, o, m, v in rows)

    def chunk_ids(self, ids: Sequence[str]) -> dict[tuple[str, int], int]:
        return {(d, o): i for d, o, i in self._rows(
            "SELECT document_id, ord, id FROM chunks WHERE document_id = ANY(%s)", (list(ids),))}

    def set_content_hashes(self, hashes: dict[str, str]) -> None:
        self._rows("UPDATE documents d SET content_hash = u.hash FROM unnest(%s::text[], %s::text[]) AS u(id, hash) "
                   "WHERE d.id = u.id", (list(hashes), list(hashes.values())))
