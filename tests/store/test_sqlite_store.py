"""The SQLite store runs the full Store contract with its durable indexes alone (FTS5, sqlite-vec) and
with the in-memory snapshots (BM25 index, vector matrix)."""

from __future__ import annotations

import pytest

from rathaus.documents import Access, Collection, Document, Passage
from rathaus.ingest.chunk import chunk_document
from rathaus.language.german import query_terms
from rathaus.store.sqlite import SQLiteStore
from tests.contracts.store_contract import StoreContract

pytestmark = pytest.mark.unit


class TestSQLiteStoreFTS5(StoreContract):
    @pytest.fixture
    def store(self, tmp_path):
        s = SQLiteStore(tmp_path / "rathaus.sqlite", lexical_cache="off", vector_cache="off")
        yield s
        s.close()


class TestSQLiteStoreMemoryIndex(StoreContract):
    @pytest.fixture
    def store(self, tmp_path):
        s = SQLiteStore(tmp_path / "rathaus.sqlite", lexical_cache="eager", vector_cache="eager")
        yield s
        s.close()


def test_migrations_are_idempotent(tmp_path):
    SQLiteStore(tmp_path / "x.sqlite").close()
    s = SQLiteStore(tmp_path / "x.sqlite")
    assert s.stats()["documents"] == 0
    s.close()


def test_collections_from_before_publication_flags_keep_serving_citizens(tmp_path):
    """Migration 003: an offen collection of an older index stays public; intern stays unpublished."""
    from rathaus.store import migrations
    from rathaus.store.migrations.sqlite import MIGRATIONS
    from rathaus.store.sqlitedb import connect

    conn = connect(tmp_path / "old.sqlite")
    migrations.apply(conn, MIGRATIONS[:2])
    conn.execute("INSERT INTO collections(name, classification, description) VALUES ('rat', 'offen', ''), "
                 "('bau', 'intern', '')")
    conn.commit()
    conn.close()
    store = SQLiteStore(tmp_path / "old.sqlite")
    assert store.get_collection("rat").public and not store.get_collection("bau").public
    assert [c.name for c in store.list_collections(Access.anonymous())] == ["rat"]
    store.close()


def test_memory_index_follows_writes_and_never_serves_a_stale_snapshot(tmp_path):
    store = SQLiteStore(tmp_path / "x.sqlite", lexical_cache="eager")
    store.ensure_collection(Collection("rat"))
    d = Document("d1", "rat", "Paper", "Hundesteuer", passages=[Passage("Die Hundesteuer steigt.")])
    store.upsert_document(d, chunk_document(d))
    assert [h.document_id for h in store.lexical_search(query_terms("Hundesteuer"), Access.anonymous())] == ["d1"]
    index = store.lexical_cache.index
    store.delete_document("d1")
    assert store.lexical_search(query_terms("Hundesteuer"), Access.anonymous()) == []
    assert store.lexical_cache.index is not index  # rebuilt for the new generation
    background = SQLiteStore(tmp_path / "x.sqlite", lexical_cache="background")
    background.lexical_cache.index = index  # an old snapshot must not answer
    assert background.lexical_search(query_terms("Hundesteuer"), Access.anonymous()) == []
    store.close()
    background.close()


def _vector_store(tmp_path, mode):
    store = SQLiteStore(tmp_path / "v.sqlite", lexical_cache="off", vector_cache=mode)
    store.ensure_collection(Collection("rat"))
    store.ensure_collection(Collection("intern", "intern", access_groups=("bauamt",)))
    return store


def _add(store, doc_id, collection, vector, doc_type="Paper"):
    d = Document(doc_id, collection, doc_type, f"Titel {doc_id}", passages=[Passage(f"Text {doc_id}")])
    store.upsert_document(d, chunk_document(d))
    cid = store.document_chunks(doc_id, Access.operator())[0].id
    store.put_vectors("m", [(cid, vector)])
    return cid


def test_a_stale_vector_snapshot_never_returns_deleted_or_forbidden_chunks(tmp_path):
    store = _vector_store(tmp_path, "eager")
    _add(store, "a", "rat", [1.0, 0.0])
    _add(store, "b", "intern", [0.99, 0.1])
    assert [h.document_id for h in store.vector_search([1.0, 0.0], "m", Access.anonymous())] == ["a"]
    stale = store.vector_cache.index
    store.delete_document("a")
    _add(store, "c", "rat", [0.0, 1.0])
    background = SQLiteStore(tmp_path / "v.sqlite", lexical_cache="off", vector_cache="background")
    background.vector_cache.min_interval = 3600  # keep the stale snapshot in place for this check
    background.vector_cache._last_start = __import__("time").monotonic()
    background.vector_cache.index = stale
    hits = background.vector_search([1.0, 0.0], "m", Access.anonymous())
    assert [h.document_id for h in hits] == []  # "a" is gone, "b" is not visible, "c" is not in the snapshot yet
    fresh = background.vector_cache.index = store.vector_cache.current(
        store._vector_generation(store._conn()), store._build_vector_index)
    assert fresh is not stale and fresh.size == 2
    assert [h.document_id for h in background.vector_search([1.0, 0.0], "m", Access.anonymous())] == ["c"]
    store.close()
    background.close()


def test_memory_vector_search_widens_until_filters_are_satisfied(tmp_path):
    from rathaus.documents import SearchFilters

    store = _vector_store(tmp_path, "eager")
    for i in range(30):  # thirty near neighbours of another type crowd out the one wanted
        _add(store, f"n{i}", "rat", [1.0, 0.01 * i])
    _add(store, "far", "rat", [0.0, 1.0], doc_type="Meeting")
    hits = store.vector_search([1.0, 0.0], "m", Access.anonymous(), SearchFilters(types=["Meeting"]), limit=2)
    assert [h.document_id for h in hits] == ["far"]
    exact = SQLiteStore(tmp_path / "v.sqlite", lexical_cache="off", vector_cache="off")
    assert [h.document_id for h in exact.vector_search([1.0, 0.0], "m", Access.anonymous(), limit=5)] == \
        [h.document_id for h in store.vector_search([1.0, 0.0], "m", Access.anonymous(), limit=5)]
    store.close()
    exact.close()


def test_closing_waits_for_a_background_build(tmp_path):
    """A build in the background reads on its own connection; closing the store must not close it under it
    (that crashed the test process once: a segmentation fault inside SQLite)."""
    store = SQLiteStore(tmp_path / "x.sqlite", lexical_cache="background")
    store.ensure_collection(Collection("rat"))
    for i in range(200):
        d = Document(f"d{i}", "rat", "Paper", f"Hundesteuer {i}", passages=[Passage("Die Hundesteuer steigt. " * 20)])
        store.upsert_document(d, chunk_document(d))
    store.lexical_cache.min_interval = 0
    store.lexical_search(query_terms("Hundesteuer"), Access.anonymous())  # starts the build in the background
    thread = store.lexical_cache._thread
    assert thread is not None
    store.close()
    assert not thread.is_alive()
