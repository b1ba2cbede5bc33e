"""The PostgreSQL store runs the full Store contract against a real server (tests/store/pg.py), and
meets bad input with clear errors: a wrong URL, an unreachable server, pgvector missing or not
allowed, an older schema, a server restart, a session killed in the middle of a write."""

from __future__ import annotations

import threading
import time
from concurrent.futures import ThreadPoolExecutor

import numpy as np
import psycopg
import pytest

from rathaus import plugins
from rathaus.config import Settings
from rathaus.documents import Access, Collection, SearchFilters
from rathaus.errors import ConfigError, NotFound, StoreError
from rathaus.language.german import query_terms
from rathaus.store.pgdb import Target
from rathaus.store.postgres import PostgresStore
from tests.contracts.store_contract import ADMIN, StoreContract, doc, ids, put
from tests.store.pg import start_server

pytestmark = pytest.mark.unit


class TestPostgresStore(StoreContract):
    @pytest.fixture
    def store(self, pg_url):
        s = PostgresStore(pg_url)
        yield s
        s.close()


@pytest.fixture
def store(pg_url):
    s = PostgresStore(pg_url)
    s.ensure_collection(Collection("rat"))
    yield s
    s.close()


def _tables(pg_server, database: str) -> set[str]:
    return {t for (t,) in pg_server.execute(database, "SELECT tablename FROM pg_tables WHERE schemaname = 'public'")}


# -- choosing the store ------------------------------------------------------------------
def test_a_database_url_selects_the_postgres_store(tmp_path, pg_url):
    assert plugins.store_name(Settings(data_dir=tmp_path)) == "sqlite"
    assert plugins.store_name(Settings(data_dir=tmp_path, store="sqlite", database_url=pg_url)) == "sqlite"
    settings = Settings(data_dir=tmp_path, database_url=pg_url)
    store = plugins.create_store(settings)  # through the entry point, as a third-party store would be
    assert isinstance(store, PostgresStore) and store.stats()["documents"] == 0
    store.close()
    with pytest.raises(ConfigError, match="RATHAUS_DATABASE_URL"):
        plugins.create_store(Settings(data_dir=tmp_path, store="postgres"))


def test_stats_have_the_sqlite_stores_keys(store, tmp_path):
    from rathaus.store.sqlite import SQLiteStore

    sqlite = SQLiteStore(tmp_path / "x.sqlite")
    assert store.stats().keys() == sqlite.stats().keys()
    sqlite.close()


# -- bad input ---------------------------------------------------------------------------
@pytest.mark.parametrize("url, problem", [
    ("mysql://rathaus:s3cret-pw@db/rathaus", "not a PostgreSQL URL"),
    ("s3cret-pw", "not a PostgreSQL URL"),
    ("postgresql://rathaus:s3cret-pw@db:fivefourthreetwo/rathaus", "port"),
])
def test_a_malformed_url_is_a_config_error_without_the_password(url, problem):
    with pytest.raises(ConfigError, match=problem) as caught:
        PostgresStore(url)
    assert "s3cret-pw" not in str(caught.value)


def test_an_unreachable_server_is_named_without_the_password():
    started = time.monotonic()
    with pytest.raises(StoreError) as caught:
        PostgresStore("postgresql://rathaus:s3cret-pw@127.0.0.1:1/rathaus", timeout=3)
    message = str(caught.value)
    assert "host 127.0.0.1 port 1, database rathaus, user rathaus" in message and "refused" in message
    assert "s3cret-pw" not in message and caught.value.user_message == "Die Datenbank ist nicht erreichbar."
    assert time.monotonic() - started < 10


def test_a_missing_database_is_named(pg_server):
    with pytest.raises(StoreError, match='database "no_such_db" does not exist') as caught:
        PostgresStore(pg_server.url("no_such_db"))
    assert "database no_such_db" in str(caught.value)


def test_pgvector_not_installed_says_how_to_install_it(pg_server, pg_database):
    # A real server without the extension's files: PostgreSQL 18 looks for extensions only where
    # extension_control_path says, here in a directory that does not exist.
    pg_server.execute("postgres", f"ALTER DATABASE {pg_database} SET extension_control_path = '/nonexistent'")
    with pytest.raises(StoreError, match="pgvector extension is not installed") as caught:
        PostgresStore(pg_server.url(pg_database))
    assert "apt install postgresql-18-pgvector" in str(caught.value)
    assert _tables(pg_server, pg_database) == set()  # nothing was created


def test_a_user_who_may_not_enable_pgvector_is_told_who_can(pg_server):
    pg_server.execute("postgres", "DROP ROLE IF EXISTS rathaus_app")
    pg_server.execute("postgres", "CREATE ROLE rathaus_app LOGIN")
    database = pg_server.create_database(owner="rathaus_app")  # it may create tables, not untrusted extensions
    url = pg_server.url(database, user="rathaus_app")
    try:
        with pytest.raises(StoreError, match="may not enable it: connect as a superuser and run CREATE EXTENSION"):
            PostgresStore(url)
        assert _tables(pg_server, database) == set()
        pg_server.execute(database, "CREATE EXTENSION vector")  # the superuser's one step
        store = PostgresStore(url)  # from now on the application's own role is enough
        store.ensure_collection(Collection("rat"))
        put(store, doc("d1", title="Hundesteuer"))
        store.put_vectors("m", [(store.document_chunks("d1", ADMIN)[0].id, [1.0, 0.0])])
        assert ids(store.vector_search([1.0, 0.0], "m", ADMIN)) == ["d1"]
        store.close()
    finally:
        pg_server.drop_database(database)
        pg_server.execute("postgres", "DROP ROLE rathaus_app")


# -- schema migrations --------------------------------------------------------------------
def test_an_older_schema_is_migrated_on_opening(pg_url):
    from rathaus.store.migrations import postgres as pg_migrations

    with psycopg.connect(pg_url, autocommit=True) as conn:  # a database made by an older Rathaus
        assert pg_migrations.apply(conn, Target(pg_url), pg_migrations.MIGRATIONS[:1]) == ["001_documents"]
        conn.execute("INSERT INTO collections VALUES ('rat', 'offen', 'Ratsinformation', true)")
    store = PostgresStore(pg_url)
    assert store.get_collection("rat").description == "Ratsinformation"
    put(store, doc("d1", title="Hundesteuer"))
    store.put_vectors("m", [(store.document_chunks("d1", ADMIN)[0].id, [1.0, 0.0])])  # tables of migration 002
    assert ids(store.vector_search([1.0, 0.0], "m", ADMIN)) == ["d1"]
    store.close()
    with psycopg.connect(pg_url, autocommit=True) as conn:
        names = [n for (n,) in conn.execute("SELECT name FROM _migrations ORDER BY name")]
    assert names == [name for name, _ in pg_migrations.MIGRATIONS]


def test_postings_of_an_older_database_are_filled_in(pg_url):
    """Migration 003 builds the postings and the lexicon from the chunks a database already holds."""
    store = PostgresStore(pg_url)
    store.ensure_collection(Collection("rat"))
    put(store, doc("d1", title="Hundesteuer", text="Die Hundesteuer steigt, die Hundesteuer bleibt."))
    put(store, doc("d2", title="Kita", text="Gebühren der Kita."))
    before = {t: store.lexical_search([t], ADMIN) for t in ("hundesteu", "kita")}
    store.close()
    with psycopg.connect(pg_url, autocommit=True) as conn:  # back to the schema of migration 002
        conn.execute("DROP TABLE postings, lexicon")
        conn.execute("DELETE FROM _migrations WHERE name = '003_postings'")
    store = PostgresStore(pg_url)
    assert {t: store.lexical_search([t], ADMIN) for t in before} == before
    assert store.term_frequencies(["hundesteu", "kita", "steigt"]) == ({"hundesteu": 1, "kita": 1, "steigt": 1}, 2)
    store.close()


def test_postings_and_lexicon_follow_every_write(store, pg_url):
    """Replacing and deleting documents keeps the lexicon equal to a count of the postings, and the postings
    equal to the chunks' term frequencies."""
    put(store, doc("p1", title="Hundesteuer", text="Die Hundesteuer steigt. " * 50))
    put(store, doc("p2", title="Kita", text="Die Kita und die Hundesteuer."))
    put(store, doc("p1", title="Katzen", text="Keine Hundesteuer für Katzen."))  # replaced
    put(store, doc("p3", title="Parkgebühren", text="Parken kostet."))
    assert store.delete_document("p3") is True

    def state() -> tuple[list, list, list]:
        with psycopg.connect(pg_url, autocommit=True) as conn:
            lexicon = conn.execute("SELECT term, df FROM lexicon WHERE df <> 0 ORDER BY term").fetchall()
            counted = conn.execute("SELECT term, count(*) FROM postings GROUP BY term ORDER BY term").fetchall()
            postings = conn.execute("SELECT term, chunk_id, tf, length FROM postings ORDER BY 1, 2").fetchall()
            expected = conn.execute("SELECT e.key, ch.id, e.value::int, ch.length FROM chunks ch CROSS JOIN "
                                    "LATERAL jsonb_each_text(ch.tf) e ORDER BY 1, 2").fetchall()
        return lexicon, counted, postings == expected

    lexicon, counted, same = state()
    assert lexicon == counted and same
    assert dict(lexicon)["hundesteu"] == 2 and "parkgebuhr" not in dict(lexicon)
    assert store.term_frequencies(["hundesteu", "katz", "parkgebuhr"])[0] == {"hundesteu": 2, "katz": 1,
                                                                              "parkgebuhr": 0}
    assert sorted(ids(store.lexical_search(query_terms("Hundesteuer"), ADMIN))) == ["p1", "p2"]


def test_lexical_search_when_the_caller_sees_only_some_collections(store):
    """Ranking the postings first is only for callers who see everything; others get the same scores
    over what they may read."""
    store.ensure_collection(Collection("geheim", "vertraulich", ("amt32",)))
    put(store, doc("p1", title="Hundesteuer Hundesteuer"))
    put(store, doc("s1", "geheim", title="Hundesteuer Hundesteuer Hundesteuer"))
    put(store, doc("p2", title="Hundesteuer und Kita"))
    anon = store.lexical_search(["hundesteu"], Access.anonymous())
    admin = store.lexical_search(["hundesteu"], ADMIN)
    assert [h.document_id for h in anon] == ["p1", "p2"] and [h.document_id for h in admin] == ["s1", "p1", "p2"]
    assert [h.score for h in anon] == [h.score for h in admin[1:]]
    assert [h.document_id for h in store.lexical_search(["hundesteu"], ADMIN, limit=1)] == ["s1"]


def test_workers_starting_together_migrate_once(pg_url):
    from rathaus.store.migrations import postgres as pg_migrations

    with ThreadPoolExecutor(4) as pool:
        stores = list(pool.map(lambda _: PostgresStore(pg_url, max_connections=2), range(4)))
    for s in stores:
        s.close()
    with psycopg.connect(pg_url, autocommit=True) as conn:
        assert conn.execute("SELECT count(*) FROM _migrations").fetchone()[0] == len(pg_migrations.MIGRATIONS)


# -- connections and failures --------------------------------------------------------------
def test_the_next_operation_reconnects_after_a_server_restart():
    server = start_server()  # a server of its own: restarting it must not disturb the other tests
    try:
        store = PostgresStore(server.url("postgres"))
        store.ensure_collection(Collection("rat"))
        put(store, doc("d1", title="Hundesteuer"))
        server.restart()
        assert ids(store.lexical_search(query_terms("Hundesteuer"), ADMIN)) == ["d1"]
        assert put(store, doc("d2", title="Hundesteuer erhöht")) is True
        store.close()
    finally:
        server.stop()


def test_a_session_killed_during_a_write_leaves_the_old_document(store, pg_server, pg_database, pg_url):
    put(store, doc("p1", title="Alte Fassung", text="Die Hundesteuer bleibt."))
    store.put_vectors("m", [(store.document_chunks("p1", ADMIN)[0].id, [1.0, 0.0])])
    blocker = psycopg.connect(pg_url)  # holds the statistics row, which every write updates last
    blocker.execute("SELECT * FROM lexical_stats FOR UPDATE")
    failures: list[Exception] = []

    def write() -> None:
        try:
            put(store, doc("p1", title="Neue Fassung", text="Katzen statt Hunde. " * 300))
        except StoreError as exc:
            failures.append(exc)

    writer = threading.Thread(target=write)
    writer.start()
    waiting = []
    for _ in range(100):  # until the write has replaced the chunks and waits for the lock
        waiting = pg_server.execute("postgres", "SELECT pid FROM pg_stat_activity WHERE datname = %s AND "
                                    "wait_event_type = 'Lock' AND query LIKE 'UPDATE lexical_stats%%'",
                                    (pg_database,))
        if waiting:
            break
        time.sleep(0.1)
    assert waiting, "the write never reached the statistics row"
    pg_server.execute("postgres", "SELECT pg_terminate_backend(%s)", (waiting[0][0],))
    writer.join(10)
    blocker.rollback()
    blocker.close()
    assert failures and "lost the connection to PostgreSQL" in str(failures[0])
    assert store.get_document("p1", ADMIN).title == "Alte Fassung"
    assert [c.text for c in store.document_chunks("p1", ADMIN)] == ["Die Hundesteuer bleibt."]
    assert store.vector_progress("m", "all") == (1, 1)
    assert store.lexical_search(query_terms("Katzen"), ADMIN) == []
    assert store.term_frequencies(["hundesteu"])[1] == 1  # the chunk count did not move either
    assert put(store, doc("p1", title="Neue Fassung", text="Katzen statt Hunde.")) is True  # a fresh connection
    assert ids(store.lexical_search(query_terms("Katzen"), ADMIN)) == ["p1"]


def test_a_refused_write_changes_nothing(store):
    put(store, doc("p1", title="Hundesteuer", text="Alt."))
    with pytest.raises(StoreError, match="nowhere"):
        put(store, doc("p1", "nowhere", title="Hundesteuer", text="Neu."))
    assert [c.text for c in store.document_chunks("p1", ADMIN)] == ["Alt."]
    with pytest.raises(StoreError, match="differ in length"):
        store.put_vectors("m", [(1, [1.0, 0.0]), (2, [1.0, 0.0, 0.0])])
    with pytest.raises(StoreError, match="refused"):  # pgvector takes no NaN; the whole batch is refused
        store.put_vectors("m", [(store.document_chunks("p1", ADMIN)[0].id, [float("nan"), 1.0])])
    assert store.stats()["vectors"] == 0


# -- text PostgreSQL stores differently ----------------------------------------------------
def test_nul_characters_are_dropped_not_refused(store):
    assert put(store, doc("p1", title="Hunde\x00steuer", text="Die Hunde\x00steuer steigt.",
                          metadata={"note\x00": ["a\x00b"]})) is True
    record = store.get_document("p1", ADMIN)
    assert record.title == "Hundesteuer" and record.metadata == {"note": ["ab"]}
    assert ids(store.lexical_search(query_terms("Hundesteuer"), ADMIN)) == ["p1"]


def test_terms_are_indexed_as_analysed(store):
    """to_tsvector would split "d'hondt" in two and drop "½"; the store indexes the terms the analysis made."""
    put(store, doc("p1", title="Sitzverteilung nach d'Hondt", text="Ein ½ Sitz."))
    put(store, doc("p2", title="Stellungnahme von Herrn Hondt", text="Ohne Sitz."))
    assert ids(store.lexical_search(query_terms("d'Hondt"), ADMIN)) == ["p1"]
    assert ids(store.lexical_search(query_terms("½"), ADMIN)) == ["p1"]
    assert store.lexical_search(["x" * 3000], ADMIN) == []  # longer than PostgreSQL indexes: no match, no error


def test_dates_compare_bytewise_whatever_the_locale(store):
    put(store, doc("p1", title="Hundesteuer", date="2025-06-15T18:00:00+02:00"))
    put(store, doc("p2", title="Hundesteuer", date="2025-06-16"))
    put(store, doc("p3", title="Hundesteuer"))
    assert [d.id for d in store.list_documents(ADMIN, SearchFilters(date_to="2025-06-15"))] == ["p1"]
    assert [d.id for d in store.list_documents(ADMIN)] == ["p2", "p1", "p3"]  # undated last, as in SQLite


# -- vectors -------------------------------------------------------------------------------
def _clustered(rng: np.random.Generator, n: int, dim: int = 384) -> np.ndarray:
    """Vectors in 20 clusters, as sentence embeddings are, not uniform noise."""
    centres = rng.normal(size=(20, dim))
    return centres[rng.integers(0, 20, size=n)] + 0.6 * rng.normal(size=(n, dim))


def test_hnsw_finds_the_exact_neighbours_and_filtered_searches_fill_up(store, pg_server, pg_database, pg_url):
    rng = np.random.default_rng(0)
    for i in range(600):
        put(store, doc(f"d{i}", title=f"Vorlage {i}", text=f"Text {i}", type="Meeting" if i % 20 == 0 else "Paper"))
    todo = store.chunks_to_embed("e5", "all", 1000)
    store.put_vectors("e5", zip([cid for cid, _ in todo], _clustered(rng, len(todo)), strict=True))
    indexes = pg_server.execute(pg_database, "SELECT indexdef FROM pg_indexes WHERE tablename = 'chunk_vectors' "
                                             "AND indexname LIKE 'chunk_vectors_hnsw_%%'")
    assert len(indexes) == 1 and "hnsw" in indexes[0][0] and "vector(384)" in indexes[0][0]
    # The planner would scan 600 vectors exactly; make it take the index, as it does for large tables.
    pg_server.execute("postgres", f"ALTER DATABASE {pg_database} SET enable_seqscan = off")
    pg_server.execute("postgres", f"ALTER DATABASE {pg_database} SET enable_sort = off")
    (model_id,), = pg_server.execute(pg_database, "SELECT id FROM vector_models")
    nearest_meetings = ("SELECT v.chunk_id FROM chunk_vectors v JOIN chunks ch ON ch.id = v.chunk_id JOIN documents d "
                        f"ON d.id = ch.document_id WHERE d.type = 'Meeting' AND v.model_id = {model_id} "
                        "ORDER BY (v.embedding::vector(384)) <=> %s::vector(384) LIMIT 25")
    probe = (str(rng.normal(size=384).tolist()),)
    plan = "\n".join(line for (line,) in pg_server.execute(pg_database, "EXPLAIN " + nearest_meetings, probe))
    assert "Index Scan using chunk_vectors_hnsw" in plan
    assert len(pg_server.execute(pg_database, nearest_meetings, probe)) < 25  # pgvector's defaults fall short
    hnsw = PostgresStore(pg_url)
    queries = _clustered(rng, 20)
    recall = np.mean([len({h.chunk_id for h in hnsw.vector_search(q, "e5", ADMIN, limit=10)}
                          & {h.chunk_id for h in hnsw.vector_search(q, "e5", ADMIN, limit=10, exact=True)}) / 10
                      for q in queries])
    assert recall >= 0.9
    meetings = SearchFilters(types=["Meeting"])  # 30 of 600: the first 100 candidates hold about five
    hits = hnsw.vector_search(queries[0], "e5", ADMIN, meetings, limit=25)
    assert len(hits) == 25 and all(h.document_id in {f"d{i}" for i in range(0, 600, 20)} for h in hits)
    hnsw.close()


def test_unchanged_document_keeps_vectors_and_a_new_model_replaces_the_index(store, pg_server, pg_database):
    put(store, doc("p1", title="Hundesteuer", text="Die Hundesteuer steigt."))
    cid = store.document_chunks("p1", ADMIN)[0].id
    store.put_vectors("m", [(cid, [1.0, 0.0, 0.0])])
    assert put(store, doc("p1", title="Hundesteuer", text="Die Hundesteuer steigt.")) is False
    assert store.vector_progress("m", "all") == (1, 1)
    store.put_vectors("m2", [(cid, [0.0, 1.0])])
    indexes = {n for (n,) in pg_server.execute(pg_database, "SELECT indexname FROM pg_indexes WHERE "
                                                            "indexname LIKE 'chunk_vectors_hnsw_%%'")}
    assert len(indexes) == 1 and store.stats()["vector_model"] == "m2"
    assert store.vector_search([1.0, 0.0, 0.0], "m", ADMIN) == []
    with pytest.raises(StoreError, match="3 dimensions; m2 vectors have 2"):
        store.vector_search([1.0, 0.0, 0.0], "m2", ADMIN)


def test_access_is_applied_in_the_vector_statement(store):
    store.ensure_collection(Collection("bau", "intern", ("bauamt",)))
    put(store, doc("open", title="Offen"))
    put(store, doc("hidden", "bau", title="Intern"))
    vectors = [(store.document_chunks(d, ADMIN)[0].id, v) for d, v in (("open", [0.0, 1.0]), ("hidden", [1.0, 0.0]))]
    store.put_vectors("m", vectors)
    assert ids(store.vector_search([1.0, 0.0], "m", Access.anonymous())) == ["open"]
    assert ids(store.vector_search([1.0, 0.0], "m", Access(frozenset({"bauamt"}), authenticated=True))) == \
        ["hidden", "open"]
    with pytest.raises(NotFound):
        store.get_document("hidden", Access.anonymous())
