"""Plain language (Einfache Sprache) over DEplain-web: readability of the original, the model's rewrite
and the human simplification, and the time per text.

    python bench/plain_language.py [--limit 20] [--backend llamacpp] [--model qwen2.5-coder-0.5b]
    python bench/plain_language.py --model qwen2.5-coder-1.5b --limit 10
    python bench/plain_language.py --model-path /models/own.gguf          # any GGUF file
    python bench/plain_language.py --config bench.toml --backend server  # a backend from a TOML file

Data: ``../shared/data/deplain/deplain_web_sent_manual_open_test.csv`` (DEplain-web, Stodden et al.
2023; see its SOURCE.md). Why the sentence-level set and not the document-level one: the document
set's short documents are nearly all language-learner texts whose "simplification" barely differs
from the original (mean WSTF 9.3 → 8.9), and its health, fiction and bible documents run to 3,600–7,300
characters (minutes per text for a small model on 2 cores). The sentence-level set has manually
aligned pairs from all four domains; consecutive pairs of one document (ordered by the original's
paragraph and sentence ids) are joined into passages of up to ``--passage-chars`` characters of
original text, so each passage has several sentences (readability formulas need more than one) and
its own human simplification. Passages are sampled round-robin over the domains with a fixed seed.
(Inside one 1:n or n:1 alignment the data lists the sentences in any order; the readability formulas
do not depend on sentence order.)

Each passage is rewritten with ``rathaus.tools.plain_language`` (level "einfach", the product's
prompt and reply budget). Reported: WSTF and Flesch-Amstad (``rathaus.tools.readability``) of the
three versions, how often the rewrite is easier than the original, how often the model merely
copied it (≥ 90 % of its words in the same order), the length ratio, and the seconds per text.
Readability says nothing about whether the meaning survived: read some outputs too
(``--show``). The figures go into docs/BENCHMARKS.md, section "plain-language".
"""

from __future__ import annotations

import argparse
import csv
import random
import statistics
import sys
import time
import tomllib
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import CACHE, SHARED, stamp, write_section  # noqa: E402

from rathaus import plugins  # noqa: E402
from rathaus.config import Settings  # noqa: E402
from rathaus.errors import RathausError  # noqa: E402
from rathaus.tools import plain_language, readability  # noqa: E402
from rathaus.tools.base import is_generative  # noqa: E402
from rathaus.tools.plain_language import PROMPT_VERSION  # noqa: E402

SENTENCES = SHARED / "data" / "deplain" / "deplain_web_sent_manual_open_test.csv"


def _position(original_id: str) -> tuple[int, ...]:
    """'56-1-2-0' -> (2, 0): paragraph and sentence of the original; '103-1-2-3|103-1-2-2' -> (2, 2)."""
    return min(tuple(int(p) for p in one.split("-")[2:4] if p.isdigit()) for one in original_id.split("|"))


def passages(path: Path, max_chars: int, min_chars: int, open_only: bool) -> list[dict]:
    """Consecutive aligned sentence pairs of one document, joined into passages."""
    csv.field_size_limit(10**8)
    by_document: dict[str, list[dict]] = defaultdict(list)
    with path.open(encoding="utf-8", newline="") as f:
        for row in csv.DictReader(f):
            if open_only and row["license"] == "save_use_share":
                continue
            by_document[row["pair_id"]].append(row)
    groups: list[list[dict]] = []
    for rows in by_document.values():
        rows.sort(key=lambda r: _position(r["original_id"]))
        current: list[dict] = []
        for row in rows:
            if current and row["original"] == current[-1]["original"]:
                continue  # the same original aligned twice
            if current and len(" ".join(r["original"] for r in [*current, row])) > max_chars:
                groups.append(current)
                current = []
            current.append(row)
        if current:
            groups.append(current)
    out = []
    for group in groups:
        original = " ".join(r["original"].strip() for r in group)
        if len(original) >= min_chars:
            out.append({"pair_id": group[0]["pair_id"], "domain": group[0]["domain"], "original": original,
                        "human": " ".join(r["simplification"].strip() for r in group),
                        "sentences": len(group), "license": group[0]["license"]})
    return out


def sample(items: list[dict], limit: int, seed: int) -> list[dict]:
    """Round-robin over the domains (sorted), each domain shuffled with ``seed``."""
    rng = random.Random(seed)
    pools = defaultdict(list)
    for item in items:
        pools[item["domain"]].append(item)
    for pool in pools.values():
        rng.shuffle(pool)
    chosen: list[dict] = []
    while len(chosen) < limit and any(pools.values()):
        for domain in sorted(pools):
            if pools[domain] and len(chosen) < limit:
                chosen.append(pools[domain].pop())
    return chosen


def build_backend(args: argparse.Namespace) -> tuple[object, dict]:
    backends: dict[str, dict] = {}
    if args.config:
        backends.update(tomllib.loads(args.config.read_text(encoding="utf-8")).get("backends", {}))
    table = dict(backends.get(args.backend) or {"kind": args.backend})
    table.setdefault("name", args.backend)
    if table["kind"] == "llamacpp":
        table.setdefault("threads", args.threads)
        table.setdefault("n_ctx", args.n_ctx)
        if args.model_path:
            table["path"] = str(args.model_path)
            table.setdefault("model", args.model or args.model_path.stem)
        elif args.model:
            table["model"] = args.model
    settings = Settings(data_dir=CACHE, embedder="none")  # a packaged model is joined into bench/.cache/models
    backend = plugins.factory("backend", table["kind"])(table, settings)
    if not is_generative(backend):
        sys.exit(f"backend {args.backend!r} ({table['kind']}) cannot rewrite text: plain language needs a "
                 "generative backend (llamacpp, or openai via --config)")
    if hasattr(backend, "load"):
        backend.load()
    described = {k: v for k, v in table.items() if k not in ("key", "api_key", "api_key_env")}
    return backend, described


def mean_median(values: list[float]) -> str:
    return f"{statistics.mean(values):.1f} / {statistics.median(values):.1f}" if values else "–"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--limit", type=int, default=20, help="Passages to rewrite (default 20).")
    ap.add_argument("--backend", default="llamacpp", help="llamacpp, or a backend of --config")
    ap.add_argument("--config", type=Path, default=None, help="A rathaus.toml whose [backends.*] tables are used.")
    ap.add_argument("--model", default=None, help="Packaged model: qwen2.5-coder-0.5b (default) or qwen2.5-coder-1.5b.")
    ap.add_argument("--model-path", type=Path, default=None, help="A .gguf file instead of a packaged model.")
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--n-ctx", type=int, default=4096)
    ap.add_argument("--level", choices=["einfach", "leicht"], default="einfach")
    ap.add_argument("--passage-chars", type=int, default=600, help="Most original characters per passage.")
    ap.add_argument("--min-chars", type=int, default=250, help="Fewest original characters per passage.")
    ap.add_argument("--open-only", action="store_true", help="Leave out the research-only rows (save_use_share).")
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--show", type=int, default=0, help="Print the first N rewrites next to their originals.")
    ap.add_argument("--no-write", action="store_true", help="Print the section instead of writing BENCHMARKS.md.")
    args = ap.parse_args()
    if not SENTENCES.exists():
        sys.exit(f"missing {SENTENCES}; set RATHAUS_SHARED_DIR")

    items = sample(passages(SENTENCES, args.passage_chars, args.min_chars, args.open_only), args.limit, args.seed)
    backend, described = build_backend(args)
    started_all = time.perf_counter()
    rows, failures = [], []
    for i, item in enumerate(items, 1):
        started = time.perf_counter()
        try:
            result = plain_language(backend, item["original"], level=args.level)
        except RathausError as exc:
            failures.append(f"{item['pair_id']}: {exc.code}: {exc}")
            print(f"[{i}/{len(items)}] {item['domain']}: failed: {exc}", flush=True)
            continue
        seconds = time.perf_counter() - started
        human = readability(item["human"])
        rows.append({"item": item, "result": result, "human": human, "seconds": seconds,
                     "copied": result.copied,
                     "ratio": len(result.text) / len(item["original"])})
        print(f"[{i}/{len(items)}] {item['domain']}: {seconds:.1f} s, WSTF {result.before.wstf:.1f} -> "
              f"{result.after.wstf:.1f} (human {human.wstf:.1f})", flush=True)
        if i <= args.show:
            print(f"  original: {item['original']}\n  model:    {result.text}\n  human:    {item['human']}\n")
    total = time.perf_counter() - started_all
    if not rows:
        sys.exit("no passage was rewritten: " + "; ".join(failures[:3]))

    n = len(rows)
    wstf = {k: [getattr(r["result"], k).wstf for r in rows] for k in ("before", "after")}
    fre = {k: [getattr(r["result"], k).flesch_amstad for r in rows] for k in ("before", "after")}
    wstf["human"] = [r["human"].wstf for r in rows]
    fre["human"] = [r["human"].flesch_amstad for r in rows]
    words = {"before": [r["result"].before.words for r in rows], "after": [r["result"].after.words for r in rows],
             "human": [r["human"].words for r in rows]}
    sentence_length = {"before": [r["result"].before.mean_sentence_length for r in rows],
                       "after": [r["result"].after.mean_sentence_length for r in rows],
                       "human": [r["human"].mean_sentence_length for r in rows]}
    seconds = sorted(r["seconds"] for r in rows)
    domains = defaultdict(int)
    for r in rows:
        domains[r["item"]["domain"]] += 1
    easier = sum(1 for r in rows if r["result"].after.wstf < r["result"].before.wstf)
    easier_fre = sum(1 for r in rows if r["result"].after.flesch_amstad > r["result"].before.flesch_amstad)
    human_easier = sum(1 for r in rows if r["human"].wstf < r["result"].before.wstf)
    model_name = getattr(backend, "model", "?")
    command = (f"python bench/plain_language.py --backend {args.backend}"
               f"{f' --model {args.model}' if args.model else ''}"
               f"{' --model-path ' + str(args.model_path.name) if args.model_path else ''}"
               f" --limit {args.limit}{' --level leicht' if args.level == 'leicht' else ''}"
               f"{' --open-only' if args.open_only else ''}")
    level = "Einfache Sprache" if args.level == "einfach" else "Leichte Sprache"
    lines = [
        f"## Plain language: {level} with {model_name}",
        "",
        f"Measured {stamp()} with `{command}`; backend `{described}`, prompt `{PROMPT_VERSION}`. "
        f"Set: {n} passages of consecutive manually aligned sentences from the DEplain-web sentence-level test set "
        f"(`../shared/data/deplain`; {', '.join(f'{d} {c}' for d, c in sorted(domains.items()))}), "
        f"{args.min_chars}–{args.passage_chars} characters of original text each, sampled round-robin over the "
        f"domains (seed {args.seed}). WSTF: erste Wiener Sachtextformel (school grade, lower is easier); "
        "Flesch-Amstad: 0–100, higher is easier (`rathaus.tools.readability`).",
        "",
        "| text | WSTF mean / median | Flesch-Amstad mean / median | words mean | words per sentence |",
        "|---|---|---|---|---|",
        f"| original | {mean_median(wstf['before'])} | {mean_median(fre['before'])} | "
        f"{statistics.mean(words['before']):.0f} | {statistics.mean(sentence_length['before']):.1f} |",
        f"| **model rewrite** | {mean_median(wstf['after'])} | {mean_median(fre['after'])} | "
        f"{statistics.mean(words['after']):.0f} | {statistics.mean(sentence_length['after']):.1f} |",
        f"| human simplification | {mean_median(wstf['human'])} | {mean_median(fre['human'])} | "
        f"{statistics.mean(words['human']):.0f} | {statistics.mean(sentence_length['human']):.1f} |",
        "",
        f"- Rewrite easier than the original: {easier}/{n} by WSTF, {easier_fre}/{n} by Flesch-Amstad "
        f"(human simplification: {human_easier}/{n} by WSTF).",
        f"- Rewrite a near copy of the original (≥ 90 % of its words in order): "
        f"{sum(1 for r in rows if r['copied'])}/{n}; length rewrite/original "
        f"{statistics.median(r['ratio'] for r in rows):.2f} (median).",
        f"- Time per text: mean {statistics.mean(seconds):.1f} s, p50 {seconds[len(seconds) // 2]:.1f} s, "
        f"max {seconds[-1]:.1f} s; {total:.0f} s for the run"
        f"{f'; {len(failures)} failed' if failures else ''}.",
        "- Readability formulas count sentence and word lengths only: they cannot tell whether the rewrite kept "
        "the meaning, and a model that drops content scores well. DEplain-web has no administrative texts "
        "(fiction, language-learner, health, bible); read outputs (`--show 5`) before trusting a model here.",
    ]
    section = "\n".join(lines)
    print("\n" + section)
    if not args.no_write:
        write_section("plain-language", section)


if __name__ == "__main__":
    main()
