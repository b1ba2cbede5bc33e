"""The SQLite store runs the full Store contract, with FTS5 alone and with the in-memory BM25 index."""

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
        s = SQLiteStore(tmp_path / "rathaus.sqlite", lexical_cache="off")
        yield s
        s.close()


class TestSQLiteStoreMemoryIndex(StoreContract):
    @pytest.fixture
    def store(self, tmp_path):
        s = SQLiteStore(tmp_path / "rathaus.sqlite", lexical_cache="eager")
        yield s
        s.close()


def test_migrations_are_idempotent(tmp_path):
    SQLiteStore(tmp_path / "x.sqlite").close()
    s = SQLiteStore(tmp_path / "x.sqlite")
    assert s.stats()["documents"] == 0
    s.close()


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
