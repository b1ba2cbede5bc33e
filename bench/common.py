"""Shared helpers for the benchmarks: the shared data, the replay server, a synced Karlsruhe index,
and writing figures into docs/BENCHMARKS.md."""

from __future__ import annotations

import contextlib
import json
import os
import platform
import re
import subprocess
import sys
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("RATHAUS_SHARED_DIR", ROOT.parent / "shared"))
CACHE = ROOT / "bench" / ".cache"
BENCHMARKS_MD = ROOT / "docs" / "BENCHMARKS.md"
OPARL_SERVER = SHARED / "tools" / "oparl_server.py"
SOURCE_PREFIX = "https://web1.karlsruhe.de/oparl"


def require_shared() -> None:
    if not OPARL_SERVER.exists():
        sys.exit(f"benchmarks need ../shared (missing {OPARL_SERVER}); set RATHAUS_SHARED_DIR")


def machine() -> str:
    cpu = platform.processor() or platform.machine()
    with contextlib.suppress(OSError):
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    mem = ""
    with contextlib.suppress(OSError):
        kb = int(Path("/proc/meminfo").read_text().split()[1])
        mem = f", {kb / 1024 / 1024:.0f} GiB RAM"
    return f"{os.cpu_count()} cores ({cpu}){mem}, Python {platform.python_version()}"


def stamp() -> str:
    return f"{datetime.now(UTC).strftime('%Y-%m-%d %H:%M UTC')} on {machine()}"


@contextlib.contextmanager
def oparl_server(*args: str) -> Iterator[str]:
    require_shared()
    proc = subprocess.Popen([sys.executable, str(OPARL_SERVER), "--port", "0", "--print-url", *args],
                            stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    try:
        url = proc.stdout.readline().strip()
        yield url
    finally:
        proc.kill()
        proc.wait()


def gold_key(url: str) -> str:
    """Compare OParl ids on the part after /oparl (the replay server rewrites the host)."""
    return url.split("/oparl", 1)[1] if "/oparl" in url else url


def load_jsonl(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.open(encoding="utf-8")]


def write_section(name: str, markdown: str) -> None:
    """Replace the section between <!-- name --> markers in docs/BENCHMARKS.md (append if missing)."""
    BENCHMARKS_MD.parent.mkdir(exist_ok=True)
    text = BENCHMARKS_MD.read_text(encoding="utf-8") if BENCHMARKS_MD.exists() else "# Benchmarks\n"
    start, end = f"<!-- {name}:start -->", f"<!-- {name}:end -->"
    block = f"{start}\n{markdown.strip()}\n{end}"
    if start in text:
        text = re.sub(re.escape(start) + r".*?" + re.escape(end), lambda _: block, text, flags=re.S)
    else:
        text = text.rstrip() + "\n\n" + block + "\n"
    BENCHMARKS_MD.write_text(text, encoding="utf-8")


def karlsruhe_dir() -> Path:
    return CACHE / "karlsruhe"


def ensure_karlsruhe_index(rate_limit: float = 0.0) -> Path:
    """A full sync of the Karlsruhe replay into bench/.cache/karlsruhe (reused when present)."""
    data_dir = karlsruhe_dir()
    if (data_dir / "rathaus.sqlite").exists() and (data_dir / ".synced").exists():
        return data_dir
    with oparl_server() as url:
        env = dict(os.environ, RATHAUS_EMBEDDER="none", RATHAUS_OPARL_RATE_LIMIT=str(rate_limit))
        subprocess.run([sys.executable, "-m", "rathaus.cli", "--data-dir", str(data_dir), "sync", "oparl", url],
                       check=True, env=env)
    (data_dir / ".synced").write_text(url)
    return data_dir
