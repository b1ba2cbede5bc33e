"""The PostgreSQL store ranks exactly as the SQLite store does: the same corpus in both gives the same
lexical ranking (BM25 in SQL against the in-memory bm25s index) and the same hybrid results through
the Searcher. Vector search is exact on both sides here; HNSW's recall is measured in
test_postgres_store.py."""

from __future__ import annotations

import hashlib
import random

import numpy as np
import pytest

from rathaus.documents import Access, Document, Passage, SearchFilters
from rathaus.ingest.chunk import chunk_document
from rathaus.language.german import query_terms
from rathaus.search.hybrid import Searcher
from rathaus.store.postgres import PostgresStore
from rathaus.store.sqlite import SQLiteStore
from tests.conftest import FakeEmbedder
from tests.contracts.store_contract import ADMIN, ANON, STAFF, fill

pytestmark = pytest.mark.unit

# Written for this test: words of council papers, compounds and umlauts included.
TOPICS = ["Haushalt", "Haushaltsplan", "Straßenbeleuchtung", "Kindertagesstätte", "Kita", "Bebauungsplan",
          "Radweg", "Radverkehr", "Hundesteuer", "Gemeinderat", "Bauausschuss", "Feuerwehr", "Feuerwehrhaus",
          "Grundschule", "Schulsanierung", "Parkplatz", "Parkgebühren", "Friedhofsgebühren", "Spielplatz",
          "Sporthalle", "Hallenbad", "Oberbürgermeisterin", "Stadtwerke", "Wasserversorgung", "Abwassergebühren",
          "Müllabfuhr", "Wertstoffhof", "Klimaschutz", "Photovoltaikanlage", "Wärmepumpe", "Fernwärme",
          "Nahverkehr", "Buslinie", "Bahnhofstraße", "Hauptstraße", "Marktplatz", "Stadtbibliothek",
          "Musikschule", "Jugendzentrum", "Pflegeheim", "Wohnungsbau", "Gewerbegebiet", "Gewerbesteuer",
          "Grundsteuer", "Förderprogramm", "Sanierung", "Neubau", "Ausschreibung", "Vergabe", "Sitzverteilung"]
FILLER = ["Die", "Verwaltung", "prüft", "die", "Kosten", "von", "Euro", "im", "Jahr", "2025", "2026", "wird",
          "beraten", "beschlossen", "vertagt", "für", "den", "Ortsteil", "Nord", "Süd", "nach", "d'Hondt", "Antrag",
          "der", "Fraktion", "Anfrage", "Beschluss", "Tagesordnung", "Niederschrift", "Stadt", "Zuschuss"]
QUERIES = ["Straßenbeleuchtung", "Strasse", "Beleuchtung Hundesteuer", "Kita Gebühren", "Radweg Bahnhofstraße Kosten",
           "Haushalt 2025", "Photovoltaik auf dem Dach der Grundschule", "Gemeinderat Beschluss Tagesordnung",
           "d'Hondt Sitzverteilung", "Feuerwehrhaus Neubau Ausschreibung Vergabe", "Oberbürgermeisterin",
           "Müllabfuhr Wertstoffhof Gebühren", "Sanierung", "xyzzy"]
ACCESSES = [ADMIN, ANON, STAFF, Access(frozenset({"stadt/dez2/amt32"}), authenticated=True)]


class NoisyEmbedder(FakeEmbedder):
    """The tests' hashed-stems embedder plus a little noise from the text's hash: two different texts never
    tie, so the comparison does not hang on how each backend rounds the last bit of a cosine."""

    name = "fake/noisy"

    def _vec(self, text: str) -> np.ndarray:
        noise = np.random.default_rng(int(hashlib.md5(text.encode()).hexdigest()[:8], 16)).normal(size=self.dim)
        return super()._vec(text) + 0.05 * noise.astype(np.float32)


def _sentence(rng: random.Random, n: int) -> str:
    return " ".join(rng.choice(TOPICS) if rng.random() < 0.3 else rng.choice(FILLER) for _ in range(n)) + "."


def corpus() -> list[Document]:
    """Forty generated documents in the contract's collections, some with several files and sections."""
    rng = random.Random(6)
    docs = []
    for i in range(40):
        passages = [Passage(" ".join(_sentence(rng, rng.randint(8, 30)) for _ in range(rng.randint(1, 12))),
                            page=p + 1, file_id=f"f{i}", file_name=f"Anlage {p + 1} {rng.choice(TOPICS)}.pdf",
                            section=rng.choice([None, "Begründung", "Beschlussvorschlag"]))
                    for p in range(rng.randint(1, 3))]
        docs.append(Document(f"g{i}", rng.choice(["rat", "rat", "amt32", "alle", "handbuch"]),
                             rng.choice(["Paper", "Meeting"]), f"{rng.choice(TOPICS)} {rng.choice(TOPICS)}",
                             passages=passages, reference=f"Drucksache 2025/{i:04d}", date=f"2025-{1 + i % 12:02d}-10"))
    return docs


@pytest.fixture(scope="module")
def stores(pg_server, tmp_path_factory):
    """The same documents, in the same order, in a SQLite store with its in-memory indexes and in PostgreSQL."""
    database = pg_server.create_database()
    sqlite = SQLiteStore(tmp_path_factory.mktemp("parity") / "rathaus.sqlite", lexical_cache="eager",
                         vector_cache="eager")
    postgres = PostgresStore(pg_server.url(database), exact_vectors=True)
    embedder = NoisyEmbedder()
    for store in (sqlite, postgres):
        fill(store)
        for document in corpus():
            store.upsert_document(document, chunk_document(document, target=400, overlap=50))
        todo = store.chunks_to_embed(embedder.name, "all", 10_000)
        store.put_vectors(embedder.name, zip([cid for cid, _ in todo],
                                             embedder.embed_passages([text for _, text in todo]), strict=True))
    yield sqlite, postgres, embedder
    sqlite.close()
    postgres.close()
    pg_server.drop_database(database)


def _keyed(store, hits) -> list[tuple[str, int, float]]:
    """(document, chunk position, score) of each hit: chunk ids are each store's own."""
    chunks = store.get_chunks([h.chunk_id for h in hits], ADMIN)
    return [(h.document_id, chunks[h.chunk_id].ord, h.score) for h in hits]


def _same_ranking(a: list[tuple[str, int, float]], b: list[tuple[str, int, float]]) -> None:
    assert [(d, o) for d, o, _ in a] == [(d, o) for d, o, _ in b]
    assert np.allclose([s for *_, s in a], [s for *_, s in b], rtol=0, atol=1e-4)


def test_the_corpus_is_big_enough_to_mean_something(stores):
    sqlite, postgres, _ = stores
    assert sqlite.stats()["chunks"] == postgres.stats()["chunks"] > 150
    sqlite.lexical_search(["strass"], ADMIN)
    assert sqlite.lexical_cache.index is not None  # the SQLite side answers from bm25s


@pytest.mark.parametrize("query", QUERIES)
def test_lexical_ranking_is_the_same(stores, query):
    sqlite, postgres, _ = stores
    terms = query_terms(query)
    ranked = 0
    for access in ACCESSES:
        for filters in (None, SearchFilters(collections=["rat", "alle"]), SearchFilters(document_ids=["g3", "g7", "p1"])):
            mine = _keyed(postgres, postgres.lexical_search(terms, access, filters, limit=60))
            _same_ranking(_keyed(sqlite, sqlite.lexical_search(terms, access, filters, limit=60)), mine)
            ranked += len(mine)
    assert ranked or query == "xyzzy"
    # SQLite counts through FTS5, whose tokenizer splits "d'hondt"; its in-memory index does not
    plain = [t for t in terms if "'" not in t]
    assert postgres.term_frequencies(plain) == sqlite.term_frequencies(plain)


@pytest.mark.parametrize("query", QUERIES[:8])
@pytest.mark.parametrize("access", [ADMIN, ANON])
def test_hybrid_results_are_the_same(stores, query, access):
    sqlite, postgres, embedder = stores
    results = []
    for store in (sqlite, postgres):
        response = Searcher(store, embedder).search(query, access, limit=10)
        assert response.dense_used
        results.append([(r.document_id, round(r.score, 6), [(p.file_id, p.page, p.text) for p in r.passages])
                        for r in response.results])
    assert results[0] and results[0] == results[1]
