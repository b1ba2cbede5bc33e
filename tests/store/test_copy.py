"""Moving an installation: the SQLite store copied into PostgreSQL (store/copy.py, `rathaus db
copy-to-postgres`) is faithful (hashes, searches), resumable after a stop anywhere, refuses a foreign
target, and its verification names what a tampered target changed."""

from __future__ import annotations

import numpy as np
import psycopg
import pytest
from typer.testing import CliRunner

from rathaus.cli import app
from rathaus.config import Settings
from rathaus.documents import Access, Collection, SearchFilters
from rathaus.errors import StoreError
from rathaus.identity.audit import AuditLog
from rathaus.ingest.chunk import chunk_document
from rathaus.language.german import query_terms
from rathaus.store import copy as copy_module
from rathaus.store.copy import copy_store, verify
from rathaus.store.postgres import PostgresStore
from rathaus.store.sqlite import SQLiteStore
from tests.contracts.store_contract import ADMIN, ANON, STAFF, doc, fill, put
from tests.store.test_postgres_parity import QUERIES, NoisyEmbedder, corpus

pytestmark = pytest.mark.unit

EMBEDDER = NoisyEmbedder()
MODEL = EMBEDDER.name
DOCUMENTS = 7 + 40  # the contract's and the parity corpus's


def build(store):
    """The contract's collections and documents plus forty with files, pages and sections, all embedded."""
    fill(store)
    for document in corpus():
        store.upsert_document(document, chunk_document(document, target=400, overlap=50))
    todo = store.chunks_to_embed(MODEL, "all", 10_000)
    store.put_vectors(MODEL, zip([cid for cid, _ in todo], EMBEDDER.embed_passages([t for _, t in todo]), strict=True))
    return store


@pytest.fixture(scope="module")
def source(tmp_path_factory):
    s = build(SQLiteStore(tmp_path_factory.mktemp("copy") / "rathaus.sqlite", lexical_cache="eager",
                          vector_cache="off"))
    yield s
    s.close()


@pytest.fixture
def target(pg_url):
    s = PostgresStore(pg_url, exact_vectors=True)
    yield s
    s.close()


def sql(url: str, statement: str, params=None) -> list[tuple]:
    with psycopg.connect(url, autocommit=True) as conn:
        cur = conn.execute(statement, params)
        return cur.fetchall() if cur.description else []


def rows(store, document_ids=None) -> dict[str, tuple]:
    """Each document's content hash and its chunks by position: what a faithful copy keeps."""
    out = {}
    for record in store.list_documents(ADMIN, SearchFilters(document_ids=document_ids or []), limit=1000):
        chunks = store.document_chunks(record.id, ADMIN)
        out[record.id] = (record.content_hash, [(c.ord, c.text_hash, c.page, c.section, c.file_id, c.file_name,
                                                 c.lead) for c in chunks])
    return out


def keyed(store, hits) -> list[tuple[str, int, float]]:
    chunks = store.get_chunks([h.chunk_id for h in hits], ADMIN)
    return [(h.document_id, chunks[h.chunk_id].ord, h.score) for h in hits]


def same_ranking(a, b) -> None:
    assert [(d, o) for d, o, _ in a] == [(d, o) for d, o, _ in b]
    assert np.allclose([s for *_, s in a], [s for *_, s in b], rtol=0, atol=1e-4)


class Stop(Exception):
    pass


def stop_after(n: int):
    def progress(done: int, total: int) -> None:
        if done >= n:
            raise Stop
    return progress


# -- a complete copy ---------------------------------------------------------------------
def test_copy_is_faithful_and_verifies(source, target):
    report = copy_store(source, target, batch=16)  # several pages
    stats = source.stats()
    assert (report.collections, report.documents, report.written, report.unchanged) == (5, DOCUMENTS, DOCUMENTS, 0)
    assert report.chunks == stats["chunks"] and report.vectors == stats["vectors"] == stats["chunks"] > 150
    assert report.model == MODEL and target.stats()["vector_model"] == MODEL
    assert rows(target) == rows(source)  # content hashes, text hashes, positions
    assert target.list_collections(ADMIN) == source.list_collections(ADMIN)  # groups, publication
    assert {r.id: r for r in target.list_documents(ADMIN, limit=100)} == \
        {r.id: r for r in source.list_documents(ADMIN, limit=100)}  # every field, metadata too

    check = verify(source, target)
    assert check.ok and check.differences == []
    assert [(c.name, c.source_count) for c in check.checks] == [
        ("collections", 5), ("documents", DOCUMENTS), ("chunks", stats["chunks"]), (f"vectors:{MODEL}", stats["vectors"])]


def test_a_sync_after_the_move_finds_nothing_changed(source, target):
    """The copied content hashes are the source's own, so the next sync does not re-index everything."""
    copy_store(source, target)
    assert put(target, doc("p2", title="Hundesteuersatzung", text="Die Hundesteuer steigt auf 120 Euro.",
                           date="2025-06-15", organizations=["Hauptausschuss"], type="Paper", body="b1")) is False
    for document in corpus():
        assert target.upsert_document(document, chunk_document(document, target=400, overlap=50)) is False


def test_searches_give_the_same_results(source, target):
    copy_store(source, target)
    ranked = 0
    for query in QUERIES:
        for access in (ADMIN, ANON, STAFF, Access(frozenset({"stadt/dez2/amt32"}), authenticated=True)):
            mine = keyed(target, target.lexical_search(query_terms(query), access, limit=30))
            same_ranking(keyed(source, source.lexical_search(query_terms(query), access, limit=30)), mine)
            ranked += len(mine)
    assert ranked > 100
    for query in ("Straßenbeleuchtung Hauptstraße", "Kita Gebühren", "Feuerwehrhaus Neubau"):
        vector = EMBEDDER.embed_queries([query])[0]
        for access in (ADMIN, ANON):
            mine = keyed(target, target.vector_search(vector, MODEL, access, limit=20))
            assert len(mine) == 20
            same_ranking(keyed(source, source.vector_search(vector, MODEL, access, limit=20)), mine)


def test_a_rerun_changes_nothing(source, target, pg_url):
    copy_store(source, target)
    before = sql(pg_url, "SELECT max(id) FROM chunks")
    report = copy_store(source, target)
    assert (report.documents, report.written, report.unchanged, report.chunks, report.vectors) == (
        DOCUMENTS, 0, DOCUMENTS, 0, 0)
    assert sql(pg_url, "SELECT max(id) FROM chunks") == before  # not a chunk rewritten
    assert verify(source, target).ok


def test_the_copy_goes_back_too(source, target, tmp_path):
    """PostgreSQL to SQLite: the same code, the hashes set through the SQLite side."""
    copy_store(source, target)
    back = SQLiteStore(tmp_path / "back.sqlite", lexical_cache="off", vector_cache="off")
    try:
        report = copy_store(target, back, batch=10)
        assert report.written == DOCUMENTS and report.vectors == source.stats()["vectors"]
        assert rows(back) == rows(source) and verify(source, back).ok and verify(target, back).ok
    finally:
        back.close()


# -- refusing a target that is not a copy ----------------------------------------------
def test_a_target_with_a_foreign_document_is_refused(source, target):
    target.ensure_collection(Collection("rat"))
    put(target, doc("fremd", title="Nicht aus dieser Installation"))
    with pytest.raises(StoreError, match="1 documents the source does not have") as caught:
        copy_store(source, target)
    assert "fremd" in caught.value.user_message and "leere Datenbank" in caught.value.user_message
    assert target.count_documents(ADMIN) == 1 and target.stats()["collections"] == 1  # nothing written


def test_a_target_with_a_foreign_collection_is_refused(source, target):
    target.ensure_collection(Collection("anderswo", "intern"))
    with pytest.raises(StoreError, match="anderswo"):
        copy_store(source, target)
    assert target.stats()["collections"] == 1


# -- stopping and going on ---------------------------------------------------------------
def test_an_interrupted_copy_leaves_complete_documents_and_a_rerun_completes_it(source, target):
    with pytest.raises(Stop):
        copy_store(source, target, progress=stop_after(10), batch=4)  # reported after each page of four
    copied = rows(target)
    assert len(copied) == 12 and copied == rows(source, list(copied))  # whole documents, faithful
    assert target.stats()["vectors"] == sum(len(chunks) for _, chunks in copied.values())
    check = verify(source, target)
    assert not check.ok and "documents count" in check.differences

    report = copy_store(source, target)
    assert (report.written, report.unchanged) == (DOCUMENTS - 12, 12)
    assert verify(source, target).ok


def test_a_stop_before_the_vectors_is_made_up_by_the_rerun(source, target, monkeypatch):
    calls = []

    def failing(model, items):
        calls.append(model)
        if len(calls) == 3:
            raise StoreError("connection lost")
        return PostgresStore.put_vectors(target, model, items)

    monkeypatch.setattr(target, "put_vectors", failing)
    with pytest.raises(StoreError):
        copy_store(source, target, batch=4)  # the third page's vectors fail
    monkeypatch.undo()
    had = target.stats()["vectors"]
    assert target.count_documents(ADMIN) == 12 and 0 < had < source.stats()["vectors"]
    assert f"vectors:{MODEL} count" in verify(source, target).differences
    report = copy_store(source, target)
    assert report.unchanged == 12 and report.written == DOCUMENTS - 12
    assert report.vectors == source.stats()["vectors"] - had
    assert verify(source, target).ok


def test_a_stop_before_the_content_hash_is_set_is_repaired_by_the_rerun(source, target, monkeypatch):
    real = copy_module._PostgresTables.set_content_hashes

    def failing(self, hashes):
        if "g5" in hashes:
            raise StoreError("connection lost")
        real(self, hashes)

    monkeypatch.setattr(copy_module._PostgresTables, "set_content_hashes", failing)
    with pytest.raises(StoreError):
        copy_store(source, target, batch=8)
    monkeypatch.undo()
    assert target.get_document("g5", ADMIN).content_hash != source.get_document("g5", ADMIN).content_hash
    assert rows(target, ["g5"])["g5"][1] == rows(source, ["g5"])["g5"][1]  # its chunks are complete
    assert "documents checksum" in verify(source, target).differences
    copy_store(source, target)
    assert rows(target) == rows(source) and verify(source, target).ok


# -- verification ----------------------------------------------------------------------
@pytest.mark.parametrize("tamper, differs", [
    ("UPDATE chunks SET text = text || ' (geändert)' WHERE id = (SELECT min(id) FROM chunks)", ["chunks checksum"]),
    ("UPDATE chunks SET page = 99 WHERE id = (SELECT max(id) FROM chunks)", ["chunks checksum"]),
    ("UPDATE documents SET title = 'Anders' WHERE id = 'p1'", ["documents checksum"]),
    ("UPDATE collection_groups SET grp = 'stadt/anders' WHERE collection = 'amt32'", ["collections checksum"]),
    ("DELETE FROM chunk_vectors WHERE chunk_id = (SELECT min(chunk_id) FROM chunk_vectors)",
     [f"vectors:{MODEL} count", f"vectors:{MODEL} checksum"]),
])
def test_a_tampered_target_fails_verification_and_names_what_differs(source, target, pg_url, tamper, differs):
    copy_store(source, target)
    sql(pg_url, tamper)
    assert verify(source, target).differences == differs


def test_one_vector_value_one_float32_step_off_is_seen(source, target, pg_url):
    copy_store(source, target)
    chunk_id, values = sql(pg_url, "SELECT chunk_id, embedding::real[] FROM chunk_vectors ORDER BY chunk_id LIMIT 1",
                           )[0]
    vector = np.asarray(values, dtype=np.float32)
    vector[3] = np.nextafter(vector[3], np.float32(1))  # the smallest change a float4 can hold
    sql(pg_url, "UPDATE chunk_vectors SET embedding = %s::real[]::vector WHERE chunk_id = %s",
        ([float(x) for x in vector], chunk_id))
    check = verify(source, target)
    assert check.differences == [f"vectors:{MODEL} checksum"]
    vectors = next(c for c in check.checks if c.name.startswith("vectors:"))
    assert vectors.counts_match and not vectors.checksums_match


# -- the command -----------------------------------------------------------------------
@pytest.fixture
def run(tmp_path, monkeypatch):
    monkeypatch.setenv("RATHAUS_EMBEDDER", "fake")
    monkeypatch.setenv("RATHAUS_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.delenv("RATHAUS_DATABASE_URL", raising=False)
    runner = CliRunner()

    def invoke(*args: str):
        return runner.invoke(app, list(args), catch_exceptions=False)

    return invoke


@pytest.mark.integration
def test_the_command_copies_verifies_and_audits(run, tmp_path, pg_url):
    settings = Settings(data_dir=tmp_path / "data")
    store = SQLiteStore(settings.db_path)
    fill(store)
    todo = store.chunks_to_embed(MODEL, "all", 100)
    store.put_vectors(MODEL, zip([c for c, _ in todo], EMBEDDER.embed_passages([t for _, t in todo]), strict=True))
    store.close()
    password = "Geheim-Passwort-42"
    url = pg_url.replace("postgres:@", f"postgres:{password}@")  # the test server trusts its socket

    result = run("db", "copy-to-postgres", url)
    assert result.exit_code == 0, result.output
    assert password not in result.output
    assert "7 Dokument(e) kopiert, 0 waren schon da" in result.output and "stimmt" in result.output
    assert "weicht ab" not in result.output and "Nächster Schritt: RATHAUS_DATABASE_URL" in result.output
    assert "Vektoren (fake/noisy)" in result.output

    result = run("db", "copy-to-postgres", url, "--verify-only")
    assert result.exit_code == 0 and "kopiert" not in result.output and "Kopie vollständig" in result.output

    sql(pg_url, "UPDATE chunks SET text = 'manipuliert' WHERE id = (SELECT min(id) FROM chunks)")
    result = run("db", "copy-to-postgres", url, "--verify-only")
    assert result.exit_code == 2 and "weicht ab" in result.output and "Prüfsumme" in result.output

    log = AuditLog.from_settings(settings)
    entries = log.entries(action="store.copy")
    log.close()
    assert len(entries) == 3 and all(password not in f"{e.target}{e.details}" for e in entries)
    assert [e.details["ok"] for e in entries] == [True, True, False]


@pytest.mark.integration
def test_the_command_refuses_a_foreign_target_and_bad_input(run, tmp_path, pg_url):
    result = run("db", "copy-to-postgres", pg_url)
    assert result.exit_code == 2 and "keinen SQLite-Index" in result.output

    settings = Settings(data_dir=tmp_path / "data")
    store = SQLiteStore(settings.db_path)
    fill(store)
    store.close()
    result = run("db", "copy-to-postgres", "mysql://root:Zz9-geheim@localhost/db")
    assert result.exit_code == 2 and "Fehler:" in result.output and "Zz9-geheim" not in result.output

    foreign = PostgresStore(pg_url)
    foreign.ensure_collection(Collection("rat"))
    put(foreign, doc("fremd"))
    foreign.close()
    result = run("db", "copy-to-postgres", pg_url)
    assert result.exit_code == 2 and "fremd" in result.output and "leere Datenbank" in result.output
