"""Schema of the PostgreSQL store. Add a new function at the end; never edit an applied one.

``apply`` runs under a session advisory lock, so several workers starting at once migrate one after
the other: the first applies, the others find the migrations recorded and go on. Each migration
runs in its own transaction (PostgreSQL's DDL is transactional) and is recorded in ``_migrations``
in that same transaction, so a failed migration leaves no trace and runs again at the next start.

Text that is compared or sorted (ids, names, ISO dates) is ``COLLATE "C"``: bytewise, as SQLite
compares, whatever locale the database was created with; the date filters rely on it.
"""

from __future__ import annotations

from typing import Any

from rathaus.store.pgdb import Target, ensure_vector_extension

MIGRATION_LOCK = (0x52415448, 1)  # pg_advisory_lock(key1, key2): "RATH", migrations


def m001_documents(conn: Any) -> None:
    """Collections, documents and chunks with their lexical index.

    Per chunk: ``terms`` ('title terms<TAB>body terms', as SQLite keeps them), ``tsv`` (those terms as a
    tsvector, title weighted A, for the GIN index that finds candidates and counts document frequencies),
    ``tf`` (term -> frequency, title terms counted twice) and ``length`` (2 x title + body terms) for BM25.
    The frequencies are kept apart because reading them from the tsvector means unnesting the whole
    tsvector of every candidate (ten times slower), and a tsvector keeps at most 256 positions per term."""
    conn.execute("""
        CREATE TABLE collections (
            name text COLLATE "C" PRIMARY KEY,
            classification text NOT NULL CHECK (classification IN ('offen', 'intern', 'vertraulich')),
            description text NOT NULL DEFAULT '',
            public boolean NOT NULL DEFAULT false
        )""")
    conn.execute("""
        CREATE TABLE collection_groups (
            collection text COLLATE "C" NOT NULL REFERENCES collections(name) ON DELETE CASCADE,
            grp text COLLATE "C" NOT NULL,
            PRIMARY KEY (collection, grp)
        )""")
    conn.execute("""
        CREATE TABLE documents (
            id text COLLATE "C" PRIMARY KEY,
            collection text COLLATE "C" NOT NULL REFERENCES collections(name),
            type text COLLATE "C" NOT NULL,
            title text NOT NULL,
            reference text,
            date text COLLATE "C",
            organizations jsonb NOT NULL DEFAULT '[]',
            meeting_date text,
            result text,
            web_url text,
            source_url text,
            body text COLLATE "C",
            modified text,
            content_hash text NOT NULL,
            metadata jsonb NOT NULL DEFAULT '{}',
            indexed_at timestamptz NOT NULL DEFAULT now()
        )""")
    conn.execute("CREATE INDEX documents_collection ON documents (collection)")
    conn.execute("CREATE INDEX documents_date ON documents (date)")
    conn.execute("CREATE INDEX documents_type ON documents (type)")
    conn.execute("""
        CREATE TABLE document_orgs (
            document_id text COLLATE "C" NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
            value text COLLATE "C" NOT NULL,
            PRIMARY KEY (document_id, value)
        )""")
    conn.execute("CREATE INDEX document_orgs_value ON document_orgs (value)")
    conn.execute("""
        CREATE TABLE chunks (
            id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
            document_id text COLLATE "C" NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
            ord integer NOT NULL,
            text text NOT NULL,
            page integer,
            section text,
            file_id text,
            file_name text,
            lead boolean NOT NULL DEFAULT false,
            text_hash text NOT NULL,
            doc_date text COLLATE "C" NOT NULL DEFAULT '',
            terms text NOT NULL,
            tsv tsvector NOT NULL,
            tf jsonb NOT NULL,
            length integer NOT NULL,
            UNIQUE (document_id, ord)
        )""")
    conn.execute("CREATE INDEX chunks_tsv ON chunks USING gin (tsv)")
    conn.execute("CREATE INDEX chunks_embed_order ON chunks (lead DESC, doc_date DESC, id)")
    # N and the total length for BM25, kept with every write instead of counted for every query
    conn.execute("""
        CREATE TABLE lexical_stats (
            one boolean PRIMARY KEY DEFAULT true CHECK (one),
            chunks bigint NOT NULL,
            tokens bigint NOT NULL
        )""")
    conn.execute("INSERT INTO lexical_stats (chunks, tokens) VALUES (0, 0)")


def m002_vectors(conn: Any) -> None:
    """Vectors per (chunk, model) in pgvector columns of any dimension; each model's dimension is recorded,
    and the store creates one HNSW index per model (on ``embedding::vector(dim)``) when its first vectors
    arrive."""
    conn.execute("""
        CREATE TABLE vector_models (
            id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
            model text NOT NULL UNIQUE,
            dim integer NOT NULL CHECK (dim > 0),
            created_at timestamptz NOT NULL DEFAULT now()
        )""")
    conn.execute("""
        CREATE TABLE chunk_vectors (
            chunk_id bigint NOT NULL REFERENCES chunks(id) ON DELETE CASCADE,
            model_id integer NOT NULL REFERENCES vector_models(id) ON DELETE CASCADE,
            embedding vector NOT NULL,
            PRIMARY KEY (chunk_id, model_id)
        )""")


def m003_postings(conn: Any) -> None:
    """Postings for BM25: one row per (term, chunk) with the term's frequency and the chunk's length, in a
    btree on the term, and each term's document frequency in ``lexicon``. A lexical search is then an index
    range scan over the query terms' postings plus an aggregate, instead of reading every candidate chunk's
    ``tf`` (0.6 s for a term in 40k chunks; seconds per query at 100k chunks), and the document frequencies
    are one row each instead of a GIN count. Terms longer than PostgreSQL indexes are left out, as in ``tsv``.
    Filled here from the chunks' ``tf``."""
    conn.execute("""
        CREATE TABLE postings (
            term text COLLATE "C" NOT NULL,
            chunk_id bigint NOT NULL,
            tf integer NOT NULL,
            length integer NOT NULL,
            PRIMARY KEY (term, chunk_id) INCLUDE (tf, length)
        )""")
    conn.execute("""
        INSERT INTO postings (term, chunk_id, tf, length)
        SELECT e.key, ch.id, e.value::integer, ch.length FROM chunks ch CROSS JOIN LATERAL jsonb_each_text(ch.tf) e
        WHERE octet_length(e.key) <= 2046 ORDER BY 1, 2""")
    conn.execute("CREATE TABLE lexicon (term text COLLATE \"C\" PRIMARY KEY, df bigint NOT NULL)")
    conn.execute("INSERT INTO lexicon SELECT term, count(*) FROM postings GROUP BY term ORDER BY term")


MIGRATIONS = [("001_documents", m001_documents), ("002_vectors", m002_vectors), ("003_postings", m003_postings)]


def apply(conn: Any, target: Target, migrations: list[tuple[str, Any]] = MIGRATIONS) -> list[str]:
    """Enable pgvector and apply the migrations not yet recorded; return the names applied.
    ``conn`` is an autocommit connection."""
    conn.execute("SELECT pg_advisory_lock(%s, %s)", MIGRATION_LOCK)
    try:
        ensure_vector_extension(conn, target)
        conn.execute("CREATE TABLE IF NOT EXISTS _migrations (name text PRIMARY KEY, "
                     "applied_at timestamptz NOT NULL DEFAULT now())")
        done = {name for (name,) in conn.execute("SELECT name FROM _migrations")}
        applied = []
        for name, migration in migrations:
            if name not in done:
                with conn.transaction():
                    migration(conn)
                    conn.execute("INSERT INTO _migrations (name) VALUES (%s)", (name,))
                applied.append(name)
        return applied
    finally:
        if not conn.broken:  # a lost session has released its locks already
            conn.execute("SELECT pg_advisory_unlock(%s, %s)", MIGRATION_LOCK)
